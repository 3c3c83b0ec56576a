// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

namespace Core::DynamoDb {

struct TableInfo;

// Provisioned throughput of PROVISIONED tables as AWS enforces it: each table has a read and a
// write token bucket refilled at its RCU/WCU per second that keeps up to 300 seconds of unused
// capacity (burst capacity); a table starts with a full bucket. A request is admitted while the
// bucket holds capacity and may take it below zero (its size is only known afterwards); the
// next requests are throttled until the refill brings it back above zero. Times come from the
// engine Clock, so tests move a ManualClock. Lives with DynamoDbService on the core thread.
class ThroughputLimiter final
{
public:
    static constexpr double BurstSeconds = 300.0;

    bool admit(const TableInfo &table, bool read, qint64 nowMs);
    void consume(const TableInfo &table, bool read, double units, qint64 nowMs);
    void forget(const QString &tableName) { m_buckets.remove(tableName); }

private:
    struct Bucket
    {
        double read = 0;
        double write = 0;
        qint64 updatedMs = 0;
    };
    Bucket &refill(const TableInfo &table, qint64 nowMs);

    QHash<QString, Bucket> m_buckets;
};

} // namespace Core::DynamoDb
