// SPDX-License-Identifier: MIT
#include "core/dynamodb/requestsupport.h"

#include "core/common/ids.h"
#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/dynamodbstore.h"
#include "core/dynamodb/expressionevaluator.h"
#include "core/dynamodb/legacyconditions.h"
#include "core/dynamodb/streamstore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

double Capacity::total() const
{
    double sum = table;
    for (const double units : global)
        sum += units;
    for (const double units : local)
        sum += units;
    return sum;
}

QJsonObject Capacity::toJson(Mode mode, bool read) const
{
    const QString unitsKey = read ? u"ReadCapacityUnits"_s : u"WriteCapacityUnits"_s;
    const auto units = [&unitsKey](double value) {
        return QJsonObject{{u"CapacityUnits"_s, value}, {unitsKey, value}};
    };
    QJsonObject json{
        {u"TableName"_s, tableName}, {u"CapacityUnits"_s, total()}, {unitsKey, total()}};
    if (mode == Mode::Indexes) {
        json.insert(u"Table"_s, units(table));
        const auto indexes = [&units](const QHash<QString, double> &map) {
            QJsonObject object;
            for (auto it = map.cbegin(); it != map.cend(); ++it)
                object.insert(it.key(), units(it.value()));
            return object;
        };
        if (!global.isEmpty())
            json.insert(u"GlobalSecondaryIndexes"_s, indexes(global));
        if (!local.isEmpty())
            json.insert(u"LocalSecondaryIndexes"_s, indexes(local));
    }
    return json;
}

double Capacity::readUnits(qint64 bytes, bool consistent)
{
    const double units = std::max<double>(1.0, std::ceil(double(bytes) / 4096.0));
    return consistent ? units : units / 2.0;
}

double Capacity::writeUnits(qint64 bytes)
{
    return std::max<double>(1.0, std::ceil(double(bytes) / 1024.0));
}

namespace RequestSupport {

Result<Capacity::Mode> capacityMode(const QJsonObject &request)
{
    const QString mode = request.value(u"ReturnConsumedCapacity"_s).toString(u"NONE"_s);
    if (mode == u"NONE")
        return Capacity::Mode::None;
    if (mode == u"TOTAL")
        return Capacity::Mode::Total;
    if (mode == u"INDEXES")
        return Capacity::Mode::Indexes;
    return std::unexpected(Errors::validation(
        u"1 validation error detected: Value '%1' at 'returnConsumedCapacity' failed to satisfy "
        u"constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]"_s.arg(mode)));
}

Result<ExpressionContext> expressionContext(const QJsonObject &request)
{
    ExpressionContext context;
    if (request.contains(u"ExpressionAttributeNames"_s)) {
        const QJsonObject names = request.value(u"ExpressionAttributeNames"_s).toObject();
        if (names.isEmpty())
            return std::unexpected(
                Errors::validation(u"ExpressionAttributeNames must not be empty"_s));
        context.hasNames = true;
        for (auto it = names.begin(); it != names.end(); ++it) {
            if (!it.key().startsWith(u'#'))
                return std::unexpected(Errors::validation(
                    u"ExpressionAttributeNames contains invalid key: Syntax error; key: \"%1\""_s
                        .arg(it.key())));
            if (it.value().toString().isEmpty())
                return std::unexpected(Errors::validation(
                    u"ExpressionAttributeNames contains invalid value: Empty attribute name "
                    u"for key %1"_s.arg(it.key())));
            context.names.insert(it.key(), it.value().toString());
        }
    }
    if (request.contains(u"ExpressionAttributeValues"_s)) {
        const QJsonObject values = request.value(u"ExpressionAttributeValues"_s).toObject();
        if (values.isEmpty())
            return std::unexpected(
                Errors::validation(u"ExpressionAttributeValues must not be empty"_s));
        context.hasValues = true;
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (!it.key().startsWith(u':'))
                return std::unexpected(Errors::validation(
                    u"ExpressionAttributeValues contains invalid key: Syntax error; key: \"%1\""_s
                        .arg(it.key())));
            auto value = attributeFromJson(it.value());
            if (!value) {
                AwsError error = value.error();
                if (error.code == u"ValidationException")
                    error.message =
                        u"ExpressionAttributeValues contains invalid value: %1 for key %2"_s.arg(
                            error.message, it.key());
                return std::unexpected(error);
            }
            context.values.insert(it.key(), *value);
        }
    }
    return context;
}

Result<QString> returnValues(const QJsonObject &request, const QStringList &allowed)
{
    const QString value = request.value(u"ReturnValues"_s).toString(u"NONE"_s);
    static const QStringList known{
        u"NONE"_s, u"ALL_OLD"_s, u"UPDATED_OLD"_s, u"ALL_NEW"_s, u"UPDATED_NEW"_s};
    if (!known.contains(value))
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'returnValues' failed to satisfy "
            u"constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, "
            u"NONE, UPDATED_NEW]"_s.arg(value)));
    if (!allowed.contains(value))
        return std::unexpected(Errors::validation(u"Return values set to invalid value"_s));
    return value;
}

Result<bool> itemCollectionMetrics(const QJsonObject &request)
{
    const QString value = request.value(u"ReturnItemCollectionMetrics"_s).toString(u"NONE"_s);
    if (value != u"SIZE" && value != u"NONE")
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'returnItemCollectionMetrics' failed to "
            u"satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]"_s.arg(value)));
    return value == u"SIZE";
}

Result<Item> itemParameter(const QJsonObject &request, const QString &member)
{
    if (!request.contains(member))
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value null at '%1' failed to satisfy constraint: "
            u"Member must not be null"_s.arg(member.left(1).toLower() + member.mid(1))));
    return itemFromJson(request.value(member));
}

Item projectForIndex(const Item &item, const TableInfo &table, const SecondaryIndex &index)
{
    if (index.projection == ProjectionType::All)
        return item;
    Item projected = KeyCodec::keyAttributes(item, table.key);
    for (const QString &name : {index.key.hashName, index.key.rangeName})
        if (!name.isEmpty() && item.contains(name))
            projected.insert(name, item.value(name));
    if (index.projection == ProjectionType::Include)
        for (const QString &name : index.nonKeyAttributes)
            if (item.contains(name))
                projected.insert(name, item.value(name));
    return projected;
}

Result<int> listLimit(const QJsonObject &request, int max)
{
    if (!request.contains(u"Limit"_s))
        return max;
    const int limit = request.value(u"Limit"_s).toInt();
    if (limit >= 1 && limit <= max)
        return limit;
    return std::unexpected(Errors::validation(
        u"1 validation error detected: Value '%1' at 'limit' failed to satisfy constraint: "
        u"Member must have value %2"_s.arg(limit)
            .arg(limit < 1 ? u"greater than or equal to 1"_s
                           : u"less than or equal to %1"_s.arg(max))));
}

QString tableNameOf(const QJsonObject &request)
{
    return request.value(u"TableName"_s).toString();
}

Status rejectLegacyParameters(const QJsonObject &request)
{
    // Mixed with expression parameters: AWS's refusal (LegacyConditions owns the lists).
    if (auto converted = LegacyConditions::toExpressions(request); !converted)
        return std::unexpected(converted.error());
    const QStringList legacy = LegacyConditions::conditionParameters(request);
    if (legacy.isEmpty())
        return {};
    return std::unexpected(Errors::validation(
        u"The legacy parameter %1 is not supported by Cloudbench; use the expression "
        u"parameters (ConditionExpression, UpdateExpression, KeyConditionExpression, "
        u"FilterExpression) instead"_s.arg(legacy.first())));
}

namespace {

enum class MemberType {
    Boolean,
    Integer,
    String,
    List,
    AttributeMap, // Map<String, AttributeValue>
    StringMap, // Map<String, String>
    Map, // any other map or structure
};

const QHash<QString, MemberType> &memberTypes()
{
    static const QHash<QString, MemberType> types = [] {
        QHash<QString, MemberType> map;
        for (const char *name : {"ConsistentRead", "ScanIndexForward", "DeletionProtectionEnabled"})
            map.insert(QString::fromLatin1(name), MemberType::Boolean);
        for (const char *name : {"Limit", "Segment", "TotalSegments"})
            map.insert(QString::fromLatin1(name), MemberType::Integer);
        for (const char *name : {"TableName",
                 "IndexName",
                 "Select",
                 "ReturnValues",
                 "ReturnConsumedCapacity",
                 "ReturnItemCollectionMetrics",
                 "ReturnValuesOnConditionCheckFailure",
                 "ConditionExpression",
                 "FilterExpression",
                 "KeyConditionExpression",
                 "ProjectionExpression",
                 "UpdateExpression",
                 "ConditionalOperator",
                 "BillingMode",
                 "ClientRequestToken",
                 "Statement",
                 "NextToken",
                 "ExclusiveStartTableName",
                 "ResourceArn",
                 "TableClass"})
            map.insert(QString::fromLatin1(name), MemberType::String);
        for (const char *name : {"AttributesToGet",
                 "TransactItems",
                 "Statements",
                 "TransactStatements",
                 "Parameters",
                 "KeySchema",
                 "AttributeDefinitions",
                 "GlobalSecondaryIndexes",
                 "LocalSecondaryIndexes",
                 "Tags",
                 "TagKeys",
                 "GlobalSecondaryIndexUpdates"})
            map.insert(QString::fromLatin1(name), MemberType::List);
        for (const char *name : {"Key", "Item", "ExclusiveStartKey", "ExpressionAttributeValues"})
            map.insert(QString::fromLatin1(name), MemberType::AttributeMap);
        map.insert(u"ExpressionAttributeNames"_s, MemberType::StringMap);
        for (const char *name : {"RequestItems",
                 "KeyConditions",
                 "QueryFilter",
                 "ScanFilter",
                 "Expected",
                 "AttributeUpdates",
                 "ProvisionedThroughput",
                 "StreamSpecification",
                 "TimeToLiveSpecification",
                 "SSESpecification"})
            map.insert(QString::fromLatin1(name), MemberType::Map);
        return map;
    }();
    return types;
}

AwsError serializationError(const QString &message)
{
    return AwsError{u"SerializationException"_s, message, 400, true};
}

QString scalarToken(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"TRUE_VALUE"_s : u"FALSE_VALUE"_s;
    const double number = value.toDouble();
    return number == std::floor(number) ? u"NUMBER_VALUE"_s : u"DECIMAL_VALUE"_s;
}

} // namespace

Result<QJsonObject> checkMemberTypes(const QJsonObject &request)
{
    QJsonObject checked = request;
    for (auto it = request.begin(); it != request.end(); ++it) {
        const auto type = memberTypes().constFind(it.key());
        const QJsonValue value = it.value();
        if (type == memberTypes().cend() || value.isNull())
            continue;
        const QString structure = u"Start of structure or map found where not expected"_s;
        switch (*type) {
        case MemberType::Boolean:
            if (value.isBool())
                break;
            if (value.isString()) {
                const QString text = value.toString().toUpper();
                if (text == u"TRUE" || text == u"YES" || text == u"1")
                    checked.insert(it.key(), true);
                else if (text == u"FALSE" || text == u"NO" || text == u"0")
                    checked.insert(it.key(), false);
                else
                    return std::unexpected(
                        serializationError(u"Unexpected token received from parser"_s));
                break;
            }
            if (value.isDouble())
                return std::unexpected(
                    serializationError(scalarToken(value) + u" cannot be converted to Boolean"_s));
            return std::unexpected(serializationError(value.isArray()
                    ? u"Unrecognized collection type class java.lang.Boolean"_s
                    : structure));
        case MemberType::Integer:
            if (value.isDouble())
                break;
            if (value.isBool())
                return std::unexpected(
                    serializationError(scalarToken(value) + u" cannot be converted to Integer"_s));
            if (value.isString())
                return std::unexpected(
                    serializationError(u"STRING_VALUE cannot be converted to Integer"_s));
            return std::unexpected(serializationError(value.isArray()
                    ? u"Unrecognized collection type class java.lang.Integer"_s
                    : structure));
        case MemberType::String:
            if (value.isString())
                break;
            if (value.isBool() || value.isDouble())
                return std::unexpected(
                    serializationError(scalarToken(value) + u" cannot be converted to String"_s));
            return std::unexpected(serializationError(value.isArray()
                    ? u"Unrecognized collection type class java.lang.String"_s
                    : structure));
        case MemberType::List:
            if (value.isArray())
                break;
            return std::unexpected(
                serializationError(value.isObject() ? structure : u"Unexpected field type"_s));
        case MemberType::AttributeMap:
        case MemberType::StringMap:
        case MemberType::Map:
            if (value.isObject())
                break;
            if (!value.isArray())
                return std::unexpected(serializationError(u"Unexpected field type"_s));
            return std::unexpected(serializationError(*type == MemberType::StringMap
                    ? u"Unrecognized collection type java.util.Map<java.lang.String, "
                      u"java.lang.String>"_s
                    : u"Unrecognized collection type java.util.Map<java.lang.String, "
                      u"com.amazonaws.dynamodb.v20120810.AttributeValue>"_s));
        }
    }
    return checked;
}

} // namespace RequestSupport

QJsonObject ItemCollectionMetrics::toJson() const
{
    constexpr double Gigabyte = 1024.0 * 1024.0 * 1024.0;
    const double low = std::floor(double(sizeBytes) / Gigabyte);
    return QJsonObject{{u"ItemCollectionKey"_s, itemToJson(key)},
        {u"SizeEstimateRangeGB"_s, QJsonArray{low, low + 1.0}}};
}

ItemWriter::ItemWriter(DynamoDbStore &store,
    StreamStore &streams,
    const TableInfo &table,
    qint64 nowMs,
    qint64 collectionLimit)
    : m_store(store)
    , m_streams(streams)
    , m_table(table)
    , m_nowMs(nowMs)
    , m_collectionLimit(collectionLimit)
{}

bool ItemWriter::appendStreamRecord(
    const std::optional<Item> &old, const std::optional<Item> &next, qint64 newSize)
{
    const QString &view = m_table.streamViewType;
    const Item keys = KeyCodec::keyAttributes(next ? *next : *old, m_table.key);
    const auto text = [](const Item &item) {
        return QJsonDocument(itemToJson(item)).toJson(QJsonDocument::Compact);
    };
    StoredStreamRecord record;
    record.eventId = Ids::randomHex(32);
    // AWS: a Put that replaces an item with an identical one is still a MODIFY.
    record.eventName = !old ? u"INSERT"_s : next ? u"MODIFY"_s : u"REMOVE"_s;
    record.createdMs = m_nowMs;
    record.byService = m_byService;
    record.keys = text(keys);
    record.sizeBytes = itemSize(keys);
    if (next && (view == u"NEW_IMAGE" || view == u"NEW_AND_OLD_IMAGES")) {
        record.newImage = text(*next);
        record.sizeBytes += newSize;
    }
    if (old && (view == u"OLD_IMAGE" || view == u"NEW_AND_OLD_IMAGES")) {
        record.oldImage = text(*old);
        record.sizeBytes += itemSize(*old);
    }
    return m_streams.appendRecord(m_table.id, record);
}

Status ItemWriter::updateCollection(const KeyCodec::EncodedKey &key,
    const std::optional<Item> &old,
    qint64 oldSize,
    const std::optional<Item> &next,
    qint64 newSize)
{
    // An item counts with its own size plus, per LSI whose sort key it has, the projection.
    const auto collectionBytes = [this](const Item &item, qint64 size) {
        qint64 bytes = size;
        for (const SecondaryIndex &index : m_table.indexes) {
            if (index.global || !item.contains(index.key.rangeName))
                continue;
            bytes += itemSize(RequestSupport::projectForIndex(item, m_table, index));
        }
        return bytes;
    };
    const qint64 delta =
        (next ? collectionBytes(*next, newSize) : 0) - (old ? collectionBytes(*old, oldSize) : 0);
    const qint64 size = m_store.collectionSize(m_table.id, key.hash) + delta;
    if (delta > 0 && size > m_collectionLimit)
        return std::unexpected(Errors::itemCollectionSizeLimitExceeded());
    if (!m_store.adjustCollectionSize(m_table.id, key.hash, delta))
        return std::unexpected(
            AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false});
    const Item &item = next ? *next : *old;
    m_collection = ItemCollectionMetrics{
        Item{{m_table.key.hashName, item.value(m_table.key.hashName)}}, std::max<qint64>(size, 0)};
    return {};
}

Status ItemWriter::validate(const Item &item, const TableInfo &table)
{
    if (itemSize(item) > MaxItemSize)
        return std::unexpected(
            Errors::validation(u"Item size has exceeded the maximum allowed size"_s));
    for (const SecondaryIndex &index : table.indexes) {
        auto key = KeyCodec::indexKey(item, index);
        if (!key)
            return std::unexpected(key.error());
    }
    return {};
}

Status ItemWriter::write(const KeyCodec::EncodedKey &key,
    const std::optional<Item> &old,
    qint64 oldSize,
    const std::optional<Item> &next,
    Capacity *capacity,
    double multiplier)
{
    const auto storageFailure = [] {
        return std::unexpected(
            AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false});
    };
    qint64 newSize = 0;
    if (next) {
        if (auto ok = validate(*next, m_table); !ok)
            return ok;
        newSize = itemSize(*next);
    }
    const bool hasLocalIndex = std::any_of(m_table.indexes.cbegin(),
        m_table.indexes.cend(),
        [](const SecondaryIndex &index) { return !index.global; });
    if (hasLocalIndex && (old || next)) {
        if (auto ok = updateCollection(key, old, oldSize, next, newSize); !ok)
            return ok;
    }
    if (capacity)
        capacity->table += Capacity::writeUnits(std::max(oldSize, newSize)) * multiplier;

    // Index entries: rewritten for this item; capacity only where the projection changed.
    if (old && !m_table.indexes.isEmpty()
        && !m_store.deleteIndexEntries(m_table.id, key.hash, key.range))
        return storageFailure();
    for (const SecondaryIndex &index : m_table.indexes) {
        std::optional<KeyCodec::EncodedKey> oldKey;
        std::optional<KeyCodec::EncodedKey> newKey;
        if (old)
            oldKey = KeyCodec::indexKey(*old, index).value_or(std::nullopt);
        if (next)
            newKey = *KeyCodec::indexKey(*next, index);
        if (newKey) {
            StoredItem entry;
            entry.hashKey = key.hash;
            entry.rangeKey = key.range;
            entry.indexHash = newKey->hash;
            entry.indexRange = newKey->range;
            if (!m_store.putIndexEntry(
                    m_table.id, index.name, entry, KeyCodec::segmentOf(newKey->hash)))
                return storageFailure();
        }
        if (!capacity)
            continue;
        double units = 0;
        const Item oldProjected =
            oldKey ? RequestSupport::projectForIndex(*old, m_table, index) : Item();
        const Item newProjected =
            newKey ? RequestSupport::projectForIndex(*next, m_table, index) : Item();
        if (oldKey && newKey) {
            const bool sameKey = oldKey->hash == newKey->hash && oldKey->range == newKey->range;
            if (!sameKey)
                units = Capacity::writeUnits(itemSize(oldProjected))
                    + Capacity::writeUnits(itemSize(newProjected));
            else if (oldProjected != newProjected)
                units = Capacity::writeUnits(itemSize(newProjected));
        } else if (oldKey) {
            units = Capacity::writeUnits(itemSize(oldProjected));
        } else if (newKey) {
            units = Capacity::writeUnits(itemSize(newProjected));
        }
        if (units > 0)
            (index.global ? capacity->global : capacity->local)[index.name] += units * multiplier;
    }

    if (next) {
        StoredItem stored;
        stored.hashKey = key.hash;
        stored.rangeKey = key.range;
        stored.item = QJsonDocument(itemToJson(*next)).toJson(QJsonDocument::Compact);
        stored.size = newSize;
        std::optional<qint64> ttl;
        if (m_table.ttlEnabled) {
            const auto it = next->constFind(m_table.ttlAttribute);
            if (it != next->cend() && it->type == AttributeType::N)
                ttl = qint64(it->n.toDouble());
        }
        if (!m_store.putItem(m_table.id, stored, KeyCodec::segmentOf(key.hash), ttl))
            return storageFailure();
    } else if (old) {
        if (!m_store.deleteItem(m_table.id, key.hash, key.range))
            return storageFailure();
    }
    const qint64 itemDelta = (next ? 1 : 0) - (old ? 1 : 0);
    if (!m_store.adjustCounts(m_table.id, itemDelta, newSize - (old ? oldSize : 0)))
        return storageFailure();
    if (m_table.streamEnabled && (old || next) && !appendStreamRecord(old, next, newSize))
        return storageFailure();
    // Point-in-time recovery keeps what the item was, so a restore can undo this change.
    if (m_table.pitrSinceMs >= 0 && (old || next)
        && !m_store.appendChange(m_table.id,
            m_nowMs,
            key.hash,
            key.range,
            old ? std::optional<QByteArray>(
                QJsonDocument(itemToJson(*old)).toJson(QJsonDocument::Compact))
                : std::nullopt))
        return storageFailure();
    return {};
}

} // namespace Core::DynamoDb
