// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QString>

#include <optional>

namespace Core::S3 {

// The SigV4 query-authentication parameters of a presigned URL; nullopt when absent.
struct PresignedQuery
{
    std::optional<QString> algorithm;
    std::optional<QString> credential;
    std::optional<QString> date;
    std::optional<QString> expires;
    std::optional<QString> signedHeaders;
    std::optional<QString> signature;

    // Whether the request uses query authentication at all (any X-Amz-* parameter of it).
    bool isPresent() const;
};

// S3's checks of a SigV4 presigned URL before its signature: all six parameters present, and
// X-Amz-Expires a number of seconds from 0 to 604800, X-Amz-Date in ISO 8601 basic format
// (400 AuthorizationQueryParametersError). Expiry itself is the handler's (AccessDenied).
Status checkPresignedQuery(const PresignedQuery &query);

// A SigV4 query-signed GET URL (path style), as `aws s3 presign` makes it, signed with the given
// credentials. The endpoint accepts any credentials but honours X-Amz-Expires.
QString presignGetUrl(const QString &endpoint,
    const QString &region,
    const QString &bucket,
    const QString &key,
    qint64 nowMs,
    int expiresSeconds,
    const QString &accessKeyId = QStringLiteral("test"),
    const QString &secretKey = QStringLiteral("test"));

} // namespace Core::S3
