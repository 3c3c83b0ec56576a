// SPDX-License-Identifier: MIT
#pragma once

#include "core/dynamodb/table.h"

#include <QAbstractTableModel>

namespace Gui::DynamoDb {

// The Tables list: one row per table snapshot (name, keys, indexes, item count, size, billing).
class TableListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableListModel)

public:
    enum Column {
        Name,
        Status,
        PartitionKey,
        SortKey,
        Indexes,
        Items,
        Size,
        Billing,
        ColumnCount,
    };

    explicit TableListModel(QObject *parent = nullptr);

    void setTables(const QList<Core::DynamoDb::TableInfo> &tables);
    const Core::DynamoDb::TableInfo *table(int row) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::DynamoDb::TableInfo> m_tables;
};

} // namespace Gui::DynamoDb
