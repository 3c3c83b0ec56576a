// SPDX-License-Identifier: MIT
// S3Service: object operations (put, get, delete, copy, listings, tags).
#include "core/s3/s3service.h"

#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/s3/bucketname.h"
#include "core/s3/lifecycle.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3store.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QFile>

#include <algorithm>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr int ListBatch = 1000;

// Greater (in UTF-8 byte order) than any key that extends the prefix: skips a CommonPrefix.
QString pastPrefix(const QString &prefix)
{
    return prefix + QString::fromUcs4(U"\U0010FFFF");
}

constexpr qsizetype MaxMetadataBytes = 2 * 1024;
constexpr qsizetype VersionIdLength = 32;

Status validateKey(const QString &key)
{
    if (key.isEmpty())
        return std::unexpected(Errors::invalidArgument(u"Invalid key"_s));
    if (key.toUtf8().size() > MaxKeyBytes)
        return std::unexpected(Errors::keyTooLong());
    return {};
}

} // namespace

Result<S3Object> S3Service::insertNewVersion(S3Object object, const QString &fileId)
{
    const auto bucket = m_store->bucket(object.bucket);
    if (!bucket) {
        m_files.remove(fileId);
        return std::unexpected(Errors::noSuchBucket(object.bucket));
    }
    object.versionId = bucket->versioning == Versioning::Enabled
        ? Ids::randomAlphanumeric(VersionIdLength)
        : u"null"_s;
    object.isLatest = true;
    object.modifiedMs = m_clock->nowMs();
    object.headers.restoreExpiryMs = -1; // a new version is not a restored copy
    if (!object.deleteMarker)
        fillEncryption(object.bucket, object.headers);
    object.headers.replicationStatus = replicationStatusFor(object);
    QStringList freed;
    {
        Storage::SqlTransaction transaction(m_database.connection());
        bool ok = true;
        if (object.versionId == u"null"_s) {
            const auto removed =
                m_store->removeVersion(object.bucket, object.key, object.versionId);
            ok = removed.has_value();
            if (ok && !removed->isEmpty())
                freed.append(*removed);
        }
        ok = ok && m_store->insertVersion(object, fileId) && transaction.commit();
        if (!ok) {
            m_files.remove(fileId);
            return std::unexpected(Errors::internalError(u"Cannot store the object."_s));
        }
    }
    removeFilesLater(freed);
    object.fileId = fileId;
    touch(object.bucket);
    if (!object.headers.replicationStatus.isEmpty())
        scheduleReplication();
    return withPath(std::move(object));
}

Result<QString> S3Service::duplicateFile(const QString &path)
{
    // Object files are never modified in place, so a hard link is a full, free copy.
    QFile staging;
    const QString staged = m_files.createStaging(staging);
    staging.close();
    QFile::remove(staged);
    const bool linked =
        ::link(QFile::encodeName(path).constData(), QFile::encodeName(staged).constData()) == 0;
    if (!linked && !QFile::copy(path, staged))
        return std::unexpected(Errors::internalError(u"Cannot copy the object."_s));
    auto committed = m_files.commit(staged);
    if (!committed) {
        QFile::remove(staged);
        return std::unexpected(Errors::internalError(u"Cannot copy the object."_s));
    }
    return *committed;
}

Status S3Service::checkMetadataSize(const ObjectHeaders &headers)
{
    qsizetype size = 0;
    for (const auto &[name, value] : headers.metadata)
        size += name.toUtf8().size() + value.toUtf8().size();
    if (size > MaxMetadataBytes)
        return std::unexpected(Errors::metadataTooLarge());
    return {};
}

Status S3Service::checkVersionId(const QString &versionId)
{
    if (versionId.isEmpty())
        return std::unexpected(Errors::invalidArgument(
            u"Version id cannot be the empty string"_s, u"versionId"_s, versionId));
    if (versionId == u"null"_s)
        return {};
    const bool wellFormed = versionId.size() == VersionIdLength
        && std::all_of(versionId.cbegin(), versionId.cend(), [](QChar c) {
               return c.isDigit() || (c.toLatin1() >= 'a' && c.toLatin1() <= 'z')
                   || (c.toLatin1() >= 'A' && c.toLatin1() <= 'Z');
           });
    if (!wellFormed)
        return std::unexpected(
            Errors::invalidArgument(u"Invalid version id specified"_s, u"versionId"_s, versionId));
    return {};
}

Result<S3Object> S3Service::putObject(const QString &bucket,
    const QString &key,
    ObjectHeaders headers,
    Tags tags,
    ObjectBody body,
    const ObjectLock &lock)
{
    const auto discard = [&body] {
        if (!body.stagedFile.isEmpty())
            QFile::remove(body.stagedFile);
    };
    if (auto ok = requireBucket(bucket); !ok) {
        discard();
        return std::unexpected(ok.error());
    }
    if (auto ok = validateKey(key); !ok) {
        discard();
        return std::unexpected(ok.error());
    }
    if (auto ok = checkMetadataSize(headers); !ok) {
        discard();
        return std::unexpected(ok.error());
    }
    const auto objectLock = objectLockForWrite(bucket, lock);
    if (!objectLock) {
        discard();
        return std::unexpected(objectLock.error());
    }
    headers.lock = *objectLock;
    const auto fileId = storeBody(body, false);
    if (!fileId)
        return std::unexpected(fileId.error());
    S3Object object;
    object.bucket = bucket;
    object.key = key;
    object.size = body.size;
    object.etag = u"\"%1\""_s.arg(body.md5Hex);
    object.headers = std::move(headers);
    object.tags = std::move(tags);
    object.checksum = body.checksum;
    if (!object.checksum.isEmpty())
        object.checksum.type = QLatin1StringView(FullObject); // always, for a single upload
    object.inlineData = fileId->isEmpty() ? body.data : QByteArray();
    auto stored = insertNewVersion(std::move(object), *fileId);
    if (stored)
        notify(u"ObjectCreated:Put"_s, *stored);
    return stored;
}

Result<S3Object> S3Service::getObject(
    const QString &bucket, const QString &key, const QString &versionId) const
{
    return readVersion(bucket, key, versionId, true);
}

Result<S3Object> S3Service::getObjectAttributes(
    const QString &bucket, const QString &key, const QString &versionId) const
{
    return readVersion(bucket, key, versionId, false);
}

ObjectPartsPage S3Service::objectParts(const S3Object &object, int partNumberMarker, int maxParts)
{
    ObjectPartsPage page;
    page.totalPartsCount = object.partsCount;
    page.listed = object.checksum.type == QLatin1StringView(Composite) && !object.parts.isEmpty();
    if (!page.listed)
        return page;
    page.partNumberMarker = qMax(0, partNumberMarker);
    page.maxParts = maxParts >= 1 && maxParts <= 1000 ? maxParts : 1000;
    for (const ObjectPart &part : object.parts) {
        if (part.partNumber <= page.partNumberMarker)
            continue;
        if (page.parts.size() == page.maxParts) {
            page.truncated = true;
            break;
        }
        page.parts.append(part);
        page.nextPartNumberMarker = part.partNumber;
    }
    return page;
}

Result<S3Object> S3Service::readVersion(
    const QString &bucket, const QString &key, const QString &versionId, bool withData) const
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    if (versionId.isEmpty()) {
        auto object = m_store->latest(bucket, key, withData);
        if (!object || object->deleteMarker) {
            AwsError error = Errors::noSuchKey(key);
            if (object)
                error.extra.append({u"x-amz-delete-marker"_s, u"true"_s}); // handler: header
            return std::unexpected(error);
        }
        return withPath(std::move(*object));
    }
    auto object = m_store->version(bucket, key, versionId, withData);
    if (!object)
        return std::unexpected(Errors::noSuchVersion(key, versionId));
    if (object->deleteMarker) {
        AwsError error = Errors::methodNotAllowed();
        error.extra.append({u"x-amz-delete-marker"_s, u"true"_s});
        return std::unexpected(error);
    }
    return withPath(std::move(*object));
}

Result<DeleteResult> S3Service::deleteObject(
    const QString &bucket, const QString &key, const QString &versionId, bool bypassGovernance)
{
    const auto info = m_store->bucket(bucket);
    if (!info)
        return std::unexpected(Errors::noSuchBucket(bucket));
    DeleteResult result;
    QStringList freed;
    bool removedSomething = false;
    Storage::SqlTransaction transaction(m_database.connection());
    bool ok = true;
    if (!versionId.isEmpty()) {
        const auto existing = m_store->version(bucket, key, versionId, false);
        result.versionId = versionId;
        if (existing) {
            if (auto deletable = checkDeletable(*existing, bypassGovernance); !deletable)
                return std::unexpected(deletable.error());
            result.deleteMarker = existing->deleteMarker;
            removedSomething = true;
            const auto removed = m_store->removeVersion(bucket, key, versionId);
            ok = removed && (!existing->isLatest || m_store->promoteNewest(bucket, key));
            if (removed && !removed->isEmpty())
                freed.append(*removed);
        }
    } else if (info->versioning == Versioning::Unversioned) {
        removedSomething = m_store->version(bucket, key, u"null"_s, false).has_value();
        const auto removed = m_store->removeVersion(bucket, key, u"null"_s);
        ok = removed.has_value();
        if (removed && !removed->isEmpty())
            freed.append(*removed);
    } else {
        S3Object marker;
        marker.bucket = bucket;
        marker.key = key;
        marker.deleteMarker = true;
        marker.modifiedMs = m_clock->nowMs();
        marker.etag = QString();
        marker.versionId = info->versioning == Versioning::Enabled
            ? Ids::randomAlphanumeric(VersionIdLength)
            : u"null"_s;
        marker.headers.replicationStatus = replicationStatusFor(marker);
        if (marker.versionId == u"null"_s) {
            const auto removed = m_store->removeVersion(bucket, key, marker.versionId);
            ok = removed.has_value();
            if (removed && !removed->isEmpty())
                freed.append(*removed);
        }
        ok = ok && m_store->insertVersion(marker, {});
        result = {marker.versionId, true};
    }
    if (!ok || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot delete the object."_s));
    removeFilesLater(freed);
    touch(bucket);
    if (versionId.isEmpty() && result.deleteMarker)
        scheduleReplication(); // does nothing unless the marker is PENDING somewhere
    if (removedSomething || (versionId.isEmpty() && result.deleteMarker)) {
        S3Object removed;
        removed.bucket = bucket;
        removed.key = key;
        removed.versionId = result.versionId;
        // Lifecycle expirations are LifecycleExpiration events, not ObjectRemoved ones.
        const QString kind = m_inLifecycle ? u"LifecycleExpiration"_s : u"ObjectRemoved"_s;
        notify(kind
                + (versionId.isEmpty() && result.deleteMarker ? u":DeleteMarkerCreated"_s
                                                              : u":Delete"_s),
            removed);
    }
    return result;
}

Result<S3Object> S3Service::copyObject(const CopySource &source,
    const QString &bucket,
    const QString &key,
    std::optional<ObjectHeaders> headers,
    std::optional<Tags> tags,
    const ObjectLock &lock)
{
    auto original = getObject(source.bucket, source.key, source.versionId);
    if (!original)
        return std::unexpected(original.error());
    if (!isRestored(*original))
        return std::unexpected(Errors::objectNotInActiveTier());
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    if (auto ok = validateKey(key); !ok)
        return std::unexpected(ok.error());
    if (headers) {
        if (auto ok = checkMetadataSize(*headers); !ok)
            return std::unexpected(ok.error());
    }
    const auto objectLock = objectLockForWrite(bucket, lock);
    if (!objectLock)
        return std::unexpected(objectLock.error());
    QString fileId;
    if (!original->fileId.isEmpty()) {
        auto duplicate = duplicateFile(original->filePath);
        if (!duplicate)
            return std::unexpected(duplicate.error());
        fileId = *duplicate;
    }
    S3Object object = *original;
    object.bucket = bucket;
    object.key = key;
    object.deleteMarker = false;
    if (headers) {
        object.headers = std::move(*headers);
    } else {
        // The copy gets the destination bucket's default encryption and STANDARD, as in AWS.
        object.headers.serverSideEncryption.clear();
        object.headers.storageClass = u"STANDARD"_s;
    }
    if (tags)
        object.tags = std::move(*tags);
    object.headers.lock = *objectLock;
    auto stored = insertNewVersion(std::move(object), fileId);
    if (stored)
        notify(u"ObjectCreated:Copy"_s, *stored);
    return stored;
}

Result<ListObjectsResult> S3Service::listObjects(
    const QString &bucket, const ListObjectsQuery &query) const
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    ListObjectsResult result;
    if (query.maxKeys <= 0)
        return result;
    QString cursor = query.after;
    int count = 0;
    for (;;) {
        const QList<S3Object> batch =
            m_store->currentObjects(bucket, query.prefix, cursor, ListBatch);
        bool restart = false;
        for (const S3Object &object : batch) {
            cursor = object.key;
            if (!object.key.startsWith(query.prefix))
                return result;
            QString commonPrefix;
            if (!query.delimiter.isEmpty()) {
                const qsizetype at = object.key.indexOf(query.delimiter, query.prefix.size());
                if (at >= 0)
                    commonPrefix = object.key.left(at + query.delimiter.size());
            }
            if (!commonPrefix.isEmpty() && query.after.startsWith(commonPrefix)) {
                cursor = pastPrefix(commonPrefix); // returned on an earlier page
                restart = true;
                break;
            }
            if (count == query.maxKeys) {
                result.truncated = true;
                return result;
            }
            ++count;
            if (!commonPrefix.isEmpty()) {
                result.commonPrefixes.append(commonPrefix);
                result.last = commonPrefix;
                cursor = pastPrefix(commonPrefix);
                restart = true;
                break;
            }
            result.contents.append(object);
            result.last = object.key;
        }
        if (!restart && batch.size() < ListBatch)
            return result;
    }
}

Result<ListVersionsResult> S3Service::listObjectVersions(
    const QString &bucket, const ListVersionsQuery &query) const
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    ListVersionsResult result;
    if (query.maxKeys <= 0)
        return result;
    QString from = qMax(query.prefix, query.keyMarker);
    int offset = 0;
    int count = 0;
    bool skippingMarkerKey = !query.keyMarker.isEmpty();
    QString lastPrefix;
    for (;;) {
        const QList<S3Object> batch = m_store->versionsFrom(bucket, from, ListBatch, offset);
        offset += int(batch.size());
        bool restart = false;
        for (const S3Object &object : batch) {
            if (!object.key.startsWith(query.prefix))
                return result;
            if (skippingMarkerKey && object.key <= query.keyMarker) {
                if (object.key < query.keyMarker || query.versionIdMarker.isEmpty())
                    continue;
                if (object.versionId == query.versionIdMarker)
                    skippingMarkerKey = false; // versions after this one follow
                continue;
            }
            skippingMarkerKey = false;
            QString commonPrefix;
            if (!query.delimiter.isEmpty()) {
                const qsizetype at = object.key.indexOf(query.delimiter, query.prefix.size());
                if (at >= 0)
                    commonPrefix = object.key.left(at + query.delimiter.size());
            }
            if (!commonPrefix.isEmpty()
                && (commonPrefix == lastPrefix || query.keyMarker.startsWith(commonPrefix))) {
                from = pastPrefix(commonPrefix);
                offset = 0;
                restart = true;
                break;
            }
            if (count == query.maxKeys) {
                result.truncated = true;
                return result;
            }
            ++count;
            if (!commonPrefix.isEmpty()) {
                result.commonPrefixes.append(commonPrefix);
                lastPrefix = commonPrefix;
                result.nextKeyMarker = commonPrefix;
                result.nextVersionIdMarker.clear();
                from = pastPrefix(commonPrefix);
                offset = 0;
                restart = true;
                break;
            }
            result.versions.append(object);
            result.nextKeyMarker = object.key;
            result.nextVersionIdMarker = object.versionId;
        }
        if (!restart && batch.size() < ListBatch)
            return result;
    }
}

Result<S3Object> S3Service::putObjectTagging(
    const QString &bucket, const QString &key, const QString &versionId, const Tags &tags)
{
    auto object = getObject(bucket, key, versionId);
    if (!object)
        return object;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setObjectTags(bucket, key, object->versionId, tags) || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot store the tags."_s));
    object->tags = tags;
    touch(bucket);
    notify(tags.isEmpty() ? u"ObjectTagging:Delete"_s : u"ObjectTagging:Put"_s, *object);
    return object;
}

bool S3Service::isArchived(const QString &storageClass)
{
    return storageClass == u"GLACIER"_s || storageClass == u"DEEP_ARCHIVE"_s;
}

bool S3Service::isRestored(const S3Object &object) const
{
    const qint64 now = m_clock->nowMs();
    return !isArchived(object.headers.storageClass)
        || (object.headers.restoreExpiryMs > now && object.headers.restoreReadyMs <= now);
}

bool S3Service::isRestoring(const S3Object &object) const
{
    return isArchived(object.headers.storageClass)
        && object.headers.restoreReadyMs > m_clock->nowMs();
}

std::optional<qint64> S3Service::retrievalMs(const QString &storageClass, const QString &tier)
{
    constexpr qint64 Minute = 60'000;
    constexpr qint64 Hour = 60 * Minute;
    if (storageClass == u"GLACIER"_s) {
        if (tier == u"Expedited"_s)
            return Minute;
        if (tier == u"Standard"_s)
            return 3 * Hour;
        if (tier == u"Bulk"_s)
            return 5 * Hour;
    } else if (storageClass == u"DEEP_ARCHIVE"_s) {
        if (tier == u"Standard"_s)
            return 12 * Hour;
        if (tier == u"Bulk"_s)
            return 48 * Hour;
    }
    return std::nullopt;
}

Status S3Service::checkReadable(const S3Object &object) const
{
    if (!isRestored(object))
        return std::unexpected(Errors::invalidObjectState(object.headers.storageClass));
    return {};
}

Result<bool> S3Service::restoreObject(const QString &bucket,
    const QString &key,
    const QString &versionId,
    int days,
    const QString &tier)
{
    auto object = getObject(bucket, key, versionId);
    if (!object)
        return std::unexpected(object.error());
    ObjectHeaders &headers = object->headers;
    if (!isArchived(headers.storageClass))
        return std::unexpected(Errors::invalidObjectState(headers.storageClass, true));
    const auto retrieval = retrievalMs(headers.storageClass, tier);
    if (!retrieval)
        return std::unexpected(Errors::invalidArgument(
            u"%1 retrievals are not available for objects in the %2 storage class."_s.arg(
                tier, headers.storageClass),
            u"Tier"_s,
            tier));
    const qint64 now = m_clock->nowMs();
    const bool restored = isRestored(*object);
    const bool restoring = isRestoring(*object);
    if (restoring) {
        // A faster tier upgrades the running retrieval; nothing else may change it.
        if (now + *retrieval >= headers.restoreReadyMs)
            return std::unexpected(Errors::restoreAlreadyInProgress());
        headers.restoreReadyMs = now + *retrieval;
    } else if (!restored) {
        headers.restoreReadyMs = now + *retrieval;
    }
    headers.restoreExpiryMs = lifecycleDueMs(std::max(now, headers.restoreReadyMs), days);
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setObjectHeaders(bucket, key, object->versionId, object->headers)
        || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot restore the object."_s));
    touch(bucket);
    if (!restored && !restoring)
        notify(u"ObjectRestore:Post"_s, *object);
    return restored;
}

} // namespace Core::S3
