// SPDX-License-Identifier: MIT
#include "core/wiring/s3eventdestinations.h"

#include "core/common/arn.h"
#include "core/common/tracing.h"
#include "core/lambda/lambdaservice.h"
#include "core/s3/bucketpolicy.h"
#include "core/sqs/sqsservice.h"
#include "core/wiring/sqslambdabridge.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::Wiring {

namespace {

bool allowsS3(const QString &policy,
    const QString &action,
    const QString &resource,
    const QString &bucketArn,
    const QString &account)
{
    S3::PolicyContext context;
    context.set(u"aws:SourceArn"_s, bucketArn);
    context.set(u"aws:SourceAccount"_s, account);
    S3::PolicyPrincipal s3;
    s3.service = u"s3.amazonaws.com"_s;
    return S3::evaluatePolicy(policy, s3, action, resource, context) == S3::PolicyEffect::Allow;
}

} // namespace

S3EventDestinations::S3EventDestinations(
    Sqs::SqsService *sqs, SqsLambdaBridge *queues, Lambda::LambdaService *lambda)
    : m_sqs(sqs)
    , m_queues(queues)
    , m_lambda(lambda)
{}

QString S3EventDestinations::refusal(
    const QString &destinationArn, const QString &bucketArn, const QString &account) const
{
    const auto arn = Arn::parse(destinationArn);
    const QString service = arn ? arn->service : QString();
    if (service == u"sqs"_s) {
        const QString missing = u"The destination queue does not exist"_s;
        const QString name = m_queues->queueName(destinationArn); // empty: another account
        if (name.isEmpty())
            return missing;
        const auto queue = m_sqs->queue(name);
        if (!queue)
            return missing;
        if (queue->fifo)
            return u"FIFO SQS queues are not supported as S3 event notification destinations"_s;
        if (!allowsS3(queue->attributes.value(u"Policy"_s),
                u"sqs:SendMessage"_s,
                destinationArn,
                bucketArn,
                account))
            return u"Permissions on the destination queue do not allow S3 to publish "
                   u"notifications from this bucket"_s;
        return {};
    }
    if (service == u"lambda"_s) {
        const auto policy = m_lambda->getPolicy(destinationArn);
        const bool allowed = policy
            && allowsS3(QString::fromUtf8(QJsonDocument(*policy).toJson(QJsonDocument::Compact)),
                u"lambda:InvokeFunction"_s,
                destinationArn,
                bucketArn,
                account);
        if (!allowed)
            return u"Not authorized to invoke function [%1]"_s.arg(destinationArn);
        return {};
    }
    if (service == u"sns"_s)
        return u"The destination topic does not exist"_s;
    return u"The destination ARN is not valid"_s;
}

bool S3EventDestinations::deliver(
    const QString &destinationArn, const QByteArray &message, const QString &traceHeader)
{
    const auto arn = Arn::parse(destinationArn);
    if (!arn)
        return false;
    if (arn->service == u"sqs"_s)
        return m_queues->send(destinationArn, message, traceHeader);
    if (arn->service != u"lambda"_s)
        return false;
    Lambda::InvokeRequest request;
    request.functionName = destinationArn;
    request.type = Lambda::InvocationType::Event;
    request.payload = message;
    request.lineage = Tracing::lineageCount(traceHeader);
    m_lambda->invoke(request, [](const Result<Lambda::InvocationResult> &) {});
    return true;
}

} // namespace Core::Wiring
