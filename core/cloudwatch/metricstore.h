// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"
#include "core/cloudwatch/statistics.h"

#include <QHash>

#include <functional>
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
    // Creates the metric when it is new and moves its last_put_ms forward; a metric touched less
    // than RecentTouchMs ago (by this store) is not written again, so last_put_ms lags by up to
    // that much (ListMetrics' RecentlyActive looks three hours back).
    static constexpr qint64 RecentTouchMs = 60'000;
    std::optional<qint64> touchMetric(const Metric &metric, qint64 nowMs);
    std::optional<qint64> findMetric(const Metric &metric) const;
    bool insert(qint64 metricId, const StoredDatum &datum);
    // Visits the datums of one metric with from <= timestamp < to, oldest first (an index range
    // scan, forward only). Raw values (for percentiles) are decoded only when asked for.
    void forEachDatum(qint64 metricId,
        qint64 fromMs,
        qint64 toMs,
        bool withRawValues,
        const std::function<void(const StoredDatum &)> &visit) const;
    // Metrics with id > afterId in id order, optionally of one namespace and name.
    struct PeriodAggregate
    {
        qint64 periodStartMs = 0;
        QString unit;
        Statistics::Accumulator values; // no raw values
    };
    // SampleCount, Sum, Minimum and Maximum per period and unit, oldest first, aggregated by SQLite
    // (no percentiles): the fast path of GetMetricStatistics and alarms on simple statistics.
    // Periods of whole minutes read the per-minute pre-aggregates, so the cost follows the
    // number of minutes in the window, not the number of datums.
    QList<PeriodAggregate> aggregate(qint64 metricId,
        qint64 alignedStartMs,
        qint64 toMs,
        qint64 periodMs,
        const QString &unit) const;
    QList<StoredMetric> metrics(
        const QString &metricNamespace, const QString &metricName, qint64 afterId, int limit) const;
    QStringList namespaces() const;
    QList<qint64> metricIds() const;

    // Retention: merges the datums of one metric with fromMs <= timestamp < beforeMs whose
    // resolution is finer than `resolution` seconds into one datum per unit and
    // `resolution`-second bucket (sample count, sum, min, max and raw values kept), the way
    // CloudWatch rolls data up. Both bounds must fall on bucket boundaries. Returns the number of
    // datums replaced.
    int rollUp(qint64 metricId, qint64 fromMs, qint64 beforeMs, int resolution);
    // Deletes the datums of one metric with fromMs <= timestamp < beforeMs.
    int deleteRange(qint64 metricId, qint64 fromMs, qint64 beforeMs);

private:
    // cw_minute_aggregates: adds one datum to its minute, or recomputes the minutes overlapping
    // [fromMs, beforeMs) from the datums.
    bool addToMinute(qint64 metricId, const StoredDatum &datum);
    bool recomputeMinutes(qint64 metricId, qint64 fromMs, qint64 beforeMs);

    Storage::Database &m_database;
    struct RecentTouch
    {
        qint64 id = 0;
        qint64 atMs = 0;
    };
    // Metrics touched lately, by namespace, name and dimensions key. Forgotten after any
    // rollback, which may have taken the row an entry names with it.
    QHash<QString, RecentTouch> m_recentTouches;
    quint64 m_rollbacksSeen = 0;
};

} // namespace Core::CloudWatch
