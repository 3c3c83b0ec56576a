// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/protocols/protocol.h"

#include <QList>
#include <QString>

namespace Core::Api {

// What the endpoint knows about each AWS service it answers for: the names clients use in the
// SigV4 scope and X-Amz-Target, and the namespaces its error bodies carry.
struct ServiceInfo
{
    QString id; // our id: s3, sqs, dynamodb, dynamodbstreams, lambda, logs, cloudwatch, sts
    QString signingName; // SigV4 credential scope service (cloudwatch signs as "monitoring")
    QString targetPrefix; // X-Amz-Target prefix before '.', empty if none
    QString queryXmlns; // Query protocol namespace
    QString jsonErrorPrefix; // prefix of "__type" in JSON/CBOR errors, before '#'
    Protocol defaultProtocol; // protocol when the request does not say
};

const QList<ServiceInfo> &knownServices();
const ServiceInfo *serviceById(QStringView id);
const ServiceInfo *serviceBySigningName(QStringView signingName);
const ServiceInfo *serviceByTargetPrefix(QStringView prefix);

} // namespace Core::Api
