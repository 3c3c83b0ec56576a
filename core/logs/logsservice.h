// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/logs/logtypes.h"

#include <QObject>

#include <memory>

namespace Core {
class Clock;
class Coalescer;
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

    // Deletes events older than their group's retention. Called on a timer and when the clock
    // jumps.
    int purgeExpired();

signals:
    void logsChanged();

private:
    qint64 retentionCutoff(const std::optional<int> &retentionDays) const;

    std::unique_ptr<LogsStore> m_store;
    const Storage::Database &m_database;
    Clock *m_clock;
    QString m_region;
    QString m_accountId;
    Coalescer *m_changes;
};

} // namespace Core::Logs
