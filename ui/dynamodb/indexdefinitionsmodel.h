// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>

namespace Gui::DynamoDb {

// One secondary index being defined in the create-table dialog.
struct IndexDefinition
{
    bool global = true;
    QString name;
    QString partitionKey; // ignored for a local index: it is the table's
    QString partitionType = QStringLiteral("S");
    QString sortKey;
    QString sortType = QStringLiteral("S");
    QString projection = QStringLiteral("ALL"); // ALL, KEYS_ONLY or INCLUDE
    QString nonKeyAttributes; // INCLUDE: comma-separated
};

// The secondary indexes of a table being created, within AWS's limits of 20 global and 5 local
// indexes. A local index always uses the table's partition key (setTablePartitionKey) and
// needs a sort key. Editable in a view through ChoiceDelegate.
class IndexDefinitionsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IndexDefinitionsModel)

public:
    enum Column {
        Kind,
        Name,
        PartitionKey,
        PartitionType,
        SortKey,
        SortType,
        Projection,
        NonKeyAttributes,
        ColumnCount,
    };

    static constexpr int MaxGlobalIndexes = 20;
    static constexpr int MaxLocalIndexes = 5;

    explicit IndexDefinitionsModel(QObject *parent = nullptr);

    QList<IndexDefinition> indexes() const { return m_indexes; }
    int count(bool global) const;
    bool canAdd(bool global) const
    {
        return count(global) < (global ? MaxGlobalIndexes : MaxLocalIndexes);
    }
    // False when the limit for that kind is reached.
    bool addIndex(const IndexDefinition &index);
    void removeIndex(int row);
    void setTablePartitionKey(const QString &name);

    // CreateTable's GlobalSecondaryIndexes / LocalSecondaryIndexes entries; each key attribute
    // not yet in attributeDefinitions is added there.
    QJsonArray requestIndexes(
        bool global, const QJsonObject &throughput, QJsonArray *attributeDefinitions) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void countsChanged();

private:
    QList<IndexDefinition> m_indexes;
    QString m_tablePartitionKey;
};

} // namespace Gui::DynamoDb
