// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/s3/s3object.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Core::S3 {

// Where a routing rule (or RedirectAllRequestsTo) sends the browser. Empty fields take the
// request's own protocol, host and key.
struct WebsiteRedirect
{
    QString protocol; // http, https or empty
    QString hostName;
    std::optional<QString> replaceKeyPrefixWith;
    std::optional<QString> replaceKeyWith;
    QString httpRedirectCode; // empty: 301

    friend bool operator==(const WebsiteRedirect &, const WebsiteRedirect &) = default;
};

struct WebsiteRoutingRule
{
    bool hasCondition = false;
    std::optional<QString> keyPrefixEquals;
    QString httpErrorCodeReturnedEquals; // empty: any answer
    WebsiteRedirect redirect;

    friend bool operator==(const WebsiteRoutingRule &, const WebsiteRoutingRule &) = default;
};

// A bucket's website configuration (PutBucketWebsite) and how the website endpoint applies its
// redirects. Plain value; any thread.
struct WebsiteConfig
{
    QString indexSuffix;
    QString errorKey; // empty: AWS's own error pages
    std::optional<WebsiteRedirect> redirectAll; // RedirectAllRequestsTo: protocol and host only
    QList<WebsiteRoutingRule> routingRules;

    // PutBucketWebsite, with AWS's checks and messages: MalformedXML for a document the schema
    // refuses; InvalidArgument without an index document (unless RedirectAllRequestsTo), for a
    // suffix that is empty or holds '/', and for RedirectAllRequestsTo beside anything else;
    // InvalidRequest for a bad protocol, redirect or error code, both ReplaceKey elements, an
    // empty Condition or more than 50 rules.
    static Result<WebsiteConfig> parse(const QByteArray &xml);
    // The document GetBucketWebsite answers.
    QByteArray toXml() const;

    // The first routing rule for a request for `key`: errorCode 0 before the object is looked
    // up (rules without HttpErrorCodeReturnedEquals), else after the lookup failed with it.
    const WebsiteRoutingRule *matchRule(const QString &key, int errorCode = 0) const;
    // The Location a rule redirects a request for `key` to, as AWS builds it: the rule's
    // protocol and host or the request's, then the key with the prefix or whole key replaced.
    static QString redirectLocation(
        const WebsiteRoutingRule &rule, const QString &key, const QString &requestHost);
    // RedirectAllRequestsTo: the same path on the configured host.
    QString redirectAllLocation(const QString &key) const;
    static int redirectStatus(const WebsiteRedirect &redirect);

    friend bool operator==(const WebsiteConfig &, const WebsiteConfig &) = default;
};

// What the website endpoint answers a GET or HEAD with (S3Service::website): a redirect
// (location), an object with its status (the page, or the error document with the error's
// status), or an error AWS shows as its own HTML page, with the reason the custom error
// document could not be served when there is one.
struct WebsiteAnswer
{
    int status = 200;
    QString location;
    std::optional<S3Object> object;
    std::optional<AwsError> error;
    std::optional<AwsError> errorDocumentError;
};

} // namespace Core::S3
