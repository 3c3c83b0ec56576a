// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Core::S3 {

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
