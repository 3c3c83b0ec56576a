// SPDX-License-Identifier: MIT
// LambdaService: SQS event source mappings. The poller receives a batch, invokes the function
// synchronously with the SQS event, deletes the batch on success (with ReportBatchItemFailures
// only the items not reported), and leaves failed messages to become visible again so the
// queue's redrive policy moves them to its dead-letter queue after maxReceiveCount.
#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/ids.h"
#include "core/common/tracing.h"
#include "core/lambda/environmentpool.h"
#include "core/lambda/lambdaerrors.h"
#include "core/lambda/lambdaservice.h"
#include "core/lambda/lambdastore.h"
#include "core/lambda/queuesource.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

constexpr int DefaultSqsBatchSize = 10;
constexpr int MaxSqsBatchSize = 10000;
constexpr int MaxBatchingWindowSeconds = 300;

AwsError mappingNotFound()
{
    return Errors::notFound(u"The resource you requested does not exist."_s);
}

} // namespace

// BatchSize, MaximumBatchingWindowInSeconds and FunctionResponseTypes as AWS checks them.
Status LambdaService::applyMappingSettings(
    QJsonObject &mapping, const QJsonObject &input, bool stream)
{
    if (input.contains(u"BatchSize"_s))
        mapping.insert(u"BatchSize"_s, input.value(u"BatchSize"_s).toInt());
    if (input.contains(u"MaximumBatchingWindowInSeconds"_s))
        mapping.insert(u"MaximumBatchingWindowInSeconds"_s,
            input.value(u"MaximumBatchingWindowInSeconds"_s).toInt());
    if (input.contains(u"FunctionResponseTypes"_s))
        mapping.insert(
            u"FunctionResponseTypes"_s, input.value(u"FunctionResponseTypes"_s).toArray());
    const int batchSize = mapping.value(u"BatchSize"_s).toInt();
    const int window = mapping.value(u"MaximumBatchingWindowInSeconds"_s).toInt();
    if (batchSize < 1 || batchSize > MaxSqsBatchSize)
        return std::unexpected(Errors::validation(QString::number(batchSize),
            u"batchSize"_s,
            batchSize < 1 ? u"Member must have value greater than or equal to 1"_s
                          : u"Member must have value less than or equal to 10000"_s));
    if (window < 0 || window > MaxBatchingWindowSeconds)
        return std::unexpected(Errors::validation(QString::number(window),
            u"maximumBatchingWindowInSeconds"_s,
            u"Member must have value less than or equal to 300"_s));
    if (!stream && batchSize > 10 && window < 1)
        return std::unexpected(Errors::invalidParameter(
            u"Maximum batch window in seconds must be greater than 0 if maximum batch size is "
            u"greater than 10"_s));
    for (const QJsonValue &type : mapping.value(u"FunctionResponseTypes"_s).toArray()) {
        if (type.toString() != u"ReportBatchItemFailures"_s)
            return std::unexpected(Errors::validation(type.toString(),
                u"functionResponseTypes"_s,
                u"Member must satisfy enum value set: [ReportBatchItemFailures]"_s));
    }
    return {};
}

// Create/UpdateEventSourceMapping (SQS): a message must stay invisible for as long as the
// function may run on it, so the function's timeout may not exceed the queue's visibility timeout.
Status LambdaService::checkVisibilityTimeout(
    const QString &queueArn, const FunctionConfiguration &function) const
{
    if (!m_queueSource || !m_queueSource->queueExists(queueArn))
        return {};
    const int visibility = m_queueSource->visibilityTimeoutSeconds(queueArn);
    if (function.timeout > visibility)
        return std::unexpected(Errors::invalidParameter(
            u"Queue visibility timeout: %1 seconds is less than Function timeout: %2 seconds"_s
                .arg(visibility)
                .arg(function.timeout)));
    return {};
}

Result<QJsonObject> LambdaService::createEventSourceMapping(const QJsonObject &input)
{
    const QString sourceArn = input.value(u"EventSourceArn"_s).toString();
    static const QRegularExpression streamArn(
        u"^arn:aws[a-zA-Z-]*:dynamodb:[^:]+:\\d{12}:table/[^/]+/stream/.+$"_s);
    if (streamArn.match(sourceArn).hasMatch())
        return createStreamMapping(input);
    static const QRegularExpression sqsArn(u"^arn:aws[a-zA-Z-]*:sqs:[^:]+:\\d{12}:[^:]+$"_s);
    if (!sqsArn.match(sourceArn).hasMatch())
        return std::unexpected(Errors::invalidParameter(
            u"Cloudbench supports event source mappings from SQS queues and DynamoDB streams "
            u"only; EventSourceArn must be an SQS queue or DynamoDB stream ARN."_s));
    const auto target = resolveTarget(input.value(u"FunctionName"_s).toString(), {});
    if (!target)
        return std::unexpected(target.error());
    if (m_queueSource && !m_queueSource->queueExists(sourceArn))
        return std::unexpected(Errors::invalidParameter(
            u"Error occurred while ReceiveMessage. SQS Error Code: "
            u"AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue "
            u"does not exist for this wsdl version."_s));
    if (input.contains(u"StartingPosition"_s))
        return std::unexpected(
            Errors::invalidParameter(u"StartingPosition is not valid for SQS event sources."_s));
    if (auto fits = checkVisibilityTimeout(sourceArn, target->config); !fits)
        return std::unexpected(fits.error());
    if (const auto uuid = mappingFrom(target->config.functionName, sourceArn))
        return std::unexpected(Errors::conflict(
            u"An event source mapping with SQS arn (\" %1 \") and function (\" %2 \") "
            u"already exists. Please update or delete the existing mapping with UUID %3"_s.arg(
                sourceArn, target->config.functionName, *uuid)));
    QJsonObject mapping{
        {u"UUID"_s, Ids::requestId()},
        {u"BatchSize"_s, DefaultSqsBatchSize},
        {u"MaximumBatchingWindowInSeconds"_s, 0},
        {u"EventSourceArn"_s, sourceArn},
        {u"FunctionArn"_s, target->invokedArn},
        {u"LastModified"_s, double(m_clock->nowMs()) / 1000.0},
        {u"StateTransitionReason"_s, u"USER_INITIATED"_s},
        {u"FunctionResponseTypes"_s, QJsonArray()},
    };
    if (auto valid = applyMappingSettings(mapping, input, false); !valid)
        return std::unexpected(valid.error());
    const bool enabled = input.value(u"Enabled"_s).toBool(true);
    mapping.insert(u"State"_s, enabled ? u"Enabled"_s : u"Disabled"_s);
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putMapping(mapping.value(u"UUID"_s).toString(), target->config.functionName, mapping);
    transaction.commit();
    m_changes->touch();
    QJsonObject answer = mapping;
    answer.insert(u"State"_s, enabled ? u"Creating"_s : u"Disabled"_s);
    return answer;
}

Result<QJsonObject> LambdaService::getEventSourceMapping(const QString &uuid) const
{
    auto mapping = m_store->mapping(uuid);
    if (!mapping)
        return std::unexpected(mappingNotFound());
    return publicMapping(*mapping);
}

Result<QJsonObject> LambdaService::updateEventSourceMapping(
    const QString &uuid, const QJsonObject &input)
{
    auto mapping = m_store->mapping(uuid);
    if (!mapping)
        return std::unexpected(mappingNotFound());
    const bool stream = mapping->contains(u"StartingPosition"_s);
    QString function = mapping->value(u"FunctionArn"_s).toString().section(u':', 6, 6);
    if (input.contains(u"FunctionName"_s)) {
        const auto target = resolveTarget(input.value(u"FunctionName"_s).toString(), {});
        if (!target)
            return std::unexpected(target.error());
        if (auto fits = checkVisibilityTimeout(
                mapping->value(u"EventSourceArn"_s).toString(), target->config);
            !fits)
            return std::unexpected(fits.error());
        function = target->config.functionName;
        mapping->insert(u"FunctionArn"_s, target->invokedArn);
    }
    if (auto valid = applyMappingSettings(*mapping, input, stream); !valid)
        return std::unexpected(valid.error());
    if (stream) {
        if (auto valid = applyStreamSettings(*mapping, input); !valid)
            return std::unexpected(valid.error());
    }
    if (input.contains(u"Enabled"_s))
        mapping->insert(
            u"State"_s, input.value(u"Enabled"_s).toBool() ? u"Enabled"_s : u"Disabled"_s);
    mapping->insert(u"LastModified"_s, double(m_clock->nowMs()) / 1000.0);
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putMapping(uuid, function, *mapping);
    transaction.commit();
    m_changes->touch();
    return publicMapping(*mapping);
}

Result<QJsonObject> LambdaService::deleteEventSourceMapping(const QString &uuid)
{
    auto mapping = m_store->mapping(uuid);
    if (!mapping)
        return std::unexpected(mappingNotFound());
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->deleteMapping(uuid);
    transaction.commit();
    m_changes->touch();
    m_streamRetries.remove(uuid);
    mapping->insert(u"State"_s, u"Deleting"_s);
    return publicMapping(*mapping);
}

Result<QList<QJsonObject>> LambdaService::listEventSourceMappings(
    const QString &function, const QString &eventSourceArn) const
{
    QString name;
    if (!function.isEmpty()) {
        const auto resolved = resolveName(function, nullptr);
        if (!resolved)
            return std::unexpected(resolved.error());
        name = *resolved;
    }
    QList<QJsonObject> list = m_store->mappings(name);
    if (!eventSourceArn.isEmpty())
        list.removeIf([&](const QJsonObject &mapping) {
            return mapping.value(u"EventSourceArn"_s).toString() != eventSourceArn;
        });
    for (QJsonObject &mapping : list)
        mapping = publicMapping(mapping);
    return list;
}

void LambdaService::pollEventSources()
{
    for (const QJsonObject &mapping : m_store->mappings({})) {
        const QString uuid = mapping.value(u"UUID"_s).toString();
        if (mapping.value(u"State"_s).toString() != u"Enabled"_s
            || m_pollingMappings.contains(uuid))
            continue;
        if (mapping.contains(u"StartingPosition"_s)) {
            if (m_streamSource)
                pollStreamMapping(mapping);
            continue;
        }
        if (!m_queueSource)
            continue;
        const QString function = mapping.value(u"FunctionArn"_s).toString().section(u':', 6, 6);
        const auto target = resolveTarget(function, {});
        if (!target || concurrencyBlock(function))
            continue;
        const QString queueArn = mapping.value(u"EventSourceArn"_s).toString();
        const QList<QueueMessage> messages =
            m_queueSource->receive(queueArn, mapping.value(u"BatchSize"_s).toInt());
        if (messages.isEmpty())
            continue;
        QJsonArray records;
        for (const QueueMessage &message : messages) {
            QJsonObject attributes;
            for (auto it = message.attributes.cbegin(); it != message.attributes.cend(); ++it)
                attributes.insert(it.key(), it.value());
            records.append(QJsonObject{
                {u"messageId"_s, message.messageId},
                {u"receiptHandle"_s, message.receiptHandle},
                {u"body"_s, message.body},
                {u"attributes"_s, attributes},
                {u"messageAttributes"_s, message.messageAttributes},
                {u"md5OfBody"_s, message.md5OfBody},
                {u"eventSource"_s, u"aws:sqs"_s},
                {u"eventSourceARN"_s, queueArn},
                {u"awsRegion"_s, m_region},
            });
        }
        const bool reportFailures = mapping.value(u"FunctionResponseTypes"_s)
                                        .toArray()
                                        .contains(QJsonValue(u"ReportBatchItemFailures"_s));
        // A batch of messages sent from a chain of invocations that reached the limit is not run:
        // the messages become visible again and the queue's redrive policy moves them on.
        int lineage = 0;
        for (const QueueMessage &message : messages)
            lineage = std::max(
                lineage, Tracing::lineageCount(message.attributes.value(u"AWSTraceHeader"_s)));
        if (dropsRecursion(target->config.functionName, target->qualifier, lineage))
            continue;
        m_pollingMappings.insert(uuid);
        startInvocation(*target,
            QJsonDocument(QJsonObject{{u"Records"_s, records}}).toJson(QJsonDocument::Compact),
            Ids::requestId(),
            false,
            lineage,
            [this, uuid, queueArn, messages, reportFailures](Result<InvocationResult> result) {
                m_pollingMappings.remove(uuid);
                if (!m_queueSource || !result || !result->functionError.isEmpty())
                    return; // the batch becomes visible again after the visibility timeout
                QStringList failed;
                if (reportFailures) {
                    const QJsonArray failures = QJsonDocument::fromJson(result->payload)
                                                    .object()
                                                    .value(u"batchItemFailures"_s)
                                                    .toArray();
                    for (const QJsonValue &failure : failures)
                        failed.append(failure.toObject().value(u"itemIdentifier"_s).toString());
                }
                QStringList handles;
                for (const QueueMessage &message : messages) {
                    if (!failed.contains(message.messageId))
                        handles.append(message.receiptHandle);
                }
                if (!handles.isEmpty())
                    m_queueSource->deleteMessages(queueArn, handles);
            });
    }
}

std::optional<QString> LambdaService::mappingFrom(
    const QString &functionName, const QString &sourceArn) const
{
    for (const QJsonObject &existing : m_store->mappings(functionName)) {
        if (existing.value(u"EventSourceArn"_s).toString() == sourceArn)
            return existing.value(u"UUID"_s).toString();
    }
    return std::nullopt;
}

} // namespace Core::Lambda
