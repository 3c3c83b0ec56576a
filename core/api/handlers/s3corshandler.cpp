// SPDX-License-Identifier: MIT
// S3Handler: CORS preflights and the Access-Control-* headers of actual requests.
#include "core/api/handlers/s3handler.h"

#include "core/api/protocols/restxmlprotocol.h"
#include "core/s3/corsconfig.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

std::optional<S3::CorsConfig> corsConfig(const S3::S3Service *service, const QString &bucket)
{
    const auto text = service->getBucketDocument(bucket, S3::BucketDocument::Cors);
    if (!text || !text->has_value())
        return std::nullopt;
    auto config = S3::CorsConfig::parse((*text)->toUtf8());
    if (!config)
        return std::nullopt;
    return std::move(*config);
}

// The headers S3 answers a matched rule with (recorded answers: the rule's methods joined by
// ", ", credentials allowed unless the rule allows every origin).
void setRuleHeaders(HttpResponse &response, const S3::CorsRule &rule, const QString &origin)
{
    if (rule.allowedOrigins.contains(u"*"_s)) {
        response.setHeader("Access-Control-Allow-Origin", "*");
    } else {
        response.setHeader("Access-Control-Allow-Origin", origin.toUtf8());
        response.setHeader("Access-Control-Allow-Credentials", "true");
    }
    response.setHeader("Access-Control-Allow-Methods", rule.allowedMethods.join(u", "_s).toUtf8());
    if (!rule.exposeHeaders.isEmpty())
        response.setHeader(
            "Access-Control-Expose-Headers", rule.exposeHeaders.join(u", "_s).toUtf8());
    if (rule.maxAgeSeconds >= 0)
        response.setHeader("Access-Control-Max-Age", QByteArray::number(rule.maxAgeSeconds));
    response.setHeader(
        "Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
}

} // namespace

void S3Handler::preflight(Call &call)
{
    const HttpRequest &http = call.request.http;
    call.operation = u"OPTIONS "_s + http.decodedPath();
    if (!http.hasHeader("origin"))
        return fail(call, S3::Errors::corsOriginMissing());
    const QString origin = QString::fromUtf8(http.header("origin"));
    const QString method = http.hasHeader("access-control-request-method")
        ? QString::fromLatin1(http.header("access-control-request-method"))
        : u"OPTIONS"_s;
    if (call.target.bucket.isEmpty() || !m_service->headBucket(call.target.bucket))
        return fail(call,
            S3::Errors::corsForbidden(u"CORSResponse: Bucket not found"_s, method, u"BUCKET"_s));
    const auto config = corsConfig(m_service, call.target.bucket);
    if (!config)
        return fail(call,
            S3::Errors::corsForbidden(
                u"CORSResponse: CORS is not enabled for this bucket."_s, method, u"BUCKET"_s));
    const QStringList requested =
        S3::parseCorsRequestHeaders(http.header("access-control-request-headers"));
    const S3::CorsRule *rule = config->match(origin, method, requested);
    if (!rule)
        return fail(call,
            S3::Errors::corsForbidden(
                u"CORSResponse: This CORS request is not allowed. This is usually because the "
                u"evalution of Origin, request method / Access-Control-Request-Method or "
                u"Access-Control-Request-Headers are not whitelisted by the resource's CORS "
                u"spec."_s,
                method,
                call.target.key.isEmpty() ? u"BUCKET"_s : u"OBJECT"_s));
    HttpResponse response = RestXmlProtocol::xml(200, {}, call.request.requestId);
    setRuleHeaders(response, *rule, origin);
    if (!requested.isEmpty())
        response.setHeader("Access-Control-Allow-Headers", requested.join(u", "_s).toUtf8());
    send(call, std::move(response));
}

void S3Handler::addCorsHeaders(const Call &call, HttpResponse &response) const
{
    const HttpRequest &http = call.request.http;
    if (call.target.bucket.isEmpty() || !http.hasHeader("origin") || http.method == "OPTIONS")
        return;
    const auto config = corsConfig(m_service, call.target.bucket);
    if (!config)
        return;
    // Only the method decides for an actual request (its headers are not checked); a
    // Access-Control-Request-Method header stands for the method, as in S3.
    const QString method = http.hasHeader("access-control-request-method")
        ? QString::fromLatin1(http.header("access-control-request-method"))
        : QString::fromLatin1(http.method);
    const QString origin = QString::fromUtf8(http.header("origin"));
    if (const S3::CorsRule *rule = config->match(origin, method))
        setRuleHeaders(response, *rule, origin);
}

} // namespace Core::Api
