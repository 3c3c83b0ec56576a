// SPDX-License-Identifier: MIT
#include "core/api/handlers/s3handler.h"

#include "core/api/handlers/s3xml.h"
#include "core/api/protocols/restxmlprotocol.h"
#include "core/common/clock.h"
#include "core/s3/accesslog.h"
#include "core/s3/bucketconfig.h"
#include "core/s3/presignedurl.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

bool isIpAddress(const QString &host)
{
    static const QRegularExpression ip(u"^\\d{1,3}(\\.\\d{1,3}){3}$"_s);
    return ip.match(host).hasMatch() || host.startsWith(u'[');
}

QString bucketFromHost(const HttpRequest &request)
{
    QString host = QString::fromLatin1(request.header("host")).toLower();
    if (!host.startsWith(u'['))
        host = host.section(u':', 0, 0);
    if (host.isEmpty() || isIpAddress(host) || host == u"localhost"_s || host.startsWith(u"s3."_s)
        || host.startsWith(u"s3-"_s))
        return {};
    const qsizetype s3 = host.indexOf(u".s3."_s);
    if (s3 > 0)
        return host.left(s3);
    const qsizetype s3Dash = host.indexOf(u".s3-"_s);
    if (s3Dash > 0)
        return host.left(s3Dash);
    if (host.endsWith(u".localhost"_s))
        return host.chopped(10);
    return {};
}

// The versionId of the request (object operations) and of its x-amz-copy-source, where given.
Status checkVersionIds(const HttpRequest &request, const S3Handler::Target &target)
{
    if (target.key.isEmpty())
        return {};
    if (request.hasQueryItem(u"versionId")) {
        if (auto valid = S3::S3Service::checkVersionId(request.queryItem(u"versionId")); !valid)
            return valid;
    }
    const QByteArray source = request.header("x-amz-copy-source");
    if (const qsizetype question = source.indexOf('?'); question >= 0) {
        for (const auto &[name, value] : parseFormEncoded(source.mid(question + 1))) {
            if (name == u"versionId"_s)
                return S3::S3Service::checkVersionId(value);
        }
    }
    return {};
}

// Keys, prefixes and markers are UTF-8. Bytes that do not decode would become U+FFFD, so that
// distinct keys (c%FFd, c%FEd) alias one object: S3 cannot parse such a URI. An undecodable
// x-amz-copy-source names no object either (CopyObject, UploadPartCopy).
Status checkUtf8(const HttpRequest &request)
{
    if (!isValidUtf8(percentDecodeBytes(request.path, false))
        || !isValidFormEncodedUtf8(request.rawQuery))
        return std::unexpected(S3::Errors::invalidUri());
    if (request.hasHeader("x-amz-copy-source")) {
        const QByteArray source = request.header("x-amz-copy-source");
        const qsizetype question = source.indexOf('?');
        if (!isValidUtf8(percentDecodeBytes(question < 0 ? source : source.left(question), false))
            || (question >= 0 && !isValidFormEncodedUtf8(source.mid(question + 1))))
            return std::unexpected(S3::Errors::invalidArgument(u"Invalid copy source encoding."_s));
    }
    return {};
}

// SigV4 presigned URLs: the query parameters S3 checks before the signature.
Status checkQueryAuthentication(const HttpRequest &request)
{
    const auto item = [&request](QStringView name) -> std::optional<QString> {
        if (!request.hasQueryItem(name))
            return std::nullopt;
        return request.queryItem(name);
    };
    const S3::PresignedQuery query{item(u"X-Amz-Algorithm"),
        item(u"X-Amz-Credential"),
        item(u"X-Amz-Date"),
        item(u"X-Amz-Expires"),
        item(u"X-Amz-SignedHeaders"),
        item(u"X-Amz-Signature")};
    return query.isPresent() ? S3::checkPresignedQuery(query) : Status();
}

// SSE-C needs TLS and the endpoint is plain HTTP: AWS refuses every request carrying customer
// key headers (the object's or, for copies, the source's) over HTTP.
Status checkCustomerKeyHeaders(const HttpRequest &request)
{
    static const QByteArray headers[] = {"x-amz-server-side-encryption-customer-algorithm",
        "x-amz-server-side-encryption-customer-key",
        "x-amz-server-side-encryption-customer-key-md5",
        "x-amz-copy-source-server-side-encryption-customer-algorithm",
        "x-amz-copy-source-server-side-encryption-customer-key",
        "x-amz-copy-source-server-side-encryption-customer-key-md5"};
    for (const QByteArray &header : headers) {
        if (request.hasHeader(header))
            return std::unexpected(S3::Errors::invalidRequest(
                u"Requests specifying Server Side Encryption with Customer provided keys must "
                u"be made over a secure connection."_s));
    }
    return {};
}

} // namespace

S3Handler::S3Handler(S3::S3Service *service, QString accountId, QObject *parent)
    : ServiceHandler(parent)
    , m_service(service)
    , m_accountId(std::move(accountId))
{}

QString S3Handler::service() const
{
    return u"s3"_s;
}

const QHash<QString, S3Handler::Operation> &S3Handler::operationTable()
{
    static const QHash<QString, Operation> table{
        {u"ListBuckets"_s, &S3Handler::listBuckets},
        {u"CreateBucket"_s, &S3Handler::createBucket},
        {u"HeadBucket"_s, &S3Handler::headBucket},
        {u"DeleteBucket"_s, &S3Handler::deleteBucket},
        {u"GetBucketLocation"_s, &S3Handler::getBucketLocation},
        {u"GetBucketVersioning"_s, &S3Handler::getBucketVersioning},
        {u"PutBucketVersioning"_s, &S3Handler::putBucketVersioning},
        {u"GetBucketTagging"_s, &S3Handler::getBucketTagging},
        {u"PutBucketTagging"_s, &S3Handler::putBucketTagging},
        {u"DeleteBucketTagging"_s, &S3Handler::deleteBucketTagging},
        {u"GetBucketPolicy"_s, &S3Handler::getBucketDocument},
        {u"PutBucketPolicy"_s, &S3Handler::putBucketDocument},
        {u"DeleteBucketPolicy"_s, &S3Handler::deleteBucketDocument},
        {u"GetBucketPolicyStatus"_s, &S3Handler::getBucketPolicyStatus},
        {u"GetBucketCors"_s, &S3Handler::getBucketDocument},
        {u"PutBucketCors"_s, &S3Handler::putBucketDocument},
        {u"DeleteBucketCors"_s, &S3Handler::deleteBucketDocument},
        {u"GetBucketNotificationConfiguration"_s, &S3Handler::getBucketDocument},
        {u"PutBucketNotificationConfiguration"_s, &S3Handler::putBucketDocument},
        {u"GetBucketAcl"_s, &S3Handler::getBucketAcl},
        {u"PutBucketAcl"_s, &S3Handler::putBucketAcl},
        {u"GetObjectAcl"_s, &S3Handler::getObjectAcl},
        {u"PutObjectAcl"_s, &S3Handler::putObjectAcl},
        {u"GetBucketEncryption"_s, &S3Handler::getBucketEncryption},
        {u"PutBucketEncryption"_s, &S3Handler::putBucketEncryption},
        {u"DeleteBucketEncryption"_s, &S3Handler::deleteBucketEncryption},
        {u"GetBucketLifecycleConfiguration"_s, &S3Handler::getBucketLifecycle},
        {u"PutBucketLifecycleConfiguration"_s, &S3Handler::putBucketLifecycle},
        {u"DeleteBucketLifecycle"_s, &S3Handler::deleteBucketLifecycle},
        {u"GetBucketOwnershipControls"_s, &S3Handler::getBucketOwnershipControls},
        {u"PutBucketOwnershipControls"_s, &S3Handler::putBucketOwnershipControls},
        {u"DeleteBucketOwnershipControls"_s, &S3Handler::deleteBucketOwnershipControls},
        {u"GetBucketWebsite"_s, &S3Handler::getBucketWebsite},
        {u"PutBucketWebsite"_s, &S3Handler::putBucketWebsite},
        {u"DeleteBucketWebsite"_s, &S3Handler::deleteBucketWebsite},
        {u"GetBucketReplication"_s, &S3Handler::getBucketReplication},
        {u"PutBucketReplication"_s, &S3Handler::putBucketReplication},
        {u"DeleteBucketReplication"_s, &S3Handler::deleteBucketReplication},
        {u"GetBucketLogging"_s, &S3Handler::getBucketLogging},
        {u"PutBucketLogging"_s, &S3Handler::putBucketLogging},
        {u"GetPublicAccessBlock"_s, &S3Handler::getPublicAccessBlock},
        {u"PutPublicAccessBlock"_s, &S3Handler::putPublicAccessBlock},
        {u"GetObjectLockConfiguration"_s, &S3Handler::getObjectLockConfiguration},
        {u"PutObjectLockConfiguration"_s, &S3Handler::putObjectLockConfiguration},
        {u"GetObjectRetention"_s, &S3Handler::getObjectRetention},
        {u"PutObjectRetention"_s, &S3Handler::putObjectRetention},
        {u"GetObjectLegalHold"_s, &S3Handler::getObjectLegalHold},
        {u"PutObjectLegalHold"_s, &S3Handler::putObjectLegalHold},
        {u"DeletePublicAccessBlock"_s, &S3Handler::deletePublicAccessBlock},
        {u"PutObject"_s, &S3Handler::putObject},
        {u"GetObject"_s, &S3Handler::getObject},
        {u"HeadObject"_s, &S3Handler::getObject},
        {u"DeleteObject"_s, &S3Handler::deleteObject},
        {u"DeleteObjects"_s, &S3Handler::deleteObjects},
        {u"CopyObject"_s, &S3Handler::copyObject},
        {u"ListObjects"_s, &S3Handler::listObjects},
        {u"ListObjectsV2"_s, &S3Handler::listObjects},
        {u"ListObjectVersions"_s, &S3Handler::listObjectVersions},
        {u"GetObjectTagging"_s, &S3Handler::getObjectTagging},
        {u"PutObjectTagging"_s, &S3Handler::putObjectTagging},
        {u"DeleteObjectTagging"_s, &S3Handler::deleteObjectTagging},
        {u"RestoreObject"_s, &S3Handler::restoreObject},
        {u"GetObjectAttributes"_s, &S3Handler::getObjectAttributes},
        {u"CreateMultipartUpload"_s, &S3Handler::createMultipartUpload},
        {u"UploadPart"_s, &S3Handler::uploadPart},
        {u"UploadPartCopy"_s, &S3Handler::uploadPartCopy},
        {u"CompleteMultipartUpload"_s, &S3Handler::completeMultipartUpload},
        {u"AbortMultipartUpload"_s, &S3Handler::abortMultipartUpload},
        {u"ListMultipartUploads"_s, &S3Handler::listMultipartUploads},
        {u"ListParts"_s, &S3Handler::listParts},
    };
    return table;
}

QStringList S3Handler::operations() const
{
    return operationTable().keys();
}

S3Handler::Target S3Handler::target(const HttpRequest &request)
{
    Target target;
    const QString path = request.decodedPath();
    target.bucket = bucketFromHost(request);
    if (!target.bucket.isEmpty()) {
        target.key = path.startsWith(u'/') ? path.mid(1) : path;
        return target;
    }
    const QString rest = path.startsWith(u'/') ? path.mid(1) : path;
    const qsizetype slash = rest.indexOf(u'/');
    target.bucket = slash < 0 ? rest : rest.left(slash);
    target.key = slash < 0 ? QString() : rest.mid(slash + 1);
    return target;
}

QString S3Handler::operationFor(const HttpRequest &request, const Target &target)
{
    const QByteArray &method = request.method;
    const auto has = [&request](QStringView name) {
        return request.hasQueryItem(name);
    };
    if (target.bucket.isEmpty())
        return method == "GET" ? u"ListBuckets"_s : QString();
    if (target.key.isEmpty()) {
        if (method == "GET") {
            if (has(u"location"))
                return u"GetBucketLocation"_s;
            if (has(u"versioning"))
                return u"GetBucketVersioning"_s;
            if (has(u"tagging"))
                return u"GetBucketTagging"_s;
            if (has(u"policy"))
                return u"GetBucketPolicy"_s;
            if (has(u"policyStatus"))
                return u"GetBucketPolicyStatus"_s;
            if (has(u"cors"))
                return u"GetBucketCors"_s;
            if (has(u"notification"))
                return u"GetBucketNotificationConfiguration"_s;
            if (has(u"acl"))
                return u"GetBucketAcl"_s;
            if (has(u"encryption"))
                return u"GetBucketEncryption"_s;
            if (has(u"lifecycle"))
                return u"GetBucketLifecycleConfiguration"_s;
            if (has(u"ownershipControls"))
                return u"GetBucketOwnershipControls"_s;
            if (has(u"publicAccessBlock"))
                return u"GetPublicAccessBlock"_s;
            if (has(u"website"))
                return u"GetBucketWebsite"_s;
            if (has(u"replication"))
                return u"GetBucketReplication"_s;
            if (has(u"logging"))
                return u"GetBucketLogging"_s;
            if (has(u"object-lock"))
                return u"GetObjectLockConfiguration"_s;
            if (has(u"uploads"))
                return u"ListMultipartUploads"_s;
            if (has(u"versions"))
                return u"ListObjectVersions"_s;
            if (request.queryItem(u"list-type") == u"2"_s)
                return u"ListObjectsV2"_s;
            return u"ListObjects"_s;
        }
        if (method == "PUT") {
            if (has(u"versioning"))
                return u"PutBucketVersioning"_s;
            if (has(u"tagging"))
                return u"PutBucketTagging"_s;
            if (has(u"policy"))
                return u"PutBucketPolicy"_s;
            if (has(u"cors"))
                return u"PutBucketCors"_s;
            if (has(u"notification"))
                return u"PutBucketNotificationConfiguration"_s;
            if (has(u"acl"))
                return u"PutBucketAcl"_s;
            if (has(u"encryption"))
                return u"PutBucketEncryption"_s;
            if (has(u"lifecycle"))
                return u"PutBucketLifecycleConfiguration"_s;
            if (has(u"ownershipControls"))
                return u"PutBucketOwnershipControls"_s;
            if (has(u"publicAccessBlock"))
                return u"PutPublicAccessBlock"_s;
            if (has(u"website"))
                return u"PutBucketWebsite"_s;
            if (has(u"replication"))
                return u"PutBucketReplication"_s;
            if (has(u"logging"))
                return u"PutBucketLogging"_s;
            if (has(u"object-lock"))
                return u"PutObjectLockConfiguration"_s;
            if (request.rawQuery.isEmpty() || has(u"x-id"))
                return u"CreateBucket"_s;
            return {};
        }
        if (method == "HEAD")
            return u"HeadBucket"_s;
        if (method == "DELETE") {
            if (has(u"tagging"))
                return u"DeleteBucketTagging"_s;
            if (has(u"policy"))
                return u"DeleteBucketPolicy"_s;
            if (has(u"cors"))
                return u"DeleteBucketCors"_s;
            if (has(u"encryption"))
                return u"DeleteBucketEncryption"_s;
            if (has(u"lifecycle"))
                return u"DeleteBucketLifecycle"_s;
            if (has(u"ownershipControls"))
                return u"DeleteBucketOwnershipControls"_s;
            if (has(u"publicAccessBlock"))
                return u"DeletePublicAccessBlock"_s;
            if (has(u"website"))
                return u"DeleteBucketWebsite"_s;
            if (has(u"replication"))
                return u"DeleteBucketReplication"_s;
            return u"DeleteBucket"_s;
        }
        if (method == "POST" && has(u"delete"))
            return u"DeleteObjects"_s;
        return {};
    }
    if (method == "PUT") {
        if (has(u"partNumber") && has(u"uploadId"))
            return request.hasHeader("x-amz-copy-source") ? u"UploadPartCopy"_s : u"UploadPart"_s;
        if (has(u"tagging"))
            return u"PutObjectTagging"_s;
        if (has(u"acl"))
            return u"PutObjectAcl"_s;
        if (has(u"retention"))
            return u"PutObjectRetention"_s;
        if (has(u"legal-hold"))
            return u"PutObjectLegalHold"_s;
        return request.hasHeader("x-amz-copy-source") ? u"CopyObject"_s : u"PutObject"_s;
    }
    if (method == "GET") {
        if (has(u"uploadId"))
            return u"ListParts"_s;
        if (has(u"tagging"))
            return u"GetObjectTagging"_s;
        if (has(u"acl"))
            return u"GetObjectAcl"_s;
        if (has(u"attributes"))
            return u"GetObjectAttributes"_s;
        if (has(u"retention"))
            return u"GetObjectRetention"_s;
        if (has(u"legal-hold"))
            return u"GetObjectLegalHold"_s;
        return u"GetObject"_s;
    }
    if (method == "HEAD")
        return u"HeadObject"_s;
    if (method == "DELETE") {
        if (has(u"uploadId"))
            return u"AbortMultipartUpload"_s;
        if (has(u"tagging"))
            return u"DeleteObjectTagging"_s;
        return u"DeleteObject"_s;
    }
    if (method == "POST") {
        if (has(u"uploads"))
            return u"CreateMultipartUpload"_s;
        if (has(u"uploadId"))
            return u"CompleteMultipartUpload"_s;
        if (has(u"restore"))
            return u"RestoreObject"_s;
    }
    return {};
}

void S3Handler::handle(const AwsRequest &request, Responder responder)
{
    Call call{request, responder, target(request.http), {}, {}};
    // Browsers never sign preflights: answered before any signature, expiry or access check.
    if (request.http.method == "OPTIONS")
        return preflight(call);
    // The website endpoint serves browsers: no signature, sub-resources or S3 operations.
    if (!websiteBucket(request.http).isEmpty())
        return serveWebsite(call);
    call.operation = operationFor(request.http, call.target);
    if (auto valid = checkUtf8(request.http); !valid)
        return fail(call, valid.error());
    if (auto valid = checkQueryAuthentication(request.http); !valid)
        return fail(call, valid.error());
    const auto &scope = request.route.scope;
    if (scope && scope->presigned && scope->expiresAtMs >= 0
        && m_service->clock()->nowMs() > scope->expiresAtMs) {
        fail(call,
            S3::Errors::accessDeniedExpired(
                S3Xml::isoTime(scope->expiresAtMs).replace(u".000"_s, QString()),
                S3Xml::isoTime(m_service->clock()->nowMs()).replace(u".000"_s, QString())));
        return;
    }
    // AWS refuses any PUT whose length is not declared (aws-chunked uploads declare theirs too).
    if (request.http.method == "PUT" && !request.http.hasHeader("content-length")
        && !request.http.header("transfer-encoding").toLower().contains("chunked")) {
        if (call.operation.isEmpty())
            call.operation = u"PUT "_s + request.http.decodedPath();
        fail(call, S3::Errors::missingContentLength());
        return;
    }
    // Sub-resources S3 has but Cloudbench does not emulate yet: 501, not a misleading 405.
    static const QStringList unsupported = {u"accelerate"_s,
        u"requestPayment"_s,
        u"analytics"_s,
        u"metrics"_s,
        u"inventory"_s,
        u"intelligent-tiering"_s,
        u"select"_s,
        u"torrent"_s,
        u"session"_s,
        u"metadataTable"_s,
        u"metadataConfiguration"_s,
        u"abac"_s};
    for (const QString &name : request.http.rawQuery.isEmpty() ? QStringList() : unsupported) {
        if (request.http.hasQueryItem(name)) {
            call.operation = QString::fromLatin1(request.http.method) + u" ?"_s + name;
            fail(call, CommonErrors::notImplemented(u"s3"_s, call.operation));
            return;
        }
    }
    const auto it = operationTable().constFind(call.operation);
    if (it == operationTable().cend()) {
        if (call.operation.isEmpty())
            call.operation =
                QString::fromLatin1(request.http.method) + u' ' + request.http.decodedPath();
        fail(call, S3::Errors::methodNotAllowed());
        return;
    }
    if (auto valid = checkCustomerKeyHeaders(request.http); !valid) {
        fail(call, valid.error());
        return;
    }
    if (auto valid = checkVersionIds(request.http, call.target); !valid) {
        fail(call, valid.error());
        return;
    }
    if (auto allowed = authorize(call); !allowed) {
        fail(call, allowed.error());
        return;
    }
    // Events the operation causes carry its trace header (Lambda's recursive loop detection).
    m_service->setRequestTraceHeader(QString::fromLatin1(request.http.header("x-amzn-trace-id")));
    (this->*(*it))(call);
    m_service->setRequestTraceHeader({});
}

S3::PolicyPrincipal S3Handler::principal(const AwsRequest &request) const
{
    return {request.route.scope ? m_accountId : QString(), {}};
}

Status S3Handler::authorize(const Call &call) const
{
    // The policy action each operation needs (S3 API reference, "Permissions").
    static const QHash<QString, QString> actions = {
        {u"HeadBucket"_s, u"s3:ListBucket"_s},
        {u"DeleteBucket"_s, u"s3:DeleteBucket"_s},
        {u"GetBucketLocation"_s, u"s3:GetBucketLocation"_s},
        {u"GetBucketVersioning"_s, u"s3:GetBucketVersioning"_s},
        {u"PutBucketVersioning"_s, u"s3:PutBucketVersioning"_s},
        {u"GetBucketTagging"_s, u"s3:GetBucketTagging"_s},
        {u"PutBucketTagging"_s, u"s3:PutBucketTagging"_s},
        {u"DeleteBucketTagging"_s, u"s3:PutBucketTagging"_s},
        {u"GetBucketPolicy"_s, u"s3:GetBucketPolicy"_s},
        {u"PutBucketPolicy"_s, u"s3:PutBucketPolicy"_s},
        {u"DeleteBucketPolicy"_s, u"s3:DeleteBucketPolicy"_s},
        {u"GetBucketPolicyStatus"_s, u"s3:GetBucketPolicyStatus"_s},
        {u"GetBucketCors"_s, u"s3:GetBucketCORS"_s},
        {u"PutBucketCors"_s, u"s3:PutBucketCORS"_s},
        {u"DeleteBucketCors"_s, u"s3:PutBucketCORS"_s},
        {u"GetBucketNotificationConfiguration"_s, u"s3:GetBucketNotification"_s},
        {u"PutBucketNotificationConfiguration"_s, u"s3:PutBucketNotification"_s},
        {u"GetBucketAcl"_s, u"s3:GetBucketAcl"_s},
        {u"PutBucketAcl"_s, u"s3:PutBucketAcl"_s},
        {u"GetBucketEncryption"_s, u"s3:GetEncryptionConfiguration"_s},
        {u"PutBucketEncryption"_s, u"s3:PutEncryptionConfiguration"_s},
        {u"DeleteBucketEncryption"_s, u"s3:PutEncryptionConfiguration"_s},
        {u"GetBucketLifecycleConfiguration"_s, u"s3:GetLifecycleConfiguration"_s},
        {u"PutBucketLifecycleConfiguration"_s, u"s3:PutLifecycleConfiguration"_s},
        {u"DeleteBucketLifecycle"_s, u"s3:PutLifecycleConfiguration"_s},
        {u"GetBucketOwnershipControls"_s, u"s3:GetBucketOwnershipControls"_s},
        {u"PutBucketOwnershipControls"_s, u"s3:PutBucketOwnershipControls"_s},
        {u"DeleteBucketOwnershipControls"_s, u"s3:PutBucketOwnershipControls"_s},
        {u"GetBucketWebsite"_s, u"s3:GetBucketWebsite"_s},
        {u"PutBucketWebsite"_s, u"s3:PutBucketWebsite"_s},
        {u"DeleteBucketWebsite"_s, u"s3:DeleteBucketWebsite"_s},
        {u"GetBucketReplication"_s, u"s3:GetReplicationConfiguration"_s},
        {u"PutBucketReplication"_s, u"s3:PutReplicationConfiguration"_s},
        {u"DeleteBucketReplication"_s, u"s3:PutReplicationConfiguration"_s},
        {u"GetBucketLogging"_s, u"s3:GetBucketLogging"_s},
        {u"PutBucketLogging"_s, u"s3:PutBucketLogging"_s},
        {u"GetPublicAccessBlock"_s, u"s3:GetBucketPublicAccessBlock"_s},
        {u"PutPublicAccessBlock"_s, u"s3:PutBucketPublicAccessBlock"_s},
        {u"DeletePublicAccessBlock"_s, u"s3:PutBucketPublicAccessBlock"_s},
        {u"GetObjectLockConfiguration"_s, u"s3:GetBucketObjectLockConfiguration"_s},
        {u"PutObjectLockConfiguration"_s, u"s3:PutBucketObjectLockConfiguration"_s},
        {u"GetObjectRetention"_s, u"s3:GetObjectRetention"_s},
        {u"PutObjectRetention"_s, u"s3:PutObjectRetention"_s},
        {u"GetObjectLegalHold"_s, u"s3:GetObjectLegalHold"_s},
        {u"PutObjectLegalHold"_s, u"s3:PutObjectLegalHold"_s},
        {u"PutObject"_s, u"s3:PutObject"_s},
        {u"GetObject"_s, u"s3:GetObject"_s},
        {u"HeadObject"_s, u"s3:GetObject"_s},
        {u"DeleteObject"_s, u"s3:DeleteObject"_s},
        {u"CopyObject"_s, u"s3:PutObject"_s},
        {u"ListObjects"_s, u"s3:ListBucket"_s},
        {u"ListObjectsV2"_s, u"s3:ListBucket"_s},
        {u"ListObjectVersions"_s, u"s3:ListBucketVersions"_s},
        {u"GetObjectTagging"_s, u"s3:GetObjectTagging"_s},
        {u"PutObjectTagging"_s, u"s3:PutObjectTagging"_s},
        {u"DeleteObjectTagging"_s, u"s3:DeleteObjectTagging"_s},
        {u"GetObjectAcl"_s, u"s3:GetObjectAcl"_s},
        {u"PutObjectAcl"_s, u"s3:PutObjectAcl"_s},
        {u"RestoreObject"_s, u"s3:RestoreObject"_s},
        {u"GetObjectAttributes"_s, u"s3:GetObject"_s},
        {u"CreateMultipartUpload"_s, u"s3:PutObject"_s},
        {u"UploadPart"_s, u"s3:PutObject"_s},
        {u"UploadPartCopy"_s, u"s3:PutObject"_s},
        {u"CompleteMultipartUpload"_s, u"s3:PutObject"_s},
        {u"AbortMultipartUpload"_s, u"s3:AbortMultipartUpload"_s},
        {u"ListMultipartUploads"_s, u"s3:ListBucketMultipartUploads"_s},
        {u"ListParts"_s, u"s3:ListMultipartUploadParts"_s},
    };
    // With a versionId the version's own actions apply.
    static const QHash<QString, QString> versionActions = {
        {u"s3:GetObject"_s, u"s3:GetObjectVersion"_s},
        {u"s3:DeleteObject"_s, u"s3:DeleteObjectVersion"_s},
        {u"s3:GetObjectAcl"_s, u"s3:GetObjectVersionAcl"_s},
        {u"s3:PutObjectAcl"_s, u"s3:PutObjectVersionAcl"_s},
        {u"s3:GetObjectTagging"_s, u"s3:GetObjectVersionTagging"_s},
        {u"s3:PutObjectTagging"_s, u"s3:PutObjectVersionTagging"_s},
        {u"s3:DeleteObjectTagging"_s, u"s3:DeleteObjectVersionTagging"_s},
        {u"s3:GetObjectAttributes"_s, u"s3:GetObjectVersionAttributes"_s},
    };
    if (call.operation == u"DeleteObjects"_s)
        return {}; // each key is authorized on its own (deleteObjects)
    const S3::PolicyPrincipal who = principal(call.request);
    const HttpRequest &http = call.request.http;
    // A signed request is the account's root user: only an explicit Deny in a bucket policy
    // stops it, so a request to a bucket without a policy (or to none, as ListBuckets and
    // CreateBucket) needs no more.
    if (!who.isAnonymous() && !m_service->hasBucketPolicy(call.target.bucket)
        && !http.hasHeader("x-amz-copy-source"))
        return {};
    // ListBuckets and CreateBucket need an account; anonymous requests have none.
    const auto action = actions.constFind(call.operation);
    if (action == actions.cend())
        return who.isAnonymous() ? Status(std::unexpected(S3::Errors::accessDenied())) : Status();
    const QString versionId = http.queryItem(u"versionId");
    const QString wanted = versionId.isEmpty() ? *action : versionActions.value(*action, *action);
    const S3::PolicyContext context = policyContext(http, who);
    if (auto allowed = m_service->authorize(
            call.target.bucket, call.target.key, versionId, wanted, who, context);
        !allowed)
        return allowed;
    // GetObjectAttributes needs s3:GetObjectAttributes besides s3:GetObject (with a versionId:
    // s3:GetObjectVersionAttributes and s3:GetObjectVersion), per the S3 API reference.
    if (call.operation == u"GetObjectAttributes"_s)
        return m_service->authorize(call.target.bucket,
            call.target.key,
            versionId,
            versionId.isEmpty() ? u"s3:GetObjectAttributes"_s : u"s3:GetObjectVersionAttributes"_s,
            who,
            context);
    if (!http.hasHeader("x-amz-copy-source"))
        return {};
    // CopyObject, UploadPartCopy: reading the source needs s3:GetObject there too.
    QByteArray source = http.header("x-amz-copy-source");
    QString sourceVersion;
    if (const qsizetype question = source.indexOf('?'); question >= 0) {
        for (const auto &[name, value] : parseFormEncoded(source.mid(question + 1))) {
            if (name == u"versionId"_s)
                sourceVersion = value;
        }
        source = source.left(question);
    }
    QString path = percentDecode(source, false);
    if (path.startsWith(u'/'))
        path = path.mid(1);
    return m_service->authorize(path.section(u'/', 0, 0),
        path.section(u'/', 1),
        sourceVersion,
        sourceVersion.isEmpty() ? u"s3:GetObject"_s : u"s3:GetObjectVersion"_s,
        who,
        context);
}

S3::PolicyContext S3Handler::policyContext(
    const HttpRequest &http, const S3::PolicyPrincipal &principal)
{
    S3::PolicyContext context;
    QString address = http.clientAddress;
    if (address.startsWith(u"::ffff:"_s)) // an IPv4 client on a dual-stack socket
        address = address.mid(7);
    context.set(u"aws:SourceIp"_s, address);
    context.set(u"aws:SecureTransport"_s, u"false"_s); // the endpoint is plain HTTP
    if (principal.isAnonymous()) {
        context.set(u"aws:PrincipalType"_s, u"Anonymous"_s);
    } else {
        // The root user, signing with an access key: aws:MultiFactorAuthPresent is absent,
        // as AWS has it for long-term access keys.
        context.set(u"aws:PrincipalType"_s, u"Account"_s);
        context.set(u"aws:PrincipalAccount"_s, principal.accountId);
        context.set(u"aws:PrincipalArn"_s, u"arn:aws:iam::"_s + principal.accountId + u":root"_s);
        context.set(u"aws:userid"_s, principal.accountId);
        const bool query = http.hasQueryItem(u"X-Amz-Signature") || http.hasQueryItem(u"Signature");
        context.set(u"s3:authType"_s, query ? u"REST-QUERY-STRING"_s : u"REST-HEADER"_s);
        const bool v2 =
            http.hasQueryItem(u"Signature") || http.header("Authorization").startsWith("AWS ");
        context.set(u"s3:signatureversion"_s, v2 ? u"AWS"_s : u"AWS4-HMAC-SHA256"_s);
    }
    static const std::pair<const char *, const char *> headers[] = {
        {"Referer", "aws:Referer"},
        {"User-Agent", "aws:UserAgent"},
        {"x-amz-acl", "s3:x-amz-acl"},
        {"x-amz-server-side-encryption", "s3:x-amz-server-side-encryption"},
        {"x-amz-storage-class", "s3:x-amz-storage-class"},
        {"x-amz-copy-source", "s3:x-amz-copy-source"},
        {"x-amz-metadata-directive", "s3:x-amz-metadata-directive"},
    };
    for (const auto &[header, key] : headers) {
        if (http.hasHeader(header))
            context.set(QLatin1StringView(key), QString::fromUtf8(http.header(header)));
    }
    static const std::pair<QStringView, const char *> query[] = {
        {u"prefix", "s3:prefix"},
        {u"delimiter", "s3:delimiter"},
        {u"max-keys", "s3:max-keys"},
        {u"versionId", "s3:VersionId"},
    };
    for (const auto &[item, key] : query) {
        if (http.hasQueryItem(item))
            context.set(QLatin1StringView(key), http.queryItem(item));
    }
    return context;
}

void S3Handler::report(const Call &call, const HttpResponse &response)
{
    const HttpRequest &http = call.request.http;
    const int status = response.status;
    const qint64 bytesDownloaded =
        http.method == "HEAD" || response.status >= 400 ? 0 : response.bodySize();
    QString kind;
    if (call.operation.startsWith(u"List"_s) && call.operation != u"ListParts"_s)
        kind = u"List"_s;
    else if (call.operation == u"DeleteObjects"_s)
        kind = u"Delete"_s;
    else if (!call.target.key.isEmpty() && http.method == "GET")
        kind = u"Get"_s;
    else if (!call.target.key.isEmpty() && http.method == "PUT")
        kind = u"Put"_s;
    else if (!call.target.key.isEmpty() && http.method == "DELETE")
        kind = u"Delete"_s;
    else if (!call.target.key.isEmpty() && http.method == "POST")
        kind = u"Post"_s;
    else if (http.method == "HEAD")
        kind = u"Head"_s;
    m_service->reportRequest(call.target.bucket, kind, status, http.bodySize, bytesDownloaded);
    if (m_service->logsAccess(call.target.bucket))
        logAccess(call, response);
}

void S3Handler::logAccess(const Call &call, const HttpResponse &response)
{
    const HttpRequest &http = call.request.http;
    S3::AccessLogEntry entry;
    entry.bucketOwner = QLatin1StringView(S3::OwnerId);
    entry.bucket = call.target.bucket;
    entry.timeMs = call.request.receivedAtMs;
    entry.remoteIp = http.clientAddress;
    const S3::PolicyPrincipal who = principal(call.request);
    if (!who.isAnonymous())
        entry.requester = u"arn:aws:iam::000000000000:root"_s;
    entry.requestId = call.request.requestId;
    entry.operation =
        S3::AccessLogEntry::operationName(call.operation, http.method, !call.target.key.isEmpty());
    entry.key = call.target.key.isEmpty()
        ? QString()
        : QString::fromLatin1(QUrl::toPercentEncoding(call.target.key, "/"));
    entry.requestUri = QString::fromLatin1(http.method + ' ' + http.target + " HTTP/1.1");
    entry.status = response.status;
    entry.errorCode = call.errorCode;
    const qint64 sent = http.method == "HEAD" ? 0 : response.bodySize();
    entry.bytesSent = sent > 0 ? sent : -1;
    if (http.method == "PUT" && !call.target.key.isEmpty())
        entry.objectSize = http.bodySize;
    else if (http.method == "GET" && !call.target.key.isEmpty() && response.status < 300)
        entry.objectSize = sent;
    entry.totalTimeMs =
        std::max<qint64>(0, m_service->clock()->nowMs() - call.request.receivedAtMs);
    entry.referrer = QString::fromUtf8(http.header("referer"));
    entry.userAgent = QString::fromUtf8(http.header("user-agent"));
    entry.versionId = QString::fromLatin1(response.header("x-amz-version-id"));
    entry.hostId = QString::fromLatin1(response.header("x-amz-id-2"));
    const QByteArray authorization = http.header("authorization");
    if (!authorization.isEmpty()) {
        entry.authType = u"AuthHeader"_s;
        entry.signatureVersion =
            authorization.startsWith("AWS4-HMAC-SHA256") ? u"SigV4"_s : u"SigV2"_s;
    } else if (http.hasQueryItem(u"X-Amz-Signature") || http.hasQueryItem(u"Signature")) {
        entry.authType = u"QueryString"_s;
        entry.signatureVersion = http.hasQueryItem(u"X-Amz-Signature") ? u"SigV4"_s : u"SigV2"_s;
    }
    entry.hostHeader = QString::fromLatin1(http.header("host"));
    m_service->logAccess(entry);
}

void S3Handler::send(Call &call, HttpResponse response)
{
    addCorsHeaders(call, response);
    report(call, response);
    call.responder.send(call.operation, std::move(response));
}

void S3Handler::ok(Call &call, const QByteArray &xml, int status)
{
    send(call, RestXmlProtocol::xml(status, xml, call.request.requestId));
}

void S3Handler::fail(Call &call, AwsError error)
{
    // A caller who may not list the bucket must not learn which keys exist: AWS answers a
    // missing key with 403 AccessDenied to it (a public-read policy granting only s3:GetObject).
    if (error.code == u"NoSuchKey"_s
        && (call.operation == u"GetObject"_s || call.operation == u"HeadObject"_s)) {
        const S3::PolicyPrincipal who = principal(call.request);
        if ((who.isAnonymous() || m_service->hasBucketPolicy(call.target.bucket))
            && !m_service->authorize(call.target.bucket,
                QString(),
                QString(),
                u"s3:ListBucket"_s,
                who,
                policyContext(call.request.http, who)))
            error = S3::Errors::accessDenied();
    }
    // Header-only facts (a delete marker behind a 404) travel in `extra`; move them to headers.
    QList<std::pair<QByteArray, QByteArray>> headers;
    error.extra.removeIf([&headers](const auto &item) {
        if (!item.first.startsWith(u"x-amz-"_s))
            return false;
        headers.append({item.first.toLatin1(), item.second.toLatin1()});
        return true;
    });
    HttpResponse response =
        RestXmlProtocol::error(error, call.request.requestId, call.request.http.method == "HEAD");
    for (const auto &[name, value] : headers)
        response.setHeader(name, value);
    addCorsHeaders(call, response);
    call.errorCode = error.code;
    report(call, response);
    call.responder.send(call.operation, std::move(response), error.code);
}

} // namespace Core::Api
