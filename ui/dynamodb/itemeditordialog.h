// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace Core::DynamoDb {
class DynamoDbService;
}

namespace Gui::DynamoDb {

// Creates or edits one item as JSON, with the console's DynamoDB-JSON toggle. Saving is a
// PutItem; AWS's error message (validation, key schema, size) is shown inline.
class ItemEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemEditorDialog)

public:
    ItemEditorDialog(Core::DynamoDb::DynamoDbService *service,
        const QString &tableName,
        const QJsonObject &item,
        QWidget *parent = nullptr);

    QString errorText() const;
    void setText(const QString &json);
    void save();

signals:
    void saved();

private:
    std::optional<QJsonObject> currentItem();
    void toggleView(bool dynamoDbJson);

    Core::DynamoDb::DynamoDbService *m_service;
    QString m_tableName;
    QPlainTextEdit *m_editor;
    QCheckBox *m_typedView;
    QLabel *m_error;
};

} // namespace Gui::DynamoDb
