// SPDX-License-Identifier: MIT
#include "core/wiring/sqslambdabridge.h"

#include "core/common/arn.h"
#include "core/sqs/sqsservice.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Core::Wiring {

namespace {

constexpr int SqsMaxPerReceive = 10;

// Lambda's SQS event spells message attributes in lower camel case.
QJsonObject eventAttributes(const Sqs::MessageAttributes &attributes)
{
    QJsonObject out;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        QJsonObject value{
            {u"dataType"_s, it->dataType},
            {u"stringListValues"_s, QJsonArray()},
            {u"binaryListValues"_s, QJsonArray()},
        };
        if (it->isBinary())
            value.insert(u"binaryValue"_s, QString::fromLatin1(it->binaryValue.toBase64()));
        else
            value.insert(u"stringValue"_s, it->stringValue);
        out.insert(it.key(), value);
    }
    return out;
}

} // namespace

SqsLambdaBridge::SqsLambdaBridge(Sqs::SqsService *sqs)
    : m_sqs(sqs)
{}

QString SqsLambdaBridge::queueName(const QString &queueArn) const
{
    const auto arn = Arn::parse(queueArn);
    if (!arn || arn->service != u"sqs"_s)
        return {};
    // Only queues of this endpoint's account and region exist here.
    if (m_sqs->queueArn(arn->resource) != queueArn)
        return {};
    return arn->resource;
}

bool SqsLambdaBridge::queueExists(const QString &queueArn) const
{
    const QString name = queueName(queueArn);
    return !name.isEmpty() && m_sqs->queue(name).has_value();
}

int SqsLambdaBridge::visibilityTimeoutSeconds(const QString &queueArn) const
{
    const QString name = queueName(queueArn);
    if (name.isEmpty())
        return 0;
    const auto queue = m_sqs->queue(name);
    return queue ? queue->visibilityTimeout() : 0;
}

QList<Lambda::QueueMessage> SqsLambdaBridge::receive(const QString &queueArn, int maxMessages)
{
    QList<Lambda::QueueMessage> batch;
    const QString name = queueName(queueArn);
    if (name.isEmpty())
        return batch;
    while (batch.size() < maxMessages) {
        Sqs::ReceiveMessageInput input;
        input.maxNumberOfMessages = qMin(SqsMaxPerReceive, maxMessages - int(batch.size()));
        input.waitTimeSeconds = 0;
        input.attributeNames = {u"All"_s};
        input.messageAttributeNames = {u"All"_s};
        const auto received = m_sqs->receiveMessage(name, input);
        if (!received || received->isEmpty())
            break;
        for (const Sqs::Message &message : *received) {
            Lambda::QueueMessage out;
            out.messageId = message.messageId;
            out.receiptHandle = message.receiptHandle;
            out.body = message.body;
            out.md5OfBody = message.md5OfBody;
            out.attributes = message.systemAttributeValues;
            out.messageAttributes = eventAttributes(message.attributes);
            batch.append(out);
        }
    }
    return batch;
}

void SqsLambdaBridge::deleteMessages(const QString &queueArn, const QStringList &receiptHandles)
{
    const QString name = queueName(queueArn);
    if (name.isEmpty())
        return;
    for (const QString &handle : receiptHandles)
        m_sqs->deleteMessage(name, handle);
}

bool SqsLambdaBridge::deliver(const QString &destinationArn, const QByteArray &message)
{
    return send(destinationArn, message, {});
}

bool SqsLambdaBridge::send(
    const QString &queueArn, const QByteArray &message, const QString &traceHeader)
{
    const QString name = queueName(queueArn);
    if (name.isEmpty())
        return false;
    Sqs::SendMessageInput input;
    input.body = QString::fromUtf8(message);
    if (!traceHeader.isEmpty()) {
        Sqs::MessageAttributeValue trace;
        trace.dataType = u"String"_s;
        trace.stringValue = traceHeader;
        input.systemAttributes.insert(u"AWSTraceHeader"_s, trace);
    }
    return m_sqs->sendMessage(name, input).has_value();
}

} // namespace Core::Wiring
