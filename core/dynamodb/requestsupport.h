// SPDX-License-Identifier: MIT
#pragma once

#include "core/dynamodb/expression.h"
#include "core/dynamodb/keycodec.h"
#include "core/dynamodb/table.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace Core::DynamoDb {

class DynamoDbStore;
class StreamStore;

// Capacity consumed by one request on one table, per index (RCU/WCU arithmetic of AWS:
// reads in 4 KB units halved when eventually consistent, writes in 1 KB units, both doubled in
// transactions).
struct Capacity
{
    enum class Mode {
        None,
        Total,
        Indexes,
    };
    QString tableName;
    double table = 0;
    QHash<QString, double> global;
    QHash<QString, double> local;

    double total() const;
    QJsonObject toJson(Mode mode, bool read) const;

    static double readUnits(qint64 bytes, bool consistent);
    static double writeUnits(qint64 bytes);
};

// ItemCollectionMetrics of one write to a table with a local secondary index: the partition
// key and the size of its item collection (items plus what the LSIs project).
struct ItemCollectionMetrics
{
    Item key;
    qint64 sizeBytes = 0;

    // {"ItemCollectionKey": ..., "SizeEstimateRangeGB": [low, high]}: a 1 GB wide estimate.
    QJsonObject toJson() const;
};

namespace RequestSupport {

Result<Capacity::Mode> capacityMode(const QJsonObject &request);
// ExpressionAttributeNames / ExpressionAttributeValues, validated.
Result<ExpressionContext> expressionContext(const QJsonObject &request);
// ReturnValues: allowed is the list of values the operation accepts.
Result<QString> returnValues(const QJsonObject &request, const QStringList &allowed);
// ReturnItemCollectionMetrics: true for SIZE, false for NONE or absent.
Result<bool> itemCollectionMetrics(const QJsonObject &request);
Result<Item> itemParameter(const QJsonObject &request, const QString &member);
// The attributes an index holds for an item (keys plus projection).
Item projectForIndex(const Item &item, const TableInfo &table, const SecondaryIndex &index);
QString tableNameOf(const QJsonObject &request);
// The Limit of a listing (ListTables, ListBackups): `max` when absent, else 1..max with AWS's
// ValidationException.
Result<int> listLimit(const QJsonObject &request, int max);
// The pre-2014 parameters (Expected, AttributeUpdates, KeyConditions, QueryFilter, ScanFilter,
// ConditionalOperator) reach the operations rewritten as expressions (DynamoDbService::call,
// LegacyConditions); a direct caller that still passes them is refused rather than having a
// condition silently ignored.
Status rejectLegacyParameters(const QJsonObject &request);

// The JSON types of a request's top-level members, checked as DynamoDB's deserializer checks
// them (SerializationException with its wording); booleans given as "true"/"yes"/"1" (or
// "false"/"no"/"0") are accepted as DynamoDB accepts them, and come back as JSON booleans.
Result<QJsonObject> checkMemberTypes(const QJsonObject &request);

} // namespace RequestSupport

// Writes (or deletes) one item with its index entries, TTL column and the table's counters,
// adding the write units to a Capacity. Callers hold a SqlTransaction. In tables with an LSI it
// keeps the item collection's size and refuses a write that grows it past collectionLimit
// (ItemCollectionSizeLimitExceededException). Every item change passes through here, so this is
// also where a table with an enabled stream gets its stream record (INSERT, MODIFY or REMOVE,
// images per StreamViewType), in the same transaction as the write, and a table with
// point-in-time recovery its change-log entry.
class ItemWriter final
{
public:
    static constexpr qint64 MaxItemSize = 400 * 1024;
    static constexpr qint64 DefaultCollectionLimit = 10LL * 1024 * 1024 * 1024;

    ItemWriter(DynamoDbStore &store,
        StreamStore &streams,
        const TableInfo &table,
        qint64 nowMs,
        qint64 collectionLimit = DefaultCollectionLimit);

    // TTL deletions: their stream records carry userIdentity dynamodb.amazonaws.com.
    void setServiceDeletion(bool byService) { m_byService = byService; }

    // Validates a new item (size, index key types) without writing.
    static Status validate(const Item &item, const TableInfo &table);
    Status write(const KeyCodec::EncodedKey &key,
        const std::optional<Item> &old,
        qint64 oldSize,
        const std::optional<Item> &next,
        Capacity *capacity,
        double multiplier = 1.0);
    // After a write to a table with an LSI: its item collection.
    const std::optional<ItemCollectionMetrics> &collection() const { return m_collection; }

private:
    Status updateCollection(const KeyCodec::EncodedKey &key,
        const std::optional<Item> &old,
        qint64 oldSize,
        const std::optional<Item> &next,
        qint64 newSize);
    bool appendStreamRecord(
        const std::optional<Item> &old, const std::optional<Item> &next, qint64 newSize);

    DynamoDbStore &m_store;
    StreamStore &m_streams;
    const TableInfo &m_table;
    qint64 m_nowMs;
    qint64 m_collectionLimit;
    bool m_byService = false;
    std::optional<ItemCollectionMetrics> m_collection;
};

} // namespace Core::DynamoDb
