// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Core::S3 {

// A bucket's server access logging (S3-36, PutBucketLogging): where its log objects go.
// Plain value; any thread.
struct LoggingConfig
{
    QString targetBucket;
    QString targetPrefix;
    // TargetObjectKeyFormat: SimplePrefix ([prefix]yyyy-mm-dd-hh-mm-ss-id) or PartitionedPrefix
    // ([prefix]account/region/bucket/yyyy/mm/dd/yyyy-mm-dd-hh-mm-ss-id).
    bool partitioned = false;
    QString partitionDateSource = QStringLiteral("EventTime"); // or DeliveryTime

    // The BucketLoggingStatus document: nullopt for an empty one (logging off); MalformedXML for
    // what the schema refuses (no TargetBucket or TargetPrefix, both key formats, a bad source).
    static Result<std::optional<LoggingConfig>> parse(const QByteArray &xml);
    // The document GetBucketLogging answers; an empty status without a configuration.
    static QByteArray toXml(const std::optional<LoggingConfig> &config);
    // The key of a log object delivered at deliveredMs (UTC) for records of the source bucket.
    QString objectKey(const QString &account,
        const QString &region,
        const QString &sourceBucket,
        qint64 eventMs,
        qint64 deliveredMs,
        const QString &uniqueId) const;

    friend bool operator==(const LoggingConfig &, const LoggingConfig &) = default;
};

// One request as the access log records it; fields AWS leaves out are "-" on the line.
struct AccessLogEntry
{
    QString bucketOwner; // canonical user id
    QString bucket;
    qint64 timeMs = 0;
    QString remoteIp;
    QString requester; // canonical id or ARN; empty: anonymous
    QString requestId;
    QString operation; // REST.GET.OBJECT ...
    QString key;
    QString requestUri; // "GET /bucket/key HTTP/1.1"
    int status = 0;
    QString errorCode;
    qint64 bytesSent = -1;
    qint64 objectSize = -1;
    qint64 totalTimeMs = -1;
    QString referrer;
    QString userAgent;
    QString versionId;
    QString hostId;
    QString signatureVersion; // SigV2, SigV4
    QString authType; // AuthHeader, QueryString
    QString hostHeader;

    // The line in AWS's server access log format (space-separated, bracketed time, quoted
    // request URI, referrer and user agent).
    QString toLine() const;
    // REST.<METHOD>.<resource> for an S3 operation, as AWS names them in the log.
    static QString operationName(
        const QString &apiOperation, const QByteArray &method, bool objectLevel);
};

} // namespace Core::S3
