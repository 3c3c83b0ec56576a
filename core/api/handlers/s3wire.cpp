// SPDX-License-Identifier: MIT
// Helpers shared by the S3 handler files: object headers, tagging headers, conditions.
#include "core/api/handlers/s3handler.h"

#include "core/api/handlers/s3requestbody.h"
#include "core/api/handlers/s3xml.h"
#include "core/s3/s3errors.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

QString unquoted(const QByteArray &etag)
{
    QString text = QString::fromLatin1(etag).trimmed();
    if (text.startsWith(u"W/"_s))
        text = text.mid(2);
    if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"'))
        text = text.mid(1, text.size() - 2);
    return text;
}

} // namespace

namespace S3Wire {

bool etagMatches(const QByteArray &header, const QString &etag)
{
    const QString bare = etag.mid(1, etag.size() - 2);
    for (const QByteArray &candidate : header.split(',')) {
        const QString value = unquoted(candidate);
        if (value == u"*"_s || value == bare)
            return true;
    }
    return false;
}

S3::ObjectHeaders headersFromRequest(const HttpRequest &request)
{
    S3::ObjectHeaders headers;
    headers.contentType = QString::fromUtf8(request.header("content-type"));
    if (headers.contentType.isEmpty())
        headers.contentType = u"binary/octet-stream"_s;
    headers.contentEncoding = storedContentEncoding(request);
    headers.contentDisposition = QString::fromUtf8(request.header("content-disposition"));
    headers.contentLanguage = QString::fromUtf8(request.header("content-language"));
    headers.cacheControl = QString::fromUtf8(request.header("cache-control"));
    headers.expires = QString::fromUtf8(request.header("expires"));
    headers.serverSideEncryption =
        QString::fromLatin1(request.header("x-amz-server-side-encryption"));
    if (headers.serverSideEncryption.startsWith(u"aws:kms"_s))
        headers.sseKmsKeyId =
            QString::fromUtf8(request.header("x-amz-server-side-encryption-aws-kms-key-id"));
    headers.websiteRedirectLocation =
        QString::fromUtf8(request.header("x-amz-website-redirect-location"));
    const QByteArray storageClass = request.header("x-amz-storage-class");
    if (!storageClass.isEmpty())
        headers.storageClass = QString::fromLatin1(storageClass);
    for (const auto &[name, value] : request.headers) {
        if (name.size() > 11 && name.toLower().startsWith("x-amz-meta-"))
            headers.metadata.append(
                {QString::fromLatin1(name.mid(11)).toLower(), QString::fromUtf8(value)});
    }
    return headers;
}

void setObjectHeaders(HttpResponse &response, const S3::S3Object &object)
{
    const S3::ObjectHeaders &headers = object.headers;
    response.setHeader("Content-Type", headers.contentType.toUtf8());
    const auto optional = [&response](const QByteArray &name, const QString &value) {
        if (!value.isEmpty())
            response.setHeader(name, value.toUtf8());
    };
    optional("Content-Encoding", headers.contentEncoding);
    optional("Content-Disposition", headers.contentDisposition);
    optional("Content-Language", headers.contentLanguage);
    optional("x-amz-website-redirect-location", headers.websiteRedirectLocation);
    optional("Cache-Control", headers.cacheControl);
    optional("Expires", headers.expires);
    if (headers.storageClass != u"STANDARD"_s)
        optional("x-amz-storage-class", headers.storageClass);
    for (const auto &[name, value] : headers.metadata)
        response.setHeader("x-amz-meta-" + name.toLatin1(), value.toUtf8());
    response.setHeader("ETag", object.etag.toLatin1());
    response.setHeader("Last-Modified", S3Xml::httpDate(object.modifiedMs));
    response.setHeader("Accept-Ranges", "bytes");
    if (object.versionId != u"null"_s)
        response.setHeader("x-amz-version-id", object.versionId.toLatin1());
    if (!object.tags.isEmpty())
        response.setHeader("x-amz-tagging-count", QByteArray::number(object.tags.size()));
    if (object.partsCount > 0)
        response.setHeader("x-amz-mp-parts-count", QByteArray::number(object.partsCount));
    setEncryptionHeaders(response, headers);
    if (headers.lock.hasRetention()) {
        response.setHeader("x-amz-object-lock-mode", headers.lock.mode.toLatin1());
        response.setHeader("x-amz-object-lock-retain-until-date",
            S3Xml::isoTime(headers.lock.retainUntilMs).toLatin1());
    }
    optional("x-amz-object-lock-legal-hold", headers.lock.legalHold);
    optional("x-amz-replication-status", headers.replicationStatus);
}

bool hasIntegrityCheck(const HttpRequest &request)
{
    static const QByteArray checksumHeaders[] = {"content-md5",
        "x-amz-checksum-crc32",
        "x-amz-checksum-crc32c",
        "x-amz-checksum-crc64nvme",
        "x-amz-checksum-sha1",
        "x-amz-checksum-sha256"};
    return std::any_of(std::begin(checksumHeaders),
               std::end(checksumHeaders),
               [&request](const QByteArray &name) { return request.hasHeader(name); })
        || request.header("x-amz-trailer").startsWith("x-amz-checksum-");
}

qint64 parseIsoTime(const QString &text)
{
    QString trimmed = text.trimmed();
    // Qt reads milliseconds only: SDKs may send microseconds (botocore's %f).
    static const QRegularExpression fraction(u"(\\.\\d{3})\\d+"_s);
    trimmed.replace(fraction, u"\\1"_s);
    const QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return parsed.isValid() && trimmed.contains(u'T') ? parsed.toMSecsSinceEpoch() : -1;
}

Result<S3::ObjectLock> objectLockFromRequest(const HttpRequest &request)
{
    S3::ObjectLock lock;
    if (request.hasHeader("x-amz-object-lock-mode")) {
        lock.mode = QString::fromLatin1(request.header("x-amz-object-lock-mode"));
        if (!S3::isObjectLockMode(lock.mode))
            return std::unexpected(S3::Errors::invalidArgument(
                u"Unknown wormMode directive."_s, u"x-amz-object-lock-mode"_s, lock.mode));
    }
    if (request.hasHeader("x-amz-object-lock-retain-until-date")) {
        const QString text =
            QString::fromLatin1(request.header("x-amz-object-lock-retain-until-date"));
        lock.retainUntilMs = parseIsoTime(text);
        if (lock.retainUntilMs < 0)
            return std::unexpected(
                S3::Errors::invalidArgument(u"The retain until date must be provided in ISO 8601 "
                                            u"format"_s,
                    u"x-amz-object-lock-retain-until-date"_s,
                    text));
    }
    if (request.hasHeader("x-amz-object-lock-legal-hold")) {
        lock.legalHold = QString::fromLatin1(request.header("x-amz-object-lock-legal-hold"));
        if (lock.legalHold != u"ON"_s && lock.legalHold != u"OFF"_s)
            return std::unexpected(
                S3::Errors::invalidArgument(u"Legal Hold must be either of 'ON' or 'OFF'"_s,
                    u"x-amz-object-lock-legal-hold"_s,
                    lock.legalHold));
    }
    return lock;
}

Status checkWriteHeaders(const HttpRequest &request)
{
    if (request.hasHeader("x-amz-server-side-encryption")
        && !S3::isSseAlgorithm(QString::fromLatin1(request.header("x-amz-server-side-encryption"))))
        return std::unexpected(
            S3::Errors::invalidArgument(u"The encryption method specified is not supported"_s,
                u"x-amz-server-side-encryption"_s,
                QString::fromLatin1(request.header("x-amz-server-side-encryption"))));
    static const QSet<QByteArray> storageClasses = {"STANDARD",
        "REDUCED_REDUNDANCY",
        "STANDARD_IA",
        "ONEZONE_IA",
        "INTELLIGENT_TIERING",
        "GLACIER",
        "DEEP_ARCHIVE",
        "OUTPOSTS",
        "GLACIER_IR",
        "SNOW",
        "EXPRESS_ONEZONE"};
    if (request.hasHeader("x-amz-storage-class")
        && !storageClasses.contains(request.header("x-amz-storage-class")))
        return std::unexpected(S3::Errors::invalidStorageClass());
    const QByteArray redirect = request.header("x-amz-website-redirect-location");
    if (!redirect.isEmpty() && !redirect.startsWith('/') && !redirect.startsWith("http://")
        && !redirect.startsWith("https://"))
        return std::unexpected(S3::Errors::invalidArgument(
            u"The website redirect location must have a prefix of 'http://' or 'https://' or '/'."_s,
            u"x-amz-website-redirect-location"_s,
            QString::fromUtf8(redirect)));
    return {};
}

Status checkCopySourceConditions(const HttpRequest &request, const S3::S3Object &source)
{
    // As for GET (RFC 7232): If-Match outranks If-Unmodified-Since, If-None-Match outranks
    // If-Modified-Since; unparsable dates are ignored.
    const qint64 modifiedSeconds = source.modifiedMs / 1000;
    const QByteArray ifMatch = request.header("x-amz-copy-source-if-match");
    const QByteArray ifNoneMatch = request.header("x-amz-copy-source-if-none-match");
    if (!ifMatch.isEmpty()) {
        if (!etagMatches(ifMatch, source.etag))
            return std::unexpected(S3::Errors::preconditionFailed(u"x-amz-copy-source-If-Match"_s));
    } else if (request.hasHeader("x-amz-copy-source-if-unmodified-since")) {
        const qint64 since =
            S3Xml::parseHttpDate(request.header("x-amz-copy-source-if-unmodified-since"));
        if (since >= 0 && modifiedSeconds > since / 1000)
            return std::unexpected(
                S3::Errors::preconditionFailed(u"x-amz-copy-source-If-Unmodified-Since"_s));
    }
    if (!ifNoneMatch.isEmpty()) {
        if (etagMatches(ifNoneMatch, source.etag))
            return std::unexpected(
                S3::Errors::preconditionFailed(u"x-amz-copy-source-If-None-Match"_s));
    } else if (request.hasHeader("x-amz-copy-source-if-modified-since")) {
        const qint64 since =
            S3Xml::parseHttpDate(request.header("x-amz-copy-source-if-modified-since"));
        if (since >= 0 && modifiedSeconds <= since / 1000)
            return std::unexpected(
                S3::Errors::preconditionFailed(u"x-amz-copy-source-If-Modified-Since"_s));
    }
    return {};
}

Result<bool> urlEncodingRequested(const HttpRequest &request)
{
    if (!request.hasQueryItem(u"encoding-type"))
        return false;
    const QString value = request.queryItem(u"encoding-type");
    if (value != u"url"_s)
        return std::unexpected(S3::Errors::invalidArgument(
            u"Invalid Encoding Method specified in Request"_s, u"encoding-type"_s, value));
    return true;
}

QString urlEncodeKey(const QString &key)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(key, "/").replace("%20", "+"));
}

Result<QList<std::pair<QString, QString>>> parseTaggingHeader(const QByteArray &header)
{
    QList<std::pair<QString, QString>> tags;
    for (const auto &[key, value] : parseFormEncoded(header)) {
        if (key.isEmpty() || key.size() > 128)
            return std::unexpected(
                S3::Errors::invalidTag(u"The TagKey you have provided is invalid"_s));
        if (value.size() > 256)
            return std::unexpected(
                S3::Errors::invalidTag(u"The TagValue you have provided is invalid"_s));
        if (key.startsWith(u"aws:"_s))
            return std::unexpected(
                S3::Errors::invalidTag(u"Your TagKey cannot be prefixed with aws:"_s));
        tags.append({key, value});
    }
    if (tags.size() > 10)
        return std::unexpected(
            AwsError{u"BadRequest"_s, u"Object tags cannot be greater than 10"_s, 400, true});
    return tags;
}

} // namespace S3Wire

} // namespace Core::Api
