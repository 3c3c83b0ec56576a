// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace Core::DynamoDb {
class DynamoDbService;
class DynamoDbStreamsService;
} // namespace Core::DynamoDb

namespace Gui::DynamoDb {

class FilterConditionsModel;
class ItemsModel;
class BackupsView;
class StreamRecordsView;
class TableListModel;

// The Tables pane, modelled on the DynamoDB console: the table list with create/delete, and for
// the selected table "Explore items" (Scan or Query on the table or an index, key condition,
// filter rows joined with AND, pages of 50 with previous/next and the consumed capacity), the item
// editor and the table's details. Follows the service's change signals, so writes from any client
// show up without a refresh.
class TablesPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablesPane)

public:
    // streams: the "Stream records" tab's source (none: no such tab).
    explicit TablesPane(Core::DynamoDb::DynamoDbService *service,
        Core::DynamoDb::DynamoDbStreamsService *streams = nullptr,
        QWidget *parent = nullptr);

    static constexpr int PageSize = 50;

    TableListModel *tableModel() const { return m_tables; }
    ItemsModel *itemsModel() const { return m_items; }
    FilterConditionsModel *filterModel() const { return m_filters; }
    StreamRecordsView *streamRecords() const { return m_streamRecords; }
    BackupsView *backups() const { return m_backups; }
    QString currentTable() const { return m_currentTable; }
    QString statusText() const;
    QString errorText() const;

    void refreshTables();
    void selectTable(const QString &name);
    void runFirstPage();
    void nextPage();
    void previousPage();
    // Explore form (also used by tests).
    void setQuery(const QString &partitionValue,
        const QString &sortOperator = {},
        const QString &sortValue = {});
    void setScan();
    // Replaces the filter rows with one condition.
    void setFilter(const QString &attribute,
        const QString &condition,
        const QString &type,
        const QString &value);

signals:
    void pageShown();

private:
    void buildUi();
    QWidget *buildExplorer();
    void tableSelectionChanged();
    void updateExplorerForm();
    std::optional<QJsonObject> buildRequest(QString *error) const;
    void runPage();
    void showDetails();
    void createTable();
    void deleteTable();
    void editItem(bool duplicate);
    void createItem();
    void deleteItem();

    Core::DynamoDb::DynamoDbService *m_service;
    Core::DynamoDb::DynamoDbStreamsService *m_streams;
    StreamRecordsView *m_streamRecords = nullptr;
    BackupsView *m_backups = nullptr;
    TableListModel *m_tables;
    QSortFilterProxyModel *m_tablesProxy;
    ItemsModel *m_items;
    QTableView *m_tableView = nullptr;
    QTableView *m_itemView = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_index = nullptr;
    QWidget *m_keyForm = nullptr;
    QLabel *m_partitionLabel = nullptr;
    QLineEdit *m_partitionValue = nullptr;
    QLabel *m_sortLabel = nullptr;
    QComboBox *m_sortOperator = nullptr;
    QLineEdit *m_sortValue = nullptr;
    QLineEdit *m_sortValue2 = nullptr;
    FilterConditionsModel *m_filters;
    QTableView *m_filterView = nullptr;
    QComboBox *m_order = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QString m_currentTable;
    QList<QJsonObject> m_pageStarts; // ExclusiveStartKey of each page shown so far
    QJsonObject m_lastEvaluatedKey;
    bool m_running = false;
};

} // namespace Gui::DynamoDb
