// SPDX-License-Identifier: MIT
// LambdaService: DynamoDB stream event source mappings. The poller reads the next batch of the
// stream (one batch at a time per shard, in order), invokes the function synchronously with
// {"Records": [...]}, and moves its cursor on only when the batch succeeded: a failing batch is
// retried (MaximumRetryAttempts; -1 until its records expire), optionally split in halves
// (BisectBatchOnFunctionError), and then skipped with a record to the OnFailure destination.
#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/ids.h"
#include "core/lambda/lambdaerrors.h"
#include "core/lambda/lambdaservice.h"
#include "core/lambda/lambdastore.h"
#include "core/lambda/streamsource.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

constexpr int DefaultStreamBatchSize = 100;
constexpr int MaxRetryAttempts = 10000;
constexpr qint64 MaxRetryDelayMs = 30'000;

QString sequenceOf(const QJsonValue &record)
{
    return record[u"dynamodb"_s][u"SequenceNumber"_s].toString();
}

} // namespace

QJsonObject LambdaService::publicMapping(QJsonObject mapping)
{
    mapping.remove(PositionKey);
    return mapping;
}

Status LambdaService::applyStreamSettings(QJsonObject &mapping, const QJsonObject &input)
{
    if (input.contains(u"MaximumRetryAttempts"_s)) {
        const int retries = input.value(u"MaximumRetryAttempts"_s).toInt();
        if (retries < -1 || retries > MaxRetryAttempts)
            return std::unexpected(Errors::validation(QString::number(retries),
                u"maximumRetryAttempts"_s,
                retries < -1 ? u"Member must have value greater than or equal to -1"_s
                             : u"Member must have value less than or equal to 10000"_s));
        mapping.insert(u"MaximumRetryAttempts"_s, retries);
    }
    if (input.contains(u"BisectBatchOnFunctionError"_s))
        mapping.insert(
            u"BisectBatchOnFunctionError"_s, input.value(u"BisectBatchOnFunctionError"_s).toBool());
    if (input.contains(u"DestinationConfig"_s)) {
        const QString destination =
            input.value(u"DestinationConfig"_s)[u"OnFailure"_s][u"Destination"_s].toString();
        if (!destination.isEmpty() && !destination.startsWith(u"arn:aws:sqs:"_s)
            && !destination.startsWith(u"arn:aws:sns:"_s))
            return std::unexpected(Errors::invalidParameter(
                u"Unsupported DestinationConfig parameter for given event source mapping type."_s));
        QJsonObject onFailure;
        if (!destination.isEmpty())
            onFailure.insert(u"Destination"_s, destination);
        mapping.insert(u"DestinationConfig"_s, QJsonObject{{u"OnFailure"_s, onFailure}});
    }
    return {};
}

Result<QJsonObject> LambdaService::createStreamMapping(const QJsonObject &input)
{
    const QString sourceArn = input.value(u"EventSourceArn"_s).toString();
    const auto target = resolveTarget(input.value(u"FunctionName"_s).toString(), {});
    if (!target)
        return std::unexpected(target.error());
    const QString position = input.value(u"StartingPosition"_s).toString();
    if (position.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"1 validation error detected: Value null at 'startingPosition' failed to satisfy "
            u"constraint: Member must not be null"_s));
    if (position != u"TRIM_HORIZON"_s && position != u"LATEST"_s)
        return std::unexpected(Errors::invalidParameter(
            u"Unsupported starting position for DynamoDB stream event sources: %1"_s.arg(
                position)));
    if (!m_streamSource || !m_streamSource->streamExists(sourceArn))
        return std::unexpected(Errors::invalidParameter(u"Stream not found: %1"_s.arg(sourceArn)));
    if (const auto uuid = mappingFrom(target->config.functionName, sourceArn))
        return std::unexpected(Errors::conflict(
            u"The event source arn (\" %1 \") and function (\" %2 \") provided mapping already "
            u"exists. Please update or delete the existing mapping with UUID %3"_s.arg(
                sourceArn, target->config.functionName, *uuid)));
    QJsonObject mapping{
        {u"UUID"_s, Ids::requestId()},
        {u"StartingPosition"_s, position},
        {u"BatchSize"_s, DefaultStreamBatchSize},
        {u"MaximumBatchingWindowInSeconds"_s, 0},
        {u"ParallelizationFactor"_s, 1},
        {u"EventSourceArn"_s, sourceArn},
        {u"FunctionArn"_s, target->invokedArn},
        {u"LastModified"_s, double(m_clock->nowMs()) / 1000.0},
        {u"LastProcessingResult"_s, u"No records processed"_s},
        {u"StateTransitionReason"_s, u"User action"_s},
        {u"DestinationConfig"_s, QJsonObject{{u"OnFailure"_s, QJsonObject()}}},
        {u"MaximumRecordAgeInSeconds"_s, -1},
        {u"BisectBatchOnFunctionError"_s, false},
        {u"MaximumRetryAttempts"_s, -1},
        {u"TumblingWindowInSeconds"_s, 0},
        {u"FunctionResponseTypes"_s, QJsonArray()},
    };
    if (auto valid = applyMappingSettings(mapping, input, true); !valid)
        return std::unexpected(valid.error());
    if (auto valid = applyStreamSettings(mapping, input); !valid)
        return std::unexpected(valid.error());
    // LATEST: only what is written after the mapping was made.
    mapping.insert(PositionKey,
        double(position == u"LATEST"_s ? m_streamSource->startPosition(sourceArn, true).value_or(0)
                                       : 0));
    const bool enabled = input.value(u"Enabled"_s).toBool(true);
    mapping.insert(u"State"_s, enabled ? u"Enabled"_s : u"Disabled"_s);
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putMapping(mapping.value(u"UUID"_s).toString(), target->config.functionName, mapping);
    transaction.commit();
    m_changes->touch();
    QJsonObject answer = publicMapping(mapping);
    answer.insert(u"State"_s, enabled ? u"Creating"_s : u"Disabled"_s);
    return answer;
}

void LambdaService::pollStreamMapping(const QJsonObject &mapping)
{
    const QString uuid = mapping.value(u"UUID"_s).toString();
    const qint64 now = m_clock->nowMs();
    const StreamRetry retry = m_streamRetries.value(uuid);
    if (now < retry.notBeforeMs)
        return;
    const QString function = mapping.value(u"FunctionArn"_s).toString().section(u':', 6, 6);
    const auto target = resolveTarget(function, {});
    if (!target || concurrencyBlock(function))
        return;
    const QString streamArn = mapping.value(u"EventSourceArn"_s).toString();
    const int batchSize = mapping.value(u"BatchSize"_s).toInt();
    const int limit = retry.bisectLimit > 0 ? retry.bisectLimit : batchSize;
    const auto batch =
        m_streamSource->read(streamArn, qint64(mapping.value(PositionKey).toDouble()), limit);
    if (!batch || batch->records.isEmpty())
        return;
    // MaximumBatchingWindowInSeconds: a partial batch waits for more records that long.
    const qint64 windowMs =
        qint64(mapping.value(u"MaximumBatchingWindowInSeconds"_s).toInt()) * 1000;
    if (retry.attempts == 0 && batch->records.size() < batchSize
        && now - batch->oldestCreatedMs < windowMs)
        return;
    reportMetric(target->config.functionName,
        target->qualifier,
        u"IteratorAge"_s,
        double(std::max<qint64>(0, now - batch->oldestCreatedMs)),
        u"Milliseconds"_s);
    m_pollingMappings.insert(uuid);
    const int count = int(batch->records.size());
    startInvocation(*target,
        QJsonDocument(QJsonObject{{u"Records"_s, batch->records}}).toJson(QJsonDocument::Compact),
        Ids::requestId(),
        false,
        0,
        [this, uuid, batch = *batch, count](Result<InvocationResult> result) {
            m_pollingMappings.remove(uuid);
            finishStreamBatch(uuid, batch, count, result);
        });
}

void LambdaService::finishStreamBatch(const QString &uuid,
    const StreamBatch &batch,
    int attemptedRecords,
    const Result<InvocationResult> &result)
{
    auto mapping = m_store->mapping(uuid);
    if (!mapping)
        return; // deleted while the batch ran
    const QString function = mapping->value(u"FunctionArn"_s).toString().section(u':', 6, 6);
    StreamRetry &retry = m_streamRetries[uuid];
    const qint64 now = m_clock->nowMs();
    const auto advance = [&](const QString &outcome) {
        mapping->insert(PositionKey, double(batch.nextPosition));
        mapping->insert(u"LastProcessingResult"_s, outcome);
        Storage::SqlTransaction transaction(m_database.connection());
        m_store->putMapping(uuid, function, *mapping);
        transaction.commit();
        m_changes->touch();
    };
    if (result && result->functionError.isEmpty()) {
        if (batch.nextPosition >= retry.failedEnd)
            retry = StreamRetry();
        else
            retry.attempts = 0; // a half of a split batch went through
        advance(u"OK"_s);
        return;
    }
    ++retry.attempts;
    retry.failedEnd = std::max(retry.failedEnd, batch.nextPosition);
    retry.notBeforeMs =
        now + std::min<qint64>(MaxRetryDelayMs, 1000LL << std::min(retry.attempts, 5));
    if (mapping->value(u"BisectBatchOnFunctionError"_s).toBool() && attemptedRecords > 1) {
        retry.bisectLimit = (attemptedRecords + 1) / 2;
        return;
    }
    const int maximum = mapping->value(u"MaximumRetryAttempts"_s).toInt(-1);
    if (maximum < 0 || retry.attempts <= maximum)
        return; // the same records again: a stream mapping never skips a failing batch early
    // Retries exhausted: the batch is skipped and described to the OnFailure destination.
    const QString destination =
        mapping->value(u"DestinationConfig"_s)[u"OnFailure"_s][u"Destination"_s].toString();
    if (!destination.isEmpty() && m_sink) {
        const QJsonObject record{
            {u"requestContext"_s,
                QJsonObject{{u"requestId"_s, Ids::requestId()},
                    {u"functionArn"_s, mapping->value(u"FunctionArn"_s)},
                    {u"condition"_s, u"RetryAttemptsExhausted"_s},
                    {u"approximateInvokeCount"_s, retry.attempts}}},
            {u"responseContext"_s,
                QJsonObject{{u"statusCode"_s, result ? result->statusCode : 500},
                    {u"executedVersion"_s, result ? result->executedVersion : u"$LATEST"_s},
                    {u"functionError"_s, result ? result->functionError : u"Unhandled"_s}}},
            {u"version"_s, u"1.0"_s},
            {u"timestamp"_s, isoTime(now)},
            {u"DDBStreamBatchInfo"_s,
                QJsonObject{{u"shardId"_s, QString()},
                    {u"startSequenceNumber"_s, sequenceOf(batch.records.first())},
                    {u"endSequenceNumber"_s, sequenceOf(batch.records.last())},
                    {u"approximateArrivalOfFirstRecord"_s, isoTime(batch.oldestCreatedMs)},
                    {u"batchSize"_s, attemptedRecords},
                    {u"streamArn"_s, mapping->value(u"EventSourceArn"_s)}}},
        };
        m_sink->deliver(destination, QJsonDocument(record).toJson(QJsonDocument::Compact));
    }
    retry = StreamRetry();
    advance(u"PROBLEM: Function call failed"_s);
}

} // namespace Core::Lambda
