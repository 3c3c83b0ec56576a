// SPDX-License-Identifier: MIT
// S3Service: static website hosting (PutBucketWebsite and the website endpoint's answers).
#include "core/s3/s3service.h"

#include "core/s3/s3errors.h"
#include "core/s3/websiteconfig.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Core::S3 {

Result<std::optional<WebsiteConfig>> S3Service::getBucketWebsite(const QString &name) const
{
    const auto text = getBucketDocument(name, BucketDocument::Website);
    if (!text)
        return std::unexpected(text.error());
    if (!text->has_value())
        return std::optional<WebsiteConfig>();
    auto config = WebsiteConfig::parse((*text)->toUtf8());
    if (!config)
        return std::optional<WebsiteConfig>();
    return std::optional<WebsiteConfig>(*config);
}

Status S3Service::putBucketWebsite(const QString &name, const std::optional<WebsiteConfig> &config)
{
    return putBucketDocument(name,
        BucketDocument::Website,
        config ? std::optional<QString>(QString::fromUtf8(config->toXml())) : std::nullopt);
}

WebsiteAnswer S3Service::website(const QString &bucket,
    const QString &key,
    const QString &requestHost,
    const PolicyContext &context) const
{
    WebsiteAnswer answer;
    const auto redirect = [&answer](int status, const QString &location) {
        answer.status = status;
        answer.location = location;
        return answer;
    };
    const auto failure = [&answer](const AwsError &error) {
        answer.status = error.httpStatus;
        answer.error = error;
        return answer;
    };
    const auto config = getBucketWebsite(bucket);
    if (!config)
        return failure(config.error());
    if (!config->has_value())
        return failure(Errors::noSuchWebsiteConfiguration(bucket));
    const WebsiteConfig &site = **config;
    if (site.redirectAll)
        return redirect(301, site.redirectAllLocation(key));
    if (const WebsiteRoutingRule *rule = site.matchRule(key))
        return redirect(WebsiteConfig::redirectStatus(rule->redirect),
            WebsiteConfig::redirectLocation(*rule, key, requestHost));

    // A readable object (the page or the error document): its bytes, or the 301 its
    // x-amz-website-redirect-location asks for.
    const auto read = [this, &bucket, &context](const QString &wanted) -> Result<S3Object> {
        if (auto allowed = authorizeAnonymous(bucket, wanted, {}, u"s3:GetObject"_s, context);
            !allowed)
            return std::unexpected(allowed.error());
        auto object = getObject(bucket, wanted);
        if (!object)
            return std::unexpected(
                object.error().httpStatus == 404 ? Errors::noSuchKey(wanted) : object.error());
        if (auto readable = checkReadable(*object); !readable)
            return std::unexpected(Errors::accessDenied());
        return object;
    };
    const bool folder = key.isEmpty() || key.endsWith(u'/');
    const QString wanted = folder ? key + site.indexSuffix : key;
    auto object = read(wanted);
    if (object) {
        if (!object->headers.websiteRedirectLocation.isEmpty())
            return redirect(301, object->headers.websiteRedirectLocation);
        answer.object = *object;
        return answer;
    }
    AwsError error = object.error();
    // "photos" without its slash: the folder's index document, if there is one.
    if (!folder && error.code == u"NoSuchKey"_s
        && getObjectAttributes(bucket, key + u'/' + site.indexSuffix))
        return redirect(302, u'/' + QString::fromLatin1(QUrl::toPercentEncoding(key, "/~")) + u'/');
    // As for GetObject: a reader who may not list the bucket gets 403 for a missing page (the
    // lab's public-read policy grants s3:GetObject only), and the error document with it.
    if (error.code == u"NoSuchKey"_s
        && !authorizeAnonymous(bucket, QString(), {}, u"s3:ListBucket"_s, context))
        error = Errors::accessDenied();
    if (const WebsiteRoutingRule *rule = site.matchRule(key, error.httpStatus))
        return redirect(WebsiteConfig::redirectStatus(rule->redirect),
            WebsiteConfig::redirectLocation(*rule, key, requestHost));
    failure(error);
    if (site.errorKey.isEmpty())
        return answer;
    auto document = read(site.errorKey);
    if (!document) {
        answer.errorDocumentError = document.error();
        return answer;
    }
    if (!document->headers.websiteRedirectLocation.isEmpty())
        return redirect(301, document->headers.websiteRedirectLocation);
    answer.object = *document;
    return answer;
}

} // namespace Core::S3
