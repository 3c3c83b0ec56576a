// SPDX-License-Identifier: MIT
#pragma once

#include "core/dynamodb/expression.h"

#include <optional>

namespace Core::DynamoDb::ExpressionEvaluator {

// Evaluates parsed expressions against an item (semantics of DynamoDB's condition, projection
// and update expressions).
std::optional<AttributeValue> resolvePath(const Item &item, const DocumentPath &path);
Result<bool> evaluateCondition(const ExpressionNode &node, const Item &item, const QString &kind);
Item project(const Item &item, const QList<DocumentPath> &paths);
// The document paths an update touched, for UpdateItem's ReturnValues UPDATED_OLD (projected
// from the old item) and UPDATED_NEW (from the new item; removed paths are left out). List
// indexes are the ones really written: SET l[9] on a 2-element list appends at l[2].
struct UpdatedPaths
{
    QList<DocumentPath> old;
    QList<DocumentPath> next;
};

// Applies SET/REMOVE/ADD/DELETE in order.
Result<Item> applyUpdate(
    const Item &item, const QList<UpdateAction> &actions, UpdatedPaths *updated = nullptr);
Status checkBetweenBounds(
    const AttributeValue &low, const AttributeValue &high, const QString &kind);
QString shortValueText(const AttributeValue &value); // "{N:5}" as in AWS messages

} // namespace Core::DynamoDb::ExpressionEvaluator
