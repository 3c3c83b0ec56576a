// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/alarmstore.h"
#include "core/cloudwatch/cloudwatchtypes.h"
#include "core/cloudwatch/metricmath.h"
#include "core/cloudwatch/metricstore.h"
#include "core/common/awserror.h"
#include "core/common/metricsink.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <limits>
#include <optional>

namespace Core {
class Clock;
class Coalescer;
} // namespace Core
namespace Core::Storage {
class Database;
}

namespace Core::CloudWatch {

class AlarmActionTarget;

// Amazon CloudWatch metrics and alarms. Owns the metric and alarm stores, the buffer of service
// metrics (MetricSink) and the alarm evaluator, which runs on the engine Clock at each alarm's
// period boundary: a timer for the flow of time plus Clock::advanced() for jumps, so moving a
// manual clock evaluates every period in between. Lives on the core thread; metricsChanged()
// and alarmsChanged() (coalesced) tell the UI to re-read.
class CloudWatchService final : public QObject, public MetricSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloudWatchService)

public:
    CloudWatchService(Storage::Database &database,
        Clock *clock,
        QString accountId,
        QString region,
        QObject *parent = nullptr);
    ~CloudWatchService() override;

    void setActionTarget(AlarmActionTarget *target) { m_actionTarget = target; }
    qint64 nowMs() const;

    // Metrics (cloudwatchservice.cpp).
    Status putMetricData(const QString &metricNamespace, const QList<MetricDatum> &data);
    Result<QList<Datapoint>> getMetricStatistics(const GetMetricStatisticsRequest &request);
    Result<GetMetricDataResponse> getMetricData(const GetMetricDataRequest &request);
    Result<ListMetricsResponse> listMetrics(const ListMetricsRequest &request);
    QStringList namespaces();

    // Alarms (cloudwatchalarms.cpp).
    Status putMetricAlarm(const Alarm &alarm);
    Status putCompositeAlarm(const Alarm &alarm);
    Result<DescribeAlarmsResponse> describeAlarms(const DescribeAlarmsRequest &request);
    Result<QList<Alarm>> describeAlarmsForMetric(const Metric &metric,
        const QString &statistic,
        const QString &extendedStatistic,
        int period,
        const QString &unit);
    Status deleteAlarms(const QStringList &names);
    Status setAlarmState(const QString &name,
        const QString &stateValue,
        const QString &stateReason,
        const QString &stateReasonData);
    Status enableAlarmActions(const QStringList &names);
    Status disableAlarmActions(const QStringList &names);
    Result<DescribeAlarmHistoryResponse> describeAlarmHistory(
        const DescribeAlarmHistoryRequest &request);
    Status tagResource(const QString &resourceArn, const QList<Tag> &tags);
    Status untagResource(const QString &resourceArn, const QStringList &tagKeys);
    Result<QList<Tag>> listTagsForResource(const QString &resourceArn);

    // Anomaly detection (cloudwatchanomaly.cpp). The model is AnomalyModel's.
    Status putAnomalyDetector(const AnomalyDetector &detector);
    Result<DescribeAnomalyDetectorsResponse> describeAnomalyDetectors(
        const DescribeAnomalyDetectorsRequest &request);
    Status deleteAnomalyDetector(const AnomalyDetector &detector);
    // ANOMALY_DETECTION_BAND of one metric over [startMs, endMs) at the query's period: the lower
    // and upper bound at each period start where the model is trained.
    QList<MetricMath::Series> anomalyDetectionBand(
        const MetricStat &stat, qint64 startMs, qint64 endMs, double standardDeviations);

    // Evaluator (cloudwatchevaluator.cpp): evaluates every alarm whose period ended by now.
    void evaluateDueAlarms();

    // MetricSink: aggregated per minute in memory, written by flushMetricSink().
    void putMetric(const QString &metricNamespace,
        const QString &metricName,
        const MetricSink::MetricDimensions &dimensions,
        double value,
        const QString &unit,
        qint64 timestampMs) override;
    void flushMetricSink();

    // Retention as AWS keeps metrics: data finer than a minute rolls up to 1-minute datums after
    // 3 hours, 1-minute data to 5 minutes after 15 days, 5-minute data to 1 hour after 63 days,
    // and datums older than 455 days are deleted. Runs every few minutes and whenever the clock
    // jumps; returns how many datums it rolled up or deleted.
    int applyRetention();

signals:
    void metricsChanged();
    void alarmsChanged();

private:
    struct SinkEntry
    {
        Metric metric;
        QString unit;
        qint64 minuteMs = 0;
        Statistics::Accumulator values; // without raw values: those are in `histogram`
        QHash<double, double> histogram; // value (4 significant digits) -> count
    };
    struct SeriesPoint
    {
        qint64 timestampMs = 0;
        double value = 0;
        double sampleCount = 0;
    };

    // Per-period statistic of one metric over [alignedStart, end): period starts ascending.
    QList<SeriesPoint> metricSeries(const Metric &metric,
        qint64 alignedStartMs,
        qint64 endMs,
        int period,
        const QString &statistic,
        const QString &unit);
    QList<SeriesPoint> metricSeries(qint64 metricId,
        qint64 alignedStartMs,
        qint64 endMs,
        int period,
        const QString &statistic,
        const QString &unit);
    // The same as a metric math series (timestamp -> value).
    MetricMath::Series mathSeries(qint64 metricId,
        qint64 alignedStartMs,
        qint64 endMs,
        int period,
        const QString &statistic,
        const QString &unit);
    Result<QList<MetricDataResult>> computeMetricData(
        const QList<MetricDataQuery> &queries, qint64 startMs, qint64 endMs, bool onlyReturned);
    // SEARCH(expression, statistic, period) over [startMs, endMs): a series per matching metric.
    Result<MetricMath::SearchResult> searchSeries(const QString &expression,
        const QString &statistic,
        int period,
        qint64 startMs,
        qint64 endMs);
    QString alarmArn(const QString &name) const;
    // The stored detector of a metric and statistic (for its configuration), if any.
    std::optional<AnomalyDetector> anomalyDetectorFor(const Metric &metric, const QString &stat);
    // A band alarm creates the model of the metric it watches (as AWS does) when none exists.
    void ensureAnomalyDetector(const Alarm &alarm);
    QString alarmNameFromArn(const QString &arn) const;

    void scheduleEvaluation();
    void evaluateMetricAlarm(Alarm &alarm, qint64 atMs, QStringList *changed);
    void evaluateCompositeAlarms(const QStringList &changedAlarms, qint64 atMs);
    void changeState(Alarm &alarm,
        const QString &state,
        const QString &reason,
        const QString &reasonData,
        qint64 atMs);
    void runActions(const Alarm &alarm, const QString &oldState, qint64 atMs);
    void addHistory(const Alarm &alarm,
        qint64 atMs,
        const QString &type,
        const QString &summary,
        const QString &data);

    Storage::Database &m_database;
    Clock *m_clock;
    QString m_accountId;
    QString m_region;
    MetricStore m_metrics;
    AlarmStore m_alarms;
    AlarmActionTarget *m_actionTarget = nullptr;
    QHash<QString, SinkEntry> m_sink;
    QTimer m_sinkTimer;
    QTimer m_evaluationTimer;
    QTimer m_retentionTimer;
    struct RetentionSwept // what earlier sweeps already rolled up or deleted
    {
        qint64 deletedBefore = std::numeric_limits<qint64>::min();
        qint64 hourlyBefore = std::numeric_limits<qint64>::min();
        qint64 fiveMinutesBefore = std::numeric_limits<qint64>::min();
    } m_retention;
    qint64 m_nextDueMs = 0;
    // Training history of anomaly detection bands read during one evaluateDueAlarms() pass, in
    // which no datapoint is written: catching up many periods reads each metric's two weeks once.
    struct TrainingHistory
    {
        qint64 metricId = 0;
        int period = 0;
        QString stat;
        QString unit;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        MetricMath::Series series;
    };
    std::optional<QList<TrainingHistory>> m_trainingHistory; // engaged while evaluating
    Coalescer *m_metricsChanged;
    Coalescer *m_alarmsChanged;
};

} // namespace Core::CloudWatch
