// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace Gui::Lambda {

// "Create function" (author from scratch): name, runtime and handler; the function starts with
// the runtime's hello-world code, as in the Lambda console.
class CreateFunctionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateFunctionDialog)

public:
    explicit CreateFunctionDialog(QWidget *parent = nullptr);

    QString functionName() const;
    QString runtime() const;
    QString handler() const;

private:
    void updateHandler();
    void validate();

    QLineEdit *m_name;
    QComboBox *m_runtime;
    QLineEdit *m_handler;
    QDialogButtonBox *m_buttons;
};

} // namespace Gui::Lambda
