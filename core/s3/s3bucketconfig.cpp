// SPDX-License-Identifier: MIT
// S3Service: ACLs, default encryption, ownership controls, public access block, lifecycle.
#include "core/s3/s3service.h"

#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/s3/bucketpolicy.h"
#include "core/s3/lifecycle.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3store.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

// The condition keys that come from the clock rather than the request.
void addClockKeys(PolicyContext &context, qint64 nowMs)
{
    context.set(
        u"aws:CurrentTime"_s, QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODate));
    context.set(u"aws:EpochTime"_s, QString::number(nowMs / 1000));
}

constexpr int LifecycleBatch = 1000;

bool ownerEnforced(const std::optional<QString> &ownership)
{
    return ownership && *ownership == QLatin1StringView(BucketOwnerEnforced);
}

// S3's mapping of ACL permissions to policy actions: the permission a grant needs for the
// action, and whether it is the object's ACL (true) or the bucket's that grants it.
std::optional<std::pair<QString, bool>> aclPermissionFor(const QString &action)
{
    static const QHash<QString, std::pair<QString, bool>> permissions = {
        {u"s3:ListBucket"_s, {u"READ"_s, false}},
        {u"s3:ListBucketVersions"_s, {u"READ"_s, false}},
        {u"s3:ListBucketMultipartUploads"_s, {u"READ"_s, false}},
        {u"s3:PutObject"_s, {u"WRITE"_s, false}},
        {u"s3:DeleteObject"_s, {u"WRITE"_s, false}},
        {u"s3:DeleteObjectVersion"_s, {u"WRITE"_s, false}},
        {u"s3:GetBucketAcl"_s, {u"READ_ACP"_s, false}},
        {u"s3:PutBucketAcl"_s, {u"WRITE_ACP"_s, false}},
        {u"s3:GetObject"_s, {u"READ"_s, true}},
        {u"s3:GetObjectVersion"_s, {u"READ"_s, true}},
        {u"s3:GetObjectAttributes"_s, {u"READ"_s, true}},
        {u"s3:GetObjectVersionAttributes"_s, {u"READ"_s, true}},
        {u"s3:GetObjectAcl"_s, {u"READ_ACP"_s, true}},
        {u"s3:GetObjectVersionAcl"_s, {u"READ_ACP"_s, true}},
        {u"s3:PutObjectAcl"_s, {u"WRITE_ACP"_s, true}},
        {u"s3:PutObjectVersionAcl"_s, {u"WRITE_ACP"_s, true}},
    };
    const auto it = permissions.constFind(action);
    if (it == permissions.cend())
        return std::nullopt;
    return *it;
}

bool grantsAllUsers(const AccessControlList &acl, const QString &permission)
{
    return std::any_of(acl.cbegin(), acl.cend(), [&permission](const Grant &grant) {
        return grant.uri == QLatin1StringView(AllUsersUri)
            && (grant.permission == permission || grant.permission == u"FULL_CONTROL"_s);
    });
}

} // namespace

Result<AccessControlList> S3Service::getBucketAcl(const QString &name) const
{
    if (auto ok = requireBucket(name); !ok)
        return std::unexpected(ok.error());
    if (ownerEnforced(m_store->document(name, BucketDocument::Ownership)))
        return privateAcl();
    const auto stored = m_store->document(name, BucketDocument::Acl);
    return stored ? aclFromJson(*stored) : privateAcl();
}

Status S3Service::putBucketAcl(const QString &name, const AccessControlList &acl)
{
    if (auto ok = requireBucket(name); !ok)
        return ok;
    if (auto ok = checkObjectAcl(name, acl); !ok)
        return ok;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setDocument(name,
            BucketDocument::Acl,
            grantsOthers(acl) ? std::optional(aclToJson(acl)) : std::nullopt)
        || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot store the ACL."_s));
    touch(name, true);
    return {};
}

Status S3Service::checkObjectAcl(const QString &bucket, const AccessControlList &acl) const
{
    if (!grantsOthers(acl))
        return {};
    if (ownerEnforced(m_store->document(bucket, BucketDocument::Ownership)))
        return std::unexpected(Errors::accessControlListNotSupported());
    const auto block = m_store->document(bucket, BucketDocument::PublicAccessBlock);
    if (block && PublicAccessBlock::fromStored(*block).blockPublicAcls && isPublicAcl(acl))
        return std::unexpected(Errors::accessDenied());
    return {};
}

Result<AccessControlList> S3Service::getObjectAcl(
    const QString &bucket, const QString &key, const QString &versionId) const
{
    const auto object = getObject(bucket, key, versionId);
    if (!object)
        return std::unexpected(object.error());
    if (ownerEnforced(m_store->document(bucket, BucketDocument::Ownership)))
        return privateAcl();
    const QString stored = m_store->objectAcl(bucket, key, object->versionId);
    return stored.isEmpty() ? privateAcl() : aclFromJson(stored);
}

Status S3Service::putObjectAcl(const QString &bucket,
    const QString &key,
    const QString &versionId,
    const AccessControlList &acl)
{
    const auto object = getObject(bucket, key, versionId);
    if (!object)
        return std::unexpected(object.error());
    if (auto ok = checkObjectAcl(bucket, acl); !ok)
        return ok;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setObjectAcl(
            bucket, key, object->versionId, grantsOthers(acl) ? aclToJson(acl) : QString())
        || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot store the ACL."_s));
    touch(bucket);
    notify(u"ObjectAcl:Put"_s, *object);
    return {};
}

Result<BucketEncryption> S3Service::getBucketEncryption(const QString &name) const
{
    if (auto ok = requireBucket(name); !ok)
        return std::unexpected(ok.error());
    return BucketEncryption::fromStored(
        m_store->document(name, BucketDocument::Encryption).value_or(QString()));
}

Status S3Service::putBucketEncryption(
    const QString &name, const std::optional<BucketEncryption> &config)
{
    // DeleteBucketEncryption: AWS falls back to SSE-S3, which every bucket has by default.
    return putBucketDocument(name,
        BucketDocument::Encryption,
        config ? std::optional(config->toStored()) : std::nullopt);
}

void S3Service::fillEncryption(const QString &bucket, ObjectHeaders &headers) const
{
    if (!headers.serverSideEncryption.isEmpty())
        return;
    const auto stored = m_store->document(bucket, BucketDocument::Encryption);
    const BucketEncryption encryption = BucketEncryption::fromStored(stored.value_or(QString()));
    headers.serverSideEncryption = encryption.algorithm;
    headers.sseKmsKeyId = encryption.kmsKeyId;
}

Result<std::optional<PublicAccessBlock>> S3Service::getPublicAccessBlock(const QString &name) const
{
    if (auto ok = requireBucket(name); !ok)
        return std::unexpected(ok.error());
    const auto stored = m_store->document(name, BucketDocument::PublicAccessBlock);
    if (!stored)
        return std::optional<PublicAccessBlock>();
    return std::optional(PublicAccessBlock::fromStored(*stored));
}

Status S3Service::putPublicAccessBlock(
    const QString &name, const std::optional<PublicAccessBlock> &config)
{
    return putBucketDocument(name,
        BucketDocument::PublicAccessBlock,
        config ? std::optional(config->toStored()) : std::nullopt);
}

Status S3Service::putBucketOwnership(const QString &name, const std::optional<QString> &ownership)
{
    if (auto ok = requireBucket(name); !ok)
        return ok;
    if (ownership && !isObjectOwnership(*ownership))
        return std::unexpected(Errors::malformedXml());
    if (ownerEnforced(ownership)) {
        const auto acl = m_store->document(name, BucketDocument::Acl);
        if (acl && grantsOthers(aclFromJson(*acl)))
            return std::unexpected(Errors::invalidBucketAclWithObjectOwnership());
    }
    return putBucketDocument(name, BucketDocument::Ownership, ownership);
}

Status S3Service::putBucketLifecycle(
    const QString &name, const std::optional<QString> &xml, const QString &minimumObjectSize)
{
    if (auto ok = requireBucket(name); !ok)
        return ok;
    std::optional<QString> size;
    if (xml) {
        if (auto rules = parseLifecycle(xml->toUtf8()); !rules)
            return std::unexpected(rules.error());
        size = minimumObjectSize.isEmpty() ? QString(QLatin1StringView(AllStorageClasses128K))
                                           : minimumObjectSize;
        if (*size != QLatin1StringView(AllStorageClasses128K)
            && *size != QLatin1StringView(VariesByStorageClass))
            return std::unexpected(Errors::invalidArgument(
                u"Invalid value for x-amz-transition-default-minimum-object-size"_s,
                u"x-amz-transition-default-minimum-object-size"_s,
                minimumObjectSize));
    }
    {
        Storage::SqlTransaction transaction(m_database.connection());
        if (!m_store->setDocument(name, BucketDocument::Lifecycle, xml)
            || !m_store->setDocument(name, BucketDocument::LifecycleMinimumSize, size)
            || !transaction.commit())
            return std::unexpected(Errors::internalError(u"Cannot store the configuration."_s));
    }
    touch(name, true);
    if (xml)
        applyLifecycle(name); // what is already due happens now, not at the next minute
    return {};
}

bool S3Service::hasBucketPolicy(const QString &bucket) const
{
    return m_store->document(bucket, BucketDocument::Policy).has_value();
}

Status S3Service::authorize(const QString &bucket,
    const QString &key,
    const QString &versionId,
    const QString &action,
    const PolicyPrincipal &principal,
    PolicyContext context) const
{
    const auto policy = m_store->document(bucket, BucketDocument::Policy);
    const auto policyEffect = [&] {
        addClockKeys(context, m_clock->nowMs());
        return evaluatePolicy(*policy,
            principal,
            action,
            u"arn:aws:s3:::"_s + bucket + (key.isEmpty() ? QString() : u'/' + key),
            context);
    };
    if (!principal.isAnonymous()) {
        static const QSet<QString> ownersAlways = {
            u"s3:GetBucketPolicy"_s, u"s3:PutBucketPolicy"_s, u"s3:DeleteBucketPolicy"_s};
        if (policy && !ownersAlways.contains(action) && policyEffect() == PolicyEffect::Deny)
            return std::unexpected(Errors::accessDenied());
        return {};
    }
    if (!m_store->bucket(bucket))
        return {};
    const auto stored = m_store->document(bucket, BucketDocument::PublicAccessBlock);
    PublicAccessBlock block{false, false, false, false};
    if (stored)
        block = PublicAccessBlock::fromStored(*stored);
    if (policy && block.restrictPublicBuckets && isPublicPolicy(*policy))
        return std::unexpected(Errors::accessDenied());
    const PolicyEffect effect = policy ? policyEffect() : PolicyEffect::None;
    if (effect == PolicyEffect::Deny)
        return std::unexpected(Errors::accessDenied());
    if (effect == PolicyEffect::Allow)
        return {};
    const auto permission = aclPermissionFor(action);
    if (!permission || block.ignorePublicAcls
        || ownerEnforced(m_store->document(bucket, BucketDocument::Ownership)))
        return std::unexpected(Errors::accessDenied());
    AccessControlList acl;
    if (permission->second) {
        const auto object = versionId.isEmpty() ? m_store->latest(bucket, key, false)
                                                : m_store->version(bucket, key, versionId, false);
        if (object && !object->deleteMarker)
            acl = aclFromJson(m_store->objectAcl(bucket, key, object->versionId));
    } else {
        acl = aclFromJson(m_store->document(bucket, BucketDocument::Acl).value_or(QString()));
    }
    if (!grantsAllUsers(acl, permission->first))
        return std::unexpected(Errors::accessDenied());
    return {};
}

int S3Service::applyLifecycle()
{
    notifyRestoreTransitions();
    int changed = 0;
    for (const QString &bucket : m_store->bucketsWith(BucketDocument::Lifecycle))
        changed += applyLifecycle(bucket);
    return changed;
}

int S3Service::applyLifecycle(const QString &bucket)
{
    const qint64 now = m_clock->nowMs();
    int changed = 0;
    const auto text = m_store->document(bucket, BucketDocument::Lifecycle);
    const auto rules = parseLifecycle(text.value_or(QString()).toUtf8());
    if (!rules)
        return 0;
    const bool variesByStorageClass =
        m_store->document(bucket, BucketDocument::LifecycleMinimumSize)
        == QLatin1StringView(VariesByStorageClass);
    for (const LifecycleRule &rule : *rules) {
        if (rule.enabled)
            changed += applyLifecycleRule(bucket, rule, now, variesByStorageClass);
    }
    if (changed > 0)
        qCInfo(lcCore) << "S3 lifecycle: expired or moved" << changed
                       << "objects, versions or uploads";
    return changed;
}

int S3Service::applyLifecycleRule(
    const QString &bucket, const LifecycleRule &rule, qint64 now, bool variesByStorageClass)
{
    int changed = 0;
    m_inLifecycle = true;
    const auto lifecycleDone = qScopeGuard([this] { m_inLifecycle = false; });
    // The storage class the due transitions move an object to (counted from fromMs), or "" when
    // none moves it further down the waterfall.
    const auto transitionTarget =
        [&rule, now, variesByStorageClass](
            const QList<LifecycleTransition> &transitions, const S3Object &object, qint64 fromMs) {
            int rank = transitionRank(object.headers.storageClass);
            QString target;
            if (rank < 0)
                return target;
            const bool small = rule.sizeGreaterThan < 0 && object.size < TransitionMinimumSize;
            for (const LifecycleTransition &transition : transitions) {
                if (small
                    && (!variesByStorageClass
                        || (transition.storageClass != u"GLACIER"_s
                            && transition.storageClass != u"DEEP_ARCHIVE"_s)))
                    continue;
                const qint64 due = transition.days >= 0 ? lifecycleDueMs(fromMs, transition.days)
                                                        : transition.dateMs;
                if (due <= now && transitionRank(transition.storageClass) > rank) {
                    rank = transitionRank(transition.storageClass);
                    target = transition.storageClass;
                }
            }
            return target;
        };
    QList<std::pair<S3Object, QString>> moves; // version, new storage class
    const auto move = [&] {
        if (moves.isEmpty())
            return;
        Storage::SqlTransaction transaction(m_database.connection());
        bool ok = true;
        for (auto &[object, storageClass] : moves) {
            object.headers.storageClass = storageClass;
            ok = ok
                && m_store->setObjectHeaders(bucket, object.key, object.versionId, object.headers);
        }
        if (ok && transaction.commit()) {
            changed += int(moves.size());
            touch(bucket);
            for (const auto &moved : std::as_const(moves))
                notify(u"LifecycleTransition"_s, moved.first);
        }
        moves.clear();
    };
    if (rule.expirationDays > 0 || rule.expirationDateMs >= 0 || !rule.transitions.isEmpty()) {
        QStringList expired;
        QString after;
        for (;;) {
            const QList<S3Object> batch =
                m_store->currentObjects(bucket, rule.prefix, after, LifecycleBatch);
            for (const S3Object &object : batch) {
                after = object.key;
                if (!object.key.startsWith(rule.prefix))
                    break;
                if (!rule.matches(object))
                    continue;
                const qint64 due = rule.expirationDays > 0
                    ? lifecycleDueMs(object.modifiedMs, rule.expirationDays)
                    : rule.expirationDateMs;
                if (due >= 0 && due <= now) {
                    expired.append(object.key);
                } else if (const QString target =
                               transitionTarget(rule.transitions, object, object.modifiedMs);
                           !target.isEmpty()) {
                    moves.append({object, target});
                }
            }
            if (batch.size() < LifecycleBatch
                || (!batch.isEmpty() && !batch.last().key.startsWith(rule.prefix)))
                break;
        }
        for (const QString &key : std::as_const(expired)) {
            if (deleteObject(bucket, key))
                ++changed;
        }
        move();
    }
    if (rule.noncurrentDays > 0 || rule.expiredObjectDeleteMarker
        || !rule.noncurrentTransitions.isEmpty()) {
        // A version becomes noncurrent when the next one is written: its successor's time. A
        // delete marker left alone (no versions behind it) is "expired".
        QList<std::pair<QString, QString>> stale;
        QString previousKey;
        qint64 successorMs = 0;
        int versionsOfKey = 0;
        std::optional<S3Object> lonelyMarker;
        const auto endKey = [&] {
            if (rule.expiredObjectDeleteMarker && lonelyMarker && versionsOfKey == 1)
                stale.append({lonelyMarker->key, lonelyMarker->versionId});
            lonelyMarker.reset();
            versionsOfKey = 0;
        };
        int offset = 0;
        bool done = false;
        while (!done) {
            const QList<S3Object> batch =
                m_store->versionsFrom(bucket, rule.prefix, LifecycleBatch, offset);
            offset += int(batch.size());
            done = batch.size() < LifecycleBatch;
            for (const S3Object &object : batch) {
                if (!object.key.startsWith(rule.prefix)) {
                    done = true;
                    break;
                }
                if (object.key != previousKey) {
                    endKey();
                    previousKey = object.key;
                    successorMs = object.modifiedMs;
                    versionsOfKey = 1;
                    if (object.deleteMarker && object.isLatest)
                        lonelyMarker = object;
                    continue; // the newest version of a key is current
                }
                ++versionsOfKey;
                const qint64 noncurrentSince = successorMs;
                successorMs = object.modifiedMs;
                if (object.deleteMarker || !rule.matches(object))
                    continue;
                if (rule.noncurrentDays > 0
                    && lifecycleDueMs(noncurrentSince, rule.noncurrentDays) <= now) {
                    stale.append({object.key, object.versionId});
                } else if (const QString target = transitionTarget(
                               rule.noncurrentTransitions, object, noncurrentSince);
                           !target.isEmpty()) {
                    moves.append({object, target});
                }
            }
        }
        endKey();
        for (const auto &[key, versionId] : std::as_const(stale)) {
            if (deleteObject(bucket, key, versionId))
                ++changed;
        }
        move();
    }
    if (rule.abortIncompleteDays > 0) {
        QList<MultipartUpload> stale;
        for (const MultipartUpload &upload : m_store->uploads(bucket)) {
            if (upload.key.startsWith(rule.prefix)
                && lifecycleDueMs(upload.initiatedMs, rule.abortIncompleteDays) <= now)
                stale.append(upload);
        }
        for (const MultipartUpload &upload : std::as_const(stale)) {
            if (abortMultipartUpload(bucket, upload.key, upload.uploadId))
                ++changed;
        }
    }
    return changed;
}

} // namespace Core::S3
