// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/lambdaservice.h"
#include "core/lambda/queuesource.h"

namespace Core::Sqs {
class SqsService;
}

namespace Core::Wiring {

// Connects Lambda to SQS without either depending on the other: SQS event source mappings poll
// queues through it, and asynchronous invocations deliver their on-failure records to SQS
// destinations through it. Owned by the engine; core thread only.
class SqsLambdaBridge final : public Lambda::QueueSource, public Lambda::EventDestinationSink
{
public:
    explicit SqsLambdaBridge(Sqs::SqsService *sqs);

    bool queueExists(const QString &queueArn) const override;
    int visibilityTimeoutSeconds(const QString &queueArn) const override;
    QList<Lambda::QueueMessage> receive(const QString &queueArn, int maxMessages) override;
    void deleteMessages(const QString &queueArn, const QStringList &receiptHandles) override;
    bool deliver(const QString &destinationArn, const QByteArray &message) override;
    // SendMessage of `message` to the queue, with an AWSTraceHeader when traceHeader is set.
    bool send(const QString &queueArn, const QByteArray &message, const QString &traceHeader);
    // The name of the queue an ARN names, if it is one of this endpoint's account and region.
    QString queueName(const QString &queueArn) const;

private:
    Sqs::SqsService *m_sqs;
};

} // namespace Core::Wiring
