// SPDX-License-Identifier: MIT
#include "core/dynamodb/throughputlimiter.h"

#include "core/dynamodb/requestsupport.h"
#include "core/dynamodb/table.h"

#include <algorithm>

namespace Core::DynamoDb {

namespace {

QString bucketKey(const QString &table, const QString &index)
{
    return index.isEmpty() ? table : table + u'\x1f' + index;
}

// The GSI with its own provisioned throughput, or null.
const SecondaryIndex *provisionedIndex(const TableInfo &table, const QString &indexName)
{
    if (indexName.isEmpty())
        return nullptr;
    const SecondaryIndex *index = table.index(indexName);
    return index && index->global ? index : nullptr;
}

} // namespace

ThroughputLimiter::Bucket &ThroughputLimiter::refill(
    const QString &key, qint64 readCapacity, qint64 writeCapacity, qint64 nowMs)
{
    const double readMax = double(readCapacity) * BurstSeconds;
    const double writeMax = double(writeCapacity) * BurstSeconds;
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        return *m_buckets.insert(key, Bucket{readMax, writeMax, nowMs});
    Bucket &bucket = it.value();
    const double seconds = double(std::max<qint64>(0, nowMs - bucket.updatedMs)) / 1000.0;
    bucket.read = std::min(readMax, bucket.read + seconds * double(readCapacity));
    bucket.write = std::min(writeMax, bucket.write + seconds * double(writeCapacity));
    bucket.updatedMs = std::max(bucket.updatedMs, nowMs);
    return bucket;
}

ThroughputLimiter::Exhausted ThroughputLimiter::exhausted(
    const TableInfo &table, bool read, qint64 nowMs, const QString &indexName)
{
    Exhausted out;
    if (table.payPerRequest)
        return out;
    if (read) {
        if (const SecondaryIndex *index = provisionedIndex(table, indexName)) {
            const Bucket &bucket = refill(bucketKey(table.name, index->name),
                index->readCapacity,
                index->writeCapacity,
                nowMs);
            if (bucket.read <= 0)
                out.globalIndexes.append(index->name);
            return out;
        }
        out.table = refill(table.name, table.readCapacity, table.writeCapacity, nowMs).read <= 0;
        return out;
    }
    out.table = refill(table.name, table.readCapacity, table.writeCapacity, nowMs).write <= 0;
    for (const SecondaryIndex &index : table.indexes) {
        if (!index.global)
            continue;
        const Bucket &bucket = refill(
            bucketKey(table.name, index.name), index.readCapacity, index.writeCapacity, nowMs);
        if (bucket.write <= 0)
            out.globalIndexes.append(index.name);
    }
    return out;
}

void ThroughputLimiter::take(
    const TableInfo &table, const QString &indexName, bool read, double units, qint64 nowMs)
{
    if (table.payPerRequest || units <= 0)
        return;
    if (const SecondaryIndex *index = provisionedIndex(table, indexName)) {
        Bucket &bucket = refill(
            bucketKey(table.name, index->name), index->readCapacity, index->writeCapacity, nowMs);
        (read ? bucket.read : bucket.write) -= units;
        return;
    }
    if (!indexName.isEmpty())
        return;
    Bucket &bucket = refill(table.name, table.readCapacity, table.writeCapacity, nowMs);
    (read ? bucket.read : bucket.write) -= units;
}

void ThroughputLimiter::consume(const TableInfo &table, bool read, double units, qint64 nowMs)
{
    take(table, QString(), read, units, nowMs);
}

void ThroughputLimiter::consume(
    const TableInfo &table, bool read, const Capacity &capacity, qint64 nowMs)
{
    double tableUnits = capacity.table;
    for (const double units : capacity.local)
        tableUnits += units; // LSIs share the table's capacity
    take(table, QString(), read, tableUnits, nowMs);
    for (auto it = capacity.global.cbegin(); it != capacity.global.cend(); ++it)
        take(table, it.key(), read, it.value(), nowMs);
}

void ThroughputLimiter::forget(const QString &tableName)
{
    const QString prefix = tableName + u'\x1f';
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it.key() == tableName || it.key().startsWith(prefix))
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace Core::DynamoDb
