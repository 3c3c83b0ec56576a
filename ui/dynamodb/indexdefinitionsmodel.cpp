// SPDX-License-Identifier: MIT
#include "ui/dynamodb/indexdefinitionsmodel.h"

#include "ui/dynamodb/choicedelegate.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb {

namespace {

const QStringList &keyTypes()
{
    static const QStringList types{u"S"_s, u"N"_s, u"B"_s};
    return types;
}

const QStringList &projections()
{
    static const QStringList names{u"ALL"_s, u"KEYS_ONLY"_s, u"INCLUDE"_s};
    return names;
}

} // namespace

IndexDefinitionsModel::IndexDefinitionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int IndexDefinitionsModel::count(bool global) const
{
    return int(std::count_if(m_indexes.cbegin(), m_indexes.cend(), [global](const auto &index) {
        return index.global == global;
    }));
}

bool IndexDefinitionsModel::addIndex(const IndexDefinition &index)
{
    if (!canAdd(index.global))
        return false;
    const int row = int(m_indexes.size());
    beginInsertRows({}, row, row);
    m_indexes.append(index);
    endInsertRows();
    emit countsChanged();
    return true;
}

void IndexDefinitionsModel::removeIndex(int row)
{
    if (row < 0 || row >= m_indexes.size())
        return;
    beginRemoveRows({}, row, row);
    m_indexes.removeAt(row);
    endRemoveRows();
    emit countsChanged();
}

void IndexDefinitionsModel::setTablePartitionKey(const QString &name)
{
    m_tablePartitionKey = name;
    if (!m_indexes.isEmpty())
        emit dataChanged(index(0, PartitionKey), index(rowCount() - 1, PartitionKey));
}

QJsonArray IndexDefinitionsModel::requestIndexes(
    bool global, const QJsonObject &throughput, QJsonArray *attributeDefinitions) const
{
    QStringList defined;
    for (const QJsonValue &definition : std::as_const(*attributeDefinitions))
        defined.append(definition[u"AttributeName"].toString());
    const auto keyElement = [&](const QString &name, const QString &type, const QString &kind) {
        if (!defined.contains(name)) {
            defined.append(name);
            attributeDefinitions->append(
                QJsonObject{{u"AttributeName"_s, name}, {u"AttributeType"_s, type}});
        }
        return QJsonObject{{u"AttributeName"_s, name}, {u"KeyType"_s, kind}};
    };
    QJsonArray result;
    for (const IndexDefinition &definition : m_indexes) {
        if (definition.global != global)
            continue;
        QJsonArray keys{keyElement(global ? definition.partitionKey : m_tablePartitionKey,
            definition.partitionType,
            u"HASH"_s)};
        if (!definition.sortKey.isEmpty())
            keys.append(keyElement(definition.sortKey, definition.sortType, u"RANGE"_s));
        QJsonObject projection{{u"ProjectionType"_s, definition.projection}};
        if (definition.projection == u"INCLUDE") {
            QJsonArray names;
            for (const QString &name : definition.nonKeyAttributes.split(u',', Qt::SkipEmptyParts))
                names.append(name.trimmed());
            projection.insert(u"NonKeyAttributes"_s, names);
        }
        QJsonObject index{{u"IndexName"_s, definition.name},
            {u"KeySchema"_s, keys},
            {u"Projection"_s, projection}};
        if (global && !throughput.isEmpty())
            index.insert(u"ProvisionedThroughput"_s, throughput);
        result.append(index);
    }
    return result;
}

int IndexDefinitionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_indexes.size());
}

int IndexDefinitionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IndexDefinitionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IndexDefinition &row = m_indexes[index.row()];
    if (role == ChoiceDelegate::ChoicesRole) {
        switch (index.column()) {
        case PartitionType:
        case SortType:
            return keyTypes();
        case Projection:
            return projections();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Kind:
        return row.global ? tr("Global") : tr("Local");
    case Name:
        return row.name;
    case PartitionKey:
        return row.global ? row.partitionKey : m_tablePartitionKey;
    case PartitionType:
        return row.partitionType;
    case SortKey:
        return row.sortKey;
    case SortType:
        return row.sortType;
    case Projection:
        return row.projection;
    case NonKeyAttributes:
        return row.nonKeyAttributes;
    default:
        return {};
    }
}

bool IndexDefinitionsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    IndexDefinition &row = m_indexes[index.row()];
    const QString text = value.toString();
    switch (index.column()) {
    case Name:
        row.name = text.trimmed();
        break;
    case PartitionKey:
        row.partitionKey = text.trimmed();
        break;
    case PartitionType:
    case SortType:
        if (!keyTypes().contains(text))
            return false;
        (index.column() == PartitionType ? row.partitionType : row.sortType) = text;
        break;
    case SortKey:
        row.sortKey = text.trimmed();
        break;
    case Projection:
        if (!projections().contains(text))
            return false;
        row.projection = text;
        break;
    case NonKeyAttributes:
        row.nonKeyAttributes = text;
        break;
    default:
        return false;
    }
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags IndexDefinitionsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const IndexDefinition &row = m_indexes[index.row()];
    switch (index.column()) {
    case Kind:
        return flags;
    case PartitionKey:
    case PartitionType:
        // A local index shares the table's partition key.
        return row.global ? flags | Qt::ItemIsEditable : flags;
    case NonKeyAttributes:
        return row.projection == u"INCLUDE" ? flags | Qt::ItemIsEditable : flags;
    default:
        return flags | Qt::ItemIsEditable;
    }
}

QVariant IndexDefinitionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Kind");
    case Name:
        return tr("Index name");
    case PartitionKey:
        return tr("Partition key");
    case PartitionType:
        return tr("Type");
    case SortKey:
        return tr("Sort key");
    case SortType:
        return tr("Type");
    case Projection:
        return tr("Projection");
    case NonKeyAttributes:
        return tr("Included attributes");
    default:
        return {};
    }
}

} // namespace Gui::DynamoDb
