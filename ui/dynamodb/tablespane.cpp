// SPDX-License-Identifier: MIT
#include "ui/dynamodb/tablespane.h"

#include "core/common/async.h"
#include "core/dynamodb/dynamodbservice.h"
#include "ui/common/pageheader.h"
#include "ui/dynamodb/backupsview.h"
#include "ui/dynamodb/choicedelegate.h"
#include "ui/dynamodb/createtabledialog.h"
#include "ui/dynamodb/filterconditionsmodel.h"
#include "ui/dynamodb/itemeditordialog.h"
#include "ui/dynamodb/itemsmodel.h"
#include "ui/dynamodb/partiqleditor.h"
#include "ui/dynamodb/streamrecordsview.h"
#include "ui/dynamodb/tablelistmodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb {

using Core::DynamoDb::AttributeType;
using Core::DynamoDb::TableInfo;

namespace {

QJsonObject typed(AttributeType type, const QString &text)
{
    return {{Core::DynamoDb::typeName(type), text}};
}

} // namespace

TablesPane::TablesPane(Core::DynamoDb::DynamoDbService *service,
    Core::DynamoDb::DynamoDbStreamsService *streams,
    QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_streams(streams)
    , m_tables(new TableListModel(this))
    , m_tablesProxy(new QSortFilterProxyModel(this))
    , m_items(new ItemsModel(this))
    , m_filters(new FilterConditionsModel(this))
{
    m_tablesProxy->setSourceModel(m_tables);
    m_tablesProxy->setSortRole(Qt::UserRole);
    buildUi();
    connect(m_service,
        &Core::DynamoDb::DynamoDbService::tablesChanged,
        this,
        &TablesPane::refreshTables);
    connect(m_service,
        &Core::DynamoDb::DynamoDbService::itemsChanged,
        this,
        [this](const QStringList &names) {
            if (!m_currentTable.isEmpty() && names.contains(m_currentTable) && !m_running)
                runPage();
            if (m_streamRecords && m_streamRecords->isVisible() && names.contains(m_currentTable))
                m_streamRecords->refresh();
        });
    refreshTables();
}

void TablesPane::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    auto *header = new PageHeader(tr("Tables"),
        tr("DynamoDB tables on this machine. Select a table to explore its items."),
        this);
    auto *create = new QPushButton(tr("Create table"), this);
    auto *remove = new QPushButton(tr("Delete"), this);
    header->addAction(remove);
    header->addAction(create);
    layout->addWidget(header);
    connect(create, &QPushButton::clicked, this, &TablesPane::createTable);
    connect(remove, &QPushButton::clicked, this, &TablesPane::deleteTable);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_tableView = new QTableView(splitter);
    m_tableView->setModel(m_tablesProxy);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tableView->setSortingEnabled(true);
    m_tableView->sortByColumn(TableListModel::Name, Qt::AscendingOrder);
    m_tableView->verticalHeader()->hide();
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    connect(m_tableView->selectionModel(),
        &QItemSelectionModel::selectionChanged,
        this,
        &TablesPane::tableSelectionChanged);
    auto *tabs = new QTabWidget(splitter);
    tabs->addTab(buildExplorer(), tr("Explore items"));
    m_details = new QPlainTextEdit(tabs);
    m_details->setReadOnly(true);
    tabs->addTab(m_details, tr("Details"));
    tabs->addTab(new PartiqlEditor(m_service, tabs), tr("PartiQL editor"));
    if (m_streams) {
        m_streamRecords = new StreamRecordsView(m_streams, tabs);
        tabs->addTab(m_streamRecords, tr("Stream records"));
        connect(tabs, &QTabWidget::currentChanged, this, [this, tabs] {
            if (tabs->currentWidget() == m_streamRecords)
                m_streamRecords->setTable(m_currentTable);
        });
    }
    m_backups = new BackupsView(m_service, tabs);
    tabs->addTab(m_backups, tr("Backups"));
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs](int index) {
        if (index == 1)
            showDetails();
        if (tabs->currentWidget() == m_backups)
            m_backups->setTable(m_currentTable);
    });
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
}

QWidget *TablesPane::buildExplorer()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *top = new QHBoxLayout;
    m_mode = new QComboBox(page);
    m_mode->addItem(tr("Scan"), u"Scan"_s);
    m_mode->addItem(tr("Query"), u"Query"_s);
    m_index = new QComboBox(page);
    m_order = new QComboBox(page);
    m_order->addItem(tr("Ascending"), true);
    m_order->addItem(tr("Descending"), false);
    top->addWidget(m_mode);
    top->addWidget(new QLabel(tr("Table or index"), page));
    top->addWidget(m_index, 1);
    top->addWidget(new QLabel(tr("Sort"), page));
    top->addWidget(m_order);
    layout->addLayout(top);

    m_keyForm = new QWidget(page);
    auto *keys = new QFormLayout(m_keyForm);
    keys->setContentsMargins(0, 0, 0, 0);
    m_partitionValue = new QLineEdit(m_keyForm);
    m_partitionLabel = new QLabel(m_keyForm);
    keys->addRow(m_partitionLabel, m_partitionValue);
    auto *sortRow = new QHBoxLayout;
    m_sortOperator = new QComboBox(m_keyForm);
    for (const QString &op :
        {u""_s, u"="_s, u"<"_s, u"<="_s, u">"_s, u">="_s, u"between"_s, u"begins_with"_s})
        m_sortOperator->addItem(op.isEmpty() ? tr("(any)") : op, op);
    m_sortValue = new QLineEdit(m_keyForm);
    m_sortValue2 = new QLineEdit(m_keyForm);
    m_sortValue2->setPlaceholderText(tr("and"));
    sortRow->addWidget(m_sortOperator);
    sortRow->addWidget(m_sortValue, 1);
    sortRow->addWidget(m_sortValue2, 1);
    m_sortLabel = new QLabel(m_keyForm);
    keys->addRow(m_sortLabel, sortRow);
    layout->addWidget(m_keyForm);

    m_filterView = new QTableView(page);
    m_filterView->setModel(m_filters);
    m_filterView->setItemDelegate(new ChoiceDelegate(m_filterView));
    m_filterView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_filterView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_filterView->verticalHeader()->hide();
    m_filterView->horizontalHeader()->setSectionResizeMode(
        FilterConditionsModel::Attribute, QHeaderView::Stretch);
    m_filterView->horizontalHeader()->setSectionResizeMode(
        FilterConditionsModel::Value, QHeaderView::Stretch);
    m_filterView->setMaximumHeight(m_filterView->verticalHeader()->defaultSectionSize() * 4
        + m_filterView->horizontalHeader()->sizeHint().height());
    auto *filterButtons = new QVBoxLayout;
    auto *addFilter = new QPushButton(tr("Add filter"), page);
    auto *removeFilter = new QPushButton(tr("Remove filter"), page);
    filterButtons->addWidget(addFilter);
    filterButtons->addWidget(removeFilter);
    filterButtons->addStretch(1);
    auto *filter = new QHBoxLayout;
    filter->addWidget(m_filterView, 1);
    filter->addLayout(filterButtons);
    layout->addLayout(filter);
    connect(addFilter, &QPushButton::clicked, this, [this] {
        m_filters->addCondition();
        m_filterView->edit(m_filters->index(m_filters->rowCount() - 1, 0));
    });
    connect(removeFilter, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_filterView->currentIndex();
        m_filters->removeCondition(current.isValid() ? current.row() : m_filters->rowCount() - 1);
    });

    auto *actions = new QHBoxLayout;
    auto *run = new QPushButton(tr("Run"), page);
    m_previous = new QPushButton(tr("Previous"), page);
    m_next = new QPushButton(tr("Next"), page);
    m_status = new QLabel(page);
    auto *createItemButton = new QPushButton(tr("Create item"), page);
    auto *edit = new QPushButton(tr("Edit"), page);
    auto *duplicate = new QPushButton(tr("Duplicate"), page);
    auto *remove = new QPushButton(tr("Delete item"), page);
    actions->addWidget(run);
    actions->addWidget(m_previous);
    actions->addWidget(m_next);
    actions->addWidget(m_status, 1);
    for (QPushButton *button : {createItemButton, edit, duplicate, remove})
        actions->addWidget(button);
    layout->addLayout(actions);
    m_error = new QLabel(page);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #d13212;"_s);
    m_error->hide();
    layout->addWidget(m_error);

    m_itemView = new QTableView(page);
    m_itemView->setModel(m_items);
    m_itemView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemView->setWordWrap(false);
    m_itemView->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_itemView, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &TablesPane::updateExplorerForm);
    connect(m_index, &QComboBox::currentIndexChanged, this, &TablesPane::updateExplorerForm);
    connect(m_sortOperator, &QComboBox::currentIndexChanged, this, &TablesPane::updateExplorerForm);
    connect(run, &QPushButton::clicked, this, &TablesPane::runFirstPage);
    connect(m_partitionValue, &QLineEdit::returnPressed, this, &TablesPane::runFirstPage);
    connect(m_previous, &QPushButton::clicked, this, &TablesPane::previousPage);
    connect(m_next, &QPushButton::clicked, this, &TablesPane::nextPage);
    connect(createItemButton, &QPushButton::clicked, this, &TablesPane::createItem);
    connect(edit, &QPushButton::clicked, this, [this] { editItem(false); });
    connect(duplicate, &QPushButton::clicked, this, [this] { editItem(true); });
    connect(remove, &QPushButton::clicked, this, &TablesPane::deleteItem);
    connect(m_itemView, &QTableView::doubleClicked, this, [this] { editItem(false); });
    updateExplorerForm();
    return page;
}

QString TablesPane::statusText() const
{
    return m_status->text();
}

QString TablesPane::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TablesPane::refreshTables()
{
    Core::DynamoDb::DynamoDbService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service] { return service->tables(); },
        [this](const QList<TableInfo> &tables) {
            const QString current = m_currentTable;
            m_tables->setTables(tables);
            if (m_tables->rowOf(current) < 0 && !current.isEmpty()) {
                m_currentTable.clear();
                m_items->setItems({}, {});
            }
            if (m_currentTable.isEmpty() && !tables.isEmpty()
                && m_tableView->selectionModel()->selectedRows().isEmpty())
                selectTable(tables.first().name);
        });
}

void TablesPane::selectTable(const QString &name)
{
    const int row = m_tables->rowOf(name);
    if (row < 0)
        return;
    const QModelIndex index = m_tablesProxy->mapFromSource(m_tables->index(row, 0));
    m_tableView->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TablesPane::tableSelectionChanged()
{
    const QModelIndexList rows = m_tableView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const TableInfo *table = m_tables->table(m_tablesProxy->mapToSource(rows.first()).row());
    if (!table || table->name == m_currentTable)
        return;
    m_currentTable = table->name;
    m_index->blockSignals(true);
    m_index->clear();
    m_index->addItem(tr("Table: %1").arg(table->name), QString());
    for (const Core::DynamoDb::SecondaryIndex &index : table->indexes)
        m_index->addItem(tr("Index: %1").arg(index.name), index.name);
    m_index->blockSignals(false);
    updateExplorerForm();
    runFirstPage();
    if (m_streamRecords && m_streamRecords->isVisible())
        m_streamRecords->setTable(m_currentTable);
    if (m_backups->isVisible())
        m_backups->setTable(m_currentTable);
}

void TablesPane::updateExplorerForm()
{
    const TableInfo *table = m_tables->table(m_tables->rowOf(m_currentTable));
    const bool query = m_mode->currentData().toString() == u"Query";
    m_keyForm->setVisible(query);
    m_order->setEnabled(query);
    if (!table)
        return;
    Core::DynamoDb::KeySchema key = table->key;
    if (const auto *index = table->index(m_index->currentData().toString()))
        key = index->key;
    m_partitionLabel->setText(tr("%1 (partition key)").arg(key.hashName));
    m_sortLabel->setText(
        key.hasRange() ? tr("%1 (sort key)").arg(key.rangeName) : tr("No sort key"));
    m_sortOperator->setEnabled(key.hasRange());
    const QString op = m_sortOperator->currentData().toString();
    m_sortValue->setEnabled(key.hasRange() && !op.isEmpty());
    m_sortValue2->setVisible(op == u"between");
}

std::optional<QJsonObject> TablesPane::buildRequest(QString *error) const
{
    const TableInfo *table = m_tables->table(m_tables->rowOf(m_currentTable));
    if (!table)
        return std::nullopt;
    QJsonObject request{{u"TableName"_s, table->name},
        {u"Limit"_s, PageSize},
        {u"ReturnConsumedCapacity"_s, u"TOTAL"_s}};
    const QString indexName = m_index->currentData().toString();
    Core::DynamoDb::KeySchema key = table->key;
    if (const auto *index = table->index(indexName)) {
        key = index->key;
        request.insert(u"IndexName"_s, indexName);
    }
    QJsonObject names;
    QJsonObject values;
    if (m_mode->currentData().toString() == u"Query") {
        if (m_partitionValue->text().isEmpty()) {
            *error = tr("Enter a value for the partition key %1.").arg(key.hashName);
            return std::nullopt;
        }
        QString condition = u"#pk = :pk"_s;
        names.insert(u"#pk"_s, key.hashName);
        values.insert(u":pk"_s, typed(key.hashType, m_partitionValue->text()));
        const QString op = m_sortOperator->currentData().toString();
        if (key.hasRange() && !op.isEmpty()) {
            names.insert(u"#sk"_s, key.rangeName);
            values.insert(u":sk"_s, typed(key.rangeType, m_sortValue->text()));
            if (op == u"between") {
                values.insert(u":sk2"_s, typed(key.rangeType, m_sortValue2->text()));
                condition += u" AND #sk BETWEEN :sk AND :sk2"_s;
            } else if (op == u"begins_with") {
                condition += u" AND begins_with(#sk, :sk)"_s;
            } else {
                condition += u" AND #sk %1 :sk"_s.arg(op);
            }
        }
        request.insert(u"KeyConditionExpression"_s, condition);
        request.insert(u"ScanIndexForward"_s, m_order->currentData().toBool());
    }
    const FilterExpression filter = m_filters->expression();
    if (!filter.expression.isEmpty()) {
        for (auto it = filter.names.begin(); it != filter.names.end(); ++it)
            names.insert(it.key(), it.value());
        for (auto it = filter.values.begin(); it != filter.values.end(); ++it)
            values.insert(it.key(), it.value());
        request.insert(u"FilterExpression"_s, filter.expression);
    }
    if (!names.isEmpty())
        request.insert(u"ExpressionAttributeNames"_s, names);
    if (!values.isEmpty())
        request.insert(u"ExpressionAttributeValues"_s, values);
    if (!m_pageStarts.isEmpty() && !m_pageStarts.back().isEmpty())
        request.insert(u"ExclusiveStartKey"_s, m_pageStarts.back());
    return request;
}

void TablesPane::runFirstPage()
{
    m_pageStarts = {QJsonObject()};
    runPage();
}

void TablesPane::nextPage()
{
    if (m_lastEvaluatedKey.isEmpty())
        return;
    m_pageStarts.append(m_lastEvaluatedKey);
    runPage();
}

void TablesPane::previousPage()
{
    if (m_pageStarts.size() <= 1)
        return;
    m_pageStarts.removeLast();
    runPage();
}

void TablesPane::setQuery(
    const QString &partitionValue, const QString &sortOperator, const QString &sortValue)
{
    m_mode->setCurrentIndex(m_mode->findData(u"Query"_s));
    m_partitionValue->setText(partitionValue);
    m_sortOperator->setCurrentIndex(std::max(0, m_sortOperator->findData(sortOperator)));
    m_sortValue->setText(sortValue);
}

void TablesPane::setScan()
{
    m_mode->setCurrentIndex(m_mode->findData(u"Scan"_s));
}

void TablesPane::setFilter(
    const QString &attribute, const QString &condition, const QString &type, const QString &value)
{
    FilterCondition row;
    row.attribute = attribute;
    row.condition = condition;
    row.type = type;
    row.value = value;
    m_filters->setFilterConditions({row});
}

void TablesPane::runPage()
{
    QString formError;
    const auto request = buildRequest(&formError);
    if (!request) {
        m_error->setText(formError);
        m_error->setVisible(!formError.isEmpty());
        return;
    }
    if (m_pageStarts.isEmpty())
        m_pageStarts = {QJsonObject()};
    const TableInfo *table = m_tables->table(m_tables->rowOf(m_currentTable));
    QStringList keys{table->key.hashName};
    if (table->key.hasRange())
        keys.append(table->key.rangeName);
    const bool query = request->contains(u"KeyConditionExpression"_s);
    m_running = true;
    Core::DynamoDb::DynamoDbService *service = m_service;
    const QJsonObject sent = *request;
    Core::callAsync(
        service,
        this,
        [service, sent, query] { return query ? service->query(sent) : service->scan(sent); },
        [this, keys](const Core::Result<QJsonObject> &result) {
            m_running = false;
            if (!result) {
                m_error->setText(result.error().code + u": "_s + result.error().message);
                m_error->show();
                m_items->setItems({}, keys);
                m_status->clear();
                emit pageShown();
                return;
            }
            m_error->hide();
            QList<QJsonObject> items;
            for (const QJsonValue &item : result->value(u"Items"_s).toArray())
                items.append(item.toObject());
            m_items->setItems(items, keys);
            m_lastEvaluatedKey = result->value(u"LastEvaluatedKey"_s).toObject();
            m_next->setEnabled(!m_lastEvaluatedKey.isEmpty());
            m_previous->setEnabled(m_pageStarts.size() > 1);
            m_status->setText(
                tr("Page %1 · Items returned: %2 · Items scanned: %3 · Read capacity units "
                   "consumed: %4")
                    .arg(m_pageStarts.size())
                    .arg(result->value(u"Count"_s).toInt())
                    .arg(result->value(u"ScannedCount"_s).toInt())
                    .arg(result->value(u"ConsumedCapacity"_s)[u"CapacityUnits"_s].toDouble()));
            emit pageShown();
        });
}

void TablesPane::showDetails()
{
    if (m_currentTable.isEmpty())
        return;
    Core::DynamoDb::DynamoDbService *service = m_service;
    const QString name = m_currentTable;
    Core::callAsync(
        service,
        this,
        [service, name] {
            auto table = service->describeTable(QJsonObject{{u"TableName"_s, name}});
            auto ttl = service->describeTimeToLive(QJsonObject{{u"TableName"_s, name}});
            QJsonObject combined = table ? *table : QJsonObject();
            if (ttl)
                combined.insert(u"TimeToLive"_s, (*ttl)[u"TimeToLiveDescription"_s]);
            return combined;
        },
        [this](const QJsonObject &details) {
            m_details->setPlainText(
                QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Indented)));
        });
}

void TablesPane::createTable()
{
    auto *dialog = new CreateTableDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateTableDialog::created, this, [this](const QString &name) {
        m_currentTable.clear();
        Core::DynamoDb::DynamoDbService *service = m_service;
        Core::callAsync(
            service,
            this,
            [service] { return service->tables(); },
            [this, name](const QList<TableInfo> &tables) {
                m_tables->setTables(tables);
                selectTable(name);
            });
    });
    dialog->open();
}

void TablesPane::deleteTable()
{
    if (m_currentTable.isEmpty())
        return;
    const QString name = m_currentTable;
    if (QMessageBox::question(this,
            tr("Delete table"),
            tr("Delete the table %1 and all its items? This cannot be undone.").arg(name))
        != QMessageBox::Yes)
        return;
    Core::DynamoDb::DynamoDbService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, name] {
            return service->deleteTable(QJsonObject{{u"TableName"_s, name}});
        },
        [this](const Core::Result<QJsonObject> &result) {
            if (!result)
                QMessageBox::warning(this, tr("Delete table"), result.error().message);
            refreshTables();
        });
}

void TablesPane::createItem()
{
    if (m_currentTable.isEmpty())
        return;
    const TableInfo *table = m_tables->table(m_tables->rowOf(m_currentTable));
    QJsonObject skeleton{{table->key.hashName, typed(table->key.hashType, QString())}};
    if (table->key.hasRange())
        skeleton.insert(table->key.rangeName, typed(table->key.rangeType, QString()));
    auto *dialog = new ItemEditorDialog(m_service, m_currentTable, skeleton, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TablesPane::editItem(bool duplicate)
{
    const QModelIndexList rows = m_itemView->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_currentTable.isEmpty())
        return;
    QJsonObject item = m_items->item(rows.first().row());
    auto *dialog = new ItemEditorDialog(m_service, m_currentTable, item, this);
    if (duplicate)
        dialog->setWindowTitle(tr("Duplicate item in %1").arg(m_currentTable));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TablesPane::deleteItem()
{
    const QModelIndexList rows = m_itemView->selectionModel()->selectedRows();
    const TableInfo *table = m_tables->table(m_tables->rowOf(m_currentTable));
    if (rows.isEmpty() || !table)
        return;
    const QJsonObject item = m_items->item(rows.first().row());
    QJsonObject key{{table->key.hashName, item.value(table->key.hashName)}};
    if (table->key.hasRange())
        key.insert(table->key.rangeName, item.value(table->key.rangeName));
    Core::DynamoDb::DynamoDbService *service = m_service;
    const QJsonObject request{{u"TableName"_s, table->name}, {u"Key"_s, key}};
    Core::callAsync(
        service,
        this,
        [service, request] { return service->deleteItem(request); },
        [this](const Core::Result<QJsonObject> &result) {
            if (!result) {
                m_error->setText(result.error().code + u": "_s + result.error().message);
                m_error->show();
            }
        });
}

} // namespace Gui::DynamoDb
