// SPDX-License-Identifier: MIT
// S3Store: object versions and the files rows reference (start-up recovery).
#include "core/s3/s3store.h"

#include "core/s3/s3storesql.h"
#include "core/storage/database.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Core::S3 {

using StoreSql::run;
using StoreSql::text;

namespace {

constexpr auto ObjectColumns = "bucket, key, version_id, is_latest, delete_marker, size, etag, "
                               "modified_ms, headers, tags, checksum_algorithm, checksum, "
                               "parts_count, blob_file, parts";

// withParts: single-object reads only; listings leave a multipart object's part list unparsed.
S3Object readObject(const QSqlQuery &query, bool withData, bool withParts)
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
    object.checksum = {query.value(10).toString(), query.value(11).toString(), {}};
    if (!object.checksum.isEmpty())
        object.checksum.type = QLatin1StringView(
            object.checksum.value.contains(u'-') ? Composite : FullObject); // not in base64
    object.partsCount = query.value(12).toInt();
    object.fileId = query.value(13).toString();
    if (withParts && !query.isNull(14))
        object.parts = partsFromJson(query.value(14).toString());
    if (withData)
        object.inlineData = query.value(15).toByteArray();
    return object;
}

} // namespace

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
        object = readObject(query, withData, true);
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
        object = readObject(query, withData, true);
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
        u"INSERT INTO s3_objects (%1, data) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s
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
    query.addBindValue(object.parts.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                              : partsToJson(object.parts));
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

bool S3Store::setVersionColumn(const QString &sql,
    const QVariant &value,
    const QString &bucket,
    const QString &key,
    const QString &versionId)
{
    QSqlQuery &query = m_database.prepared(sql);
    query.addBindValue(value);
    query.addBindValue(bucket);
    query.addBindValue(key);
    query.addBindValue(versionId);
    return run(query);
}

bool S3Store::setObjectTags(
    const QString &bucket, const QString &key, const QString &versionId, const Tags &tags)
{
    return setVersionColumn(u"UPDATE s3_objects SET tags = ? WHERE bucket = ? AND key = ? AND "
                            u"version_id = ?"_s,
        tagsToJson(tags),
        bucket,
        key,
        versionId);
}

bool S3Store::setObjectHeaders(const QString &bucket,
    const QString &key,
    const QString &versionId,
    const ObjectHeaders &headers)
{
    return setVersionColumn(u"UPDATE s3_objects SET headers = ? WHERE bucket = ? AND key = ? AND "
                            u"version_id = ?"_s,
        headersToJson(headers),
        bucket,
        key,
        versionId);
}

namespace {

// Runs a listing query and reads its rows as listings do (no bytes, no part list).
QList<S3Object> readListing(QSqlQuery &query)
{
    QList<S3Object> objects;
    if (!run(query))
        return objects;
    while (query.next())
        objects.append(readObject(query, false, false));
    query.finish();
    return objects;
}

} // namespace

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
    return readListing(query);
}

QList<S3Object> S3Store::versionsWithTimeIn(
    const QString &bucket, const QString &field, qint64 fromMs, qint64 toMs) const
{
    // A scan of the bucket's rows, made only for buckets that notify restore events.
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM s3_objects WHERE bucket = ? AND json_extract(headers, ?) > ? AND "
        u"json_extract(headers, ?) <= ? ORDER BY key, id DESC"_s.arg(
            QLatin1StringView(ObjectColumns)));
    const QString path = u"$."_s + field;
    query.addBindValue(bucket);
    query.addBindValue(path);
    query.addBindValue(fromMs);
    query.addBindValue(path);
    query.addBindValue(toMs);
    return readListing(query);
}

QList<S3Object> S3Store::versionsWithHeader(
    const QString &bucket, const QString &field, const QString &value, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM s3_objects WHERE bucket = ? AND json_extract(headers, ?) = ? ORDER BY "
        u"id LIMIT ?"_s.arg(QLatin1StringView(ObjectColumns)));
    query.addBindValue(bucket);
    query.addBindValue(QString(u"$."_s + field));
    query.addBindValue(value);
    query.addBindValue(limit);
    return readListing(query);
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
    return readListing(query);
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
