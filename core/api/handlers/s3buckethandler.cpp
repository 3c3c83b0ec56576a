// SPDX-License-Identifier: MIT
// S3Handler: bucket operations (create, list, head, delete, location, versioning, tagging, and
// the policy, CORS and notification documents).
#include "core/api/handlers/s3handler.h"

#include "core/api/handlers/s3xml.h"
#include "core/api/protocols/restxmlprotocol.h"
#include "core/s3/bucketname.h"
#include "core/s3/corsconfig.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

void writeOwner(QXmlStreamWriter &xml)
{
    xml.writeStartElement(u"Owner"_s);
    xml.writeTextElement(u"ID"_s, QLatin1StringView(S3::OwnerId));
    xml.writeTextElement(u"DisplayName"_s, u"cloudbench"_s);
    xml.writeEndElement();
}

Result<S3::Tags> parseTagging(const QByteArray &body, int maxTags)
{
    const auto root = S3Xml::parse(body);
    if (!root || root->name != u"Tagging"_s || !root->child(u"TagSet"))
        return std::unexpected(S3::Errors::malformedXml());
    S3::Tags tags;
    for (const S3Xml::Node *tag : root->child(u"TagSet")->all(u"Tag")) {
        if (!tag->child(u"Key") || !tag->child(u"Value"))
            return std::unexpected(S3::Errors::malformedXml());
        const QString key = tag->childText(u"Key");
        const QString value = tag->childText(u"Value");
        if (key.isEmpty() || key.size() > 128)
            return std::unexpected(
                S3::Errors::invalidTag(u"The TagKey you have provided is invalid"_s));
        if (value.size() > 256)
            return std::unexpected(
                S3::Errors::invalidTag(u"The TagValue you have provided is invalid"_s));
        for (const auto &existing : std::as_const(tags)) {
            if (existing.first == key)
                return std::unexpected(
                    S3::Errors::invalidTag(u"Cannot provide multiple Tags with the same key"_s));
        }
        // PutBucketTagging: aws: keys are system tags (AWS-verified wording, moto/LocalStack).
        if (key.startsWith(u"aws:"_s))
            return std::unexpected(
                S3::Errors::invalidTag(u"System tags cannot be added/updated by requester"_s));
        tags.append({key, value});
    }
    if (tags.size() > maxTags)
        return std::unexpected(AwsError{u"BadRequest"_s,
            maxTags == 10 ? u"Object tags cannot be greater than 10"_s
                          : u"Bucket tag count cannot be greater than 50"_s,
            400,
            true});
    return tags;
}

void writeTagging(QXmlStreamWriter &xml, const S3::Tags &tags)
{
    xml.writeStartElement(u"TagSet"_s);
    for (const auto &[key, value] : tags) {
        xml.writeStartElement(u"Tag"_s);
        xml.writeTextElement(u"Key"_s, key);
        xml.writeTextElement(u"Value"_s, value);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

} // namespace

// ListBuckets (2024 form): max-buckets (1-10000) pages by name with an opaque
// continuation-token; prefix and bucket-region filter; every bucket names its BucketRegion.
void S3Handler::listBuckets(Call &call)
{
    const HttpRequest &http = call.request.http;
    int maxBuckets = -1;
    if (http.hasQueryItem(u"max-buckets")) {
        bool valid = false;
        maxBuckets = http.queryItem(u"max-buckets").toInt(&valid);
        if (!valid || maxBuckets < 1 || maxBuckets > 10000)
            return fail(call,
                S3::Errors::invalidArgument(
                    u"Argument max-buckets must be an integer between 1 and 10000"_s,
                    u"max-buckets"_s,
                    http.queryItem(u"max-buckets")));
    }
    const QString prefix = http.queryItem(u"prefix");
    const QString region = http.queryItem(u"bucket-region");
    const QString after =
        QString::fromUtf8(QByteArray::fromBase64(http.queryItem(u"continuation-token").toLatin1()));
    QList<S3::Bucket> buckets = m_service->listBuckets();
    std::sort(buckets.begin(), buckets.end(), [](const S3::Bucket &a, const S3::Bucket &b) {
        return a.name < b.name;
    });
    buckets.removeIf([&](const S3::Bucket &bucket) {
        return !bucket.name.startsWith(prefix) || (!region.isEmpty() && bucket.region != region)
            || (!after.isEmpty() && bucket.name <= after);
    });
    QString next;
    if (maxBuckets > 0 && buckets.size() > maxBuckets) {
        buckets.resize(maxBuckets);
        next = QString::fromLatin1(buckets.last().name.toUtf8().toBase64());
    }
    ok(call, S3Xml::document(u"ListAllMyBucketsResult"_s, [&](QXmlStreamWriter &xml) {
        writeOwner(xml);
        xml.writeStartElement(u"Buckets"_s);
        for (const S3::Bucket &bucket : std::as_const(buckets)) {
            xml.writeStartElement(u"Bucket"_s);
            xml.writeTextElement(u"Name"_s, bucket.name);
            xml.writeTextElement(u"CreationDate"_s, S3Xml::isoTime(bucket.createdMs));
            xml.writeTextElement(u"BucketRegion"_s, bucket.region);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        if (!next.isEmpty())
            xml.writeTextElement(u"ContinuationToken"_s, next);
        if (http.hasQueryItem(u"prefix"))
            xml.writeTextElement(u"Prefix"_s, prefix);
    }));
}

void S3Handler::createBucket(Call &call)
{
    const QString requestRegion = call.request.route.region;
    QString region = u"us-east-1"_s;
    const QByteArray body = call.request.http.bodyBytes();
    if (!body.trimmed().isEmpty()) {
        const auto root = S3Xml::parse(body);
        if (!root || root->name != u"CreateBucketConfiguration"_s)
            return fail(call, S3::Errors::malformedXml());
        const QString constraint = root->childText(u"LocationConstraint");
        if (!constraint.isEmpty() && !S3::isLocationConstraint(constraint))
            return fail(call, S3::Errors::invalidLocationConstraint());
        if (!constraint.isEmpty()) {
            if (constraint != requestRegion && requestRegion != u"us-east-1"_s)
                return fail(call, S3::Errors::illegalLocationConstraint(constraint));
            region = constraint;
        }
    } else if (requestRegion != u"us-east-1"_s) {
        return fail(call, S3::Errors::illegalLocationConstraint(u"unspecified"_s));
    }
    // Since 2023 new buckets disable ACLs (BucketOwnerEnforced) and block public access.
    const QString ownership =
        QString::fromLatin1(call.request.http.header("x-amz-object-ownership"));
    if (call.request.http.hasHeader("x-amz-object-ownership") && !S3::isObjectOwnership(ownership))
        return fail(call,
            S3::Errors::invalidArgument(u"Invalid x-amz-object-ownership header"_s,
                u"x-amz-object-ownership"_s,
                ownership));
    const auto acl = S3Wire::aclFromRequest(call.request.http, false);
    if (!acl)
        return fail(call, acl.error());
    if (acl->has_value() && S3::grantsOthers(**acl)) {
        if (ownership.isEmpty() || ownership == QLatin1StringView(S3::BucketOwnerEnforced))
            return fail(call, S3::Errors::invalidBucketAclWithObjectOwnership());
        if (S3::isPublicAcl(**acl))
            return fail(call, S3::Errors::invalidBucketAclWithBlockPublicAccess());
    }
    const auto existing = m_service->headBucket(call.target.bucket);
    if (existing && existing->region == u"us-east-1"_s && region == u"us-east-1"_s) {
        // AWS: re-creating an owned bucket in us-east-1 succeeds (legacy compatibility).
        HttpResponse response = RestXmlProtocol::xml(200, {}, call.request.requestId);
        response.setHeader("Location", "/" + call.target.bucket.toUtf8());
        return send(call, std::move(response));
    }
    const QByteArray objectLock =
        call.request.http.header("x-amz-bucket-object-lock-enabled").trimmed().toLower();
    const auto created = m_service->createBucket(call.target.bucket, region, objectLock == "true");
    if (!created)
        return fail(call, created.error());
    if (!ownership.isEmpty()) {
        if (auto done = m_service->putBucketOwnership(call.target.bucket, ownership); !done)
            return fail(call, done.error());
    }
    if (acl->has_value() && S3::grantsOthers(**acl)) {
        if (auto done = m_service->putBucketAcl(call.target.bucket, **acl); !done)
            return fail(call, done.error());
    }
    HttpResponse response = RestXmlProtocol::xml(200, {}, call.request.requestId);
    response.setHeader("Location", "/" + call.target.bucket.toUtf8());
    send(call, std::move(response));
}

void S3Handler::headBucket(Call &call)
{
    const auto bucket = m_service->headBucket(call.target.bucket);
    if (!bucket)
        return fail(call, bucket.error());
    HttpResponse response = RestXmlProtocol::xml(200, {}, call.request.requestId);
    response.setHeader("x-amz-bucket-region", bucket->region.toLatin1());
    send(call, std::move(response));
}

void S3Handler::deleteBucket(Call &call)
{
    const auto deleted = m_service->deleteBucket(call.target.bucket);
    if (!deleted)
        return fail(call, deleted.error());
    ok(call, {}, 204);
}

void S3Handler::getBucketLocation(Call &call)
{
    const auto bucket = m_service->headBucket(call.target.bucket);
    if (!bucket)
        return fail(call, bucket.error());
    const QString region = bucket->region == u"us-east-1"_s ? QString() : bucket->region;
    ok(call, S3Xml::document(u"LocationConstraint"_s, [&region](QXmlStreamWriter &xml) {
        xml.writeCharacters(region);
    }));
}

void S3Handler::getBucketVersioning(Call &call)
{
    const auto bucket = m_service->headBucket(call.target.bucket);
    if (!bucket)
        return fail(call, bucket.error());
    ok(call, S3Xml::document(u"VersioningConfiguration"_s, [&bucket](QXmlStreamWriter &xml) {
        if (bucket->versioning != S3::Versioning::Unversioned)
            xml.writeTextElement(u"Status"_s, S3::versioningName(bucket->versioning));
    }));
}

void S3Handler::putBucketVersioning(Call &call)
{
    const auto root = S3Xml::parse(call.request.http.bodyBytes());
    if (!root || root->name != u"VersioningConfiguration"_s)
        return fail(call, S3::Errors::malformedXml());
    const QString status = root->childText(u"Status");
    S3::Versioning versioning = S3::Versioning::Unversioned;
    if (status == u"Enabled"_s)
        versioning = S3::Versioning::Enabled;
    else if (status == u"Suspended"_s)
        versioning = S3::Versioning::Suspended;
    else
        return fail(call, S3::Errors::malformedXml());
    const auto done = m_service->putBucketVersioning(call.target.bucket, versioning);
    if (!done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::getBucketTagging(Call &call)
{
    const auto tags = m_service->getBucketTagging(call.target.bucket);
    if (!tags)
        return fail(call, tags.error());
    ok(call, S3Xml::document(u"Tagging"_s, [&tags](QXmlStreamWriter &xml) {
        writeTagging(xml, *tags);
    }));
}

void S3Handler::putBucketTagging(Call &call)
{
    const auto tags = parseTagging(call.request.http.bodyBytes(), 50);
    if (!tags)
        return fail(call, tags.error());
    const auto done = m_service->putBucketTagging(call.target.bucket, *tags);
    if (!done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

void S3Handler::deleteBucketTagging(Call &call)
{
    const auto done = m_service->putBucketTagging(call.target.bucket, {});
    if (!done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

namespace {

S3::BucketDocument documentKind(const QString &operation)
{
    if (operation.contains(u"Policy"_s))
        return S3::BucketDocument::Policy;
    if (operation.contains(u"Cors"_s))
        return S3::BucketDocument::Cors;
    return S3::BucketDocument::Notification;
}

} // namespace

void S3Handler::getBucketDocument(Call &call)
{
    const S3::BucketDocument kind = documentKind(call.operation);
    const auto text = m_service->getBucketDocument(call.target.bucket, kind);
    if (!text)
        return fail(call, text.error());
    if (!text->has_value()) {
        if (kind == S3::BucketDocument::Policy)
            return fail(call, S3::Errors::noSuchBucketPolicy(call.target.bucket));
        if (kind == S3::BucketDocument::Cors)
            return fail(call, S3::Errors::noSuchCorsConfiguration(call.target.bucket));
        return ok(call, S3Xml::document(u"NotificationConfiguration"_s, [](QXmlStreamWriter &) {}));
    }
    if (kind == S3::BucketDocument::Policy) {
        HttpResponse response;
        response.body = (*text)->toUtf8();
        response.setHeader("Content-Type", "application/json");
        response.setHeader(
            "x-amz-request-id", call.request.requestId.left(16).toUpper().toLatin1());
        return send(call, std::move(response));
    }
    ok(call, (*text)->toUtf8());
}

void S3Handler::putBucketDocument(Call &call)
{
    const S3::BucketDocument kind = documentKind(call.operation);
    const QByteArray body = call.request.http.bodyBytes();
    if (kind == S3::BucketDocument::Policy) {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError || !json.isObject()
            || !json.object().contains(u"Statement"_s))
            return fail(call,
                {u"MalformedPolicy"_s,
                    u"Policies must be valid JSON and the first byte must be '{'"_s,
                    400,
                    true});
    } else if (kind == S3::BucketDocument::Cors) {
        if (const auto config = S3::CorsConfig::parse(body); !config)
            return fail(call, config.error());
    } else {
        const auto root = S3Xml::parse(body);
        if (!root || root->name != u"NotificationConfiguration"_s)
            return fail(call, S3::Errors::malformedXml());
    }
    // SkipDestinationValidation (x-amz-skip-destination-validation) stores a notification
    // configuration without checking its destinations, as infrastructure tools ask.
    const auto done = kind == S3::BucketDocument::Notification
        ? m_service->putBucketNotification(call.target.bucket,
            body,
            call.request.http.header("x-amz-skip-destination-validation").toLower() != "true")
        : m_service->putBucketDocument(call.target.bucket, kind, QString::fromUtf8(body));
    if (!done)
        return fail(call, done.error());
    ok(call, {}, kind == S3::BucketDocument::Policy ? 204 : 200);
}

// GetBucketPolicyStatus: IsPublic as Block Public Access judges the policy (isPublicPolicy).
void S3Handler::getBucketPolicyStatus(Call &call)
{
    const auto text = m_service->getBucketDocument(call.target.bucket, S3::BucketDocument::Policy);
    if (!text)
        return fail(call, text.error());
    if (!text->has_value())
        return fail(call, S3::Errors::noSuchBucketPolicy(call.target.bucket));
    const bool isPublic = S3::isPublicPolicy(**text);
    ok(call, S3Xml::document(u"PolicyStatus"_s, [isPublic](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"IsPublic"_s, isPublic ? u"true"_s : u"false"_s);
    }));
}

void S3Handler::deleteBucketDocument(Call &call)
{
    const auto done = m_service->putBucketDocument(
        call.target.bucket, documentKind(call.operation), std::nullopt);
    if (!done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

} // namespace Core::Api
