// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::DynamoDb {

struct StoredTable
{
    qint64 id = 0;
    QString name;
    QByteArray definition; // JSON
    qint64 createdMs = 0;
    qint64 itemCount = 0;
    qint64 sizeBytes = 0;
};

// A backup (ddb_backups): the table's definition (TableDefinition::toStorage) and counters as
// they were, without the items.
struct StoredBackup
{
    QString arn;
    QString name;
    QString tableName;
    qint64 tableId = 0;
    QString type; // USER or SYSTEM
    qint64 createdMs = 0;
    qint64 expiryMs = -1;
    QByteArray definition;
    qint64 itemCount = 0;
    qint64 sizeBytes = 0;
};

// A point-in-time-recovery change: the item before it (empty: none).
struct StoredChange
{
    QByteArray hashKey;
    QByteArray rangeKey;
    std::optional<QByteArray> oldItem;
};

struct StoredItem
{
    QByteArray hashKey;
    QByteArray rangeKey;
    QByteArray item; // DynamoDB JSON
    qint64 size = 0;
    // For index reads: the entry's own keys.
    QByteArray indexHash;
    QByteArray indexRange;
};

// A key range on the sort key (memcmp order on the encoded bytes); unset bounds are open.
struct RangeBounds
{
    std::optional<QByteArray> lower;
    bool lowerInclusive = true;
    std::optional<QByteArray> upper;
    bool upperInclusive = true;
};

// Position after which a Query/Scan continues (the encoded keys of the last item returned).
struct StartAfter
{
    QByteArray indexHash;
    QByteArray indexRange;
    QByteArray hashKey;
    QByteArray rangeKey;
    int segment = 0;
};

// The only SQL touching the ddb_* tables. Used on the core thread inside the caller's
// transaction; every statement is prepared once per thread.
class DynamoDbStore final
{
public:
    explicit DynamoDbStore(const Storage::Database &database);

    std::optional<qint64> insertTable(
        const QString &name, const QByteArray &definition, qint64 createdMs);
    std::optional<StoredTable> table(const QString &name) const;
    QList<StoredTable> tables() const;
    bool updateDefinition(qint64 tableId, const QByteArray &definition);
    bool deleteTable(qint64 tableId);
    bool adjustCounts(qint64 tableId, qint64 itemDelta, qint64 sizeDelta);

    // Backups (dynamodbstorebackups.cpp): insertBackup copies the table's items as they are.
    bool insertBackup(const StoredBackup &backup);
    std::optional<StoredBackup> backup(const QString &arn) const;
    QList<StoredBackup> backups() const; // by creation time
    bool deleteBackup(const QString &arn);
    QList<QByteArray> backupItems(const QString &arn) const;
    // Point-in-time recovery's change log: appended by every item write while it is on.
    bool appendChange(qint64 tableId,
        qint64 atMs,
        const QByteArray &hashKey,
        const QByteArray &rangeKey,
        const std::optional<QByteArray> &oldItem);
    // The changes after `afterMs`, newest first.
    QList<StoredChange> changesAfter(qint64 tableId, qint64 afterMs) const;
    bool deleteChanges(qint64 tableId, qint64 beforeMs); // all of them with beforeMs < 0

    std::optional<StoredItem> item(
        qint64 tableId, const QByteArray &hashKey, const QByteArray &rangeKey) const;
    bool putItem(qint64 tableId, const StoredItem &item, int segment, std::optional<qint64> ttl);
    bool deleteItem(qint64 tableId, const QByteArray &hashKey, const QByteArray &rangeKey);

    // Item collections (tables with an LSI): bytes stored under one partition key.
    qint64 collectionSize(qint64 tableId, const QByteArray &hashKey) const;
    bool adjustCollectionSize(qint64 tableId, const QByteArray &hashKey, qint64 delta);

    bool putIndexEntry(
        qint64 tableId, const QString &indexName, const StoredItem &entry, int segment);
    bool deleteIndexEntries(qint64 tableId, const QByteArray &hashKey, const QByteArray &rangeKey);
    bool deleteIndex(qint64 tableId, const QString &indexName);
    // Per index: (ItemCount, IndexSizeBytes) for DescribeTable.
    QHash<QString, std::pair<qint64, qint64>> indexStats(qint64 tableId) const;

    // Items of one partition in sort-key order, from the primary key index (or an index's).
    QList<StoredItem> query(qint64 tableId,
        const QString &indexName,
        const QByteArray &hashKey,
        const RangeBounds &bounds,
        bool forward,
        const std::optional<StartAfter> &start,
        int limit) const;
    // Items in scan order within [segmentLow, segmentHigh).
    QList<StoredItem> scan(qint64 tableId,
        const QString &indexName,
        int segmentLow,
        int segmentHigh,
        const std::optional<StartAfter> &start,
        int limit) const;
    // Every item of a table (backfilling a new index or TTL), in primary-key order.
    QList<StoredItem> allItems(
        qint64 tableId, const std::optional<StoredItem> &after, int limit) const;

    bool setTtl(qint64 tableId,
        const QByteArray &hashKey,
        const QByteArray &rangeKey,
        std::optional<qint64> ttl);
    struct ExpiredItem
    {
        qint64 tableId = 0;
        StoredItem item;
    };
    // Items whose TTL is past, oldest first. AWS never deletes items whose TTL is more than five
    // years in the past (a timestamp in the wrong unit, or not meant as one): neither do we.
    static constexpr qint64 TtlIgnoredAfterSeconds = 5LL * 365 * 86'400;
    QList<ExpiredItem> expired(qint64 nowSeconds, int limit) const;

    std::optional<std::pair<QString, QByteArray>> transactionToken(
        const QString &token, qint64 notBeforeMs) const;
    bool putTransactionToken(
        const QString &token, const QString &requestHash, const QByteArray &response, qint64 nowMs);

private:
    const Storage::Database &m_database;
};

} // namespace Core::DynamoDb
