// SPDX-License-Identifier: MIT
// S3 replication (S3-38): PutBucketReplication / GetBucketReplication /
// DeleteBucketReplication, and the copying of new versions to the destination buckets.
#include "core/s3/replicationconfig.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"
#include "core/s3/s3store.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr int ReplicationBatch = 100;

std::optional<ReplicationConfig> parseStored(const std::optional<QString> &text)
{
    if (!text)
        return std::nullopt;
    auto config = ReplicationConfig::parse(text->toUtf8());
    if (!config)
        return std::nullopt;
    return *config;
}

// The rules that copy `object` somewhere: delete markers only where the rule replicates them.
QList<ReplicationRule> rulesCovering(const ReplicationConfig &config, const S3Object &object)
{
    QList<ReplicationRule> rules = config.rulesFor(object.key, object.tags);
    if (object.deleteMarker) {
        rules.removeIf([](const ReplicationRule &rule) { return !rule.deleteMarkerReplication; });
    }
    return rules;
}

} // namespace

Result<std::optional<ReplicationConfig>> S3Service::getBucketReplication(const QString &name) const
{
    const auto text = getBucketDocument(name, BucketDocument::Replication);
    if (!text)
        return std::unexpected(text.error());
    return parseStored(*text);
}

Status S3Service::putBucketReplication(
    const QString &name, const std::optional<ReplicationConfig> &config)
{
    const auto bucket = m_store->bucket(name);
    if (!bucket)
        return std::unexpected(Errors::noSuchBucket(name));
    if (config) {
        if (bucket->versioning != Versioning::Enabled)
            return std::unexpected(Errors::invalidRequest(
                u"Versioning must be 'Enabled' on the bucket to apply a replication "
                u"configuration"_s));
        for (const ReplicationRule &rule : config->rules) {
            if (rule.destinationBucket == name)
                return std::unexpected(Errors::invalidRequest(
                    u"Destination bucket cannot be the same as the source bucket."_s));
            const auto destination = m_store->bucket(rule.destinationBucket);
            if (!destination)
                return std::unexpected(Errors::invalidRequest(u"Destination bucket must exist."_s));
            if (destination->versioning != Versioning::Enabled)
                return std::unexpected(
                    Errors::invalidRequest(u"Destination bucket must have versioning enabled."_s));
        }
    }
    m_replicationConfigs.remove(name);
    return putBucketDocument(name,
        BucketDocument::Replication,
        config ? std::optional<QString>(QString::fromUtf8(config->toXml())) : std::nullopt);
}

QString S3Service::replicationStatusFor(const S3Object &object) const
{
    // Asked for every new version: the configuration is cached per bucket.
    auto cached = m_replicationConfigs.constFind(object.bucket);
    if (cached == m_replicationConfigs.cend())
        cached = m_replicationConfigs.insert(object.bucket,
            parseStored(m_store->document(object.bucket, BucketDocument::Replication)));
    if (!cached->has_value() || rulesCovering(**cached, object).isEmpty())
        return {};
    return QLatin1StringView(ReplicationPending);
}

void S3Service::scheduleReplication()
{
    if (!m_replicationTimer.isActive())
        m_replicationTimer.start();
}

Status S3Service::replicateVersion(const S3Object &source, const ReplicationRule &rule)
{
    const auto destination = m_store->bucket(rule.destinationBucket);
    if (!destination || destination->versioning != Versioning::Enabled)
        return std::unexpected(Errors::invalidRequest(
            u"Destination bucket must exist and have versioning enabled."_s));
    // Done already (the engine stopped after the copy and before the source's status).
    if (m_store->version(rule.destinationBucket, source.key, source.versionId, false))
        return {};
    std::optional<S3Object> replica =
        m_store->version(source.bucket, source.key, source.versionId, true);
    if (!replica)
        return std::unexpected(Errors::noSuchVersion(source.key, source.versionId));
    QString fileId;
    if (!replica->fileId.isEmpty()) {
        auto duplicate = duplicateFile(withPath(*replica).filePath);
        if (!duplicate)
            return std::unexpected(duplicate.error());
        fileId = *duplicate;
    }
    // The same version id, metadata, tags and Last-Modified; only the status says REPLICA.
    replica->bucket = rule.destinationBucket;
    replica->isLatest = true;
    replica->headers.replicationStatus = QLatin1StringView(ReplicationReplica);
    if (!rule.storageClass.isEmpty() && !replica->deleteMarker)
        replica->headers.storageClass = rule.storageClass;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->insertVersion(*replica, fileId) || !transaction.commit()) {
        m_files.remove(fileId);
        return std::unexpected(Errors::internalError(u"Cannot store the replica."_s));
    }
    touch(rule.destinationBucket);
    notify(replica->deleteMarker ? u"ObjectRemoved:DeleteMarkerCreated"_s : u"ObjectCreated:Put"_s,
        *replica);
    return {};
}

int S3Service::replicatePending()
{
    int handled = 0;
    for (const QString &bucket : m_store->bucketsWith(BucketDocument::Replication)) {
        const auto config = parseStored(m_store->document(bucket, BucketDocument::Replication));
        for (;;) {
            const QList<S3Object> pending = m_store->versionsWithHeader(bucket,
                u"ReplicationStatus"_s,
                QLatin1StringView(ReplicationPending),
                ReplicationBatch);
            for (const S3Object &object : pending) {
                bool failed = !config.has_value();
                if (config) {
                    for (const ReplicationRule &rule : rulesCovering(*config, object))
                        failed = !replicateVersion(object, rule) || failed;
                }
                ObjectHeaders headers = object.headers;
                headers.replicationStatus =
                    QLatin1StringView(failed ? ReplicationFailed : ReplicationCompleted);
                Storage::SqlTransaction transaction(m_database.connection());
                if (!m_store->setObjectHeaders(bucket, object.key, object.versionId, headers)
                    || !transaction.commit())
                    return handled; // the next write or start tries again
                ++handled;
            }
            if (!pending.isEmpty())
                touch(bucket);
            if (pending.size() < ReplicationBatch)
                break;
        }
    }
    return handled;
}

} // namespace Core::S3
