// SPDX-License-Identifier: MIT
#include "core/cloudwatch/cloudwatchservice.h"

#include "core/cloudwatch/cloudwatcherrors.h"
#include "core/cloudwatch/metricmath.h"
#include "core/cloudwatch/metricsearch.h"
#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch {

namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;
constexpr int MaxDatums = 1000;
constexpr int MaxDimensions = 30;
constexpr int MaxDatapoints = 1440;
constexpr int ListMetricsPage = 500;
constexpr int MaxHistogramBuckets = 2000;
constexpr int RetentionSweepMs = 10 * 60 * 1000;
// ListMetrics: metrics without new data for two weeks are no longer listed.
constexpr qint64 ListedForMs = 14 * DayMs;

using CloudWatchErrors::invalidValue;
using CloudWatchErrors::missing;

// PutMetricData: CloudWatch rejects NaN, the infinities and values beyond -2^360..2^360.
bool isAcceptedValue(double value)
{
    static const double limit = std::ldexp(1.0, 360);
    return std::isfinite(value) && std::fabs(value) <= limit;
}

// How the rejected value is named in the message: Java's Double.toString (1.0E300), as AWS.
QString valueText(double value)
{
    return std::isfinite(value) ? Statistics::javaDouble(value) : Statistics::numberText(value);
}

// A statistic set's raw values: [(value, count)] for Value and Values/Counts.
Status validateDatum(const MetricDatum &datum, const QString &prefix, qint64 nowMs)
{
    if (datum.metricName.isEmpty())
        return missing(prefix + u".MetricName"_s);
    if (datum.metricName.size() > 255)
        return invalidValue(datum.metricName, prefix + u".MetricName"_s);
    if (datum.dimensions.size() > MaxDimensions)
        return fail(u"InvalidParameterValue"_s,
            u"The collection %1.Dimensions must not have a size greater than %2."_s.arg(prefix).arg(
                MaxDimensions));
    QStringList names;
    for (qsizetype i = 0; i < datum.dimensions.size(); ++i) {
        const Dimension &dimension = datum.dimensions.at(i);
        const QString dimensionPrefix = u"%1.Dimensions.member.%2"_s.arg(prefix).arg(i + 1);
        if (dimension.name.isEmpty())
            return missing(dimensionPrefix + u".Name"_s);
        if (dimension.value.isEmpty())
            return missing(dimensionPrefix + u".Value"_s);
        if (dimension.name.size() > 255)
            return invalidValue(dimension.name, dimensionPrefix + u".Name"_s);
        if (dimension.value.size() > 1024)
            return invalidValue(dimension.value, dimensionPrefix + u".Value"_s);
        if (names.contains(dimension.name))
            return fail(u"InvalidParameterValue"_s,
                u"No metric may have duplicate dimension names. Dimension %1 was specified more "
                u"than once."_s.arg(dimension.name));
        names.append(dimension.name);
    }
    const bool hasValues = !datum.values.isEmpty();
    if (datum.value && datum.statisticValues)
        return fail(u"InvalidParameterCombination"_s,
            u"The parameters %1.Value and %1.StatisticValues are mutually exclusive and you have "
            u"specified both."_s.arg(prefix));
    if (datum.value && hasValues)
        return fail(u"InvalidParameterCombination"_s,
            u"The parameters %1.Value and %1.Values are mutually exclusive and you have specified "
            u"both."_s.arg(prefix));
    if (datum.statisticValues && hasValues)
        return fail(u"InvalidParameterCombination"_s,
            u"The parameters %1.StatisticValues and %1.Values are mutually exclusive and you have "
            u"specified both."_s.arg(prefix));
    if (!datum.value && !datum.statisticValues && !hasValues)
        return fail(u"InvalidParameterCombination"_s,
            u"At least one of the parameters %1.Value, %1.StatisticValues or %1.Values must be "
            u"specified."_s.arg(prefix));
    if (datum.value && !isAcceptedValue(*datum.value))
        return invalidValue(valueText(*datum.value), prefix + u".Value"_s);
    if (!datum.counts.isEmpty() && datum.counts.size() != datum.values.size())
        return fail(u"InvalidParameterValue"_s,
            u"The parameters %1.Values and %1.Counts must be of the same size."_s.arg(prefix));
    if (datum.values.size() > 150)
        return fail(u"InvalidParameterValue"_s,
            u"The collection %1.Values must not have a size greater than 150."_s.arg(prefix));
    for (qsizetype i = 0; i < datum.values.size(); ++i) {
        if (!isAcceptedValue(datum.values.at(i)))
            return invalidValue(
                valueText(datum.values.at(i)), u"%1.Values.member.%2"_s.arg(prefix).arg(i + 1));
    }
    for (qsizetype i = 0; i < datum.counts.size(); ++i) {
        if (!std::isfinite(datum.counts.at(i)) || datum.counts.at(i) < 0)
            return invalidValue(Statistics::numberText(datum.counts.at(i)),
                u"%1.Counts.member.%2"_s.arg(prefix).arg(i + 1));
    }
    if (const auto &set = datum.statisticValues) {
        const std::pair<const char16_t *, double> members[] = {{u"SampleCount", set->sampleCount},
            {u"Sum", set->sum},
            {u"Minimum", set->minimum},
            {u"Maximum", set->maximum}};
        for (const auto &[name, value] : members) {
            if (!isAcceptedValue(value))
                return invalidValue(valueText(value),
                    u"%1.StatisticValues.%2"_s.arg(prefix, QString::fromUtf16(name)));
        }
        if (set->sampleCount <= 0)
            return invalidValue(Statistics::numberText(set->sampleCount),
                prefix + u".StatisticValues.SampleCount"_s);
        if (set->minimum > set->maximum)
            return fail(u"InvalidParameterValue"_s,
                u"The parameter %1.StatisticValues.Maximum must be greater than or equal to %1."
                u"StatisticValues.Minimum."_s.arg(prefix));
    }
    if (!datum.unit.isEmpty() && !MetricSink::standardUnits().contains(datum.unit))
        return invalidValue(datum.unit, prefix + u".Unit"_s);
    if (datum.storageResolution != 1 && datum.storageResolution != 60)
        return invalidValue(
            QString::number(datum.storageResolution), prefix + u".StorageResolution"_s);
    if (datum.timestampMs) {
        if (*datum.timestampMs < nowMs - 14 * DayMs)
            return fail(u"InvalidParameterValue"_s,
                u"The parameter %1.Timestamp must specify a time no more than two weeks in the "
                u"past."_s.arg(prefix));
        if (*datum.timestampMs > nowMs + 2 * HourMs)
            return fail(u"InvalidParameterValue"_s,
                u"The parameter %1.Timestamp must specify a time no more than two hours in the "
                u"future."_s.arg(prefix));
    }
    return {};
}

MetricStore::StoredDatum toStored(const MetricDatum &datum, qint64 nowMs)
{
    MetricStore::StoredDatum stored;
    const qint64 timestamp = datum.timestampMs.value_or(nowMs);
    // Standard resolution keeps one-minute granularity, high resolution one second.
    const qint64 granularity = datum.storageResolution == 1 ? 1000 : MinuteMs;
    stored.timestampMs = timestamp - (((timestamp % granularity) + granularity) % granularity);
    stored.unit = datum.unit.isEmpty() ? u"None"_s : datum.unit;
    stored.resolution = datum.storageResolution;
    if (datum.value) {
        stored.values.add(1, *datum.value, *datum.value, *datum.value);
        stored.values.raw.append({*datum.value, 1.0});
    } else if (datum.statisticValues) {
        const StatisticSet &set = *datum.statisticValues;
        stored.values.add(set.sampleCount, set.sum, set.minimum, set.maximum);
        // Percentiles need raw values. AWS computes them from a statistic set only when it
        // holds one value SampleCount times: Minimum == Maximum and Sum = Minimum x SampleCount.
        const double expectedSum = set.minimum * set.sampleCount;
        if (set.minimum == set.maximum
            && std::abs(set.sum - expectedSum) <= 1e-9 * std::max(1.0, std::abs(expectedSum)))
            stored.values.raw.append({set.minimum, set.sampleCount});
        else
            stored.values.rawComplete = false;
    } else {
        for (qsizetype i = 0; i < datum.values.size(); ++i) {
            const double value = datum.values.at(i);
            const double count = datum.counts.isEmpty() ? 1.0 : datum.counts.at(i);
            if (count <= 0)
                continue;
            stored.values.add(count, value * count, value, value);
            stored.values.raw.append({value, count});
        }
    }
    return stored;
}

// GetMetricStatistics: StartTime is rounded down as the API reference describes.
qint64 alignStart(qint64 startMs, int period, qint64 nowMs)
{
    qint64 granularity = MinuteMs;
    if (period < 60)
        granularity = qint64(period) * 1000;
    else if (startMs < nowMs - 63 * DayMs)
        granularity = HourMs;
    else if (startMs < nowMs - 15 * DayMs)
        granularity = 5 * MinuteMs;
    return startMs - (((startMs % granularity) + granularity) % granularity);
}

// Periods older data must use, or no datapoints come back (GetMetricStatistics, Period).
bool periodAllowedFor(qint64 startMs, int period, qint64 nowMs)
{
    if (startMs < nowMs - 63 * DayMs)
        return period % 3600 == 0;
    if (startMs < nowMs - 15 * DayMs)
        return period % 300 == 0;
    if (startMs < nowMs - 3 * HourMs)
        return period % 60 == 0;
    return true;
}

Status validatePeriod(int period, const QString &parameter)
{
    if (period <= 0)
        return invalidValue(QString::number(period), parameter);
    if (period < 60 && period != 1 && period != 5 && period != 10 && period != 30)
        return fail(u"InvalidParameterValue"_s,
            u"The parameter %1 must be 1, 5, 10, 30, or a multiple of 60."_s.arg(parameter));
    if (period >= 60 && period % 60 != 0)
        return fail(u"InvalidParameterValue"_s,
            u"The parameter %1 must be a multiple of 60."_s.arg(parameter));
    return {};
}

Status validateMetric(const Metric &metric, const QString &prefix)
{
    if (metric.metricNamespace.isEmpty())
        return missing(prefix + u"Namespace"_s);
    if (metric.metricName.isEmpty())
        return missing(prefix + u"MetricName"_s);
    if (metric.dimensions.size() > MaxDimensions)
        return fail(u"InvalidParameterValue"_s,
            u"The collection %1Dimensions must not have a size greater than %2."_s.arg(prefix).arg(
                MaxDimensions));
    return {};
}

} // namespace

CloudWatchService::CloudWatchService(
    Storage::Database &database, Clock *clock, QString accountId, QString region, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_accountId(std::move(accountId))
    , m_region(std::move(region))
    , m_metrics(database)
    , m_alarms(database)
    , m_metricsChanged(new Coalescer(150, this))
    , m_alarmsChanged(new Coalescer(150, this))
{
    connect(m_metricsChanged, &Coalescer::fired, this, &CloudWatchService::metricsChanged);
    connect(m_alarmsChanged, &Coalescer::fired, this, &CloudWatchService::alarmsChanged);
    m_sinkTimer.setInterval(5000);
    connect(&m_sinkTimer, &QTimer::timeout, this, &CloudWatchService::flushMetricSink);
    m_sinkTimer.start();
    m_evaluationTimer.setSingleShot(true);
    connect(&m_evaluationTimer, &QTimer::timeout, this, &CloudWatchService::evaluateDueAlarms);
    connect(m_clock, &Clock::advanced, this, &CloudWatchService::evaluateDueAlarms);
    m_retentionTimer.setInterval(RetentionSweepMs);
    connect(&m_retentionTimer, &QTimer::timeout, this, &CloudWatchService::applyRetention);
    connect(m_clock, &Clock::advanced, this, &CloudWatchService::applyRetention);
    m_retentionTimer.start();
    scheduleEvaluation();
}

CloudWatchService::~CloudWatchService()
{
    flushMetricSink();
}

qint64 CloudWatchService::nowMs() const
{
    return m_clock->nowMs();
}

Status CloudWatchService::putMetricData(
    const QString &metricNamespace, const QList<MetricDatum> &data)
{
    if (metricNamespace.isEmpty())
        return missing(u"Namespace"_s);
    if (metricNamespace.startsWith(u"AWS/") || metricNamespace.size() > 255
        || metricNamespace.startsWith(u':'))
        return invalidValue(metricNamespace, u"Namespace"_s);
    if (data.isEmpty())
        return missing(u"MetricData"_s);
    if (data.size() > MaxDatums)
        return fail(u"InvalidParameterValue"_s,
            u"The collection MetricData must not have a size greater than %1."_s.arg(MaxDatums));
    const qint64 now = nowMs();
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (auto valid = validateDatum(data.at(i), u"MetricData.member.%1"_s.arg(i + 1), now);
            !valid)
            return valid;
    }
    Storage::SqlTransaction transaction(m_database.connection());
    // A batch usually repeats one metric: its row is upserted once per run of equal metrics.
    const MetricDatum *previous = nullptr;
    std::optional<qint64> id;
    for (const MetricDatum &datum : data) {
        if (!previous || previous->metricName != datum.metricName
            || previous->dimensions != datum.dimensions)
            id = m_metrics.touchMetric({metricNamespace, datum.metricName, datum.dimensions}, now);
        previous = &datum;
        if (!id || !m_metrics.insert(*id, toStored(datum, now)))
            return std::unexpected(
                CommonErrors::internalFailure(u"The metric could not be stored."_s));
    }
    if (!transaction.commit())
        return std::unexpected(CommonErrors::internalFailure(u"The metric could not be stored."_s));
    m_metricsChanged->touch();
    return {};
}

QList<CloudWatchService::SeriesPoint> CloudWatchService::metricSeries(const Metric &metric,
    qint64 alignedStartMs,
    qint64 endMs,
    int period,
    const QString &statistic,
    const QString &unit)
{
    const auto id = m_metrics.findMetric(metric);
    if (!id)
        return {};
    return metricSeries(*id, alignedStartMs, endMs, period, statistic, unit);
}

MetricMath::Series CloudWatchService::mathSeries(qint64 metricId,
    qint64 alignedStartMs,
    qint64 endMs,
    int period,
    const QString &statistic,
    const QString &unit)
{
    MetricMath::Series series;
    for (const SeriesPoint &point :
        metricSeries(metricId, alignedStartMs, endMs, period, statistic, unit))
        series.insert(point.timestampMs, point.value);
    return series;
}

QList<CloudWatchService::SeriesPoint> CloudWatchService::metricSeries(qint64 metricId,
    qint64 alignedStartMs,
    qint64 endMs,
    int period,
    const QString &statistic,
    const QString &unit)
{
    QList<SeriesPoint> points;
    const qint64 periodMs = qint64(period) * 1000;
    QMap<qint64, Statistics::Accumulator> buckets;
    if (!Statistics::isExtendedStatistic(statistic)) {
        for (const MetricStore::PeriodAggregate &aggregated :
            m_metrics.aggregate(metricId, alignedStartMs, endMs, periodMs, unit))
            buckets[aggregated.periodStartMs].merge(aggregated.values);
    } else {
        m_metrics.forEachDatum(
            metricId, alignedStartMs, endMs, true, [&](const MetricStore::StoredDatum &datum) {
                if (!unit.isEmpty() && datum.unit != unit)
                    return;
                const qint64 bucket =
                    alignedStartMs + (datum.timestampMs - alignedStartMs) / periodMs * periodMs;
                buckets[bucket].merge(datum.values);
            });
    }
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        if (const auto value = Statistics::value(it.value(), statistic))
            points.append({it.key(), *value, it.value().sampleCount});
    }
    return points;
}

Result<QList<Datapoint>> CloudWatchService::getMetricStatistics(
    const GetMetricStatisticsRequest &request)
{
    if (auto valid = validateMetric(request.metric, {}); !valid)
        return std::unexpected(valid.error());
    if (auto valid = validatePeriod(request.period, u"Period"_s); !valid)
        return std::unexpected(valid.error());
    if (request.statistics.isEmpty() && request.extendedStatistics.isEmpty())
        return fail(u"InvalidParameterCombination"_s,
            u"Must specify either Statistics or ExtendedStatistics"_s);
    if (request.statistics.size() > 5)
        return fail(u"InvalidParameterValue"_s,
            u"The collection Statistics must not have a size greater than 5."_s);
    if (request.extendedStatistics.size() > 10)
        return fail(u"InvalidParameterValue"_s,
            u"The collection ExtendedStatistics must not have a size greater than 10."_s);
    for (qsizetype i = 0; i < request.statistics.size(); ++i) {
        if (!Statistics::isStatistic(request.statistics.at(i)))
            return invalidValue(request.statistics.at(i), u"Statistics.member.%1"_s.arg(i + 1));
    }
    for (qsizetype i = 0; i < request.extendedStatistics.size(); ++i) {
        if (!Statistics::isExtendedStatistic(request.extendedStatistics.at(i)))
            return invalidValue(
                request.extendedStatistics.at(i), u"ExtendedStatistics.member.%1"_s.arg(i + 1));
    }
    if (!request.unit.isEmpty() && !MetricSink::standardUnits().contains(request.unit))
        return invalidValue(request.unit, u"Unit"_s);
    if (request.startMs >= request.endMs)
        return fail(u"InvalidParameterValue"_s,
            u"The parameter StartTime must be less than the parameter EndTime."_s);
    const qint64 now = nowMs();
    const qint64 start = alignStart(request.startMs, request.period, now);
    const qint64 periodMs = qint64(request.period) * 1000;
    const qint64 requested = (request.endMs - start + periodMs - 1) / periodMs;
    if (requested > MaxDatapoints)
        return fail(u"InvalidParameterCombination"_s,
            u"You have requested up to %1 datapoints, which exceeds the limit of %2. You may "
            u"reduce "
            u"the datapoints requested by increasing Period, or decreasing the time range."_s.arg(
                QLocale(QLocale::English).toString(requested),
                QLocale(QLocale::English).toString(MaxDatapoints)));
    flushMetricSink();
    QList<Datapoint> result;
    if (!periodAllowedFor(request.startMs, request.period, now))
        return result;
    const auto id = m_metrics.findMetric(request.metric);
    if (!id)
        return result;
    // One datapoint per (period, unit); a Unit in the request selects that unit only.
    QMap<std::pair<qint64, QString>, Statistics::Accumulator> buckets;
    if (request.extendedStatistics.isEmpty()) {
        for (const MetricStore::PeriodAggregate &aggregated :
            m_metrics.aggregate(*id, start, request.endMs, periodMs, request.unit))
            buckets[{aggregated.periodStartMs, aggregated.unit}].merge(aggregated.values);
    } else {
        m_metrics.forEachDatum(
            *id, start, request.endMs, true, [&](const MetricStore::StoredDatum &datum) {
                if (!request.unit.isEmpty() && datum.unit != request.unit)
                    return;
                const qint64 bucket = start + (datum.timestampMs - start) / periodMs * periodMs;
                buckets[{bucket, datum.unit}].merge(datum.values);
            });
    }
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        Datapoint point;
        point.timestampMs = it.key().first;
        point.unit = it.key().second;
        const Statistics::Accumulator &values = it.value();
        for (const QString &statistic : request.statistics) {
            const auto value = Statistics::value(values, statistic);
            if (statistic == u"SampleCount")
                point.sampleCount = value;
            else if (statistic == u"Average")
                point.average = value;
            else if (statistic == u"Sum")
                point.sum = value;
            else if (statistic == u"Minimum")
                point.minimum = value;
            else
                point.maximum = value;
        }
        for (const QString &statistic : request.extendedStatistics) {
            if (const auto value = Statistics::value(values, statistic))
                point.extendedStatistics.append({statistic, *value});
        }
        result.append(std::move(point));
    }
    return result;
}

Result<QList<MetricDataResult>> CloudWatchService::computeMetricData(
    const QList<MetricDataQuery> &queries, qint64 startMs, qint64 endMs, bool onlyReturned)
{
    MetricMath::Context context;
    QHash<QString, int> periods;
    int smallestPeriod = 0;
    for (const MetricDataQuery &query : queries) {
        if (!query.metricStat)
            continue;
        const MetricStat &stat = *query.metricStat;
        const qint64 start = alignStart(startMs, stat.period, nowMs());
        const auto id = m_metrics.findMetric(stat.metric);
        context.series.insert(query.id,
            id ? mathSeries(*id, start, endMs, stat.period, stat.stat, stat.unit)
               : MetricMath::Series());
        context.metricStatIds.append(query.id);
        periods.insert(query.id, stat.period);
        smallestPeriod = smallestPeriod == 0 ? stat.period : std::min(smallestPeriod, stat.period);
    }
    context.periodSeconds = smallestPeriod > 0 ? smallestPeriod : 60;
    for (const MetricDataQuery &query : queries) {
        if (query.period > 0)
            context.periodSeconds = query.period;
    }
    const qint64 gridStart = alignStart(startMs, context.periodSeconds, nowMs());
    for (qint64 t = gridStart; t < endMs && context.grid.size() < 100800;
         t += qint64(context.periodSeconds) * 1000)
        context.grid.append(t);
    context.search = [this, startMs, endMs](const QString &expression,
                         const QString &statistic,
                         int period) -> Result<MetricMath::SearchResult> {
        return searchSeries(expression, statistic, period, startMs, endMs);
    };
    context.anomalyDetectionBand = [this, &queries, startMs, endMs](const QString &id,
                                       double deviations) -> Result<QList<MetricMath::Series>> {
        const auto source = std::find_if(queries.cbegin(),
            queries.cend(),
            [&id](const MetricDataQuery &query) { return query.id == id; });
        if (source == queries.cend() || !source->metricStat)
            return fail(u"ValidationError"_s,
                u"ANOMALY_DETECTION_BAND is supported on the Id of a metric (MetricStat) only"_s);
        if (!std::isfinite(deviations) || deviations <= 0)
            return fail(u"ValidationError"_s,
                u"The number of standard deviations of ANOMALY_DETECTION_BAND must be positive"_s);
        const MetricStat &stat = *source->metricStat;
        return anomalyDetectionBand(
            stat, alignStart(startMs, stat.period, nowMs()), endMs, deviations);
    };
    QHash<QString, QStringList> arrayLabels;

    // Expressions may reference each other: evaluate those whose references are ready first.
    QList<MetricDataQuery> pending;
    for (const MetricDataQuery &query : queries) {
        if (!query.metricStat)
            pending.append(query);
    }
    while (!pending.isEmpty()) {
        bool progressed = false;
        for (qsizetype i = 0; i < pending.size(); ++i) {
            const MetricDataQuery &query = pending.at(i);
            const QStringList references = MetricMath::references(query.expression);
            const bool ready =
                std::all_of(references.cbegin(), references.cend(), [&](const QString &name) {
                    return context.series.contains(name)
                        || std::none_of(pending.cbegin(),
                            pending.cend(),
                            [&name](const MetricDataQuery &other) { return other.id == name; });
                });
            if (!ready)
                continue;
            QStringList labels;
            auto value = MetricMath::evaluate(query.expression, context, &labels);
            if (!value)
                return fail(u"ValidationError"_s,
                    u"Error in expression '%1': %2"_s.arg(query.id, value.error().message));
            MetricMath::Series series;
            if (const auto *scalar = std::get_if<double>(&*value)) {
                for (qint64 t : context.grid)
                    series.insert(t, *scalar);
            } else if (const auto *one = std::get_if<MetricMath::Series>(&*value)) {
                series = *one;
            } else {
                // Several series (SEARCH, METRICS(), arrays): one result each, under one Id.
                context.arrays.insert(query.id, std::get<QList<MetricMath::Series>>(*value));
                arrayLabels.insert(query.id, labels);
            }
            context.series.insert(query.id, series);
            pending.removeAt(i);
            progressed = true;
            break;
        }
        if (!progressed)
            return fail(u"ValidationError"_s,
                u"Circular dependency between the expressions of %1"_s.arg(pending.front().id));
    }
    QList<MetricDataResult> results;
    for (const MetricDataQuery &query : queries) {
        if (onlyReturned && !query.returnData)
            continue;
        const auto output = [&](const MetricMath::Series &series, const QString &label) {
            MetricDataResult result;
            result.id = query.id;
            result.label = label;
            for (auto it = series.cbegin(); it != series.cend(); ++it) {
                if (it.key()
                        < startMs - qint64(periods.value(query.id, context.periodSeconds)) * 1000
                    || it.key() >= endMs)
                    continue;
                if (!std::isfinite(it.value()))
                    continue;
                result.timestamps.append(it.key());
                result.values.append(it.value());
            }
            results.append(std::move(result));
        };
        if (const auto array = context.arrays.constFind(query.id); array != context.arrays.cend()) {
            const QStringList labels = arrayLabels.value(query.id);
            for (qsizetype i = 0; i < array->size(); ++i) {
                QString label = i < labels.size() ? labels.at(i) : query.id;
                if (!query.label.isEmpty())
                    label = query.label + u' ' + label;
                else if (!MetricMath::anomalyDetectionBandSource(query.expression).isEmpty())
                    label = query.id + u' ' + label; // "ad1 Lower", "ad1 Upper"
                output(array->at(i), label);
            }
            continue;
        }
        output(context.series.value(query.id),
            !query.label.isEmpty() ? query.label
                : query.metricStat ? query.metricStat->metric.metricName
                                   : query.id);
    }
    return results;
}

Result<MetricMath::SearchResult> CloudWatchService::searchSeries(
    const QString &expression, const QString &statistic, int period, qint64 startMs, qint64 endMs)
{
    if (!Statistics::isStatistic(statistic) && !Statistics::isExtendedStatistic(statistic))
        return fail(u"ValidationError"_s,
            u"Invalid statistic '%1' in SEARCH: use SampleCount, Average, Sum, Minimum, Maximum "
            u"or a percentile such as p90"_s.arg(statistic));
    if (auto valid = validatePeriod(period, u"Period of SEARCH"_s); !valid)
        return fail(u"ValidationError"_s, valid.error().message);
    const auto search = MetricSearch::parse(expression);
    if (!search)
        return std::unexpected(search.error());
    // As AWS: the metrics that had data in the last two weeks, at most 500 series.
    constexpr qsizetype MaxSeries = 500;
    const qint64 listedSince = nowMs() - ListedForMs;
    const qint64 start = alignStart(startMs, period, nowMs());
    MetricMath::SearchResult found;
    qint64 after = 0;
    for (;;) {
        const auto batch = m_metrics.metrics({}, {}, after, ListMetricsPage);
        for (const MetricStore::StoredMetric &stored : batch) {
            after = stored.id;
            if (stored.lastPutMs < listedSince || !search->matches(stored.metric))
                continue;
            QStringList label{stored.metric.metricName};
            for (const Dimension &dimension : stored.metric.dimensions)
                label.append(dimension.value);
            found.series.append(mathSeries(stored.id, start, endMs, period, statistic, {}));
            found.labels.append(label.join(u' '));
            if (found.series.size() == MaxSeries)
                return found;
        }
        if (batch.size() < ListMetricsPage)
            return found;
    }
}

Result<GetMetricDataResponse> CloudWatchService::getMetricData(const GetMetricDataRequest &request)
{
    if (request.queries.isEmpty())
        return missing(u"MetricDataQueries"_s);
    if (request.queries.size() > 500)
        return fail(u"InvalidParameterValue"_s,
            u"The collection MetricDataQueries must not have a size greater than 500."_s);
    if (request.startMs >= request.endMs)
        return fail(u"InvalidParameterValue"_s,
            u"The parameter StartTime must be less than the parameter EndTime."_s);
    if (request.scanBy != u"TimestampDescending" && request.scanBy != u"TimestampAscending")
        return invalidValue(request.scanBy, u"ScanBy"_s);
    QStringList ids;
    int returned = 0;
    for (qsizetype i = 0; i < request.queries.size(); ++i) {
        const MetricDataQuery &query = request.queries.at(i);
        const QString prefix = u"MetricDataQueries.member.%1."_s.arg(i + 1);
        if (query.id.isEmpty())
            return missing(prefix + u"Id"_s);
        static const QRegularExpression idPattern(u"^[a-z][a-zA-Z0-9_]*$"_s);
        if (!idPattern.match(query.id).hasMatch())
            return fail(u"ValidationError"_s,
                u"The value %1 for parameter %2Id is invalid. Ids must start with a lowercase "
                u"letter and contain only letters, numbers and underscores."_s.arg(
                    query.id, prefix));
        if (ids.contains(query.id))
            return fail(u"ValidationError"_s,
                u"The values for parameter id in MetricDataQueries are not unique."_s);
        ids.append(query.id);
        if (query.metricStat.has_value() == !query.expression.isEmpty())
            return fail(u"ValidationError"_s,
                u"Exactly one of MetricStat and Expression must be specified in %1"_s.arg(
                    prefix.chopped(1)));
        if (query.metricStat) {
            if (auto valid =
                    validateMetric(query.metricStat->metric, prefix + u"MetricStat.Metric."_s);
                !valid)
                return std::unexpected(valid.error());
            if (auto valid =
                    validatePeriod(query.metricStat->period, prefix + u"MetricStat.Period"_s);
                !valid)
                return std::unexpected(valid.error());
            if (!Statistics::isStatistic(query.metricStat->stat)
                && !Statistics::isExtendedStatistic(query.metricStat->stat))
                return invalidValue(query.metricStat->stat, prefix + u"MetricStat.Stat"_s);
        }
        if (query.returnData)
            ++returned;
    }
    if (returned == 0)
        return fail(
            u"ValidationError"_s, u"At least one query must have ReturnData set to true."_s);
    if (request.maxDatapoints <= 0)
        return invalidValue(QString::number(request.maxDatapoints), u"MaxDatapoints"_s);
    const auto token = CloudWatchErrors::tokenNumber(request.nextToken, 0, 0);
    if (!token)
        return std::unexpected(token.error());
    const qint64 offset = *token;
    flushMetricSink();
    auto computed = computeMetricData(request.queries, request.startMs, request.endMs, true);
    if (!computed)
        return std::unexpected(computed.error());
    // The points of every result in one sequence (results in request order), paged by position.
    GetMetricDataResponse response;
    qint64 position = 0;
    const qint64 end = offset + request.maxDatapoints;
    bool more = false;
    for (MetricDataResult &result : *computed) {
        if (request.scanBy == u"TimestampDescending") {
            std::reverse(result.timestamps.begin(), result.timestamps.end());
            std::reverse(result.values.begin(), result.values.end());
        }
        MetricDataResult page = result;
        page.timestamps.clear();
        page.values.clear();
        for (qsizetype i = 0; i < result.timestamps.size(); ++i, ++position) {
            if (position < offset)
                continue;
            if (position >= end) {
                more = true;
                break;
            }
            page.timestamps.append(result.timestamps.at(i));
            page.values.append(result.values.at(i));
        }
        if (more || position >= end)
            page.statusCode = more ? u"PartialData"_s : page.statusCode;
        response.results.append(std::move(page));
    }
    if (more)
        response.nextToken = QString::number(end);
    return response;
}

Result<ListMetricsResponse> CloudWatchService::listMetrics(const ListMetricsRequest &request)
{
    const auto token = CloudWatchErrors::tokenNumber(request.nextToken, 0);
    if (!token)
        return std::unexpected(token.error());
    qint64 after = *token;
    if (request.dimensions.size() > 10)
        return fail(u"InvalidParameterValue"_s,
            u"The collection Dimensions must not have a size greater than 10."_s);
    flushMetricSink();
    const qint64 activeSince = nowMs() - 3 * HourMs;
    const qint64 listedSince = nowMs() - ListedForMs;
    ListMetricsResponse response;
    while (response.metrics.size() < ListMetricsPage) {
        const auto batch =
            m_metrics.metrics(request.metricNamespace, request.metricName, after, ListMetricsPage);
        for (const MetricStore::StoredMetric &stored : batch) {
            after = stored.id;
            if (request.recentlyActive && stored.lastPutMs < activeSince)
                continue;
            if (stored.lastPutMs < listedSince)
                continue;
            const bool matches = std::all_of(request.dimensions.cbegin(),
                request.dimensions.cend(),
                [&stored](const DimensionFilter &filter) {
                    return std::any_of(stored.metric.dimensions.cbegin(),
                        stored.metric.dimensions.cend(),
                        [&filter](const Dimension &dimension) {
                            return dimension.name == filter.name
                                && (!filter.value || dimension.value == *filter.value);
                        });
                });
            if (!matches)
                continue;
            response.metrics.append(stored.metric);
            if (response.metrics.size() == ListMetricsPage)
                break;
        }
        if (batch.size() < ListMetricsPage)
            return response;
    }
    response.nextToken = QString::number(after);
    return response;
}

QStringList CloudWatchService::namespaces()
{
    flushMetricSink();
    return m_metrics.namespaces();
}

void CloudWatchService::putMetric(const QString &metricNamespace,
    const QString &metricName,
    const MetricSink::MetricDimensions &dimensions,
    double value,
    const QString &unit,
    qint64 timestampMs)
{
    if (!std::isfinite(value))
        return;
    const qint64 minute = timestampMs - timestampMs % MinuteMs;
    QString key =
        metricNamespace + u'\x1f' + metricName + u'\x1f' + unit + u'\x1f' + QString::number(minute);
    for (const auto &[name, dimensionValue] : dimensions)
        key += u'\x1f' + name + u'=' + dimensionValue;
    auto it = m_sink.find(key);
    if (it == m_sink.end()) {
        SinkEntry entry;
        entry.metric.metricNamespace = metricNamespace;
        entry.metric.metricName = metricName;
        for (const auto &[name, dimensionValue] : dimensions)
            entry.metric.dimensions.append({name, dimensionValue});
        entry.unit = unit;
        entry.minuteMs = minute;
        it = m_sink.insert(key, entry);
    }
    it->values.add(1, value, value, value);
    // Percentiles of busy services come from a bounded histogram (CloudWatch's percentiles are
    // approximate too); past MaxHistogramBuckets distinct values the minute has none.
    if (it->values.rawComplete) {
        const double bucket = value == 0 ? 0 : QString::number(value, 'g', 4).toDouble();
        it->histogram[bucket] += 1;
        if (it->histogram.size() > MaxHistogramBuckets) {
            it->values.rawComplete = false;
            it->histogram.clear();
        }
    }
}

void CloudWatchService::flushMetricSink()
{
    if (m_sink.isEmpty())
        return;
    const qint64 now = nowMs();
    Storage::SqlTransaction transaction(m_database.connection());
    for (const SinkEntry &entry : std::as_const(m_sink)) {
        const auto id = m_metrics.touchMetric(entry.metric, now);
        if (!id)
            continue;
        MetricStore::StoredDatum datum;
        datum.timestampMs = entry.minuteMs;
        datum.unit = entry.unit.isEmpty() ? u"None"_s : entry.unit;
        datum.values = entry.values;
        for (auto bucket = entry.histogram.cbegin(); bucket != entry.histogram.cend(); ++bucket)
            datum.values.raw.append({bucket.key(), bucket.value()});
        m_metrics.insert(*id, datum);
    }
    if (transaction.commit()) {
        m_sink.clear();
        m_metricsChanged->touch();
    }
}

int CloudWatchService::applyRetention()
{
    flushMetricSink();
    const qint64 now = nowMs();
    // Cut-offs fall on bucket boundaries so a bucket is never split between two roll-ups.
    const auto aligned = [](qint64 ms, int resolution) {
        const qint64 bucketMs = qint64(resolution) * 1000;
        return ms - (((ms % bucketMs) + bucketMs) % bucketMs);
    };
    const qint64 deleteBefore = now - 455 * DayMs;
    const qint64 hourlyBefore = aligned(now - 63 * DayMs, 3600);
    const qint64 fiveMinutesBefore = aligned(now - 15 * DayMs, 300);
    const qint64 minutesBefore = aligned(now - 3 * HourMs, 60);
    // Each sweep reads only what the last one left: PutMetricData takes timestamps at most two
    // weeks back, so nothing new lands behind the 15-day, 63-day and 455-day cut-offs already
    // swept, and sub-minute data can only arrive in the last two weeks.
    const qint64 minutesFrom = aligned(minutesBefore - 14 * DayMs - HourMs, 60);
    int changed = 0;
    Storage::SqlTransaction transaction(m_database.connection());
    // Finest first: what one stage rolls up, the next coarser stage reads in the same sweep.
    for (const qint64 id : m_metrics.metricIds()) {
        changed += m_metrics.rollUp(id, minutesFrom, minutesBefore, 60);
        changed += m_metrics.rollUp(id, m_retention.fiveMinutesBefore, fiveMinutesBefore, 300);
        changed += m_metrics.rollUp(id, m_retention.hourlyBefore, hourlyBefore, 3600);
        changed += m_metrics.deleteRange(id, m_retention.deletedBefore, deleteBefore);
    }
    if (!transaction.commit())
        return 0;
    m_retention = {deleteBefore, hourlyBefore, fiveMinutesBefore};
    if (changed > 0)
        m_metricsChanged->touch();
    return changed;
}

QString CloudWatchService::alarmArn(const QString &name) const
{
    return u"arn:aws:cloudwatch:%1:%2:alarm:%3"_s.arg(m_region, m_accountId, name);
}

QString CloudWatchService::alarmNameFromArn(const QString &arn) const
{
    const QString prefix = alarmArn({});
    return arn.startsWith(prefix) ? arn.mid(prefix.size()) : QString();
}

} // namespace Core::CloudWatch
