// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core::S3 {

// The canonical user id Cloudbench's single account has in S3 (Owner, Initiator, ACL grants).
inline constexpr auto OwnerId = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
inline constexpr auto OwnerDisplayName = "cloudbench";
inline constexpr auto AllUsersUri = "http://acs.amazonaws.com/groups/global/AllUsers";
inline constexpr auto AuthenticatedUsersUri =
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
inline constexpr auto LogDeliveryUri = "http://acs.amazonaws.com/groups/s3/LogDelivery";

// One ACL grant. type is CanonicalUser (id), Group (uri) or AmazonCustomerByEmail (email).
struct Grant
{
    QString type;
    QString id;
    QString uri;
    QString email;
    QString permission; // FULL_CONTROL, READ, WRITE, READ_ACP, WRITE_ACP

    friend bool operator==(const Grant &, const Grant &) = default;
};
using AccessControlList = QList<Grant>;

// S3-21: the default ACL, the owner has full control.
AccessControlList privateAcl();
// A canned ACL (x-amz-acl) expanded to grants; nullopt for an unknown name. Cloudbench has one
// account, so the bucket owner is always the object owner (bucket-owner-* equal private).
std::optional<AccessControlList> cannedAcl(const QString &name);
// Grants to anyone but the owner: the ACL BucketOwnerEnforced refuses.
bool grantsOthers(const AccessControlList &acl);
// Grants to AllUsers or AuthenticatedUsers: the ACL BlockPublicAcls refuses.
bool isPublicAcl(const AccessControlList &acl);
QString aclToJson(const AccessControlList &acl);
AccessControlList aclFromJson(const QString &json);

inline constexpr auto BucketOwnerEnforced = "BucketOwnerEnforced";
bool isObjectOwnership(const QString &value);

// The four Block Public Access settings (GetPublicAccessBlock); stored as the list of set ones.
struct PublicAccessBlock
{
    bool blockPublicAcls = true;
    bool ignorePublicAcls = true;
    bool blockPublicPolicy = true;
    bool restrictPublicBuckets = true;

    QString toStored() const;
    static PublicAccessBlock fromStored(const QString &stored);
};

// Default encryption (GetBucketEncryption): SSE-S3 unless configured otherwise.
struct BucketEncryption
{
    QString algorithm = QStringLiteral("AES256"); // AES256, aws:kms or aws:kms:dsse
    QString kmsKeyId;
    bool bucketKeyEnabled = false;

    QString toStored() const;
    static BucketEncryption fromStored(const QString &stored);
};
bool isSseAlgorithm(const QString &value);

} // namespace Core::S3
