// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/sqs/message.h"

#include <QMap>
#include <QString>

#include <functional>
#include <optional>

// SQS's validation rules and checksums, free of storage so they are table-tested directly.
namespace Core::Sqs::Rules {

inline constexpr int MaxMessageSizeLimit = 1'048'576; // AWS since 2025: 1 MiB
inline constexpr int MaxMessageAttributes = 10;
inline constexpr int MaxBatchEntries = 10;
inline constexpr qint64 DeduplicationWindowMs = 5 * 60 * 1000;
inline constexpr qint64 PurgeIntervalMs = 60 * 1000;
inline constexpr int MaxVisibilityTimeoutSeconds = 43'200; // 12 hours
// In-flight messages per queue; standard and FIFO queues alike since AWS raised FIFO's to 120,000.
inline constexpr qint64 MaxInFlightMessages = 120'000;

// Every attribute CreateQueue / SetQueueAttributes accept, and the read-only ones.
const QStringList &settableAttributeNames();
const QStringList &readOnlyAttributeNames();
QMap<QString, QString> defaultAttributes(bool fifo);

// Answers whether a queue with this ARN exists and whether it is FIFO.
using QueueLookup = std::function<std::optional<bool>(const QString &arn)>;

// Validates `given` for a queue of the given type and returns the full attribute set (existing
// values or defaults, overlaid with the given ones, normalised). creating: CreateQueue (FifoQueue
// allowed) rather than SetQueueAttributes.
Result<QMap<QString, QString>> applyQueueAttributes(const QMap<QString, QString> &existing,
    const QMap<QString, QString> &given,
    bool fifo,
    bool creating,
    const QueueLookup &lookup);

Status validateQueueName(const QString &name, bool fifo);

// The body's characters must be in AWS's allowed set; size over MaximumMessageSize is rejected.
Status validateBody(const QString &body);
Status validateMessageAttributes(const MessageAttributes &attributes, bool system = false);
qint64 messageSize(const QString &body, const MessageAttributes &attributes);

// AWS's MD5 of message attributes: names sorted; each name, data type (length-prefixed UTF-8),
// a transport byte (1 string, 2 binary) and the length-prefixed value, all hashed as one stream.
QString md5OfMessageAttributes(const MessageAttributes &attributes);
QString md5OfBody(const QString &body);

// FIFO ContentBasedDeduplication: hex SHA-256 of the body.
QString contentDeduplicationId(const QString &body);

// Batch entry ids: 1-80 of [A-Za-z0-9_-].
bool isValidBatchEntryId(const QString &id);

// ReceiveMessage MessageAttributeNames: All, .*, prefix.* or exact names.
bool attributeNameSelected(const QStringList &selectors, const QString &name);

} // namespace Core::Sqs::Rules
