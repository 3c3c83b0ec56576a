// SPDX-License-Identifier: MIT
#include "core/sqs/queue.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Core::Sqs {

namespace {

QJsonObject redrivePolicy(const Queue &queue)
{
    const QString text = queue.attributes.value(u"RedrivePolicy"_s);
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

int Queue::intAttribute(const QString &attribute, int fallback) const
{
    bool ok = false;
    const int value = attributes.value(attribute).toInt(&ok);
    return ok ? value : fallback;
}

int Queue::visibilityTimeout() const
{
    return intAttribute(u"VisibilityTimeout"_s, 30);
}

int Queue::delaySeconds() const
{
    return intAttribute(u"DelaySeconds"_s, 0);
}

int Queue::retentionSeconds() const
{
    return intAttribute(u"MessageRetentionPeriod"_s, 345600);
}

int Queue::maximumMessageSize() const
{
    return intAttribute(u"MaximumMessageSize"_s, 1'048'576);
}

int Queue::receiveWaitSeconds() const
{
    return intAttribute(u"ReceiveMessageWaitTimeSeconds"_s, 0);
}

bool Queue::contentBasedDeduplication() const
{
    return attributes.value(u"ContentBasedDeduplication"_s) == u"true"_s;
}

bool Queue::perGroupDeduplication() const
{
    return attributes.value(u"DeduplicationScope"_s) == u"messageGroup"_s;
}

QString Queue::deadLetterTargetArn() const
{
    return redrivePolicy(*this).value(u"deadLetterTargetArn"_s).toString();
}

int Queue::maxReceiveCount() const
{
    const QJsonValue value = redrivePolicy(*this).value(u"maxReceiveCount"_s);
    return value.isString() ? value.toString().toInt() : value.toInt();
}

} // namespace Core::Sqs
