// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Core::DynamoDb {
class DynamoDbService;
}

namespace Gui::DynamoDb {

// Create table: name, partition key, optional sort key, capacity mode and an optional TTL
// attribute, plus one optional global secondary index (projection ALL). Sends CreateTable (and
// UpdateTimeToLive); AWS's errors show inline.
class CreateTableDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateTableDialog)

public:
    explicit CreateTableDialog(Core::DynamoDb::DynamoDbService *service, QWidget *parent = nullptr);

    QJsonObject request() const;
    void setValues(const QString &name, const QString &partitionKey, const QString &sortKey);
    void setIndex(const QString &name, const QString &partitionKey, const QString &sortKey);
    QString errorText() const;
    void create();

signals:
    void created(const QString &tableName);

private:
    Core::DynamoDb::DynamoDbService *m_service;
    QLineEdit *m_name;
    QLineEdit *m_partitionKey;
    QComboBox *m_partitionType;
    QLineEdit *m_sortKey;
    QComboBox *m_sortType;
    QComboBox *m_billing;
    QSpinBox *m_read;
    QSpinBox *m_write;
    QLineEdit *m_ttl;
    QLineEdit *m_indexName;
    QLineEdit *m_indexPartitionKey;
    QComboBox *m_indexPartitionType;
    QLineEdit *m_indexSortKey;
    QComboBox *m_indexSortType;
    QLabel *m_error;
};

} // namespace Gui::DynamoDb
