// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QStringList>

namespace Gui::DynamoDb {

// One page of items (DynamoDB JSON objects) as a grid whose columns are the union of the
// attribute names on the page, key attributes first; a missing attribute shows empty.
class ItemsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemsModel)

public:
    explicit ItemsModel(QObject *parent = nullptr);

    void setItems(const QList<QJsonObject> &items, const QStringList &keyAttributes);
    QJsonObject item(int row) const;
    QStringList columns() const { return m_columns; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<QJsonObject> m_items;
    QStringList m_columns;
};

} // namespace Gui::DynamoDb
