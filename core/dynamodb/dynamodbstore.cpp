// SPDX-License-Identifier: MIT
#include "core/dynamodb/dynamodbstore.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStorage) << "dynamodb store:" << query.lastError().text();
    return false;
}

StoredTable readTable(const QSqlQuery &query)
{
    StoredTable table;
    table.id = query.value(0).toLongLong();
    table.name = query.value(1).toString();
    table.definition = query.value(2).toByteArray();
    table.createdMs = query.value(3).toLongLong();
    table.itemCount = query.value(4).toLongLong();
    table.sizeBytes = query.value(5).toLongLong();
    return table;
}

// Columns: hash_key, range_key, item, size, then index hash and index range (absent for reads
// of the table itself, whose index keys are its own keys).
QList<StoredItem> readItems(QSqlQuery &query, bool indexColumns = false)
{
    QList<StoredItem> items;
    if (!run(query))
        return items;
    while (query.next()) {
        StoredItem item;
        item.hashKey = query.value(0).toByteArray();
        item.rangeKey = query.value(1).toByteArray();
        item.item = query.value(2).toByteArray();
        item.size = query.value(3).toLongLong();
        item.indexHash = indexColumns ? query.value(4).toByteArray() : item.hashKey;
        item.indexRange = indexColumns ? query.value(5).toByteArray() : item.rangeKey;
        items.append(item);
    }
    query.finish();
    return items;
}

constexpr auto TableColumns = "id, name, definition, created_ms, item_count, size_bytes";

} // namespace

DynamoDbStore::DynamoDbStore(const Storage::Database &database)
    : m_database(database)
{}

std::optional<qint64> DynamoDbStore::insertTable(
    const QString &name, const QByteArray &definition, qint64 createdMs)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO ddb_tables (name, definition, created_ms) VALUES (?, ?, ?)"_s);
    query.addBindValue(name);
    query.addBindValue(QString::fromUtf8(definition));
    query.addBindValue(createdMs);
    if (!run(query))
        return std::nullopt;
    return query.lastInsertId().toLongLong();
}

std::optional<StoredTable> DynamoDbStore::table(const QString &name) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM ddb_tables WHERE name = ?"_s.arg(QLatin1StringView(TableColumns)));
    query.addBindValue(name);
    if (!run(query) || !query.next())
        return std::nullopt;
    StoredTable table = readTable(query);
    query.finish();
    return table;
}

QList<StoredTable> DynamoDbStore::tables() const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM ddb_tables ORDER BY name"_s.arg(QLatin1StringView(TableColumns)));
    QList<StoredTable> tables;
    if (!run(query))
        return tables;
    while (query.next())
        tables.append(readTable(query));
    query.finish();
    return tables;
}

bool DynamoDbStore::updateDefinition(qint64 tableId, const QByteArray &definition)
{
    QSqlQuery &query = m_database.prepared(u"UPDATE ddb_tables SET definition = ? WHERE id = ?"_s);
    query.addBindValue(QString::fromUtf8(definition));
    query.addBindValue(tableId);
    return run(query);
}

bool DynamoDbStore::deleteTable(qint64 tableId)
{
    for (const QString &sql : {u"DELETE FROM ddb_index_entries WHERE table_id = ?"_s,
             u"DELETE FROM ddb_item_collections WHERE table_id = ?"_s,
             u"DELETE FROM ddb_items WHERE table_id = ?"_s,
             u"DELETE FROM ddb_tables WHERE id = ?"_s}) {
        QSqlQuery &query = m_database.prepared(sql);
        query.addBindValue(tableId);
        if (!run(query))
            return false;
    }
    return true;
}

bool DynamoDbStore::adjustCounts(qint64 tableId, qint64 itemDelta, qint64 sizeDelta)
{
    if (itemDelta == 0 && sizeDelta == 0)
        return true;
    QSqlQuery &query = m_database.prepared(
        u"UPDATE ddb_tables SET item_count = item_count + ?, size_bytes = size_bytes + ? "
        u"WHERE id = ?"_s);
    query.addBindValue(itemDelta);
    query.addBindValue(sizeDelta);
    query.addBindValue(tableId);
    return run(query);
}

qint64 DynamoDbStore::collectionSize(qint64 tableId, const QByteArray &hashKey) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT size_bytes FROM ddb_item_collections WHERE table_id = ? AND hash_key = ?"_s);
    query.addBindValue(tableId);
    query.addBindValue(hashKey);
    if (!run(query) || !query.next())
        return 0;
    const qint64 size = query.value(0).toLongLong();
    query.finish();
    return size;
}

bool DynamoDbStore::adjustCollectionSize(qint64 tableId, const QByteArray &hashKey, qint64 delta)
{
    if (delta == 0)
        return true;
    QSqlQuery &upsert = m_database.prepared(
        u"INSERT INTO ddb_item_collections (table_id, hash_key, size_bytes) VALUES (?, ?, ?) "
        u"ON CONFLICT (table_id, hash_key) DO UPDATE SET size_bytes = size_bytes + excluded.size_bytes"_s);
    upsert.addBindValue(tableId);
    upsert.addBindValue(hashKey);
    upsert.addBindValue(delta);
    if (!run(upsert))
        return false;
    QSqlQuery &prune = m_database.prepared(
        u"DELETE FROM ddb_item_collections WHERE table_id = ? AND hash_key = ? AND size_bytes <= 0"_s);
    prune.addBindValue(tableId);
    prune.addBindValue(hashKey);
    return run(prune);
}

std::optional<StoredItem> DynamoDbStore::item(
    qint64 tableId, const QByteArray &hashKey, const QByteArray &rangeKey) const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT hash_key, range_key, item, size FROM ddb_items "
                            u"WHERE table_id = ? AND hash_key = ? AND range_key = ?"_s);
    query.addBindValue(tableId);
    query.addBindValue(hashKey);
    query.addBindValue(rangeKey);
    QList<StoredItem> items = readItems(query);
    if (items.isEmpty())
        return std::nullopt;
    return items.first();
}

bool DynamoDbStore::putItem(
    qint64 tableId, const StoredItem &item, int segment, std::optional<qint64> ttl)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO ddb_items (table_id, hash_key, range_key, segment, item, size, "
        u"ttl) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(tableId);
    query.addBindValue(item.hashKey);
    query.addBindValue(item.rangeKey);
    query.addBindValue(segment);
    // Bound as bytes (stored as a blob): reading it back needs no UTF-8 -> UTF-16 -> UTF-8
    // round trip. Rows written as text before read back the same.
    query.addBindValue(item.item);
    query.addBindValue(item.size);
    query.addBindValue(ttl ? QVariant(*ttl) : QVariant(QMetaType::fromType<qint64>()));
    return run(query);
}

bool DynamoDbStore::deleteItem(
    qint64 tableId, const QByteArray &hashKey, const QByteArray &rangeKey)
{
    QSqlQuery &query = m_database.prepared(
        u"DELETE FROM ddb_items WHERE table_id = ? AND hash_key = ? AND range_key = ?"_s);
    query.addBindValue(tableId);
    query.addBindValue(hashKey);
    query.addBindValue(rangeKey);
    return run(query);
}

bool DynamoDbStore::putIndexEntry(
    qint64 tableId, const QString &indexName, const StoredItem &entry, int segment)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO ddb_index_entries (table_id, index_name, hash_key, range_key, "
        u"item_hash, item_range, segment) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(tableId);
    query.addBindValue(indexName);
    query.addBindValue(entry.indexHash);
    query.addBindValue(entry.indexRange);
    query.addBindValue(entry.hashKey);
    query.addBindValue(entry.rangeKey);
    query.addBindValue(segment);
    return run(query);
}

bool DynamoDbStore::deleteIndexEntries(
    qint64 tableId, const QByteArray &hashKey, const QByteArray &rangeKey)
{
    QSqlQuery &query = m_database.prepared(
        u"DELETE FROM ddb_index_entries WHERE table_id = ? AND item_hash = ? AND item_range = ?"_s);
    query.addBindValue(tableId);
    query.addBindValue(hashKey);
    query.addBindValue(rangeKey);
    return run(query);
}

bool DynamoDbStore::deleteIndex(qint64 tableId, const QString &indexName)
{
    QSqlQuery &query = m_database.prepared(
        u"DELETE FROM ddb_index_entries WHERE table_id = ? AND index_name = ?"_s);
    query.addBindValue(tableId);
    query.addBindValue(indexName);
    return run(query);
}

QHash<QString, std::pair<qint64, qint64>> DynamoDbStore::indexStats(qint64 tableId) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT e.index_name, COUNT(*), SUM(i.size) FROM ddb_index_entries e JOIN ddb_items i "
        u"ON i.table_id = e.table_id AND i.hash_key = e.item_hash AND i.range_key = e.item_range "
        u"WHERE e.table_id = ? GROUP BY e.index_name"_s);
    query.addBindValue(tableId);
    QHash<QString, std::pair<qint64, qint64>> stats;
    if (!run(query))
        return stats;
    while (query.next())
        stats.insert(
            query.value(0).toString(), {query.value(1).toLongLong(), query.value(2).toLongLong()});
    query.finish();
    return stats;
}

QList<StoredItem> DynamoDbStore::query(qint64 tableId,
    const QString &indexName,
    const QByteArray &hashKey,
    const RangeBounds &bounds,
    bool forward,
    const std::optional<StartAfter> &start,
    int limit) const
{
    const bool onIndex = !indexName.isEmpty();
    const QString range = onIndex ? u"e.range_key"_s : u"range_key"_s;
    QString sql = onIndex
        ? u"SELECT i.hash_key, i.range_key, i.item, i.size, e.hash_key, e.range_key "
          u"FROM ddb_index_entries e JOIN ddb_items i ON i.table_id = e.table_id "
          u"AND i.hash_key = e.item_hash AND i.range_key = e.item_range "
          u"WHERE e.table_id = ? AND e.index_name = ? AND e.hash_key = ?"_s
        : u"SELECT hash_key, range_key, item, size FROM ddb_items "
          u"WHERE table_id = ? AND hash_key = ?"_s;
    if (bounds.lower)
        sql += u" AND %1 %2 ?"_s.arg(range, bounds.lowerInclusive ? u">="_s : u">"_s);
    if (bounds.upper)
        sql += u" AND %1 %2 ?"_s.arg(range, bounds.upperInclusive ? u"<="_s : u"<"_s);
    const QString after = forward ? u">"_s : u"<"_s;
    if (start)
        sql += onIndex ? u" AND (e.range_key, e.item_hash, e.item_range) %1 (?, ?, ?)"_s.arg(after)
                       : u" AND range_key %1 ?"_s.arg(after);
    const QString direction = forward ? u"ASC"_s : u"DESC"_s;
    sql += onIndex ? u" ORDER BY e.range_key %1, e.item_hash %1, e.item_range %1"_s.arg(direction)
                   : u" ORDER BY range_key %1"_s.arg(direction);
    sql += u" LIMIT ?"_s;
    QSqlQuery &query = m_database.prepared(sql);
    query.addBindValue(tableId);
    if (onIndex)
        query.addBindValue(indexName);
    query.addBindValue(hashKey);
    if (bounds.lower)
        query.addBindValue(*bounds.lower);
    if (bounds.upper)
        query.addBindValue(*bounds.upper);
    if (start) {
        if (onIndex) {
            query.addBindValue(start->indexRange);
            query.addBindValue(start->hashKey);
            query.addBindValue(start->rangeKey);
        } else {
            query.addBindValue(start->rangeKey);
        }
    }
    query.addBindValue(limit);
    return readItems(query, onIndex);
}

QList<StoredItem> DynamoDbStore::scan(qint64 tableId,
    const QString &indexName,
    int segmentLow,
    int segmentHigh,
    const std::optional<StartAfter> &start,
    int limit) const
{
    const bool onIndex = !indexName.isEmpty();
    QString sql = onIndex
        ? u"SELECT i.hash_key, i.range_key, i.item, i.size, e.hash_key, e.range_key "
          u"FROM ddb_index_entries e JOIN ddb_items i ON i.table_id = e.table_id "
          u"AND i.hash_key = e.item_hash AND i.range_key = e.item_range "
          u"WHERE e.table_id = ? AND e.index_name = ? AND e.segment >= ? AND e.segment < ?"_s
        : u"SELECT hash_key, range_key, item, size FROM ddb_items "
          u"WHERE table_id = ? AND segment >= ? AND segment < ?"_s;
    if (start)
        sql += onIndex ? u" AND (e.segment, e.hash_key, e.range_key, e.item_hash, e.item_range) > "
                         u"(?, ?, ?, ?, ?)"_s
                       : u" AND (segment, hash_key, range_key) > (?, ?, ?)"_s;
    sql += onIndex ? u" ORDER BY e.segment, e.hash_key, e.range_key, e.item_hash, e.item_range"_s
                   : u" ORDER BY segment, hash_key, range_key"_s;
    sql += u" LIMIT ?"_s;
    QSqlQuery &query = m_database.prepared(sql);
    query.addBindValue(tableId);
    if (onIndex)
        query.addBindValue(indexName);
    query.addBindValue(segmentLow);
    query.addBindValue(segmentHigh);
    if (start) {
        query.addBindValue(start->segment);
        if (onIndex) {
            query.addBindValue(start->indexHash);
            query.addBindValue(start->indexRange);
        }
        query.addBindValue(start->hashKey);
        query.addBindValue(start->rangeKey);
    }
    query.addBindValue(limit);
    return readItems(query, onIndex);
}

QList<StoredItem> DynamoDbStore::allItems(
    qint64 tableId, const std::optional<StoredItem> &after, int limit) const
{
    QSqlQuery &query =
        m_database.prepared(after ? u"SELECT hash_key, range_key, item, size FROM ddb_items "
                                    u"WHERE table_id = ? AND (hash_key, range_key) > (?, ?) "
                                    u"ORDER BY hash_key, range_key LIMIT ?"_s
                                  : u"SELECT hash_key, range_key, item, size FROM ddb_items "
                                    u"WHERE table_id = ? ORDER BY hash_key, range_key LIMIT ?"_s);
    query.addBindValue(tableId);
    if (after) {
        query.addBindValue(after->hashKey);
        query.addBindValue(after->rangeKey);
    }
    query.addBindValue(limit);
    return readItems(query);
}

bool DynamoDbStore::setTtl(qint64 tableId,
    const QByteArray &hashKey,
    const QByteArray &rangeKey,
    std::optional<qint64> ttl)
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE ddb_items SET ttl = ? WHERE table_id = ? AND hash_key = ? AND range_key = ?"_s);
    query.addBindValue(ttl ? QVariant(*ttl) : QVariant(QMetaType::fromType<qint64>()));
    query.addBindValue(tableId);
    query.addBindValue(hashKey);
    query.addBindValue(rangeKey);
    return run(query);
}

QList<DynamoDbStore::ExpiredItem> DynamoDbStore::expired(qint64 nowSeconds, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT table_id, hash_key, range_key, item, size FROM ddb_items "
        u"WHERE ttl IS NOT NULL AND ttl <= ? AND ttl >= ? ORDER BY ttl LIMIT ?"_s);
    query.addBindValue(nowSeconds);
    query.addBindValue(nowSeconds - TtlIgnoredAfterSeconds);
    query.addBindValue(limit);
    QList<ExpiredItem> items;
    if (!run(query))
        return items;
    while (query.next()) {
        ExpiredItem expiredItem;
        expiredItem.tableId = query.value(0).toLongLong();
        expiredItem.item.hashKey = query.value(1).toByteArray();
        expiredItem.item.rangeKey = query.value(2).toByteArray();
        expiredItem.item.item = query.value(3).toByteArray();
        expiredItem.item.size = query.value(4).toLongLong();
        items.append(expiredItem);
    }
    query.finish();
    return items;
}

std::optional<std::pair<QString, QByteArray>> DynamoDbStore::transactionToken(
    const QString &token, qint64 notBeforeMs) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT request_hash, response FROM ddb_transaction_tokens WHERE token = ? AND "
        u"created_ms >= ?"_s);
    query.addBindValue(token);
    query.addBindValue(notBeforeMs);
    if (!run(query) || !query.next())
        return std::nullopt;
    auto result = std::make_pair(query.value(0).toString(), query.value(1).toByteArray());
    query.finish();
    return result;
}

bool DynamoDbStore::putTransactionToken(
    const QString &token, const QString &requestHash, const QByteArray &response, qint64 nowMs)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO ddb_transaction_tokens (token, request_hash, response, "
        u"created_ms) VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(token);
    query.addBindValue(requestHash);
    query.addBindValue(QString::fromUtf8(response));
    query.addBindValue(nowMs);
    return run(query);
}

} // namespace Core::DynamoDb
