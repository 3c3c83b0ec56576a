// SPDX-License-Identifier: MIT
// PutItem, UpdateItem, DeleteItem and GetItem.
#include "core/dynamodb/dynamodbservice.h"

#include "core/common/clock.h"
#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/dynamodbstore.h"
#include "core/dynamodb/expressionevaluator.h"
#include "core/dynamodb/expressionparser.h"
#include "core/dynamodb/preparedwrite.h"
#include "core/dynamodb/requestsupport.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

DynamoDbService::Response DynamoDbService::writeOne(
    const QJsonObject &request, const QString &operation)
{
    auto table = tableFromRequest(request);
    if (!table)
        return std::unexpected(table.error());
    auto mode = RequestSupport::capacityMode(request);
    if (!mode)
        return std::unexpected(mode.error());
    const PreparedWrite::Kind kind = operation == u"PutItem" ? PreparedWrite::Kind::Put
        : operation == u"UpdateItem"                         ? PreparedWrite::Kind::Update
                                                             : PreparedWrite::Kind::Delete;
    const QStringList allowed = kind == PreparedWrite::Kind::Update
        ? QStringList{u"NONE"_s, u"ALL_OLD"_s, u"UPDATED_OLD"_s, u"ALL_NEW"_s, u"UPDATED_NEW"_s}
        : QStringList{u"NONE"_s, u"ALL_OLD"_s};
    auto returnValues = RequestSupport::returnValues(request, allowed);
    if (!returnValues)
        return std::unexpected(returnValues.error());
    auto collectionMetrics = RequestSupport::itemCollectionMetrics(request);
    if (!collectionMetrics)
        return std::unexpected(collectionMetrics.error());
    auto prepared = PreparedWrite::prepare(kind, *table, request);
    if (!prepared)
        return std::unexpected(prepared.error());

    Storage::SqlTransaction transaction(m_database.connection());
    auto evaluated = evaluateWrite(*prepared, *m_store);
    if (!evaluated)
        return std::unexpected(evaluated.error());
    if (evaluated->conditionFailed)
        return std::unexpected(conditionFailure(*prepared, *evaluated));
    Capacity capacity;
    capacity.tableName = table->name;
    ItemWriter writer(*m_store, *m_streamStore, *table, m_clock->nowMs(), m_itemCollectionLimit);
    if (auto written = writer.write(
            prepared->key, evaluated->old, evaluated->oldSize, evaluated->next, &capacity);
        !written)
        return std::unexpected(written.error());
    if (!transaction.commit())
        return std::unexpected(
            AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false});
    noteItemsChanged(table->name);

    QJsonObject response;
    std::optional<Item> attributes;
    if (*returnValues == u"ALL_OLD")
        attributes = evaluated->old;
    else if (*returnValues == u"ALL_NEW")
        attributes = evaluated->next;
    else if (*returnValues == u"UPDATED_OLD" && evaluated->old)
        attributes = ExpressionEvaluator::project(*evaluated->old, evaluated->updated.old);
    else if (*returnValues == u"UPDATED_NEW" && evaluated->next)
        attributes = ExpressionEvaluator::project(*evaluated->next, evaluated->updated.next);
    if (attributes && !attributes->isEmpty())
        response.insert(u"Attributes"_s, itemToJson(*attributes));
    if (*mode != Capacity::Mode::None)
        response.insert(u"ConsumedCapacity"_s, capacity.toJson(*mode, false));
    if (*collectionMetrics && writer.collection())
        response.insert(u"ItemCollectionMetrics"_s, writer.collection()->toJson());
    return response;
}

DynamoDbService::Response DynamoDbService::putItem(const QJsonObject &request)
{
    return writeOne(request, u"PutItem"_s);
}

DynamoDbService::Response DynamoDbService::updateItem(const QJsonObject &request)
{
    return writeOne(request, u"UpdateItem"_s);
}

DynamoDbService::Response DynamoDbService::deleteItem(const QJsonObject &request)
{
    return writeOne(request, u"DeleteItem"_s);
}

DynamoDbService::Response DynamoDbService::getItem(const QJsonObject &request)
{
    auto table = tableFromRequest(request);
    if (!table)
        return std::unexpected(table.error());
    if (auto modern = RequestSupport::rejectLegacyParameters(request); !modern)
        return std::unexpected(modern.error());
    auto mode = RequestSupport::capacityMode(request);
    if (!mode)
        return std::unexpected(mode.error());
    auto context = RequestSupport::expressionContext(request);
    if (!context)
        return std::unexpected(context.error());
    auto keyItem = RequestSupport::itemParameter(request, u"Key"_s);
    if (!keyItem)
        return std::unexpected(keyItem.error());
    auto key = KeyCodec::fromKey(*keyItem, table->key);
    if (!key)
        return std::unexpected(key.error());
    std::optional<QList<DocumentPath>> projection;
    if (request.contains(u"ProjectionExpression"_s)) {
        auto paths = ExpressionParser::parseProjection(
            request.value(u"ProjectionExpression"_s).toString(), *context);
        if (!paths)
            return std::unexpected(paths.error());
        projection = *paths;
    } else if (request.contains(u"AttributesToGet"_s)) {
        QList<DocumentPath> paths;
        for (const QJsonValue &name : request.value(u"AttributesToGet"_s).toArray())
            paths.append(DocumentPath{PathElement{name.toString(), -1}});
        projection = paths;
    }
    if (auto used = context->checkAllUsed(); !used)
        return std::unexpected(used.error());
    const bool consistent = request.value(u"ConsistentRead"_s).toBool();

    QJsonObject response;
    const auto stored = m_store->item(table->id, key->hash, key->range);
    if (stored && !projection && m_rawItems) {
        m_rawItems->append(stored->item);
        response.insert(u"Item"_s, QJsonObject());
    } else if (stored && !projection) {
        response.insert(u"Item"_s, QJsonDocument::fromJson(stored->item).object());
    } else if (stored) {
        auto item = itemFromJson(QJsonDocument::fromJson(stored->item).object());
        if (item)
            response.insert(
                u"Item"_s, itemToJson(ExpressionEvaluator::project(*item, *projection)));
    }
    if (*mode != Capacity::Mode::None) {
        Capacity capacity;
        capacity.tableName = table->name;
        capacity.table = Capacity::readUnits(stored ? stored->size : 0, consistent);
        response.insert(u"ConsumedCapacity"_s, capacity.toJson(*mode, true));
    }
    return response;
}

} // namespace Core::DynamoDb
