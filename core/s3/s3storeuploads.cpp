// SPDX-License-Identifier: MIT
// S3Store: multipart uploads and their parts.
#include "core/s3/s3store.h"

#include "core/s3/bucketconfig.h"
#include "core/s3/s3storesql.h"
#include "core/storage/database.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Core::S3 {

using StoreSql::run;
using StoreSql::text;

bool S3Store::insertUpload(const MultipartUpload &upload)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO s3_uploads (upload_id, bucket, key, initiated_ms, headers, tags, "
        u"checksum_algorithm, checksum_type, acl) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(upload.uploadId);
    query.addBindValue(upload.bucket);
    query.addBindValue(upload.key);
    query.addBindValue(upload.initiatedMs);
    query.addBindValue(headersToJson(upload.headers));
    query.addBindValue(tagsToJson(upload.tags));
    query.addBindValue(text(upload.checksumAlgorithm));
    query.addBindValue(text(upload.checksumType));
    query.addBindValue(upload.acl.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                            : QVariant(aclToJson(upload.acl)));
    return run(query);
}

namespace {

constexpr auto UploadColumns =
    "upload_id, bucket, key, initiated_ms, headers, tags, checksum_algorithm, acl, checksum_type";

MultipartUpload readUpload(const QSqlQuery &query)
{
    MultipartUpload upload{query.value(0).toString(),
        query.value(1).toString(),
        query.value(2).toString(),
        query.value(3).toLongLong(),
        headersFromJson(query.value(4).toString()),
        tagsFromJson(query.value(5).toString()),
        query.value(6).toString(),
        query.value(8).toString(),
        aclFromJson(query.value(7).toString())};
    if (upload.checksumType.isEmpty() && !upload.checksumAlgorithm.isEmpty())
        upload.checksumType = QLatin1StringView(Composite); // created before the column existed
    return upload;
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
        part.checksum = colon < 0 ? Checksum{QString(), checksum, {}}
                                  : Checksum{checksum.left(colon), checksum.mid(colon + 1), {}};
        part.fileId = query.value(5).toString();
        result.append(part);
    }
    query.finish();
    return result;
}

} // namespace Core::S3
