// SPDX-License-Identifier: MIT
#include "ui/dynamodb/itemeditordialog.h"

#include "core/common/async.h"
#include "core/dynamodb/dynamodbservice.h"
#include "ui/dynamodb/dynamodbjson.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb {

ItemEditorDialog::ItemEditorDialog(Core::DynamoDb::DynamoDbService *service,
    const QString &tableName,
    const QJsonObject &item,
    QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_tableName(tableName)
    , m_editor(new QPlainTextEdit(this))
    , m_typedView(new QCheckBox(tr("View DynamoDB JSON"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(item.isEmpty() ? tr("Create item in %1").arg(tableName)
                                  : tr("Edit item in %1").arg(tableName));
    resize(560, 480);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Attributes as JSON. Numbers, sets and binary values need the "
                                    "DynamoDB JSON view to keep their exact type."),
        this));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_typedView);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #d13212;"_s);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ItemEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_typedView->setChecked(true);
    setText(QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Indented)));
    connect(m_typedView, &QCheckBox::toggled, this, &ItemEditorDialog::toggleView);
}

QString ItemEditorDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void ItemEditorDialog::setText(const QString &json)
{
    m_editor->setPlainText(json);
}

std::optional<QJsonObject> ItemEditorDialog::currentItem()
{
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(m_editor->toPlainText().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        m_error->setText(tr("The item is not a JSON object: %1").arg(parseError.errorString()));
        m_error->show();
        return std::nullopt;
    }
    return m_typedView->isChecked() ? document.object()
                                    : DynamoDbJson::fromPlain(document.object());
}

void ItemEditorDialog::toggleView(bool dynamoDbJson)
{
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(m_editor->toPlainText().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return;
    const QJsonObject converted = dynamoDbJson ? DynamoDbJson::fromPlain(document.object())
                                               : DynamoDbJson::toPlain(document.object());
    setText(QString::fromUtf8(QJsonDocument(converted).toJson(QJsonDocument::Indented)));
}

void ItemEditorDialog::save()
{
    const auto item = currentItem();
    if (!item)
        return;
    m_error->clear();
    m_error->hide();
    const QJsonObject request{{u"TableName"_s, m_tableName}, {u"Item"_s, *item}};
    Core::DynamoDb::DynamoDbService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, request] { return service->putItem(request); },
        [this](const Core::Result<QJsonObject> &result) {
            if (!result) {
                // AWS's own wording, as the console shows it.
                m_error->setText(result.error().code + u": "_s + result.error().message);
                m_error->show();
                return;
            }
            emit saved();
            accept();
        });
}

} // namespace Gui::DynamoDb
