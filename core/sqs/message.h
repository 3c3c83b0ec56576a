// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core::Sqs {

// A message attribute value: DataType "String", "Number", "Binary" (optionally with a custom
// ".suffix"); strings in stringValue, bytes in binaryValue.
struct MessageAttributeValue
{
    QString dataType;
    QString stringValue;
    QByteArray binaryValue;
    QStringList stringListValues;
    QList<QByteArray> binaryListValues;

    bool isBinary() const { return dataType.startsWith(QStringLiteral("Binary")); }
    friend bool operator==(const MessageAttributeValue &, const MessageAttributeValue &) = default;
};
using MessageAttributes = QMap<QString, MessageAttributeValue>;

struct SendMessageInput
{
    QString id; // batch entry id
    QString body;
    int delaySeconds = -1; // -1: the queue's DelaySeconds
    MessageAttributes attributes;
    MessageAttributes systemAttributes; // AWSTraceHeader
    QString groupId;
    QString deduplicationId;
};

struct SendMessageOutput
{
    QString id;
    QString messageId;
    QString md5OfBody;
    QString md5OfAttributes; // empty without attributes
    QString md5OfSystemAttributes;
    QString sequenceNumber; // FIFO only
};

struct ReceiveMessageInput
{
    int maxNumberOfMessages = 1;
    std::optional<int> visibilityTimeout; // none: the queue's
    std::optional<int> waitTimeSeconds; // none: the queue's ReceiveMessageWaitTimeSeconds
    QStringList attributeNames; // system attributes: All, SentTimestamp, ...
    QStringList messageAttributeNames; // All, .*, prefix.*, names
    QString receiveRequestAttemptId; // FIFO: a retry within 5 minutes returns the same messages
};

// A message as a consumer receives it, or as the peek view shows it (no receipt handle then).
struct Message
{
    qint64 rowId = 0;
    QString messageId;
    QString receiptHandle;
    QString body;
    QString md5OfBody;
    QString md5OfAttributes;
    MessageAttributes attributes;
    MessageAttributes systemAttributes;
    QMap<QString, QString> systemAttributeValues; // the requested Attributes map
    qint64 sentMs = 0;
    qint64 visibleAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 firstReceiveMs = 0;
    qint64 receiptMs = 0; // when the current receipt handle was issued
    int receiveCount = 0;
    bool received = false;
    QString groupId;
    QString deduplicationId;
    QString sequenceNumber;
    QString deadLetterSourceArn;
};

enum class MessageState {
    Available,
    InFlight,
    Delayed,
};

inline MessageState messageState(const Message &message, qint64 nowMs)
{
    if (message.visibleAtMs <= nowMs)
        return MessageState::Available;
    return message.received ? MessageState::InFlight : MessageState::Delayed;
}

// One entry of a batch answer: Successful (error empty) or Failed.
struct BatchEntryError
{
    QString id;
    QString code;
    QString message;
    bool senderFault = true;
};

struct MessageMoveTask
{
    QString taskHandle;
    QString status; // RUNNING, COMPLETED, CANCELLING, CANCELLED, FAILED
    QString sourceArn;
    QString destinationArn; // empty: each message's original source
    int maxNumberOfMessagesPerSecond = 0;
    qint64 approximateNumberOfMessagesMoved = 0;
    qint64 approximateNumberOfMessagesToMove = 0;
    QString failureReason;
    qint64 startedTimestamp = 0;
};

} // namespace Core::Sqs

Q_DECLARE_METATYPE(Core::Sqs::Message)
Q_DECLARE_METATYPE(Core::Sqs::MessageMoveTask)
