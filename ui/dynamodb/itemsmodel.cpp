// SPDX-License-Identifier: MIT
#include "ui/dynamodb/itemsmodel.h"

#include "ui/dynamodb/dynamodbjson.h"

#include <QSet>

namespace Gui::DynamoDb {

ItemsModel::ItemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ItemsModel::setItems(const QList<QJsonObject> &items, const QStringList &keyAttributes)
{
    beginResetModel();
    m_items = items;
    m_columns = keyAttributes;
    QSet<QString> seen(keyAttributes.cbegin(), keyAttributes.cend());
    QStringList others;
    for (const QJsonObject &item : items)
        for (auto it = item.begin(); it != item.end(); ++it)
            if (!seen.contains(it.key())) {
                seen.insert(it.key());
                others.append(it.key());
            }
    others.sort();
    m_columns += others;
    endResetModel();
}

QJsonObject ItemsModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items[row] : QJsonObject();
}

int ItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ItemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size() || index.column() >= m_columns.size())
        return {};
    const QJsonObject value = m_items[index.row()].value(m_columns[index.column()]).toObject();
    if (value.isEmpty())
        return {};
    if (role == Qt::DisplayRole)
        return DynamoDbJson::displayText(value);
    if (role == Qt::ToolTipRole)
        return DynamoDbJson::typeOf(value);
    return {};
}

QVariant ItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section < m_columns.size() ? QVariant(m_columns[section]) : QVariant();
}

} // namespace Gui::DynamoDb
