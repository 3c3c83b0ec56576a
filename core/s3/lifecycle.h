// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/s3/s3object.h"

namespace Core::S3 {

// A Transition (days after creation, or a Date) or a NoncurrentVersionTransition (days after
// the version became noncurrent) to a colder storage class.
struct LifecycleTransition
{
    int days = -1;
    qint64 dateMs = -1;
    QString storageClass;
};

// One rule of a bucket lifecycle configuration (S3-14, S3-15), as far as Cloudbench applies
// it: expiration of current objects (Days or Date), of noncurrent versions, transitions of
// current and noncurrent versions, and aborting incomplete multipart uploads.
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
    QList<LifecycleTransition> transitions;
    QList<LifecycleTransition> noncurrentTransitions; // days after becoming noncurrent

    // The filter: prefix, every tag, and the size bounds.
    bool matches(const S3Object &object) const;
};

// Validates a PutBucketLifecycleConfiguration body with AWS's errors (MalformedXML,
// InvalidArgument, InvalidRequest).
Result<QList<LifecycleRule>> parseLifecycle(const QByteArray &xml);

// Where a storage class sits in S3's transition waterfall (STANDARD -> STANDARD_IA ->
// INTELLIGENT_TIERING -> ONEZONE_IA -> GLACIER_IR -> GLACIER -> DEEP_ARCHIVE): lifecycle only
// moves an object to a class ranked higher than its own; -1 for classes lifecycle never moves.
int transitionRank(const QString &storageClass);

// Since September 2024 lifecycle does not transition objects smaller than 128 KiB unless the
// rule's filter names its own ObjectSizeGreaterThan, or the configuration's
// x-amz-transition-default-minimum-object-size is varies_by_storage_class (then small objects
// may still go to GLACIER and DEEP_ARCHIVE).
inline constexpr qint64 TransitionMinimumSize = 128 * 1024;
inline constexpr auto AllStorageClasses128K = "all_storage_classes_128K";
inline constexpr auto VariesByStorageClass = "varies_by_storage_class";

// When an action "after N days" applies to something created at fromMs: AWS adds the days and
// rounds up to the next midnight UTC.
qint64 lifecycleDueMs(qint64 fromMs, int days);

} // namespace Core::S3
