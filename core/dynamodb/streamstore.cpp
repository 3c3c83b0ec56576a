// SPDX-License-Identifier: MIT
#include "core/dynamodb/streamstore.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStorage) << "dynamodb stream store:" << query.lastError().text();
    return false;
}

QVariant optionalText(const QByteArray &text)
{
    return text.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(text));
}

constexpr auto StreamSelect =
    "SELECT s.id, s.table_id, s.table_name, s.label, s.view_type, s.shard_id, s.created_ms, "
    "s.ended_ms, s.start_seq, s.trim_seq, "
    "(SELECT MAX(seq) FROM ddb_stream_records r WHERE r.stream_id = s.id), t.definition "
    "FROM ddb_streams s JOIN ddb_tables t ON t.id = s.table_id ";

QList<StoredStream> readStreams(QSqlQuery &query)
{
    QList<StoredStream> streams;
    if (!run(query))
        return streams;
    while (query.next()) {
        StoredStream stream;
        stream.id = query.value(0).toLongLong();
        stream.tableId = query.value(1).toLongLong();
        stream.tableName = query.value(2).toString();
        stream.label = query.value(3).toString();
        stream.viewType = query.value(4).toString();
        stream.shardId = query.value(5).toString();
        stream.createdMs = query.value(6).toLongLong();
        if (!query.value(7).isNull())
            stream.endedMs = query.value(7).toLongLong();
        stream.startSequence = query.value(8).toLongLong();
        stream.trimmedSequence = query.value(9).toLongLong();
        if (!query.value(10).isNull())
            stream.lastSequence = query.value(10).toLongLong();
        stream.tableDefinition = query.value(11).toByteArray();
        streams.append(stream);
    }
    query.finish();
    return streams;
}

} // namespace

StreamStore::StreamStore(const Storage::Database &database)
    : m_database(database)
{}

std::optional<qint64> StreamStore::createStream(qint64 tableId,
    const QString &tableName,
    const QString &label,
    const QString &viewType,
    const QString &shardId,
    qint64 createdMs)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO ddb_streams (table_id, table_name, label, view_type, shard_id, created_ms, "
        u"start_seq) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(tableId);
    query.addBindValue(tableName);
    query.addBindValue(label);
    query.addBindValue(viewType);
    query.addBindValue(shardId);
    query.addBindValue(createdMs);
    query.addBindValue(nextSequence());
    if (!run(query))
        return std::nullopt;
    return query.lastInsertId().toLongLong();
}

bool StreamStore::endStreams(qint64 tableId, qint64 endedMs)
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE ddb_streams SET ended_ms = ? WHERE table_id = ? AND ended_ms IS NULL"_s);
    query.addBindValue(endedMs);
    query.addBindValue(tableId);
    return run(query);
}

bool StreamStore::deleteStreams(qint64 tableId)
{
    for (const QString &sql : {u"DELETE FROM ddb_stream_records WHERE stream_id IN "
                               u"(SELECT id FROM ddb_streams WHERE table_id = ?)"_s,
             u"DELETE FROM ddb_streams WHERE table_id = ?"_s}) {
        QSqlQuery &query = m_database.prepared(sql);
        query.addBindValue(tableId);
        if (!run(query))
            return false;
    }
    return true;
}

bool StreamStore::appendRecord(qint64 tableId, const StoredStreamRecord &record)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO ddb_stream_records (stream_id, event_id, event_name, created_ms, "
        u"size_bytes, by_service, keys, new_image, old_image) "
        u"SELECT id, ?, ?, ?, ?, ?, ?, ?, ? FROM ddb_streams "
        u"WHERE table_id = ? AND ended_ms IS NULL"_s);
    query.addBindValue(record.eventId);
    query.addBindValue(record.eventName);
    query.addBindValue(record.createdMs);
    query.addBindValue(record.sizeBytes);
    query.addBindValue(record.byService ? 1 : 0);
    query.addBindValue(QString::fromUtf8(record.keys));
    query.addBindValue(optionalText(record.newImage));
    query.addBindValue(optionalText(record.oldImage));
    query.addBindValue(tableId);
    return run(query);
}

QList<StoredStream> StreamStore::streams() const
{
    QSqlQuery &query = m_database.prepared(QString::fromLatin1(StreamSelect) + u"ORDER BY s.id"_s);
    return readStreams(query);
}

std::optional<StoredStream> StreamStore::stream(qint64 id) const
{
    QSqlQuery &query = m_database.prepared(QString::fromLatin1(StreamSelect) + u"WHERE s.id = ?"_s);
    query.addBindValue(id);
    const QList<StoredStream> found = readStreams(query);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

namespace {

QList<StoredStreamRecord> readRecords(QSqlQuery &query)
{
    QList<StoredStreamRecord> records;
    while (query.next()) {
        StoredStreamRecord record;
        record.sequence = query.value(0).toLongLong();
        record.eventId = query.value(1).toString();
        record.eventName = query.value(2).toString();
        record.createdMs = query.value(3).toLongLong();
        record.sizeBytes = query.value(4).toLongLong();
        record.byService = query.value(5).toInt() != 0;
        record.keys = query.value(6).toByteArray();
        record.newImage = query.value(7).toByteArray();
        record.oldImage = query.value(8).toByteArray();
        records.append(record);
    }
    query.finish();
    return records;
}

} // namespace

QList<StoredStreamRecord> StreamStore::records(qint64 streamId, qint64 from, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT seq, event_id, event_name, created_ms, size_bytes, by_service, keys, new_image, "
        u"old_image FROM ddb_stream_records WHERE stream_id = ? AND seq >= ? ORDER BY seq "
        u"LIMIT ?"_s);
    query.addBindValue(streamId);
    query.addBindValue(from);
    query.addBindValue(limit);
    if (!run(query))
        return {};
    return readRecords(query);
}

QList<StoredStreamRecord> StreamStore::latestRecords(qint64 streamId, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT seq, event_id, event_name, created_ms, size_bytes, by_service, keys, new_image, "
        u"old_image FROM ddb_stream_records WHERE stream_id = ? ORDER BY seq DESC LIMIT ?"_s);
    query.addBindValue(streamId);
    query.addBindValue(limit);
    if (!run(query))
        return {};
    return readRecords(query);
}

qint64 StreamStore::nextSequence() const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT seq FROM sqlite_sequence WHERE name = 'ddb_stream_records'"_s);
    qint64 last = 0;
    if (run(query) && query.next())
        last = query.value(0).toLongLong();
    query.finish();
    return last + 1;
}

bool StreamStore::prune(qint64 cutoffMs)
{
    for (const QString &sql : {
             u"UPDATE ddb_streams SET trim_seq = (SELECT MAX(seq) FROM ddb_stream_records r "
             u"WHERE r.stream_id = ddb_streams.id AND r.created_ms < ?) "
             u"WHERE EXISTS (SELECT 1 FROM ddb_stream_records r WHERE "
             u"r.stream_id = ddb_streams.id AND r.created_ms < ?)"_s,
             u"DELETE FROM ddb_stream_records WHERE created_ms < ?"_s,
             u"DELETE FROM ddb_stream_records WHERE stream_id IN "
             u"(SELECT id FROM ddb_streams WHERE ended_ms < ?)"_s,
             u"DELETE FROM ddb_streams WHERE ended_ms < ?"_s,
         }) {
        QSqlQuery &query = m_database.prepared(sql);
        for (qsizetype i = sql.count(u'?'); i > 0; --i)
            query.addBindValue(cutoffMs);
        if (!run(query))
            return false;
    }
    return true;
}

} // namespace Core::DynamoDb
