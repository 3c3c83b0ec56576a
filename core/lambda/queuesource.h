// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Core::Lambda {

// One message handed to an SQS event source mapping, in the fields Lambda's SQS event carries.
struct QueueMessage
{
    QString messageId;
    QString receiptHandle;
    QString body;
    QString md5OfBody;
    QMap<QString, QString> attributes; // ApproximateReceiveCount, SentTimestamp, ...
    QJsonObject messageAttributes;
};

// What the SQS event source mapping poller needs from a queue service. The engine wires SQS to
// it (an adapter over SqsService); Lambda depends only on this interface. Called on the core
// thread; receive() never blocks: it returns what is visible now and makes it invisible for the
// queue's visibility timeout, like a ReceiveMessage with WaitTimeSeconds 0.
class QueueSource
{
public:
    virtual ~QueueSource() = default;
    virtual bool queueExists(const QString &queueArn) const = 0;
    // The queue's VisibilityTimeout in seconds (0 if it does not exist).
    virtual int visibilityTimeoutSeconds(const QString &queueArn) const = 0;
    virtual QList<QueueMessage> receive(const QString &queueArn, int maxMessages) = 0;
    virtual void deleteMessages(const QString &queueArn, const QStringList &receiptHandles) = 0;
};

} // namespace Core::Lambda
