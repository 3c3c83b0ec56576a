// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

// S3's error codes, statuses and messages, verbatim from the S3 API reference.
namespace Core::S3::Errors {

AwsError noSuchBucket(const QString &bucket);
AwsError noSuchKey(const QString &key);
AwsError noSuchVersion(const QString &key, const QString &versionId);
AwsError noSuchUpload(const QString &uploadId);
AwsError bucketAlreadyOwnedByYou(const QString &bucket);
AwsError bucketNotEmpty(const QString &bucket);
AwsError invalidBucketName(const QString &bucket);
AwsError keyTooLong();
// A request path or query whose percent-decoded bytes are not UTF-8.
AwsError invalidUri();
AwsError metadataTooLarge();
AwsError invalidRange(qint64 size, const QString &range);
// GetObject / HeadObject ?partNumber= beyond the object's parts (416).
AwsError invalidPartNumber(int requested, int actualCount);
AwsError methodNotAllowed();
AwsError malformedXml();
AwsError badDigestMd5(const QString &expected, const QString &calculated);
AwsError badDigestChecksum(const QString &algorithm);
AwsError badDigest(const QString &message);
AwsError invalidDigest();
AwsError invalidRequest(const QString &message);
AwsError invalidArgument(
    const QString &message, const QString &name = {}, const QString &value = {});
// PutBucketNotificationConfiguration: destinations S3 may not notify, each with the reason
// (ArgumentName1/ArgumentValue1 ...).
AwsError unableToValidateDestinations(const QList<std::pair<QString, QString>> &refusals);
AwsError invalidPart();
AwsError invalidPartOrder();
AwsError entityTooSmall(qint64 size);
AwsError noSuchTagSet();
AwsError noSuchBucketPolicy(const QString &bucket);
AwsError noSuchCorsConfiguration(const QString &bucket);
AwsError noSuchWebsiteConfiguration(const QString &bucket);
AwsError noSuchReplicationConfiguration(const QString &bucket);
AwsError invalidTargetBucketForLogging(const QString &bucket);
AwsError crossLocationLoggingProhibited();
AwsError preconditionFailed(const QString &condition);
AwsError accessDeniedExpired(const QString &expires, const QString &now);
AwsError authorizationQueryParametersError(const QString &message);
AwsError incompleteBody();
AwsError missingContentLength();
AwsError accessDenied();
// CORS preflight (OPTIONS) answers: 400 BadRequest without Origin; 403 AccessForbidden with the
// requested method and the resource type (BUCKET or OBJECT) otherwise.
AwsError corsOriginMissing();
AwsError corsForbidden(const QString &message, const QString &method, const QString &resourceType);
AwsError accessControlListNotSupported();
AwsError invalidBucketAclWithObjectOwnership();
AwsError invalidBucketAclWithBlockPublicAccess();
AwsError noSuchLifecycleConfiguration(const QString &bucket);
AwsError ownershipControlsNotFound(const QString &bucket);
AwsError noSuchPublicAccessBlockConfiguration(const QString &bucket);
AwsError invalidTag(const QString &message);
AwsError internalError(const QString &message);
AwsError tooManyBuckets();
AwsError illegalLocationConstraint(const QString &constraint);
AwsError invalidLocationConstraint();
// GetObject of an archived object that is not restored; RestoreObject of one that is not
// archived (restore = true).
AwsError invalidObjectState(const QString &storageClass, bool restore = false);
AwsError objectNotInActiveTier();
AwsError restoreAlreadyInProgress();
AwsError invalidStorageClass();
// Object Lock (S3-20).
AwsError objectLockConfigurationNotFound(const QString &bucket);
AwsError noSuchObjectLockConfiguration();
AwsError invalidBucketState(const QString &message);
// DeleteObject of a version under retention or legal hold.
AwsError accessDeniedObjectLock();
// Object Lock parameters for a bucket without Object Lock.
AwsError bucketMissingObjectLock();

} // namespace Core::S3::Errors
