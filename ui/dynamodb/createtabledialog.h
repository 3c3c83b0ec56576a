// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace Core::DynamoDb {
class DynamoDbService;
}

namespace Gui::DynamoDb {

class IndexDefinitionsModel;

// Create table: name, partition key, optional sort key, capacity mode, an optional TTL
// attribute and up to 20 global and 5 local secondary indexes with their projections. Sends
// CreateTable (and UpdateTimeToLive); AWS's errors show inline.
class CreateTableDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateTableDialog)

public:
    explicit CreateTableDialog(Core::DynamoDb::DynamoDbService *service, QWidget *parent = nullptr);

    QJsonObject request() const;
    void setValues(const QString &name, const QString &partitionKey, const QString &sortKey);
    IndexDefinitionsModel *indexModel() const { return m_indexes; }
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
    IndexDefinitionsModel *m_indexes;
    QTableView *m_indexView;
    QPushButton *m_addGlobal;
    QPushButton *m_addLocal;
    QLabel *m_error;
};

} // namespace Gui::DynamoDb
