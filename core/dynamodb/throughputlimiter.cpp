// SPDX-License-Identifier: MIT
#include "core/dynamodb/throughputlimiter.h"

#include "core/dynamodb/table.h"

#include <algorithm>

namespace Core::DynamoDb {

ThroughputLimiter::Bucket &ThroughputLimiter::refill(const TableInfo &table, qint64 nowMs)
{
    const double readMax = double(table.readCapacity) * BurstSeconds;
    const double writeMax = double(table.writeCapacity) * BurstSeconds;
    auto it = m_buckets.find(table.name);
    if (it == m_buckets.end())
        return *m_buckets.insert(table.name, Bucket{readMax, writeMax, nowMs});
    Bucket &bucket = it.value();
    const double seconds = double(std::max<qint64>(0, nowMs - bucket.updatedMs)) / 1000.0;
    bucket.read = std::min(readMax, bucket.read + seconds * double(table.readCapacity));
    bucket.write = std::min(writeMax, bucket.write + seconds * double(table.writeCapacity));
    bucket.updatedMs = std::max(bucket.updatedMs, nowMs);
    return bucket;
}

bool ThroughputLimiter::admit(const TableInfo &table, bool read, qint64 nowMs)
{
    if (table.payPerRequest)
        return true;
    const Bucket &bucket = refill(table, nowMs);
    return (read ? bucket.read : bucket.write) > 0;
}

void ThroughputLimiter::consume(const TableInfo &table, bool read, double units, qint64 nowMs)
{
    if (table.payPerRequest)
        return;
    Bucket &bucket = refill(table, nowMs);
    (read ? bucket.read : bucket.write) -= units;
}

} // namespace Core::DynamoDb
