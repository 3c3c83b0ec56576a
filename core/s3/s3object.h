// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/bucket.h"
#include "core/s3/objectlock.h"

#include <QByteArray>
#include <QStringList>

namespace Core::S3 {

// The system and user metadata PutObject stores and GetObject returns verbatim.
struct ObjectHeaders
{
    QString contentType;
    QString contentEncoding;
    QString contentDisposition;
    QString contentLanguage;
    QString cacheControl;
    QString expires;
    QString storageClass = QStringLiteral("STANDARD");
    // x-amz-server-side-encryption as stored with the object; empty in a request means "the
    // bucket's default encryption" (filled in when the object is written).
    QString serverSideEncryption;
    QString sseKmsKeyId;
    // x-amz-website-redirect-location: the website endpoint answers 301 to it.
    QString websiteRedirectLocation;
    // RestoreObject: when the restored copy of a GLACIER / DEEP_ARCHIVE object becomes readable
    // (the retrieval finishes; -1: no restore requested, or one from before retrievals took
    // time) and until when it stays readable (ms since epoch; -1 when never restored).
    qint64 restoreReadyMs = -1;
    qint64 restoreExpiryMs = -1;
    ObjectLock lock; // x-amz-object-lock-*: set by the service, never copied from a source
    // x-amz-replication-status: PENDING, COMPLETED or FAILED on a source version a replication
    // rule covers, REPLICA on the copy in the destination; empty otherwise.
    QString replicationStatus;
    QList<std::pair<QString, QString>> metadata; // x-amz-meta-* without the prefix, lower case
};

// A flexible checksum (x-amz-checksum-*), base64 as on the wire. type (x-amz-checksum-type) is
// FULL_OBJECT (single uploads; multipart CRCs over the whole object) or COMPOSITE (multipart: the
// checksum of the part checksums, value "<base64>-<parts>").
struct Checksum
{
    QString algorithm; // CRC32, CRC32C, CRC64NVME, SHA1, SHA256 or empty
    QString value;
    QString type;
    bool isEmpty() const { return algorithm.isEmpty(); }
};
inline constexpr auto FullObject = "FULL_OBJECT";
inline constexpr auto Composite = "COMPOSITE";

// One part of an object CompleteMultipartUpload assembled, as GetObjectAttributes lists it.
struct ObjectPart
{
    int partNumber = 0;
    qint64 size = 0;
    Checksum checksum; // the part's own checksum (no type); empty when uploaded without one
};

// GetObjectAttributes' ObjectParts: one page of a multipart object's parts. AWS lists the parts
// only of objects with a COMPOSITE checksum (none without an additional checksum or with a
// FULL_OBJECT one); otherwise only the count is reported (listed false).
struct ObjectPartsPage
{
    int totalPartsCount = 0;
    bool listed = false;
    int partNumberMarker = 0;
    int nextPartNumberMarker = 0;
    int maxParts = 1000;
    bool truncated = false;
    QList<ObjectPart> parts;
};

// One version of one key (with versioning off there is one, "null"). Bytes live inline (small
// objects) or in a file under the state folder named by a generated id, never by the key.
struct S3Object
{
    QString bucket;
    QString key;
    QString versionId = QStringLiteral("null");
    bool isLatest = true;
    bool deleteMarker = false;
    qint64 size = 0;
    QString etag; // with quotes, as on the wire
    qint64 modifiedMs = 0;
    ObjectHeaders headers;
    Tags tags;
    Checksum checksum;
    int partsCount = 0;
    QList<ObjectPart> parts; // multipart objects (CompleteMultipartUpload) only
    QByteArray inlineData;
    QString fileId; // under the objects folder; empty when inline
    QString filePath;
};

struct ListObjectsQuery
{
    QString prefix;
    QString delimiter;
    QString after; // Marker, StartAfter or the decoded continuation token
    int maxKeys = 1000;
};

struct ListObjectsResult
{
    QList<S3Object> contents;
    QStringList commonPrefixes;
    bool truncated = false;
    QString last; // the last key or common prefix returned (NextMarker, continuation)
};

struct ListVersionsQuery
{
    QString prefix;
    QString delimiter;
    QString keyMarker;
    QString versionIdMarker;
    int maxKeys = 1000;
};

struct ListVersionsResult
{
    QList<S3Object> versions; // delete markers included, newest first per key
    QStringList commonPrefixes;
    bool truncated = false;
    QString nextKeyMarker;
    QString nextVersionIdMarker;
};

struct DeleteResult
{
    QString versionId; // the version removed or the delete marker created; empty if none
    bool deleteMarker = false;
};

} // namespace Core::S3

Q_DECLARE_METATYPE(Core::S3::S3Object)
