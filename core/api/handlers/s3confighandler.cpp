// SPDX-License-Identifier: MIT
// S3Handler: ACLs, default encryption, lifecycle, ownership controls, public access block.
#include "core/api/handlers/s3handler.h"

#include "core/api/handlers/s3xml.h"
#include "core/api/protocols/restxmlprotocol.h"
#include "core/s3/bucketconfig.h"
#include "core/s3/lifecycle.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

constexpr auto XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

const QStringList &permissions()
{
    static const QStringList names = {
        u"FULL_CONTROL"_s, u"WRITE"_s, u"WRITE_ACP"_s, u"READ"_s, u"READ_ACP"_s};
    return names;
}

AwsError malformedAcl()
{
    return {u"MalformedACLError"_s,
        u"The XML you provided was not well-formed or did not validate against our published "
        u"schema"_s,
        400,
        true};
}

AwsError unresolvableEmail()
{
    return {u"UnresolvableGrantByEmailAddress"_s,
        u"The e-mail address you provided does not match any account on record."_s,
        400,
        true};
}

// x-amz-grant-read: id="...", uri="http://...", emailAddress="..."
Result<S3::AccessControlList> grantsFromHeader(const QByteArray &value, const QString &permission)
{
    S3::AccessControlList acl;
    for (const QByteArray &item : value.split(',')) {
        const QByteArray trimmed = item.trimmed();
        const qsizetype equals = trimmed.indexOf('=');
        if (equals <= 0)
            return std::unexpected(S3::Errors::invalidArgument(
                u"Invalid grant header"_s, QString(), QString::fromUtf8(value)));
        const QByteArray type = trimmed.left(equals).trimmed().toLower();
        QString target = QString::fromUtf8(trimmed.mid(equals + 1).trimmed());
        if (target.size() >= 2 && target.startsWith(u'"') && target.endsWith(u'"'))
            target = target.mid(1, target.size() - 2);
        if (type == "id")
            acl.append({u"CanonicalUser"_s, target, {}, {}, permission});
        else if (type == "uri")
            acl.append({u"Group"_s, {}, target, {}, permission});
        else if (type == "emailaddress")
            return std::unexpected(unresolvableEmail());
        else
            return std::unexpected(S3::Errors::invalidArgument(
                u"Invalid grant header"_s, QString(), QString::fromUtf8(value)));
    }
    return acl;
}

Result<S3::AccessControlList> aclFromBody(const QByteArray &body)
{
    const auto root = S3Xml::parse(body);
    if (!root || root->name != u"AccessControlPolicy"_s || !root->child(u"AccessControlList"))
        return std::unexpected(malformedAcl());
    S3::AccessControlList acl;
    for (const S3Xml::Node *grant : root->child(u"AccessControlList")->all(u"Grant")) {
        const S3Xml::Node *grantee = grant->child(u"Grantee");
        const QString permission = grant->childText(u"Permission");
        if (!grantee || !permissions().contains(permission))
            return std::unexpected(malformedAcl());
        if (grantee->child(u"ID"))
            acl.append({u"CanonicalUser"_s, grantee->childText(u"ID"), {}, {}, permission});
        else if (grantee->child(u"URI"))
            acl.append({u"Group"_s, {}, grantee->childText(u"URI"), {}, permission});
        else if (grantee->child(u"EmailAddress"))
            return std::unexpected(unresolvableEmail());
        else
            return std::unexpected(malformedAcl());
    }
    return acl;
}

void writeAcl(QXmlStreamWriter &xml, const S3::AccessControlList &acl)
{
    xml.writeStartElement(u"Owner"_s);
    xml.writeTextElement(u"ID"_s, QLatin1StringView(S3::OwnerId));
    xml.writeTextElement(u"DisplayName"_s, QLatin1StringView(S3::OwnerDisplayName));
    xml.writeEndElement();
    xml.writeStartElement(u"AccessControlList"_s);
    for (const S3::Grant &grant : acl) {
        xml.writeStartElement(u"Grant"_s);
        xml.writeStartElement(u"Grantee"_s);
        xml.writeNamespace(QLatin1StringView(XsiNamespace), u"xsi"_s);
        xml.writeAttribute(QLatin1StringView(XsiNamespace), u"type"_s, grant.type);
        if (!grant.id.isEmpty()) {
            xml.writeTextElement(u"ID"_s, grant.id);
            if (grant.id == QLatin1StringView(S3::OwnerId))
                xml.writeTextElement(u"DisplayName"_s, QLatin1StringView(S3::OwnerDisplayName));
        }
        if (!grant.uri.isEmpty())
            xml.writeTextElement(u"URI"_s, grant.uri);
        xml.writeEndElement();
        xml.writeTextElement(u"Permission"_s, grant.permission);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

std::optional<bool> boolean(const S3Xml::Node &parent, QStringView name)
{
    if (!parent.child(name))
        return false;
    const QString text = parent.childText(name);
    if (text == u"true"_s)
        return true;
    if (text == u"false"_s)
        return false;
    return std::nullopt;
}

} // namespace

namespace S3Wire {

Result<std::optional<S3::AccessControlList>> aclFromRequest(
    const HttpRequest &request, bool withBody)
{
    static const std::array<std::pair<const char *, QString>, 5> grantHeaders = {
        std::pair{"x-amz-grant-full-control", u"FULL_CONTROL"_s},
        std::pair{"x-amz-grant-read", u"READ"_s},
        std::pair{"x-amz-grant-read-acp", u"READ_ACP"_s},
        std::pair{"x-amz-grant-write", u"WRITE"_s},
        std::pair{"x-amz-grant-write-acp", u"WRITE_ACP"_s}};
    S3::AccessControlList grants;
    bool anyGrant = false;
    for (const auto &[header, permission] : grantHeaders) {
        if (!request.hasHeader(header))
            continue;
        anyGrant = true;
        auto parsed = grantsFromHeader(request.header(header), permission);
        if (!parsed)
            return std::unexpected(parsed.error());
        grants += *parsed;
    }
    if (request.hasHeader("x-amz-acl")) {
        if (anyGrant)
            return std::unexpected(S3::Errors::invalidRequest(
                u"Specifying both Canned ACLs and Header Grants is not allowed"_s));
        const QString name = QString::fromLatin1(request.header("x-amz-acl")).trimmed();
        auto canned = S3::cannedAcl(name);
        if (!canned)
            return std::unexpected(S3::Errors::invalidArgument(QString(), u"x-amz-acl"_s, name));
        return std::optional(*canned);
    }
    if (anyGrant)
        return std::optional(grants);
    if (withBody) {
        const QByteArray body = request.bodyBytes();
        if (!body.trimmed().isEmpty()) {
            auto parsed = aclFromBody(body);
            if (!parsed)
                return std::unexpected(parsed.error());
            return std::optional(*parsed);
        }
    }
    return std::optional<S3::AccessControlList>();
}

void setEncryptionHeaders(HttpResponse &response, const S3::ObjectHeaders &headers)
{
    if (headers.serverSideEncryption.isEmpty())
        return;
    response.setHeader("x-amz-server-side-encryption", headers.serverSideEncryption.toLatin1());
    if (!headers.sseKmsKeyId.isEmpty())
        response.setHeader(
            "x-amz-server-side-encryption-aws-kms-key-id", headers.sseKmsKeyId.toUtf8());
}

} // namespace S3Wire

void S3Handler::getBucketAcl(Call &call)
{
    const auto acl = m_service->getBucketAcl(call.target.bucket);
    if (!acl)
        return fail(call, acl.error());
    ok(call, S3Xml::document(u"AccessControlPolicy"_s, [&acl](QXmlStreamWriter &xml) {
        writeAcl(xml, *acl);
    }));
}

void S3Handler::putBucketAcl(Call &call)
{
    const auto acl = S3Wire::aclFromRequest(call.request.http, true);
    if (!acl)
        return fail(call, acl.error());
    if (!acl->has_value())
        return fail(call, malformedAcl());
    const auto done = m_service->putBucketAcl(call.target.bucket, **acl);
    if (!done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::getObjectAcl(Call &call)
{
    const auto acl = m_service->getObjectAcl(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"versionId"));
    if (!acl)
        return fail(call, acl.error());
    ok(call, S3Xml::document(u"AccessControlPolicy"_s, [&acl](QXmlStreamWriter &xml) {
        writeAcl(xml, *acl);
    }));
}

void S3Handler::putObjectAcl(Call &call)
{
    const auto acl = S3Wire::aclFromRequest(call.request.http, true);
    if (!acl)
        return fail(call, acl.error());
    if (!acl->has_value())
        return fail(call, malformedAcl());
    const auto done = m_service->putObjectAcl(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"versionId"), **acl);
    if (!done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::getBucketEncryption(Call &call)
{
    const auto encryption = m_service->getBucketEncryption(call.target.bucket);
    if (!encryption)
        return fail(call, encryption.error());
    ok(call,
        S3Xml::document(
            u"ServerSideEncryptionConfiguration"_s, [&encryption](QXmlStreamWriter &xml) {
                xml.writeStartElement(u"Rule"_s);
                xml.writeStartElement(u"ApplyServerSideEncryptionByDefault"_s);
                xml.writeTextElement(u"SSEAlgorithm"_s, encryption->algorithm);
                if (!encryption->kmsKeyId.isEmpty())
                    xml.writeTextElement(u"KMSMasterKeyID"_s, encryption->kmsKeyId);
                xml.writeEndElement();
                xml.writeTextElement(
                    u"BucketKeyEnabled"_s, encryption->bucketKeyEnabled ? u"true"_s : u"false"_s);
                xml.writeEndElement();
            }));
}

void S3Handler::putBucketEncryption(Call &call)
{
    const auto root = S3Xml::parse(call.request.http.bodyBytes());
    if (!root || root->name != u"ServerSideEncryptionConfiguration"_s
        || root->all(u"Rule").size() != 1)
        return fail(call, S3::Errors::malformedXml());
    const S3Xml::Node *rule = root->child(u"Rule");
    const S3Xml::Node *byDefault = rule->child(u"ApplyServerSideEncryptionByDefault");
    const auto bucketKey = boolean(*rule, u"BucketKeyEnabled");
    if (!byDefault || !bucketKey || !S3::isSseAlgorithm(byDefault->childText(u"SSEAlgorithm")))
        return fail(call, S3::Errors::malformedXml());
    S3::BucketEncryption encryption;
    encryption.algorithm = byDefault->childText(u"SSEAlgorithm");
    encryption.kmsKeyId = byDefault->childText(u"KMSMasterKeyID");
    encryption.bucketKeyEnabled = *bucketKey;
    if (encryption.algorithm == u"AES256"_s && !encryption.kmsKeyId.isEmpty())
        return fail(call,
            S3::Errors::invalidArgument(u"a KMSMasterKeyID is not applicable if the default sse "
                                        u"algorithm is not aws:kms or aws:kms:dsse"_s));
    const auto done = m_service->putBucketEncryption(call.target.bucket, encryption);
    if (!done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::deleteBucketEncryption(Call &call)
{
    const auto done = m_service->putBucketEncryption(call.target.bucket, std::nullopt);
    if (!done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

void S3Handler::getBucketLifecycle(Call &call)
{
    const auto text =
        m_service->getBucketDocument(call.target.bucket, S3::BucketDocument::Lifecycle);
    if (!text)
        return fail(call, text.error());
    if (!text->has_value())
        return fail(call, S3::Errors::noSuchLifecycleConfiguration(call.target.bucket));
    const auto size =
        m_service->getBucketDocument(call.target.bucket, S3::BucketDocument::LifecycleMinimumSize);
    HttpResponse response = RestXmlProtocol::xml(200, (*text)->toUtf8(), call.request.requestId);
    response.setHeader("x-amz-transition-default-minimum-object-size",
        size && size->has_value() ? (*size)->toLatin1() : QByteArray(S3::AllStorageClasses128K));
    send(call, std::move(response));
}

void S3Handler::putBucketLifecycle(Call &call)
{
    const QString size = QString::fromLatin1(
        call.request.http.header("x-amz-transition-default-minimum-object-size"));
    const auto done = m_service->putBucketLifecycle(
        call.target.bucket, QString::fromUtf8(call.request.http.bodyBytes()), size);
    if (!done)
        return fail(call, done.error());
    HttpResponse response = RestXmlProtocol::xml(200, {}, call.request.requestId);
    response.setHeader("x-amz-transition-default-minimum-object-size",
        size.isEmpty() ? QByteArray(S3::AllStorageClasses128K) : size.toLatin1());
    send(call, std::move(response));
}

void S3Handler::deleteBucketLifecycle(Call &call)
{
    const auto done = m_service->putBucketLifecycle(call.target.bucket, std::nullopt);
    if (!done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

void S3Handler::getBucketOwnershipControls(Call &call)
{
    const auto ownership =
        m_service->getBucketDocument(call.target.bucket, S3::BucketDocument::Ownership);
    if (!ownership)
        return fail(call, ownership.error());
    if (!ownership->has_value())
        return fail(call, S3::Errors::ownershipControlsNotFound(call.target.bucket));
    ok(call, S3Xml::document(u"OwnershipControls"_s, [&ownership](QXmlStreamWriter &xml) {
        xml.writeStartElement(u"Rule"_s);
        xml.writeTextElement(u"ObjectOwnership"_s, **ownership);
        xml.writeEndElement();
    }));
}

void S3Handler::putBucketOwnershipControls(Call &call)
{
    const auto root = S3Xml::parse(call.request.http.bodyBytes());
    if (!root || root->name != u"OwnershipControls"_s || root->all(u"Rule").size() != 1)
        return fail(call, S3::Errors::malformedXml());
    const auto done = m_service->putBucketOwnership(
        call.target.bucket, root->child(u"Rule")->childText(u"ObjectOwnership"));
    if (!done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::deleteBucketOwnershipControls(Call &call)
{
    const auto done = m_service->putBucketOwnership(call.target.bucket, std::nullopt);
    if (!done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

void S3Handler::getPublicAccessBlock(Call &call)
{
    const auto block = m_service->getPublicAccessBlock(call.target.bucket);
    if (!block)
        return fail(call, block.error());
    if (!block->has_value())
        return fail(call, S3::Errors::noSuchPublicAccessBlockConfiguration(call.target.bucket));
    const S3::PublicAccessBlock &settings = **block;
    const auto flag = [](bool value) {
        return value ? u"true"_s : u"false"_s;
    };
    ok(call, S3Xml::document(u"PublicAccessBlockConfiguration"_s, [&](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"BlockPublicAcls"_s, flag(settings.blockPublicAcls));
        xml.writeTextElement(u"IgnorePublicAcls"_s, flag(settings.ignorePublicAcls));
        xml.writeTextElement(u"BlockPublicPolicy"_s, flag(settings.blockPublicPolicy));
        xml.writeTextElement(u"RestrictPublicBuckets"_s, flag(settings.restrictPublicBuckets));
    }));
}

void S3Handler::putPublicAccessBlock(Call &call)
{
    const auto root = S3Xml::parse(call.request.http.bodyBytes());
    if (!root || root->name != u"PublicAccessBlockConfiguration"_s)
        return fail(call, S3::Errors::malformedXml());
    const auto blockAcls = boolean(*root, u"BlockPublicAcls");
    const auto ignoreAcls = boolean(*root, u"IgnorePublicAcls");
    const auto blockPolicy = boolean(*root, u"BlockPublicPolicy");
    const auto restrictBuckets = boolean(*root, u"RestrictPublicBuckets");
    if (!blockAcls || !ignoreAcls || !blockPolicy || !restrictBuckets)
        return fail(call, S3::Errors::malformedXml());
    const auto done = m_service->putPublicAccessBlock(call.target.bucket,
        S3::PublicAccessBlock{*blockAcls, *ignoreAcls, *blockPolicy, *restrictBuckets});
    if (!done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::deletePublicAccessBlock(Call &call)
{
    const auto done = m_service->putPublicAccessBlock(call.target.bucket, std::nullopt);
    if (!done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

} // namespace Core::Api
