// SPDX-License-Identifier: MIT
// S3Handler: object operations.
#include "core/api/handlers/s3handler.h"

#include "core/api/handlers/s3requestbody.h"
#include "core/api/handlers/s3xml.h"
#include "core/api/protocols/restxmlprotocol.h"
#include "core/common/clock.h"
#include "core/s3/bucketname.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

constexpr int MaxListKeys = 1000;

// bytes=a-b, bytes=a-, bytes=-n. nullopt: no usable range (AWS then sends the whole object).
std::optional<std::pair<qint64, qint64>> parseRange(
    const QByteArray &header, qint64 size, bool *unsatisfiable)
{
    *unsatisfiable = false;
    const QByteArray text = header.trimmed();
    if (!text.startsWith("bytes=") || text.contains(','))
        return std::nullopt;
    const QByteArray spec = text.mid(6);
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArray first = spec.left(dash).trimmed();
    const QByteArray last = spec.mid(dash + 1).trimmed();
    bool okFirst = false;
    bool okLast = false;
    if (first.isEmpty()) {
        const qint64 suffix = last.toLongLong(&okLast);
        if (!okLast || suffix < 0)
            return std::nullopt;
        if (suffix == 0 || size == 0) {
            *unsatisfiable = true;
            return std::nullopt;
        }
        return std::pair{qMax<qint64>(0, size - suffix), size - 1};
    }
    const qint64 start = first.toLongLong(&okFirst);
    if (!okFirst || start < 0)
        return std::nullopt;
    qint64 end = size - 1;
    if (!last.isEmpty()) {
        end = last.toLongLong(&okLast);
        if (!okLast || end < start)
            return std::nullopt;
    }
    // Checked after the syntax only: bytes=10- on 10 bytes is unsatisfiable (416), not an end
    // before its start; so is any range of an empty object.
    if (start >= size) {
        *unsatisfiable = true;
        return std::nullopt;
    }
    return std::pair{start, qMin(end, size - 1)};
}

std::optional<S3::CopySource> parseCopySource(const QByteArray &header)
{
    QByteArray text = header;
    QString versionId;
    const qsizetype question = text.indexOf('?');
    if (question >= 0) {
        for (const auto &[name, value] : parseFormEncoded(text.mid(question + 1))) {
            if (name == u"versionId"_s)
                versionId = value;
        }
        text = text.left(question);
    }
    QString path = percentDecode(text, false);
    if (path.startsWith(u'/'))
        path = path.mid(1);
    const qsizetype slash = path.indexOf(u'/');
    if (slash <= 0 || slash == path.size() - 1)
        return std::nullopt;
    return S3::CopySource{path.left(slash), path.mid(slash + 1), versionId};
}

void writeObjectOwner(QXmlStreamWriter &xml)
{
    xml.writeStartElement(u"Owner"_s);
    xml.writeTextElement(u"ID"_s, QLatin1StringView(S3::OwnerId));
    xml.writeTextElement(u"DisplayName"_s, u"cloudbench"_s);
    xml.writeEndElement();
}

QByteArray base64Token(const QString &cursor)
{
    return cursor.toUtf8().toBase64();
}

} // namespace

void S3Handler::putObject(Call &call)
{
    const HttpRequest &http = call.request.http;
    if (call.target.key.toUtf8().size() > S3::MaxKeyBytes)
        return fail(call, S3::Errors::keyTooLong());
    auto tags = S3Wire::parseTaggingHeader(http.header("x-amz-tagging"));
    if (!tags)
        return fail(call, tags.error());
    if (auto valid = S3Wire::checkWriteHeaders(http); !valid)
        return fail(call, valid.error());
    const auto acl = S3Wire::aclFromRequest(http, false);
    if (!acl)
        return fail(call, acl.error());
    if (acl->has_value()) {
        if (auto allowed = m_service->checkObjectAcl(call.target.bucket, **acl); !allowed)
            return fail(call, allowed.error());
    }
    const auto lock = S3Wire::objectLockFromRequest(http);
    if (!lock)
        return fail(call, lock.error());
    if (!lock->isEmpty() && !S3Wire::hasIntegrityCheck(http))
        return fail(call,
            S3::Errors::invalidRequest(u"Content-MD5 OR x-amz-checksum- HTTP header is required "
                                       u"for Put Object requests with Object Lock parameters"_s));
    auto body = readS3Body(http, m_service->files());
    if (!body)
        return fail(call, body.error());
    const QString checksumAlgorithm = body->checksum.algorithm;
    const auto object = m_service->putObject(call.target.bucket,
        call.target.key,
        S3Wire::headersFromRequest(http),
        std::move(*tags),
        std::move(*body),
        *lock);
    if (!object)
        return fail(call, object.error());
    if (acl->has_value() && S3::grantsOthers(**acl)) {
        if (auto stored =
                m_service->putObjectAcl(object->bucket, object->key, object->versionId, **acl);
            !stored)
            return fail(call, stored.error());
    }
    HttpResponse response = RestXmlProtocol::xml(200, {}, call.request.requestId);
    response.setHeader("ETag", object->etag.toLatin1());
    S3Wire::setEncryptionHeaders(response, object->headers);
    if (object->versionId != u"null"_s)
        response.setHeader("x-amz-version-id", object->versionId.toLatin1());
    if (!object->checksum.isEmpty()) {
        response.setHeader("x-amz-checksum-" + object->checksum.algorithm.toLower().toLatin1(),
            object->checksum.value.toLatin1());
        response.setHeader("x-amz-checksum-type", object->checksum.type.toLatin1());
    }
    send(call, std::move(response));
}

void S3Handler::getObject(Call &call)
{
    const HttpRequest &http = call.request.http;
    const bool isHead = http.method == "HEAD";
    int partNumber = 0;
    if (http.hasQueryItem(u"partNumber")) {
        const QString text = http.queryItem(u"partNumber");
        bool valid = false;
        partNumber = text.toInt(&valid);
        if (!valid || partNumber < 1 || partNumber > 10000)
            return fail(call,
                S3::Errors::invalidArgument(
                    u"Part number must be an integer between 1 and 10000, inclusive"_s,
                    u"partNumber"_s,
                    text));
        if (http.hasHeader("range"))
            return fail(call,
                S3::Errors::invalidRequest(
                    u"Cannot specify both Range header and partNumber query parameter"_s));
    }
    const auto object =
        m_service->getObject(call.target.bucket, call.target.key, http.queryItem(u"versionId"));
    if (!object)
        return fail(call, object.error());
    if (!isHead) {
        if (auto readable = m_service->checkReadable(*object); !readable)
            return fail(call, readable.error());
    }

    // Conditional requests (RFC 7232 as S3 applies them).
    const QByteArray ifMatch = http.header("if-match");
    const QByteArray ifNoneMatch = http.header("if-none-match");
    const qint64 modifiedSeconds = object->modifiedMs / 1000;
    if (!ifMatch.isEmpty() && !S3Wire::etagMatches(ifMatch, object->etag))
        return fail(call, S3::Errors::preconditionFailed(u"If-Match"_s));
    if (ifMatch.isEmpty() && http.hasHeader("if-unmodified-since")) {
        const qint64 since = S3Xml::parseHttpDate(http.header("if-unmodified-since"));
        if (since >= 0 && modifiedSeconds > since / 1000)
            return fail(call, S3::Errors::preconditionFailed(u"If-Unmodified-Since"_s));
    }
    bool notModified = false;
    if (!ifNoneMatch.isEmpty()) {
        notModified = S3Wire::etagMatches(ifNoneMatch, object->etag);
    } else if (http.hasHeader("if-modified-since")) {
        const qint64 since = S3Xml::parseHttpDate(http.header("if-modified-since"));
        notModified = since >= 0 && modifiedSeconds <= since / 1000;
    }
    if (notModified) {
        HttpResponse response = RestXmlProtocol::xml(304, {}, call.request.requestId);
        response.setHeader("ETag", object->etag.toLatin1());
        response.setHeader("Last-Modified", S3Xml::httpDate(object->modifiedMs));
        return send(call, std::move(response));
    }

    qint64 offset = 0;
    qint64 length = object->size;
    int status = 200;
    // GetObject / HeadObject ?partNumber=N: part N of a multipart object (parts numbered 1..count
    // in the order CompleteMultipartUpload assembled them), 206 with its byte range; an object
    // from a single PUT is one part. Multipart objects completed before part sizes were kept
    // answer as one part too.
    if (partNumber > 0) {
        const auto &parts = object->parts;
        const int count = parts.isEmpty() ? 1 : int(parts.size());
        if (partNumber > count)
            return fail(call, S3::Errors::invalidPartNumber(partNumber, count));
        if (!parts.isEmpty()) {
            for (int i = 0; i < partNumber - 1; ++i)
                offset += parts[i].size;
            length = parts[partNumber - 1].size;
        }
        status = object->size > 0 ? 206 : 200;
    } else if (http.hasHeader("range")) {
        bool unsatisfiable = false;
        const auto range = parseRange(http.header("range"), object->size, &unsatisfiable);
        if (unsatisfiable)
            return fail(call,
                S3::Errors::invalidRange(object->size, QString::fromLatin1(http.header("range"))));
        if (range) {
            offset = range->first;
            length = range->second - range->first + 1;
            status = 206;
        }
    }

    HttpResponse response = RestXmlProtocol::xml(status, {}, call.request.requestId);
    S3Wire::setObjectHeaders(response, *object);
    if (m_service->isRestoring(*object))
        response.setHeader("x-amz-restore", "ongoing-request=\"true\"");
    else if (object->headers.restoreExpiryMs > m_service->clock()->nowMs())
        response.setHeader("x-amz-restore",
            "ongoing-request=\"false\", expiry-date=\""
                + S3Xml::httpDate(object->headers.restoreExpiryMs) + '"');
    if (partNumber > 0 && !object->parts.isEmpty())
        response.setHeader("x-amz-mp-parts-count", QByteArray::number(object->parts.size()));
    if (status == 206)
        response.setHeader("Content-Range",
            "bytes " + QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1)
                + '/' + QByteArray::number(object->size));
    // The checksum covers the whole object: ranged answers carry none, as in AWS.
    if (status == 200 && http.header("x-amz-checksum-mode").toUpper() == "ENABLED"
        && !object->checksum.isEmpty()) {
        response.setHeader("x-amz-checksum-" + object->checksum.algorithm.toLower().toLatin1(),
            object->checksum.value.toLatin1());
        response.setHeader("x-amz-checksum-type", object->checksum.type.toLatin1());
    }
    // Presigned GETs may override the stored headers.
    static const std::array overrides = {std::pair{u"response-content-type", "Content-Type"},
        std::pair{u"response-content-disposition", "Content-Disposition"},
        std::pair{u"response-content-encoding", "Content-Encoding"},
        std::pair{u"response-content-language", "Content-Language"},
        std::pair{u"response-cache-control", "Cache-Control"},
        std::pair{u"response-expires", "Expires"}};
    for (const auto &[parameter, header] : overrides) {
        if (!http.hasQueryItem(QStringView(parameter)))
            continue;
        const QString value = http.queryItem(QStringView(parameter));
        // GetObject: control characters (CR/LF above all) would end the header early, so S3
        // answers 400. The value is not echoed: a NUL cannot be written into the XML document.
        const bool control = std::any_of(value.cbegin(), value.cend(), [](QChar character) {
            return (character.unicode() < 0x20 && character != u'\t') || character == u'\x7f';
        });
        if (control)
            return fail(call,
                S3::Errors::invalidArgument(u"The value of the query parameter "_s
                    + QString::fromUtf16(parameter) + u" must not contain control characters"_s));
        response.setHeader(header, value.toUtf8());
    }
    if (isHead) {
        response.headContentLength = length;
    } else if (object->filePath.isEmpty()) {
        response.body = object->inlineData.mid(offset, length);
    } else {
        response.bodyFile = object->filePath;
        response.bodyFileOffset = offset;
        response.bodyFileLength = length;
    }
    send(call, std::move(response));
}

void S3Handler::deleteObject(Call &call)
{
    const auto bypass = bypassGovernance(call);
    if (!bypass)
        return fail(call, bypass.error());
    const auto result = m_service->deleteObject(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"versionId"), *bypass);
    if (!result)
        return fail(call, result.error());
    HttpResponse response = RestXmlProtocol::xml(204, {}, call.request.requestId);
    if (!result->versionId.isEmpty())
        response.setHeader("x-amz-version-id", result->versionId.toLatin1());
    if (result->deleteMarker)
        response.setHeader("x-amz-delete-marker", "true");
    send(call, std::move(response));
}

void S3Handler::deleteObjects(Call &call)
{
    // DeleteObjects requires an integrity check: Content-MD5 or a flexible checksum (SDKs since
    // 2025 send x-amz-checksum-crc32 instead of Content-MD5).
    if (!S3Wire::hasIntegrityCheck(call.request.http))
        return fail(call,
            S3::Errors::invalidRequest(u"Missing required header for this request: Content-MD5"_s));
    const auto root = S3Xml::parse(call.request.http.bodyBytes());
    if (!root || root->name != u"Delete"_s)
        return fail(call, S3::Errors::malformedXml());
    const QList<const S3Xml::Node *> objects = root->all(u"Object");
    if (objects.isEmpty() || objects.size() > 1000)
        return fail(call, S3::Errors::malformedXml());
    if (!m_service->headBucket(call.target.bucket))
        return fail(call, S3::Errors::noSuchBucket(call.target.bucket));
    const bool quiet = root->childText(u"Quiet").trimmed() == u"true"_s;
    const auto bypass = bypassGovernance(call);
    if (!bypass)
        return fail(call, bypass.error());
    const QString bucket = call.target.bucket;
    const S3::PolicyPrincipal who = principal(call.request);
    // Signed requests to a bucket without a policy need no check per key.
    const bool check = who.isAnonymous() || m_service->hasBucketPolicy(bucket);
    const S3::PolicyContext context =
        check ? policyContext(call.request.http, who) : S3::PolicyContext();
    S3::S3Service *service = m_service;
    ok(call, S3Xml::document(u"DeleteResult"_s, [&](QXmlStreamWriter &xml) {
        for (const S3Xml::Node *entry : objects) {
            const QString key = entry->childText(u"Key");
            const QString versionId = entry->childText(u"VersionId");
            Result<S3::DeleteResult> result = std::unexpected(AwsError{});
            if (key.isEmpty() || key.toUtf8().size() > S3::MaxKeyBytes) {
                result = std::unexpected(S3::Errors::keyTooLong());
            } else if (auto allowed = check ? service->authorize(bucket,
                                          key,
                                          versionId,
                                          versionId.isEmpty() ? u"s3:DeleteObject"_s
                                                              : u"s3:DeleteObjectVersion"_s,
                                          who,
                                          context)
                                            : Status();
                       !allowed) {
                result = std::unexpected(allowed.error());
            } else if (const auto existing = service->getObject(bucket, key, versionId);
                       !versionId.isEmpty() && versionId != u"null"_s && !existing
                       && existing.error().code == u"NoSuchVersion"_s) {
                result = std::unexpected(existing.error());
            } else {
                result = service->deleteObject(bucket, key, versionId, *bypass);
            }
            if (!result) {
                xml.writeStartElement(u"Error"_s);
                xml.writeTextElement(u"Key"_s, key);
                if (!versionId.isEmpty())
                    xml.writeTextElement(u"VersionId"_s, versionId);
                xml.writeTextElement(u"Code"_s, result.error().code);
                xml.writeTextElement(u"Message"_s, result.error().message);
                xml.writeEndElement();
                continue;
            }
            if (quiet)
                continue;
            xml.writeStartElement(u"Deleted"_s);
            xml.writeTextElement(u"Key"_s, key);
            if (!versionId.isEmpty())
                xml.writeTextElement(u"VersionId"_s, versionId);
            if (result->deleteMarker) {
                xml.writeTextElement(u"DeleteMarker"_s, u"true"_s);
                if (versionId.isEmpty())
                    xml.writeTextElement(u"DeleteMarkerVersionId"_s, result->versionId);
            }
            xml.writeEndElement();
        }
    }));
}

void S3Handler::copyObject(Call &call)
{
    const HttpRequest &http = call.request.http;
    const auto source = parseCopySource(http.header("x-amz-copy-source"));
    if (!source)
        return fail(call,
            S3::Errors::invalidArgument(u"Invalid copy source object key"_s,
                u"x-amz-copy-source"_s,
                QString::fromUtf8(http.header("x-amz-copy-source"))));
    if (auto valid = S3Wire::checkWriteHeaders(http); !valid)
        return fail(call, valid.error());
    // The copy gets the ACL of the request (the source's is not copied), as in AWS.
    const auto acl = S3Wire::aclFromRequest(http, false);
    if (!acl)
        return fail(call, acl.error());
    if (acl->has_value()) {
        if (auto allowed = m_service->checkObjectAcl(call.target.bucket, **acl); !allowed)
            return fail(call, allowed.error());
    }
    const QByteArray directive = http.header("x-amz-metadata-directive").toUpper();
    if (!directive.isEmpty() && directive != "COPY" && directive != "REPLACE")
        return fail(call,
            S3::Errors::invalidArgument(u"Unknown metadata directive."_s,
                u"x-amz-metadata-directive"_s,
                QString::fromLatin1(directive)));
    const QByteArray tagDirective = http.header("x-amz-tagging-directive").toUpper();
    std::optional<S3::ObjectHeaders> headers;
    if (directive == "REPLACE")
        headers = S3Wire::headersFromRequest(http);
    std::optional<S3::Tags> tags;
    if (tagDirective == "REPLACE") {
        auto parsed = S3Wire::parseTaggingHeader(http.header("x-amz-tagging"));
        if (!parsed)
            return fail(call, parsed.error());
        tags = *parsed;
    }
    if (source->bucket == call.target.bucket && source->key == call.target.key && !headers
        && !http.hasHeader("x-amz-storage-class") && source->versionId.isEmpty())
        return fail(call,
            S3::Errors::invalidRequest(
                u"This copy request is illegal because it is trying to copy an object to itself "
                u"without changing the object's metadata, storage class, website redirect "
                u"location or encryption attributes."_s));
    const auto original = m_service->getObject(source->bucket, source->key, source->versionId);
    if (!original)
        return fail(call, original.error());
    if (auto holds = S3Wire::checkCopySourceConditions(http, *original); !holds)
        return fail(call, holds.error());
    if (!headers && http.hasHeader("x-amz-storage-class")) {
        headers = original->headers;
        headers->storageClass = QString::fromLatin1(http.header("x-amz-storage-class"));
    }
    const auto lock = S3Wire::objectLockFromRequest(http);
    if (!lock)
        return fail(call, lock.error());
    const auto copied =
        m_service->copyObject(*source, call.target.bucket, call.target.key, headers, tags, *lock);
    if (!copied)
        return fail(call, copied.error());
    if (acl->has_value() && S3::grantsOthers(**acl)) {
        if (auto stored =
                m_service->putObjectAcl(copied->bucket, copied->key, copied->versionId, **acl);
            !stored)
            return fail(call, stored.error());
    }
    HttpResponse response = RestXmlProtocol::xml(200,
        S3Xml::document(u"CopyObjectResult"_s,
            [&copied](QXmlStreamWriter &xml) {
                xml.writeTextElement(u"LastModified"_s, S3Xml::isoTime(copied->modifiedMs));
                xml.writeTextElement(u"ETag"_s, copied->etag);
            }),
        call.request.requestId);
    if (copied->versionId != u"null"_s)
        response.setHeader("x-amz-version-id", copied->versionId.toLatin1());
    S3Wire::setEncryptionHeaders(response, copied->headers);
    if (!source->versionId.isEmpty())
        response.setHeader("x-amz-copy-source-version-id", source->versionId.toLatin1());
    send(call, std::move(response));
}

void S3Handler::listObjects(Call &call)
{
    const HttpRequest &http = call.request.http;
    const bool v2 = call.operation == u"ListObjectsV2"_s;
    // list-type=2 is ListObjectsV2; S3 knows no other list type.
    if (!v2 && http.hasQueryItem(u"list-type"))
        return fail(call,
            S3::Errors::invalidArgument(
                u"Invalid List Type specified"_s, u"list-type"_s, http.queryItem(u"list-type")));
    const auto encoding = S3Wire::urlEncodingRequested(http);
    if (!encoding)
        return fail(call, encoding.error());
    const bool urlEncoding = *encoding;
    S3::ListObjectsQuery query;
    query.prefix = http.queryItem(u"prefix");
    query.delimiter = http.queryItem(u"delimiter");
    query.maxKeys = MaxListKeys;
    if (http.hasQueryItem(u"max-keys")) {
        bool okNumber = false;
        const int maxKeys = http.queryItem(u"max-keys").toInt(&okNumber);
        if (!okNumber || maxKeys < 0)
            return fail(call,
                S3::Errors::invalidArgument(
                    u"Provided max-keys not an integer or within integer range"_s,
                    u"max-keys"_s,
                    http.queryItem(u"max-keys")));
        query.maxKeys = qMin(maxKeys, MaxListKeys);
    }
    const QString token = http.queryItem(u"continuation-token");
    if (v2) {
        query.after = http.queryItem(u"start-after");
        if (http.hasQueryItem(u"continuation-token")) {
            const QByteArray decoded = QByteArray::fromBase64(token.toLatin1());
            if (token.isEmpty() || decoded.isEmpty() || decoded.toBase64() != token.toLatin1())
                return fail(call,
                    S3::Errors::invalidArgument(u"The continuation token provided is incorrect"_s,
                        u"continuation-token"_s,
                        token));
            query.after = qMax(query.after, QString::fromUtf8(decoded));
        }
    } else {
        query.after = http.queryItem(u"marker");
    }
    const auto result = m_service->listObjects(call.target.bucket, query);
    if (!result)
        return fail(call, result.error());

    const auto text = [urlEncoding](const QString &value) {
        return urlEncoding ? S3Wire::urlEncodeKey(value) : value;
    };
    const bool fetchOwner = !v2 || http.queryItem(u"fetch-owner") == u"true"_s;
    ok(call, S3Xml::document(u"ListBucketResult"_s, [&](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"IsTruncated"_s, result->truncated ? u"true"_s : u"false"_s);
        if (v2) {
            if (http.hasQueryItem(u"continuation-token"))
                xml.writeTextElement(u"ContinuationToken"_s, token);
            if (result->truncated)
                xml.writeTextElement(
                    u"NextContinuationToken"_s, QString::fromLatin1(base64Token(result->last)));
            if (http.hasQueryItem(u"start-after"))
                xml.writeTextElement(u"StartAfter"_s, text(http.queryItem(u"start-after")));
            xml.writeTextElement(u"KeyCount"_s,
                QString::number(result->contents.size() + result->commonPrefixes.size()));
        } else {
            xml.writeTextElement(u"Marker"_s, text(query.after));
            if (result->truncated && !query.delimiter.isEmpty())
                xml.writeTextElement(u"NextMarker"_s, text(result->last));
        }
        for (const S3::S3Object &object : result->contents) {
            xml.writeStartElement(u"Contents"_s);
            xml.writeTextElement(u"Key"_s, text(object.key));
            xml.writeTextElement(u"LastModified"_s, S3Xml::isoTime(object.modifiedMs));
            xml.writeTextElement(u"ETag"_s, object.etag);
            if (!object.checksum.isEmpty()) {
                xml.writeTextElement(u"ChecksumAlgorithm"_s, object.checksum.algorithm);
                xml.writeTextElement(u"ChecksumType"_s, object.checksum.type);
            }
            xml.writeTextElement(u"Size"_s, QString::number(object.size));
            if (fetchOwner)
                writeObjectOwner(xml);
            xml.writeTextElement(u"StorageClass"_s, object.headers.storageClass);
            xml.writeEndElement();
        }
        xml.writeTextElement(u"Name"_s, call.target.bucket);
        xml.writeTextElement(u"Prefix"_s, text(query.prefix));
        if (!query.delimiter.isEmpty())
            xml.writeTextElement(u"Delimiter"_s, text(query.delimiter));
        xml.writeTextElement(u"MaxKeys"_s, QString::number(query.maxKeys));
        for (const QString &prefix : result->commonPrefixes) {
            xml.writeStartElement(u"CommonPrefixes"_s);
            xml.writeTextElement(u"Prefix"_s, text(prefix));
            xml.writeEndElement();
        }
        if (urlEncoding)
            xml.writeTextElement(u"EncodingType"_s, u"url"_s);
    }));
}

void S3Handler::listObjectVersions(Call &call)
{
    const HttpRequest &http = call.request.http;
    const auto encoding = S3Wire::urlEncodingRequested(http);
    if (!encoding)
        return fail(call, encoding.error());
    const bool urlEncoding = *encoding;
    S3::ListVersionsQuery query;
    query.prefix = http.queryItem(u"prefix");
    query.delimiter = http.queryItem(u"delimiter");
    query.keyMarker = http.queryItem(u"key-marker");
    query.versionIdMarker = http.queryItem(u"version-id-marker");
    query.maxKeys = MaxListKeys;
    if (http.hasQueryItem(u"max-keys")) {
        bool okNumber = false;
        const int maxKeys = http.queryItem(u"max-keys").toInt(&okNumber);
        if (!okNumber || maxKeys < 0)
            return fail(call,
                S3::Errors::invalidArgument(
                    u"Provided max-keys not an integer or within integer range"_s,
                    u"max-keys"_s,
                    http.queryItem(u"max-keys")));
        query.maxKeys = qMin(maxKeys, MaxListKeys);
    }
    const auto result = m_service->listObjectVersions(call.target.bucket, query);
    if (!result)
        return fail(call, result.error());
    const auto text = [urlEncoding](const QString &value) {
        return urlEncoding ? S3Wire::urlEncodeKey(value) : value;
    };
    ok(call, S3Xml::document(u"ListVersionsResult"_s, [&](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"IsTruncated"_s, result->truncated ? u"true"_s : u"false"_s);
        xml.writeTextElement(u"KeyMarker"_s, text(query.keyMarker));
        xml.writeTextElement(u"VersionIdMarker"_s, query.versionIdMarker);
        if (result->truncated) {
            xml.writeTextElement(u"NextKeyMarker"_s, text(result->nextKeyMarker));
            if (!result->nextVersionIdMarker.isEmpty())
                xml.writeTextElement(u"NextVersionIdMarker"_s, result->nextVersionIdMarker);
        }
        for (const S3::S3Object &object : result->versions) {
            xml.writeStartElement(object.deleteMarker ? u"DeleteMarker"_s : u"Version"_s);
            xml.writeTextElement(u"Key"_s, text(object.key));
            xml.writeTextElement(u"VersionId"_s, object.versionId);
            xml.writeTextElement(u"IsLatest"_s, object.isLatest ? u"true"_s : u"false"_s);
            xml.writeTextElement(u"LastModified"_s, S3Xml::isoTime(object.modifiedMs));
            if (!object.deleteMarker) {
                xml.writeTextElement(u"ETag"_s, object.etag);
                if (!object.checksum.isEmpty()) {
                    xml.writeTextElement(u"ChecksumAlgorithm"_s, object.checksum.algorithm);
                    xml.writeTextElement(u"ChecksumType"_s, object.checksum.type);
                }
                xml.writeTextElement(u"Size"_s, QString::number(object.size));
                xml.writeTextElement(u"StorageClass"_s, object.headers.storageClass);
            }
            writeObjectOwner(xml);
            xml.writeEndElement();
        }
        xml.writeTextElement(u"Name"_s, call.target.bucket);
        xml.writeTextElement(u"Prefix"_s, text(query.prefix));
        if (!query.delimiter.isEmpty())
            xml.writeTextElement(u"Delimiter"_s, text(query.delimiter));
        xml.writeTextElement(u"MaxKeys"_s, QString::number(query.maxKeys));
        for (const QString &prefix : result->commonPrefixes) {
            xml.writeStartElement(u"CommonPrefixes"_s);
            xml.writeTextElement(u"Prefix"_s, text(prefix));
            xml.writeEndElement();
        }
        if (urlEncoding)
            xml.writeTextElement(u"EncodingType"_s, u"url"_s);
    }));
}

void S3Handler::restoreObject(Call &call)
{
    const auto root = S3Xml::parse(call.request.http.bodyBytes());
    if (!root || root->name != u"RestoreRequest"_s)
        return fail(call, S3::Errors::malformedXml());
    bool okNumber = false;
    const int days = root->childText(u"Days").trimmed().toInt(&okNumber);
    if (!okNumber || days <= 0)
        return fail(call, S3::Errors::malformedXml());
    // GlacierJobParameters/Tier (or the request's own Tier); Standard when neither is there.
    QString tier = root->childText(u"Tier").trimmed();
    if (const S3Xml::Node *job = root->child(u"GlacierJobParameters"))
        tier = job->childText(u"Tier").trimmed();
    else if (tier.isEmpty())
        tier = u"Standard"_s;
    static const QStringList tiers = {u"Standard"_s, u"Bulk"_s, u"Expedited"_s};
    if (!tiers.contains(tier))
        return fail(call, S3::Errors::malformedXml());
    const auto restored = m_service->restoreObject(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"versionId"), days, tier);
    if (!restored)
        return fail(call, restored.error());
    ok(call, {}, *restored ? 200 : 202);
}

void S3Handler::getObjectTagging(Call &call)
{
    const auto object = m_service->getObject(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"versionId"));
    if (!object)
        return fail(call, object.error());
    HttpResponse response = RestXmlProtocol::xml(200,
        S3Xml::document(u"Tagging"_s,
            [&object](QXmlStreamWriter &xml) {
                xml.writeStartElement(u"TagSet"_s);
                for (const auto &[key, value] : object->tags) {
                    xml.writeStartElement(u"Tag"_s);
                    xml.writeTextElement(u"Key"_s, key);
                    xml.writeTextElement(u"Value"_s, value);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }),
        call.request.requestId);
    if (object->versionId != u"null"_s)
        response.setHeader("x-amz-version-id", object->versionId.toLatin1());
    send(call, std::move(response));
}

void S3Handler::putObjectTagging(Call &call)
{
    const auto root = S3Xml::parse(call.request.http.bodyBytes());
    if (!root || root->name != u"Tagging"_s || !root->child(u"TagSet"))
        return fail(call, S3::Errors::malformedXml());
    S3::Tags tags;
    for (const S3Xml::Node *tag : root->child(u"TagSet")->all(u"Tag")) {
        const QString key = tag->childText(u"Key");
        if (key.isEmpty() || key.size() > 128)
            return fail(call, S3::Errors::invalidTag(u"The TagKey you have provided is invalid"_s));
        if (tag->childText(u"Value").size() > 256)
            return fail(
                call, S3::Errors::invalidTag(u"The TagValue you have provided is invalid"_s));
        for (const auto &existing : std::as_const(tags)) {
            if (existing.first == key)
                return fail(call,
                    S3::Errors::invalidTag(u"Cannot provide multiple Tags with the same key"_s));
        }
        if (key.startsWith(u"aws:"_s))
            return fail(
                call, S3::Errors::invalidTag(u"Your TagKey cannot be prefixed with aws:"_s));
        tags.append({key, tag->childText(u"Value")});
    }
    if (tags.size() > 10)
        return fail(
            call, AwsError{u"BadRequest"_s, u"Object tags cannot be greater than 10"_s, 400, true});
    const auto object = m_service->putObjectTagging(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"versionId"), tags);
    if (!object)
        return fail(call, object.error());
    HttpResponse response = RestXmlProtocol::xml(200, {}, call.request.requestId);
    if (object->versionId != u"null"_s)
        response.setHeader("x-amz-version-id", object->versionId.toLatin1());
    send(call, std::move(response));
}

void S3Handler::deleteObjectTagging(Call &call)
{
    const auto object = m_service->putObjectTagging(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"versionId"), {});
    if (!object)
        return fail(call, object.error());
    HttpResponse response = RestXmlProtocol::xml(204, {}, call.request.requestId);
    if (object->versionId != u"null"_s)
        response.setHeader("x-amz-version-id", object->versionId.toLatin1());
    send(call, std::move(response));
}

} // namespace Core::Api
