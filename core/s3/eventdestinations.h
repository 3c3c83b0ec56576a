// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Core::S3 {

// Where S3 sends event notifications (SQS queues, Lambda functions), so that S3 does not depend
// on the services it notifies. The engine wires an implementation (core/wiring); core thread.
class EventDestinations
{
public:
    virtual ~EventDestinations() = default;

    // Why S3 may not send events from the bucket (arn:aws:s3:::name, in `account`) to the
    // destination: it does not exist, is of a kind S3 cannot notify (a FIFO queue), or its
    // resource policy does not allow the principal s3.amazonaws.com. Empty when it may; the
    // text becomes the ArgumentValue of PutBucketNotificationConfiguration's InvalidArgument.
    virtual QString refusal(
        const QString &destinationArn, const QString &bucketArn, const QString &account) const = 0;
    // Sends one message (a JSON event) to the destination: SendMessage to a queue, an
    // asynchronous (Event) invocation of a function. traceHeader: the X-Amzn-Trace-Id of the
    // request behind the event (empty when none), carried on for Lambda's recursive loop
    // detection (Tracing). False when it could not be sent.
    virtual bool deliver(
        const QString &destinationArn, const QByteArray &message, const QString &traceHeader) = 0;
};

} // namespace Core::S3
