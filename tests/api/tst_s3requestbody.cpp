// SPDX-License-Identifier: MIT
// Pins which uploads the HTTP server hands to S3 as spool files rather than memory
// (Api::wantsBodyAsFile, table-driven): PutObject and UploadPart bodies over the inline limit,
// in every client's form (the JS SDK's x-id, presigned URLs), and none of the requests whose
// handler reads the body from memory: subresource documents, aws-chunked bodies (decoded
// first), bodies with a flexible checksum to compute, copies, small bodies, other services.
#include "core/api/handlers/s3requestbody.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Core::Api::HttpRequest;

Q_DECLARE_METATYPE(Core::Api::HttpRequest)

namespace {

const QByteArray S3Authorization = "AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/s3/"
                                   "aws4_request, SignedHeaders=host, Signature=00";

HttpRequest upload(const QByteArray &method,
    const QByteArray &target,
    qint64 size,
    const QList<std::pair<QByteArray, QByteArray>> &extraHeaders = {})
{
    HttpRequest request;
    request.method = method;
    request.target = target;
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    request.headers = {{"Host", "127.0.0.1:4566"}, {"Authorization", S3Authorization}};
    request.headers += extraHeaders;
    request.bodySize = size;
    return request;
}

} // namespace

class tst_S3RequestBody final : public QObject
{
    Q_OBJECT

private slots:
    void wantsBodyAsFile_data()
    {
        QTest::addColumn<HttpRequest>("request");
        QTest::addColumn<bool>("asFile");
        constexpr qint64 Large = 1024 * 1024;
        QTest::newRow("PutObject") << upload("PUT", "/bucket/key", Large) << true;
        QTest::newRow("PutObject, JS SDK x-id")
            << upload("PUT", "/bucket/key?x-id=PutObject", Large) << true;
        QTest::newRow("UploadPart")
            << upload("PUT", "/bucket/key?partNumber=2&uploadId=abc", Large) << true;
        QTest::newRow("presigned PUT") << upload("PUT",
            "/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%2F20261207"
            "%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=00",
            Large) << true;
        QTest::newRow("at the inline limit") << upload("PUT", "/bucket/key", 64 * 1024) << false;
        QTest::newRow("tagging document") << upload("PUT", "/bucket/key?tagging", Large) << false;
        QTest::newRow("bucket policy") << upload("PUT", "/bucket?policy", Large) << false;
        QTest::newRow("aws-chunked") << upload("PUT",
            "/bucket/key",
            Large,
            {{"x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"},
                {"Content-Encoding", "aws-chunked"}})
                                     << false;
        QTest::newRow("flexible checksum")
            << upload("PUT", "/bucket/key", Large, {{"x-amz-checksum-crc32", "AAAAAA=="}}) << false;
        QTest::newRow("copy") << upload(
            "PUT", "/bucket/key", Large, {{"x-amz-copy-source", "/other/key"}})
                              << false;
        QTest::newRow("POST") << upload("POST", "/bucket/key?uploads", Large) << false;
        HttpRequest lambda = upload("PUT", "/2015-03-31/functions/f/code", Large);
        lambda.headers[1].second = "AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/lambda/"
                                   "aws4_request, SignedHeaders=host, Signature=00";
        QTest::newRow("another service") << lambda << false;
    }
    void wantsBodyAsFile()
    {
        QFETCH(HttpRequest, request);
        QFETCH(bool, asFile);
        QCOMPARE(Core::Api::wantsBodyAsFile(request), asFile);
    }
};

QTEST_GUILESS_MAIN(tst_S3RequestBody)
#include "tst_s3requestbody.moc"
