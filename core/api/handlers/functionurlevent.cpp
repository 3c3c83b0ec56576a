// SPDX-License-Identifier: MIT
#include "core/api/handlers/functionurlevent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>
#include <QMap>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Core::Api::FunctionUrlEvent {

namespace {

// Bodies of these types reach the function as text; any other body (or one that is not UTF-8)
// base64-encoded with isBase64Encoded, as AWS sends it.
bool isTextual(const QByteArray &contentType)
{
    const QByteArray type = contentType.toLower().split(';').constFirst().trimmed();
    return type.startsWith("text/") || type.endsWith("/json") || type.endsWith("+json")
        || type.endsWith("/xml") || type.endsWith("+xml") || type == "application/javascript"
        || type == "application/x-www-form-urlencoded" || type == "application/graphql";
}

QStringList listOf(const QJsonObject &cors, const QString &key)
{
    QStringList values;
    for (const QJsonValue value : cors.value(key).toArray())
        values.append(value.toString());
    return values;
}

// The Access-Control-Allow-Origin value for the request's Origin, or empty when it is not one
// the URL allows.
QByteArray allowedOrigin(const HttpRequest &request, const QJsonObject &cors)
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty())
        return {};
    for (const QString &allowed : listOf(cors, u"AllowOrigins"_s)) {
        if (allowed == u"*"_s)
            return cors.value(u"AllowCredentials"_s).toBool() ? origin : QByteArray("*");
        if (allowed.compare(QString::fromUtf8(origin), Qt::CaseInsensitive) == 0)
            return origin;
    }
    return {};
}

QString headerText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

void removeCorsHeaders(HttpResponse &response)
{
    response.headers.removeIf([](const std::pair<QByteArray, QByteArray> &header) {
        return header.first.toLower().startsWith("access-control-");
    });
}

} // namespace

QJsonObject event(const HttpRequest &request, const Context &context)
{
    QMap<QString, QString> headers;
    QJsonArray cookies;
    for (const auto &[name, value] : request.headers) {
        const QString key = QString::fromLatin1(name).toLower();
        if (key == u"cookie"_s) {
            for (const QByteArray &cookie : value.split(';')) {
                if (!cookie.trimmed().isEmpty())
                    cookies.append(QString::fromUtf8(cookie.trimmed()));
            }
            continue;
        }
        const QString text = QString::fromUtf8(value);
        headers[key] = headers.contains(key) ? headers[key] + u',' + text : text;
    }
    headers.insert(u"x-forwarded-for"_s, request.clientAddress);
    headers.insert(u"x-forwarded-proto"_s, u"http"_s);
    QJsonObject headerObject;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        headerObject.insert(it.key(), it.value());

    QMap<QString, QString> query;
    for (const auto &[key, value] : request.queryItems())
        query[key] = query.contains(key) ? query[key] + u',' + value : value;

    const QString path = request.decodedPath();
    const QString host = QString::fromLatin1(request.header("host")).section(u':', 0, 0);
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(context.timeMs, Qt::UTC);
    QJsonObject requestContext{
        {u"accountId"_s, context.accountId},
        {u"apiId"_s, context.urlId},
        {u"domainName"_s, host},
        {u"domainPrefix"_s, context.urlId},
        {u"http"_s,
            QJsonObject{
                {u"method"_s, QString::fromLatin1(request.method)},
                {u"path"_s, path},
                {u"protocol"_s, u"HTTP/1.1"_s},
                {u"sourceIp"_s, request.clientAddress},
                {u"userAgent"_s, QString::fromUtf8(request.header("user-agent"))},
            }},
        {u"requestId"_s, context.requestId},
        {u"routeKey"_s, u"$default"_s},
        {u"stage"_s, u"$default"_s},
        {u"time"_s, QLocale::c().toString(time, u"dd/MMM/yyyy:HH:mm:ss +0000"_s)},
        {u"timeEpoch"_s, double(context.timeMs)},
    };
    if (!context.accessKeyId.isEmpty()) {
        requestContext.insert(u"authorizer"_s,
            QJsonObject{{u"iam"_s,
                QJsonObject{
                    {u"accessKey"_s, context.accessKeyId},
                    {u"accountId"_s, context.callerAccountId},
                    {u"callerId"_s, context.accessKeyId},
                    {u"cognitoIdentity"_s, QJsonValue()},
                    {u"principalOrgId"_s, QJsonValue()},
                    {u"userArn"_s, u"arn:aws:iam::%1:root"_s.arg(context.callerAccountId)},
                    {u"userId"_s, context.callerAccountId},
                }}});
    }

    QJsonObject event{
        {u"version"_s, u"2.0"_s},
        {u"routeKey"_s, u"$default"_s},
        {u"rawPath"_s, path},
        {u"rawQueryString"_s, QString::fromUtf8(request.rawQuery)},
        {u"headers"_s, headerObject},
        {u"requestContext"_s, requestContext},
        {u"isBase64Encoded"_s, false},
    };
    if (!cookies.isEmpty())
        event.insert(u"cookies"_s, cookies);
    if (!query.isEmpty()) {
        QJsonObject parameters;
        for (auto it = query.cbegin(); it != query.cend(); ++it)
            parameters.insert(it.key(), it.value());
        event.insert(u"queryStringParameters"_s, parameters);
    }
    const QByteArray body = request.bodyBytes();
    if (!body.isEmpty()) {
        const bool text =
            isTextual(request.header("content-type")) && QString::fromUtf8(body).toUtf8() == body;
        event.insert(
            u"body"_s, text ? QString::fromUtf8(body) : QString::fromLatin1(body.toBase64()));
        event.insert(u"isBase64Encoded"_s, !text);
    }
    return event;
}

HttpResponse response(const QByteArray &payload)
{
    HttpResponse response;
    const QJsonDocument document = QJsonDocument::fromJson(payload);
    const QJsonObject object = document.object();
    if (!document.isObject() || !object.contains(u"statusCode"_s)) {
        response.status = 200;
        response.setHeader("Content-Type", "application/json");
        response.body = payload.trimmed();
        return response;
    }
    const QJsonValue status = object.value(u"statusCode"_s);
    const int code = status.isDouble() ? status.toInt(-1)
        : status.isString()            ? status.toString().toInt()
                                       : -1;
    if (code < 100 || code > 599)
        return message(502, u"Internal Server Error"_s);
    response.status = code;
    const QJsonObject headers = object.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        response.setHeader(it.key().toUtf8(), headerText(it.value()).toUtf8());
    if (response.header("content-type").isEmpty())
        response.setHeader("Content-Type", "application/json");
    for (const QJsonValue cookie : object.value(u"cookies"_s).toArray())
        response.headers.append({"Set-Cookie", cookie.toString().toUtf8()});
    const QJsonValue body = object.value(u"body"_s);
    QString text;
    if (body.isString())
        text = body.toString();
    else if (body.isObject())
        text = QString::fromUtf8(QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact));
    else if (body.isArray())
        text = QString::fromUtf8(QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact));
    else
        text = headerText(body);
    response.body = object.value(u"isBase64Encoded"_s).toBool()
        ? QByteArray::fromBase64(text.toLatin1())
        : text.toUtf8();
    return response;
}

HttpResponse message(int status, const QString &text)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/json");
    response.body = QJsonDocument(QJsonObject{{u"Message"_s, text}}).toJson(QJsonDocument::Compact);
    return response;
}

bool isPreflight(const HttpRequest &request, const QJsonObject &cors)
{
    return !cors.isEmpty() && request.method == "OPTIONS" && request.hasHeader("origin")
        && request.hasHeader("access-control-request-method");
}

HttpResponse preflight(const HttpRequest &request, const QJsonObject &cors)
{
    HttpResponse response;
    response.status = 200;
    const QByteArray origin = allowedOrigin(request, cors);
    const QStringList methods = listOf(cors, u"AllowMethods"_s);
    const QString requested =
        QString::fromLatin1(request.header("access-control-request-method")).toUpper();
    if (origin.isEmpty()
        || (!methods.contains(u"*"_s) && !methods.contains(requested, Qt::CaseInsensitive)))
        return response;
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader("Access-Control-Allow-Methods",
        (methods.contains(u"*"_s) ? requested : methods.join(u',')).toUtf8());
    const QStringList headers = listOf(cors, u"AllowHeaders"_s);
    if (!headers.isEmpty())
        response.setHeader("Access-Control-Allow-Headers", headers.join(u',').toUtf8());
    if (cors.contains(u"MaxAge"_s))
        response.setHeader(
            "Access-Control-Max-Age", QByteArray::number(cors.value(u"MaxAge"_s).toInt()));
    if (cors.value(u"AllowCredentials"_s).toBool())
        response.setHeader("Access-Control-Allow-Credentials", "true");
    response.setHeader("Vary", "Origin");
    return response;
}

void applyCors(const HttpRequest &request, const QJsonObject &cors, HttpResponse &response)
{
    if (cors.isEmpty())
        return;
    // The URL's CORS configuration replaces whatever CORS headers the function sent.
    removeCorsHeaders(response);
    const QByteArray origin = allowedOrigin(request, cors);
    if (origin.isEmpty())
        return;
    response.setHeader("Access-Control-Allow-Origin", origin);
    const QStringList expose = listOf(cors, u"ExposeHeaders"_s);
    if (!expose.isEmpty())
        response.setHeader("Access-Control-Expose-Headers", expose.join(u',').toUtf8());
    if (cors.value(u"AllowCredentials"_s).toBool())
        response.setHeader("Access-Control-Allow-Credentials", "true");
    response.setHeader("Vary", "Origin");
}

} // namespace Core::Api::FunctionUrlEvent
