// SPDX-License-Identifier: MIT
#include "core/cloudwatch/anomalymodel.h"
#include "core/cloudwatch/cloudwatcherrors.h"
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/cloudwatch/statistics.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch {

namespace {

constexpr int MaxAnomalyDetectorResults = 100;

bool isAnomalyDetectorStat(const QString &stat)
{
    return Statistics::isStatistic(stat) || Statistics::isExtendedStatistic(stat);
}

// The ReturnData query of a metric math detector; exactly one must return data.
Status validateMetricMath(const QList<MetricDataQuery> &queries)
{
    qsizetype returning = 0;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const MetricDataQuery &query = queries.at(i);
        if (query.id.isEmpty())
            return CloudWatchErrors::missing(
                u"MetricMathAnomalyDetector.MetricDataQueries.member.%1.Id"_s.arg(i + 1));
        if (query.metricStat.has_value() == !query.expression.isEmpty())
            return fail(u"InvalidParameterValue"_s,
                u"Exactly one of MetricStat and Expression must be specified in "
                u"MetricMathAnomalyDetector.MetricDataQueries.member.%1"_s.arg(i + 1));
        if (query.returnData)
            ++returning;
    }
    if (returning != 1)
        return fail(u"InvalidParameterValue"_s,
            u"Exactly one element of the MetricDataQueries list must return data."_s);
    return {};
}

Status validateDetector(const AnomalyDetector &detector)
{
    if (detector.isMetricMath())
        return validateMetricMath(detector.metricMathQueries);
    if (detector.metric.metricNamespace.isEmpty())
        return CloudWatchErrors::missing(u"Namespace"_s);
    if (detector.metric.metricName.isEmpty())
        return CloudWatchErrors::missing(u"MetricName"_s);
    if (detector.stat.isEmpty())
        return CloudWatchErrors::missing(u"Stat"_s);
    if (!isAnomalyDetectorStat(detector.stat))
        return CloudWatchErrors::invalidValue(detector.stat, u"Stat"_s);
    if (detector.metric.dimensions.size() > 30)
        return fail(u"InvalidParameterValue"_s,
            u"The collection Dimensions must not have a size greater than 30."_s);
    return {};
}

bool matchesFilter(const AnomalyDetector &detector, const DescribeAnomalyDetectorsRequest &request)
{
    if (detector.isMetricMath())
        return request.metricNamespace.isEmpty() && request.metricName.isEmpty()
            && request.dimensions.isEmpty();
    if (!request.metricNamespace.isEmpty()
        && detector.metric.metricNamespace != request.metricNamespace)
        return false;
    if (!request.metricName.isEmpty() && detector.metric.metricName != request.metricName)
        return false;
    return std::all_of(request.dimensions.cbegin(),
        request.dimensions.cend(),
        [&detector](
            const Dimension &wanted) { return detector.metric.dimensions.contains(wanted); });
}

} // namespace

Status CloudWatchService::putAnomalyDetector(const AnomalyDetector &input)
{
    if (auto valid = validateDetector(input); !valid)
        return valid;
    const QString timezone = input.configuration.metricTimezone;
    if (!timezone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(timezone.toUtf8()))
        return CloudWatchErrors::invalidValue(timezone, u"Configuration.MetricTimezone"_s);
    for (const TimeRange &range : input.configuration.excludedTimeRanges) {
        if (range.endMs <= range.startMs)
            return fail(u"InvalidParameterValue"_s,
                u"The EndTime of an excluded time range must be after its StartTime."_s);
    }
    AnomalyDetector detector = input;
    detector.metric.dimensions = MetricStore::sorted(detector.metric.dimensions);
    detector.stateValue.clear();
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_alarms.saveAnomalyDetector(detector, nowMs()))
        return fail(
            u"InternalServiceError"_s, u"The anomaly detector could not be stored."_s, 500, false);
    transaction.commit();
    return {};
}

Result<DescribeAnomalyDetectorsResponse> CloudWatchService::describeAnomalyDetectors(
    const DescribeAnomalyDetectorsRequest &request)
{
    if (request.maxResults < 1 || request.maxResults > MaxAnomalyDetectorResults)
        return CloudWatchErrors::invalidValue(QString::number(request.maxResults), u"MaxResults"_s);
    for (const QString &type : request.anomalyDetectorTypes) {
        if (type != u"SINGLE_METRIC" && type != u"METRIC_MATH")
            return CloudWatchErrors::invalidValue(type, u"AnomalyDetectorTypes"_s);
    }
    const auto token = CloudWatchErrors::tokenNumber(request.nextToken, 0, 0);
    if (!token)
        return std::unexpected(token.error());
    const qsizetype offset = qsizetype(*token);
    const QStringList types = request.anomalyDetectorTypes.isEmpty()
        ? QStringList{u"SINGLE_METRIC"_s}
        : request.anomalyDetectorTypes;
    flushMetricSink();
    QList<AnomalyDetector> matching;
    for (const AnomalyDetector &detector : m_alarms.anomalyDetectors()) {
        if (!types.contains(detector.isMetricMath() ? u"METRIC_MATH"_s : u"SINGLE_METRIC"_s))
            continue;
        if (matchesFilter(detector, request))
            matching.append(detector);
    }
    DescribeAnomalyDetectorsResponse response;
    const qint64 now = nowMs();
    for (qsizetype i = offset; i < matching.size(); ++i) {
        if (response.anomalyDetectors.size() == request.maxResults) {
            response.nextToken = QString::number(i);
            break;
        }
        AnomalyDetector detector = matching.at(i);
        // The state of a single-metric model, from its values at 10-second periods (so that
        // high-resolution metrics count as the alarms on them do) over the two weeks before now,
        // and two more to tell TRAINED_INSUFFICIENT_DATA apart. Metric math models train on the
        // expression at its own period.
        MetricMath::Series history;
        if (!detector.isMetricMath()) {
            if (const auto id = m_metrics.findMetric(detector.metric)) {
                const qint64 from = now - 2 * AnomalyModel::TrainingWindowMs;
                history = mathSeries(*id, from - from % 10'000, now, 10, detector.stat, {});
            }
        } else {
            const auto results = computeMetricData(
                detector.metricMathQueries, now - AnomalyModel::TrainingWindowMs, now, true);
            if (results && !results->isEmpty()) {
                const MetricDataResult &result = results->front();
                for (qsizetype k = 0; k < result.timestamps.size(); ++k)
                    history.insert(result.timestamps.at(k), result.values.at(k));
            }
        }
        detector.stateValue = AnomalyModel(history, detector.configuration).state(now);
        response.anomalyDetectors.append(detector);
    }
    return response;
}

Status CloudWatchService::deleteAnomalyDetector(const AnomalyDetector &input)
{
    if (auto valid = validateDetector(input); !valid)
        return valid;
    AnomalyDetector detector = input;
    detector.metric.dimensions = MetricStore::sorted(detector.metric.dimensions);
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_alarms.removeAnomalyDetector(AlarmStore::anomalyDetectorKey(detector)))
        return fail(u"ResourceNotFoundException"_s, u"No anomaly detector found"_s, 404);
    transaction.commit();
    return {};
}

std::optional<AnomalyDetector> CloudWatchService::anomalyDetectorFor(
    const Metric &metric, const QString &stat)
{
    AnomalyDetector wanted;
    wanted.metric = metric;
    wanted.metric.dimensions = MetricStore::sorted(metric.dimensions);
    wanted.stat = stat;
    const QString key = AlarmStore::anomalyDetectorKey(wanted);
    for (const AnomalyDetector &detector : m_alarms.anomalyDetectors()) {
        if (AlarmStore::anomalyDetectorKey(detector) == key)
            return detector;
    }
    return std::nullopt;
}

void CloudWatchService::ensureAnomalyDetector(const Alarm &alarm)
{
    const auto band = std::find_if(alarm.metrics.cbegin(),
        alarm.metrics.cend(),
        [&alarm](const MetricDataQuery &query) { return query.id == alarm.thresholdMetricId; });
    if (band == alarm.metrics.cend())
        return;
    const QString source = MetricMath::anomalyDetectionBandSource(band->expression);
    for (const MetricDataQuery &query : alarm.metrics) {
        if (query.id != source || !query.metricStat)
            continue;
        if (anomalyDetectorFor(query.metricStat->metric, query.metricStat->stat))
            return;
        AnomalyDetector detector;
        detector.metric = query.metricStat->metric;
        detector.metric.dimensions = MetricStore::sorted(detector.metric.dimensions);
        detector.stat = query.metricStat->stat;
        m_alarms.saveAnomalyDetector(detector, nowMs());
        return;
    }
}

QList<MetricMath::Series> CloudWatchService::anomalyDetectionBand(
    const MetricStat &stat, qint64 startMs, qint64 endMs, double standardDeviations)
{
    QList<MetricMath::Series> band{MetricMath::Series(), MetricMath::Series()};
    const qint64 periodMs = qint64(stat.period) * 1000;
    const auto id = m_metrics.findMetric(stat.metric);
    if (!id || periodMs <= 0)
        return band;
    const qint64 trainingPeriods = (AnomalyModel::TrainingWindowMs + periodMs - 1) / periodMs;
    const qint64 trainingStart = startMs - trainingPeriods * periodMs;
    MetricMath::Series history;
    if (m_trainingHistory) {
        // Reuse what an earlier period of this pass read when it covers this one with the same
        // period grid; otherwise read up to now, which every later period of the pass needs.
        const auto cached = std::find_if(m_trainingHistory->cbegin(),
            m_trainingHistory->cend(),
            [&](const TrainingHistory &entry) {
                return entry.metricId == *id && entry.period == stat.period
                    && entry.stat == stat.stat && entry.unit == stat.unit
                    && entry.fromMs <= trainingStart && entry.toMs >= endMs
                    && (trainingStart - entry.fromMs) % periodMs == 0;
            });
        if (cached != m_trainingHistory->cend()) {
            history = cached->series;
        } else {
            const qint64 until = std::max(endMs, nowMs() + periodMs);
            history = mathSeries(*id, trainingStart, until, stat.period, stat.stat, stat.unit);
            m_trainingHistory->append(
                {*id, stat.period, stat.stat, stat.unit, trainingStart, until, history});
        }
    } else {
        history = mathSeries(*id, trainingStart, endMs, stat.period, stat.stat, stat.unit);
    }
    const auto detector = anomalyDetectorFor(stat.metric, stat.stat);
    const AnomalyModel model(
        history, detector ? detector->configuration : AnomalyDetectorConfiguration());
    for (qint64 t = startMs; t < endMs; t += periodMs) {
        if (const auto bounds = model.band(t, standardDeviations)) {
            band[0].insert(t, bounds->lower);
            band[1].insert(t, bounds->upper);
        }
    }
    return band;
}

} // namespace Core::CloudWatch
