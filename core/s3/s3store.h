// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/multipartupload.h"
#include "core/s3/s3object.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::S3 {

// The only SQL touching the s3_* tables. Used on the core thread inside the caller's transaction;
// functions returning bool report a failed statement (the caller rolls back).
class S3Store final
{
public:
    explicit S3Store(const Storage::Database &database);

    bool insertBucket(const Bucket &bucket);
    std::optional<Bucket> bucket(const QString &name) const;
    QList<Bucket> buckets() const;
    void fillStats(Bucket &bucket) const;
    // CloudWatch's storage metrics: every version, delete marker and uploaded part counts as an
    // object; bytes per storage class of the versions (parts count as STANDARD).
    struct StorageStats
    {
        qint64 objects = 0;
        QHash<QString, qint64> bytesByClass;
    };
    StorageStats storageStats(const QString &bucket) const;
    bool deleteBucket(const QString &name);
    bool bucketHasObjects(const QString &name) const;
    bool removeBucketContents(const QString &name); // every version and upload
    bool setVersioning(const QString &name, Versioning versioning);
    bool setBucketTags(const QString &name, const Tags &tags);
    Tags bucketTags(const QString &name) const;
    bool setDocument(const QString &name, BucketDocument kind, const std::optional<QString> &text);
    std::optional<QString> document(const QString &name, BucketDocument kind) const;
    // The buckets that have this configuration document (lifecycle rules, notifications ...).
    QStringList bucketsWith(BucketDocument kind) const;
    // An object version's ACL as JSON grants; "" for the default (private).
    bool setObjectAcl(
        const QString &bucket, const QString &key, const QString &versionId, const QString &acl);
    QString objectAcl(const QString &bucket, const QString &key, const QString &versionId) const;

    // Objects: the current (latest) row of a key, or one version; with data when withData.
    std::optional<S3Object> latest(const QString &bucket, const QString &key, bool withData) const;
    std::optional<S3Object> version(
        const QString &bucket, const QString &key, const QString &versionId, bool withData) const;
    // Inserts a new version as the latest one (the previous latest row keeps its data).
    bool insertVersion(const S3Object &object, const QString &fileId);
    // Removes one version row; returns its blob file id ("" inline) or nullopt on failure.
    std::optional<QString> removeVersion(
        const QString &bucket, const QString &key, const QString &versionId);
    // After removing the latest version: marks the newest remaining one as latest.
    bool promoteNewest(const QString &bucket, const QString &key);
    bool setObjectTags(
        const QString &bucket, const QString &key, const QString &versionId, const Tags &tags);
    // Lifecycle transitions and RestoreObject change a version's headers in place.
    bool setObjectHeaders(const QString &bucket,
        const QString &key,
        const QString &versionId,
        const ObjectHeaders &headers);
    // Current non-deleted objects with key > after and key >= from, in key order.
    QList<S3Object> currentObjects(
        const QString &bucket, const QString &from, const QString &after, int limit) const;
    // All versions and delete markers with key >= from, by key then newest first.
    // Versions whose header field (RestoreReadyMs, RestoreExpiryMs) falls in (fromMs, toMs].
    QList<S3Object> versionsWithTimeIn(
        const QString &bucket, const QString &field, qint64 fromMs, qint64 toMs) const;
    // Versions and delete markers whose header field is `value`, in the order they were
    // written (a scan of the bucket's rows: made for buckets that replicate).
    QList<S3Object> versionsWithHeader(
        const QString &bucket, const QString &field, const QString &value, int limit) const;
    QList<S3Object> versionsFrom(
        const QString &bucket, const QString &from, int limit, int offset) const;
    QStringList bucketFiles(const QString &bucket) const; // object and part files

    bool insertUpload(const MultipartUpload &upload);
    std::optional<MultipartUpload> upload(const QString &uploadId) const;
    QList<MultipartUpload> uploads(const QString &bucket) const;
    bool deleteUpload(const QString &uploadId);
    // Replaces any earlier part with that number; returns the replaced part's file id or "".
    std::optional<QString> putPart(
        const QString &uploadId, const UploadPart &part, const QString &fileId);
    QList<UploadPart> parts(const QString &uploadId) const;

    // Every file a row references, with the size the row records.
    QHash<QString, qint64> referencedFiles() const;
    // Start-up: rows whose file vanished or lost bytes (a crash of the app between rename and
    // commit cannot cause this; a user deleting files or a power loss before the kernel wrote
    // the data can); removed so nothing points at missing bytes.
    int removeRowsWithoutFiles(const QSet<QString> &intactFiles);

private:
    // UPDATE ... SET <column> = ? WHERE bucket = ? AND key = ? AND version_id = ?
    bool setVersionColumn(const QString &sql,
        const QVariant &value,
        const QString &bucket,
        const QString &key,
        const QString &versionId);

    const Storage::Database &m_database;
};

QString headersToJson(const ObjectHeaders &headers);
ObjectHeaders headersFromJson(const QString &json);
QString tagsToJson(const Tags &tags);
Tags tagsFromJson(const QString &json);
QString partsToJson(const QList<ObjectPart> &parts);
QList<ObjectPart> partsFromJson(const QString &json);

} // namespace Core::S3
