// SPDX-License-Identifier: MIT
#include "core/api/protocols/restxmlprotocol.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Core::Api::RestXmlProtocol {

namespace {

void setRequestIds(HttpResponse &response, const QString &requestId)
{
    const QByteArray id = requestId.toLatin1();
    response.setHeader("x-amz-request-id", id.left(16).toUpper().replace('-', ""));
    response.setHeader("x-amz-id-2", id.toBase64());
}

} // namespace

HttpResponse xml(int status, QByteArray body, const QString &requestId)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    if (!response.body.isEmpty())
        response.setHeader("Content-Type", "application/xml");
    setRequestIds(response, requestId);
    return response;
}

HttpResponse error(const AwsError &error, const QString &requestId, bool isHead)
{
    HttpResponse response;
    response.status = error.httpStatus;
    setRequestIds(response, requestId);
    if (isHead)
        return response;
    QByteArray body;
    QXmlStreamWriter writer(&body);
    writer.writeStartDocument();
    writer.writeStartElement(u"Error"_s);
    writer.writeTextElement(u"Code"_s, error.code);
    writer.writeTextElement(u"Message"_s, error.message);
    for (const auto &[name, value] : error.extra)
        writer.writeTextElement(name, value);
    writer.writeTextElement(
        u"RequestId"_s, QString::fromLatin1(response.header("x-amz-request-id")));
    writer.writeTextElement(u"HostId"_s, QString::fromLatin1(response.header("x-amz-id-2")));
    writer.writeEndElement();
    writer.writeEndDocument();
    response.body = std::move(body);
    response.setHeader("Content-Type", "application/xml");
    return response;
}

} // namespace Core::Api::RestXmlProtocol
