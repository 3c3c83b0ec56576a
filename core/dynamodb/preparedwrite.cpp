// SPDX-License-Identifier: MIT
#include "core/dynamodb/preparedwrite.h"

#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/dynamodbstore.h"
#include "core/dynamodb/expressionevaluator.h"
#include "core/dynamodb/expressionparser.h"
#include "core/dynamodb/requestsupport.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

Result<PreparedWrite> PreparedWrite::prepare(
    Kind kind, const TableInfo &table, const QJsonObject &spec)
{
    PreparedWrite write;
    write.kind = kind;
    write.table = table;
    auto context = RequestSupport::expressionContext(spec);
    if (!context)
        return std::unexpected(context.error());
    const QString onFailure =
        spec.value(u"ReturnValuesOnConditionCheckFailure"_s).toString(u"NONE"_s);
    if (onFailure != u"NONE" && onFailure != u"ALL_OLD")
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'returnValuesOnConditionCheckFailure' "
            u"failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]"_s
                .arg(onFailure)));
    write.returnOldOnConditionFailure = onFailure == u"ALL_OLD";
    if (kind == Kind::Put) {
        auto item = RequestSupport::itemParameter(spec, u"Item"_s);
        if (!item)
            return std::unexpected(item.error());
        auto key = KeyCodec::fromItem(*item, table.key);
        if (!key)
            return std::unexpected(key.error());
        write.item = *item;
        write.key = *key;
        write.keyItem = KeyCodec::keyAttributes(*item, table.key);
        if (auto valid = ItemWriter::validate(*item, table); !valid)
            return std::unexpected(valid.error());
    } else {
        auto keyItem = RequestSupport::itemParameter(spec, u"Key"_s);
        if (!keyItem)
            return std::unexpected(keyItem.error());
        auto key = KeyCodec::fromKey(*keyItem, table.key);
        if (!key)
            return std::unexpected(key.error());
        write.key = *key;
        write.keyItem = *keyItem;
    }
    if (spec.contains(u"UpdateExpression"_s) && kind == Kind::Update) {
        auto actions =
            ExpressionParser::parseUpdate(spec.value(u"UpdateExpression"_s).toString(), *context);
        if (!actions)
            return std::unexpected(actions.error());
        for (const UpdateAction &action : *actions) {
            const QString &name = action.path[0].name;
            if (name == table.key.hashName || name == table.key.rangeName)
                return std::unexpected(Errors::invalidParameter(
                    u"Cannot update attribute %1. This attribute is part of the key"_s.arg(name)));
        }
        write.actions = *actions;
    }
    if (spec.contains(u"ConditionExpression"_s)) {
        auto condition = ExpressionParser::parseCondition(
            spec.value(u"ConditionExpression"_s).toString(), u"ConditionExpression"_s, *context);
        if (!condition)
            return std::unexpected(condition.error());
        write.condition = *condition;
    } else if (kind == Kind::ConditionCheck) {
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value null at 'transactItems.1.member.conditionCheck."
            u"conditionExpression' failed to satisfy constraint: Member must not be null"_s));
    }
    if (auto used = context->checkAllUsed(); !used)
        return std::unexpected(used.error());
    return write;
}

Result<EvaluatedWrite> evaluateWrite(const PreparedWrite &write, const DynamoDbStore &store)
{
    EvaluatedWrite evaluated;
    if (const auto stored = store.item(write.table.id, write.key.hash, write.key.range)) {
        auto old = itemFromJson(QJsonDocument::fromJson(stored->item).object());
        if (old) {
            evaluated.old = *old;
            evaluated.oldSize = stored->size;
        }
    }
    if (write.condition) {
        auto holds = ExpressionEvaluator::evaluateCondition(
            *write.condition, evaluated.old.value_or(Item()), u"ConditionExpression"_s);
        if (!holds)
            return std::unexpected(holds.error());
        if (!*holds) {
            evaluated.conditionFailed = true;
            return evaluated;
        }
    }
    switch (write.kind) {
    case PreparedWrite::Kind::Put:
        evaluated.next = write.item;
        break;
    case PreparedWrite::Kind::Delete:
        break;
    case PreparedWrite::Kind::ConditionCheck:
        evaluated.next = evaluated.old;
        break;
    case PreparedWrite::Kind::Update: {
        const Item base = evaluated.old.value_or(write.keyItem);
        auto next = ExpressionEvaluator::applyUpdate(base, write.actions, &evaluated.updated);
        if (!next)
            return std::unexpected(next.error());
        evaluated.next = *next;
        break;
    }
    }
    return evaluated;
}

AwsError conditionFailure(const PreparedWrite &write, const EvaluatedWrite &evaluated)
{
    AwsError error = Errors::conditionalCheckFailed();
    if (write.returnOldOnConditionFailure && evaluated.old)
        error.extra.append({u"Item"_s,
            QString::fromUtf8(
                QJsonDocument(itemToJson(*evaluated.old)).toJson(QJsonDocument::Compact))});
    return error;
}

} // namespace Core::DynamoDb
