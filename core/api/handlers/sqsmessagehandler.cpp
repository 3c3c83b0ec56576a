// SPDX-License-Identifier: MIT
// SqsHandler: the message operations.
#include "core/api/handlers/sqshandler.h"

#include "core/api/handlers/sqswire.h"
#include "core/sqs/sqsattributes.h"
#include "core/sqs/sqserrors.h"
#include "core/sqs/sqsservice.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

Result<Sqs::SendMessageInput> sendInput(const QJsonObject &input)
{
    Sqs::SendMessageInput send;
    auto body = SqsWire::string(input, u"MessageBody"_s, true);
    if (!body)
        return std::unexpected(body.error());
    send.body = *body;
    auto delay = SqsWire::integer(input, u"DelaySeconds"_s);
    if (!delay)
        return std::unexpected(delay.error());
    if (*delay && **delay < 0)
        return std::unexpected(Sqs::Errors::invalidParameterValue(
            u"Value %1 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 "
            u"and <= 900."_s.arg(**delay)));
    send.delaySeconds = delay->value_or(-1);
    auto attributes = SqsWire::messageAttributes(input, u"MessageAttributes"_s);
    if (!attributes)
        return std::unexpected(attributes.error());
    send.attributes = *attributes;
    auto system = SqsWire::messageAttributes(input, u"MessageSystemAttributes"_s);
    if (!system)
        return std::unexpected(system.error());
    send.systemAttributes = *system;
    auto group = SqsWire::string(input, u"MessageGroupId"_s);
    auto dedup = SqsWire::string(input, u"MessageDeduplicationId"_s);
    if (!group)
        return std::unexpected(group.error());
    if (!dedup)
        return std::unexpected(dedup.error());
    send.groupId = *group;
    send.deduplicationId = *dedup;
    return send;
}

// A message sent with an X-Amzn-Trace-Id header (an SDK in a Lambda function, X-Ray) keeps it as
// its AWSTraceHeader system attribute, unless the request sets that attribute itself; Lambda's
// recursive loop detection reads it from there.
void keepTraceHeader(Sqs::SendMessageInput &input, const HttpRequest &http)
{
    const QByteArray trace = http.header("x-amzn-trace-id");
    if (trace.isEmpty() || input.systemAttributes.contains(u"AWSTraceHeader"_s))
        return;
    Sqs::MessageAttributeValue value;
    value.dataType = u"String"_s;
    value.stringValue = QString::fromLatin1(trace);
    input.systemAttributes.insert(u"AWSTraceHeader"_s, value);
}

AwsError listValuesUnsupported(const QString &operation)
{
    return Sqs::Errors::unsupportedOperation(
        u"Message attribute list values in %1 operation are not supported."_s.arg(operation));
}

QJsonObject sendResult(const Sqs::SendMessageOutput &output, bool batch)
{
    QJsonObject result{
        {u"MessageId"_s, output.messageId},
        {u"MD5OfMessageBody"_s, output.md5OfBody},
    };
    if (batch)
        result.insert(u"Id"_s, output.id);
    if (!output.md5OfAttributes.isEmpty())
        result.insert(u"MD5OfMessageAttributes"_s, output.md5OfAttributes);
    if (!output.md5OfSystemAttributes.isEmpty())
        result.insert(u"MD5OfMessageSystemAttributes"_s, output.md5OfSystemAttributes);
    if (!output.sequenceNumber.isEmpty())
        result.insert(u"SequenceNumber"_s, output.sequenceNumber);
    return result;
}

QJsonObject failedEntry(const QString &id, const AwsError &error)
{
    return {{u"Id"_s, id},
        {u"SenderFault"_s, error.senderFault},
        {u"Code"_s, error.code},
        {u"Message"_s, error.message}};
}

// The entry ids of a batch request, checked as AWS checks them before any entry runs.
Result<QList<QJsonObject>> batchEntries(const QJsonObject &input, const QString &entryName)
{
    auto list = SqsWire::entries(input);
    if (!list)
        return std::unexpected(list.error());
    QStringList ids;
    for (const QJsonObject &entry : *list)
        ids.append(entry.value(u"Id"_s).toString());
    if (auto valid = Sqs::SqsService::validateBatch(ids, entryName); !valid)
        return std::unexpected(valid.error());
    return list;
}

} // namespace

void SqsHandler::sendMessage(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    if (SqsWire::hasListValues(call.input)) {
        fail(call, listValuesUnsupported(call.operation));
        return;
    }
    CB_SQS_TRY(input, sendInput(call.input));
    keepTraceHeader(*input, call.request.http);
    CB_SQS_TRY(output, m_service->sendMessage(*name, *input));
    reply(call, sendResult(*output, false));
}

void SqsHandler::sendMessageBatch(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(queue, m_service->queue(*name));
    CB_SQS_TRY(list, batchEntries(call.input, u"SendMessageBatchRequestEntry"_s));
    for (const QJsonObject &entry : *list) {
        if (SqsWire::hasListValues(entry)) {
            fail(call, listValuesUnsupported(call.operation));
            return;
        }
    }
    QList<std::pair<QString, Result<Sqs::SendMessageInput>>> inputs;
    qint64 total = 0;
    for (const QJsonObject &entry : *list) {
        auto input = sendInput(entry);
        if (input) {
            input->id = entry.value(u"Id"_s).toString();
            keepTraceHeader(*input, call.request.http);
            total += Sqs::Rules::messageSize(input->body, input->attributes);
        }
        inputs.append({entry.value(u"Id"_s).toString(), std::move(input)});
    }
    if (total > Sqs::Rules::MaxMessageSizeLimit) {
        fail(call, Sqs::Errors::batchRequestTooLong(total));
        return;
    }
    // SendMessageBatch: each entry succeeds or fails on its own (its own savepoint).
    QJsonArray successful;
    QJsonArray failed;
    for (const auto &[id, input] : inputs) {
        if (!input) {
            failed.append(failedEntry(id, input.error()));
            continue;
        }
        auto output = m_service->sendMessage(*name, *input);
        if (output)
            successful.append(sendResult(*output, true));
        else
            failed.append(failedEntry(id, output.error()));
    }
    reply(call, {{u"Successful"_s, successful}, {u"Failed"_s, failed}});
}

void SqsHandler::receiveMessage(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(maxMessages, SqsWire::integer(call.input, u"MaxNumberOfMessages"_s));
    CB_SQS_TRY(visibility, SqsWire::integer(call.input, u"VisibilityTimeout"_s));
    CB_SQS_TRY(wait, SqsWire::integer(call.input, u"WaitTimeSeconds"_s));
    CB_SQS_TRY(attributeNames, SqsWire::stringList(call.input, u"AttributeNames"_s));
    CB_SQS_TRY(systemNames, SqsWire::stringList(call.input, u"MessageSystemAttributeNames"_s));
    CB_SQS_TRY(messageAttributeNames, SqsWire::stringList(call.input, u"MessageAttributeNames"_s));
    CB_SQS_TRY(attemptId, SqsWire::string(call.input, u"ReceiveRequestAttemptId"_s));
    Sqs::ReceiveMessageInput input;
    input.maxNumberOfMessages = maxMessages->value_or(1);
    input.visibilityTimeout = *visibility;
    input.waitTimeSeconds = *wait;
    input.attributeNames = *attributeNames + *systemNames;
    input.messageAttributeNames = *messageAttributeNames;
    input.receiveRequestAttemptId = *attemptId;
    // The call (with its Responder) lives in the callback until the long poll ends.
    m_service->receiveMessageWait(*name, input, [call](Result<QList<Sqs::Message>> result) mutable {
        if (!result) {
            fail(call, result.error());
            return;
        }
        QJsonObject answer;
        if (!result->isEmpty()) {
            QJsonArray messages;
            for (const Sqs::Message &message : *result)
                messages.append(SqsWire::messageToJson(message));
            answer.insert(u"Messages"_s, messages);
        }
        reply(call, answer);
    });
}

void SqsHandler::deleteMessage(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(handle, SqsWire::string(call.input, u"ReceiptHandle"_s, true));
    CB_SQS_TRY(deleted, m_service->deleteMessage(*name, *handle));
    reply(call, {});
}

void SqsHandler::deleteMessageBatch(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(queue, m_service->queue(*name));
    CB_SQS_TRY(list, batchEntries(call.input, u"DeleteMessageBatchRequestEntry"_s));
    QJsonArray successful;
    QJsonArray failed;
    for (const QJsonObject &entry : *list) {
        const QString id = entry.value(u"Id"_s).toString();
        auto handle = SqsWire::string(entry, u"ReceiptHandle"_s, true);
        auto deleted = handle ? m_service->deleteMessage(*name, *handle)
                              : Status(std::unexpected(handle.error()));
        if (deleted)
            successful.append(QJsonObject{{u"Id"_s, id}});
        else
            failed.append(failedEntry(id, deleted.error()));
    }
    reply(call, {{u"Successful"_s, successful}, {u"Failed"_s, failed}});
}

void SqsHandler::changeMessageVisibility(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(handle, SqsWire::string(call.input, u"ReceiptHandle"_s, true));
    CB_SQS_TRY(timeout, SqsWire::integer(call.input, u"VisibilityTimeout"_s));
    if (!*timeout) {
        fail(call, Sqs::Errors::missingParameter(u"VisibilityTimeout"_s));
        return;
    }
    CB_SQS_TRY(changed, m_service->changeMessageVisibility(*name, *handle, **timeout));
    reply(call, {});
}

void SqsHandler::changeMessageVisibilityBatch(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(queue, m_service->queue(*name));
    CB_SQS_TRY(list, batchEntries(call.input, u"ChangeMessageVisibilityBatchRequestEntry"_s));
    QJsonArray successful;
    QJsonArray failed;
    for (const QJsonObject &entry : *list) {
        const QString id = entry.value(u"Id"_s).toString();
        Status changed;
        auto handle = SqsWire::string(entry, u"ReceiptHandle"_s, true);
        auto timeout = SqsWire::integer(entry, u"VisibilityTimeout"_s);
        if (!handle)
            changed = std::unexpected(handle.error());
        else if (!timeout)
            changed = std::unexpected(timeout.error());
        else
            changed = m_service->changeMessageVisibility(*name, *handle, timeout->value_or(0));
        if (changed)
            successful.append(QJsonObject{{u"Id"_s, id}});
        else
            failed.append(failedEntry(id, changed.error()));
    }
    reply(call, {{u"Successful"_s, successful}, {u"Failed"_s, failed}});
}

} // namespace Core::Api
