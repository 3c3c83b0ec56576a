// SPDX-License-Identifier: MIT
#include "core/api/handlers/s3requestbody.h"

#include "core/api/handlers/awschunkeddecoder.h"
#include "core/api/requestrouter.h"
#include "core/s3/bodydigest.h"
#include "core/s3/s3errors.h"

#include <QFile>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

constexpr qint64 ReadChunk = 1024 * 1024;
constexpr qint64 MemoryLimit = 8 * 1024 * 1024;
constexpr std::array Algorithms = {"crc32", "crc32c", "crc64nvme", "sha1", "sha256"};

bool isAwsChunked(const HttpRequest &request)
{
    return request.header("content-encoding").contains("aws-chunked")
        || request.header("x-amz-content-sha256").startsWith("STREAMING-");
}

// The flexible checksum named by headers: (algorithm, expected value or "" if in a trailer).
std::pair<QString, QString> requestedChecksum(const HttpRequest &request)
{
    for (const char *name : Algorithms) {
        const QByteArray header = "x-amz-checksum-" + QByteArray(name);
        if (request.hasHeader(header))
            return {
                QString::fromLatin1(name).toUpper(), QString::fromLatin1(request.header(header))};
    }
    const QByteArray trailer = request.header("x-amz-trailer").trimmed().toLower();
    if (trailer.startsWith("x-amz-checksum-"))
        return {QString::fromLatin1(trailer.mid(15)).toUpper(), QString()};
    const QByteArray sdk = request.header("x-amz-sdk-checksum-algorithm");
    if (!sdk.isEmpty())
        return {QString::fromLatin1(sdk).toUpper(), QString()};
    return {};
}

// Feeds the raw body (memory or spooled file) to consume() in slices.
bool forEachSlice(const HttpRequest &request, const std::function<bool(QByteArrayView)> &consume)
{
    if (request.bodyFile.isEmpty())
        return consume(request.body);
    QFile file(request.bodyFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(ReadChunk);
        if (chunk.isEmpty() && !file.atEnd())
            return false;
        if (!consume(chunk))
            return false;
    }
    return true;
}

} // namespace

bool wantsBodyAsFile(const HttpRequest &request)
{
    if (request.method != "PUT" || request.bodySize <= S3::S3Service::InlineLimit
        || isAwsChunked(request) || !requestedChecksum(request).first.isEmpty()
        || request.hasHeader("x-amz-copy-source") || RequestRouter::route(request).service != u"s3")
        return false;
    // PutObject and UploadPart only: a subresource (?tagging, ?acl ...) reads its document from
    // memory. The JS SDK adds x-id=PutObject; presigned URLs carry X-Amz-* parameters.
    const QList<std::pair<QString, QString>> items = request.queryItems();
    return std::all_of(items.cbegin(), items.cend(), [](const auto &item) {
        return item.first == u"partNumber"_s || item.first == u"uploadId"_s
            || item.first == u"x-id"_s || item.first.startsWith(u"X-Amz-"_s);
    });
}

QString storedContentEncoding(const HttpRequest &request)
{
    QStringList kept;
    for (const QString &part :
        QString::fromLatin1(request.header("content-encoding")).split(u',')) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty() && trimmed != u"aws-chunked"_s)
            kept.append(trimmed);
    }
    return kept.join(u", "_s);
}

Result<S3::ObjectBody> readS3Body(const HttpRequest &request, const S3::ObjectFiles &files)
{
    auto [algorithm, expected] = requestedChecksum(request);
    if (!algorithm.isEmpty() && !S3::BodyDigest::isSupportedAlgorithm(algorithm))
        return std::unexpected(S3::Errors::invalidRequest(
            u"Value for x-amz-sdk-checksum-algorithm header is invalid."_s));
    S3::BodyDigest digest(algorithm);
    S3::ObjectBody body;

    if (!isAwsChunked(request)) {
        if (request.bodyMd5.size() == 16)
            digest.setKnownMd5(request.bodyMd5, request.bodySize);
        if (digest.needsData() && !forEachSlice(request, [&digest](QByteArrayView slice) {
                digest.addData(slice);
                return true;
            }))
            return std::unexpected(S3::Errors::internalError(u"Cannot read the upload."_s));
        if (request.bodyFile.isEmpty())
            body.data = request.body;
        else
            body.stagedFile = request.bodyFile;
    } else {
        std::unique_ptr<QFile> staging;
        bool writeFailed = false;
        const qint64 declared = request.header("x-amz-decoded-content-length").toLongLong();
        AwsChunkedDecoder decoder([&](QByteArrayView data) {
            digest.addData(data);
            if (!staging && body.data.size() + data.size() > MemoryLimit) {
                staging = std::make_unique<QFile>();
                body.stagedFile = files.createStaging(*staging);
                if (body.stagedFile.isEmpty() || staging->write(body.data) != body.data.size()) {
                    writeFailed = true;
                    return false;
                }
                body.data.clear();
            }
            if (staging)
                return staging->write(data.data(), data.size()) == data.size();
            body.data.append(data);
            return true;
        });
        const bool decoded = forEachSlice(request, [&decoder](QByteArrayView slice) {
            return decoder.feed(slice);
        }) && decoder.finish();
        if (staging)
            staging->close();
        const auto discard = [&body] {
            if (!body.stagedFile.isEmpty())
                QFile::remove(body.stagedFile);
        };
        if (writeFailed) {
            discard();
            return std::unexpected(S3::Errors::internalError(u"Cannot store the upload."_s));
        }
        if (!decoded
            || (request.hasHeader("x-amz-decoded-content-length")
                && declared != decoder.decodedSize())) {
            discard();
            return std::unexpected(S3::Errors::incompleteBody());
        }
        for (const auto &[name, value] : decoder.trailers()) {
            if (name.startsWith("x-amz-checksum-")) {
                const QString trailerAlgorithm = QString::fromLatin1(name.mid(15)).toUpper();
                if (trailerAlgorithm != digest.algorithm()) {
                    discard();
                    return std::unexpected(S3::Errors::invalidRequest(
                        u"The value specified in the x-amz-trailer header is not supported"_s));
                }
                expected = QString::fromLatin1(value);
            }
        }
    }

    const auto discard = [&body, &request] {
        if (!body.stagedFile.isEmpty() && body.stagedFile != request.bodyFile)
            QFile::remove(body.stagedFile);
    };
    if (request.hasHeader("content-md5")) {
        const QByteArray given = QByteArray::fromBase64(request.header("content-md5").trimmed());
        if (given.size() != 16) {
            discard();
            return std::unexpected(S3::Errors::invalidDigest());
        }
        if (given != digest.md5()) {
            discard();
            return std::unexpected(
                S3::Errors::badDigestMd5(QString::fromLatin1(request.header("content-md5")),
                    QString::fromLatin1(digest.md5().toBase64())));
        }
    }
    if (!expected.isEmpty()) {
        const QByteArray raw = QByteArray::fromBase64(expected.toLatin1());
        const qsizetype wantSize = algorithm == u"SHA256"_s ? 32
            : algorithm == u"SHA1"_s                        ? 20
            : algorithm == u"CRC64NVME"_s                   ? 8
                                                            : 4;
        if (raw.size() != wantSize || raw.toBase64() != expected.toLatin1()) {
            discard();
            return std::unexpected(S3::Errors::invalidRequest(
                u"Value for x-amz-checksum-%1 header is invalid."_s.arg(algorithm.toLower())));
        }
        if (expected != digest.checksumBase64()) {
            discard();
            return std::unexpected(S3::Errors::badDigestChecksum(algorithm.toLower()));
        }
    }
    body.size = digest.size();
    body.md5Hex = digest.md5Hex();
    if (!algorithm.isEmpty())
        body.checksum = {digest.algorithm(), digest.checksumBase64(), {}};
    return body;
}

} // namespace Core::Api
