// SPDX-License-Identifier: MIT
// BatchGetItem, BatchWriteItem, TransactWriteItems and TransactGetItems.
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

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

constexpr int MaxBatchWrite = 25;
constexpr int MaxBatchGet = 100;
constexpr int MaxTransactItems = 100;
constexpr qint64 MaxTransactionBytes = 4LL * 1024 * 1024;
constexpr qint64 MaxBatchGetBytes = 16 * 1024 * 1024;
constexpr qint64 TokenLifetimeMs = 10 * 60 * 1000;

AwsError internalError()
{
    return AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false};
}

AwsError duplicates()
{
    return Errors::validation(u"Provided list of item keys contains duplicates"_s);
}

QString itemIdentity(const TableInfo &table, const KeyCodec::EncodedKey &key)
{
    return table.name + u'\x1f' + QString::fromLatin1(key.hash.toHex()) + u'\x1f'
        + QString::fromLatin1(key.range.toHex());
}

QJsonArray capacityList(const QList<Capacity> &capacities, Capacity::Mode mode, bool read)
{
    QJsonArray list;
    for (const Capacity &capacity : capacities)
        list.append(capacity.toJson(mode, read));
    return list;
}

Capacity &capacityFor(QList<Capacity> &capacities, const QString &table)
{
    for (Capacity &capacity : capacities)
        if (capacity.tableName == table)
            return capacity;
    Capacity capacity;
    capacity.tableName = table;
    capacities.append(capacity);
    return capacities.back();
}

// BatchWriteItem/TransactWriteItems: ItemCollectionMetrics is a map of table name to a list.
void appendCollection(
    QJsonObject &collections, const QString &table, const ItemCollectionMetrics &metrics)
{
    QJsonArray list = collections.value(table).toArray();
    list.append(metrics.toJson());
    collections.insert(table, list);
}

// TransactWriteItems/TransactGetItems on a PROVISIONED table (or GSI) out of capacity: AWS
// cancels the whole transaction, with ProvisionedThroughputExceeded as the reason of each item
// on a throttled table.
AwsError transactionThrottled(const QList<ThroughputLimiter::Verdict> &verdicts)
{
    QJsonArray reasons;
    QStringList codes;
    for (const ThroughputLimiter::Verdict verdict : verdicts) {
        if (verdict == ThroughputLimiter::Verdict::Admitted) {
            reasons.append(QJsonObject{{u"Code"_s, u"None"_s}});
            codes.append(u"None"_s);
            continue;
        }
        reasons.append(QJsonObject{{u"Code"_s, u"ProvisionedThroughputExceeded"_s},
            {u"Message"_s,
                verdict == ThroughputLimiter::Verdict::TableExceeded
                    ? u"The level of configured provisioned throughput for the table was "
                      u"exceeded. Consider increasing your provisioning level with the "
                      u"UpdateTable API."_s
                    : u"The level of configured provisioned throughput for one or more global "
                      u"secondary indexes of the table was exceeded. Consider increasing your "
                      u"provisioning level for the under-provisioned global secondary indexes "
                      u"with the UpdateTable API."_s}});
        codes.append(u"ProvisionedThroughputExceeded"_s);
    }
    AwsError error{u"TransactionCanceledException"_s,
        u"Transaction cancelled, please refer cancellation reasons for specific reasons [%1]"_s.arg(
            codes.join(u", "_s)),
        400,
        true};
    error.extra.append({u"CancellationReasons"_s,
        QString::fromUtf8(QJsonDocument(reasons).toJson(QJsonDocument::Compact))});
    return error;
}

} // namespace

DynamoDbService::Response DynamoDbService::batchWriteItem(const QJsonObject &request)
{
    auto mode = RequestSupport::capacityMode(request);
    if (!mode)
        return std::unexpected(mode.error());
    const QJsonObject requestItems = request.value(u"RequestItems"_s).toObject();
    if (requestItems.isEmpty())
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value null at 'requestItems' failed to satisfy "
            u"constraint: Member must not be null"_s));
    int total = 0;
    for (auto it = requestItems.begin(); it != requestItems.end(); ++it) {
        const qsizetype writes = it.value().toArray().size();
        // The model's own limit on each table's list comes before the batch-wide count.
        if (writes < 1 || writes > MaxBatchWrite)
            return std::unexpected(Errors::validation(
                u"1 validation error detected: Value at 'requestItems' failed to satisfy "
                u"constraint: Map value must satisfy constraint: [Member must have length less "
                u"than or equal to 25, Member must have length greater than or equal to 1]"_s));
        total += int(writes);
    }
    if (total > MaxBatchWrite)
        return std::unexpected(
            Errors::validation(u"Too many items requested for the BatchWriteItem call"_s));
    auto collectionMetrics = RequestSupport::itemCollectionMetrics(request);
    if (!collectionMetrics)
        return std::unexpected(collectionMetrics.error());
    QList<PreparedWrite> writes;
    QList<QJsonObject> writeRequests; // as the client sent them, for UnprocessedItems
    QSet<QString> seen;
    for (auto it = requestItems.begin(); it != requestItems.end(); ++it) {
        auto table = loadTable(it.key());
        if (!table)
            return std::unexpected(table.error());
        const QJsonArray list = it.value().toArray(); // 1-25 entries (checked above)
        for (const QJsonValue &entry : list) {
            const QJsonObject object = entry.toObject();
            const bool put = object.contains(u"PutRequest"_s);
            if (put == object.contains(u"DeleteRequest"_s))
                return std::unexpected(Errors::validation(
                    u"Supplied WriteRequest must contain exactly one of PutRequest or DeleteRequest"_s));
            auto prepared =
                PreparedWrite::prepare(put ? PreparedWrite::Kind::Put : PreparedWrite::Kind::Delete,
                    *table,
                    object.value(put ? u"PutRequest"_s : u"DeleteRequest"_s).toObject());
            if (!prepared)
                return std::unexpected(prepared.error());
            const QString identity = itemIdentity(*table, prepared->key);
            if (seen.contains(identity))
                return std::unexpected(duplicates());
            seen.insert(identity);
            writes.append(*prepared);
            writeRequests.append(object);
        }
    }
    Storage::SqlTransaction transaction(m_database.connection());
    QList<Capacity> capacities;
    QJsonObject collections;
    // Writes to a PROVISIONED table (or one of its GSIs) that is out of write capacity are
    // left for the client to retry (UnprocessedItems); the others are written.
    QJsonObject unprocessed;
    QSet<QString> written;
    const qint64 now = m_clock->nowMs();
    for (qsizetype i = 0; i < writes.size(); ++i) {
        const PreparedWrite &write = writes[i];
        if (const auto exhausted = m_throughput.exhausted(write.table, false, now);
            exhausted.any()) {
            noteThrottled(write.table.name, false, exhausted);
            QJsonArray list = unprocessed.value(write.table.name).toArray();
            list.append(writeRequests[i]);
            unprocessed.insert(write.table.name, list);
            continue;
        }
        auto evaluated = evaluateWrite(write, *m_store);
        if (!evaluated)
            return std::unexpected(evaluated.error());
        ItemWriter writer(
            *m_store, *m_streamStore, write.table, m_clock->nowMs(), m_itemCollectionLimit);
        Capacity consumed;
        if (auto ok = writer.write(
                write.key, evaluated->old, evaluated->oldSize, evaluated->next, &consumed);
            !ok)
            return std::unexpected(ok.error());
        m_throughput.consume(write.table, false, consumed, now);
        Capacity &capacity = capacityFor(capacities, write.table.name);
        capacity.table += consumed.table;
        for (auto it = consumed.global.cbegin(); it != consumed.global.cend(); ++it)
            capacity.global[it.key()] += it.value();
        for (auto it = consumed.local.cbegin(); it != consumed.local.cend(); ++it)
            capacity.local[it.key()] += it.value();
        if (*collectionMetrics && writer.collection())
            appendCollection(collections, write.table.name, *writer.collection());
        written.insert(write.table.name);
    }
    // AWS: the exception only when none of the items could be processed.
    if (written.isEmpty())
        return std::unexpected(Errors::provisionedThroughputExceeded());
    if (!transaction.commit())
        return std::unexpected(internalError());
    for (const QString &table : std::as_const(written))
        noteItemsChanged(table);
    QJsonObject response{{u"UnprocessedItems"_s, unprocessed}};
    if (*mode != Capacity::Mode::None)
        response.insert(u"ConsumedCapacity"_s, capacityList(capacities, *mode, false));
    if (*collectionMetrics)
        response.insert(u"ItemCollectionMetrics"_s, collections);
    return response;
}

DynamoDbService::Response DynamoDbService::batchGetItem(const QJsonObject &request)
{
    auto mode = RequestSupport::capacityMode(request);
    if (!mode)
        return std::unexpected(mode.error());
    const QJsonObject requestItems = request.value(u"RequestItems"_s).toObject();
    if (requestItems.isEmpty())
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value null at 'requestItems' failed to satisfy "
            u"constraint: Member must not be null"_s));
    int total = 0;
    for (auto it = requestItems.begin(); it != requestItems.end(); ++it)
        total += int(it.value()[u"Keys"].toArray().size());
    if (total > MaxBatchGet)
        return std::unexpected(
            Errors::validation(u"Too many items requested for the BatchGetItem call"_s));
    struct TableRead
    {
        TableInfo table;
        QList<KeyCodec::EncodedKey> keys;
        QJsonArray keyJson;
        std::optional<QList<DocumentPath>> projection;
        bool consistent = false;
        QJsonObject spec;
    };
    QList<TableRead> reads;
    for (auto it = requestItems.begin(); it != requestItems.end(); ++it) {
        TableRead read;
        auto table = loadTable(it.key());
        if (!table)
            return std::unexpected(table.error());
        read.table = *table;
        read.spec = it.value().toObject();
        auto context = RequestSupport::expressionContext(read.spec);
        if (!context)
            return std::unexpected(context.error());
        if (read.spec.contains(u"ProjectionExpression"_s)) {
            auto paths = ExpressionParser::parseProjection(
                read.spec.value(u"ProjectionExpression"_s).toString(), *context);
            if (!paths)
                return std::unexpected(paths.error());
            read.projection = *paths;
        }
        if (auto used = context->checkAllUsed(); !used)
            return std::unexpected(used.error());
        read.consistent = read.spec.value(u"ConsistentRead"_s).toBool();
        QSet<QString> seen;
        read.keyJson = read.spec.value(u"Keys"_s).toArray();
        for (const QJsonValue &keyValue : read.keyJson) {
            auto keyItem = itemFromJson(keyValue);
            if (!keyItem)
                return std::unexpected(keyItem.error());
            auto key = KeyCodec::fromKey(*keyItem, read.table.key);
            if (!key)
                return std::unexpected(key.error());
            const QString identity = itemIdentity(read.table, *key);
            if (seen.contains(identity))
                return std::unexpected(duplicates());
            seen.insert(identity);
            read.keys.append(*key);
        }
        reads.append(read);
    }
    QJsonObject responses;
    QJsonObject unprocessed;
    QList<Capacity> capacities;
    qint64 bytes = 0;
    // Keys of a PROVISIONED table that is out of read capacity are left for the client to retry
    // (UnprocessedKeys), like the keys past the 16 MB answer limit.
    bool throttled = false;
    bool anyRead = false;
    const qint64 now = m_clock->nowMs();
    for (const TableRead &read : reads) {
        QJsonArray items;
        QJsonArray leftOver;
        Capacity &capacity = capacityFor(capacities, read.table.name);
        for (qsizetype i = 0; i < read.keys.size(); ++i) {
            if (bytes > MaxBatchGetBytes) {
                leftOver.append(read.keyJson[i]);
                continue;
            }
            if (const auto exhausted = m_throughput.exhausted(read.table, true, now);
                exhausted.any()) {
                noteThrottled(read.table.name, true, exhausted);
                throttled = true;
                leftOver.append(read.keyJson[i]);
                continue;
            }
            anyRead = true;
            const auto stored = m_store->item(read.table.id, read.keys[i].hash, read.keys[i].range);
            const double units = Capacity::readUnits(stored ? stored->size : 0, read.consistent);
            capacity.table += units;
            m_throughput.consume(read.table, true, units, now);
            if (!stored)
                continue;
            bytes += stored->size;
            auto item = itemFromJson(QJsonDocument::fromJson(stored->item).object());
            if (item)
                items.append(itemToJson(read.projection
                        ? ExpressionEvaluator::project(*item, *read.projection)
                        : *item));
        }
        responses.insert(read.table.name, items);
        if (!leftOver.isEmpty()) {
            QJsonObject spec = read.spec;
            spec.insert(u"Keys"_s, leftOver);
            unprocessed.insert(read.table.name, spec);
        }
    }
    // AWS: the exception only when none of the keys could be read.
    if (throttled && !anyRead)
        return std::unexpected(Errors::provisionedThroughputExceeded());
    QJsonObject response{{u"Responses"_s, responses}, {u"UnprocessedKeys"_s, unprocessed}};
    if (*mode != Capacity::Mode::None)
        response.insert(u"ConsumedCapacity"_s, capacityList(capacities, *mode, true));
    return response;
}

DynamoDbService::Response DynamoDbService::transactWriteItems(const QJsonObject &request)
{
    auto mode = RequestSupport::capacityMode(request);
    if (!mode)
        return std::unexpected(mode.error());
    const QJsonArray transactItems = request.value(u"TransactItems"_s).toArray();
    if (transactItems.isEmpty() || transactItems.size() > MaxTransactItems)
        return std::unexpected(
            Errors::listLength(u"transactItems"_s, transactItems.size(), MaxTransactItems));
    const QString token = request.value(u"ClientRequestToken"_s).toString();
    QString requestHash;
    if (!token.isEmpty()) {
        QJsonObject identity = request;
        identity.remove(u"ReturnConsumedCapacity"_s);
        identity.remove(u"ReturnItemCollectionMetrics"_s);
        requestHash = QString::fromLatin1(QCryptographicHash::hash(
            QJsonDocument(identity).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                                              .toHex());
        if (const auto previous =
                m_store->transactionToken(token, m_clock->nowMs() - TokenLifetimeMs)) {
            if (previous->first != requestHash)
                return std::unexpected(Errors::idempotentParameterMismatch());
            return QJsonDocument::fromJson(previous->second).object();
        }
    }
    auto collectionMetrics = RequestSupport::itemCollectionMetrics(request);
    if (!collectionMetrics)
        return std::unexpected(collectionMetrics.error());
    QList<PreparedWrite> writes;
    QSet<QString> seen;
    for (const QJsonValue &entry : transactItems) {
        const QJsonObject object = entry.toObject();
        static const QList<std::pair<QString, PreparedWrite::Kind>> kinds{
            {u"ConditionCheck"_s, PreparedWrite::Kind::ConditionCheck},
            {u"Put"_s, PreparedWrite::Kind::Put},
            {u"Delete"_s, PreparedWrite::Kind::Delete},
            {u"Update"_s, PreparedWrite::Kind::Update}};
        std::optional<std::pair<QString, PreparedWrite::Kind>> chosen;
        int present = 0;
        for (const auto &kind : kinds) {
            if (object.contains(kind.first)) {
                chosen = kind;
                ++present;
            }
        }
        if (present != 1)
            return std::unexpected(Errors::validation(
                u"TransactItems can only contain one of Check, Put, Update or Delete"_s));
        const QJsonObject spec = object.value(chosen->first).toObject();
        auto table = tableFromRequest(spec);
        if (!table)
            return std::unexpected(table.error());
        auto prepared = PreparedWrite::prepare(chosen->second, *table, spec);
        if (!prepared)
            return std::unexpected(prepared.error());
        const QString identity = itemIdentity(*table, prepared->key);
        if (seen.contains(identity))
            return std::unexpected(Errors::validation(
                u"Transaction request cannot include multiple operations on one item"_s));
        seen.insert(identity);
        writes.append(*prepared);
    }
    // AWS: the aggregate size of the items in a transaction cannot exceed 4 MB (whole items
    // for Put, keys for the others).
    qint64 aggregate = 0;
    for (const PreparedWrite &write : writes)
        aggregate += itemSize(write.kind == PreparedWrite::Kind::Put ? write.item : write.keyItem);
    if (aggregate > MaxTransactionBytes)
        return std::unexpected(Errors::validation(
            u"Transaction request cannot be larger than 4 MB, the aggregate size of its items "
            u"is %1 bytes"_s.arg(aggregate)));
    {
        QList<ThroughputLimiter::Verdict> verdicts;
        bool throttled = false;
        for (const PreparedWrite &write : writes) {
            const auto exhausted = m_throughput.exhausted(write.table, false, m_clock->nowMs());
            noteThrottled(write.table.name, false, exhausted);
            verdicts.append(exhausted.verdict());
            throttled |= exhausted.any();
        }
        if (throttled)
            return std::unexpected(transactionThrottled(verdicts));
    }
    Storage::SqlTransaction transaction(m_database.connection());
    QList<EvaluatedWrite> evaluated;
    QJsonArray reasons;
    QStringList codes;
    bool cancelled = false;
    for (const PreparedWrite &write : writes) {
        auto result = evaluateWrite(write, *m_store);
        QJsonObject reason;
        if (!result) {
            reason = {{u"Code"_s, u"ValidationError"_s}, {u"Message"_s, result.error().message}};
            cancelled = true;
            evaluated.append(EvaluatedWrite());
        } else if (result->conditionFailed) {
            reason = {{u"Code"_s, u"ConditionalCheckFailed"_s},
                {u"Message"_s, u"The conditional request failed"_s}};
            if (write.returnOldOnConditionFailure && result->old)
                reason.insert(u"Item"_s, itemToJson(*result->old));
            cancelled = true;
            evaluated.append(*result);
        } else {
            reason = {{u"Code"_s, u"None"_s}};
            evaluated.append(*result);
        }
        codes.append(reason.value(u"Code"_s).toString());
        reasons.append(reason);
    }
    const auto cancel = [&] {
        AwsError error{u"TransactionCanceledException"_s,
            u"Transaction cancelled, please refer cancellation reasons for specific reasons [%1]"_s
                .arg(codes.join(u", "_s)),
            400,
            true};
        error.extra.append({u"CancellationReasons"_s,
            QString::fromUtf8(QJsonDocument(reasons).toJson(QJsonDocument::Compact))});
        return std::unexpected(error);
    };
    if (cancelled)
        return cancel();
    QList<Capacity> capacities;
    QJsonObject collections;
    for (qsizetype i = 0; i < writes.size(); ++i) {
        const PreparedWrite &write = writes[i];
        Capacity &capacity = capacityFor(capacities, write.table.name);
        if (write.kind == PreparedWrite::Kind::ConditionCheck) {
            capacity.table += Capacity::readUnits(evaluated[i].oldSize, true) * 2;
            continue;
        }
        ItemWriter writer(
            *m_store, *m_streamStore, write.table, m_clock->nowMs(), m_itemCollectionLimit);
        if (auto ok = writer.write(write.key,
                evaluated[i].old,
                evaluated[i].oldSize,
                evaluated[i].next,
                &capacity,
                2.0);
            !ok) {
            const QString code = ok.error().code == u"ItemCollectionSizeLimitExceededException"
                ? u"ItemCollectionSizeLimitExceeded"_s
                : u"ValidationError"_s;
            reasons[i] = QJsonObject{{u"Code"_s, code}, {u"Message"_s, ok.error().message}};
            codes[i] = code;
            return cancel();
        }
        if (*collectionMetrics && writer.collection())
            appendCollection(collections, write.table.name, *writer.collection());
    }
    QJsonObject response;
    if (*mode != Capacity::Mode::None)
        response.insert(u"ConsumedCapacity"_s, capacityList(capacities, *mode, false));
    if (*collectionMetrics)
        response.insert(u"ItemCollectionMetrics"_s, collections);
    if (!token.isEmpty()
        && !m_store->putTransactionToken(token,
            requestHash,
            QJsonDocument(response).toJson(QJsonDocument::Compact),
            m_clock->nowMs()))
        return std::unexpected(internalError());
    if (!transaction.commit())
        return std::unexpected(internalError());
    for (const PreparedWrite &write : writes)
        noteItemsChanged(write.table.name);
    return response;
}

DynamoDbService::Response DynamoDbService::transactGetItems(const QJsonObject &request)
{
    auto mode = RequestSupport::capacityMode(request);
    if (!mode)
        return std::unexpected(mode.error());
    const QJsonArray transactItems = request.value(u"TransactItems"_s).toArray();
    if (transactItems.isEmpty() || transactItems.size() > MaxTransactItems)
        return std::unexpected(
            Errors::listLength(u"transactItems"_s, transactItems.size(), MaxTransactItems));
    struct Get
    {
        TableInfo table;
        KeyCodec::EncodedKey key;
        std::optional<QList<DocumentPath>> projection;
    };
    QList<Get> gets;
    QSet<QString> seen;
    for (const QJsonValue &entry : transactItems) {
        const QJsonObject spec = entry[u"Get"].toObject();
        auto table = tableFromRequest(spec);
        if (!table)
            return std::unexpected(table.error());
        auto context = RequestSupport::expressionContext(spec);
        if (!context)
            return std::unexpected(context.error());
        auto keyItem = RequestSupport::itemParameter(spec, u"Key"_s);
        if (!keyItem)
            return std::unexpected(keyItem.error());
        auto key = KeyCodec::fromKey(*keyItem, table->key);
        if (!key)
            return std::unexpected(key.error());
        Get get{*table, *key, std::nullopt};
        if (spec.contains(u"ProjectionExpression"_s)) {
            auto paths = ExpressionParser::parseProjection(
                spec.value(u"ProjectionExpression"_s).toString(), *context);
            if (!paths)
                return std::unexpected(paths.error());
            get.projection = *paths;
        }
        if (auto used = context->checkAllUsed(); !used)
            return std::unexpected(used.error());
        const QString identity = itemIdentity(*table, *key);
        if (seen.contains(identity))
            return std::unexpected(Errors::validation(
                u"Transaction request cannot include multiple operations on one item"_s));
        seen.insert(identity);
        gets.append(get);
    }
    {
        QList<ThroughputLimiter::Verdict> verdicts;
        bool throttled = false;
        for (const Get &get : gets) {
            const auto exhausted = m_throughput.exhausted(get.table, true, m_clock->nowMs());
            noteThrottled(get.table.name, true, exhausted);
            verdicts.append(exhausted.verdict());
            throttled |= exhausted.any();
        }
        if (throttled)
            return std::unexpected(transactionThrottled(verdicts));
    }
    QJsonArray responses;
    QList<Capacity> capacities;
    for (const Get &get : gets) {
        const auto stored = m_store->item(get.table.id, get.key.hash, get.key.range);
        capacityFor(capacities, get.table.name).table +=
            Capacity::readUnits(stored ? stored->size : 0, true) * 2;
        QJsonObject response;
        if (stored) {
            auto item = itemFromJson(QJsonDocument::fromJson(stored->item).object());
            if (item)
                response.insert(u"Item"_s,
                    itemToJson(get.projection ? ExpressionEvaluator::project(*item, *get.projection)
                                              : *item));
        }
        responses.append(response);
    }
    QJsonObject response{{u"Responses"_s, responses}};
    if (*mode != Capacity::Mode::None)
        response.insert(u"ConsumedCapacity"_s, capacityList(capacities, *mode, true));
    return response;
}

} // namespace Core::DynamoDb
