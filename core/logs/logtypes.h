// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Core::Logs {

struct LogGroup
{
    QString name;
    qint64 creationTimeMs = 0;
    std::optional<int> retentionInDays; // empty: never expire
    QString kmsKeyId;
    qint64 storedBytes = 0;
    QMap<QString, QString> tags;
    int metricFilterCount = 0;
};

struct LogStream
{
    QString groupName;
    QString name;
    qint64 creationTimeMs = 0;
    std::optional<qint64> firstEventTimestamp;
    std::optional<qint64> lastEventTimestamp;
    std::optional<qint64> lastIngestionTime;
    qint64 storedBytes = 0;
};

struct LogEvent
{
    qint64 id = 0;
    QString streamName;
    qint64 timestampMs = 0;
    qint64 ingestionTimeMs = 0;
    QString message;
};

struct InputLogEvent
{
    qint64 timestampMs = 0;
    QString message;
};

// What a metric filter puts into CloudWatch for each matching event: metricValue is a number or
// a reference into the event ($.field for JSON patterns, $name for space-delimited ones);
// dimension values are references too.
struct MetricTransformation
{
    QString metricName;
    QString metricNamespace;
    QString metricValue;
    std::optional<double> defaultValue;
    QMap<QString, QString> dimensions;
    QString unit; // a CloudWatch StandardUnit; empty: None
};

// The transformation as the API and the store write it ({"metricName": ..., "dimensions": {...}}),
// and back. fromJson leaves members that are absent or of another type empty.
QJsonObject toJson(const MetricTransformation &transformation);
MetricTransformation transformationFromJson(const QJsonObject &json);

// A metric filter of a log group (CW-20): events ingested after it exists and matching its
// pattern become datapoints of its metric; it never looks at older events.
struct MetricFilter
{
    QString groupName;
    QString name;
    QString pattern;
    MetricTransformation transformation;
    qint64 creationTimeMs = 0;
};

// TestMetricFilter: one event message that matched, with the values the pattern extracted
// ($.selector or $field -> value).
struct MetricFilterMatch
{
    int eventNumber = 0;
    QString eventMessage;
    QMap<QString, QString> extractedValues;
};

// One page of a listing; nextToken is empty on the last page.
template<typename T> struct Page
{
    QList<T> items;
    QString nextToken;
};

struct GetLogEventsQuery
{
    QString groupName;
    QString streamName;
    std::optional<qint64> startTime;
    std::optional<qint64> endTime;
    QString nextToken;
    int limit = 10000;
    bool startFromHead = false;
};

struct GetLogEventsResult
{
    QList<LogEvent> events;
    QString nextForwardToken;
    QString nextBackwardToken;
};

struct FilterLogEventsQuery
{
    QString groupName;
    QStringList streamNames;
    QString streamNamePrefix;
    std::optional<qint64> startTime;
    std::optional<qint64> endTime;
    QString filterPattern;
    QString nextToken;
    int limit = 10000;
};

struct PutLogEventsResult
{
    QString nextSequenceToken;
    std::optional<int> tooNewLogEventStartIndex;
    std::optional<int> tooOldLogEventEndIndex;
    std::optional<int> expiredLogEventEndIndex;
};

} // namespace Core::Logs

Q_DECLARE_METATYPE(Core::Logs::LogGroup)
Q_DECLARE_METATYPE(Core::Logs::LogEvent)
