// SPDX-License-Identifier: MIT
// S3 static website hosting: PutBucketWebsite / GetBucketWebsite / DeleteBucketWebsite, and the
// website endpoint (<bucket>.s3-website[-.]<region>.localhost), which answers browsers as AWS's
// does: unsigned, anonymous, GET and HEAD only, HTML error pages.
#include "core/api/handlers/s3handler.h"

#include "core/api/handlers/s3xml.h"
#include "core/api/protocols/restxmlprotocol.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"
#include "core/s3/websiteconfig.h"

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

void appendItems(QString &html, const AwsError &error, bool withDetails)
{
    html += u"<li>Code: "_s + error.code.toHtmlEscaped() + u"</li>\n"_s;
    html += u"<li>Message: "_s + error.message.toHtmlEscaped() + u"</li>\n"_s;
    if (!withDetails)
        return;
    for (const auto &[name, value] : error.extra)
        html += u"<li>"_s + name.toHtmlEscaped() + u": "_s + value.toHtmlEscaped() + u"</li>\n"_s;
}

} // namespace

QString S3Handler::websiteBucket(const HttpRequest &request)
{
    QString host = QString::fromLatin1(request.header("host")).toLower().section(u':', 0, 0);
    for (const QString &marker : {u".s3-website."_s, u".s3-website-"_s}) {
        const qsizetype at = host.indexOf(marker);
        if (at > 0)
            return host.left(at);
    }
    return {};
}

// AWS's own error page of the website endpoint: status line as the title, the error's code,
// message and details, the request ids, and why the custom error document failed if it did.
QByteArray S3Handler::websiteErrorPage(const AwsError &error,
    const std::optional<AwsError> &errorDocumentError,
    const HttpResponse &ids)
{
    const QString title = QString::number(error.httpStatus) + u' '
        + QLatin1StringView(HttpResponse::reasonPhrase(error.httpStatus));
    QString html = u"<html>\n<head><title>"_s + title + u"</title></head>\n<body>\n<h1>"_s + title
        + u"</h1>\n<ul>\n"_s;
    appendItems(html, error, true);
    html += u"<li>RequestId: "_s + QString::fromLatin1(ids.header("x-amz-request-id"))
        + u"</li>\n<li>HostId: "_s + QString::fromLatin1(ids.header("x-amz-id-2"))
        + u"</li>\n</ul>\n"_s;
    if (errorDocumentError) {
        html += u"<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>\n"
                u"<ul>\n"_s;
        appendItems(html, *errorDocumentError, errorDocumentError->code != u"AccessDenied"_s);
        html += u"</ul>\n"_s;
    }
    html += u"<hr/>\n</body>\n</html>\n"_s;
    return html.toUtf8();
}

void S3Handler::serveWebsite(Call &call)
{
    const HttpRequest &http = call.request.http;
    const bool isHead = http.method == "HEAD";
    call.operation = u"Website "_s + QString::fromLatin1(http.method);
    HttpResponse response = RestXmlProtocol::xml(200, {}, call.request.requestId);
    const auto page = [&](const AwsError &error, const std::optional<AwsError> &documentError) {
        response.status = error.httpStatus;
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        const QByteArray html = websiteErrorPage(error, documentError, response);
        if (isHead)
            response.headContentLength = html.size();
        else
            response.body = html;
        send(call, std::move(response));
    };
    if (!isHead && http.method != "GET") {
        AwsError error = S3::Errors::methodNotAllowed();
        error.extra = {
            {u"Method"_s, QString::fromLatin1(http.method)}, {u"ResourceType"_s, u"OBJECT"_s}};
        return page(error, std::nullopt);
    }
    if (!m_service->headBucket(call.target.bucket))
        return page(S3::Errors::noSuchBucket(call.target.bucket), std::nullopt);
    const S3::WebsiteAnswer answer = m_service->website(call.target.bucket,
        call.target.key,
        QString::fromLatin1(http.header("host")),
        policyContext(http, {}));
    if (!answer.location.isEmpty()) {
        response.status = answer.status;
        response.setHeader("Location", answer.location.toUtf8());
        return send(call, std::move(response));
    }
    if (!answer.object)
        return page(*answer.error, answer.errorDocumentError);
    const S3::S3Object &object = *answer.object;
    response.status = answer.status;
    if (answer.status == 200) {
        const QByteArray ifNoneMatch = http.header("if-none-match");
        bool notModified = false;
        if (!ifNoneMatch.isEmpty()) {
            notModified = S3Wire::etagMatches(ifNoneMatch, object.etag);
        } else if (http.hasHeader("if-modified-since")) {
            const qint64 since = S3Xml::parseHttpDate(http.header("if-modified-since"));
            notModified = since >= 0 && object.modifiedMs / 1000 <= since / 1000;
        }
        if (notModified) {
            response.status = 304;
            response.setHeader("ETag", object.etag.toLatin1());
            response.setHeader("Last-Modified", S3Xml::httpDate(object.modifiedMs));
            return send(call, std::move(response));
        }
    }
    S3Wire::setObjectHeaders(response, object);
    if (isHead) {
        response.headContentLength = object.size;
    } else if (object.filePath.isEmpty()) {
        response.body = object.inlineData;
    } else {
        response.bodyFile = object.filePath;
        response.bodyFileLength = object.size;
    }
    send(call, std::move(response));
}

void S3Handler::getBucketWebsite(Call &call)
{
    const auto config = m_service->getBucketWebsite(call.target.bucket);
    if (!config)
        return fail(call, config.error());
    if (!config->has_value())
        return fail(call, S3::Errors::noSuchWebsiteConfiguration(call.target.bucket));
    ok(call, (*config)->toXml());
}

void S3Handler::putBucketWebsite(Call &call)
{
    const auto config = S3::WebsiteConfig::parse(call.request.http.bodyBytes());
    if (!config)
        return fail(call, config.error());
    if (auto done = m_service->putBucketWebsite(call.target.bucket, *config); !done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::deleteBucketWebsite(Call &call)
{
    if (auto done = m_service->putBucketWebsite(call.target.bucket, std::nullopt); !done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

} // namespace Core::Api
