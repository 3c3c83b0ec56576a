// SPDX-License-Identifier: MIT
#include "core/dynamodb/dynamodbstreamsservice.h"

#include "core/common/clock.h"
#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/streamstore.h"
#include "core/dynamodb/tabledefinition.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

constexpr int MaxListStreamsLimit = 100;
constexpr int MaxDescribeStreamLimit = 100;
constexpr int MaxGetRecordsLimit = 1000;

// SequenceNumbers are 21-digit decimal strings, as AWS's are.
QString sequenceText(qint64 sequence)
{
    return u"1"_s + QString::number(sequence).rightJustified(20, u'0');
}

std::optional<qint64> parseSequence(const QString &text)
{
    if (text.size() != 21 || !text.startsWith(u'1'))
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.mid(1).toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

AwsError streamNotFound(const QString &arn)
{
    return AwsError{u"ResourceNotFoundException"_s,
        u"Requested resource not found: Stream: %1 not found"_s.arg(arn),
        400,
        true};
}

AwsError trimmed()
{
    return AwsError{u"TrimmedDataAccessException"_s,
        u"The operation attempted to read past the oldest stream record in a shard."_s,
        400,
        true};
}

AwsError invalidIterator()
{
    return Errors::validation(u"Invalid ShardIterator"_s);
}

AwsError limitError(const QString &member, qint64 value, int max)
{
    return Errors::validation(
        u"1 validation error detected: Value '%1' at '%2' failed to satisfy constraint: Member "
        u"must have value %3"_s.arg(value)
            .arg(member,
                value < 1 ? u"greater than or equal to 1"_s
                          : u"less than or equal to %1"_s.arg(max)));
}

Result<int> limitOf(const QJsonObject &request, int max)
{
    if (!request.contains(u"Limit"_s))
        return max;
    const qint64 limit = request.value(u"Limit"_s).toInteger();
    if (limit < 1 || limit > max)
        return std::unexpected(limitError(u"limit"_s, limit, max));
    return int(limit);
}

AwsError missing(const QString &member)
{
    return Errors::validation(
        u"1 validation error detected: Value null at '%1' failed to satisfy constraint: Member "
        u"must not be null"_s.arg(member));
}

QJsonObject recordJson(
    const StoredStreamRecord &record, const QString &viewType, const QString &region)
{
    QJsonObject dynamodb{
        {u"ApproximateCreationDateTime"_s, double(record.createdMs / 1000)},
        {u"Keys"_s, QJsonDocument::fromJson(record.keys).object()},
        {u"SequenceNumber"_s, sequenceText(record.sequence)},
        {u"SizeBytes"_s, record.sizeBytes},
        {u"StreamViewType"_s, viewType},
    };
    if (!record.newImage.isEmpty())
        dynamodb.insert(u"NewImage"_s, QJsonDocument::fromJson(record.newImage).object());
    if (!record.oldImage.isEmpty())
        dynamodb.insert(u"OldImage"_s, QJsonDocument::fromJson(record.oldImage).object());
    QJsonObject json{
        {u"eventID"_s, record.eventId},
        {u"eventName"_s, record.eventName},
        {u"eventVersion"_s, u"1.1"_s},
        {u"eventSource"_s, u"aws:dynamodb"_s},
        {u"awsRegion"_s, region},
        {u"dynamodb"_s, dynamodb},
    };
    if (record.byService)
        json.insert(u"userIdentity"_s,
            QJsonObject{
                {u"type"_s, u"Service"_s}, {u"principalId"_s, u"dynamodb.amazonaws.com"_s}});
    return json;
}

// Shard iterators: the stream ARN, then the stream, the next sequence number to read and when
// the iterator was issued (opaque to clients, as AWS's are).
QString makeIterator(const QString &arn, qint64 streamId, qint64 position, qint64 issuedMs)
{
    const QByteArray state = QByteArray::number(streamId) + ':' + QByteArray::number(position) + ':'
        + QByteArray::number(issuedMs);
    return arn + u"|1|"_s + QString::fromLatin1(state.toBase64(QByteArray::Base64UrlEncoding));
}

struct Iterator
{
    QString arn;
    qint64 streamId = 0;
    qint64 position = 0;
    qint64 issuedMs = 0;
};

std::optional<Iterator> parseIterator(const QString &text)
{
    const qsizetype bar = text.lastIndexOf(u"|1|"_s);
    if (bar < 0)
        return std::nullopt;
    const QList<QByteArray> parts =
        QByteArray::fromBase64(text.mid(bar + 3).toLatin1(), QByteArray::Base64UrlEncoding)
            .split(':');
    if (parts.size() != 3)
        return std::nullopt;
    Iterator iterator;
    iterator.arn = text.left(bar);
    bool ok1 = false;
    bool ok2 = false;
    bool ok3 = false;
    iterator.streamId = parts[0].toLongLong(&ok1);
    iterator.position = parts[1].toLongLong(&ok2);
    iterator.issuedMs = parts[2].toLongLong(&ok3);
    if (!ok1 || !ok2 || !ok3)
        return std::nullopt;
    return iterator;
}

qint64 firstAvailable(const StoredStream &stream)
{
    return std::max(stream.startSequence, stream.trimmedSequence + 1);
}

qint64 afterLast(const StoredStream &stream)
{
    return std::max(firstAvailable(stream), stream.lastSequence.value_or(0) + 1);
}

} // namespace

DynamoDbStreamsService::DynamoDbStreamsService(
    Storage::Database &database, Clock *clock, QString region, QString accountId, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_region(std::move(region))
    , m_accountId(std::move(accountId))
    , m_store(std::make_unique<StreamStore>(database))
{}

DynamoDbStreamsService::~DynamoDbStreamsService() = default;

QString DynamoDbStreamsService::streamArn(const StoredStream &stream) const
{
    const QString tableArn =
        QJsonDocument::fromJson(stream.tableDefinition).object().value(u"arn"_s).toString();
    return tableArn + u"/stream/"_s + stream.label;
}

Result<StoredStream> DynamoDbStreamsService::findStream(const QString &arn) const
{
    // arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>
    if (!arn.startsWith(u"arn:") || !arn.contains(u"/stream/"_s) || arn.size() < 37
        || arn.size() > 1024)
        return std::unexpected(Errors::validation(u"Invalid StreamArn: %1"_s.arg(arn)));
    for (const StoredStream &stream : m_store->streams()) {
        if (streamArn(stream) == arn)
            return stream;
    }
    return std::unexpected(streamNotFound(arn));
}

DynamoDbStreamsService::Response DynamoDbStreamsService::listStreams(const QJsonObject &request)
{
    auto limit = limitOf(request, MaxListStreamsLimit);
    if (!limit)
        return std::unexpected(limit.error());
    const QString tableName = request.value(u"TableName"_s).toString();
    const QString start = request.value(u"ExclusiveStartStreamArn"_s).toString();
    const QList<StoredStream> all = m_store->streams();
    if (!tableName.isEmpty()
        && std::none_of(all.cbegin(), all.cend(), [&tableName](const StoredStream &stream) {
               return stream.tableName == tableName;
           })) {
        if (auto exists = TableDefinition::validateName(tableName, u"tableName"_s); !exists)
            return std::unexpected(exists.error());
    }
    QJsonArray streams;
    bool started = start.isEmpty();
    QString last;
    bool more = false;
    for (const StoredStream &stream : all) {
        if (!tableName.isEmpty() && stream.tableName != tableName)
            continue;
        const QString arn = streamArn(stream);
        if (!started) {
            started = arn == start;
            continue;
        }
        if (streams.size() == *limit) {
            more = true;
            break;
        }
        streams.append(QJsonObject{{u"StreamArn"_s, arn},
            {u"TableName"_s, stream.tableName},
            {u"StreamLabel"_s, stream.label}});
        last = arn;
    }
    QJsonObject response{{u"Streams"_s, streams}};
    if (more)
        response.insert(u"LastEvaluatedStreamArn"_s, last);
    return response;
}

DynamoDbStreamsService::Response DynamoDbStreamsService::describeStream(const QJsonObject &request)
{
    if (!request.contains(u"StreamArn"_s))
        return std::unexpected(missing(u"streamArn"_s));
    auto limit = limitOf(request, MaxDescribeStreamLimit);
    if (!limit)
        return std::unexpected(limit.error());
    auto stream = findStream(request.value(u"StreamArn"_s).toString());
    if (!stream)
        return std::unexpected(stream.error());
    const TableInfo table = TableDefinition::fromStorage(stream->tableDefinition);
    QJsonArray shards;
    if (request.value(u"ExclusiveStartShardId"_s).toString() != stream->shardId) {
        QJsonObject range{{u"StartingSequenceNumber"_s, sequenceText(firstAvailable(*stream))}};
        if (stream->endedMs)
            range.insert(u"EndingSequenceNumber"_s,
                sequenceText(std::max(firstAvailable(*stream), afterLast(*stream) - 1)));
        shards.append(
            QJsonObject{{u"ShardId"_s, stream->shardId}, {u"SequenceNumberRange"_s, range}});
    }
    return QJsonObject{{u"StreamDescription"_s,
        QJsonObject{{u"StreamArn"_s, streamArn(*stream)},
            {u"StreamLabel"_s, stream->label},
            {u"StreamStatus"_s, stream->endedMs ? u"DISABLED"_s : u"ENABLED"_s},
            {u"StreamViewType"_s, stream->viewType},
            {u"CreationRequestDateTime"_s, double(stream->createdMs) / 1000.0},
            {u"TableName"_s, stream->tableName},
            {u"KeySchema"_s, TableDefinition::keySchemaJson(table.key)},
            {u"Shards"_s, shards}}}};
}

DynamoDbStreamsService::Response DynamoDbStreamsService::getShardIterator(
    const QJsonObject &request)
{
    for (const auto &[member, wire] : {std::pair{u"StreamArn"_s, u"streamArn"_s},
             std::pair{u"ShardId"_s, u"shardId"_s},
             std::pair{u"ShardIteratorType"_s, u"shardIteratorType"_s}}) {
        if (!request.contains(member))
            return std::unexpected(missing(wire));
    }
    const QString type = request.value(u"ShardIteratorType"_s).toString();
    static const QStringList types{
        u"TRIM_HORIZON"_s, u"LATEST"_s, u"AT_SEQUENCE_NUMBER"_s, u"AFTER_SEQUENCE_NUMBER"_s};
    if (!types.contains(type))
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'shardIteratorType' failed to satisfy "
            u"constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, "
            u"AT_SEQUENCE_NUMBER, TRIM_HORIZON]"_s.arg(type)));
    auto stream = findStream(request.value(u"StreamArn"_s).toString());
    if (!stream)
        return std::unexpected(stream.error());
    if (request.value(u"ShardId"_s).toString() != stream->shardId)
        return std::unexpected(AwsError{u"ResourceNotFoundException"_s,
            u"Requested resource not found: Shard does not exist"_s,
            400,
            true});
    qint64 position = 0;
    if (type == u"TRIM_HORIZON") {
        position = firstAvailable(*stream);
    } else if (type == u"LATEST") {
        position = afterLast(*stream);
    } else {
        const QString text = request.value(u"SequenceNumber"_s).toString();
        if (text.isEmpty())
            return std::unexpected(Errors::validation(
                u"Invalid Request: SequenceNumber must be specified for the shard iterator type "
                u"%1"_s.arg(type)));
        const auto sequence = parseSequence(text);
        if (!sequence || *sequence < stream->startSequence || *sequence >= afterLast(*stream))
            return std::unexpected(Errors::validation(
                u"Invalid SequenceNumber: %1 is not in the shard %2"_s.arg(text, stream->shardId)));
        if (*sequence <= stream->trimmedSequence)
            return std::unexpected(trimmed());
        position = type == u"AT_SEQUENCE_NUMBER" ? *sequence : *sequence + 1;
    }
    return QJsonObject{{u"ShardIterator"_s,
        makeIterator(streamArn(*stream), stream->id, position, m_clock->nowMs())}};
}

DynamoDbStreamsService::Response DynamoDbStreamsService::getRecords(const QJsonObject &request)
{
    if (!request.contains(u"ShardIterator"_s))
        return std::unexpected(missing(u"shardIterator"_s));
    auto limit = limitOf(request, MaxGetRecordsLimit);
    if (!limit)
        return std::unexpected(limit.error());
    const auto iterator = parseIterator(request.value(u"ShardIterator"_s).toString());
    if (!iterator)
        return std::unexpected(invalidIterator());
    const qint64 now = m_clock->nowMs();
    if (now - iterator->issuedMs > IteratorLifetimeMs)
        return std::unexpected(AwsError{u"ExpiredIteratorException"_s,
            u"Iterator expired. The iterator was created at time %1 while right now it is %2. "
            u"The iterator is valid for 15 minutes."_s.arg(
                isoTime(iterator->issuedMs), isoTime(now)),
            400,
            true});
    const auto stream = m_store->stream(iterator->streamId);
    if (!stream || streamArn(*stream) != iterator->arn)
        return std::unexpected(streamNotFound(iterator->arn));
    if (iterator->position <= stream->trimmedSequence)
        return std::unexpected(trimmed());
    const QList<StoredStreamRecord> records =
        m_store->records(stream->id, iterator->position, *limit);
    QJsonArray out;
    qint64 next = iterator->position;
    for (const StoredStreamRecord &record : records) {
        out.append(recordJson(record, stream->viewType, m_region));
        next = record.sequence + 1;
    }
    QJsonObject response{{u"Records"_s, out}};
    // A disabled stream's shard is closed: once read to its end there is no next iterator.
    const bool closed = stream->endedMs && next >= afterLast(*stream);
    if (!closed)
        response.insert(u"NextShardIterator"_s, makeIterator(iterator->arn, stream->id, next, now));
    return response;
}

bool DynamoDbStreamsService::streamExists(const QString &arn) const
{
    return findStream(arn).has_value();
}

std::optional<qint64> DynamoDbStreamsService::startPosition(const QString &arn, bool latest) const
{
    const auto stream = findStream(arn);
    if (!stream)
        return std::nullopt;
    return latest ? afterLast(*stream) : firstAvailable(*stream);
}

DynamoDbStreamsService::Recent DynamoDbStreamsService::recentRecords(
    const QString &tableName, int limit) const
{
    Recent recent;
    std::optional<StoredStream> newest;
    for (const StoredStream &stream : m_store->streams()) {
        if (stream.tableName == tableName && (!newest || stream.createdMs >= newest->createdMs))
            newest = stream;
    }
    if (!newest)
        return recent;
    recent.streamArn = streamArn(*newest);
    recent.status = newest->endedMs ? u"DISABLED"_s : u"ENABLED"_s;
    recent.viewType = newest->viewType;
    for (const StoredStreamRecord &record : m_store->latestRecords(newest->id, limit))
        recent.records.append(recordJson(record, newest->viewType, m_region));
    return recent;
}

Result<DynamoDbStreamsService::Batch> DynamoDbStreamsService::read(
    const QString &arn, qint64 position, int limit) const
{
    auto stream = findStream(arn);
    if (!stream)
        return std::unexpected(stream.error());
    Batch batch;
    // Records that expired before they were read are skipped, as a stream mapping's are.
    batch.nextPosition = std::max(position, firstAvailable(*stream));
    for (const StoredStreamRecord &record :
        m_store->records(stream->id, batch.nextPosition, limit)) {
        QJsonObject json = recordJson(record, stream->viewType, m_region);
        json.insert(u"eventSourceARN"_s, arn);
        batch.records.append(json);
        if (batch.oldestCreatedMs == 0)
            batch.oldestCreatedMs = record.createdMs;
        batch.nextPosition = record.sequence + 1;
    }
    return batch;
}

} // namespace Core::DynamoDb
