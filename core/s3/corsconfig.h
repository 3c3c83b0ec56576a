// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QStringList>

namespace Core::S3 {

// One CORSRule of a bucket's CORS configuration. Origins and headers may hold one '*' each,
// which matches any run of characters (also none).
struct CorsRule
{
    QString id;
    QStringList allowedOrigins;
    QStringList allowedMethods;
    QStringList allowedHeaders;
    QStringList exposeHeaders;
    int maxAgeSeconds = -1; // -1: not set

    bool allowsOrigin(const QString &origin) const;
    // Header names match without regard to case.
    bool allowsHeader(const QString &header) const;
};

// A bucket's CORS configuration (PutBucketCors), as S3 evaluates it for a preflight OPTIONS
// request and for an actual request carrying Origin. Plain value; any thread.
struct CorsConfig
{
    QList<CorsRule> rules;

    // PutBucketCors: at least one and at most 100 rules, each with an AllowedOrigin and an
    // AllowedMethod (MalformedXML); methods GET, PUT, HEAD, POST, DELETE only, and at most one
    // '*' per AllowedOrigin and AllowedHeader (InvalidRequest).
    static Result<CorsConfig> parse(const QByteArray &xml);

    // The first rule allowing the origin, the method and every requested header (lower case);
    // null when none does.
    const CorsRule *match(
        const QString &origin, const QString &method, const QStringList &requestHeaders = {}) const;
};

// Access-Control-Request-Headers: the names, lower case, in the order given.
QStringList parseCorsRequestHeaders(const QByteArray &header);

} // namespace Core::S3
