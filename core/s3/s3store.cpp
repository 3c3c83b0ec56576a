// SPDX-License-Identifier: MIT
// S3Store: shared helpers, JSON columns and bucket rows. Object rows: s3storeobjects.cpp;
// multipart uploads and parts: s3storeuploads.cpp.
#include "core/s3/s3store.h"

#include "core/common/logging.h"
#include "core/s3/s3storesql.h"
#include "core/storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace StoreSql {

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

} // namespace StoreSql

using StoreSql::run;
using StoreSql::text;

namespace {

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
    case BucketDocument::LifecycleMinimumSize:
        return u"lifecycle_minimum_size"_s;
    case BucketDocument::Website:
        return u"website"_s;
    case BucketDocument::ObjectLock:
        return u"object_lock"_s;
    case BucketDocument::Replication:
        return u"replication"_s;
    case BucketDocument::Logging:
        return u"logging"_s;
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
    put(u"WebsiteRedirectLocation"_s, headers.websiteRedirectLocation);
    if (headers.restoreReadyMs >= 0)
        object.insert(u"RestoreReadyMs"_s, double(headers.restoreReadyMs));
    if (headers.restoreExpiryMs >= 0)
        object.insert(u"RestoreExpiryMs"_s, double(headers.restoreExpiryMs));
    put(u"LockMode"_s, headers.lock.mode);
    if (headers.lock.retainUntilMs >= 0)
        object.insert(u"LockRetainUntilMs"_s, double(headers.lock.retainUntilMs));
    put(u"LegalHold"_s, headers.lock.legalHold);
    put(u"ReplicationStatus"_s, headers.replicationStatus);
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
    headers.websiteRedirectLocation = object.value(u"WebsiteRedirectLocation").toString();
    headers.restoreReadyMs = qint64(object.value(u"RestoreReadyMs").toDouble(-1));
    headers.restoreExpiryMs = qint64(object.value(u"RestoreExpiryMs").toDouble(-1));
    headers.lock.mode = object.value(u"LockMode").toString();
    headers.lock.retainUntilMs = qint64(object.value(u"LockRetainUntilMs").toDouble(-1));
    headers.lock.legalHold = object.value(u"LegalHold").toString();
    headers.replicationStatus = object.value(u"ReplicationStatus").toString();
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

QString partsToJson(const QList<ObjectPart> &parts)
{
    QJsonArray array;
    for (const ObjectPart &part : parts) {
        QJsonObject entry{{u"n"_s, part.partNumber}, {u"s"_s, double(part.size)}};
        if (!part.checksum.isEmpty()) {
            entry.insert(u"a"_s, part.checksum.algorithm);
            entry.insert(u"c"_s, part.checksum.value);
        }
        array.append(entry);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ObjectPart> partsFromJson(const QString &json)
{
    QList<ObjectPart> parts;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject entry = value.toObject();
        ObjectPart part;
        part.partNumber = entry.value(u"n"_s).toInt();
        part.size = qint64(entry.value(u"s"_s).toDouble());
        part.checksum.algorithm = entry.value(u"a"_s).toString();
        part.checksum.value = entry.value(u"c"_s).toString();
        parts.append(part);
    }
    return parts;
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

S3Store::StorageStats S3Store::storageStats(const QString &bucket) const
{
    StorageStats stats;
    QSqlQuery &parts = m_database.prepared(
        u"SELECT COUNT(*), COALESCE(SUM(p.size), 0) FROM s3_parts p JOIN s3_uploads u ON "
        u"u.upload_id = p.upload_id WHERE u.bucket = ?"_s);
    parts.addBindValue(bucket);
    if (run(parts) && parts.next()) {
        stats.objects = parts.value(0).toLongLong();
        stats.bytesByClass[u"STANDARD"_s] = parts.value(1).toLongLong();
    }
    parts.finish();
    QSqlQuery &objects = m_database.prepared(
        u"SELECT COALESCE(json_extract(headers, '$.StorageClass'), 'STANDARD'), COUNT(*), "
        u"COALESCE(SUM(size), 0) FROM s3_objects WHERE bucket = ? GROUP BY 1"_s);
    objects.addBindValue(bucket);
    if (run(objects)) {
        while (objects.next()) {
            stats.objects += objects.value(1).toLongLong();
            stats.bytesByClass[objects.value(0).toString()] += objects.value(2).toLongLong();
        }
        objects.finish();
    }
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

QStringList S3Store::bucketsWith(BucketDocument kind) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT name FROM s3_buckets WHERE %1 IS NOT NULL"_s.arg(documentColumn(kind)));
    QStringList names;
    if (!run(query))
        return names;
    while (query.next())
        names.append(query.value(0).toString());
    query.finish();
    return names;
}

} // namespace Core::S3
