// SPDX-License-Identifier: MIT
// S3Handler: multipart uploads.
#include "core/api/handlers/s3handler.h"

#include "core/api/handlers/s3requestbody.h"
#include "core/api/handlers/s3xml.h"
#include "core/api/protocols/restxmlprotocol.h"
#include "core/s3/bodydigest.h"
#include "core/s3/bucketname.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

const QStringList &checksumAlgorithms()
{
    static const QStringList names = {
        u"CRC32"_s, u"CRC32C"_s, u"CRC64NVME"_s, u"SHA1"_s, u"SHA256"_s};
    return names;
}

void writeInitiator(QXmlStreamWriter &xml, const QString &element)
{
    xml.writeStartElement(element);
    xml.writeTextElement(u"ID"_s, QLatin1StringView(S3::OwnerId));
    xml.writeTextElement(u"DisplayName"_s, u"cloudbench"_s);
    xml.writeEndElement();
}

Result<int> partNumber(const HttpRequest &request)
{
    bool ok = false;
    const int number = request.queryItem(u"partNumber").toInt(&ok);
    if (!ok)
        return std::unexpected(S3::Errors::invalidArgument(
            u"Part number must be an integer between 1 and 10000, inclusive"_s,
            u"partNumber"_s,
            request.queryItem(u"partNumber")));
    return number;
}

} // namespace

void S3Handler::createMultipartUpload(Call &call)
{
    const HttpRequest &http = call.request.http;
    if (call.target.key.toUtf8().size() > S3::MaxKeyBytes)
        return fail(call, S3::Errors::keyTooLong());
    auto tags = S3Wire::parseTaggingHeader(http.header("x-amz-tagging"));
    if (!tags)
        return fail(call, tags.error());
    if (auto valid = S3Wire::checkWriteHeaders(http); !valid)
        return fail(call, valid.error());
    const QString algorithm = QString::fromLatin1(http.header("x-amz-checksum-algorithm"));
    if (!algorithm.isEmpty() && !S3::BodyDigest::isSupportedAlgorithm(algorithm))
        return fail(call,
            S3::Errors::invalidRequest(u"Checksum algorithm provided is unsupported. Please try "
                                       u"again with any of the valid types: [CRC32, CRC32C, "
                                       u"CRC64NVME, SHA1, SHA256]"_s));
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
    const auto upload = m_service->createMultipartUpload(call.target.bucket,
        call.target.key,
        S3Wire::headersFromRequest(http),
        std::move(*tags),
        S3::Checksum{algorithm, {}, QString::fromLatin1(http.header("x-amz-checksum-type"))},
        acl->value_or(S3::AccessControlList{}),
        *lock);
    if (!upload)
        return fail(call, upload.error());
    HttpResponse response = RestXmlProtocol::xml(200,
        S3Xml::document(u"InitiateMultipartUploadResult"_s,
            [&upload](QXmlStreamWriter &xml) {
                xml.writeTextElement(u"Bucket"_s, upload->bucket);
                xml.writeTextElement(u"Key"_s, upload->key);
                xml.writeTextElement(u"UploadId"_s, upload->uploadId);
            }),
        call.request.requestId);
    if (!upload->checksumAlgorithm.isEmpty()) {
        response.setHeader("x-amz-checksum-algorithm", upload->checksumAlgorithm.toLatin1());
        response.setHeader("x-amz-checksum-type", upload->checksumType.toLatin1());
    }
    S3Wire::setEncryptionHeaders(response, upload->headers);
    send(call, std::move(response));
}

void S3Handler::uploadPart(Call &call)
{
    const HttpRequest &http = call.request.http;
    const auto number = partNumber(http);
    if (!number)
        return fail(call, number.error());
    auto body = readS3Body(http, m_service->files());
    if (!body)
        return fail(call, body.error());
    const auto part = m_service->uploadPart(call.target.bucket,
        call.target.key,
        http.queryItem(u"uploadId"),
        *number,
        std::move(*body));
    if (!part)
        return fail(call, part.error());
    HttpResponse response = RestXmlProtocol::xml(200, {}, call.request.requestId);
    response.setHeader("ETag", part->etag.toLatin1());
    if (!part->checksum.isEmpty())
        response.setHeader("x-amz-checksum-" + part->checksum.algorithm.toLower().toLatin1(),
            part->checksum.value.toLatin1());
    send(call, std::move(response));
}

void S3Handler::uploadPartCopy(Call &call)
{
    const HttpRequest &http = call.request.http;
    const auto number = partNumber(http);
    if (!number)
        return fail(call, number.error());
    QByteArray sourceHeader = http.header("x-amz-copy-source");
    QString versionId;
    if (const qsizetype question = sourceHeader.indexOf('?'); question >= 0) {
        for (const auto &[name, value] : parseFormEncoded(sourceHeader.mid(question + 1))) {
            if (name == u"versionId"_s)
                versionId = value;
        }
        sourceHeader = sourceHeader.left(question);
    }
    QString path = percentDecode(sourceHeader, false);
    if (path.startsWith(u'/'))
        path = path.mid(1);
    const qsizetype slash = path.indexOf(u'/');
    if (slash <= 0)
        return fail(call,
            S3::Errors::invalidArgument(u"Invalid copy source object key"_s,
                u"x-amz-copy-source"_s,
                QString::fromUtf8(http.header("x-amz-copy-source"))));
    std::optional<std::pair<qint64, qint64>> range;
    const QByteArray rangeHeader = http.header("x-amz-copy-source-range").trimmed();
    if (!rangeHeader.isEmpty()) {
        const QList<QByteArray> bounds = rangeHeader.mid(6).split('-');
        bool okFirst = false;
        bool okLast = false;
        if (!rangeHeader.startsWith("bytes=") || bounds.size() != 2)
            return fail(call,
                S3::Errors::invalidArgument(u"The x-amz-copy-source-range value must be of the "
                                            u"form bytes=first-last where first and last are the "
                                            u"zero-based offsets of the first and last bytes to "
                                            u"copy"_s,
                    u"x-amz-copy-source-range"_s,
                    QString::fromLatin1(rangeHeader)));
        range = std::pair{bounds.at(0).toLongLong(&okFirst), bounds.at(1).toLongLong(&okLast)};
        if (!okFirst || !okLast)
            range = std::pair{qint64(-1), qint64(-1)};
    }
    const auto source = m_service->getObject(path.left(slash), path.mid(slash + 1), versionId);
    if (!source)
        return fail(call, source.error());
    if (auto holds = S3Wire::checkCopySourceConditions(http, *source); !holds)
        return fail(call, holds.error());
    const auto part = m_service->uploadPartCopy(call.target.bucket,
        call.target.key,
        http.queryItem(u"uploadId"),
        *number,
        {path.left(slash), path.mid(slash + 1), versionId},
        range);
    if (!part)
        return fail(call, part.error());
    ok(call, S3Xml::document(u"CopyPartResult"_s, [&part](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"LastModified"_s, S3Xml::isoTime(part->modifiedMs));
        xml.writeTextElement(u"ETag"_s, part->etag);
    }));
}

void S3Handler::completeMultipartUpload(Call &call)
{
    const auto root = S3Xml::parse(call.request.http.bodyBytes());
    if (!root || root->name != u"CompleteMultipartUpload"_s)
        return fail(call, S3::Errors::malformedXml());
    QList<S3::CompletedPart> parts;
    for (const S3Xml::Node *node : root->all(u"Part")) {
        bool okNumber = false;
        const int number = node->childText(u"PartNumber").toInt(&okNumber);
        if (!okNumber || !node->child(u"ETag"))
            return fail(call, S3::Errors::malformedXml());
        S3::CompletedPart part{number, node->childText(u"ETag"), {}};
        for (const QString &algorithm : checksumAlgorithms()) {
            const QString element = u"Checksum"_s + algorithm;
            if (node->child(element))
                part.checksum = {algorithm, node->childText(element), {}};
        }
        parts.append(part);
    }
    // The checksum headers describe the whole object, not the request's XML.
    const HttpRequest &http = call.request.http;
    S3::Checksum declared;
    declared.type = QString::fromLatin1(http.header("x-amz-checksum-type"));
    for (const QString &algorithm : checksumAlgorithms()) {
        const QByteArray header = "x-amz-checksum-" + algorithm.toLower().toLatin1();
        if (http.hasHeader(header)) {
            declared.algorithm = algorithm;
            declared.value = QString::fromLatin1(http.header(header)).trimmed();
            break;
        }
    }
    const auto object = m_service->completeMultipartUpload(
        call.target.bucket, call.target.key, http.queryItem(u"uploadId"), parts, declared);
    if (!object)
        return fail(call, object.error());
    HttpResponse response = RestXmlProtocol::xml(200,
        S3Xml::document(u"CompleteMultipartUploadResult"_s,
            [&](QXmlStreamWriter &xml) {
                xml.writeTextElement(u"Location"_s,
                    u"http://%1/%2/%3"_s.arg(QString::fromLatin1(call.request.http.header("host")),
                        object->bucket,
                        S3Wire::urlEncodeKey(object->key)));
                xml.writeTextElement(u"Bucket"_s, object->bucket);
                xml.writeTextElement(u"Key"_s, object->key);
                xml.writeTextElement(u"ETag"_s, object->etag);
                if (!object->checksum.isEmpty()) {
                    xml.writeTextElement(
                        u"Checksum"_s + object->checksum.algorithm, object->checksum.value);
                    xml.writeTextElement(u"ChecksumType"_s, object->checksum.type);
                }
            }),
        call.request.requestId);
    if (object->versionId != u"null"_s)
        response.setHeader("x-amz-version-id", object->versionId.toLatin1());
    S3Wire::setEncryptionHeaders(response, object->headers);
    send(call, std::move(response));
}

void S3Handler::abortMultipartUpload(Call &call)
{
    const auto done = m_service->abortMultipartUpload(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"uploadId"));
    if (!done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

void S3Handler::listMultipartUploads(Call &call)
{
    const HttpRequest &http = call.request.http;
    const auto encoding = S3Wire::urlEncodingRequested(http);
    if (!encoding)
        return fail(call, encoding.error());
    const bool urlEncoding = *encoding;
    S3::ListUploadsQuery query;
    query.prefix = http.queryItem(u"prefix");
    query.delimiter = http.queryItem(u"delimiter");
    query.keyMarker = http.queryItem(u"key-marker");
    if (!query.keyMarker.isEmpty())
        query.uploadIdMarker = http.queryItem(u"upload-id-marker"); // ignored without key-marker
    if (http.hasQueryItem(u"max-uploads")) {
        bool okNumber = false;
        const int maxUploads = http.queryItem(u"max-uploads").toInt(&okNumber);
        if (!okNumber || maxUploads < 0)
            return fail(call,
                S3::Errors::invalidArgument(
                    u"Provided max-uploads not an integer or within integer range"_s,
                    u"max-uploads"_s,
                    http.queryItem(u"max-uploads")));
        query.maxUploads = qMin(maxUploads, 1000);
    }
    const auto result = m_service->listMultipartUploads(call.target.bucket, query);
    if (!result)
        return fail(call, result.error());
    const auto text = [urlEncoding](const QString &value) {
        return urlEncoding ? S3Wire::urlEncodeKey(value) : value;
    };
    ok(call, S3Xml::document(u"ListMultipartUploadsResult"_s, [&](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"Bucket"_s, call.target.bucket);
        xml.writeTextElement(u"KeyMarker"_s, text(query.keyMarker));
        xml.writeTextElement(u"UploadIdMarker"_s, query.uploadIdMarker);
        if (result->truncated) {
            xml.writeTextElement(u"NextKeyMarker"_s, text(result->nextKeyMarker));
            xml.writeTextElement(u"NextUploadIdMarker"_s, result->nextUploadIdMarker);
        }
        if (!query.delimiter.isEmpty())
            xml.writeTextElement(u"Delimiter"_s, text(query.delimiter));
        xml.writeTextElement(u"Prefix"_s, text(query.prefix));
        xml.writeTextElement(u"MaxUploads"_s, QString::number(query.maxUploads));
        xml.writeTextElement(u"IsTruncated"_s, result->truncated ? u"true"_s : u"false"_s);
        for (const S3::MultipartUpload &upload : result->uploads) {
            xml.writeStartElement(u"Upload"_s);
            xml.writeTextElement(u"Key"_s, text(upload.key));
            xml.writeTextElement(u"UploadId"_s, upload.uploadId);
            writeInitiator(xml, u"Initiator"_s);
            writeInitiator(xml, u"Owner"_s);
            xml.writeTextElement(u"StorageClass"_s, upload.headers.storageClass);
            xml.writeTextElement(u"Initiated"_s, S3Xml::isoTime(upload.initiatedMs));
            if (!upload.checksumAlgorithm.isEmpty()) {
                xml.writeTextElement(u"ChecksumAlgorithm"_s, upload.checksumAlgorithm);
                xml.writeTextElement(u"ChecksumType"_s, upload.checksumType);
            }
            xml.writeEndElement();
        }
        for (const QString &prefix : result->commonPrefixes) {
            xml.writeStartElement(u"CommonPrefixes"_s);
            xml.writeTextElement(u"Prefix"_s, text(prefix));
            xml.writeEndElement();
        }
        if (urlEncoding)
            xml.writeTextElement(u"EncodingType"_s, u"url"_s);
    }));
}

void S3Handler::listParts(Call &call)
{
    const HttpRequest &http = call.request.http;
    int marker = 0;
    if (http.hasQueryItem(u"part-number-marker")) {
        bool okNumber = false;
        marker = http.queryItem(u"part-number-marker").toInt(&okNumber);
        if (!okNumber || marker < 0)
            return fail(call,
                S3::Errors::invalidArgument(u"Provided part-number-marker not an integer or "
                                            u"within integer range"_s,
                    u"part-number-marker"_s,
                    http.queryItem(u"part-number-marker")));
    }
    int maxParts = 1000;
    if (http.hasQueryItem(u"max-parts")) {
        bool okNumber = false;
        maxParts = qBound(0, http.queryItem(u"max-parts").toInt(&okNumber), 1000);
        if (!okNumber)
            return fail(call,
                S3::Errors::invalidArgument(u"Provided max-parts not an integer or within "
                                            u"integer range"_s,
                    u"max-parts"_s,
                    http.queryItem(u"max-parts")));
    }
    const auto result = m_service->listParts(
        call.target.bucket, call.target.key, http.queryItem(u"uploadId"), marker, maxParts);
    if (!result)
        return fail(call, result.error());
    ok(call, S3Xml::document(u"ListPartsResult"_s, [&](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"Bucket"_s, result->upload.bucket);
        xml.writeTextElement(u"Key"_s, result->upload.key);
        xml.writeTextElement(u"UploadId"_s, result->upload.uploadId);
        writeInitiator(xml, u"Initiator"_s);
        writeInitiator(xml, u"Owner"_s);
        xml.writeTextElement(u"StorageClass"_s, result->upload.headers.storageClass);
        xml.writeTextElement(u"PartNumberMarker"_s, QString::number(marker));
        xml.writeTextElement(
            u"NextPartNumberMarker"_s, QString::number(result->nextPartNumberMarker));
        xml.writeTextElement(u"MaxParts"_s, QString::number(maxParts));
        xml.writeTextElement(u"IsTruncated"_s, result->truncated ? u"true"_s : u"false"_s);
        if (!result->upload.checksumAlgorithm.isEmpty()) {
            xml.writeTextElement(u"ChecksumAlgorithm"_s, result->upload.checksumAlgorithm);
            xml.writeTextElement(u"ChecksumType"_s, result->upload.checksumType);
        }
        for (const S3::UploadPart &part : result->parts) {
            xml.writeStartElement(u"Part"_s);
            xml.writeTextElement(u"PartNumber"_s, QString::number(part.partNumber));
            xml.writeTextElement(u"LastModified"_s, S3Xml::isoTime(part.modifiedMs));
            xml.writeTextElement(u"ETag"_s, part.etag);
            xml.writeTextElement(u"Size"_s, QString::number(part.size));
            if (!part.checksum.isEmpty())
                xml.writeTextElement(u"Checksum"_s + part.checksum.algorithm, part.checksum.value);
            xml.writeEndElement();
        }
    }));
}

} // namespace Core::Api
