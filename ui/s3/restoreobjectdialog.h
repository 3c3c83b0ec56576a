// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

namespace Gui::S3 {

// Restore an archived object (GLACIER, DEEP_ARCHIVE), as the S3 console's "Initiate restore":
// how many days the restored copy stays readable, and the retrieval tier with how long it takes
// (DEEP_ARCHIVE offers no Expedited retrieval).
class RestoreObjectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreObjectDialog)

public:
    RestoreObjectDialog(const QString &key, const QString &storageClass, QWidget *parent = nullptr);

    int days() const;
    QString tier() const; // Standard, Bulk or Expedited, as the API names them
    // The tiers the storage class offers, fastest first.
    static QStringList tiers(const QString &storageClass);

private:
    void updateHint();

    QString m_storageClass;
    QSpinBox *m_days;
    QComboBox *m_tier;
    QLabel *m_hint;
};

} // namespace Gui::S3
