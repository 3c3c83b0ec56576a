// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>

namespace Gui::DynamoDb {

// One row of the Scan/Query filter builder: attribute, condition, value type and value(s).
struct FilterCondition
{
    QString attribute;
    QString condition =
        QStringLiteral("="); // "=", "between", "begins_with", "attribute_exists" ...
    QString type = QStringLiteral("S"); // S, N, BOOL or NULL
    QString value;
    QString secondValue; // upper bound of "between"
};

// A FilterExpression with its placeholders, ready to merge into a Scan or Query request.
struct FilterExpression
{
    QString expression;
    QJsonObject names;
    QJsonObject values;
};

// The filter rows of "Explore items", as in the DynamoDB console's Scan/Query builder: any
// number of conditions, all of which must hold (joined with AND). Rows without an attribute name
// are ignored. Editable in a view through ChoiceDelegate.
class FilterConditionsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterConditionsModel)

public:
    enum Column {
        Attribute,
        Condition,
        Type,
        Value,
        SecondValue,
        ColumnCount,
    };

    explicit FilterConditionsModel(QObject *parent = nullptr);

    static QStringList conditions();
    static QStringList types();

    QList<FilterCondition> filterConditions() const { return m_conditions; }
    void setFilterConditions(const QList<FilterCondition> &conditions);
    void addCondition(const FilterCondition &condition = {});
    void removeCondition(int row);
    FilterExpression expression() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<FilterCondition> m_conditions;
};

} // namespace Gui::DynamoDb
