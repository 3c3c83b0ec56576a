// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::DynamoDb {

// One DynamoDB stream (a table has at most one enabled; disabled ones linger until they expire).
struct StoredStream
{
    qint64 id = 0;
    qint64 tableId = 0;
    QString tableName;
    QString label;
    QString viewType;
    QString shardId;
    qint64 createdMs = 0;
    std::optional<qint64> endedMs;
    qint64 startSequence = 0;
    qint64 trimmedSequence = 0; // the last sequence number pruned (0: none)
    std::optional<qint64> lastSequence; // the newest record's, if it has any
    QByteArray tableDefinition; // the table's ddb_tables.definition
};

struct StoredStreamRecord
{
    qint64 sequence = 0;
    QString eventId;
    QString eventName; // INSERT, MODIFY, REMOVE
    qint64 createdMs = 0;
    qint64 sizeBytes = 0;
    bool byService = false; // a TTL deletion
    QByteArray keys; // DynamoDB JSON
    QByteArray newImage; // empty: none
    QByteArray oldImage;
};

// The only SQL touching ddb_streams and ddb_stream_records. Core thread, inside the caller's
// transaction for writes.
class StreamStore final
{
public:
    explicit StreamStore(const Storage::Database &database);

    std::optional<qint64> createStream(qint64 tableId,
        const QString &tableName,
        const QString &label,
        const QString &viewType,
        const QString &shardId,
        qint64 createdMs);
    bool endStreams(qint64 tableId, qint64 endedMs);
    bool deleteStreams(qint64 tableId);
    // Appends a record to the table's enabled stream; the record's sequence number is assigned.
    bool appendRecord(qint64 tableId, const StoredStreamRecord &record);

    QList<StoredStream> streams() const;
    std::optional<StoredStream> stream(qint64 id) const;
    // Records of a stream with sequence number >= from, oldest first.
    QList<StoredStreamRecord> records(qint64 streamId, qint64 from, int limit) const;
    // The newest `limit` records of a stream, newest first (the console's view).
    QList<StoredStreamRecord> latestRecords(qint64 streamId, int limit) const;
    // The sequence number the next record of any stream will get.
    qint64 nextSequence() const;

    // Drops records created before cutoffMs and streams that ended before it.
    bool prune(qint64 cutoffMs);

private:
    const Storage::Database &m_database;
};

} // namespace Core::DynamoDb
