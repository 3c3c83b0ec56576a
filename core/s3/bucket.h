// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <utility>

namespace Core::S3 {

enum class Versioning {
    Unversioned,
    Enabled,
    Suspended,
};

using Tags = QList<std::pair<QString, QString>>;

// A bucket as the console and ListBuckets show it; counts cover current, non-deleted objects.
struct Bucket
{
    QString name;
    QString region;
    qint64 createdMs = 0;
    Versioning versioning = Versioning::Unversioned;
    qint64 objectCount = 0;
    qint64 totalBytes = 0;
};

// Bucket configuration stored as text: policy JSON, CORS, notification and lifecycle XML as
// sent; the ACL (JSON grants), encryption (JSON), ownership (its value) and public access block
// (the set settings) in the forms bucketconfig.h defines. None = no configuration.
enum class BucketDocument {
    Policy,
    Cors,
    Notification,
    Lifecycle,
    Acl,
    Encryption,
    Ownership,
    PublicAccessBlock,
    LifecycleMinimumSize, // x-amz-transition-default-minimum-object-size of the lifecycle
    Website, // WebsiteConfig::toXml
    ObjectLock, // ObjectLockConfig::toXml; none: Object Lock is not enabled
    Replication, // ReplicationConfig::toXml
    Logging, // LoggingConfig::toXml (BucketLoggingStatus)
};

QString versioningName(Versioning versioning);

} // namespace Core::S3

Q_DECLARE_METATYPE(Core::S3::Bucket)
