// SPDX-License-Identifier: MIT
#include "ui/dynamodb/createtabledialog.h"

#include "core/common/async.h"
#include "core/dynamodb/dynamodbservice.h"
#include "ui/dynamodb/choicedelegate.h"
#include "ui/dynamodb/indexdefinitionsmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
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
    , m_indexes(new IndexDefinitionsModel(this))
    , m_indexView(new QTableView(this))
    , m_addGlobal(new QPushButton(tr("Add global index"), this))
    , m_addLocal(new QPushButton(tr("Add local index"), this))
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
    layout->addLayout(form);

    auto *indexGroup = new QGroupBox(tr("Secondary indexes"), this);
    auto *indexLayout = new QVBoxLayout(indexGroup);
    m_indexView->setModel(m_indexes);
    m_indexView->setItemDelegate(new ChoiceDelegate(m_indexView));
    m_indexView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_indexView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_indexView->verticalHeader()->hide();
    m_indexView->horizontalHeader()->setSectionResizeMode(
        IndexDefinitionsModel::Name, QHeaderView::Stretch);
    indexLayout->addWidget(m_indexView);
    auto *indexButtons = new QHBoxLayout;
    auto *removeIndex = new QPushButton(tr("Remove index"), indexGroup);
    indexButtons->addWidget(m_addGlobal);
    indexButtons->addWidget(m_addLocal);
    indexButtons->addWidget(removeIndex);
    indexButtons->addStretch(1);
    indexLayout->addLayout(indexButtons);
    auto *indexHint = new QLabel(
        tr("Up to %1 global and %2 local indexes. A local index shares the table's partition "
           "key, needs a sort key, and can only be created with the table.")
            .arg(IndexDefinitionsModel::MaxGlobalIndexes)
            .arg(IndexDefinitionsModel::MaxLocalIndexes),
        indexGroup);
    indexHint->setWordWrap(true);
    indexLayout->addWidget(indexHint);
    layout->addWidget(indexGroup);
    const auto updateIndexButtons = [this] {
        m_addGlobal->setEnabled(m_indexes->canAdd(true));
        // Local indexes need a table sort key.
        m_addLocal->setEnabled(m_indexes->canAdd(false) && !m_sortKey->text().isEmpty());
    };
    updateIndexButtons();
    connect(m_indexes, &IndexDefinitionsModel::countsChanged, this, updateIndexButtons);
    connect(m_sortKey, &QLineEdit::textChanged, this, updateIndexButtons);
    connect(m_partitionKey, &QLineEdit::textChanged, m_indexes, [this](const QString &name) {
        m_indexes->setTablePartitionKey(name);
    });
    const auto addIndex = [this](bool global) {
        IndexDefinition index;
        index.global = global;
        if (!m_indexes->addIndex(index))
            return;
        m_indexView->edit(m_indexes->index(m_indexes->rowCount() - 1, IndexDefinitionsModel::Name));
    };
    connect(m_addGlobal, &QPushButton::clicked, this, [addIndex] { addIndex(true); });
    connect(m_addLocal, &QPushButton::clicked, this, [addIndex] { addIndex(false); });
    connect(removeIndex, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_indexView->currentIndex();
        m_indexes->removeIndex(current.isValid() ? current.row() : m_indexes->rowCount() - 1);
    });
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
    const QJsonArray globals =
        m_indexes->requestIndexes(true, provisioned ? throughput : QJsonObject(), &definitions);
    const QJsonArray locals = m_indexes->requestIndexes(false, {}, &definitions);
    if (!globals.isEmpty())
        request.insert(u"GlobalSecondaryIndexes"_s, globals);
    if (!locals.isEmpty())
        request.insert(u"LocalSecondaryIndexes"_s, locals);
    request.insert(u"AttributeDefinitions"_s, definitions);
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
