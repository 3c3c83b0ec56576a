// SPDX-License-Identifier: MIT
#include "ui/dynamodb/filterconditionsmodel.h"

#include "ui/dynamodb/choicedelegate.h"

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb {

namespace {

bool takesValue(const QString &condition)
{
    return !condition.startsWith(u"attribute_");
}

QJsonObject typedValue(const QString &type, const QString &text)
{
    if (type == u"BOOL")
        return {{type, text.trimmed().toLower() == u"true"}};
    if (type == u"NULL")
        return {{type, true}};
    return {{type, text}};
}

} // namespace

FilterConditionsModel::FilterConditionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QStringList FilterConditionsModel::conditions()
{
    return {u"="_s,
        u"<>"_s,
        u"<"_s,
        u"<="_s,
        u">"_s,
        u">="_s,
        u"between"_s,
        u"begins_with"_s,
        u"contains"_s,
        u"not_contains"_s,
        u"attribute_exists"_s,
        u"attribute_not_exists"_s};
}

QStringList FilterConditionsModel::types()
{
    return {u"S"_s, u"N"_s, u"BOOL"_s, u"NULL"_s};
}

void FilterConditionsModel::setFilterConditions(const QList<FilterCondition> &conditions)
{
    beginResetModel();
    m_conditions = conditions;
    endResetModel();
}

void FilterConditionsModel::addCondition(const FilterCondition &condition)
{
    const int row = int(m_conditions.size());
    beginInsertRows({}, row, row);
    m_conditions.append(condition);
    endInsertRows();
}

void FilterConditionsModel::removeCondition(int row)
{
    if (row < 0 || row >= m_conditions.size())
        return;
    beginRemoveRows({}, row, row);
    m_conditions.removeAt(row);
    endRemoveRows();
}

FilterExpression FilterConditionsModel::expression() const
{
    FilterExpression result;
    QStringList terms;
    for (const FilterCondition &row : m_conditions) {
        if (row.attribute.isEmpty())
            continue;
        const QString n = QString::number(terms.size());
        const QString name = u"#f"_s + n;
        const QString value = u":f"_s + n;
        result.names.insert(name, row.attribute);
        if (takesValue(row.condition))
            result.values.insert(value, typedValue(row.type, row.value));
        const QString &op = row.condition;
        if (op.startsWith(u"attribute_")) {
            terms.append(u"%1(%2)"_s.arg(op, name));
        } else if (op == u"begins_with" || op == u"contains") {
            terms.append(u"%1(%2, %3)"_s.arg(op, name, value));
        } else if (op == u"not_contains") {
            terms.append(u"NOT contains(%1, %2)"_s.arg(name, value));
        } else if (op == u"between") {
            const QString upper = value + u'b';
            result.values.insert(upper, typedValue(row.type, row.secondValue));
            terms.append(u"%1 BETWEEN %2 AND %3"_s.arg(name, value, upper));
        } else {
            terms.append(u"%1 %2 %3"_s.arg(name, op, value));
        }
    }
    result.expression = terms.join(u" AND "_s);
    return result;
}

int FilterConditionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conditions.size());
}

int FilterConditionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FilterConditionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FilterCondition &row = m_conditions[index.row()];
    if (role == ChoiceDelegate::ChoicesRole) {
        if (index.column() == Condition)
            return conditions();
        if (index.column() == Type)
            return types();
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Attribute:
        return row.attribute;
    case Condition:
        return row.condition;
    case Type:
        return row.type;
    case Value:
        return row.value;
    case SecondValue:
        return row.secondValue;
    default:
        return {};
    }
}

bool FilterConditionsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    FilterCondition &row = m_conditions[index.row()];
    const QString text = value.toString();
    switch (index.column()) {
    case Attribute:
        row.attribute = text;
        break;
    case Condition:
        if (!conditions().contains(text))
            return false;
        row.condition = text;
        break;
    case Type:
        if (!types().contains(text))
            return false;
        row.type = text;
        break;
    case Value:
        row.value = text;
        break;
    case SecondValue:
        row.secondValue = text;
        break;
    default:
        return false;
    }
    // The condition decides which value cells are editable.
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags FilterConditionsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const FilterCondition &row = m_conditions[index.row()];
    const bool editable = index.column() == Attribute || index.column() == Condition
        || (takesValue(row.condition) && (index.column() == Type || index.column() == Value))
        || (index.column() == SecondValue && row.condition == u"between");
    if (editable)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant FilterConditionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Attribute:
        return tr("Attribute name");
    case Condition:
        return tr("Condition");
    case Type:
        return tr("Type");
    case Value:
        return tr("Value");
    case SecondValue:
        return tr("And value");
    default:
        return {};
    }
}

} // namespace Gui::DynamoDb
