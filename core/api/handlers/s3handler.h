// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/handlers/servicehandler.h"
#include "core/common/awserror.h"
#include "core/s3/bucketconfig.h"
#include "core/s3/bucketpolicy.h"
#include "core/s3/objectlock.h"

#include <QHash>

#include <optional>

namespace Core::S3 {
class S3Service;
struct S3Object;
struct ObjectHeaders;
} // namespace Core::S3

namespace Core::Api {

// S3 over REST-XML: path-style (/bucket/key) and virtual-host style (bucket.localhost,
// bucket.s3.<anything>) addressing; the operation follows from method, bucket/key and the
// sub-resource in the query. Operations are split over s3handler.cpp (routing, answers, request
// metrics), s3buckethandler.cpp, s3confighandler.cpp (ACLs, encryption, lifecycle, ownership,
// public access block), s3websitehandler.cpp (website configuration and endpoint),
// s3objecthandler.cpp, s3attributeshandler.cpp and s3multiparthandler.cpp. Lives on the core
// thread.
class S3Handler final : public ServiceHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(S3Handler)

public:
    // accountId: the account whose root user every signed request is.
    S3Handler(S3::S3Service *service, QString accountId, QObject *parent = nullptr);

    QString service() const override;
    QStringList operations() const override;
    void handle(const AwsRequest &request, Responder responder) override;

    // Where a request points: bucket and key from the Host header or the path.
    struct Target
    {
        QString bucket;
        QString key;
    };
    static Target target(const HttpRequest &request);
    // The wire operation name for a request, or "" when S3 has none (MethodNotAllowed).
    static QString operationFor(const HttpRequest &request, const Target &target);
    // The bucket a website endpoint host (<bucket>.s3-website.localhost,
    // <bucket>.s3-website-<region>.localhost, <bucket>.s3-website.<region>.localhost, with any
    // port) names; "" for every other host.
    static QString websiteBucket(const HttpRequest &request);

private:
    struct Call
    {
        const AwsRequest &request;
        Responder &responder;
        Target target;
        QString operation;
        QString errorCode; // of the error answered, for the access log
    };
    using Operation = void (S3Handler::*)(Call &);
    static const QHash<QString, Operation> &operationTable();

    void ok(Call &call, const QByteArray &xml = {}, int status = 200);
    // CORS: OPTIONS preflights (unsigned, as browsers send them) answered from the bucket's
    // rules; an actual request with Origin gets the Access-Control-* headers of the first rule
    // matching its origin and method (Access-Control-Request-Method if given).
    void preflight(Call &call);
    void addCorsHeaders(const Call &call, HttpResponse &response) const;
    void fail(Call &call, AwsError error);
    void send(Call &call, HttpResponse response);
    // AWS/S3 request metrics for the answer about to be sent.
    void report(const Call &call, const HttpResponse &response);
    // Server access logging: the request's record for a bucket that logs.
    void logAccess(const Call &call, const HttpResponse &response);
    // An unsigned request comes from the anonymous principal: only public access (bucket policy,
    // ACL grants to AllUsers, as Block Public Access leaves them) lets it through. A signed one
    // is the account's root user: only an explicit Deny in the bucket policy stops it.
    Status authorize(const Call &call) const;
    S3::PolicyPrincipal principal(const AwsRequest &request) const;
    // The condition keys a bucket policy can test, as this request (of this principal) has them.
    static S3::PolicyContext policyContext(
        const HttpRequest &http, const S3::PolicyPrincipal &principal);

    void listBuckets(Call &call);
    void createBucket(Call &call);
    void headBucket(Call &call);
    void deleteBucket(Call &call);
    void getBucketLocation(Call &call);
    void getBucketVersioning(Call &call);
    void putBucketVersioning(Call &call);
    void getBucketTagging(Call &call);
    void putBucketTagging(Call &call);
    void deleteBucketTagging(Call &call);
    void getBucketDocument(Call &call);
    void putBucketDocument(Call &call);
    void deleteBucketDocument(Call &call);
    void getBucketPolicyStatus(Call &call);
    void getBucketAcl(Call &call);
    void putBucketAcl(Call &call);
    void getObjectAcl(Call &call);
    void putObjectAcl(Call &call);
    void getBucketEncryption(Call &call);
    void putBucketEncryption(Call &call);
    void deleteBucketEncryption(Call &call);
    void getBucketLifecycle(Call &call);
    void putBucketLifecycle(Call &call);
    void deleteBucketLifecycle(Call &call);
    void getBucketOwnershipControls(Call &call);
    void putBucketOwnershipControls(Call &call);
    void deleteBucketOwnershipControls(Call &call);
    void getBucketWebsite(Call &call);
    void putBucketWebsite(Call &call);
    void deleteBucketWebsite(Call &call);
    void getBucketReplication(Call &call);
    void putBucketReplication(Call &call);
    void deleteBucketReplication(Call &call);
    void getBucketLogging(Call &call);
    void putBucketLogging(Call &call);
    // The website endpoint (s3websitehandler.cpp): S3Service::website's answer as HTTP.
    void serveWebsite(Call &call);
    // ids: a response carrying the request ids the page shows.
    static QByteArray websiteErrorPage(const AwsError &error,
        const std::optional<AwsError> &errorDocumentError,
        const HttpResponse &ids);
    // Object Lock (s3objectlockhandler.cpp).
    void getObjectLockConfiguration(Call &call);
    void putObjectLockConfiguration(Call &call);
    void getObjectRetention(Call &call);
    void putObjectRetention(Call &call);
    void getObjectLegalHold(Call &call);
    void putObjectLegalHold(Call &call);
    // x-amz-bypass-governance-retention: true, allowed to this principal
    // (s3:BypassGovernanceRetention); false without the header.
    Result<bool> bypassGovernance(const Call &call) const;
    void getPublicAccessBlock(Call &call);
    void putPublicAccessBlock(Call &call);
    void deletePublicAccessBlock(Call &call);

    void putObject(Call &call);
    void getObject(Call &call);
    void deleteObject(Call &call);
    void deleteObjects(Call &call);
    void copyObject(Call &call);
    void listObjects(Call &call);
    void listObjectVersions(Call &call);
    void getObjectTagging(Call &call);
    void putObjectTagging(Call &call);
    void deleteObjectTagging(Call &call);
    void restoreObject(Call &call);
    void getObjectAttributes(Call &call);

    void createMultipartUpload(Call &call);
    void uploadPart(Call &call);
    void uploadPartCopy(Call &call);
    void completeMultipartUpload(Call &call);
    void abortMultipartUpload(Call &call);
    void listMultipartUploads(Call &call);
    void listParts(Call &call);

    S3::S3Service *m_service;
    QString m_accountId;
};

// Helpers shared by the S3 handler files (s3wire.cpp, s3confighandler.cpp).
namespace S3Wire {
S3::ObjectHeaders headersFromRequest(const HttpRequest &request);
void setObjectHeaders(HttpResponse &response, const S3::S3Object &object);
// "k1=v1&k2=v2" (x-amz-tagging); InvalidTag on bad input.
Result<QList<std::pair<QString, QString>>> parseTaggingHeader(const QByteArray &header);
QString urlEncodeKey(const QString &key);
// If-Match / If-None-Match: whether the header (a list, or *) names this quoted ETag.
bool etagMatches(const QByteArray &header, const QString &etag);
// CopyObject / UploadPartCopy: the x-amz-copy-source-if-* conditions against the source object;
// PreconditionFailed (412) when one does not hold.
Status checkCopySourceConditions(const HttpRequest &request, const S3::S3Object &source);
// x-amz-acl, x-amz-grant-* or (withBody) an AccessControlPolicy body; nullopt when none given.
Result<std::optional<S3::AccessControlList>> aclFromRequest(
    const HttpRequest &request, bool withBody);
// x-amz-server-side-encryption (and the KMS key id) of a stored object or upload.
void setEncryptionHeaders(HttpResponse &response, const S3::ObjectHeaders &headers);
// Request headers every write checks: x-amz-server-side-encryption names a known algorithm.
Status checkWriteHeaders(const HttpRequest &request);
// Listings: whether encoding-type=url was asked for; InvalidArgument for any other value.
Result<bool> urlEncodingRequested(const HttpRequest &request);
// Content-MD5 or a flexible checksum (header or trailer) comes with the request.
bool hasIntegrityCheck(const HttpRequest &request);
// x-amz-object-lock-mode, -retain-until-date and -legal-hold of a write, checked for form
// (InvalidArgument); empty without them.
Result<S3::ObjectLock> objectLockFromRequest(const HttpRequest &request);
// An ISO 8601 timestamp as SDKs send it (with or without fractional seconds); -1 if invalid.
qint64 parseIsoTime(const QString &text);
} // namespace S3Wire

} // namespace Core::Api
