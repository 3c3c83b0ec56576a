// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/s3/accesslog.h"
#include "core/s3/bucketconfig.h"
#include "core/s3/bucketpolicy.h"
#include "core/s3/multipartupload.h"
#include "core/s3/objectfiles.h"
#include "core/s3/replicationconfig.h"
#include "core/s3/s3object.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace Core {
class Clock;
class Coalescer;
class MetricSink;
} // namespace Core
namespace Core::Storage {
class Database;
}

namespace Core::S3 {

class EventDestinations;
class S3Store;
struct LifecycleRule;
struct NotificationConfig;
struct ReplicationRule;
struct WebsiteAnswer;
struct WebsiteConfig;

// A body on its way into the store: in memory, or a staging/spooled file the service adopts
// (renames into the object folder) so large uploads are never copied. size/md5/checksum are
// computed by whoever produced the bytes (BodyDigest).
struct ObjectBody
{
    QByteArray data;
    QString stagedFile;
    qint64 size = 0;
    QString md5Hex;
    Checksum checksum;
};

struct CopySource
{
    QString bucket;
    QString key;
    QString versionId;
};

// Amazon S3: buckets, object versions, multipart uploads. Lives on the core thread and owns the
// S3 rules; the SQL is in S3Store and the bytes in ObjectFiles (small bodies inline in SQLite).
// Every write runs in its own SqlTransaction (a savepoint inside the dispatcher's group commit).
// bucketsChanged() and objectsChanged() are coalesced (at most one per 150 ms).
class S3Service final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(S3Service)

public:
    // Bodies up to this size live in SQLite, larger ones in files. Measured here: writing a 1 KiB
    // file with fsync and rename costs 4.5 ms (225 objects/s), far below the 1 KiB PutObject
    // target (7k/s); as a row the body rides the dispatcher's group commit instead.
    static constexpr qint64 InlineLimit = 64 * 1024;
    static constexpr qint64 MinPartSize = 5 * 1024 * 1024;

    S3Service(const Storage::Database &database,
        Clock *clock,
        const QString &objectsDir,
        QString region,
        QObject *parent = nullptr);
    ~S3Service() override;

    // AWS/S3 metrics (metricsink.h); null reports nothing. Storage metrics (BucketSizeBytes,
    // NumberOfObjects) are daily gauges: reported at once, then when the clock's UTC day changes.
    void setMetricSink(MetricSink *sink);
    // Request metrics (FilterId EntireBucket) for one answered request. kind: Get, Put, Head,
    // Delete, Post or List (AWS's per-method metrics), empty for other operations.
    void reportRequest(const QString &bucket,
        const QString &kind,
        int status,
        qint64 bytesUploaded,
        qint64 bytesDownloaded);
    void reportStorageMetrics();
    // Event notifications (S3-32..S3-35): object events (created, removed, tagged, ACL put,
    // restore started, finished and expired, lifecycle) go to the destinations of the bucket's
    // notification configuration whose events and key filter match, at once, as one message each.
    // Null sends nothing, and PutBucketNotificationConfiguration then refuses every destination.
    // `account` owns the buckets (event records and resource-policy checks).
    void setEventDestinations(EventDestinations *destinations, const QString &account);
    // The X-Amzn-Trace-Id of the request being handled (the API layer sets it around each
    // operation; empty otherwise): events it causes carry it to their destinations.
    void setRequestTraceHeader(const QString &traceHeader) { m_traceHeader = traceHeader; }

    const ObjectFiles &files() const { return m_files; }
    QString region() const { return m_region; }
    Clock *clock() const { return m_clock; }
    // Start-up: drops orphaned files and rows that point at missing files.
    void recover();

    // objectLock (x-amz-bucket-object-lock-enabled): versioning and Object Lock enabled.
    Result<Bucket> createBucket(
        const QString &name, const QString &region, bool objectLock = false);
    QList<Bucket> listBuckets(bool withStats = false) const;
    Result<Bucket> headBucket(const QString &name) const;
    Status deleteBucket(const QString &name);
    // The console's "Empty bucket": removes every version, delete marker and upload except
    // versions under Object Lock; returns how many of those stayed.
    Result<int> emptyBucket(const QString &name);
    Status putBucketVersioning(const QString &name, Versioning versioning);
    Result<Tags> getBucketTagging(const QString &name) const;
    Status putBucketTagging(const QString &name, const Tags &tags);
    Result<std::optional<QString>> getBucketDocument(
        const QString &name, BucketDocument kind) const;
    Status putBucketDocument(
        const QString &name, BucketDocument kind, const std::optional<QString> &text);
    // PutBucketNotificationConfiguration: validated (NotificationConfig::parse), every
    // destination checked (EventDestinations::refusal: InvalidArgument "Unable to validate the
    // following destination configurations"), stored as GetBucketNotificationConfiguration
    // returns it; an empty configuration turns notifications off. As in AWS, each queue of a
    // new configuration receives an s3:TestEvent message. validateDestinations false
    // (SkipDestinationValidation) stores it without checking or testing the destinations.
    Status putBucketNotification(
        const QString &name, const QByteArray &xml, bool validateDestinations = true);

    // Static website hosting (s3website.cpp). GetBucketWebsite's nullopt is
    // NoSuchWebsiteConfiguration; putBucketWebsite(nullopt) is DeleteBucketWebsite.
    Result<std::optional<WebsiteConfig>> getBucketWebsite(const QString &name) const;
    Status putBucketWebsite(const QString &name, const std::optional<WebsiteConfig> &config);
    // Replication (s3replication.cpp, S3-38). GetBucketReplication's nullopt is
    // ReplicationConfigurationNotFoundError; putBucketReplication(nullopt) is
    // DeleteBucketReplication. A configuration needs versioning Enabled on the bucket and on
    // every destination, which must exist and differ from the bucket; while one is present the
    // bucket's versioning cannot be suspended. Only versions written afterwards replicate.
    Result<std::optional<ReplicationConfig>> getBucketReplication(const QString &name) const;
    Status putBucketReplication(
        const QString &name, const std::optional<ReplicationConfig> &config);
    // Copies every PENDING version to its destinations (a second after the write, or now):
    // same key, version id, metadata and tags, REPLICA there; COMPLETED here, or FAILED when a
    // destination is gone or no longer versioned. Delete markers go where their rule replicates
    // them. Returns how many versions it handled.
    int replicatePending();

    // Server access logging (s3accesslogging.cpp, S3-36). putBucketLogging(nullopt) turns it
    // off; the target bucket must exist (InvalidTargetBucketForLogging) in the same region
    // (CrossLocationLoggingProhibitted). logAccess() keeps a request of a bucket that logs;
    // deliverAccessLogs() writes what was kept as log objects into the target buckets (on a
    // timer, ten seconds after the first record; AWS takes up to hours) and returns how many.
    Result<std::optional<LoggingConfig>> getBucketLogging(const QString &name) const;
    Status putBucketLogging(const QString &name, const std::optional<LoggingConfig> &config);
    bool logsAccess(const QString &bucket) const; // cheap: asked for every request
    void logAccess(const AccessLogEntry &entry);
    int deliverAccessLogs();
    static constexpr int AccessLogDelayMs = 10'000;

    // The website endpoint's answer to a GET or HEAD for `key` (the path without its leading
    // slash), as the anonymous principal with the request's condition keys: RedirectAllRequestsTo
    // and routing rules first, then the object (the folder's index document for "" and keys
    // ending in '/'; 302 to "key/" when only that folder's index exists), its
    // x-amz-website-redirect-location as a 301, and for a failure (AccessDenied 403, NoSuchKey
    // 404) the routing rule for that error code or else the error document with the error's
    // status. requestHost is where rules without HostName redirect to.
    WebsiteAnswer website(const QString &bucket,
        const QString &key,
        const QString &requestHost,
        const PolicyContext &context) const;

    // Bucket configurations AWS applies to every new bucket (s3bucketconfig.cpp). ACLs follow
    // Object Ownership: with BucketOwnerEnforced (the default) reads show the owner's full
    // control and writes granting anyone else fail with AccessControlListNotSupported.
    Result<AccessControlList> getBucketAcl(const QString &name) const;
    Status putBucketAcl(const QString &name, const AccessControlList &acl);
    Result<AccessControlList> getObjectAcl(
        const QString &bucket, const QString &key, const QString &versionId) const;
    Status putObjectAcl(const QString &bucket,
        const QString &key,
        const QString &versionId,
        const AccessControlList &acl);
    // Whether an object write may carry this ACL (x-amz-acl, x-amz-grant-*).
    Status checkObjectAcl(const QString &bucket, const AccessControlList &acl) const;
    Result<BucketEncryption> getBucketEncryption(const QString &name) const;
    Status putBucketEncryption(const QString &name, const std::optional<BucketEncryption> &config);
    Result<std::optional<PublicAccessBlock>> getPublicAccessBlock(const QString &name) const;
    Status putPublicAccessBlock(
        const QString &name, const std::optional<PublicAccessBlock> &config);
    Status putBucketOwnership(const QString &name, const std::optional<QString> &ownership);
    // Whether `principal` may do `action` (s3:GetObject, s3:ListBucket ...) on the bucket (key
    // empty) or one of its objects. The account's root user (every signed request) may do
    // everything its bucket policy does not explicitly Deny it, except that it can always get,
    // put and delete the policy itself (as in AWS, so a policy cannot lock its owner out).
    // The anonymous principal (unsigned requests) needs a bucket policy statement for Principal
    // "*" or an ACL grant to AllUsers (where Object Ownership leaves ACLs enabled); an explicit
    // Deny wins. Block Public Access: with IgnorePublicAcls the AllUsers grants count for
    // nothing; with RestrictPublicBuckets a bucket whose policy is public is closed to
    // anonymous requests. AccessDenied otherwise; a missing bucket is left to the operation
    // (NoSuchBucket). `context` holds the request's condition keys (aws:SourceIp, aws:Referer,
    // s3:prefix ...); aws:CurrentTime and aws:EpochTime come from the clock.
    Status authorize(const QString &bucket,
        const QString &key,
        const QString &versionId,
        const QString &action,
        const PolicyPrincipal &principal,
        PolicyContext context = {}) const;
    // Whether the bucket has a policy (false for a missing bucket).
    bool hasBucketPolicy(const QString &bucket) const;
    Status authorizeAnonymous(const QString &bucket,
        const QString &key,
        const QString &versionId,
        const QString &action,
        PolicyContext context = {}) const
    {
        return authorize(bucket, key, versionId, action, {}, std::move(context));
    }
    // Lifecycle: removes (or hides behind a delete marker) what the enabled rules of every
    // bucket expire at the clock's time, moves current and noncurrent versions to the storage
    // class their due transitions name, and aborts stale uploads. Runs every minute and whenever
    // the clock jumps; returns how many objects, versions and uploads it removed or moved.
    int applyLifecycle();
    // One bucket's rules; also run when PutBucketLifecycleConfiguration stores new rules.
    int applyLifecycle(const QString &bucket);
    // PutBucketLifecycleConfiguration: the rules (validated) and the transition default minimum
    // object size (empty: all_storage_classes_128K, AWS's default), stored together; nullopt
    // deletes both. The rules that are due apply at once.
    Status putBucketLifecycle(const QString &name,
        const std::optional<QString> &xml,
        const QString &minimumObjectSize = {});

    // lock: the x-amz-object-lock-* of the request (objectLockForWrite's rules).
    Result<S3Object> putObject(const QString &bucket,
        const QString &key,
        ObjectHeaders headers,
        Tags tags,
        ObjectBody body,
        const ObjectLock &lock = {});
    // PutObject, CopyObject (REPLACE), CreateMultipartUpload: user metadata may take 2 KB, the
    // UTF-8 bytes of every name (without x-amz-meta-) and value (MetadataTooLarge otherwise).
    static Status checkMetadataSize(const ObjectHeaders &headers);
    // A versionId parameter (GetObject, HeadObject, DeleteObject, object tagging, a copy
    // source): "null" or one Cloudbench could have issued (32 letters and digits); otherwise
    // InvalidArgument (empty: "Version id cannot be the empty string"), before any lookup, so
    // only a well-formed unknown id is NoSuchVersion.
    static Status checkVersionId(const QString &versionId);
    // Metadata and where the bytes are (inline data or filePath); delete markers fail as AWS does.
    Result<S3Object> getObject(
        const QString &bucket, const QString &key, const QString &versionId = {}) const;
    // GetObjectAttributes: the version's metadata without its bytes (archived objects answer
    // too, only metadata is read); fails as getObject does.
    Result<S3Object> getObjectAttributes(
        const QString &bucket, const QString &key, const QString &versionId = {}) const;
    // GetObjectAttributes' ObjectParts of a multipart object: the parts after partNumberMarker,
    // at most maxParts (values outside 1..1000 mean 1000; AWS ignores invalid ones).
    static ObjectPartsPage objectParts(const S3Object &object, int partNumberMarker, int maxParts);
    // With a versionId: AccessDenied for a version Object Lock protects (checkDeletable).
    Result<DeleteResult> deleteObject(const QString &bucket,
        const QString &key,
        const QString &versionId = {},
        bool bypassGovernance = false);
    // headers: nullopt copies the source's (MetadataDirective COPY). The source's Object Lock
    // is never copied: the copy gets `lock` or the destination's default retention.
    Result<S3Object> copyObject(const CopySource &source,
        const QString &bucket,
        const QString &key,
        std::optional<ObjectHeaders> headers,
        std::optional<Tags> tags,
        const ObjectLock &lock = {});
    Result<ListObjectsResult> listObjects(
        const QString &bucket, const ListObjectsQuery &query) const;
    Result<ListVersionsResult> listObjectVersions(
        const QString &bucket, const ListVersionsQuery &query) const;
    Result<S3Object> putObjectTagging(
        const QString &bucket, const QString &key, const QString &versionId, const Tags &tags);
    // GLACIER and DEEP_ARCHIVE objects are archived: their bytes cannot be read (GetObject,
    // CopyObject, UploadPartCopy) unless a restored copy exists.
    static bool isArchived(const QString &storageClass);
    bool isRestored(const S3Object &object) const;
    // A restore was requested and its retrieval has not finished.
    bool isRestoring(const S3Object &object) const;
    // GetObject: InvalidObjectState for an archived object without a restored copy (also while
    // its restore is in progress, as in AWS).
    Status checkReadable(const S3Object &object) const;
    // How long a retrieval takes: the start of the range the RestoreObject API reference gives
    // for each tier (GLACIER: Expedited 1-5 minutes, Standard 3-5 hours, Bulk 5-12 hours;
    // DEEP_ARCHIVE: Standard within 12 hours, Bulk within 48 hours, no Expedited). Empty when
    // the tier is not offered for the storage class.
    static std::optional<qint64> retrievalMs(const QString &storageClass, const QString &tier);
    // RestoreObject with a tier (Standard, Bulk or Expedited). The restored copy becomes
    // readable when the retrieval finishes (retrievalMs, on the clock: moving it forward
    // finishes restores) and stays readable for `days`, until the midnight UTC after. While a
    // retrieval runs, a request for a faster tier speeds it up and any other is
    // RestoreAlreadyInProgress (409); a request for a restored copy sets its expiry anew.
    // Returns whether a restored copy already existed (AWS answers 200, otherwise 202
    // Accepted).
    Result<bool> restoreObject(const QString &bucket,
        const QString &key,
        const QString &versionId,
        int days,
        const QString &tier = QStringLiteral("Standard"));

    // Object Lock (s3objectlock.cpp, S3-20). Enabling it needs versioning Enabled
    // (InvalidBucketState otherwise) and versioning can then never be suspended. Retention and
    // legal hold operations on a bucket without it are InvalidRequest ("Bucket is missing
    // Object Lock Configuration"). Retentions end when the clock passes their date.
    Result<ObjectLockConfig> getObjectLockConfiguration(const QString &bucket) const;
    Status putObjectLockConfiguration(const QString &bucket, const ObjectLockConfig &config);
    // GetObjectRetention / GetObjectLegalHold: the version's lock as stored (an ended retention
    // is still reported, as AWS does).
    Result<ObjectLock> getObjectLock(
        const QString &bucket, const QString &key, const QString &versionId) const;
    // PutObjectRetention: mode empty and retainUntilMs -1 remove the retention. A running
    // GOVERNANCE retention may be shortened, removed or made COMPLIANCE only with
    // bypassGovernance, a running COMPLIANCE one never (AccessDenied); extending either in its
    // own mode is always allowed.
    Status putObjectRetention(const QString &bucket,
        const QString &key,
        const QString &versionId,
        const QString &mode,
        qint64 retainUntilMs,
        bool bypassGovernance);
    // PutObjectLegalHold: status ON or OFF.
    Status putObjectLegalHold(
        const QString &bucket, const QString &key, const QString &versionId, const QString &status);
    // AccessDenied ("... protected by object lock.") while the version has a legal hold or a
    // running retention (GOVERNANCE ones give way to bypassGovernance).
    Status checkDeletable(const S3Object &version, bool bypassGovernance) const;

    // checksum: x-amz-checksum-algorithm and x-amz-checksum-type (no value). The type defaults
    // to COMPOSITE (FULL_OBJECT for CRC64NVME); SHA checksums cannot be FULL_OBJECT, CRC64NVME
    // cannot be COMPOSITE (InvalidRequest).
    Result<MultipartUpload> createMultipartUpload(const QString &bucket,
        const QString &key,
        ObjectHeaders headers,
        Tags tags,
        const Checksum &checksum,
        AccessControlList acl = {},
        const ObjectLock &lock = {});
    Result<UploadPart> uploadPart(const QString &bucket,
        const QString &key,
        const QString &uploadId,
        int partNumber,
        ObjectBody body);
    Result<UploadPart> uploadPartCopy(const QString &bucket,
        const QString &key,
        const QString &uploadId,
        int partNumber,
        const CopySource &source,
        std::optional<std::pair<qint64, qint64>> range);
    // declared: the request's x-amz-checksum-type and x-amz-checksum-<algorithm> of the whole
    // object, checked against the upload's (BadDigest, InvalidRequest). A FULL_OBJECT checksum
    // is the CRC of all the bytes; a COMPOSITE one the checksum of the part checksums, "-N".
    Result<S3Object> completeMultipartUpload(const QString &bucket,
        const QString &key,
        const QString &uploadId,
        const QList<CompletedPart> &parts,
        const Checksum &declared = {});
    Status abortMultipartUpload(const QString &bucket, const QString &key, const QString &uploadId);
    Result<ListUploadsResult> listMultipartUploads(
        const QString &bucket, const ListUploadsQuery &query = {}) const;
    Result<ListPartsResult> listParts(const QString &bucket,
        const QString &key,
        const QString &uploadId,
        int partNumberMarker,
        int maxParts) const;

    // For the console: the API's bucket naming rules, a fresh staging file for an upload the UI
    // writes on a worker thread (then passes as ObjectBody::stagedFile), and presigned GET URLs.
    static bool isValidBucketName(const QString &name);
    QString newStagingFile() const;
    QString presignedGetUrl(const QString &endpoint,
        const QString &bucket,
        const QString &key,
        int expiresSeconds) const;

    // The multipart ETag: MD5 of the concatenated binary part MD5s, hex, plus "-<count>".
    static QString multipartEtag(const QList<QByteArray> &partMd5s);

signals:
    void bucketsChanged(const QList<Core::S3::Bucket> &buckets);
    void objectsChanged(const QStringList &buckets);

private:
    Status requireBucket(const QString &name) const;
    Result<S3Object> readVersion(
        const QString &bucket, const QString &key, const QString &versionId, bool withData) const;
    int applyLifecycleRule(
        const QString &bucket, const LifecycleRule &rule, qint64 now, bool variesByStorageClass);
    Result<QString> storeBody(ObjectBody &body, bool forceFile);
    // The Object Lock a new version gets: the requested one (retention needs both mode and a
    // future date: InvalidArgument) or else the bucket's default retention; any request
    // without Object Lock on the bucket is InvalidRequest.
    Result<ObjectLock> objectLockForWrite(const QString &bucket, const ObjectLock &requested) const;
    std::optional<ObjectLockConfig> objectLockConfig(const QString &bucket) const;
    Result<S3Object> insertNewVersion(S3Object object, const QString &fileId);
    // A new file with the bytes of an object file (a hard link, else a copy); its file id.
    Result<QString> duplicateFile(const QString &path);
    // PENDING when a replication rule of the bucket covers the new version, else empty.
    QString replicationStatusFor(const S3Object &object) const;
    void scheduleReplication();
    // Writes the replica of `source` (a version or a delete marker) into the rule's destination.
    Status replicateVersion(const S3Object &source, const ReplicationRule &rule);
    S3Object withPath(S3Object object) const;
    void fillEncryption(const QString &bucket, ObjectHeaders &headers) const;
    void touch(const QString &bucket, bool bucketList = false);
    void announce();
    void removeFilesLater(const QStringList &fileIds);
    std::shared_ptr<const NotificationConfig> notificationConfig(const QString &bucket) const;
    // Sends `eventName` (ObjectCreated:Put ...) about `object` to every matching destination.
    void notify(const QString &eventName, const S3Object &object);
    // ObjectRestore:Completed for retrievals that finished, ObjectRestore:Delete for restored
    // copies that expired, since the last call (on the lifecycle timer and clock jumps).
    void notifyRestoreTransitions();

    const Storage::Database &m_database;
    Clock *m_clock;
    ObjectFiles m_files;
    std::unique_ptr<S3Store> m_store;
    QString m_region;
    Coalescer *m_coalescer;
    QTimer m_lifecycleTimer;
    QTimer m_restoreTimer;
    QTimer m_replicationTimer;
    QTimer m_accessLogTimer;
    // Per source bucket: the records not yet delivered, and its configuration (nullopt: off),
    // dropped when it changes.
    QHash<QString, QList<AccessLogEntry>> m_accessLogs;
    mutable QHash<QString, std::optional<LoggingConfig>> m_loggingConfigs;
    mutable QHash<QString, std::optional<ReplicationConfig>> m_replicationConfigs;
    MetricSink *m_metricSink = nullptr;
    qint64 m_storageReportDay = -1;
    EventDestinations *m_destinations = nullptr;
    QString m_account;
    QString m_traceHeader;
    // Per bucket; null when it has no configuration. Dropped when the configuration changes.
    mutable QHash<QString, std::shared_ptr<const NotificationConfig>> m_notificationConfigs;
    quint64 m_eventCount = 0;
    bool m_inLifecycle = false; // removals are LifecycleExpiration events
    qint64 m_restoresCheckedMs = 0; // restores finishing after this time still get events
    QSet<QString> m_changedBuckets;
    bool m_bucketListChanged = false;
};

} // namespace Core::S3
