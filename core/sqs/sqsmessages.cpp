// SPDX-License-Identifier: MIT
// SqsService: the message operations (send, receive, delete, visibility) and DLQ redrive on
// receive.
#include "core/sqs/sqsservice.h"

#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/common/metricsink.h"
#include "core/sqs/sqsattributes.h"
#include "core/sqs/sqserrors.h"
#include "core/sqs/sqsstore.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Core::Sqs {

namespace {

// A receipt handle names the message row and the receive it came from: base64 of
// "<row id>:<queue id>:<32 hex>". A new receive writes a new token, so older handles go stale.
QString makeReceiptHandle(qint64 rowId, qint64 queueId)
{
    const QByteArray raw = QByteArray::number(rowId) + ':' + QByteArray::number(queueId) + ':'
        + Ids::randomHex(32).toLatin1();
    return QString::fromLatin1(raw.toBase64());
}

struct ReceiptParts
{
    qint64 rowId = 0;
    qint64 queueId = 0;
};

std::optional<ReceiptParts> parseReceiptHandle(const QString &handle)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(handle.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || handle.isEmpty())
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 3 || parts.at(2).size() != 32)
        return std::nullopt;
    bool rowOk = false;
    bool queueOk = false;
    ReceiptParts result{parts.at(0).toLongLong(&rowOk), parts.at(1).toLongLong(&queueOk)};
    if (!rowOk || !queueOk)
        return std::nullopt;
    return result;
}

AwsError invalidParameter(const QString &parameter, const QString &value, const QString &reason)
{
    return Errors::invalidParameterValue(
        u"Value %1 for parameter %2 is invalid. Reason: %3"_s.arg(value, parameter, reason));
}

AwsError storageFailure()
{
    return CommonErrors::internalFailure(u"The queue store could not be written."_s);
}

const QRegularExpression &idPattern()
{
    // MessageGroupId, MessageDeduplicationId, ReceiveRequestAttemptId: 1-128 of alphanumeric
    // and punctuation characters.
    static const QRegularExpression pattern(u"^[\\x21-\\x7E]{1,128}$"_s);
    return pattern;
}

QString attemptKey(qint64 queueId, const QString &attemptId)
{
    return QString::number(queueId) + u'\n' + attemptId;
}

} // namespace

Status SqsService::validateBatch(const QStringList &entryIds, const QString &entryName)
{
    if (entryIds.isEmpty())
        return std::unexpected(Errors::emptyBatchRequest(entryName));
    if (entryIds.size() > Rules::MaxBatchEntries)
        return std::unexpected(Errors::tooManyEntriesInBatchRequest(int(entryIds.size())));
    QSet<QString> seen;
    for (const QString &id : entryIds) {
        if (!Rules::isValidBatchEntryId(id))
            return std::unexpected(Errors::invalidBatchEntryId());
        if (seen.contains(id))
            return std::unexpected(Errors::batchEntryIdsNotDistinct(id));
        seen.insert(id);
    }
    return {};
}

Result<SendMessageOutput> SqsService::sendMessage(
    const QString &queueName, const SendMessageInput &input)
{
    const Queue *queue = findQueue(queueName);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    if (input.body.isEmpty())
        return std::unexpected(Errors::missingParameter(u"MessageBody"_s));
    if (auto valid = Rules::validateBody(input.body); !valid)
        return std::unexpected(valid.error());
    if (auto valid = Rules::validateMessageAttributes(input.attributes); !valid)
        return std::unexpected(valid.error());
    if (auto valid = Rules::validateMessageAttributes(input.systemAttributes, true); !valid)
        return std::unexpected(valid.error());
    const qint64 size = Rules::messageSize(input.body, input.attributes);
    if (size > queue->maximumMessageSize())
        return std::unexpected(Errors::invalidParameterValue(
            u"One or more parameters are invalid. Reason: Message must be shorter than %1 bytes."_s
                .arg(queue->maximumMessageSize())));
    int delay = queue->delaySeconds();
    if (input.delaySeconds >= 0) {
        if (queue->fifo)
            return std::unexpected(invalidParameter(u"DelaySeconds"_s,
                QString::number(input.delaySeconds),
                u"The request include parameter that is not valid for this queue type."_s));
        if (input.delaySeconds > 900)
            return std::unexpected(invalidParameter(u"DelaySeconds"_s,
                QString::number(input.delaySeconds),
                u"DelaySeconds must be >= 0 and <= 900."_s));
        delay = input.delaySeconds;
    }
    const QRegularExpression &groupPattern = idPattern();
    if (queue->fifo) {
        if (input.groupId.isEmpty())
            return std::unexpected(Errors::missingParameter(u"MessageGroupId"_s));
        if (input.deduplicationId.isEmpty() && !queue->contentBasedDeduplication())
            return std::unexpected(Errors::invalidParameterValue(
                u"The queue should either have ContentBasedDeduplication enabled or "
                u"MessageDeduplicationId provided explicitly"_s));
    } else if (!input.deduplicationId.isEmpty()) {
        return std::unexpected(invalidParameter(u"MessageDeduplicationId"_s,
            input.deduplicationId,
            u"The request include parameter that is not valid for this queue type."_s));
    }
    if (!input.groupId.isEmpty() && !groupPattern.match(input.groupId).hasMatch())
        return std::unexpected(invalidParameter(u"MessageGroupId"_s,
            input.groupId,
            u"MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 "
            u"in length."_s));
    if (!input.deduplicationId.isEmpty() && !groupPattern.match(input.deduplicationId).hasMatch())
        return std::unexpected(invalidParameter(u"MessageDeduplicationId"_s,
            input.deduplicationId,
            u"MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 "
            u"to 128 in length."_s));

    const qint64 now = nowMs();
    SendMessageOutput output;
    output.id = input.id;
    output.md5OfBody = Rules::md5OfBody(input.body);
    output.md5OfAttributes = Rules::md5OfMessageAttributes(input.attributes);
    output.md5OfSystemAttributes = Rules::md5OfMessageAttributes(input.systemAttributes);

    // A standard queue's send is one INSERT, atomic on its own; FIFO adds the sequence number and
    // the deduplication entry, which must commit with it.
    std::optional<Storage::SqlTransaction> transaction;
    if (queue->fifo)
        transaction.emplace(m_database.connection());
    QString dedupKey;
    if (queue->fifo) {
        const QString dedupId = input.deduplicationId.isEmpty()
            ? Rules::contentDeduplicationId(input.body)
            : input.deduplicationId;
        dedupKey = queue->perGroupDeduplication() ? input.groupId + u'\n' + dedupId : dedupId;
        // SendMessage on FIFO: a duplicate within five minutes is accepted but not enqueued;
        // the answer repeats the first message's id and sequence number.
        if (const auto existing = m_store->dedup(queue->id, dedupKey, now)) {
            output.messageId = existing->messageId;
            output.sequenceNumber = QString::number(existing->sequence).rightJustified(20, u'0');
            return output;
        }
    }

    Message message;
    message.messageId = Ids::uuid();
    message.body = input.body;
    message.attributes = input.attributes;
    message.systemAttributes = input.systemAttributes;
    message.md5OfBody = output.md5OfBody;
    message.md5OfAttributes = output.md5OfAttributes;
    message.sentMs = now;
    message.visibleAtMs = now + qint64(delay) * 1000;
    message.expiresAtMs = now + qint64(queue->retentionSeconds()) * 1000;
    message.groupId = input.groupId;
    if (queue->fifo) {
        message.deduplicationId = input.deduplicationId.isEmpty()
            ? Rules::contentDeduplicationId(input.body)
            : input.deduplicationId;
        const qint64 sequence = m_store->nextSequence(queue->id);
        message.sequenceNumber = QString::number(sequence).rightJustified(20, u'0');
        if (sequence <= 0
            || !m_store->insertDedup(queue->id,
                dedupKey,
                now + Rules::DeduplicationWindowMs,
                {message.messageId, sequence}))
            return std::unexpected(storageFailure());
    }
    if (!m_store->insertMessage(queue->id, message) || (transaction && !transaction->commit()))
        return std::unexpected(storageFailure());
    output.messageId = message.messageId;
    output.sequenceNumber = message.sequenceNumber;
    reportMetric(queueName, u"NumberOfMessagesSent"_s, 1, u"Count"_s);
    reportMetric(queueName, u"SentMessageSize"_s, double(size), u"Bytes"_s);
    touchMessages(queueName);
    if (delay == 0)
        wakeWaiters(queueName);
    return output;
}

Result<QList<Message>> SqsService::receiveMessage(
    const QString &queueName, const ReceiveMessageInput &input)
{
    auto result = checkedReceive(queueName, input);
    reportReceive(queueName, result);
    return result;
}

void SqsService::reportReceive(const QString &queueName, const Result<QList<Message>> &result)
{
    if (!m_metricSink || !result)
        return;
    if (result->isEmpty())
        reportMetric(queueName, u"NumberOfEmptyReceives"_s, 1, u"Count"_s);
    for (qsizetype i = 0; i < result->size(); ++i)
        reportMetric(queueName, u"NumberOfMessagesReceived"_s, 1, u"Count"_s);
}

void SqsService::reportMetric(
    const QString &queueName, const QString &metric, double value, const QString &unit)
{
    if (!m_metricSink)
        return;
    m_metricSink->putMetric(
        u"AWS/SQS"_s, metric, {{u"QueueName"_s, queueName}}, value, unit, nowMs());
}

Result<QList<Message>> SqsService::checkedReceive(
    const QString &queueName, const ReceiveMessageInput &input)
{
    const Queue *queue = findQueue(queueName);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    if (input.maxNumberOfMessages < 1 || input.maxNumberOfMessages > 10)
        return std::unexpected(invalidParameter(u"MaxNumberOfMessages"_s,
            QString::number(input.maxNumberOfMessages),
            u"Must be between 1 and 10, if provided."_s));
    if (input.visibilityTimeout
        && (*input.visibilityTimeout > 43200 || *input.visibilityTimeout < 0))
        return std::unexpected(invalidParameter(u"VisibilityTimeout"_s,
            QString::number(*input.visibilityTimeout),
            u"Must be between 0 and 43200, if provided."_s));
    if (input.waitTimeSeconds && (*input.waitTimeSeconds > 20 || *input.waitTimeSeconds < 0))
        return std::unexpected(invalidParameter(u"WaitTimeSeconds"_s,
            QString::number(*input.waitTimeSeconds),
            u"Must be >= 0 and <= 20, if provided."_s));
    static const QStringList systemNames{u"All"_s,
        u"SenderId"_s,
        u"SentTimestamp"_s,
        u"ApproximateReceiveCount"_s,
        u"ApproximateFirstReceiveTimestamp"_s,
        u"SequenceNumber"_s,
        u"MessageDeduplicationId"_s,
        u"MessageGroupId"_s,
        u"AWSTraceHeader"_s,
        u"DeadLetterQueueSourceArn"_s,
        u"Policy"_s,
        u"VisibilityTimeout"_s,
        u"MaximumMessageSize"_s,
        u"MessageRetentionPeriod"_s,
        u"ApproximateNumberOfMessages"_s,
        u"ApproximateNumberOfMessagesNotVisible"_s,
        u"CreatedTimestamp"_s,
        u"LastModifiedTimestamp"_s,
        u"QueueArn"_s,
        u"ApproximateNumberOfMessagesDelayed"_s,
        u"DelaySeconds"_s,
        u"ReceiveMessageWaitTimeSeconds"_s,
        u"RedrivePolicy"_s,
        u"FifoQueue"_s,
        u"ContentBasedDeduplication"_s};
    for (const QString &name : input.attributeNames) {
        if (!systemNames.contains(name))
            return std::unexpected(Errors::invalidAttributeName(name));
    }
    if (!input.receiveRequestAttemptId.isEmpty()
        && !idPattern().match(input.receiveRequestAttemptId).hasMatch())
        return std::unexpected(invalidParameter(u"ReceiveRequestAttemptId"_s,
            input.receiveRequestAttemptId,
            u"ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 "
            u"to 128 in length."_s));
    return receiveNow(*queue, input);
}

bool SqsService::redriveToDeadLetterQueue(const Queue &queue, Message &message, qint64 nowMs)
{
    const int maxReceiveCount = queue.maxReceiveCount();
    if (maxReceiveCount <= 0 || message.receiveCount < maxReceiveCount)
        return false;
    const Queue *target = findQueueByArn(queue.deadLetterTargetArn());
    if (!target)
        return false; // AWS keeps the message when the dead-letter queue is gone
    // A dead-lettered message keeps its id. Standard queues keep its original enqueue time for
    // retention; FIFO queues reset it, and the message's id becomes its deduplication id (AWS:
    // "Using dead-letter queues", FIFO).
    SqsStore::Move move;
    move.toQueueId = target->id;
    move.visibleAtMs = nowMs;
    move.deadLetterSource = queueArn(queue.name);
    const qint64 enqueued = target->fifo ? nowMs : message.sentMs;
    move.expiresAtMs = enqueued + qint64(target->retentionSeconds()) * 1000;
    if (target->fifo)
        move.dedupId = message.messageId;
    m_store->moveMessage(message.rowId, move);
    touchMessages(target->name);
    wakeWaiters(target->name);
    return true;
}

Result<QList<Message>> SqsService::receiveNow(const Queue &queue, const ReceiveMessageInput &input)
{
    const qint64 now = nowMs();
    if (queue.fifo && !input.receiveRequestAttemptId.isEmpty()) {
        if (auto retried = retryReceive(queue, input, now))
            return std::move(*retried);
    }
    const int visibility = input.visibilityTimeout.value_or(queue.visibilityTimeout());
    int wanted = input.maxNumberOfMessages;
    // In-flight quota: standard queues answer OverLimit, FIFO queues return no messages (AWS
    // documents no error for them). Only counted when the queue holds that many messages.
    if (m_store->messageCount(queue.id) >= Rules::MaxInFlightMessages) {
        const qint64 inFlight = m_store->inFlightCount(queue.id, now);
        if (inFlight >= Rules::MaxInFlightMessages) {
            if (queue.fifo)
                return QList<Message>();
            return std::unexpected(Errors::overLimit(
                u"Too many messages have been received without being deleted. Please delete your "
                u"received messages or let them timeout before receiving more."_s));
        }
        wanted = int(std::min<qint64>(wanted, Rules::MaxInFlightMessages - inFlight));
    }
    Storage::SqlTransaction transaction(m_database.connection());
    if (m_store->deleteExpired(queue.id, now) > 0)
        touchMessages(queue.name);

    QList<Message> taken;
    // Candidates that went to the dead-letter queue are replaced by the next ones; bounded so a
    // receive never walks a whole queue.
    for (int round = 0; round < 20 && taken.size() < wanted; ++round) {
        QList<Message> candidates;
        if (queue.fifo) {
            for (const Message &head : m_store->fifoGroupHeads(queue.id, now, wanted)) {
                if (candidates.size() >= wanted)
                    break;
                candidates.append(head);
                for (const Message &next : m_store->groupFollowers(
                         queue.id, head.groupId, head.rowId, wanted - int(candidates.size()))) {
                    if (next.visibleAtMs > now)
                        break;
                    candidates.append(next);
                }
            }
        } else {
            candidates = m_store->visibleMessages(queue.id, now, wanted - int(taken.size()));
        }
        if (candidates.isEmpty())
            break;
        bool redrove = false;
        for (Message &message : candidates) {
            if (taken.size() >= wanted)
                break;
            if (redriveToDeadLetterQueue(queue, message, now)) {
                redrove = true;
                if (queue.fifo)
                    break; // the group's order continues with its next message
                continue;
            }
            message.receiveCount += 1;
            message.received = true;
            if (message.firstReceiveMs == 0)
                message.firstReceiveMs = now;
            message.receiptHandle = makeReceiptHandle(message.rowId, queue.id);
            message.receiptMs = now;
            message.visibleAtMs = now + qint64(visibility) * 1000;
            if (!m_store->markReceived(message))
                return std::unexpected(storageFailure());
            taken.append(presentMessage(message, input));
        }
        if (!redrove)
            break;
    }
    if (!transaction.commit())
        return std::unexpected(storageFailure());
    if (!taken.isEmpty())
        touchMessages(queue.name);
    if (queue.fifo && !input.receiveRequestAttemptId.isEmpty() && !taken.isEmpty())
        rememberReceive(queue, input, taken, now);
    return taken;
}

// ReceiveMessage with a ReceiveRequestAttemptId seen in the last 5 minutes (FIFO): the same
// messages with the same receipt handles and a fresh visibility timeout, as long as none was
// deleted, received again or had its visibility changed since; otherwise AWS's error.
std::optional<Result<QList<Message>>> SqsService::retryReceive(
    const Queue &queue, const ReceiveMessageInput &input, qint64 nowMs)
{
    const QString key = attemptKey(queue.id, input.receiveRequestAttemptId);
    const auto found = m_receiveAttempts.find(key);
    if (found == m_receiveAttempts.end())
        return std::nullopt;
    if (found->expiresMs <= nowMs) {
        m_receiveAttempts.erase(found);
        return std::nullopt;
    }
    QList<Message> messages;
    for (const ReceiveAttempt::Entry &entry : std::as_const(found->entries)) {
        const auto message = m_store->message(entry.rowId);
        if (!message || message->receiptHandle != entry.receiptHandle
            || message->visibleAtMs != entry.visibleAtMs)
            return Result<QList<Message>>(std::unexpected(invalidParameter(
                u"ReceiveRequestAttemptId"_s,
                input.receiveRequestAttemptId,
                u"The receiveRequestAttemptId is not valid anymore since the receive call is not "
                u"retryable."_s)));
        messages.append(*message);
    }
    const int visibility = input.visibilityTimeout.value_or(queue.visibilityTimeout());
    Storage::SqlTransaction transaction(m_database.connection());
    QList<Message> presented;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        Message &message = messages[i];
        message.visibleAtMs = nowMs + qint64(visibility) * 1000;
        if (!m_store->setVisibleAt(message.rowId, message.visibleAtMs))
            return Result<QList<Message>>(std::unexpected(storageFailure()));
        found->entries[i].visibleAtMs = message.visibleAtMs;
        presented.append(presentMessage(message, input));
    }
    if (!transaction.commit())
        return Result<QList<Message>>(std::unexpected(storageFailure()));
    touchMessages(queue.name);
    return Result<QList<Message>>(presented);
}

void SqsService::rememberReceive(const Queue &queue,
    const ReceiveMessageInput &input,
    const QList<Message> &messages,
    qint64 nowMs)
{
    // Expired attempts are dropped in sweeps, one per 1,024 new attempts.
    if (m_receiveAttempts.size() >= 1024 && m_receiveAttempts.size() % 1024 == 0) {
        for (auto it = m_receiveAttempts.begin(); it != m_receiveAttempts.end();) {
            if (it->expiresMs <= nowMs)
                it = m_receiveAttempts.erase(it);
            else
                ++it;
        }
    }
    ReceiveAttempt attempt;
    attempt.expiresMs = nowMs + Rules::DeduplicationWindowMs;
    for (const Message &message : messages)
        attempt.entries.append({message.rowId, message.receiptHandle, message.visibleAtMs});
    m_receiveAttempts.insert(attemptKey(queue.id, input.receiveRequestAttemptId), attempt);
}

Message SqsService::presentMessage(Message message, const ReceiveMessageInput &input) const
{
    const auto wants = [&input](const QString &name) {
        return input.attributeNames.contains(u"All"_s) || input.attributeNames.contains(name);
    };
    QMap<QString, QString> values;
    if (wants(u"SenderId"_s))
        values.insert(u"SenderId"_s, m_accountId);
    if (wants(u"SentTimestamp"_s))
        values.insert(u"SentTimestamp"_s, QString::number(message.sentMs));
    if (wants(u"ApproximateReceiveCount"_s))
        values.insert(u"ApproximateReceiveCount"_s, QString::number(message.receiveCount));
    if (wants(u"ApproximateFirstReceiveTimestamp"_s))
        values.insert(
            u"ApproximateFirstReceiveTimestamp"_s, QString::number(message.firstReceiveMs));
    if (!message.sequenceNumber.isEmpty() && wants(u"SequenceNumber"_s))
        values.insert(u"SequenceNumber"_s, message.sequenceNumber);
    if (!message.deduplicationId.isEmpty() && wants(u"MessageDeduplicationId"_s))
        values.insert(u"MessageDeduplicationId"_s, message.deduplicationId);
    if (!message.groupId.isEmpty() && wants(u"MessageGroupId"_s))
        values.insert(u"MessageGroupId"_s, message.groupId);
    if (!message.deadLetterSourceArn.isEmpty() && wants(u"DeadLetterQueueSourceArn"_s))
        values.insert(u"DeadLetterQueueSourceArn"_s, message.deadLetterSourceArn);
    const auto trace = message.systemAttributes.constFind(u"AWSTraceHeader"_s);
    if (trace != message.systemAttributes.cend() && wants(u"AWSTraceHeader"_s))
        values.insert(u"AWSTraceHeader"_s, trace->stringValue);
    message.systemAttributeValues = values;

    MessageAttributes selected;
    for (auto it = message.attributes.cbegin(); it != message.attributes.cend(); ++it) {
        if (Rules::attributeNameSelected(input.messageAttributeNames, it.key()))
            selected.insert(it.key(), it.value());
    }
    message.attributes = selected;
    message.md5OfAttributes = Rules::md5OfMessageAttributes(selected);
    return message;
}

Status SqsService::deleteMessage(const QString &queueName, const QString &receiptHandle)
{
    const Queue *queue = findQueue(queueName);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    if (receiptHandle.isEmpty())
        return std::unexpected(Errors::missingParameter(u"ReceiptHandle"_s));
    const auto parts = parseReceiptHandle(receiptHandle);
    if (!parts)
        return std::unexpected(Errors::receiptHandleIsInvalid(receiptHandle));
    // DeleteMessage with a stale handle (the message was received again since) succeeds but
    // leaves the message, as AWS documents; an already deleted message is a success too.
    // NumberOfMessagesDeleted counts every successful deletion with a valid receipt handle,
    // duplicates included, as AWS documents.
    const std::optional<bool> deleted = parts->queueId == queue->id
        ? m_store->deleteReceived(parts->rowId, queue->id, receiptHandle)
        : std::optional<bool>(false);
    if (!deleted)
        return std::unexpected(storageFailure());
    reportMetric(queueName, u"NumberOfMessagesDeleted"_s, 1, u"Count"_s);
    if (!*deleted)
        return {};
    touchMessages(queueName);
    if (queue->fifo)
        wakeWaiters(queueName); // the group's next message is free now
    return {};
}

Status SqsService::changeMessageVisibility(
    const QString &queueName, const QString &receiptHandle, int visibilityTimeout)
{
    const Queue *queue = findQueue(queueName);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    if (receiptHandle.isEmpty())
        return std::unexpected(Errors::missingParameter(u"ReceiptHandle"_s));
    if (visibilityTimeout < 0 || visibilityTimeout > 43200)
        return std::unexpected(invalidParameter(u"VisibilityTimeout"_s,
            QString::number(visibilityTimeout),
            u"Must be between 0 and 43200, if provided."_s));
    const auto parts = parseReceiptHandle(receiptHandle);
    if (!parts)
        return std::unexpected(Errors::receiptHandleIsInvalid(receiptHandle));
    const auto message = m_store->message(parts->rowId);
    if (!message || parts->queueId != queue->id || message->receiptHandle != receiptHandle)
        return std::unexpected(Errors::receiptHandleExpired(receiptHandle));
    const qint64 now = nowMs();
    if (message->visibleAtMs <= now)
        return std::unexpected(Errors::messageNotInflight());
    // ChangeMessageVisibility: at most 12 hours from the ReceiveMessage that issued the handle;
    // extending does not reset that limit.
    const qint64 visibleAt = now + qint64(visibilityTimeout) * 1000;
    if (message->receiptMs > 0
        && visibleAt - message->receiptMs > qint64(Rules::MaxVisibilityTimeoutSeconds) * 1000)
        return std::unexpected(invalidParameter(u"VisibilityTimeout"_s,
            QString::number(visibilityTimeout),
            u"Total VisibilityTimeout for the message is beyond the limit [43200 seconds]"_s));
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setVisibleAt(parts->rowId, visibleAt) || !transaction.commit())
        return std::unexpected(storageFailure());
    touchMessages(queueName);
    if (visibilityTimeout == 0)
        wakeWaiters(queueName);
    return {};
}

} // namespace Core::Sqs
