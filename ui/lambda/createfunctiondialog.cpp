// SPDX-License-Identifier: MIT
#include "ui/lambda/createfunctiondialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

using namespace Qt::StringLiterals;

namespace Gui::Lambda {

CreateFunctionDialog::CreateFunctionDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_runtime(new QComboBox(this))
    , m_handler(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Create function"));
    m_name->setPlaceholderText(tr("my-function"));
    m_name->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[a-zA-Z0-9_-]{0,64}"_s), m_name));
    m_runtime->addItems({u"python3.13"_s,
        u"python3.12"_s,
        u"python3.11"_s,
        u"python3.10"_s,
        u"python3.9"_s,
        u"nodejs22.x"_s,
        u"nodejs20.x"_s,
        u"nodejs18.x"_s});
    m_runtime->setCurrentText(u"python3.12"_s);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Function name"), m_name);
    auto *hint = new QLabel(tr("Letters, numbers, hyphens and underscores, up to 64 characters."));
    hint->setEnabled(false);
    form->addRow(QString(), hint);
    form->addRow(tr("Runtime"), m_runtime);
    form->addRow(tr("Handler"), m_handler);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create function"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_runtime, &QComboBox::currentTextChanged, this, &CreateFunctionDialog::updateHandler);
    connect(m_name, &QLineEdit::textChanged, this, &CreateFunctionDialog::validate);
    connect(m_handler, &QLineEdit::textChanged, this, &CreateFunctionDialog::validate);
    updateHandler();
}

QString CreateFunctionDialog::functionName() const
{
    return m_name->text();
}

QString CreateFunctionDialog::runtime() const
{
    return m_runtime->currentText();
}

QString CreateFunctionDialog::handler() const
{
    return m_handler->text();
}

void CreateFunctionDialog::updateHandler()
{
    m_handler->setText(runtime().startsWith(u"nodejs"_s) ? u"index.handler"_s
                                                         : u"lambda_function.lambda_handler"_s);
    validate();
}

void CreateFunctionDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_name->text().isEmpty() && m_handler->text().contains(u'.'));
}

} // namespace Gui::Lambda
