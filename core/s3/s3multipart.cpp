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
    const Checksum &checksum,
    AccessControlList acl,
    const ObjectLock &lock)
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    if (key.toUtf8().size() > MaxKeyBytes)
        return std::unexpected(Errors::keyTooLong());
    if (auto ok = checkMetadataSize(headers); !ok)
        return std::unexpected(ok.error());
    const QString algorithm = checksum.algorithm.toUpper();
    QString type = checksum.type;
    if (!type.isEmpty() && type != QLatin1StringView(FullObject)
        && type != QLatin1StringView(Composite))
        return std::unexpected(
            Errors::invalidRequest(u"Value for x-amz-checksum-type header is invalid."_s));
    if (!type.isEmpty() && algorithm.isEmpty())
        return std::unexpected(Errors::invalidRequest(u"The x-amz-checksum-type header can only "
                                                      u"be used with the x-amz-checksum-algorithm "
                                                      u"header."_s));
    const bool crc = algorithm.startsWith(u"CRC"_s);
    if ((type == QLatin1StringView(FullObject) && !crc)
        || (type == QLatin1StringView(Composite) && algorithm == u"CRC64NVME"_s))
        return std::unexpected(Errors::invalidRequest(
            u"The %1 checksum type cannot be used with the %2 checksum algorithm."_s.arg(
                type, algorithm.toLower())));
    if (type.isEmpty() && !algorithm.isEmpty())
        type = QLatin1StringView(algorithm == u"CRC64NVME"_s ? FullObject : Composite);
    const auto objectLock = objectLockForWrite(bucket, lock);
    if (!objectLock)
        return std::unexpected(objectLock.error());
    headers.lock = *objectLock;
    fillEncryption(bucket, headers);
    MultipartUpload upload{Ids::randomAlphanumeric(64),
        bucket,
        key,
        m_clock->nowMs(),
        std::move(headers),
        std::move(tags),
        algorithm,
        type,
        std::move(acl)};
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
    if (!upload->checksumAlgorithm.isEmpty() && !body.checksum.isEmpty()
        && body.checksum.algorithm != upload->checksumAlgorithm) {
        discard();
        return std::unexpected(Errors::invalidRequest(
            u"Checksum Type mismatch occurred, expected checksum Type: %1, actual checksum "
            u"Type: %2"_s.arg(
                upload->checksumAlgorithm.toLower(), body.checksum.algorithm.toLower())));
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
    if (!isRestored(*original))
        return std::unexpected(Errors::objectNotInActiveTier());
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
    BodyDigest digest(upload->checksumAlgorithm);
    if (body.stagedFile.isEmpty() || !appendRange(staging, *original, first, length, &digest)) {
        QFile::remove(body.stagedFile);
        return std::unexpected(Errors::internalError(u"Cannot copy the part."_s));
    }
    staging.close();
    body.size = digest.size();
    body.md5Hex = digest.md5Hex();
    if (!upload->checksumAlgorithm.isEmpty())
        body.checksum = {digest.algorithm(), digest.checksumBase64(), {}};
    return uploadPart(bucket, key, uploadId, partNumber, std::move(body));
}

Result<S3Object> S3Service::completeMultipartUpload(const QString &bucket,
    const QString &key,
    const QString &uploadId,
    const QList<CompletedPart> &parts,
    const Checksum &declared)
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    const auto upload = m_store->upload(uploadId);
    if (!upload || upload->bucket != bucket || upload->key != key)
        return std::unexpected(Errors::noSuchUpload(uploadId));
    if (parts.isEmpty())
        return std::unexpected(Errors::malformedXml());
    if (!declared.type.isEmpty() && declared.type != upload->checksumType)
        return std::unexpected(Errors::badDigest(
            u"The upload was created using the %1 checksum mode. The complete request must use "
            u"the same checksum mode."_s.arg(
                upload->checksumType.isEmpty() ? u"null"_s : upload->checksumType)));
    if (!declared.algorithm.isEmpty() && declared.algorithm != upload->checksumAlgorithm)
        return std::unexpected(Errors::invalidRequest(
            u"Checksum Type mismatch occurred, expected checksum Type: %1, actual checksum "
            u"Type: %2"_s.arg(upload->checksumAlgorithm.isEmpty()
                    ? u"null"_s
                    : upload->checksumAlgorithm.toLower(),
                declared.algorithm.toLower())));
    const bool fullObject = upload->checksumType == QLatin1StringView(FullObject);
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
        if (!wanted.checksum.isEmpty()
            && (wanted.checksum.algorithm != it->checksum.algorithm
                || wanted.checksum.value != it->checksum.value))
            return std::unexpected(Errors::invalidPart());
        chosen.append(*it);
    }
    // COMPOSITE checksum: the checksum of the parts' raw checksums, with "-<parts>".
    Checksum checksum;
    if (!upload->checksumAlgorithm.isEmpty() && !fullObject) {
        BodyDigest digest(upload->checksumAlgorithm);
        for (const UploadPart &part : std::as_const(chosen)) {
            if (part.checksum.algorithm != upload->checksumAlgorithm)
                return std::unexpected(Errors::invalidRequest(
                    u"The upload was created using a %1 checksum. The complete request must "
                    u"include the checksum for each part. It was missing for part %2 in the "
                    u"request."_s.arg(upload->checksumAlgorithm.toLower())
                        .arg(part.partNumber)));
            digest.addData(QByteArray::fromBase64(part.checksum.value.toLatin1()));
        }
        checksum = {upload->checksumAlgorithm,
            digest.checksumBase64() + u'-' + QString::number(chosen.size()),
            QLatin1StringView(Composite)};
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
    // FULL_OBJECT: the CRC of the object's bytes, which the assembly reads anyway (the same
    // value as combining the parts' CRCs).
    BodyDigest whole(fullObject ? upload->checksumAlgorithm : QString());
    for (const UploadPart &part : std::as_const(chosen)) {
        S3Object source;
        source.filePath = m_files.path(part.fileId);
        if (!appendRange(staging, source, 0, part.size, fullObject ? &whole : nullptr)) {
            staging.close();
            QFile::remove(body.stagedFile);
            return std::unexpected(Errors::internalError(u"Cannot assemble the object."_s));
        }
        body.size += part.size;
        md5s.append(QByteArray::fromHex(unquoted(part.etag).toLatin1()));
    }
    staging.close();
    if (fullObject)
        checksum = {
            upload->checksumAlgorithm, whole.checksumBase64(), QLatin1StringView(FullObject)};
    if (!declared.value.isEmpty() && !checksum.isEmpty() && declared.value != checksum.value
        && declared.value != checksum.value.section(u'-', 0, 0)) {
        QFile::remove(body.stagedFile);
        return std::unexpected(Errors::badDigestChecksum(checksum.algorithm.toLower()));
    }
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
    for (const UploadPart &part : std::as_const(chosen))
        object.parts.append(
            {part.partNumber, part.size, {part.checksum.algorithm, part.checksum.value, {}}});
    object.checksum = checksum;
    auto result = insertNewVersion(std::move(object), *fileId);
    if (!result)
        return result;
    Storage::SqlTransaction transaction(m_database.connection());
    const bool aclStored = !grantsOthers(upload->acl)
        || m_store->setObjectAcl(bucket, key, result->versionId, aclToJson(upload->acl));
    if (aclStored && m_store->deleteUpload(uploadId) && transaction.commit())
        removeFilesLater(allFiles);
    notify(u"ObjectCreated:CompleteMultipartUpload"_s, *result);
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

Result<ListUploadsResult> S3Service::listMultipartUploads(
    const QString &bucket, const ListUploadsQuery &query) const
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    ListUploadsResult result;
    if (query.maxUploads <= 0)
        return result;
    // Uploads in flight are few (each is an unfinished client transfer): filter in memory.
    const QList<MultipartUpload> uploads = m_store->uploads(bucket);
    bool skipping = !query.keyMarker.isEmpty() && !query.uploadIdMarker.isEmpty();
    int count = 0;
    for (const MultipartUpload &upload : uploads) {
        if (!upload.key.startsWith(query.prefix) || upload.key < query.keyMarker)
            continue;
        if (upload.key == query.keyMarker) {
            if (query.uploadIdMarker.isEmpty())
                continue; // key-marker alone: keys after it
            if (skipping) {
                if (upload.uploadId == query.uploadIdMarker)
                    skipping = false;
                continue;
            }
        }
        QString commonPrefix;
        if (!query.delimiter.isEmpty()) {
            const qsizetype at = upload.key.indexOf(query.delimiter, query.prefix.size());
            if (at >= 0)
                commonPrefix = upload.key.left(at + query.delimiter.size());
        }
        if (!commonPrefix.isEmpty()
            && ((!result.commonPrefixes.isEmpty() && result.commonPrefixes.last() == commonPrefix)
                || query.keyMarker.startsWith(commonPrefix)))
            continue; // this prefix was returned already (on this page or an earlier one)
        if (count == query.maxUploads) {
            result.truncated = true;
            break;
        }
        ++count;
        if (!commonPrefix.isEmpty()) {
            result.commonPrefixes.append(commonPrefix);
            result.nextKeyMarker = commonPrefix;
            result.nextUploadIdMarker.clear();
            continue;
        }
        result.uploads.append(upload);
        result.nextKeyMarker = upload.key;
        result.nextUploadIdMarker = upload.uploadId;
    }
    return result;
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
