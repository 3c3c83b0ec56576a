// SPDX-License-Identifier: MIT
#include "ui/lambda/aliasdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

using namespace Qt::StringLiterals;

namespace Gui::Lambda {

AliasDialog::AliasDialog(const QStringList &versions,
    const std::optional<Core::Lambda::AliasConfiguration> &existing,
    QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_version(new QComboBox(this))
    , m_description(new QLineEdit(this))
    , m_additionalVersion(new QComboBox(this))
    , m_weight(new QDoubleSpinBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(existing ? tr("Edit alias") : tr("Create alias"));
    m_name->setObjectName(u"aliasName"_s);
    m_version->setObjectName(u"aliasVersion"_s);
    m_additionalVersion->setObjectName(u"aliasAdditionalVersion"_s);
    m_weight->setObjectName(u"aliasWeight"_s);
    // CreateAlias: Name (?!^[0-9]+$)([a-zA-Z0-9-_]+), 1-128 characters.
    m_name->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[a-zA-Z0-9_-]{1,128}"_s), m_name));
    m_version->addItems(versions);
    m_additionalVersion->addItem(tr("None"), QString());
    for (const QString &version : versions) {
        if (version != u"$LATEST"_s)
            m_additionalVersion->addItem(version, version);
    }
    m_weight->setRange(0, 100);
    m_weight->setDecimals(1);
    m_weight->setSuffix(u" %"_s);
    if (existing) {
        m_name->setText(existing->name);
        m_name->setReadOnly(true);
        m_version->setCurrentText(existing->functionVersion);
        m_description->setText(existing->description);
        if (!existing->additionalVersionWeights.isEmpty()) {
            const auto first = existing->additionalVersionWeights.cbegin();
            m_additionalVersion->setCurrentIndex(m_additionalVersion->findData(first.key()));
            m_weight->setValue(first.value() * 100);
        }
    }
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Version"), m_version);
    form->addRow(tr("Weighted alias: additional version"), m_additionalVersion);
    form->addRow(tr("Weight of the additional version"), m_weight);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &AliasDialog::validate);
    connect(m_version, &QComboBox::currentIndexChanged, this, &AliasDialog::validate);
    connect(m_additionalVersion, &QComboBox::currentIndexChanged, this, &AliasDialog::validate);
    validate();
}

Core::Lambda::AliasConfiguration AliasDialog::alias() const
{
    Core::Lambda::AliasConfiguration alias;
    alias.name = m_name->text();
    alias.functionVersion = m_version->currentText();
    alias.description = m_description->text();
    const QString additional = m_additionalVersion->currentData().toString();
    if (!additional.isEmpty())
        alias.additionalVersionWeights.insert(additional, m_weight->value() / 100.0);
    return alias;
}

void AliasDialog::validate()
{
    static const QRegularExpression allDigits(u"^[0-9]+$"_s);
    const QString additional = m_additionalVersion->currentData().toString();
    m_weight->setEnabled(!additional.isEmpty());
    const bool valid = !m_name->text().isEmpty() && !allDigits.match(m_name->text()).hasMatch()
        && m_version->currentIndex() >= 0 && additional != m_version->currentText();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

} // namespace Gui::Lambda
