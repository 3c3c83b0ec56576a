// SPDX-License-Identifier: MIT
#include "ui/dynamodb/createtabledialog.h"

#include "core/common/async.h"
#include "core/dynamodb/dynamodbservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb {

namespace {

QComboBox *typeCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->addItem(CreateTableDialog::tr("String"), u"S"_s);
    combo->addItem(CreateTableDialog::tr("Number"), u"N"_s);
    combo->addItem(CreateTableDialog::tr("Binary"), u"B"_s);
    return combo;
}

} // namespace

CreateTableDialog::CreateTableDialog(Core::DynamoDb::DynamoDbService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_name(new QLineEdit(this))
    , m_partitionKey(new QLineEdit(this))
    , m_partitionType(typeCombo(this))
    , m_sortKey(new QLineEdit(this))
    , m_sortType(typeCombo(this))
    , m_billing(new QComboBox(this))
    , m_read(new QSpinBox(this))
    , m_write(new QSpinBox(this))
    , m_ttl(new QLineEdit(this))
    , m_indexName(new QLineEdit(this))
    , m_indexPartitionKey(new QLineEdit(this))
    , m_indexPartitionType(typeCombo(this))
    , m_indexSortKey(new QLineEdit(this))
    , m_indexSortType(typeCombo(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Create table"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name->setPlaceholderText(tr("3-255 characters: A-Z a-z 0-9 _ - ."));
    form->addRow(tr("Table name"), m_name);
    auto *partition = new QHBoxLayout;
    partition->addWidget(m_partitionKey, 1);
    partition->addWidget(m_partitionType);
    form->addRow(tr("Partition key"), partition);
    auto *sort = new QHBoxLayout;
    m_sortKey->setPlaceholderText(tr("Optional"));
    sort->addWidget(m_sortKey, 1);
    sort->addWidget(m_sortType);
    form->addRow(tr("Sort key"), sort);
    m_billing->addItem(tr("On-demand"), u"PAY_PER_REQUEST"_s);
    m_billing->addItem(tr("Provisioned"), u"PROVISIONED"_s);
    form->addRow(tr("Capacity mode"), m_billing);
    for (QSpinBox *spin : {m_read, m_write}) {
        spin->setRange(1, 40000);
        spin->setValue(5);
        spin->setEnabled(false);
    }
    form->addRow(tr("Read capacity units"), m_read);
    form->addRow(tr("Write capacity units"), m_write);
    m_ttl->setPlaceholderText(tr("Optional, e.g. expiresAt"));
    form->addRow(tr("Time to Live attribute"), m_ttl);
    m_indexName->setPlaceholderText(tr("Optional, e.g. byCustomer"));
    form->addRow(tr("Global secondary index"), m_indexName);
    auto *indexPartition = new QHBoxLayout;
    indexPartition->addWidget(m_indexPartitionKey, 1);
    indexPartition->addWidget(m_indexPartitionType);
    form->addRow(tr("Index partition key"), indexPartition);
    auto *indexSort = new QHBoxLayout;
    m_indexSortKey->setPlaceholderText(tr("Optional"));
    indexSort->addWidget(m_indexSortKey, 1);
    indexSort->addWidget(m_indexSortType);
    form->addRow(tr("Index sort key"), indexSort);
    layout->addLayout(form);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #d13212;"_s);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(m_billing, &QComboBox::currentIndexChanged, this, [this] {
        const bool provisioned = m_billing->currentData().toString() == u"PROVISIONED";
        m_read->setEnabled(provisioned);
        m_write->setEnabled(provisioned);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &CreateTableDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void CreateTableDialog::setValues(
    const QString &name, const QString &partitionKey, const QString &sortKey)
{
    m_name->setText(name);
    m_partitionKey->setText(partitionKey);
    m_sortKey->setText(sortKey);
}

void CreateTableDialog::setIndex(
    const QString &name, const QString &partitionKey, const QString &sortKey)
{
    m_indexName->setText(name);
    m_indexPartitionKey->setText(partitionKey);
    m_indexSortKey->setText(sortKey);
}

QString CreateTableDialog::errorText() const
{
    return m_error->text();
}

QJsonObject CreateTableDialog::request() const
{
    QJsonArray definitions{QJsonObject{{u"AttributeName"_s, m_partitionKey->text()},
        {u"AttributeType"_s, m_partitionType->currentData().toString()}}};
    QJsonArray keys{
        QJsonObject{{u"AttributeName"_s, m_partitionKey->text()}, {u"KeyType"_s, u"HASH"_s}}};
    if (!m_sortKey->text().isEmpty()) {
        definitions.append(QJsonObject{{u"AttributeName"_s, m_sortKey->text()},
            {u"AttributeType"_s, m_sortType->currentData().toString()}});
        keys.append(
            QJsonObject{{u"AttributeName"_s, m_sortKey->text()}, {u"KeyType"_s, u"RANGE"_s}});
    }
    QJsonObject request{{u"TableName"_s, m_name->text()},
        {u"AttributeDefinitions"_s, definitions},
        {u"KeySchema"_s, keys},
        {u"BillingMode"_s, m_billing->currentData().toString()}};
    const QJsonObject throughput{
        {u"ReadCapacityUnits"_s, m_read->value()}, {u"WriteCapacityUnits"_s, m_write->value()}};
    const bool provisioned = m_billing->currentData().toString() == u"PROVISIONED";
    if (provisioned)
        request.insert(u"ProvisionedThroughput"_s, throughput);
    if (!m_indexName->text().isEmpty()) {
        QStringList defined{m_partitionKey->text(), m_sortKey->text()};
        QJsonArray indexKeys;
        const auto addKey = [&](QLineEdit *name, QComboBox *type, const QString &keyType) {
            if (name->text().isEmpty())
                return;
            indexKeys.append(
                QJsonObject{{u"AttributeName"_s, name->text()}, {u"KeyType"_s, keyType}});
            if (!defined.contains(name->text())) {
                defined.append(name->text());
                definitions.append(QJsonObject{{u"AttributeName"_s, name->text()},
                    {u"AttributeType"_s, type->currentData().toString()}});
            }
        };
        addKey(m_indexPartitionKey, m_indexPartitionType, u"HASH"_s);
        addKey(m_indexSortKey, m_indexSortType, u"RANGE"_s);
        QJsonObject index{{u"IndexName"_s, m_indexName->text()},
            {u"KeySchema"_s, indexKeys},
            {u"Projection"_s, QJsonObject{{u"ProjectionType"_s, u"ALL"_s}}}};
        if (provisioned)
            index.insert(u"ProvisionedThroughput"_s, throughput);
        request.insert(u"GlobalSecondaryIndexes"_s, QJsonArray{index});
        request.insert(u"AttributeDefinitions"_s, definitions);
    }
    return request;
}

void CreateTableDialog::create()
{
    const QJsonObject createRequest = request();
    const QString ttl = m_ttl->text();
    Core::DynamoDb::DynamoDbService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, createRequest, ttl] {
            auto result = service->createTable(createRequest);
            if (result && !ttl.isEmpty())
                return service->updateTimeToLive(
                    QJsonObject{{u"TableName"_s, createRequest[u"TableName"_s]},
                        {u"TimeToLiveSpecification"_s,
                            QJsonObject{{u"Enabled"_s, true}, {u"AttributeName"_s, ttl}}}});
            return result;
        },
        [this, createRequest](const Core::Result<QJsonObject> &result) {
            if (!result) {
                m_error->setText(result.error().code + u": "_s + result.error().message);
                return;
            }
            emit created(createRequest[u"TableName"_s].toString());
            accept();
        });
}

} // namespace Gui::DynamoDb
