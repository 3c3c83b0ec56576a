// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httprequest.h"
#include "core/api/httpresponse.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Lambda function URLs on the wire (payload format version 2.0, as API Gateway HTTP APIs): the
// event a request becomes, the HTTP response a function's answer becomes, and CORS. Pure
// functions, so the mapping is testable without running a function.
namespace Core::Api::FunctionUrlEvent {

// What the event says beyond the request itself.
struct Context
{
    QString urlId;
    QString accountId; // "anonymous" for AuthType NONE, as AWS
    QString accessKeyId; // AWS_IAM: the signer's key (requestContext.authorizer.iam)
    QString callerAccountId;
    QString requestId;
    qint64 timeMs = 0;
};

QJsonObject event(const HttpRequest &request, const Context &context);

// A function's result as the HTTP answer: an object with statusCode gives statusCode, headers,
// cookies, body and isBase64Encoded; anything else is a 200 application/json body. A result that
// cannot be mapped (statusCode not a number) is a 502.
HttpResponse response(const QByteArray &payload);

// The gateway's own answers ({"Message": ...}) for errors: 403 Forbidden, 502 and the like.
HttpResponse message(int status, const QString &text);

// CORS of a function URL (the Cors structure): whether a request is a preflight the URL answers
// itself, that answer, and the headers added to (and replaced in) any other answer.
bool isPreflight(const HttpRequest &request, const QJsonObject &cors);
HttpResponse preflight(const HttpRequest &request, const QJsonObject &cors);
void applyCors(const HttpRequest &request, const QJsonObject &cors, HttpResponse &response);

} // namespace Core::Api::FunctionUrlEvent
