// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core::CloudWatch {

// Value types of the CloudWatch API, shared by the service, the wire handler and the UI. Member
// names follow botocore's cloudwatch model.

struct Dimension
{
    QString name;
    QString value;
    bool operator==(const Dimension &) const = default;
};
using Dimensions = QList<Dimension>;

struct DimensionFilter
{
    QString name;
    std::optional<QString> value;
};

struct Metric
{
    QString metricNamespace;
    QString metricName;
    Dimensions dimensions; // sorted by name when it comes out of the service
};

struct StatisticSet
{
    double sampleCount = 0;
    double sum = 0;
    double minimum = 0;
    double maximum = 0;
};

struct MetricDatum
{
    QString metricName;
    Dimensions dimensions;
    std::optional<qint64> timestampMs; // absent: the engine clock's now
    std::optional<double> value;
    QList<double> values;
    QList<double> counts;
    std::optional<StatisticSet> statisticValues;
    QString unit; // empty: None
    int storageResolution = 60;
};

struct Datapoint
{
    qint64 timestampMs = 0;
    QString unit;
    std::optional<double> sampleCount;
    std::optional<double> average;
    std::optional<double> sum;
    std::optional<double> minimum;
    std::optional<double> maximum;
    QList<std::pair<QString, double>> extendedStatistics;
};

struct GetMetricStatisticsRequest
{
    Metric metric;
    qint64 startMs = 0;
    qint64 endMs = 0;
    int period = 0;
    QStringList statistics;
    QStringList extendedStatistics;
    QString unit;
};

struct MetricStat
{
    Metric metric;
    int period = 0;
    QString stat;
    QString unit;
};

struct MetricDataQuery
{
    QString id;
    std::optional<MetricStat> metricStat;
    QString expression;
    QString label;
    bool returnData = true;
    int period = 0;
};

struct MetricDataResult
{
    QString id;
    QString label;
    QList<qint64> timestamps;
    QList<double> values;
    QString statusCode = QStringLiteral("Complete");
    QStringList messages;
};

struct GetMetricDataRequest
{
    QList<MetricDataQuery> queries;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString nextToken;
    QString scanBy = QStringLiteral("TimestampDescending");
    int maxDatapoints = 100800;
};

struct GetMetricDataResponse
{
    QList<MetricDataResult> results;
    QString nextToken;
};

struct ListMetricsRequest
{
    QString metricNamespace;
    QString metricName;
    QList<DimensionFilter> dimensions;
    bool recentlyActive = false; // PT3H
    QString nextToken;
};

struct ListMetricsResponse
{
    QList<Metric> metrics;
    QString nextToken;
};

// An excluded period of an anomaly detector's training data: [startMs, endMs).
struct TimeRange
{
    qint64 startMs = 0;
    qint64 endMs = 0;
};

struct AnomalyDetectorConfiguration
{
    QList<TimeRange> excludedTimeRanges;
    QString metricTimezone; // tz database name; empty: UTC
};

// An anomaly detection model: of one metric and statistic (SINGLE_METRIC), or of the metric math
// queries whose ReturnData query gives the series (METRIC_MATH).
struct AnomalyDetector
{
    Metric metric;
    QString stat;
    QList<MetricDataQuery> metricMathQueries; // not empty: a metric math detector
    AnomalyDetectorConfiguration configuration;
    QString stateValue; // PENDING_TRAINING, TRAINED_INSUFFICIENT_DATA or TRAINED
    bool isMetricMath() const { return !metricMathQueries.isEmpty(); }
};

struct DescribeAnomalyDetectorsRequest
{
    QString metricNamespace;
    QString metricName;
    Dimensions dimensions;
    QStringList anomalyDetectorTypes; // empty: SINGLE_METRIC
    int maxResults = 100;
    QString nextToken;
};

struct DescribeAnomalyDetectorsResponse
{
    QList<AnomalyDetector> anomalyDetectors;
    QString nextToken;
};

struct Tag
{
    QString key;
    QString value;
};

enum class AlarmKind {
    Metric,
    Composite,
};

// A metric or composite alarm with its state: what DescribeAlarms returns.
struct Alarm
{
    AlarmKind kind = AlarmKind::Metric;
    QString name;
    QString arn;
    QString description;
    bool actionsEnabled = true;
    QStringList okActions;
    QStringList alarmActions;
    QStringList insufficientDataActions;
    // Metric alarms: a single metric, or metric math in `metrics`.
    Metric metric;
    QString statistic;
    QString extendedStatistic;
    int period = 0;
    QString unit;
    int evaluationPeriods = 0;
    std::optional<int> datapointsToAlarm;
    std::optional<double> threshold;
    QString comparisonOperator;
    QString treatMissingData; // empty: missing
    QString evaluateLowSampleCountPercentile;
    QList<MetricDataQuery> metrics;
    QString thresholdMetricId;
    // Composite alarms.
    QString alarmRule;
    // State.
    QString stateValue = QStringLiteral("INSUFFICIENT_DATA");
    QString stateReason;
    QString stateReasonData;
    qint64 stateUpdatedMs = 0;
    qint64 stateTransitionedMs = 0;
    qint64 configurationUpdatedMs = 0;
    qint64 nextEvaluationMs = 0;
    QList<Tag> tags;
};

struct DescribeAlarmsRequest
{
    QStringList alarmNames;
    QString alarmNamePrefix;
    QStringList alarmTypes; // MetricAlarm, CompositeAlarm; empty: MetricAlarm only
    QString stateValue;
    QString actionPrefix;
    // The alarms a composite alarm's rule names, or the composite alarms whose rule names this
    // alarm; either goes only with maxRecords and nextToken.
    QString childrenOfAlarmName;
    QString parentsOfAlarmName;
    int maxRecords = 50;
    QString nextToken;
};

struct DescribeAlarmsResponse
{
    // What AWS returns of each alarm: everything, or for ChildrenOfAlarmName only name, ARN,
    // state value and state timestamp, for ParentsOfAlarmName only name and ARN.
    enum class Fields {
        All,
        NameArnState,
        NameArn,
    };
    QList<Alarm> metricAlarms;
    QList<Alarm> compositeAlarms;
    QString nextToken;
    Fields fields = Fields::All;
};

struct AlarmHistoryItem
{
    QString alarmName;
    QString alarmType;
    qint64 timestampMs = 0;
    QString historyItemType;
    QString historySummary;
    QString historyData;
};

struct DescribeAlarmHistoryRequest
{
    QString alarmName;
    QStringList alarmTypes;
    QString historyItemType;
    std::optional<qint64> startMs;
    std::optional<qint64> endMs;
    int maxRecords = 100;
    QString nextToken;
    QString scanBy = QStringLiteral("TimestampDescending");
};

struct DescribeAlarmHistoryResponse
{
    QList<AlarmHistoryItem> items;
    QString nextToken;
};

} // namespace Core::CloudWatch

Q_DECLARE_METATYPE(Core::CloudWatch::Alarm)
Q_DECLARE_METATYPE(Core::CloudWatch::Datapoint)
