// SPDX-License-Identifier: MIT
#pragma once

#include "core/dynamodb/expression.h"
#include "core/dynamodb/expressionevaluator.h"
#include "core/dynamodb/keycodec.h"
#include "core/dynamodb/table.h"

#include <QJsonObject>

#include <optional>

namespace Core::DynamoDb {

class DynamoDbStore;

// One Put/Update/Delete/ConditionCheck, validated and parsed before anything is read or
// written (PutItem, BatchWriteItem, TransactWriteItems and PartiQL share it).
struct PreparedWrite
{
    enum class Kind {
        Put,
        Update,
        Delete,
        ConditionCheck,
    };
    Kind kind = Kind::Put;
    TableInfo table;
    KeyCodec::EncodedKey key;
    Item keyItem;
    Item item; // Put
    std::optional<ExpressionNode> condition;
    QList<UpdateAction> actions;
    bool returnOldOnConditionFailure = false;

    // spec: TableName, Item or Key, ConditionExpression, UpdateExpression, names, values,
    // ReturnValuesOnConditionCheckFailure.
    static Result<PreparedWrite> prepare(
        Kind kind, const TableInfo &table, const QJsonObject &spec);
};

// What a write will do, computed inside the caller's transaction from the stored item.
struct EvaluatedWrite
{
    std::optional<Item> old;
    qint64 oldSize = 0;
    std::optional<Item> next; // nullopt: delete (or nothing, for a condition check)
    ExpressionEvaluator::UpdatedPaths updated;
    bool conditionFailed = false;
};

Result<EvaluatedWrite> evaluateWrite(const PreparedWrite &write, const DynamoDbStore &store);
// ConditionalCheckFailedException, with the old item when ReturnValuesOnConditionCheckFailure
// is ALL_OLD (carried in AwsError::extra as "Item" JSON text).
AwsError conditionFailure(const PreparedWrite &write, const EvaluatedWrite &evaluated);

} // namespace Core::DynamoDb
