// SPDX-License-Identifier: MIT
#include "core/s3/accesslog.h"

#include "core/s3/s3errors.h"
#include "core/s3/xmlelement.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QTimeZone>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"-"_s : text;
}

QString number(qint64 value)
{
    return value < 0 ? u"-"_s : QString::number(value);
}

QString quoted(const QString &text)
{
    return u'"' + (text.isEmpty() ? u"-"_s : QString(text).replace(u'"', u"\\\""_s)) + u'"';
}

} // namespace

Result<std::optional<LoggingConfig>> LoggingConfig::parse(const QByteArray &xml)
{
    const auto root = XmlElement::parse(xml);
    if (!root || root->name != u"BucketLoggingStatus"_s)
        return std::unexpected(Errors::malformedXml());
    const XmlElement *enabled = root->child(u"LoggingEnabled");
    if (!enabled)
        return std::optional<LoggingConfig>();
    if (!enabled->child(u"TargetBucket") || !enabled->child(u"TargetPrefix"))
        return std::unexpected(Errors::malformedXml());
    LoggingConfig config;
    config.targetBucket = enabled->childText(u"TargetBucket");
    config.targetPrefix = enabled->childText(u"TargetPrefix");
    if (const XmlElement *format = enabled->child(u"TargetObjectKeyFormat")) {
        const XmlElement *simple = format->child(u"SimplePrefix");
        const XmlElement *partitioned = format->child(u"PartitionedPrefix");
        if (simple && partitioned)
            return std::unexpected(Errors::malformedXml());
        if (partitioned) {
            config.partitioned = true;
            const QString source = partitioned->childText(u"PartitionDateSource");
            if (!source.isEmpty() && source != u"EventTime"_s && source != u"DeliveryTime"_s)
                return std::unexpected(Errors::malformedXml());
            if (!source.isEmpty())
                config.partitionDateSource = source;
        }
    }
    return std::optional<LoggingConfig>(config);
}

QByteArray LoggingConfig::toXml(const std::optional<LoggingConfig> &config)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartDocument();
    writer.writeStartElement(u"BucketLoggingStatus"_s);
    writer.writeDefaultNamespace(u"http://s3.amazonaws.com/doc/2006-03-01/"_s);
    if (config) {
        writer.writeStartElement(u"LoggingEnabled"_s);
        writer.writeTextElement(u"TargetBucket"_s, config->targetBucket);
        writer.writeTextElement(u"TargetPrefix"_s, config->targetPrefix);
        if (config->partitioned) {
            writer.writeStartElement(u"TargetObjectKeyFormat"_s);
            writer.writeStartElement(u"PartitionedPrefix"_s);
            writer.writeTextElement(u"PartitionDateSource"_s, config->partitionDateSource);
            writer.writeEndElement();
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

QString LoggingConfig::objectKey(const QString &account,
    const QString &region,
    const QString &sourceBucket,
    qint64 eventMs,
    qint64 deliveredMs,
    const QString &uniqueId) const
{
    const QDateTime delivered = QDateTime::fromMSecsSinceEpoch(deliveredMs, QTimeZone::utc());
    const QString name = delivered.toString(u"yyyy-MM-dd-HH-mm-ss-"_s) + uniqueId;
    if (!partitioned)
        return targetPrefix + name;
    const QDateTime partition = QDateTime::fromMSecsSinceEpoch(
        partitionDateSource == u"DeliveryTime"_s ? deliveredMs : eventMs, QTimeZone::utc());
    return targetPrefix + account + u'/' + region + u'/' + sourceBucket + u'/'
        + partition.toString(u"yyyy/MM/dd/"_s) + name;
}

QString AccessLogEntry::toLine() const
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(timeMs, QTimeZone::utc());
    const QString time = QLocale::c().toString(when, u"'['dd/MMM/yyyy:HH:mm:ss '+0000]'"_s);
    const QStringList fields = {orDash(bucketOwner),
        orDash(bucket),
        time,
        orDash(remoteIp),
        orDash(requester),
        orDash(requestId),
        orDash(operation),
        orDash(key),
        quoted(requestUri),
        number(status),
        orDash(errorCode),
        number(bytesSent),
        number(objectSize),
        number(totalTimeMs),
        u"-"_s, // turn-around time: not measured apart from the total
        quoted(referrer),
        quoted(userAgent),
        orDash(versionId),
        orDash(hostId),
        orDash(signatureVersion),
        u"-"_s, // cipher suite: the endpoint speaks plain HTTP
        orDash(authType),
        orDash(hostHeader),
        u"-"_s, // TLS version
        u"-"_s, // access point ARN
        u"-"_s}; // ACL required
    return fields.join(u' ');
}

QString AccessLogEntry::operationName(
    const QString &apiOperation, const QByteArray &method, bool objectLevel)
{
    // AWS's names for the operations whose resource is not simply the object or the bucket.
    static const QHash<QString, QString> named = {
        {u"ListObjects"_s, u"BUCKET"_s},
        {u"ListObjectsV2"_s, u"BUCKET"_s},
        {u"CreateBucket"_s, u"BUCKET"_s},
        {u"DeleteBucket"_s, u"BUCKET"_s},
        {u"HeadBucket"_s, u"BUCKET"_s},
        {u"ListObjectVersions"_s, u"BUCKETVERSIONS"_s},
        {u"DeleteObjects"_s, u"MULTI_OBJECT_DELETE"_s},
        {u"CreateMultipartUpload"_s, u"UPLOADS"_s},
        {u"ListMultipartUploads"_s, u"UPLOADS"_s},
        {u"UploadPart"_s, u"PART"_s},
        {u"UploadPartCopy"_s, u"PART"_s},
        {u"CompleteMultipartUpload"_s, u"UPLOAD"_s},
        {u"AbortMultipartUpload"_s, u"UPLOAD"_s},
        {u"ListParts"_s, u"UPLOAD"_s},
        {u"CopyObject"_s, u"OBJECT"_s},
        {u"GetBucketVersioning"_s, u"VERSIONING"_s},
        {u"PutBucketVersioning"_s, u"VERSIONING"_s},
        {u"GetBucketLogging"_s, u"LOGGING_STATUS"_s},
        {u"PutBucketLogging"_s, u"LOGGING_STATUS"_s},
        {u"GetBucketLocation"_s, u"LOCATION"_s},
        {u"GetBucketPolicy"_s, u"BUCKETPOLICY"_s},
        {u"PutBucketPolicy"_s, u"BUCKETPOLICY"_s},
        {u"DeleteBucketPolicy"_s, u"BUCKETPOLICY"_s},
        {u"GetBucketTagging"_s, u"TAGGING"_s},
        {u"PutBucketTagging"_s, u"TAGGING"_s},
        {u"DeleteBucketTagging"_s, u"TAGGING"_s},
        {u"GetObjectTagging"_s, u"OBJECT_TAGGING"_s},
        {u"PutObjectTagging"_s, u"OBJECT_TAGGING"_s},
        {u"DeleteObjectTagging"_s, u"OBJECT_TAGGING"_s},
        {u"GetBucketAcl"_s, u"ACL"_s},
        {u"PutBucketAcl"_s, u"ACL"_s},
        {u"GetObjectAcl"_s, u"ACL"_s},
        {u"PutObjectAcl"_s, u"ACL"_s},
        {u"GetBucketCors"_s, u"CORS"_s},
        {u"PutBucketCors"_s, u"CORS"_s},
        {u"DeleteBucketCors"_s, u"CORS"_s},
        {u"GetBucketLifecycleConfiguration"_s, u"LIFECYCLE"_s},
        {u"PutBucketLifecycleConfiguration"_s, u"LIFECYCLE"_s},
        {u"DeleteBucketLifecycle"_s, u"LIFECYCLE"_s},
        {u"GetBucketNotificationConfiguration"_s, u"NOTIFICATION"_s},
        {u"PutBucketNotificationConfiguration"_s, u"NOTIFICATION"_s},
        {u"GetBucketEncryption"_s, u"ENCRYPTION"_s},
        {u"PutBucketEncryption"_s, u"ENCRYPTION"_s},
        {u"DeleteBucketEncryption"_s, u"ENCRYPTION"_s},
        {u"GetBucketWebsite"_s, u"WEBSITE"_s},
        {u"PutBucketWebsite"_s, u"WEBSITE"_s},
        {u"DeleteBucketWebsite"_s, u"WEBSITE"_s},
        {u"GetBucketReplication"_s, u"REPLICATION"_s},
        {u"PutBucketReplication"_s, u"REPLICATION"_s},
        {u"DeleteBucketReplication"_s, u"REPLICATION"_s},
        {u"GetPublicAccessBlock"_s, u"PUBLIC_ACCESS_BLOCK"_s},
        {u"PutPublicAccessBlock"_s, u"PUBLIC_ACCESS_BLOCK"_s},
        {u"DeletePublicAccessBlock"_s, u"PUBLIC_ACCESS_BLOCK"_s},
        {u"GetObjectAttributes"_s, u"OBJECT_ATTRIBUTES"_s},
        {u"RestoreObject"_s, u"OBJECT_RESTORE"_s},
    };
    const QString resource = named.value(apiOperation, objectLevel ? u"OBJECT"_s : u"BUCKET"_s);
    if (apiOperation.startsWith(u"Website "_s)) // the website endpoint's requests
        return u"WEBSITE."_s + QString::fromLatin1(method) + u".OBJECT"_s;
    return u"REST."_s + QString::fromLatin1(method) + u'.' + resource;
}

} // namespace Core::S3
