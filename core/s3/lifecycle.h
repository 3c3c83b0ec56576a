// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/s3/s3object.h"

namespace Core::S3 {

// One rule of a bucket lifecycle configuration (S3-14, S3-15), as far as Cloudbench applies
// it: expiration of current objects (Days or Date), of noncurrent versions, and aborting
// incomplete multipart uploads. Transitions are validated and stored, not applied.
struct LifecycleRule
{
    QString id;
    bool enabled = false;
    QString prefix;
    Tags tags;
    qint64 sizeGreaterThan = -1;
    qint64 sizeLessThan = -1;
    int expirationDays = 0;
    qint64 expirationDateMs = -1;
    bool expiredObjectDeleteMarker = false;
    int noncurrentDays = 0;
    int abortIncompleteDays = 0;
    QList<std::pair<int, QString>> transitions; // days (or -1 for a Date), storage class

    // The filter: prefix, every tag, and the size bounds.
    bool matches(const S3Object &object) const;
};

// Validates a PutBucketLifecycleConfiguration body with AWS's errors (MalformedXML,
// InvalidArgument, InvalidRequest).
Result<QList<LifecycleRule>> parseLifecycle(const QByteArray &xml);

// When an action "after N days" applies to something created at fromMs: AWS adds the days and
// rounds up to the next midnight UTC.
qint64 lifecycleDueMs(qint64 fromMs, int days);

} // namespace Core::S3
