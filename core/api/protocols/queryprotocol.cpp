// SPDX-License-Identifier: MIT
#include "core/api/protocols/queryprotocol.h"

using namespace Qt::StringLiterals;

namespace Core::Api::QueryProtocol {

namespace {

HttpResponse xmlResponse(int status, QByteArray body, const QString &requestId)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    response.setHeader("Content-Type", "text/xml");
    response.setHeader("x-amzn-RequestId", requestId.toLatin1());
    return response;
}

} // namespace

QList<std::pair<QString, QString>> parameters(const HttpRequest &request)
{
    QList<std::pair<QString, QString>> items = request.queryItems();
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        items += parseFormEncoded(request.bodyBytes());
    return items;
}

HttpResponse result(const QString &operation,
    const QString &xmlns,
    const QString &requestId,
    const std::function<void(QXmlStreamWriter &)> &writeResult)
{
    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.writeStartDocument();
    xml.writeStartElement(operation + u"Response"_s);
    xml.writeDefaultNamespace(xmlns);
    xml.writeStartElement(operation + u"Result"_s);
    if (writeResult)
        writeResult(xml);
    xml.writeEndElement();
    xml.writeStartElement(u"ResponseMetadata"_s);
    xml.writeTextElement(u"RequestId"_s, requestId);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return xmlResponse(200, std::move(body), requestId);
}

HttpResponse error(const AwsError &error, const QString &xmlns, const QString &requestId)
{
    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.writeStartDocument();
    xml.writeStartElement(u"ErrorResponse"_s);
    if (!xmlns.isEmpty())
        xml.writeDefaultNamespace(xmlns);
    xml.writeStartElement(u"Error"_s);
    xml.writeTextElement(u"Type"_s, error.senderFault ? u"Sender"_s : u"Receiver"_s);
    xml.writeTextElement(u"Code"_s, error.code);
    xml.writeTextElement(u"Message"_s, error.message);
    for (const auto &[name, value] : error.extra)
        xml.writeTextElement(name, value);
    xml.writeEndElement();
    xml.writeTextElement(u"RequestId"_s, requestId);
    xml.writeEndElement();
    xml.writeEndDocument();
    return xmlResponse(error.httpStatus, std::move(body), requestId);
}

} // namespace Core::Api::QueryProtocol
