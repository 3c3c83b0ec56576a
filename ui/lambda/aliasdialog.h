// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/lambdatypes.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLineEdit;

namespace Gui::Lambda {

// "Create alias" / "Edit alias" as in the Lambda console: name (fixed when editing), the version
// it points to, a description and weighted routing (an additional version and its share of the
// traffic, RoutingConfig.AdditionalVersionWeights).
class AliasDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AliasDialog)

public:
    // versions: the function's published versions (and $LATEST); existing: the alias to edit.
    AliasDialog(const QStringList &versions,
        const std::optional<Core::Lambda::AliasConfiguration> &existing,
        QWidget *parent = nullptr);

    Core::Lambda::AliasConfiguration alias() const;

private:
    void validate();

    QLineEdit *m_name;
    QComboBox *m_version;
    QLineEdit *m_description;
    QComboBox *m_additionalVersion;
    QDoubleSpinBox *m_weight;
    QDialogButtonBox *m_buttons;
};

} // namespace Gui::Lambda
