// SPDX-License-Identifier: MIT
// S3Service: multipart uploads.
#include "core/s3/s3service.h"

#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/s3/bodydigest.h"
#include "core/s3/bucketname.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3store.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr int MaxPartNumber = 10000;
constexpr qint64 CopyChunk = 1024 * 1024;

QString unquoted(QString etag)
{
    etag = etag.trimmed();
    if (etag.size() >= 2 && etag.startsWith(u'"') && etag.endsWith(u'"'))
        etag = etag.mid(1, etag.size() - 2);
    return etag;
}

// Appends length bytes of source from offset to target, feeding digest.
bool appendRange(
    QFile &target, const S3Object &source, qint64 offset, qint64 length, BodyDigest *digest)
{
    if (source.filePath.isEmpty()) {
        const QByteArray slice = source.inlineData.mid(offset, length);
        if (digest)
            digest->addData(slice);
        return target.write(slice) == slice.size();
    }
    QFile file(source.filePath);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return false;
    qint64 left = length;
    while (left > 0) {
        const QByteArray chunk = file.read(qMin(left, CopyChunk));
        if (chunk.isEmpty())
            return false;
        if (digest)
            digest->addData(chunk);
        if (target.write(chunk) != chunk.size())
            return false;
        left -= chunk.size();
    }
    return true;
}

} // namespace

Result<MultipartUpload> S3Service::createMultipartUpload(const QString &bucket,
    const QString &key,
    ObjectHeaders headers,
    Tags tags,
    const QString &checksumAlgorithm)
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    if (key.toUtf8().size() > MaxKeyBytes)
        return std::unexpected(Errors::keyTooLong());
    MultipartUpload upload{Ids::randomAlphanumeric(64),
        bucket,
        key,
        m_clock->nowMs(),
        std::move(headers),
        std::move(tags),
        checksumAlgorithm.toUpper()};
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->insertUpload(upload) || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot create the upload."_s));
    return upload;
}

Result<UploadPart> S3Service::uploadPart(const QString &bucket,
    const QString &key,
    const QString &uploadId,
    int partNumber,
    ObjectBody body)
{
    const auto discard = [&body] {
        if (!body.stagedFile.isEmpty())
            QFile::remove(body.stagedFile);
    };
    if (auto ok = requireBucket(bucket); !ok) {
        discard();
        return std::unexpected(ok.error());
    }
    const auto upload = m_store->upload(uploadId);
    if (!upload || upload->bucket != bucket || upload->key != key) {
        discard();
        return std::unexpected(Errors::noSuchUpload(uploadId));
    }
    if (partNumber < 1 || partNumber > MaxPartNumber) {
        discard();
        return std::unexpected(Errors::invalidArgument(
            u"Part number must be an integer between 1 and 10000, inclusive"_s,
            u"partNumber"_s,
            QString::number(partNumber)));
    }
    const auto fileId = storeBody(body, true);
    if (!fileId)
        return std::unexpected(fileId.error());
    UploadPart part;
    part.partNumber = partNumber;
    part.size = body.size;
    part.etag = u"\"%1\""_s.arg(body.md5Hex);
    part.modifiedMs = m_clock->nowMs();
    part.checksum = body.checksum;
    part.fileId = *fileId;
    Storage::SqlTransaction transaction(m_database.connection());
    const auto replaced = m_store->putPart(uploadId, part, *fileId);
    if (!replaced || !transaction.commit()) {
        m_files.remove(*fileId);
        return std::unexpected(Errors::internalError(u"Cannot store the part."_s));
    }
    removeFilesLater({*replaced});
    part.filePath = m_files.path(*fileId);
    return part;
}

Result<UploadPart> S3Service::uploadPartCopy(const QString &bucket,
    const QString &key,
    const QString &uploadId,
    int partNumber,
    const CopySource &source,
    std::optional<std::pair<qint64, qint64>> range)
{
    auto original = getObject(source.bucket, source.key, source.versionId);
    if (!original)
        return std::unexpected(original.error());
    const auto upload = m_store->upload(uploadId);
    if (!upload || upload->bucket != bucket || upload->key != key)
        return std::unexpected(Errors::noSuchUpload(uploadId));
    qint64 first = 0;
    qint64 length = original->size;
    if (range) {
        if (range->first < 0 || range->second < range->first || range->second >= original->size)
            return std::unexpected(Errors::invalidArgument(
                u"The x-amz-copy-source-range value must be of the form bytes=first-last where "
                u"first and last are the zero-based offsets of the first and last bytes to copy"_s,
                u"x-amz-copy-source-range"_s,
                u"bytes=%1-%2"_s.arg(range->first).arg(range->second)));
        first = range->first;
        length = range->second - range->first + 1;
    }
    QFile staging;
    ObjectBody body;
    body.stagedFile = m_files.createStaging(staging);
    BodyDigest digest;
    if (body.stagedFile.isEmpty() || !appendRange(staging, *original, first, length, &digest)) {
        QFile::remove(body.stagedFile);
        return std::unexpected(Errors::internalError(u"Cannot copy the part."_s));
    }
    staging.close();
    body.size = digest.size();
    body.md5Hex = digest.md5Hex();
    return uploadPart(bucket, key, uploadId, partNumber, std::move(body));
}

Result<S3Object> S3Service::completeMultipartUpload(const QString &bucket,
    const QString &key,
    const QString &uploadId,
    const QList<CompletedPart> &parts)
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    const auto upload = m_store->upload(uploadId);
    if (!upload || upload->bucket != bucket || upload->key != key)
        return std::unexpected(Errors::noSuchUpload(uploadId));
    if (parts.isEmpty())
        return std::unexpected(Errors::malformedXml());
    QHash<int, UploadPart> stored;
    QStringList allFiles;
    for (const UploadPart &part : m_store->parts(uploadId)) {
        stored.insert(part.partNumber, part);
        allFiles.append(part.fileId);
    }
    QList<UploadPart> chosen;
    int previous = 0;
    for (const CompletedPart &wanted : parts) {
        if (wanted.partNumber <= previous)
            return std::unexpected(Errors::invalidPartOrder());
        previous = wanted.partNumber;
        const auto it = stored.constFind(wanted.partNumber);
        if (it == stored.cend() || unquoted(it->etag) != unquoted(wanted.etag))
            return std::unexpected(Errors::invalidPart());
        chosen.append(*it);
    }
    for (qsizetype i = 0; i + 1 < chosen.size(); ++i) {
        if (chosen.at(i).size < MinPartSize)
            return std::unexpected(Errors::entityTooSmall(chosen.at(i).size));
    }

    QFile staging;
    ObjectBody body;
    body.stagedFile = m_files.createStaging(staging);
    if (body.stagedFile.isEmpty())
        return std::unexpected(Errors::internalError(u"Cannot assemble the object."_s));
    QList<QByteArray> md5s;
    for (const UploadPart &part : std::as_const(chosen)) {
        S3Object source;
        source.filePath = m_files.path(part.fileId);
        if (!appendRange(staging, source, 0, part.size, nullptr)) {
            staging.close();
            QFile::remove(body.stagedFile);
            return std::unexpected(Errors::internalError(u"Cannot assemble the object."_s));
        }
        body.size += part.size;
        md5s.append(QByteArray::fromHex(unquoted(part.etag).toLatin1()));
    }
    staging.close();
    const auto fileId = storeBody(body, true);
    if (!fileId)
        return std::unexpected(fileId.error());

    S3Object object;
    object.bucket = bucket;
    object.key = key;
    object.size = body.size;
    object.etag = multipartEtag(md5s);
    object.headers = upload->headers;
    object.tags = upload->tags;
    object.partsCount = int(chosen.size());
    auto result = insertNewVersion(std::move(object), *fileId);
    if (!result)
        return result;
    Storage::SqlTransaction transaction(m_database.connection());
    if (m_store->deleteUpload(uploadId) && transaction.commit())
        removeFilesLater(allFiles);
    return result;
}

Status S3Service::abortMultipartUpload(
    const QString &bucket, const QString &key, const QString &uploadId)
{
    if (auto ok = requireBucket(bucket); !ok)
        return ok;
    const auto upload = m_store->upload(uploadId);
    if (!upload || upload->bucket != bucket || upload->key != key)
        return std::unexpected(Errors::noSuchUpload(uploadId));
    QStringList files;
    for (const UploadPart &part : m_store->parts(uploadId))
        files.append(part.fileId);
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->deleteUpload(uploadId) || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot abort the upload."_s));
    removeFilesLater(files);
    return {};
}

Result<QList<MultipartUpload>> S3Service::listMultipartUploads(const QString &bucket) const
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    return m_store->uploads(bucket);
}

Result<ListPartsResult> S3Service::listParts(const QString &bucket,
    const QString &key,
    const QString &uploadId,
    int partNumberMarker,
    int maxParts) const
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    const auto upload = m_store->upload(uploadId);
    if (!upload || upload->bucket != bucket || upload->key != key)
        return std::unexpected(Errors::noSuchUpload(uploadId));
    ListPartsResult result;
    result.upload = *upload;
    for (const UploadPart &part : m_store->parts(uploadId)) {
        if (part.partNumber <= partNumberMarker)
            continue;
        if (result.parts.size() == maxParts) {
            result.truncated = true;
            break;
        }
        result.parts.append(part);
        result.nextPartNumberMarker = part.partNumber;
    }
    return result;
}

} // namespace Core::S3
