// SPDX-License-Identifier: MIT
#include "core/s3/s3store.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr auto ObjectColumns = "bucket, key, version_id, is_latest, delete_marker, size, etag, "
                               "modified_ms, headers, tags, checksum_algorithm, checksum, "
                               "parts_count, blob_file";

// A null QString binds as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcCore).noquote() << "S3 store:" << Storage::Database::lastErrorText(query);
    query.finish();
    return false;
}

S3Object readObject(const QSqlQuery &query, bool withData)
{
    S3Object object;
    object.bucket = query.value(0).toString();
    object.key = query.value(1).toString();
    object.versionId = query.value(2).toString();
    object.isLatest = query.value(3).toBool();
    object.deleteMarker = query.value(4).toBool();
    object.size = query.value(5).toLongLong();
    object.etag = query.value(6).toString();
    object.modifiedMs = query.value(7).toLongLong();
    object.headers = headersFromJson(query.value(8).toString());
    object.tags = tagsFromJson(query.value(9).toString());
    object.checksum = {query.value(10).toString(), query.value(11).toString()};
    object.partsCount = query.value(12).toInt();
    object.fileId = query.value(13).toString();
    if (withData)
        object.inlineData = query.value(14).toByteArray();
    return object;
}

QString documentColumn(BucketDocument kind)
{
    switch (kind) {
    case BucketDocument::Policy:
        return u"policy"_s;
    case BucketDocument::Cors:
        return u"cors"_s;
    case BucketDocument::Notification:
        return u"notification"_s;
    case BucketDocument::Lifecycle:
        return u"lifecycle"_s;
    case BucketDocument::Acl:
        return u"acl"_s;
    case BucketDocument::Encryption:
        return u"encryption"_s;
    case BucketDocument::Ownership:
        return u"ownership"_s;
    case BucketDocument::PublicAccessBlock:
        return u"public_access_block"_s;
    }
    return {};
}

} // namespace

QString headersToJson(const ObjectHeaders &headers)
{
    QJsonObject object;
    const auto put = [&object](const QString &name, const QString &value) {
        if (!value.isEmpty())
            object.insert(name, value);
    };
    put(u"ContentType"_s, headers.contentType);
    put(u"ContentEncoding"_s, headers.contentEncoding);
    put(u"ContentDisposition"_s, headers.contentDisposition);
    put(u"ContentLanguage"_s, headers.contentLanguage);
    put(u"CacheControl"_s, headers.cacheControl);
    put(u"Expires"_s, headers.expires);
    put(u"StorageClass"_s, headers.storageClass);
    put(u"ServerSideEncryption"_s, headers.serverSideEncryption);
    put(u"SseKmsKeyId"_s, headers.sseKmsKeyId);
    QJsonArray metadata;
    for (const auto &[name, value] : headers.metadata)
        metadata.append(QJsonArray{name, value});
    if (!metadata.isEmpty())
        object.insert(u"Metadata"_s, metadata);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ObjectHeaders headersFromJson(const QString &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    ObjectHeaders headers;
    headers.contentType = object.value(u"ContentType").toString();
    headers.contentEncoding = object.value(u"ContentEncoding").toString();
    headers.contentDisposition = object.value(u"ContentDisposition").toString();
    headers.contentLanguage = object.value(u"ContentLanguage").toString();
    headers.cacheControl = object.value(u"CacheControl").toString();
    headers.expires = object.value(u"Expires").toString();
    headers.storageClass = object.value(u"StorageClass").toString(u"STANDARD"_s);
    // Objects written before encryption was reported were SSE-S3 too (every bucket's default).
    headers.serverSideEncryption = object.value(u"ServerSideEncryption").toString(u"AES256"_s);
    headers.sseKmsKeyId = object.value(u"SseKmsKeyId").toString();
    for (const QJsonValue &entry : object.value(u"Metadata").toArray()) {
        const QJsonArray pair = entry.toArray();
        headers.metadata.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return headers;
}

QString tagsToJson(const Tags &tags)
{
    QJsonArray array;
    for (const auto &[key, value] : tags)
        array.append(QJsonArray{key, value});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Tags tagsFromJson(const QString &json)
{
    Tags tags;
    for (const QJsonValue &entry : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonArray pair = entry.toArray();
        tags.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return tags;
}

S3Store::S3Store(const Storage::Database &database)
    : m_database(database)
{}

bool S3Store::insertBucket(const Bucket &bucket)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO s3_buckets (name, region, created_ms, versioning) VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(bucket.name);
    query.addBindValue(bucket.region);
    query.addBindValue(bucket.createdMs);
    query.addBindValue(int(bucket.versioning));
    return run(query);
}

std::optional<Bucket> S3Store::bucket(const QString &name) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT name, region, created_ms, versioning FROM s3_buckets WHERE name = ?"_s);
    query.addBindValue(name);
    if (!run(query) || !query.next()) {
        query.finish();
        return std::nullopt;
    }
    Bucket bucket{query.value(0).toString(),
        query.value(1).toString(),
        query.value(2).toLongLong(),
        Versioning(query.value(3).toInt())};
    query.finish();
    return bucket;
}

QList<Bucket> S3Store::buckets() const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT name, region, created_ms, versioning FROM s3_buckets ORDER BY name"_s);
    QList<Bucket> result;
    if (!run(query))
        return result;
    while (query.next())
        result.append({query.value(0).toString(),
            query.value(1).toString(),
            query.value(2).toLongLong(),
            Versioning(query.value(3).toInt())});
    query.finish();
    return result;
}

void S3Store::fillStats(Bucket &bucket) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT COUNT(*), COALESCE(SUM(size), 0) FROM s3_objects WHERE bucket = ? AND "
        u"is_latest = 1 AND delete_marker = 0"_s);
    query.addBindValue(bucket.name);
    if (run(query) && query.next()) {
        bucket.objectCount = query.value(0).toLongLong();
        bucket.totalBytes = query.value(1).toLongLong();
    }
    query.finish();
}

std::pair<qint64, qint64> S3Store::storageStats(const QString &bucket) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT (SELECT COUNT(*) FROM s3_objects WHERE bucket = ?) + (SELECT COUNT(*) FROM "
        u"s3_parts p JOIN s3_uploads u ON u.upload_id = p.upload_id WHERE u.bucket = ?), "
        u"(SELECT COALESCE(SUM(size), 0) FROM s3_objects WHERE bucket = ? AND "
        u"COALESCE(json_extract(headers, '$.StorageClass'), 'STANDARD') = 'STANDARD') + "
        u"(SELECT COALESCE(SUM(p.size), 0) FROM s3_parts p JOIN s3_uploads u ON "
        u"u.upload_id = p.upload_id WHERE u.bucket = ?)"_s);
    for (int i = 0; i < 4; ++i)
        query.addBindValue(bucket);
    std::pair<qint64, qint64> stats{0, 0};
    if (run(query) && query.next())
        stats = {query.value(0).toLongLong(), query.value(1).toLongLong()};
    query.finish();
    return stats;
}

bool S3Store::deleteBucket(const QString &name)
{
    QSqlQuery &query = m_database.prepared(u"DELETE FROM s3_buckets WHERE name = ?"_s);
    query.addBindValue(name);
    return run(query);
}

bool S3Store::bucketHasObjects(const QString &name) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT 1 FROM s3_objects WHERE bucket = ? LIMIT 1"_s);
    query.addBindValue(name);
    const bool any = run(query) && query.next();
    query.finish();
    return any;
}

bool S3Store::removeBucketContents(const QString &name)
{
    QSqlQuery &objects = m_database.prepared(u"DELETE FROM s3_objects WHERE bucket = ?"_s);
    objects.addBindValue(name);
    if (!run(objects))
        return false;
    QSqlQuery &uploads = m_database.prepared(u"DELETE FROM s3_uploads WHERE bucket = ?"_s);
    uploads.addBindValue(name);
    return run(uploads);
}

bool S3Store::setVersioning(const QString &name, Versioning versioning)
{
    QSqlQuery &query =
        m_database.prepared(u"UPDATE s3_buckets SET versioning = ? WHERE name = ?"_s);
    query.addBindValue(int(versioning));
    query.addBindValue(name);
    return run(query);
}

bool S3Store::setBucketTags(const QString &name, const Tags &tags)
{
    QSqlQuery &query = m_database.prepared(u"UPDATE s3_buckets SET tags = ? WHERE name = ?"_s);
    query.addBindValue(tagsToJson(tags));
    query.addBindValue(name);
    return run(query);
}

Tags S3Store::bucketTags(const QString &name) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT tags FROM s3_buckets WHERE name = ?"_s);
    query.addBindValue(name);
    Tags tags;
    if (run(query) && query.next())
        tags = tagsFromJson(query.value(0).toString());
    query.finish();
    return tags;
}

bool S3Store::setDocument(
    const QString &name, BucketDocument kind, const std::optional<QString> &text)
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE s3_buckets SET %1 = ? WHERE name = ?"_s.arg(documentColumn(kind)));
    query.addBindValue(text ? QVariant(*text) : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(name);
    return run(query);
}

std::optional<QString> S3Store::document(const QString &name, BucketDocument kind) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM s3_buckets WHERE name = ?"_s.arg(documentColumn(kind)));
    query.addBindValue(name);
    std::optional<QString> text;
    if (run(query) && query.next() && !query.value(0).isNull())
        text = query.value(0).toString();
    query.finish();
    return text;
}

bool S3Store::setObjectAcl(
    const QString &bucket, const QString &key, const QString &versionId, const QString &acl)
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE s3_objects SET acl = ? WHERE bucket = ? AND key = ? AND version_id = ?"_s);
    query.addBindValue(acl.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(acl));
    query.addBindValue(bucket);
    query.addBindValue(key);
    query.addBindValue(versionId);
    return run(query);
}

QString S3Store::objectAcl(
    const QString &bucket, const QString &key, const QString &versionId) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT acl FROM s3_objects WHERE bucket = ? AND key = ? AND version_id = ?"_s);
    query.addBindValue(bucket);
    query.addBindValue(key);
    query.addBindValue(versionId);
    QString acl;
    if (run(query) && query.next())
        acl = query.value(0).toString();
    query.finish();
    return acl;
}

QStringList S3Store::bucketsWithLifecycle() const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT name FROM s3_buckets WHERE lifecycle IS NOT NULL"_s);
    QStringList names;
    if (!run(query))
        return names;
    while (query.next())
        names.append(query.value(0).toString());
    query.finish();
    return names;
}

std::optional<S3Object> S3Store::latest(
    const QString &bucket, const QString &key, bool withData) const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT %1%2 FROM s3_objects WHERE bucket = ? AND "
                            u"key = ? AND is_latest = 1"_s.arg(QLatin1StringView(ObjectColumns),
                                withData ? u", data"_s : QString()));
    query.addBindValue(bucket);
    query.addBindValue(key);
    std::optional<S3Object> object;
    if (run(query) && query.next())
        object = readObject(query, withData);
    query.finish();
    return object;
}

std::optional<S3Object> S3Store::version(
    const QString &bucket, const QString &key, const QString &versionId, bool withData) const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT %1%2 FROM s3_objects WHERE bucket = ? AND "
                            u"key = ? AND version_id = ?"_s.arg(QLatin1StringView(ObjectColumns),
                                withData ? u", data"_s : QString()));
    query.addBindValue(bucket);
    query.addBindValue(key);
    query.addBindValue(versionId);
    std::optional<S3Object> object;
    if (run(query) && query.next())
        object = readObject(query, withData);
    query.finish();
    return object;
}

bool S3Store::insertVersion(const S3Object &object, const QString &fileId)
{
    QSqlQuery &clear = m_database.prepared(
        u"UPDATE s3_objects SET is_latest = 0 WHERE bucket = ? AND key = ? AND is_latest = 1"_s);
    clear.addBindValue(object.bucket);
    clear.addBindValue(object.key);
    if (!run(clear))
        return false;
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO s3_objects (%1, data) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s
            .arg(QLatin1StringView(ObjectColumns)));
    query.addBindValue(object.bucket);
    query.addBindValue(text(object.key));
    query.addBindValue(text(object.versionId));
    query.addBindValue(object.deleteMarker ? 1 : 0);
    query.addBindValue(object.size);
    query.addBindValue(text(object.etag));
    query.addBindValue(object.modifiedMs);
    query.addBindValue(headersToJson(object.headers));
    query.addBindValue(tagsToJson(object.tags));
    query.addBindValue(text(object.checksum.algorithm));
    query.addBindValue(text(object.checksum.value));
    query.addBindValue(object.partsCount);
    query.addBindValue(fileId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : fileId);
    query.addBindValue(fileId.isEmpty() ? QVariant(object.inlineData)
                                        : QVariant(QMetaType::fromType<QByteArray>()));
    return run(query);
}

std::optional<QString> S3Store::removeVersion(
    const QString &bucket, const QString &key, const QString &versionId)
{
    QSqlQuery &query = m_database.prepared(u"DELETE FROM s3_objects WHERE bucket = ? AND key = ? "
                                           u"AND version_id = ? RETURNING blob_file"_s);
    query.addBindValue(bucket);
    query.addBindValue(key);
    query.addBindValue(versionId);
    if (!run(query))
        return std::nullopt;
    QString fileId;
    if (query.next())
        fileId = query.value(0).toString();
    query.finish();
    return fileId;
}

bool S3Store::promoteNewest(const QString &bucket, const QString &key)
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE s3_objects SET is_latest = 1 WHERE id = (SELECT id FROM s3_objects WHERE "
        u"bucket = ? AND key = ? ORDER BY id DESC LIMIT 1) AND NOT EXISTS (SELECT 1 FROM "
        u"s3_objects WHERE bucket = ? AND key = ? AND is_latest = 1)"_s);
    query.addBindValue(bucket);
    query.addBindValue(key);
    query.addBindValue(bucket);
    query.addBindValue(key);
    return run(query);
}

bool S3Store::setObjectTags(
    const QString &bucket, const QString &key, const QString &versionId, const Tags &tags)
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE s3_objects SET tags = ? WHERE bucket = ? AND key = ? AND version_id = ?"_s);
    query.addBindValue(tagsToJson(tags));
    query.addBindValue(bucket);
    query.addBindValue(key);
    query.addBindValue(versionId);
    return run(query);
}

QList<S3Object> S3Store::currentObjects(
    const QString &bucket, const QString &from, const QString &after, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM s3_objects WHERE bucket = ? AND is_latest = 1 AND delete_marker = 0 "
        u"AND key >= ? AND key > ? ORDER BY key LIMIT ?"_s.arg(QLatin1StringView(ObjectColumns)));
    query.addBindValue(bucket);
    query.addBindValue(text(from));
    query.addBindValue(text(after));
    query.addBindValue(limit);
    QList<S3Object> objects;
    if (!run(query))
        return objects;
    while (query.next())
        objects.append(readObject(query, false));
    query.finish();
    return objects;
}

QList<S3Object> S3Store::versionsFrom(
    const QString &bucket, const QString &from, int limit, int offset) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM s3_objects WHERE bucket = ? AND key >= ? ORDER BY key, id DESC LIMIT ? OFFSET ?"_s
            .arg(QLatin1StringView(ObjectColumns)));
    query.addBindValue(bucket);
    query.addBindValue(text(from));
    query.addBindValue(limit);
    query.addBindValue(offset);
    QList<S3Object> objects;
    if (!run(query))
        return objects;
    while (query.next())
        objects.append(readObject(query, false));
    query.finish();
    return objects;
}

QStringList S3Store::bucketFiles(const QString &bucket) const
{
    QStringList files;
    QSqlQuery &objects = m_database.prepared(
        u"SELECT blob_file FROM s3_objects WHERE bucket = ? AND blob_file IS NOT NULL"_s);
    objects.addBindValue(bucket);
    if (run(objects)) {
        while (objects.next())
            files.append(objects.value(0).toString());
        objects.finish();
    }
    QSqlQuery &parts = m_database.prepared(u"SELECT p.blob_file FROM s3_parts p JOIN s3_uploads "
                                           u"u ON u.upload_id = p.upload_id WHERE u.bucket = ?"_s);
    parts.addBindValue(bucket);
    if (run(parts)) {
        while (parts.next())
            files.append(parts.value(0).toString());
        parts.finish();
    }
    return files;
}

bool S3Store::insertUpload(const MultipartUpload &upload)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO s3_uploads (upload_id, bucket, key, initiated_ms, headers, tags, "
        u"checksum_algorithm, acl) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(upload.uploadId);
    query.addBindValue(upload.bucket);
    query.addBindValue(upload.key);
    query.addBindValue(upload.initiatedMs);
    query.addBindValue(headersToJson(upload.headers));
    query.addBindValue(tagsToJson(upload.tags));
    query.addBindValue(text(upload.checksumAlgorithm));
    query.addBindValue(upload.acl.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                            : QVariant(aclToJson(upload.acl)));
    return run(query);
}

namespace {

constexpr auto UploadColumns =
    "upload_id, bucket, key, initiated_ms, headers, tags, checksum_algorithm, acl";

MultipartUpload readUpload(const QSqlQuery &query)
{
    return {query.value(0).toString(),
        query.value(1).toString(),
        query.value(2).toString(),
        query.value(3).toLongLong(),
        headersFromJson(query.value(4).toString()),
        tagsFromJson(query.value(5).toString()),
        query.value(6).toString(),
        aclFromJson(query.value(7).toString())};
}

} // namespace

std::optional<MultipartUpload> S3Store::upload(const QString &uploadId) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM s3_uploads WHERE upload_id = ?"_s.arg(QLatin1StringView(UploadColumns)));
    query.addBindValue(uploadId);
    std::optional<MultipartUpload> upload;
    if (run(query) && query.next())
        upload = readUpload(query);
    query.finish();
    return upload;
}

QList<MultipartUpload> S3Store::uploads(const QString &bucket) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM s3_uploads WHERE bucket = ? ORDER BY key, initiated_ms, rowid"_s.arg(
            QLatin1StringView(UploadColumns)));
    query.addBindValue(bucket);
    QList<MultipartUpload> result;
    if (!run(query))
        return result;
    while (query.next())
        result.append(readUpload(query));
    query.finish();
    return result;
}

bool S3Store::deleteUpload(const QString &uploadId)
{
    QSqlQuery &query = m_database.prepared(u"DELETE FROM s3_uploads WHERE upload_id = ?"_s);
    query.addBindValue(uploadId);
    return run(query);
}

std::optional<QString> S3Store::putPart(
    const QString &uploadId, const UploadPart &part, const QString &fileId)
{
    QSqlQuery &old = m_database.prepared(
        u"DELETE FROM s3_parts WHERE upload_id = ? AND part_number = ? RETURNING blob_file"_s);
    old.addBindValue(uploadId);
    old.addBindValue(part.partNumber);
    if (!run(old))
        return std::nullopt;
    QString replaced;
    if (old.next())
        replaced = old.value(0).toString();
    old.finish();
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO s3_parts (upload_id, part_number, size, etag, modified_ms, checksum, "
        u"blob_file) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(uploadId);
    query.addBindValue(part.partNumber);
    query.addBindValue(part.size);
    query.addBindValue(part.etag);
    query.addBindValue(part.modifiedMs);
    // "ALGORITHM:value" (base64 has no colon); older rows hold the value alone.
    query.addBindValue(part.checksum.isEmpty()
            ? QStringLiteral("")
            : QString(part.checksum.algorithm + u':' + part.checksum.value));
    query.addBindValue(fileId);
    if (!run(query))
        return std::nullopt;
    return replaced;
}

QList<UploadPart> S3Store::parts(const QString &uploadId) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT part_number, size, etag, modified_ms, checksum, blob_file FROM s3_parts WHERE "
        u"upload_id = ? ORDER BY part_number"_s);
    query.addBindValue(uploadId);
    QList<UploadPart> result;
    if (!run(query))
        return result;
    while (query.next()) {
        UploadPart part;
        part.partNumber = query.value(0).toInt();
        part.size = query.value(1).toLongLong();
        part.etag = query.value(2).toString();
        part.modifiedMs = query.value(3).toLongLong();
        const QString checksum = query.value(4).toString();
        const qsizetype colon = checksum.indexOf(u':');
        part.checksum = colon < 0 ? Checksum{QString(), checksum}
                                  : Checksum{checksum.left(colon), checksum.mid(colon + 1)};
        part.fileId = query.value(5).toString();
        result.append(part);
    }
    query.finish();
    return result;
}

QHash<QString, qint64> S3Store::referencedFiles() const
{
    QHash<QString, qint64> files;
    for (const QString &sql :
        {u"SELECT blob_file, size FROM s3_objects WHERE blob_file IS NOT NULL"_s,
            u"SELECT blob_file, size FROM s3_parts"_s}) {
        QSqlQuery &query = m_database.prepared(sql);
        if (!run(query))
            continue;
        while (query.next())
            files.insert(query.value(0).toString(), query.value(1).toLongLong());
        query.finish();
    }
    return files;
}

int S3Store::removeRowsWithoutFiles(const QSet<QString> &intactFiles)
{
    int removed = 0;
    const QHash<QString, qint64> referenced = referencedFiles();
    for (const QString &fileId : referenced.keys()) {
        if (intactFiles.contains(fileId))
            continue;
        for (const QString &sql : {u"DELETE FROM s3_objects WHERE blob_file = ?"_s,
                 u"DELETE FROM s3_parts WHERE blob_file = ?"_s}) {
            QSqlQuery &query = m_database.prepared(sql);
            query.addBindValue(fileId);
            if (run(query))
                removed += query.numRowsAffected();
        }
    }
    return removed;
}

} // namespace Core::S3
