// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Gui::S3 {

// "Create bucket": name validated as the API validates it (S3-01), region, versioning.
class CreateBucketDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateBucketDialog)

public:
    explicit CreateBucketDialog(const QString &defaultRegion, QWidget *parent = nullptr);

    QString bucketName() const;
    QString region() const;
    bool versioning() const;
    // Why a name is refused, or "" when it is valid.
    static QString validationMessage(const QString &name);

private:
    void validate();

    QLineEdit *m_name;
    QComboBox *m_region;
    QCheckBox *m_versioning;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace Gui::S3
