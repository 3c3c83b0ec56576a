// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QString>

#include <optional>

namespace Core::Lambda {

// Records read from a stream for an event source mapping, already in the shape Lambda's event
// carries them (DynamoDB: eventID, eventName, dynamodb{...}, eventSourceARN ...). Positions are
// opaque to Lambda: where the next read continues.
struct StreamBatch
{
    QJsonArray records;
    qint64 nextPosition = 0;
    qint64 oldestCreatedMs = 0; // of the first record (IteratorAge); 0 when empty
};

// What a stream event source mapping (DynamoDB Streams) needs from the stream's service. The
// engine wires DynamoDB to it; Lambda depends only on this interface. Core thread; never blocks.
class StreamSource
{
public:
    virtual ~StreamSource() = default;
    virtual bool streamExists(const QString &streamArn) const = 0;
    // TRIM_HORIZON (latest false: the oldest record kept) or LATEST (after the newest).
    virtual std::optional<qint64> startPosition(const QString &streamArn, bool latest) const = 0;
    // Up to maxRecords records from position on, in order; nullopt if the stream is gone.
    virtual std::optional<StreamBatch> read(
        const QString &streamArn, qint64 position, int maxRecords) const = 0;
};

} // namespace Core::Lambda
