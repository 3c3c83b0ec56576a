// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/bucketconfig.h"
#include "core/s3/s3object.h"

namespace Core::S3 {

struct MultipartUpload
{
    QString uploadId;
    QString bucket;
    QString key;
    qint64 initiatedMs = 0;
    ObjectHeaders headers;
    Tags tags;
    QString checksumAlgorithm;
    QString checksumType; // COMPOSITE or FULL_OBJECT with an algorithm, else empty
    AccessControlList acl; // given at creation, applied to the object; empty: private
};

struct UploadPart
{
    int partNumber = 0;
    qint64 size = 0;
    QString etag; // quoted
    qint64 modifiedMs = 0;
    Checksum checksum;
    QString fileId;
    QString filePath;
};

// A part as CompleteMultipartUpload names it.
struct CompletedPart
{
    int partNumber = 0;
    QString etag;
    Checksum checksum; // optional in the request; must match the part's when given
};

// ListMultipartUploads: uploads in key order, then initiation order within a key.
struct ListUploadsQuery
{
    QString prefix;
    QString delimiter;
    QString keyMarker;
    QString uploadIdMarker; // only with keyMarker: uploads of that key after this one
    int maxUploads = 1000;
};

struct ListUploadsResult
{
    QList<MultipartUpload> uploads;
    QStringList commonPrefixes;
    bool truncated = false;
    QString nextKeyMarker;
    QString nextUploadIdMarker;
};

struct ListPartsResult
{
    MultipartUpload upload;
    QList<UploadPart> parts;
    bool truncated = false;
    int nextPartNumberMarker = 0;
};

} // namespace Core::S3
