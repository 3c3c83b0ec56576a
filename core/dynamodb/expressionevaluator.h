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
// Applies SET/REMOVE/ADD/DELETE in order; updated receives the top-level names touched.
Result<Item> applyUpdate(
    const Item &item, const QList<UpdateAction> &actions, QSet<QString> *updated = nullptr);
Status checkBetweenBounds(
    const AttributeValue &low, const AttributeValue &high, const QString &kind);
QString shortValueText(const AttributeValue &value); // "{N:5}" as in AWS messages

} // namespace Core::DynamoDb::ExpressionEvaluator
