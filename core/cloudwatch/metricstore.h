// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"
#include "core/cloudwatch/statistics.h"

#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::CloudWatch {

// The SQL of CloudWatch metrics (tables cw_metrics, cw_datapoints). Used on the core thread by
// CloudWatchService only; writes happen inside the caller's SqlTransaction.
class MetricStore final
{
public:
    struct StoredDatum
    {
        qint64 timestampMs = 0;
        QString unit;
        int resolution = 60;
        Statistics::Accumulator values;
    };
    struct StoredMetric
    {
        qint64 id = 0;
        Metric metric;
        qint64 lastPutMs = 0;
    };

    explicit MetricStore(Storage::Database &database);

    static Dimensions sorted(Dimensions dimensions);
    // Creates the metric when it is new; always moves its last_put_ms forward.
    std::optional<qint64> touchMetric(const Metric &metric, qint64 nowMs);
    std::optional<qint64> findMetric(const Metric &metric) const;
    bool insert(qint64 metricId, const StoredDatum &datum);
    // Datums of one metric with from <= timestamp < to, oldest first (index range scan).
    QList<StoredDatum> datums(qint64 metricId, qint64 fromMs, qint64 toMs) const;
    // Metrics with id > afterId in id order, optionally of one namespace and name.
    QList<StoredMetric> metrics(
        const QString &metricNamespace, const QString &metricName, qint64 afterId, int limit) const;
    QStringList namespaces() const;

private:
    Storage::Database &m_database;
};

} // namespace Core::CloudWatch
