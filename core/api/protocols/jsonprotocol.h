// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httpresponse.h"
#include "core/api/protocols/protocol.h"
#include "core/common/awserror.h"

#include <QJsonObject>

namespace Core::Api::JsonProtocol {

// AWS JSON 1.0 / 1.1 (X-Amz-Target, application/x-amz-json-1.x): DynamoDB, new SQS, Logs.
// An empty body is an empty object; anything but a JSON object is a SerializationException.
Result<QJsonObject> parseBody(const HttpRequest &request);

HttpResponse result(const QJsonObject &object, Protocol protocol, const QString &requestId);

// {"__type": "<prefix>#<Code>", "message": "..."}. queryErrorCode, when set, also goes out as
// x-amzn-query-error for services that are awsQueryCompatible (SQS).
HttpResponse error(const AwsError &error,
    Protocol protocol,
    const QString &errorPrefix,
    const QString &requestId,
    const QString &queryErrorCode = {});

} // namespace Core::Api::JsonProtocol
