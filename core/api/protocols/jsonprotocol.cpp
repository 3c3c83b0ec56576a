// SPDX-License-Identifier: MIT
#include "core/api/protocols/jsonprotocol.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Core::Api::JsonProtocol {

namespace {

QByteArray contentType(Protocol protocol)
{
    return protocol == Protocol::Json11 ? "application/x-amz-json-1.1"
                                        : "application/x-amz-json-1.0";
}

} // namespace

Result<QJsonObject> parseBody(const HttpRequest &request)
{
    const QByteArray body = request.bodyBytes();
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::unexpected(
            CommonErrors::serialization(u"Start of structure or map found where not expected."_s));
    return document.object();
}

HttpResponse result(const QJsonObject &object, Protocol protocol, const QString &requestId)
{
    HttpResponse response;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", contentType(protocol));
    response.setHeader("x-amzn-RequestId", requestId.toLatin1());
    return response;
}

namespace {

// The error's __type as the service writes it. DynamoDB's own errors carry its model's namespace,
// but the checks its framework (Coral) makes before the operation runs carry Coral's.
QString errorType(const QString &code, const QString &errorPrefix)
{
    if (errorPrefix.isEmpty())
        return code;
    if (errorPrefix == u"com.amazonaws.dynamodb.v20120810"_s) {
        if (code == u"ValidationException"_s)
            return u"com.amazon.coral.validate#"_s + code;
        if (code == u"UnknownOperationException"_s || code == u"SerializationException"_s)
            return u"com.amazon.coral.service#"_s + code;
    }
    return errorPrefix + u'#' + code;
}

} // namespace

HttpResponse error(const AwsError &error,
    Protocol protocol,
    const QString &errorPrefix,
    const QString &requestId,
    const QString &queryErrorCode)
{
    QJsonObject object{
        {u"__type"_s, errorType(error.code, errorPrefix)},
        {u"message"_s, error.message},
    };
    for (const auto &[name, value] : error.extra)
        object.insert(name, value);
    HttpResponse response;
    response.status = error.httpStatus;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", contentType(protocol));
    response.setHeader("x-amzn-RequestId", requestId.toLatin1());
    if (!queryErrorCode.isEmpty())
        response.setHeader("x-amzn-query-error",
            (queryErrorCode + (error.senderFault ? u";Sender"_s : u";Receiver"_s)).toUtf8());
    return response;
}

} // namespace Core::Api::JsonProtocol
