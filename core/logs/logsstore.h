// SPDX-License-Identifier: MIT
#pragma once

#include "core/logs/logtypes.h"

#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::Logs {

// The only SQL touching the log_groups, log_streams, log_events and log_metric_filters tables. Used
// on the core thread inside the caller's transaction.
class LogsStore final
{
public:
    explicit LogsStore(const Storage::Database &database);

    bool insertGroup(const LogGroup &group);
    bool deleteGroup(const QString &name);
    std::optional<LogGroup> group(const QString &name) const;
    // Groups with the prefix whose name sorts after `after`, at most limit.
    QList<LogGroup> groups(const QString &prefix, const QString &after, int limit) const;
    void setRetention(const QString &name, std::optional<int> days);
    void setTags(const QString &name, const QMap<QString, QString> &tags);

    bool insertStream(const LogStream &stream);
    bool deleteStream(const QString &group, const QString &name);
    std::optional<LogStream> stream(const QString &group, const QString &name) const;
    QList<LogStream> streams(const QString &group,
        const QString &prefix,
        bool byLastEventTime,
        bool descending,
        int offset,
        int limit) const;

    bool appendEvents(const QString &group,
        const QString &stream,
        const QList<InputLogEvent> &events,
        qint64 ingestionMs);
    // Events of one stream with timestamp in [from, to), id strictly after/before the cursor.
    QList<LogEvent> streamEvents(const QString &group,
        const QString &stream,
        qint64 from,
        qint64 to,
        qint64 afterId,
        qint64 beforeId,
        bool newestFirst,
        int limit) const;
    // Events of a group in time order from the cursor (id > afterId), optionally limited to
    // streams; the caller filters by pattern.
    QList<LogEvent> groupEvents(const QString &group,
        const QStringList &streams,
        const QString &streamPrefix,
        qint64 from,
        qint64 to,
        qint64 afterTimestamp,
        qint64 afterId,
        int limit) const;
    bool putMetricFilter(const MetricFilter &filter);
    bool deleteMetricFilter(const QString &group, const QString &name);
    // A group's filters by name, or every group's (group empty) by group and name.
    QList<MetricFilter> metricFilters(const QString &group) const;

    // Deletes events of groups with a retention policy that are older than it.
    int purgeExpired(qint64 nowMs);

private:
    const Storage::Database &m_database;
};

} // namespace Core::Logs
