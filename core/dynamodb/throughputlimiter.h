// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Core::DynamoDb {

struct Capacity;
struct TableInfo;

// Provisioned throughput of PROVISIONED tables as AWS enforces it: each table, and each of its
// global secondary indexes, has a read and a write token bucket refilled at its RCU/WCU per
// second that keeps up to 300 seconds of unused capacity (burst capacity); a bucket starts
// full. A request is admitted while the bucket holds capacity and may take it below zero (its
// size is only known afterwards); the next requests are throttled until the refill brings it
// back above zero. A write is also throttled while any GSI of the table is out of write
// capacity (AWS throttles the base-table write). Times come from the engine Clock, so tests
// move a ManualClock. Lives with DynamoDbService on the core thread.
class ThroughputLimiter final
{
public:
    static constexpr double BurstSeconds = 300.0;

    enum class Verdict {
        Admitted,
        TableExceeded,
        IndexExceeded, // a GSI of a write, or the GSI a read names, is out of capacity
    };

    // The resources of a request that are out of capacity, each one a throttle event
    // (AWS/DynamoDB ReadThrottleEvents / WriteThrottleEvents): a read uses the table or the GSI
    // it names, a write uses the table and every GSI.
    struct Exhausted
    {
        bool table = false;
        QStringList globalIndexes;
        bool any() const { return table || !globalIndexes.isEmpty(); }
        Verdict verdict() const
        {
            if (table)
                return Verdict::TableExceeded;
            return globalIndexes.isEmpty() ? Verdict::Admitted : Verdict::IndexExceeded;
        }
    };

    // Reads: indexName names the GSI a Query/Scan reads (empty: the table).
    Exhausted exhausted(
        const TableInfo &table, bool read, qint64 nowMs, const QString &indexName = QString());
    void consume(const TableInfo &table, bool read, double units, qint64 nowMs);
    // Consumes capacity.table from the table and capacity.global from its GSIs.
    void consume(const TableInfo &table, bool read, const Capacity &capacity, qint64 nowMs);
    void forget(const QString &tableName);

private:
    struct Bucket
    {
        double read = 0;
        double write = 0;
        qint64 updatedMs = 0;
    };
    Bucket &refill(const QString &key, qint64 readCapacity, qint64 writeCapacity, qint64 nowMs);
    void take(
        const TableInfo &table, const QString &indexName, bool read, double units, qint64 nowMs);

    QHash<QString, Bucket> m_buckets; // table name, or table name + '\x1f' + GSI name
};

} // namespace Core::DynamoDb
