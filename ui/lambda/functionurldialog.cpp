// SPDX-License-Identifier: MIT
#include "ui/lambda/functionurldialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace Gui::Lambda {

namespace {

QString joined(const QJsonObject &cors, const QString &key)
{
    QStringList values;
    for (const QJsonValue value : cors.value(key).toArray())
        values.append(value.toString());
    return values.join(u", "_s);
}

QJsonArray split(const QLineEdit *edit)
{
    QJsonArray values;
    for (const QString &value : edit->text().split(u',', Qt::SkipEmptyParts)) {
        if (!value.trimmed().isEmpty())
            values.append(value.trimmed());
    }
    return values;
}

} // namespace

FunctionUrlDialog::FunctionUrlDialog(const QStringList &qualifiers,
    const std::optional<Core::Lambda::FunctionUrlConfig> &existing,
    QWidget *parent)
    : QDialog(parent)
    , m_qualifier(new QComboBox(this))
    , m_authType(new QComboBox(this))
    , m_origins(new QLineEdit(this))
    , m_methods(new QLineEdit(this))
    , m_headers(new QLineEdit(this))
    , m_maxAge(new QSpinBox(this))
{
    setWindowTitle(existing ? tr("Edit function URL") : tr("Create function URL"));
    m_qualifier->setObjectName(u"urlQualifier"_s);
    m_authType->setObjectName(u"urlAuthType"_s);
    m_origins->setObjectName(u"urlAllowOrigins"_s);
    m_qualifier->addItems(qualifiers);
    m_authType->addItem(tr("AWS_IAM (requests must be SigV4-signed)"), u"AWS_IAM"_s);
    m_authType->addItem(tr("NONE (public, anyone can invoke)"), u"NONE"_s);
    m_origins->setPlaceholderText(tr("e.g. https://example.com or *; empty: no CORS"));
    m_methods->setPlaceholderText(tr("e.g. GET, POST or *"));
    m_headers->setPlaceholderText(tr("e.g. content-type"));
    m_maxAge->setRange(0, 86400);
    m_maxAge->setSuffix(tr(" s"));
    if (existing) {
        m_qualifier->setCurrentText(existing->qualifier);
        m_qualifier->setEnabled(false);
        m_authType->setCurrentIndex(m_authType->findData(existing->authType));
        m_origins->setText(joined(existing->cors, u"AllowOrigins"_s));
        m_methods->setText(joined(existing->cors, u"AllowMethods"_s));
        m_headers->setText(joined(existing->cors, u"AllowHeaders"_s));
        m_maxAge->setValue(existing->cors.value(u"MaxAge"_s).toInt());
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Qualifier"), m_qualifier);
    form->addRow(tr("Auth type"), m_authType);
    form->addRow(tr("CORS allowed origins"), m_origins);
    form->addRow(tr("CORS allowed methods"), m_methods);
    form->addRow(tr("CORS allowed headers"), m_headers);
    form->addRow(tr("CORS max age"), m_maxAge);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString FunctionUrlDialog::qualifier() const
{
    return m_qualifier->currentText();
}

QString FunctionUrlDialog::authType() const
{
    return m_authType->currentData().toString();
}

QJsonObject FunctionUrlDialog::cors() const
{
    const QJsonArray origins = split(m_origins);
    if (origins.isEmpty())
        return {};
    QJsonObject cors{{u"AllowOrigins"_s, origins}};
    if (const QJsonArray methods = split(m_methods); !methods.isEmpty())
        cors.insert(u"AllowMethods"_s, methods);
    if (const QJsonArray headers = split(m_headers); !headers.isEmpty())
        cors.insert(u"AllowHeaders"_s, headers);
    if (m_maxAge->value() > 0)
        cors.insert(u"MaxAge"_s, m_maxAge->value());
    return cors;
}

} // namespace Gui::Lambda
