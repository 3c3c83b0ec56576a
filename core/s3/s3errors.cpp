// SPDX-License-Identifier: MIT
#include "core/s3/s3errors.h"

using namespace Qt::StringLiterals;

namespace Core::S3::Errors {

namespace {

AwsError error(const QString &code,
    const QString &message,
    int status,
    QList<std::pair<QString, QString>> extra = {})
{
    return AwsError{code, message, status, status < 500, std::move(extra)};
}

} // namespace

AwsError noSuchBucket(const QString &bucket)
{
    return error(u"NoSuchBucket"_s,
        u"The specified bucket does not exist"_s,
        404,
        {{u"BucketName"_s, bucket}});
}

AwsError noSuchKey(const QString &key)
{
    return error(u"NoSuchKey"_s, u"The specified key does not exist."_s, 404, {{u"Key"_s, key}});
}

AwsError noSuchVersion(const QString &key, const QString &versionId)
{
    return error(u"NoSuchVersion"_s,
        u"The specified version does not exist."_s,
        404,
        {{u"Key"_s, key}, {u"VersionId"_s, versionId}});
}

AwsError noSuchUpload(const QString &uploadId)
{
    return error(u"NoSuchUpload"_s,
        u"The specified upload does not exist. The upload ID may be invalid, or the upload may "
        u"have been aborted or completed."_s,
        404,
        {{u"UploadId"_s, uploadId}});
}

AwsError bucketAlreadyOwnedByYou(const QString &bucket)
{
    return error(u"BucketAlreadyOwnedByYou"_s,
        u"Your previous request to create the named bucket succeeded and you already own it."_s,
        409,
        {{u"BucketName"_s, bucket}});
}

AwsError bucketNotEmpty(const QString &bucket)
{
    return error(u"BucketNotEmpty"_s,
        u"The bucket you tried to delete is not empty"_s,
        409,
        {{u"BucketName"_s, bucket}});
}

AwsError invalidBucketName(const QString &bucket)
{
    return error(u"InvalidBucketName"_s,
        u"The specified bucket is not valid."_s,
        400,
        {{u"BucketName"_s, bucket}});
}

AwsError keyTooLong()
{
    return error(u"KeyTooLongError"_s, u"Your key is too long"_s, 400);
}

AwsError invalidUri()
{
    return error(u"InvalidURI"_s, u"Couldn't parse the specified URI."_s, 400);
}

AwsError invalidRange(qint64 size, const QString &range)
{
    return error(u"InvalidRange"_s,
        u"The requested range is not satisfiable"_s,
        416,
        {{u"RangeRequested"_s, range}, {u"ActualObjectSize"_s, QString::number(size)}});
}

AwsError metadataTooLarge()
{
    return error(u"MetadataTooLarge"_s,
        u"Your metadata headers exceed the maximum allowed metadata size"_s,
        400);
}

AwsError invalidPartNumber(int requested, int actualCount)
{
    return error(u"InvalidPartNumber"_s,
        u"The requested partnumber is not satisfiable"_s,
        416,
        {{u"PartNumberRequested"_s, QString::number(requested)},
            {u"ActualPartCount"_s, QString::number(actualCount)}});
}

AwsError methodNotAllowed()
{
    return error(u"MethodNotAllowed"_s,
        u"The specified method is not allowed against this resource."_s,
        405);
}

AwsError malformedXml()
{
    return error(u"MalformedXML"_s,
        u"The XML you provided was not well-formed or did not validate against our published "
        u"schema"_s,
        400);
}

AwsError badDigestMd5(const QString &expected, const QString &calculated)
{
    return error(u"BadDigest"_s,
        u"The Content-MD5 you specified did not match what we received."_s,
        400,
        {{u"ExpectedDigest"_s, expected}, {u"CalculatedDigest"_s, calculated}});
}

AwsError badDigestChecksum(const QString &algorithm)
{
    return error(u"BadDigest"_s,
        u"The %1 you specified did not match the calculated checksum."_s.arg(algorithm.toUpper()),
        400);
}

AwsError badDigest(const QString &message)
{
    return error(u"BadDigest"_s, message, 400);
}

AwsError invalidDigest()
{
    return error(u"InvalidDigest"_s, u"The Content-MD5 you specified was invalid."_s, 400);
}

AwsError invalidRequest(const QString &message)
{
    return error(u"InvalidRequest"_s, message, 400);
}

AwsError invalidArgument(const QString &message, const QString &name, const QString &value)
{
    QList<std::pair<QString, QString>> extra;
    if (!name.isEmpty())
        extra = {{u"ArgumentName"_s, name}, {u"ArgumentValue"_s, value}};
    return error(u"InvalidArgument"_s, message, 400, std::move(extra));
}

AwsError unableToValidateDestinations(const QList<std::pair<QString, QString>> &refusals)
{
    QList<std::pair<QString, QString>> extra;
    for (qsizetype i = 0; i < refusals.size(); ++i) {
        extra.append({u"ArgumentName%1"_s.arg(i + 1), refusals[i].first});
        extra.append({u"ArgumentValue%1"_s.arg(i + 1), refusals[i].second});
    }
    return error(u"InvalidArgument"_s,
        u"Unable to validate the following destination configurations"_s,
        400,
        std::move(extra));
}

AwsError invalidPart()
{
    return error(u"InvalidPart"_s,
        u"One or more of the specified parts could not be found.  The part may not have been "
        u"uploaded, or the specified entity tag may not match the part's entity tag."_s,
        400);
}

AwsError invalidPartOrder()
{
    return error(u"InvalidPartOrder"_s,
        u"The list of parts was not in ascending order. Parts must be ordered by part number."_s,
        400);
}

AwsError entityTooSmall(qint64 size)
{
    return error(u"EntityTooSmall"_s,
        u"Your proposed upload is smaller than the minimum allowed object size."_s,
        400,
        {{u"ProposedSize"_s, QString::number(size)}, {u"MinSizeAllowed"_s, u"5242880"_s}});
}

AwsError noSuchTagSet()
{
    return error(u"NoSuchTagSet"_s, u"The TagSet does not exist"_s, 404);
}

AwsError noSuchBucketPolicy(const QString &bucket)
{
    return error(u"NoSuchBucketPolicy"_s,
        u"The bucket policy does not exist"_s,
        404,
        {{u"BucketName"_s, bucket}});
}

AwsError noSuchCorsConfiguration(const QString &bucket)
{
    return error(u"NoSuchCORSConfiguration"_s,
        u"The CORS configuration does not exist"_s,
        404,
        {{u"BucketName"_s, bucket}});
}

AwsError noSuchWebsiteConfiguration(const QString &bucket)
{
    return error(u"NoSuchWebsiteConfiguration"_s,
        u"The specified bucket does not have a website configuration"_s,
        404,
        {{u"BucketName"_s, bucket}});
}

AwsError invalidTargetBucketForLogging(const QString &bucket)
{
    return error(u"InvalidTargetBucketForLogging"_s,
        u"The target bucket for logging does not exist"_s,
        400,
        {{u"TargetBucket"_s, bucket}});
}

AwsError crossLocationLoggingProhibited()
{
    // AWS spells the code this way.
    return error(
        u"CrossLocationLoggingProhibitted"_s, u"Cross S3 location logging not allowed."_s, 403);
}

AwsError noSuchReplicationConfiguration(const QString &bucket)
{
    return error(u"ReplicationConfigurationNotFoundError"_s,
        u"The replication configuration was not found"_s,
        404,
        {{u"BucketName"_s, bucket}});
}

AwsError preconditionFailed(const QString &condition)
{
    return error(u"PreconditionFailed"_s,
        u"At least one of the pre-conditions you specified did not hold"_s,
        412,
        {{u"Condition"_s, condition}});
}

AwsError missingContentLength()
{
    return error(
        u"MissingContentLength"_s, u"You must provide the Content-Length HTTP header."_s, 411);
}

AwsError accessDenied()
{
    return error(u"AccessDenied"_s, u"Access Denied"_s, 403);
}

AwsError authorizationQueryParametersError(const QString &message)
{
    return error(u"AuthorizationQueryParametersError"_s, message, 400);
}

AwsError corsOriginMissing()
{
    return error(
        u"BadRequest"_s, u"Insufficient information. Origin request header needed."_s, 400);
}

AwsError corsForbidden(const QString &message, const QString &method, const QString &resourceType)
{
    return error(u"AccessForbidden"_s,
        message,
        403,
        {{u"Method"_s, method}, {u"ResourceType"_s, resourceType}});
}

AwsError accessControlListNotSupported()
{
    return error(u"AccessControlListNotSupported"_s, u"The bucket does not allow ACLs"_s, 400);
}

AwsError invalidBucketAclWithObjectOwnership()
{
    return error(u"InvalidBucketAclWithObjectOwnership"_s,
        u"Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"_s,
        400);
}

AwsError invalidBucketAclWithBlockPublicAccess()
{
    return error(u"InvalidBucketAclWithBlockPublicAccessError"_s,
        u"Bucket cannot have public ACLs set with BlockPublicAccess enabled"_s,
        400);
}

AwsError noSuchLifecycleConfiguration(const QString &bucket)
{
    return error(u"NoSuchLifecycleConfiguration"_s,
        u"The lifecycle configuration does not exist"_s,
        404,
        {{u"BucketName"_s, bucket}});
}

AwsError ownershipControlsNotFound(const QString &bucket)
{
    return error(u"OwnershipControlsNotFoundError"_s,
        u"The bucket ownership controls were not found"_s,
        404,
        {{u"BucketName"_s, bucket}});
}

AwsError noSuchPublicAccessBlockConfiguration(const QString &bucket)
{
    return error(u"NoSuchPublicAccessBlockConfiguration"_s,
        u"The public access block configuration was not found"_s,
        404,
        {{u"BucketName"_s, bucket}});
}

AwsError accessDeniedExpired(const QString &expires, const QString &now)
{
    return error(u"AccessDenied"_s,
        u"Request has expired"_s,
        403,
        {{u"Expires"_s, expires}, {u"ServerTime"_s, now}});
}

AwsError incompleteBody()
{
    return error(u"IncompleteBody"_s, u"The request body terminated unexpectedly"_s, 400);
}

AwsError invalidTag(const QString &message)
{
    return error(u"InvalidTag"_s, message, 400);
}

AwsError internalError(const QString &message)
{
    return error(u"InternalError"_s, message, 500);
}

AwsError tooManyBuckets()
{
    return error(
        u"TooManyBuckets"_s, u"You have attempted to create more buckets than allowed"_s, 400);
}

AwsError illegalLocationConstraint(const QString &constraint)
{
    return error(u"IllegalLocationConstraintException"_s,
        u"The %1 location constraint is incompatible for the region specific endpoint this "
        u"request was sent to."_s.arg(constraint),
        400);
}

AwsError invalidLocationConstraint()
{
    return error(
        u"InvalidLocationConstraint"_s, u"The specified location-constraint is not valid"_s, 400);
}

AwsError invalidObjectState(const QString &storageClass, bool restore)
{
    return error(u"InvalidObjectState"_s,
        restore ? u"Restore is not allowed for the object's current storage class"_s
                : u"The operation is not valid for the object's storage class"_s,
        403,
        {{u"StorageClass"_s, storageClass}});
}

AwsError restoreAlreadyInProgress()
{
    return error(u"RestoreAlreadyInProgress"_s, u"Object restore is already in progress"_s, 409);
}

AwsError objectNotInActiveTier()
{
    return error(u"ObjectNotInActiveTierError"_s,
        u"The source object of the COPY action is not in the active tier and is only stored in "
        u"Amazon S3 Glacier."_s,
        403);
}

AwsError invalidStorageClass()
{
    return error(u"InvalidStorageClass"_s, u"The storage class you specified is not valid"_s, 400);
}

AwsError objectLockConfigurationNotFound(const QString &bucket)
{
    return error(u"ObjectLockConfigurationNotFoundError"_s,
        u"Object Lock configuration does not exist for this bucket"_s,
        404,
        {{u"BucketName"_s, bucket}});
}

AwsError noSuchObjectLockConfiguration()
{
    return error(u"NoSuchObjectLockConfiguration"_s,
        u"The specified object does not have a ObjectLock configuration"_s,
        404);
}

AwsError invalidBucketState(const QString &message)
{
    return error(u"InvalidBucketState"_s, message, 409);
}

AwsError accessDeniedObjectLock()
{
    return error(
        u"AccessDenied"_s, u"Access Denied because object protected by object lock."_s, 403);
}

AwsError bucketMissingObjectLock()
{
    return invalidRequest(u"Bucket is missing Object Lock Configuration"_s);
}

} // namespace Core::S3::Errors
