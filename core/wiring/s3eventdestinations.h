// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/eventdestinations.h"

namespace Core::Lambda {
class LambdaService;
}
namespace Core::Sqs {
class SqsService;
}

namespace Core::Wiring {

class SqsLambdaBridge;

// Delivers S3 event notifications to SQS queues (SendMessage) and Lambda functions (an
// asynchronous Event invocation, so the function's retries and destinations apply), and checks
// destinations as PutBucketNotificationConfiguration does on AWS: the queue or function must
// exist, a queue must be a standard one, and its resource policy (the queue's Policy attribute,
// the function's AddPermission statements) must allow the principal s3.amazonaws.com to send
// from this bucket (aws:SourceArn, aws:SourceAccount conditions hold). SNS topics do not exist
// here. Owned by the engine; core thread only.
class S3EventDestinations final : public S3::EventDestinations
{
public:
    S3EventDestinations(
        Sqs::SqsService *sqs, SqsLambdaBridge *queues, Lambda::LambdaService *lambda);

    QString refusal(const QString &destinationArn,
        const QString &bucketArn,
        const QString &account) const override;
    bool deliver(const QString &destinationArn,
        const QByteArray &message,
        const QString &traceHeader) override;

private:
    Sqs::SqsService *m_sqs;
    SqsLambdaBridge *m_queues;
    Lambda::LambdaService *m_lambda;
};

} // namespace Core::Wiring
