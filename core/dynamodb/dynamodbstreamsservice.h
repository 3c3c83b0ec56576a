// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <memory>
#include <optional>

namespace Core {
class Clock;
}
namespace Core::Storage {
class Database;
}

namespace Core::DynamoDb {

class StreamStore;
struct StoredStream;

// DynamoDB Streams (the dynamodbstreams API): reads the stream records that DynamoDbService's
// writes append (ItemWriter) and that its sweeper prunes after 24 hours. One shard per stream.
// Lives on the core thread; read-only, so it announces nothing. Also serves Lambda's DynamoDB
// event source mappings (through the wiring layer) with the same record shape.
class DynamoDbStreamsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DynamoDbStreamsService)

public:
    DynamoDbStreamsService(Storage::Database &database,
        Clock *clock,
        QString region,
        QString accountId,
        QObject *parent = nullptr);
    ~DynamoDbStreamsService() override;

    using Response = Result<QJsonObject>;
    static constexpr qint64 IteratorLifetimeMs = 15 * 60 * 1000;

    Response listStreams(const QJsonObject &request);
    Response describeStream(const QJsonObject &request);
    Response getShardIterator(const QJsonObject &request);
    Response getRecords(const QJsonObject &request);

    // For stream readers inside the engine (Lambda): positions are sequence numbers, a batch
    // holds the records from a position on, in GetRecords' shape.
    struct Batch
    {
        QJsonArray records;
        qint64 nextPosition = 0;
        qint64 oldestCreatedMs = 0; // of the first record; 0 when the batch is empty
    };
    bool streamExists(const QString &streamArn) const;
    // TRIM_HORIZON (latest false) or LATEST.
    std::optional<qint64> startPosition(const QString &streamArn, bool latest) const;
    Result<Batch> read(const QString &streamArn, qint64 position, int limit) const;

    // For the console: the table's newest stream (enabled or not) and its newest records,
    // newest first, in GetRecords' shape. An empty ARN: the table has no stream.
    struct Recent
    {
        QString streamArn;
        QString status; // ENABLED, DISABLED
        QString viewType;
        QJsonArray records;
    };
    Recent recentRecords(const QString &tableName, int limit) const;

private:
    Result<StoredStream> findStream(const QString &streamArn) const;
    QString streamArn(const StoredStream &stream) const;

    Clock *m_clock;
    QString m_region;
    QString m_accountId;
    std::unique_ptr<StreamStore> m_store;
};

} // namespace Core::DynamoDb
