// SPDX-License-Identifier: MIT
#include "core/api/requestrouter.h"

#include "core/api/serviceinfo.h"

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

constexpr QByteArrayView CborPathPrefix = "/service/";

bool isFormEncoded(const HttpRequest &request)
{
    return request.header("content-type").startsWith("application/x-www-form-urlencoded");
}

QString queryAction(const HttpRequest &request)
{
    const QString fromQuery = request.queryItem(u"Action");
    if (!fromQuery.isEmpty())
        return fromQuery;
    if (request.method == "POST" && isFormEncoded(request) && request.bodyFile.isEmpty()) {
        for (const auto &[key, value] : parseFormEncoded(request.body)) {
            if (key == u"Action"_s)
                return value;
        }
    }
    return {};
}

// "/service/GraniteServiceVersion20100801/operation/PutMetricData"
std::pair<QString, QString> cborTarget(const HttpRequest &request)
{
    if (!request.path.startsWith(CborPathPrefix))
        return {};
    const QList<QByteArray> parts = request.path.split('/');
    if (parts.size() != 5 || parts.at(3) != "operation")
        return {};
    return {QString::fromUtf8(parts.at(2)), QString::fromUtf8(parts.at(4))};
}

} // namespace

QString functionUrlId(const HttpRequest &request)
{
    // Asked for every request: a host that is no function URL says so without an allocation.
    const QByteArray raw = request.header("host");
    if (!QLatin1StringView(raw).contains(QLatin1StringView(".lambda-url."), Qt::CaseInsensitive))
        return {};
    const QString host = QString::fromLatin1(raw).toLower().section(u':', 0, 0);
    const qsizetype at = host.indexOf(u".lambda-url."_s);
    if (at <= 0 || host.left(at).contains(u'.'))
        return {};
    return host.left(at);
}

Route RequestRouter::route(const HttpRequest &request)
{
    Route route;
    route.scope = parseCredentialScope(request);
    if (!functionUrlId(request).isEmpty()) {
        // Region: the host label after "lambda-url".
        const QString host = QString::fromLatin1(request.header("host")).toLower();
        const QString region = host.section(u'.', 2, 2).section(u':', 0, 0);
        if (!region.isEmpty() && region != u"localhost"_s)
            route.region = region;
        if (route.scope)
            route.accessKeyId = route.scope->accessKeyId;
        route.service = u"lambda"_s;
        route.protocol = Protocol::RestJson;
        return route;
    }
    const QString action = queryAction(request);
    const QString target = QString::fromLatin1(request.header("x-amz-target"));
    const auto [cborService, cborOperation] = cborTarget(request);

    if (route.scope) {
        route.accessKeyId = route.scope->accessKeyId;
        if (!route.scope->region.isEmpty())
            route.region = route.scope->region;
        if (const ServiceInfo *info = serviceBySigningName(route.scope->service)) {
            route.service = info->id;
            // Services sharing a signing name (dynamodb, dynamodbstreams): the target decides.
            const ServiceInfo *byTarget = serviceByTargetPrefix(target.section(u'.', 0, 0));
            if (byTarget && byTarget->signingName == info->signingName)
                route.service = byTarget->id;
        } else
            route.rejection =
                u"Cloudbench does not emulate the service '%1'."_s.arg(route.scope->service);
    }
    if (route.service.isEmpty() && route.rejection.isEmpty() && !target.isEmpty()) {
        if (const ServiceInfo *info = serviceByTargetPrefix(target.section(u'.', 0, 0)))
            route.service = info->id;
    }
    if (route.service.isEmpty() && route.rejection.isEmpty() && !cborService.isEmpty()) {
        if (const ServiceInfo *info = serviceByTargetPrefix(cborService))
            route.service = info->id;
    }
    if (route.service.isEmpty() && route.rejection.isEmpty())
        route.service = serviceFromHostOrPath(request, action);

    route.protocol = detectProtocol(request, route.service);
    switch (route.protocol) {
    case Protocol::Query:
        route.operation = action;
        break;
    case Protocol::Json10:
    case Protocol::Json11:
        route.operation = target.section(u'.', 1);
        break;
    case Protocol::RpcV2Cbor:
        route.operation = cborOperation;
        break;
    default:
        break;
    }
    return route;
}

QString RequestRouter::serviceFromHostOrPath(const HttpRequest &request, const QString &action)
{
    const QString host = QString::fromLatin1(request.header("host")).section(u':', 0, 0);
    const QString firstLabel = host.section(u'.', 0, 0);
    for (const ServiceInfo &info : knownServices()) {
        if (host.count(u'.') > 0 && (firstLabel == info.signingName || firstLabel == info.id))
            return info.id;
    }
    // Cloudbench's own download URLs (GetFunction's Code.Location): bucket names cannot start
    // with '_', so this never shadows S3 path-style addressing.
    if (request.path.startsWith("/_cloudbench/lambda/"))
        return u"lambda"_s;
    if (request.path.startsWith("/2015-03-31/") || request.path.startsWith("/2017-10-31/")
        || request.path.startsWith("/2019-09-25/") || request.path.startsWith("/2021-10-31/"))
        return u"lambda"_s;
    if (action == u"GetCallerIdentity"_s || action == u"AssumeRole"_s
        || action == u"GetSessionToken"_s)
        return u"sts"_s;
    // Anything else unsigned and RESTful is most likely S3 (curl, browsers, presigned URLs).
    if (action.isEmpty() && request.header("x-amz-target").isEmpty())
        return u"s3"_s;
    return {};
}

Protocol RequestRouter::detectProtocol(const HttpRequest &request, const QString &service)
{
    if (request.header("smithy-protocol") == "rpc-v2-cbor")
        return Protocol::RpcV2Cbor;
    const QByteArray contentType = request.header("content-type");
    if (contentType.startsWith("application/x-amz-json-1.0"))
        return Protocol::Json10;
    if (contentType.startsWith("application/x-amz-json-1.1"))
        return Protocol::Json11;
    if (service != u"s3"_s && (isFormEncoded(request) || request.hasQueryItem(u"Action")))
        return Protocol::Query;
    if (request.hasHeader("x-amz-target")) {
        const ServiceInfo *info = serviceById(service);
        return info && info->defaultProtocol == Protocol::Json11 ? Protocol::Json11
                                                                 : Protocol::Json10;
    }
    if (const ServiceInfo *info = serviceById(service))
        return info->defaultProtocol;
    return Protocol::Unknown;
}

} // namespace Core::Api
