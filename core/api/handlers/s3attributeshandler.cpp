// SPDX-License-Identifier: MIT
// S3Handler: GetObjectAttributes (GET /bucket/key?attributes).
#include "core/api/handlers/s3handler.h"

#include "core/api/handlers/s3xml.h"
#include "core/api/protocols/restxmlprotocol.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

// x-amz-object-attributes: a comma-separated list of ETag, Checksum, ObjectParts, StorageClass
// and ObjectSize. Empty items are skipped; nothing left is InvalidRequest, an unknown name
// InvalidArgument naming it (AWS's codes and messages).
Result<QSet<QString>> objectAttributes(const HttpRequest &request)
{
    static const QSet<QString> known = {
        u"ETag"_s, u"Checksum"_s, u"ObjectParts"_s, u"StorageClass"_s, u"ObjectSize"_s};
    QSet<QString> wanted;
    const QList<QByteArray> items = request.header("x-amz-object-attributes").split(',');
    for (const QByteArray &item : items) {
        const QString name = QString::fromUtf8(item.trimmed());
        if (name.isEmpty())
            continue;
        if (!known.contains(name))
            return std::unexpected(S3::Errors::invalidArgument(
                u"Invalid attribute name specified."_s, u"x-amz-object-attributes"_s, name));
        wanted.insert(name);
    }
    if (wanted.isEmpty())
        return std::unexpected(
            S3::Errors::invalidRequest(u"The x-amz-object-attributes header specifying the "
                                       u"attributes to be retrieved is either missing or empty"_s));
    return wanted;
}

// x-amz-max-parts, x-amz-part-number-marker: S3 ignores values that are not numbers.
int numberHeader(const HttpRequest &request, const QByteArray &name, int fallback)
{
    bool ok = false;
    const int value = request.header(name).trimmed().toInt(&ok);
    return ok ? value : fallback;
}

void writeChecksum(QXmlStreamWriter &xml, const S3::Checksum &checksum)
{
    if (!checksum.isEmpty())
        xml.writeTextElement(u"Checksum"_s + checksum.algorithm, checksum.value);
}

} // namespace

void S3Handler::getObjectAttributes(Call &call)
{
    const HttpRequest &http = call.request.http;
    const auto wanted = objectAttributes(http);
    if (!wanted)
        return fail(call, wanted.error());
    // Metadata only: archived (GLACIER, DEEP_ARCHIVE) objects answer without a restore.
    const auto object = m_service->getObjectAttributes(
        call.target.bucket, call.target.key, http.queryItem(u"versionId"));
    if (!object)
        return fail(call, object.error());
    const S3::ObjectPartsPage page = S3::S3Service::objectParts(*object,
        numberHeader(http, "x-amz-part-number-marker", 0),
        numberHeader(http, "x-amz-max-parts", 1000));
    const QByteArray xml =
        S3Xml::document(u"GetObjectAttributesResponse"_s, [&](QXmlStreamWriter &writer) {
            // ETag without the quotes the ETag header carries, as AWS returns it here.
            if (wanted->contains(u"ETag"_s))
                writer.writeTextElement(u"ETag"_s, QString(object->etag).remove(u'"'));
            if (wanted->contains(u"Checksum"_s) && !object->checksum.isEmpty()) {
                // A COMPOSITE checksum without the "-<parts>" its headers carry.
                writer.writeStartElement(u"Checksum"_s);
                writeChecksum(writer,
                    {object->checksum.algorithm, object->checksum.value.section(u'-', 0, 0), {}});
                writer.writeTextElement(u"ChecksumType"_s, object->checksum.type);
                writer.writeEndElement();
            }
            if (wanted->contains(u"ObjectParts"_s) && object->partsCount > 0) {
                writer.writeStartElement(u"ObjectParts"_s);
                writer.writeTextElement(u"PartsCount"_s, QString::number(page.totalPartsCount));
                if (page.listed) {
                    writer.writeTextElement(
                        u"PartNumberMarker"_s, QString::number(page.partNumberMarker));
                    writer.writeTextElement(
                        u"NextPartNumberMarker"_s, QString::number(page.nextPartNumberMarker));
                    writer.writeTextElement(u"MaxParts"_s, QString::number(page.maxParts));
                    writer.writeTextElement(
                        u"IsTruncated"_s, page.truncated ? u"true"_s : u"false"_s);
                    for (const S3::ObjectPart &part : page.parts) {
                        writer.writeStartElement(u"Part"_s);
                        writer.writeTextElement(u"PartNumber"_s, QString::number(part.partNumber));
                        writer.writeTextElement(u"Size"_s, QString::number(part.size));
                        writeChecksum(writer, part.checksum);
                        writer.writeEndElement();
                    }
                }
                writer.writeEndElement();
            }
            if (wanted->contains(u"StorageClass"_s))
                writer.writeTextElement(u"StorageClass"_s, object->headers.storageClass);
            if (wanted->contains(u"ObjectSize"_s))
                writer.writeTextElement(u"ObjectSize"_s, QString::number(object->size));
        });
    HttpResponse response = RestXmlProtocol::xml(200, xml, call.request.requestId);
    response.setHeader("Last-Modified", S3Xml::httpDate(object->modifiedMs));
    if (object->versionId != u"null"_s)
        response.setHeader("x-amz-version-id", object->versionId.toLatin1());
    send(call, std::move(response));
}

} // namespace Core::Api
