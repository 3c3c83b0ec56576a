// SPDX-License-Identifier: MIT
#pragma once

#include "core/dynamodb/attributevalue.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <vector>

namespace Core::DynamoDb {

// One step of a document path: a map key or a list index.
struct PathElement
{
    QString name;
    int index = -1; // >= 0 for a list index

    bool isIndex() const { return index >= 0; }
    friend bool operator==(const PathElement &, const PathElement &) = default;
};

using DocumentPath = QList<PathElement>;

QString pathToString(const DocumentPath &path); // "a.b[1]"

// A node of a parsed expression (condition, operand, update value). Placeholders are resolved
// while parsing, so evaluation needs only the item.
struct ExpressionNode
{
    enum class Kind {
        Path,
        Value,
        Size,
        IfNotExists,
        ListAppend,
        Plus,
        Minus,
        Compare,
        Between,
        In,
        And,
        Or,
        Not,
        AttributeExists,
        AttributeNotExists,
        AttributeType,
        BeginsWith,
        Contains,
    };
    enum class Comparator {
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
    };

    Kind kind = Kind::Value;
    Comparator comparator = Comparator::Equal;
    DocumentPath path;
    AttributeValue value;
    std::vector<ExpressionNode> children;
};

// Names and values of one request, shared by all its expressions; records which were used so
// the request can reject unused ones as AWS does.
struct ExpressionContext
{
    QHash<QString, QString> names;
    QHash<QString, AttributeValue> values;
    bool hasNames = false;
    bool hasValues = false;
    QSet<QString> usedNames;
    QSet<QString> usedValues;

    // "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}"
    Status checkAllUsed() const;
};

struct UpdateAction
{
    enum class Kind {
        Set,
        Remove,
        Add,
        Delete,
    };
    Kind kind = Kind::Set;
    DocumentPath path;
    ExpressionNode value; // SET value, ADD/DELETE operand
};

struct KeyCondition
{
    QString hashName;
    AttributeValue hashValue;
    QString rangeName; // empty: no sort key condition
    enum class Op {
        Equal,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Between,
        BeginsWith,
    };
    Op rangeOp = Op::Equal;
    AttributeValue rangeValue;
    AttributeValue rangeUpper;
};

} // namespace Core::DynamoDb
