// SPDX-License-Identifier: MIT
#include "ui/dynamodb/tablelistmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb {

using Core::DynamoDb::TableInfo;

TableListModel::TableListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TableListModel::setTables(const QList<TableInfo> &tables)
{
    // Same names in the same order: update in place so selection and scroll position survive.
    bool sameRows = tables.size() == m_tables.size();
    for (qsizetype i = 0; sameRows && i < tables.size(); ++i)
        sameRows = tables[i].name == m_tables[i].name;
    if (sameRows) {
        m_tables = tables;
        if (!m_tables.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_tables = tables;
    endResetModel();
}

const TableInfo *TableListModel::table(int row) const
{
    return row >= 0 && row < m_tables.size() ? &m_tables[row] : nullptr;
}

int TableListModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_tables.size(); ++i)
        if (m_tables[i].name == name)
            return int(i);
    return -1;
}

int TableListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int TableListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableListModel::data(const QModelIndex &index, int role) const
{
    const TableInfo *table = this->table(index.row());
    if (!table || (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::UserRole))
        return {};
    const auto keyText = [](const QString &name, Core::DynamoDb::AttributeType type) {
        return name.isEmpty() ? QString() : u"%1 (%2)"_s.arg(name, Core::DynamoDb::typeName(type));
    };
    switch (index.column()) {
    case Name:
        return table->name;
    case Status:
        // A GSI added to the table is still being backfilled.
        return table->indexBackfilling ? tr("Updating") : tr("Active");
    case PartitionKey:
        return keyText(table->key.hashName, table->key.hashType);
    case SortKey:
        return table->key.hasRange() ? keyText(table->key.rangeName, table->key.rangeType) : u"-"_s;
    case Indexes:
        return role == Qt::UserRole ? QVariant(table->indexes.size())
                                    : QVariant(QString::number(table->indexes.size()));
    case Items:
        return role == Qt::UserRole ? QVariant(table->itemCount)
                                    : QVariant(QLocale().toString(table->itemCount));
    case Size:
        return role == Qt::UserRole ? QVariant(table->sizeBytes)
                                    : QVariant(QLocale().formattedDataSize(table->sizeBytes));
    case Billing:
        return table->payPerRequest
            ? tr("On-demand")
            : tr("Provisioned (%1 RCU, %2 WCU)").arg(table->readCapacity).arg(table->writeCapacity);
    default:
        return {};
    }
}

QVariant TableListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case PartitionKey:
        return tr("Partition key");
    case SortKey:
        return tr("Sort key");
    case Indexes:
        return tr("Indexes");
    case Items:
        return tr("Items");
    case Size:
        return tr("Size");
    case Billing:
        return tr("Capacity mode");
    default:
        return {};
    }
}

} // namespace Gui::DynamoDb
