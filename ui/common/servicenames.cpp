// SPDX-License-Identifier: MIT
#include "ui/common/servicenames.h"

using namespace Qt::StringLiterals;

namespace Gui::ServiceNames {

const QStringList &knownIds()
{
    static const QStringList ids{
        u"s3"_s,
        u"sqs"_s,
        u"dynamodb"_s,
        u"dynamodbstreams"_s,
        u"lambda"_s,
        u"cloudwatch"_s,
        u"logs"_s,
        u"sts"_s,
    };
    return ids;
}

QString displayName(const QString &serviceId)
{
    if (serviceId == u"s3")
        return u"S3"_s;
    if (serviceId == u"sqs")
        return u"SQS"_s;
    if (serviceId == u"dynamodb")
        return u"DynamoDB"_s;
    if (serviceId == u"dynamodbstreams")
        return u"DynamoDB Streams"_s;
    if (serviceId == u"lambda")
        return u"Lambda"_s;
    if (serviceId == u"cloudwatch")
        return u"CloudWatch"_s;
    if (serviceId == u"logs")
        return u"CloudWatch Logs"_s;
    if (serviceId == u"sts")
        return u"STS"_s;
    return serviceId;
}

} // namespace Gui::ServiceNames
