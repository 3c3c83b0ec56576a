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

// Bucket configuration stored as sent (policy JSON, CORS and notification XML).
enum class BucketDocument {
    Policy,
    Cors,
    Notification,
};

QString versioningName(Versioning versioning);

} // namespace Core::S3

Q_DECLARE_METATYPE(Core::S3::Bucket)
