// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace Core::Sqs {

// One queue as stored: every settable attribute (with AWS defaults filled in) by its wire name.
struct Queue
{
    qint64 id = 0;
    QString name;
    bool fifo = false;
    QMap<QString, QString> attributes;
    QMap<QString, QString> tags;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
    qint64 purgedMs = 0;

    int intAttribute(const QString &attribute, int fallback = 0) const;
    int visibilityTimeout() const;
    int delaySeconds() const;
    int retentionSeconds() const;
    int maximumMessageSize() const;
    int receiveWaitSeconds() const;
    bool contentBasedDeduplication() const;
    bool perGroupDeduplication() const;
    // RedrivePolicy: the dead-letter queue's ARN and maxReceiveCount; empty / 0 when unset.
    QString deadLetterTargetArn() const;
    int maxReceiveCount() const;
};

// A queue with its message counters, as the Queues pane shows it.
struct QueueSummary
{
    Queue queue;
    qint64 available = 0;
    qint64 inFlight = 0;
    qint64 delayed = 0;
    QString deadLetterQueueName; // from RedrivePolicy
    bool isDeadLetterQueue = false; // some queue's RedrivePolicy names it
};

} // namespace Core::Sqs

Q_DECLARE_METATYPE(Core::Sqs::Queue)
Q_DECLARE_METATYPE(Core::Sqs::QueueSummary)
