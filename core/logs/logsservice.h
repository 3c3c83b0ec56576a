// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/logs/logtypes.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Core {
class Clock;
class Coalescer;
class MetricSink;
} // namespace Core
namespace Core::Storage {
class Database;
}

namespace Core::Logs {

class LogsStore;

// CloudWatch Logs: log groups, streams and events, with retention enforced from the engine
// clock (expired events are invisible at once and purged on the next sweep). Lives on the core
// thread. logsChanged() announces (coalesced) that groups, streams or events changed.
class LogsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsService)

public:
    LogsService(const Storage::Database &database,
        Clock *clock,
        QString region,
        QString accountId,
        QObject *parent = nullptr);
    ~LogsService() override;

    Status createLogGroup(
        const QString &name, const QString &kmsKeyId, const QMap<QString, QString> &tags);
    Status deleteLogGroup(const QString &name);
    Result<Page<LogGroup>> describeLogGroups(
        const QString &prefix, const QString &nextToken, std::optional<int> limit) const;
    Status createLogStream(const QString &group, const QString &stream);
    Status deleteLogStream(const QString &group, const QString &stream);
    Result<Page<LogStream>> describeLogStreams(const QString &group,
        const QString &prefix,
        const QString &orderBy,
        bool descending,
        const QString &nextToken,
        std::optional<int> limit) const;
    Result<PutLogEventsResult> putLogEvents(
        const QString &group, const QString &stream, const QList<InputLogEvent> &events);
    Result<GetLogEventsResult> getLogEvents(const GetLogEventsQuery &query) const;
    Result<Page<LogEvent>> filterLogEvents(const FilterLogEventsQuery &query) const;
    Status putRetentionPolicy(const QString &group, int days);
    Status deleteRetentionPolicy(const QString &group);

    // TagResource / UntagResource / ListTagsForResource take the log group ARN; the older
    // TagLogGroup family takes the name.
    Status tagLogGroup(const QString &group, const QMap<QString, QString> &tags);
    Status untagLogGroup(const QString &group, const QStringList &keys);
    Result<QMap<QString, QString>> listTagsLogGroup(const QString &group) const;
    Result<QString> groupNameFromArn(const QString &arn) const;
    QString groupArn(const QString &name) const;

    // For services that write their own logs (Lambda): creates group and stream when missing and
    // appends without PutLogEvents' client limits.
    void appendEvents(
        const QString &group, const QString &stream, const QList<InputLogEvent> &events);

    // Metric filters (CW-20). PutMetricFilter creates or replaces a filter (at most 100 per
    // group: LimitExceededException); its metric value is a number or a reference the pattern
    // can extract ($.field of a JSON pattern, $name of a space-delimited one). Events ingested
    // from then on (PutLogEvents, and what services such as Lambda write) that match put the
    // value into the metric, with the event's timestamp, dimension values from the event and
    // the unit; events that do not match put the defaultValue, if there is one. Never
    // retroactive.
    Status putMetricFilter(const MetricFilter &filter);
    Status deleteMetricFilter(const QString &group, const QString &name);
    // DescribeMetricFilters: by group (optionally by name prefix), or by metric name and
    // namespace across groups; pages of at most `limit` (1-50, default 50).
    Result<Page<MetricFilter>> describeMetricFilters(const QString &group,
        const QString &namePrefix,
        const QString &metricName,
        const QString &metricNamespace,
        const QString &nextToken,
        std::optional<int> limit) const;
    // TestMetricFilter: which of 1-50 messages match, with the values the pattern extracts.
    Result<QList<MetricFilterMatch>> testMetricFilter(
        const QString &pattern, const QStringList &messages) const;
    void setMetricSink(MetricSink *sink) { m_metricSink = sink; }

    // Deletes events older than their group's retention. Called on a timer and when the clock
    // jumps.
    int purgeExpired();

signals:
    void logsChanged();

private:
    qint64 retentionCutoff(const std::optional<int> &retentionDays) const;
    // Runs the group's metric filters over events just stored.
    void applyMetricFilters(const QString &group, const QList<InputLogEvent> &events);

    std::unique_ptr<LogsStore> m_store;
    const Storage::Database &m_database;
    Clock *m_clock;
    QString m_region;
    QString m_accountId;
    Coalescer *m_changes;
    MetricSink *m_metricSink = nullptr;
    struct CompiledFilter;
    // Per group, its filters compiled; dropped when they change. No entry: not loaded yet.
    mutable QHash<QString, QList<std::shared_ptr<const CompiledFilter>>> m_filterCache;
};

} // namespace Core::Logs
