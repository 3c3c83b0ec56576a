// SPDX-License-Identifier: MIT
#include "core/s3/bucketconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

Grant ownerGrant(const QString &permission)
{
    return {u"CanonicalUser"_s, QLatin1StringView(OwnerId).toString(), {}, {}, permission};
}

Grant groupGrant(const char *uri, const QString &permission)
{
    return {u"Group"_s, {}, QLatin1StringView(uri).toString(), {}, permission};
}

} // namespace

AccessControlList privateAcl()
{
    return {ownerGrant(u"FULL_CONTROL"_s)};
}

std::optional<AccessControlList> cannedAcl(const QString &name)
{
    AccessControlList acl = privateAcl();
    if (name == u"private"_s || name == u"bucket-owner-read"_s
        || name == u"bucket-owner-full-control"_s)
        return acl;
    if (name == u"public-read"_s) {
        acl.append(groupGrant(AllUsersUri, u"READ"_s));
        return acl;
    }
    if (name == u"public-read-write"_s) {
        acl.append(groupGrant(AllUsersUri, u"READ"_s));
        acl.append(groupGrant(AllUsersUri, u"WRITE"_s));
        return acl;
    }
    if (name == u"authenticated-read"_s) {
        acl.append(groupGrant(AuthenticatedUsersUri, u"READ"_s));
        return acl;
    }
    if (name == u"log-delivery-write"_s) {
        acl.append(groupGrant(LogDeliveryUri, u"WRITE"_s));
        acl.append(groupGrant(LogDeliveryUri, u"READ_ACP"_s));
        return acl;
    }
    if (name == u"aws-exec-read"_s) {
        // EC2's canonical user (AWS documents the grant, not the id); shown by its role.
        acl.append({u"CanonicalUser"_s, u"aws-exec-read"_s, {}, {}, u"READ"_s});
        return acl;
    }
    return std::nullopt;
}

bool grantsOthers(const AccessControlList &acl)
{
    const QString owner = QLatin1StringView(OwnerId).toString();
    return std::any_of(acl.cbegin(), acl.cend(), [&owner](const Grant &grant) {
        return grant.type != u"CanonicalUser"_s || grant.id != owner;
    });
}

bool isPublicAcl(const AccessControlList &acl)
{
    return std::any_of(acl.cbegin(), acl.cend(), [](const Grant &grant) {
        return grant.uri == QLatin1StringView(AllUsersUri)
            || grant.uri == QLatin1StringView(AuthenticatedUsersUri);
    });
}

QString aclToJson(const AccessControlList &acl)
{
    QJsonArray array;
    for (const Grant &grant : acl)
        array.append(QJsonObject{{u"type"_s, grant.type},
            {u"id"_s, grant.id},
            {u"uri"_s, grant.uri},
            {u"email"_s, grant.email},
            {u"permission"_s, grant.permission}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

AccessControlList aclFromJson(const QString &json)
{
    AccessControlList acl;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        acl.append({object.value(u"type").toString(),
            object.value(u"id").toString(),
            object.value(u"uri").toString(),
            object.value(u"email").toString(),
            object.value(u"permission").toString()});
    }
    return acl;
}

bool isObjectOwnership(const QString &value)
{
    return value == QLatin1StringView(BucketOwnerEnforced) || value == u"BucketOwnerPreferred"_s
        || value == u"ObjectWriter"_s;
}

QString PublicAccessBlock::toStored() const
{
    QStringList set;
    if (blockPublicAcls)
        set.append(u"BlockPublicAcls"_s);
    if (ignorePublicAcls)
        set.append(u"IgnorePublicAcls"_s);
    if (blockPublicPolicy)
        set.append(u"BlockPublicPolicy"_s);
    if (restrictPublicBuckets)
        set.append(u"RestrictPublicBuckets"_s);
    return set.join(u',');
}

PublicAccessBlock PublicAccessBlock::fromStored(const QString &stored)
{
    const QStringList set = stored.split(u',', Qt::SkipEmptyParts);
    PublicAccessBlock block;
    block.blockPublicAcls = set.contains(u"BlockPublicAcls"_s);
    block.ignorePublicAcls = set.contains(u"IgnorePublicAcls"_s);
    block.blockPublicPolicy = set.contains(u"BlockPublicPolicy"_s);
    block.restrictPublicBuckets = set.contains(u"RestrictPublicBuckets"_s);
    return block;
}

QString BucketEncryption::toStored() const
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{u"algorithm"_s, algorithm},
                                               {u"kmsKeyId"_s, kmsKeyId},
                                               {u"bucketKeyEnabled"_s, bucketKeyEnabled}})
                                 .toJson(QJsonDocument::Compact));
}

BucketEncryption BucketEncryption::fromStored(const QString &stored)
{
    BucketEncryption encryption;
    if (stored.isEmpty())
        return encryption;
    const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
    encryption.algorithm = object.value(u"algorithm").toString(u"AES256"_s);
    encryption.kmsKeyId = object.value(u"kmsKeyId").toString();
    encryption.bucketKeyEnabled = object.value(u"bucketKeyEnabled").toBool();
    return encryption;
}

bool isSseAlgorithm(const QString &value)
{
    return value == u"AES256"_s || value == u"aws:kms"_s || value == u"aws:kms:dsse"_s;
}

} // namespace Core::S3
