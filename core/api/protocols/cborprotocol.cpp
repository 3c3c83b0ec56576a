// SPDX-License-Identifier: MIT
#include "core/api/protocols/cborprotocol.h"

#include <QCborValue>

using namespace Qt::StringLiterals;

namespace Core::Api::CborProtocol {

namespace {

HttpResponse cborResponse(int status, const QCborMap &map, const QString &requestId)
{
    HttpResponse response;
    response.status = status;
    response.body = QCborValue(map).toCbor();
    response.setHeader("Content-Type", "application/cbor");
    response.setHeader("smithy-protocol", "rpc-v2-cbor");
    response.setHeader("x-amzn-RequestId", requestId.toLatin1());
    return response;
}

} // namespace

Result<QCborMap> parseBody(const HttpRequest &request)
{
    const QByteArray body = request.bodyBytes();
    if (body.isEmpty())
        return QCborMap();
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(body, &parseError);
    if (parseError.error != QCborError::NoError || !value.isMap())
        return std::unexpected(
            CommonErrors::serialization(u"The request body is not a valid CBOR map."_s));
    return value.toMap();
}

HttpResponse result(const QCborMap &map, const QString &requestId)
{
    return cborResponse(200, map, requestId);
}

HttpResponse error(const AwsError &error, const QString &errorPrefix, const QString &requestId)
{
    QCborMap map;
    map.insert(u"__type"_s, errorPrefix.isEmpty() ? error.code : errorPrefix + u'#' + error.code);
    map.insert(u"message"_s, error.message);
    for (const auto &[name, value] : error.extra)
        map.insert(name, value);
    return cborResponse(error.httpStatus, map, requestId);
}

} // namespace Core::Api::CborProtocol
