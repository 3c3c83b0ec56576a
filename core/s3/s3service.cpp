// SPDX-License-Identifier: MIT
#include "core/s3/s3service.h"

#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/ids.h"
#include "core/common/logging.h"
#include "core/common/metricsink.h"
#include "core/s3/bucketname.h"
#include "core/s3/eventdestinations.h"
#include "core/s3/eventnotifications.h"
#include "core/s3/presignedurl.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3store.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMetaMethod>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr int MaxBuckets = 10000; // AWS raised the default quota from 100 (S3-03) in 2024

} // namespace

QString versioningName(Versioning versioning)
{
    switch (versioning) {
    case Versioning::Enabled:
        return u"Enabled"_s;
    case Versioning::Suspended:
        return u"Suspended"_s;
    case Versioning::Unversioned:
        break;
    }
    return {};
}

S3Service::S3Service(const Storage::Database &database,
    Clock *clock,
    const QString &objectsDir,
    QString region,
    QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_files(objectsDir)
    , m_store(std::make_unique<S3Store>(database))
    , m_region(std::move(region))
    , m_coalescer(new Coalescer(150, this))
{
    qRegisterMetaType<Core::S3::Bucket>();
    qRegisterMetaType<QList<Core::S3::Bucket>>();
    connect(m_coalescer, &Coalescer::fired, this, &S3Service::announce);
    // Lifecycle rules act in days: a check a minute (and at every clock jump) is plenty.
    m_lifecycleTimer.setInterval(60 * 1000);
    connect(&m_lifecycleTimer, &QTimer::timeout, this, [this] {
        applyLifecycle();
        reportStorageMetrics();
    });
    connect(clock, &Clock::advanced, this, qOverload<>(&S3Service::applyLifecycle));
    m_lifecycleTimer.start();
    // Restores finish in minutes (Expedited): their events are looked for more often. Those
    // that finished while the engine was stopped get none.
    m_restoresCheckedMs = clock->nowMs();
    m_restoreTimer.setInterval(5 * 1000);
    connect(&m_restoreTimer, &QTimer::timeout, this, &S3Service::notifyRestoreTransitions);
    m_restoreTimer.start();
    // Replication is asynchronous, as in AWS: a second after the write (long enough to see the
    // PENDING status), and at start for what was pending when the engine stopped.
    m_replicationTimer.setSingleShot(true);
    m_replicationTimer.setInterval(1000);
    connect(&m_replicationTimer, &QTimer::timeout, this, [this] { replicatePending(); });
    if (!m_store->bucketsWith(BucketDocument::Replication).isEmpty())
        m_replicationTimer.start();
    m_accessLogTimer.setSingleShot(true);
    m_accessLogTimer.setInterval(AccessLogDelayMs);
    connect(&m_accessLogTimer, &QTimer::timeout, this, [this] { deliverAccessLogs(); });
}

S3Service::~S3Service() = default;

void S3Service::recover()
{
    const QHash<QString, qint64> referenced = m_store->referencedFiles();
    QSet<QString> ids;
    ids.reserve(referenced.size());
    for (auto it = referenced.cbegin(); it != referenced.cend(); ++it)
        ids.insert(it.key());
    const int orphans = m_files.removeOrphans(ids);
    // Files are not fsync'd (ObjectFiles::commit): after a power loss a committed row may name a
    // file the kernel never wrote out, missing or shorter than recorded. Such rows go.
    QSet<QString> intact;
    for (auto it = referenced.cbegin(); it != referenced.cend(); ++it) {
        const QFileInfo info(m_files.path(it.key()));
        if (info.exists() && info.size() == it.value())
            intact.insert(it.key());
    }
    int rows = 0;
    if (intact.size() != referenced.size()) {
        Storage::SqlTransaction transaction(m_database.connection());
        rows = m_store->removeRowsWithoutFiles(intact);
        if (transaction.commit()) {
            for (const QString &fileId : ids) {
                if (!intact.contains(fileId))
                    m_files.remove(fileId); // a short file: its bytes are no object's now
            }
        }
    }
    if (orphans || rows)
        qCInfo(lcCore) << "S3 recovery: removed" << orphans << "orphaned files and" << rows
                       << "rows without bytes";
}

void S3Service::setMetricSink(MetricSink *sink)
{
    m_metricSink = sink;
    m_storageReportDay = -1;
    reportStorageMetrics();
}

void S3Service::reportRequest(const QString &bucket,
    const QString &kind,
    int status,
    qint64 bytesUploaded,
    qint64 bytesDownloaded)
{
    if (!m_metricSink || bucket.isEmpty())
        return;
    const qint64 now = m_clock->nowMs();
    const MetricSink::MetricDimensions dimensions{
        {u"BucketName"_s, bucket}, {u"FilterId"_s, u"EntireBucket"_s}};
    const auto count = [&](const QString &name) {
        m_metricSink->putMetric(u"AWS/S3"_s, name, dimensions, 1, u"Count"_s, now);
    };
    count(u"AllRequests"_s);
    if (!kind.isEmpty())
        count(kind + u"Requests"_s);
    if (status >= 400 && status < 500)
        count(u"4xxErrors"_s);
    else if (status >= 500)
        count(u"5xxErrors"_s);
    if (bytesUploaded > 0)
        m_metricSink->putMetric(
            u"AWS/S3"_s, u"BytesUploaded"_s, dimensions, double(bytesUploaded), u"Bytes"_s, now);
    if (bytesDownloaded > 0)
        m_metricSink->putMetric(u"AWS/S3"_s,
            u"BytesDownloaded"_s,
            dimensions,
            double(bytesDownloaded),
            u"Bytes"_s,
            now);
}

void S3Service::reportStorageMetrics()
{
    if (!m_metricSink)
        return;
    const qint64 now = m_clock->nowMs();
    const qint64 day = now / (24LL * 60 * 60 * 1000);
    if (day == m_storageReportDay)
        return;
    m_storageReportDay = day;
    // BucketSizeBytes' StorageType for each storage class (INTELLIGENT_TIERING objects sit in
    // its frequent access tier: Cloudbench does not move them between tiers).
    static const QHash<QString, QString> storageTypes = {{u"STANDARD"_s, u"StandardStorage"_s},
        {u"REDUCED_REDUNDANCY"_s, u"ReducedRedundancyStorage"_s},
        {u"STANDARD_IA"_s, u"StandardIAStorage"_s},
        {u"ONEZONE_IA"_s, u"OneZoneIAStorage"_s},
        {u"INTELLIGENT_TIERING"_s, u"IntelligentTieringFAStorage"_s},
        {u"GLACIER_IR"_s, u"GlacierInstantRetrievalStorage"_s},
        {u"GLACIER"_s, u"GlacierStorage"_s},
        {u"DEEP_ARCHIVE"_s, u"DeepArchiveStorage"_s}};
    for (const Bucket &bucket : m_store->buckets()) {
        const S3Store::StorageStats stats = m_store->storageStats(bucket.name);
        for (auto it = storageTypes.cbegin(); it != storageTypes.cend(); ++it) {
            // StandardStorage always (a gauge of 0 for an empty bucket), the others when used.
            if (!stats.bytesByClass.contains(it.key()) && it.key() != u"STANDARD"_s)
                continue;
            m_metricSink->putMetric(u"AWS/S3"_s,
                u"BucketSizeBytes"_s,
                {{u"BucketName"_s, bucket.name}, {u"StorageType"_s, it.value()}},
                double(stats.bytesByClass.value(it.key())),
                u"Bytes"_s,
                now);
        }
        m_metricSink->putMetric(u"AWS/S3"_s,
            u"NumberOfObjects"_s,
            {{u"BucketName"_s, bucket.name}, {u"StorageType"_s, u"AllStorageTypes"_s}},
            double(stats.objects),
            u"Count"_s,
            now);
    }
}

void S3Service::touch(const QString &bucket, bool bucketList)
{
    if (!bucket.isEmpty())
        m_changedBuckets.insert(bucket);
    m_bucketListChanged = true; // counts and sizes change with every object write
    Q_UNUSED(bucketList)
    m_coalescer->touch();
}

void S3Service::announce()
{
    if (!m_changedBuckets.isEmpty()) {
        QStringList names(m_changedBuckets.cbegin(), m_changedBuckets.cend());
        m_changedBuckets.clear();
        emit objectsChanged(names);
    }
    // The counts and sizes cost a scan per bucket: only worth it when someone is listening
    // (the console), never for a headless endpoint under load.
    static const QMetaMethod bucketsSignal = QMetaMethod::fromSignal(&S3Service::bucketsChanged);
    if (m_bucketListChanged) {
        m_bucketListChanged = false;
        if (isSignalConnected(bucketsSignal))
            emit bucketsChanged(listBuckets(true));
    }
}

void S3Service::removeFilesLater(const QStringList &fileIds)
{
    // Runs after the savepoint committed: the rows no longer reference these files.
    for (const QString &fileId : fileIds)
        m_files.remove(fileId);
}

Status S3Service::requireBucket(const QString &name) const
{
    if (!m_store->bucket(name))
        return std::unexpected(Errors::noSuchBucket(name));
    return {};
}

S3Object S3Service::withPath(S3Object object) const
{
    if (!object.fileId.isEmpty())
        object.filePath = m_files.path(object.fileId);
    return object;
}

bool S3Service::isValidBucketName(const QString &name)
{
    return S3::isValidBucketName(name);
}

QString S3Service::newStagingFile() const
{
    QFile file;
    const QString path = m_files.createStaging(file);
    file.close();
    return path;
}

QString S3Service::presignedGetUrl(
    const QString &endpoint, const QString &bucket, const QString &key, int expiresSeconds) const
{
    const auto info = m_store->bucket(bucket);
    return presignGetUrl(
        endpoint, info ? info->region : m_region, bucket, key, m_clock->nowMs(), expiresSeconds);
}

QString S3Service::multipartEtag(const QList<QByteArray> &partMd5s)
{
    QCryptographicHash hash(QCryptographicHash::Md5);
    for (const QByteArray &md5 : partMd5s)
        hash.addData(md5);
    return u"\"%1-%2\""_s.arg(QString::fromLatin1(hash.result().toHex())).arg(partMd5s.size());
}

Result<QString> S3Service::storeBody(ObjectBody &body, bool forceFile)
{
    if (body.stagedFile.isEmpty()) {
        if (!forceFile && body.data.size() <= InlineLimit)
            return QString();
        QFile file;
        body.stagedFile = m_files.createStaging(file);
        if (body.stagedFile.isEmpty() || file.write(body.data) != body.data.size()) {
            QFile::remove(body.stagedFile);
            return std::unexpected(Errors::internalError(u"Cannot write the object body."_s));
        }
        file.close();
        body.data.clear();
    }
    auto committed = m_files.commit(body.stagedFile);
    if (!committed) {
        QFile::remove(body.stagedFile);
        qCWarning(lcCore).noquote() << committed.error();
        return std::unexpected(Errors::internalError(u"Cannot store the object body."_s));
    }
    return *committed;
}

Result<Bucket> S3Service::createBucket(const QString &name, const QString &region, bool objectLock)
{
    if (!isValidBucketName(name))
        return std::unexpected(Errors::invalidBucketName(name));
    if (m_store->bucket(name))
        return std::unexpected(Errors::bucketAlreadyOwnedByYou(name));
    if (m_store->buckets().size() >= MaxBuckets)
        return std::unexpected(Errors::tooManyBuckets());
    Bucket bucket{name, region.isEmpty() ? m_region : region, m_clock->nowMs()};
    if (objectLock)
        bucket.versioning = Versioning::Enabled;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->insertBucket(bucket)
        || (objectLock
            && !m_store->setDocument(
                name, BucketDocument::ObjectLock, QString::fromUtf8(ObjectLockConfig{}.toXml())))
        || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot create the bucket."_s));
    touch({}, true);
    return bucket;
}

QList<Bucket> S3Service::listBuckets(bool withStats) const
{
    QList<Bucket> buckets = m_store->buckets();
    if (withStats) {
        for (Bucket &bucket : buckets)
            m_store->fillStats(bucket);
    }
    return buckets;
}

Result<Bucket> S3Service::headBucket(const QString &name) const
{
    auto bucket = m_store->bucket(name);
    if (!bucket)
        return std::unexpected(Errors::noSuchBucket(name));
    return *bucket;
}

Status S3Service::deleteBucket(const QString &name)
{
    if (auto ok = requireBucket(name); !ok)
        return ok;
    if (m_store->bucketHasObjects(name))
        return std::unexpected(Errors::bucketNotEmpty(name));
    const QStringList files = m_store->bucketFiles(name); // parts of abandoned uploads
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->deleteBucket(name) || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot delete the bucket."_s));
    m_notificationConfigs.remove(name);
    m_loggingConfigs.remove(name);
    m_replicationConfigs.remove(name);
    removeFilesLater(files);
    touch({}, true);
    return {};
}

Result<int> S3Service::emptyBucket(const QString &name)
{
    if (auto ok = requireBucket(name); !ok)
        return std::unexpected(ok.error());
    // The console empties a bucket with DeleteObjects, so each version removed is an event.
    QList<S3Object> versions;
    const bool locked = objectLockConfig(name).has_value();
    if (locked || (m_destinations && notificationConfig(name))) {
        constexpr int Batch = 1000;
        for (int offset = 0;; offset += Batch) {
            const QList<S3Object> batch = m_store->versionsFrom(name, {}, Batch, offset);
            versions.append(batch);
            if (batch.size() < Batch)
                break;
        }
    }
    QList<S3Object> removed;
    int kept = 0;
    Storage::SqlTransaction transaction(m_database.connection());
    QStringList files;
    bool ok = true;
    if (!locked) {
        files = m_store->bucketFiles(name);
        ok = m_store->removeBucketContents(name);
        removed = versions;
    } else {
        // As the console's DeleteObjects calls do: versions under Object Lock (retention or a
        // legal hold) stay and are counted; everything else goes.
        QSet<QString> touchedKeys;
        for (const S3Object &object : std::as_const(versions)) {
            if (!checkDeletable(object, false)) {
                ++kept;
                continue;
            }
            const auto file = m_store->removeVersion(name, object.key, object.versionId);
            ok = ok && file.has_value();
            if (file && !file->isEmpty())
                files.append(*file);
            removed.append(object);
            if (object.isLatest)
                touchedKeys.insert(object.key);
        }
        for (const QString &key : std::as_const(touchedKeys))
            ok = ok && m_store->promoteNewest(name, key);
        for (const MultipartUpload &upload : m_store->uploads(name)) {
            for (const UploadPart &part : m_store->parts(upload.uploadId))
                files.append(part.fileId);
            ok = ok && m_store->deleteUpload(upload.uploadId);
        }
    }
    if (!ok || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot empty the bucket."_s));
    removeFilesLater(files);
    touch(name, true);
    for (const S3Object &object : std::as_const(removed))
        notify(u"ObjectRemoved:Delete"_s, object);
    return kept;
}

Status S3Service::putBucketVersioning(const QString &name, Versioning versioning)
{
    auto bucket = m_store->bucket(name);
    if (!bucket)
        return std::unexpected(Errors::noSuchBucket(name));
    if (versioning == Versioning::Unversioned)
        return std::unexpected(Errors::malformedXml()); // once enabled, only suspension exists
    if (versioning != Versioning::Enabled && objectLockConfig(name))
        return std::unexpected(
            Errors::invalidBucketState(u"An Object Lock configuration is present on this bucket, "
                                       u"so the versioning state cannot be changed."_s));
    if (versioning != Versioning::Enabled
        && m_store->document(name, BucketDocument::Replication).has_value())
        return std::unexpected(Errors::invalidBucketState(
            u"A replication configuration is present on this bucket, so you cannot change the "
            u"versioning state. To change the versioning state, first delete the replication "
            u"configuration."_s));
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setVersioning(name, versioning) || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot change versioning."_s));
    touch(name, true);
    return {};
}

Result<Tags> S3Service::getBucketTagging(const QString &name) const
{
    if (auto ok = requireBucket(name); !ok)
        return std::unexpected(ok.error());
    const Tags tags = m_store->bucketTags(name);
    if (tags.isEmpty())
        return std::unexpected(Errors::noSuchTagSet());
    return tags;
}

Status S3Service::putBucketTagging(const QString &name, const Tags &tags)
{
    if (auto ok = requireBucket(name); !ok)
        return ok;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setBucketTags(name, tags) || !transaction.commit())
        return std::unexpected(Errors::internalError(u"Cannot store the tags."_s));
    touch(name, true);
    return {};
}

Result<std::optional<QString>> S3Service::getBucketDocument(
    const QString &name, BucketDocument kind) const
{
    if (auto ok = requireBucket(name); !ok)
        return std::unexpected(ok.error());
    return m_store->document(name, kind);
}

void S3Service::setEventDestinations(EventDestinations *destinations, const QString &account)
{
    m_destinations = destinations;
    m_account = account;
}

Status S3Service::putBucketNotification(
    const QString &name, const QByteArray &xml, bool validateDestinations)
{
    if (auto ok = requireBucket(name); !ok)
        return ok;
    auto config = xml.trimmed().isEmpty() ? Result<NotificationConfig>(NotificationConfig{})
                                          : NotificationConfig::parse(xml);
    if (!config)
        return std::unexpected(config.error());
    const QString bucketArn = u"arn:aws:s3:::"_s + name;
    QList<std::pair<QString, QString>> refusals;
    for (const NotificationTarget &target : std::as_const(config->targets)) {
        if (!validateDestinations)
            break;
        const QString refusal = m_destinations
            ? m_destinations->refusal(target.arn, bucketArn, m_account)
            : u"The destination does not exist"_s;
        if (!refusal.isEmpty())
            refusals.append({target.arn, refusal});
    }
    if (!refusals.isEmpty())
        return std::unexpected(Errors::unableToValidateDestinations(refusals));
    {
        Storage::SqlTransaction transaction(m_database.connection());
        const std::optional<QString> stored =
            config->isEmpty() ? std::nullopt : std::optional<QString>(config->toXml());
        if (!m_store->setDocument(name, BucketDocument::Notification, stored)
            || !transaction.commit())
            return std::unexpected(Errors::internalError(u"Cannot store the configuration."_s));
    }
    m_notificationConfigs.remove(name);
    QSet<QString> tested;
    for (const NotificationTarget &target : std::as_const(config->targets)) {
        if (!m_destinations || !validateDestinations)
            break;
        if (target.kind == NotificationTarget::Kind::Queue && !tested.contains(target.arn)) {
            tested.insert(target.arn);
            m_destinations->deliver(target.arn,
                testEventMessage(name, m_clock->nowMs(), Ids::randomHex(16).toUpper()),
                {});
        }
    }
    touch(name, true);
    return {};
}

std::shared_ptr<const NotificationConfig> S3Service::notificationConfig(const QString &bucket) const
{
    const auto cached = m_notificationConfigs.constFind(bucket);
    if (cached != m_notificationConfigs.cend())
        return *cached;
    std::shared_ptr<const NotificationConfig> config;
    if (const auto xml = m_store->document(bucket, BucketDocument::Notification)) {
        // Stored by putBucketNotification, so valid; an older unvalidated one counts as none.
        if (auto parsed = NotificationConfig::parse(xml->toUtf8()); parsed && !parsed->isEmpty())
            config = std::make_shared<const NotificationConfig>(std::move(*parsed));
    }
    m_notificationConfigs.insert(bucket, config);
    return config;
}

void S3Service::notifyRestoreTransitions()
{
    const qint64 now = m_clock->nowMs();
    const qint64 from = m_restoresCheckedMs;
    m_restoresCheckedMs = now;
    if (!m_destinations || from >= now)
        return;
    for (const QString &bucket : m_store->bucketsWith(BucketDocument::Notification)) {
        const auto config = notificationConfig(bucket);
        if (!config)
            continue;
        if (config->wants(u"ObjectRestore:Completed"_s)) {
            for (const S3Object &object :
                m_store->versionsWithTimeIn(bucket, u"RestoreReadyMs"_s, from, now))
                notify(u"ObjectRestore:Completed"_s, object);
        }
        if (config->wants(u"ObjectRestore:Delete"_s)) {
            for (const S3Object &object :
                m_store->versionsWithTimeIn(bucket, u"RestoreExpiryMs"_s, from, now))
                notify(u"ObjectRestore:Delete"_s, object);
        }
    }
}

void S3Service::notify(const QString &eventName, const S3Object &object)
{
    if (!m_destinations)
        return;
    const auto config = notificationConfig(object.bucket);
    if (!config)
        return;
    ObjectEvent event;
    event.eventName = eventName;
    event.bucket = object.bucket;
    event.key = object.key;
    if (eventName.startsWith(u"ObjectCreated"_s) || eventName.startsWith(u"ObjectRestore"_s)) {
        event.size = object.size;
        event.etag = object.etag;
        event.etag.remove(u'"');
    }
    event.versionId = object.versionId;
    event.timeMs = m_clock->nowMs();
    if (eventName == u"ObjectRestore:Completed"_s) {
        event.restoreExpiryMs = object.headers.restoreExpiryMs;
        event.storageClass = object.headers.storageClass;
    }
    // Increasing for the events of one key, as AWS's sequencer: time, then a counter.
    event.sequencer = QString::number(quint64(event.timeMs) * 4096 + (++m_eventCount % 4096), 16)
                          .toUpper()
                          .rightJustified(18, u'0');
    const QString requestId = Ids::randomHex(16).toUpper();
    for (const NotificationTarget &target : config->targets) {
        if (target.matches(eventName, object.key))
            m_destinations->deliver(target.arn,
                eventMessage(event, target.id, m_region, m_account, requestId),
                m_traceHeader);
    }
}

Status S3Service::putBucketDocument(
    const QString &name, BucketDocument kind, const std::optional<QString> &text)
{
    if (auto ok = requireBucket(name); !ok)
        return ok;
    if (kind == BucketDocument::Policy && text && isPublicPolicy(*text)) {
        // S3-22: Block Public Access (on for every new bucket) refuses a public policy.
        const auto block = m_store->document(name, BucketDocument::PublicAccessBlock);
        if (block && PublicAccessBlock::fromStored(*block).blockPublicPolicy)
            return std::unexpected(Errors::accessDenied());
    }
    if (kind == BucketDocument::Lifecycle)
        return putBucketLifecycle(name, text);
    if (kind == BucketDocument::Notification)
        return putBucketNotification(name, text.value_or(QString()).toUtf8());
    {
        Storage::SqlTransaction transaction(m_database.connection());
        if (!m_store->setDocument(name, kind, text) || !transaction.commit())
            return std::unexpected(Errors::internalError(u"Cannot store the configuration."_s));
    }
    touch(name, true);
    return {};
}

} // namespace Core::S3
