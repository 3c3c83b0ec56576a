// SPDX-License-Identifier: MIT
#include "core/api/serviceinfo.h"

using namespace Qt::StringLiterals;

namespace Core::Api {

const QList<ServiceInfo> &knownServices()
{
    static const QList<ServiceInfo> services{
        {u"s3"_s, u"s3"_s, {}, {}, {}, Protocol::RestXml},
        {u"sqs"_s,
            u"sqs"_s,
            u"AmazonSQS"_s,
            u"http://queue.amazonaws.com/doc/2012-11-05/"_s,
            u"com.amazonaws.sqs"_s,
            Protocol::Query},
        {u"dynamodb"_s,
            u"dynamodb"_s,
            u"DynamoDB_20120810"_s,
            {},
            u"com.amazonaws.dynamodb.v20120810"_s,
            Protocol::Json10},
        // Signed as "dynamodb": told apart from DynamoDB by its X-Amz-Target (RequestRouter).
        {u"dynamodbstreams"_s,
            u"dynamodb"_s,
            u"DynamoDBStreams_20120810"_s,
            {},
            u"com.amazonaws.dynamodb.v20120810"_s,
            Protocol::Json10},
        {u"lambda"_s, u"lambda"_s, {}, {}, {}, Protocol::RestJson},
        {u"logs"_s, u"logs"_s, u"Logs_20140328"_s, {}, u"com.amazonaws.logs"_s, Protocol::Json11},
        {u"cloudwatch"_s,
            u"monitoring"_s,
            u"GraniteServiceVersion20100801"_s,
            u"http://monitoring.amazonaws.com/doc/2010-08-01/"_s,
            u"com.amazonaws.cloudwatch"_s,
            Protocol::Query},
        {u"sts"_s,
            u"sts"_s,
            u"AWSSecurityTokenServiceV20110615"_s,
            u"https://sts.amazonaws.com/doc/2011-06-15/"_s,
            u"com.amazonaws.sts"_s,
            Protocol::Query},
    };
    return services;
}

const ServiceInfo *serviceById(QStringView id)
{
    for (const ServiceInfo &info : knownServices()) {
        if (info.id == id)
            return &info;
    }
    return nullptr;
}

const ServiceInfo *serviceBySigningName(QStringView signingName)
{
    for (const ServiceInfo &info : knownServices()) {
        if (info.signingName == signingName)
            return &info;
    }
    return nullptr;
}

const ServiceInfo *serviceByTargetPrefix(QStringView prefix)
{
    for (const ServiceInfo &info : knownServices()) {
        if (!info.targetPrefix.isEmpty() && info.targetPrefix == prefix)
            return &info;
    }
    return nullptr;
}

} // namespace Core::Api
