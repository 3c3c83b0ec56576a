// SPDX-License-Identifier: MIT
// S3Service: Object Lock (S3-20): the bucket configuration, retention and legal hold of object
// versions, and the protection they give.
#include "core/s3/s3service.h"

#include "core/common/clock.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3store.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

using namespace Qt::StringLiterals;

namespace Core::S3 {

std::optional<ObjectLockConfig> S3Service::objectLockConfig(const QString &bucket) const
{
    const auto stored = m_store->document(bucket, BucketDocument::ObjectLock);
    if (!stored)
        return std::nullopt;
    auto config = ObjectLockConfig::parse(stored->toUtf8());
    return config ? *config : ObjectLockConfig{}; // stored valid; enabled in any case
}

Result<ObjectLockConfig> S3Service::getObjectLockConfiguration(const QString &bucket) const
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    const auto config = objectLockConfig(bucket);
    if (!config)
        return std::unexpected(Errors::objectLockConfigurationNotFound(bucket));
    return *config;
}

Status S3Service::putObjectLockConfiguration(const QString &bucket, const ObjectLockConfig &config)
{
    const auto info = m_store->bucket(bucket);
    if (!info)
        return std::unexpected(Errors::noSuchBucket(bucket));
    // AWS has allowed enabling Object Lock on existing buckets since 2023, if versioned.
    if (info->versioning != Versioning::Enabled)
        return std::unexpected(Errors::invalidBucketState(
            u"Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration"_s));
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setDocument(bucket, BucketDocument::ObjectLock, QString::fromUtf8(config.toXml()))
        || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot store the configuration."_s));
    touch(bucket, true);
    return {};
}

Result<ObjectLock> S3Service::objectLockForWrite(
    const QString &bucket, const ObjectLock &requested) const
{
    const auto config = objectLockConfig(bucket);
    if (!config) {
        if (!requested.isEmpty())
            return std::unexpected(Errors::bucketMissingObjectLock());
        return ObjectLock{};
    }
    ObjectLock lock = requested;
    const qint64 now = m_clock->nowMs();
    if (lock.mode.isEmpty() != (lock.retainUntilMs < 0))
        return std::unexpected(
            Errors::invalidArgument(u"x-amz-object-lock-retain-until-date and "
                                    u"x-amz-object-lock-mode must both be supplied"_s));
    if (lock.hasRetention() && lock.retainUntilMs <= now)
        return std::unexpected(
            Errors::invalidArgument(u"The retain until date must be in the future!"_s));
    if (!lock.hasRetention() && !config->mode.isEmpty()) {
        lock.mode = config->mode;
        lock.retainUntilMs = config->defaultRetainUntilMs(now);
    }
    return lock;
}

Result<ObjectLock> S3Service::getObjectLock(
    const QString &bucket, const QString &key, const QString &versionId) const
{
    if (auto ok = requireBucket(bucket); !ok)
        return std::unexpected(ok.error());
    if (!objectLockConfig(bucket))
        return std::unexpected(Errors::bucketMissingObjectLock());
    const auto object = readVersion(bucket, key, versionId, false);
    if (!object)
        return std::unexpected(object.error());
    return object->headers.lock;
}

Status S3Service::putObjectRetention(const QString &bucket,
    const QString &key,
    const QString &versionId,
    const QString &mode,
    qint64 retainUntilMs,
    bool bypassGovernance)
{
    if (auto ok = requireBucket(bucket); !ok)
        return ok;
    if (!objectLockConfig(bucket))
        return std::unexpected(Errors::bucketMissingObjectLock());
    if (mode.isEmpty() != (retainUntilMs < 0) || (!mode.isEmpty() && !isObjectLockMode(mode)))
        return std::unexpected(Errors::malformedXml());
    const qint64 now = m_clock->nowMs();
    const bool removal = mode.isEmpty();
    if (!removal && retainUntilMs <= now)
        return std::unexpected(
            Errors::invalidArgument(u"The retain until date must be in the future!"_s));
    auto object = readVersion(bucket, key, versionId, false);
    if (!object)
        return std::unexpected(object.error());
    ObjectLock &lock = object->headers.lock;
    if (lock.retainedAt(now)) {
        const bool compliance = lock.mode == QLatin1StringView(Compliance);
        // Any change of mode counts too: AWS lets GOVERNANCE become COMPLIANCE only with the
        // bypass (as Ceph's tests against AWS found), and COMPLIANCE never changes.
        const bool weakens = removal || retainUntilMs < lock.retainUntilMs || mode != lock.mode;
        if (weakens && (compliance || !bypassGovernance))
            return std::unexpected(Errors::accessDenied());
    }
    lock.mode = mode;
    lock.retainUntilMs = removal ? -1 : retainUntilMs;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setObjectHeaders(bucket, key, object->versionId, object->headers)
        || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot store the retention."_s));
    touch(bucket);
    return {};
}

Status S3Service::putObjectLegalHold(
    const QString &bucket, const QString &key, const QString &versionId, const QString &status)
{
    if (auto ok = requireBucket(bucket); !ok)
        return ok;
    if (!objectLockConfig(bucket))
        return std::unexpected(Errors::bucketMissingObjectLock());
    if (status != u"ON"_s && status != u"OFF"_s)
        return std::unexpected(Errors::malformedXml());
    auto object = readVersion(bucket, key, versionId, false);
    if (!object)
        return std::unexpected(object.error());
    object->headers.lock.legalHold = status;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setObjectHeaders(bucket, key, object->versionId, object->headers)
        || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot store the legal hold."_s));
    touch(bucket);
    return {};
}

Status S3Service::checkDeletable(const S3Object &version, bool bypassGovernance) const
{
    const ObjectLock &lock = version.headers.lock;
    if (lock.legalHoldOn())
        return std::unexpected(Errors::accessDeniedObjectLock());
    if (lock.retainedAt(m_clock->nowMs())
        && (lock.mode == QLatin1StringView(Compliance) || !bypassGovernance))
        return std::unexpected(Errors::accessDeniedObjectLock());
    return {};
}

} // namespace Core::S3
