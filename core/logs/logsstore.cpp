// SPDX-License-Identifier: MIT
#include "core/logs/logsstore.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

using namespace Qt::StringLiterals;

namespace Core::Logs {

namespace {

constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;

QString tagsText(const QMap<QString, QString> &tags)
{
    QJsonObject object;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> parseTags(const QString &text)
{
    QMap<QString, QString> tags;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        tags.insert(it.key(), it.value().toString());
    return tags;
}

std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

LogGroup readGroup(const QSqlQuery &query)
{
    LogGroup group;
    group.name = query.value(0).toString();
    group.creationTimeMs = query.value(1).toLongLong();
    if (!query.value(2).isNull())
        group.retentionInDays = query.value(2).toInt();
    group.kmsKeyId = query.value(3).toString();
    group.tags = parseTags(query.value(4).toString());
    group.storedBytes = query.value(5).toLongLong();
    group.metricFilterCount = query.value(6).toInt();
    return group;
}

LogStream readStream(const QSqlQuery &query)
{
    LogStream stream;
    stream.groupName = query.value(0).toString();
    stream.name = query.value(1).toString();
    stream.creationTimeMs = query.value(2).toLongLong();
    stream.firstEventTimestamp = optionalInt(query.value(3));
    stream.lastEventTimestamp = optionalInt(query.value(4));
    stream.lastIngestionTime = optionalInt(query.value(5));
    stream.storedBytes = query.value(6).toLongLong();
    return stream;
}

LogEvent readEvent(const QSqlQuery &query)
{
    LogEvent event;
    event.id = query.value(0).toLongLong();
    event.streamName = query.value(1).toString();
    event.timestampMs = query.value(2).toLongLong();
    event.ingestionTimeMs = query.value(3).toLongLong();
    event.message = query.value(4).toString();
    return event;
}

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStorage) << "logs:" << query.lastError().text();
    return false;
}

constexpr auto GroupColumns =
    "g.name, g.created_ms, g.retention_days, g.kms_key_id, g.tags, "
    "(SELECT COALESCE(SUM(s.stored_bytes), 0) FROM log_streams s "
    "WHERE s.group_name = g.name), "
    "(SELECT COUNT(*) FROM log_metric_filters f WHERE f.group_name = g.name)";
constexpr auto StreamColumns = "group_name, name, created_ms, first_event_ms, last_event_ms, "
                               "last_ingestion_ms, stored_bytes";
constexpr auto EventColumns = "id, stream_name, timestamp_ms, ingestion_ms, message";

} // namespace

LogsStore::LogsStore(const Storage::Database &database)
    : m_database(database)
{}

bool LogsStore::insertGroup(const LogGroup &group)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO log_groups (name, created_ms, retention_days, kms_key_id, tags) "
        u"VALUES (?, ?, ?, ?, ?)"_s);
    query.addBindValue(group.name);
    query.addBindValue(group.creationTimeMs);
    query.addBindValue(group.retentionInDays ? QVariant(*group.retentionInDays) : QVariant());
    query.addBindValue(group.kmsKeyId.isNull() ? u""_s : group.kmsKeyId);
    query.addBindValue(tagsText(group.tags));
    return execOrWarn(query);
}

bool LogsStore::deleteGroup(const QString &name)
{
    QSqlQuery &query = m_database.prepared(u"DELETE FROM log_groups WHERE name = ?"_s);
    query.addBindValue(name);
    return execOrWarn(query) && query.numRowsAffected() > 0;
}

std::optional<LogGroup> LogsStore::group(const QString &name) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT "_s + QLatin1StringView(GroupColumns) + u" FROM log_groups g WHERE g.name = ?"_s);
    query.addBindValue(name);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    LogGroup group = readGroup(query);
    query.finish();
    return group;
}

QList<LogGroup> LogsStore::groups(const QString &prefix, const QString &after, int limit) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT "_s + QLatin1StringView(GroupColumns)
        + u" FROM log_groups g WHERE g.name > ? AND substr(g.name, 1, ?) = ? "
          u"ORDER BY g.name LIMIT ?"_s);
    query.addBindValue(after.isNull() ? u""_s : after);
    query.addBindValue(prefix.size());
    query.addBindValue(prefix.isNull() ? u""_s : prefix);
    query.addBindValue(limit);
    QList<LogGroup> groups;
    if (!execOrWarn(query))
        return groups;
    while (query.next())
        groups.append(readGroup(query));
    query.finish();
    return groups;
}

void LogsStore::setRetention(const QString &name, std::optional<int> days)
{
    QSqlQuery &query =
        m_database.prepared(u"UPDATE log_groups SET retention_days = ? WHERE name = ?"_s);
    query.addBindValue(days ? QVariant(*days) : QVariant());
    query.addBindValue(name);
    execOrWarn(query);
}

void LogsStore::setTags(const QString &name, const QMap<QString, QString> &tags)
{
    QSqlQuery &query = m_database.prepared(u"UPDATE log_groups SET tags = ? WHERE name = ?"_s);
    query.addBindValue(tagsText(tags));
    query.addBindValue(name);
    execOrWarn(query);
}

bool LogsStore::insertStream(const LogStream &stream)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO log_streams (group_name, name, created_ms) VALUES (?, ?, ?)"_s);
    query.addBindValue(stream.groupName);
    query.addBindValue(stream.name);
    query.addBindValue(stream.creationTimeMs);
    return execOrWarn(query);
}

bool LogsStore::deleteStream(const QString &group, const QString &name)
{
    QSqlQuery &query =
        m_database.prepared(u"DELETE FROM log_streams WHERE group_name = ? AND name = ?"_s);
    query.addBindValue(group);
    query.addBindValue(name);
    return execOrWarn(query) && query.numRowsAffected() > 0;
}

std::optional<LogStream> LogsStore::stream(const QString &group, const QString &name) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT "_s + QLatin1StringView(StreamColumns)
        + u" FROM log_streams WHERE group_name = ? AND name = ?"_s);
    query.addBindValue(group);
    query.addBindValue(name);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    LogStream stream = readStream(query);
    query.finish();
    return stream;
}

QList<LogStream> LogsStore::streams(const QString &group,
    const QString &prefix,
    bool byLastEventTime,
    bool descending,
    int offset,
    int limit) const
{
    const QString direction = descending ? u" DESC"_s : u""_s;
    const QString order = byLastEventTime
        ? QString(u"COALESCE(last_event_ms, created_ms)"_s + direction + u", name"_s + direction)
        : QString(u"name"_s + direction);
    QSqlQuery &query = m_database.prepared(u"SELECT "_s + QLatin1StringView(StreamColumns)
        + u" FROM log_streams WHERE group_name = ? AND substr(name, 1, ?) = ? ORDER BY "_s + order
        + u" LIMIT ? OFFSET ?"_s);
    query.addBindValue(group);
    query.addBindValue(prefix.size());
    query.addBindValue(prefix.isNull() ? u""_s : prefix);
    query.addBindValue(limit);
    query.addBindValue(offset);
    QList<LogStream> streams;
    if (!execOrWarn(query))
        return streams;
    while (query.next())
        streams.append(readStream(query));
    query.finish();
    return streams;
}

bool LogsStore::appendEvents(const QString &group,
    const QString &stream,
    const QList<InputLogEvent> &events,
    qint64 ingestionMs)
{
    if (events.isEmpty())
        return true;
    QSqlQuery &insert = m_database.prepared(
        u"INSERT INTO log_events (group_name, stream_name, timestamp_ms, ingestion_ms, message) "
        u"VALUES (?, ?, ?, ?, ?)"_s);
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    qint64 bytes = 0;
    for (const InputLogEvent &event : events) {
        insert.addBindValue(group);
        insert.addBindValue(stream);
        insert.addBindValue(event.timestampMs);
        insert.addBindValue(ingestionMs);
        insert.addBindValue(event.message.isNull() ? u""_s : event.message);
        if (!execOrWarn(insert))
            return false;
        first = std::min(first, event.timestampMs);
        last = std::max(last, event.timestampMs);
        bytes += event.message.toUtf8().size();
    }
    QSqlQuery &update = m_database.prepared(
        u"UPDATE log_streams SET first_event_ms = MIN(COALESCE(first_event_ms, ?), ?), "
        u"last_event_ms = MAX(COALESCE(last_event_ms, ?), ?), last_ingestion_ms = ?, "
        u"stored_bytes = stored_bytes + ? WHERE group_name = ? AND name = ?"_s);
    update.addBindValue(first);
    update.addBindValue(first);
    update.addBindValue(last);
    update.addBindValue(last);
    update.addBindValue(ingestionMs);
    update.addBindValue(bytes);
    update.addBindValue(group);
    update.addBindValue(stream);
    return execOrWarn(update);
}

QList<LogEvent> LogsStore::streamEvents(const QString &group,
    const QString &stream,
    qint64 from,
    qint64 to,
    qint64 afterId,
    qint64 beforeId,
    bool newestFirst,
    int limit) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT "_s + QLatin1StringView(EventColumns)
        + u" FROM log_events WHERE group_name = ? AND stream_name = ? AND timestamp_ms >= ? AND "
          u"timestamp_ms < ? AND id > ? AND id < ? ORDER BY id"_s
        + (newestFirst ? u" DESC"_s : u""_s) + u" LIMIT ?"_s);
    query.addBindValue(group);
    query.addBindValue(stream);
    query.addBindValue(from);
    query.addBindValue(to);
    query.addBindValue(afterId);
    query.addBindValue(beforeId);
    query.addBindValue(limit);
    QList<LogEvent> events;
    if (!execOrWarn(query))
        return events;
    while (query.next())
        events.append(readEvent(query));
    query.finish();
    return events;
}

QList<LogEvent> LogsStore::groupEvents(const QString &group,
    const QStringList &streams,
    const QString &streamPrefix,
    qint64 from,
    qint64 to,
    qint64 afterTimestamp,
    qint64 afterId,
    int limit) const
{
    QString sql = u"SELECT "_s + QLatin1StringView(EventColumns)
        + u" FROM log_events WHERE group_name = ? AND timestamp_ms >= ? AND timestamp_ms < ? AND "
          u"(timestamp_ms > ? OR (timestamp_ms = ? AND id > ?))"_s;
    if (!streamPrefix.isEmpty())
        sql += u" AND substr(stream_name, 1, ?) = ?"_s;
    if (!streams.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < streams.size(); ++i)
            marks.append(u"?"_s);
        sql += u" AND stream_name IN ("_s + marks.join(u", "_s) + u')';
    }
    sql += u" ORDER BY timestamp_ms, id LIMIT ?"_s;
    QSqlQuery &query = m_database.prepared(sql);
    query.addBindValue(group);
    query.addBindValue(from);
    query.addBindValue(to);
    query.addBindValue(afterTimestamp);
    query.addBindValue(afterTimestamp);
    query.addBindValue(afterId);
    if (!streamPrefix.isEmpty()) {
        query.addBindValue(streamPrefix.size());
        query.addBindValue(streamPrefix);
    }
    for (const QString &name : streams)
        query.addBindValue(name);
    query.addBindValue(limit);
    QList<LogEvent> events;
    if (!execOrWarn(query))
        return events;
    while (query.next())
        events.append(readEvent(query));
    query.finish();
    return events;
}

bool LogsStore::putMetricFilter(const MetricFilter &filter)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO log_metric_filters (group_name, name, pattern, transformation, created_ms) "
        u"VALUES (?, ?, ?, ?, ?) ON CONFLICT (group_name, name) DO UPDATE SET "
        u"pattern = excluded.pattern, transformation = excluded.transformation"_s);
    query.addBindValue(filter.groupName);
    query.addBindValue(filter.name);
    query.addBindValue(filter.pattern.isNull() ? u""_s : filter.pattern);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(toJson(filter.transformation)).toJson(QJsonDocument::Compact)));
    query.addBindValue(filter.creationTimeMs);
    return execOrWarn(query);
}

bool LogsStore::deleteMetricFilter(const QString &group, const QString &name)
{
    QSqlQuery &query =
        m_database.prepared(u"DELETE FROM log_metric_filters WHERE group_name = ? AND name = ?"_s);
    query.addBindValue(group);
    query.addBindValue(name);
    return execOrWarn(query) && query.numRowsAffected() > 0;
}

QList<MetricFilter> LogsStore::metricFilters(const QString &group) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT group_name, name, pattern, transformation, created_ms FROM log_metric_filters "
        u"WHERE ? = '' OR group_name = ? ORDER BY group_name, name"_s);
    const QString wanted = group.isNull() ? u""_s : group; // a null QString binds as NULL
    query.addBindValue(wanted);
    query.addBindValue(wanted);
    QList<MetricFilter> filters;
    if (!execOrWarn(query))
        return filters;
    while (query.next()) {
        MetricFilter filter;
        filter.groupName = query.value(0).toString();
        filter.name = query.value(1).toString();
        filter.pattern = query.value(2).toString();
        filter.transformation = transformationFromJson(
            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object());
        filter.creationTimeMs = query.value(4).toLongLong();
        filters.append(filter);
    }
    return filters;
}

int LogsStore::purgeExpired(qint64 nowMs)
{
    // Expired: events of groups with a retention policy older than it.
    const QString expired = u"e.timestamp_ms < ? - (SELECT g.retention_days FROM log_groups g "
                            u"WHERE g.name = e.group_name AND g.retention_days IS NOT NULL) * ?"_s;
    QSqlQuery &any =
        m_database.prepared(u"SELECT 1 FROM log_events e WHERE "_s + expired + u" LIMIT 1"_s);
    any.addBindValue(nowMs);
    any.addBindValue(DayMs);
    if (!execOrWarn(any))
        return 0;
    const bool found = any.next();
    any.finish();
    if (!found)
        return 0;
    // storedBytes of the streams (and so of their groups) drops by the purged messages' bytes.
    QSqlQuery &shrink = m_database.prepared(
        u"UPDATE log_streams SET stored_bytes = MAX(0, stored_bytes - (SELECT "
        u"COALESCE(SUM(LENGTH(CAST(e.message AS BLOB))), 0) FROM log_events e WHERE "
        u"e.group_name = log_streams.group_name AND e.stream_name = log_streams.name AND "_s
        + expired
        + u")) WHERE group_name IN (SELECT name FROM log_groups WHERE retention_days IS NOT "
          u"NULL)"_s);
    shrink.addBindValue(nowMs);
    shrink.addBindValue(DayMs);
    if (!execOrWarn(shrink))
        return 0;
    QSqlQuery &query = m_database.prepared(
        u"DELETE FROM log_events WHERE id IN (SELECT e.id FROM log_events e WHERE "_s + expired
        + u")"_s);
    query.addBindValue(nowMs);
    query.addBindValue(DayMs);
    if (!execOrWarn(query))
        return 0;
    return query.numRowsAffected();
}

} // namespace Core::Logs
