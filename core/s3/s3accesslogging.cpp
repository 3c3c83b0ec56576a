// SPDX-License-Identifier: MIT
// S3 server access logging (S3-36): PutBucketLogging / GetBucketLogging, and the delivery of each
// logging bucket's request records as log objects in its target bucket.
#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/s3/accesslog.h"
#include "core/s3/bodydigest.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"
#include "core/s3/s3store.h"

using namespace Qt::StringLiterals;

namespace Core::S3 {

Result<std::optional<LoggingConfig>> S3Service::getBucketLogging(const QString &name) const
{
    const auto text = getBucketDocument(name, BucketDocument::Logging);
    if (!text)
        return std::unexpected(text.error());
    if (!text->has_value())
        return std::optional<LoggingConfig>();
    auto config = LoggingConfig::parse((*text)->toUtf8());
    if (!config)
        return std::optional<LoggingConfig>();
    return *config;
}

Status S3Service::putBucketLogging(const QString &name, const std::optional<LoggingConfig> &config)
{
    const auto bucket = m_store->bucket(name);
    if (!bucket)
        return std::unexpected(Errors::noSuchBucket(name));
    if (config) {
        const auto target = m_store->bucket(config->targetBucket);
        if (!target)
            return std::unexpected(Errors::invalidTargetBucketForLogging(config->targetBucket));
        if (target->region != bucket->region)
            return std::unexpected(Errors::crossLocationLoggingProhibited());
    }
    m_loggingConfigs.remove(name);
    return putBucketDocument(name,
        BucketDocument::Logging,
        config ? std::optional<QString>(QString::fromUtf8(LoggingConfig::toXml(config)))
               : std::nullopt);
}

bool S3Service::logsAccess(const QString &bucket) const
{
    if (bucket.isEmpty())
        return false;
    auto cached = m_loggingConfigs.constFind(bucket);
    if (cached == m_loggingConfigs.cend())
        cached = m_loggingConfigs.insert(bucket, getBucketLogging(bucket).value_or(std::nullopt));
    return cached->has_value();
}

void S3Service::logAccess(const AccessLogEntry &entry)
{
    if (!logsAccess(entry.bucket))
        return;
    m_accessLogs[entry.bucket].append(entry);
    if (!m_accessLogTimer.isActive())
        m_accessLogTimer.start();
}

int S3Service::deliverAccessLogs()
{
    int delivered = 0;
    const QHash<QString, QList<AccessLogEntry>> pending = std::exchange(m_accessLogs, {});
    const QString account = m_account.isEmpty() ? u"000000000000"_s : m_account;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const auto config = getBucketLogging(it.key()).value_or(std::nullopt);
        if (!config || it->isEmpty())
            continue; // logging was turned off (or the bucket deleted) meanwhile
        QByteArray body;
        for (const AccessLogEntry &entry : *it)
            body += entry.toLine().toUtf8() + '\n';
        ObjectHeaders headers;
        headers.contentType = u"text/plain"_s;
        BodyDigest digest;
        digest.addData(body);
        const QString key = config->objectKey(account,
            m_region,
            it.key(),
            it->constFirst().timeMs,
            m_clock->nowMs(),
            Ids::randomHex(16).toUpper());
        // Written as the log delivery service would: no record of its own, so a bucket that
        // logs into itself does not log its logs.
        if (putObject(config->targetBucket,
                key,
                headers,
                {},
                ObjectBody{body, {}, digest.size(), digest.md5Hex(), {}}))
            ++delivered;
    }
    return delivered;
}

} // namespace Core::S3
