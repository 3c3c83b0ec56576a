// SPDX-License-Identifier: MIT
// Pins how the endpoint routes real clients: the request heads in requests/ were captured from
// the AWS CLI v2, boto3 and the JS SDK v3 (capture_requests.py); each must reach the right
// service, in the right protocol, with the operation the wire names.
#include "core/api/requestrouter.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::Api::HttpRequest;
using Core::Api::Protocol;
using Core::Api::RequestRouter;

namespace {

HttpRequest parseCapture(const QByteArray &data)
{
    HttpRequest request;
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = data.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    const qsizetype question = request.target.indexOf('?');
    request.path = question < 0 ? request.target : request.target.left(question);
    request.rawQuery = question < 0 ? QByteArray() : request.target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    request.body = data.mid(headEnd + 4);
    request.bodySize = request.body.size();
    return request;
}

} // namespace

class tst_RequestRouter final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void capturedClients_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("protocol");
        QTest::addColumn<QString>("operation");

        // Expected protocol per client stack and service, as the clients of 2026 send them.
        const QHash<QString, std::pair<Protocol, Protocol>> byService{
            // service: {awscli and boto3 from Debian, JS SDK v3}
            {u"sts"_s, {Protocol::Query, Protocol::Query}},
            {u"sqs"_s, {Protocol::Query, Protocol::Json10}},
            {u"dynamodb"_s, {Protocol::Json10, Protocol::Json10}},
            {u"s3"_s, {Protocol::RestXml, Protocol::RestXml}},
            {u"lambda"_s, {Protocol::RestJson, Protocol::RestJson}},
            {u"logs"_s, {Protocol::Json11, Protocol::Json11}},
            {u"cloudwatch"_s, {Protocol::Query, Protocol::Json10}},
        };
        const QDir root(QFINDTESTDATA("requests"));
        int rows = 0;
        for (const QString &client : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QDir dir(root.filePath(client));
            for (const QString &name : dir.entryList({u"*.http"_s}, QDir::Files)) {
                const QString service = name.section(u'-', 0, 0);
                const QString operation = name.section(u'-', 1).chopped(5);
                const auto protocols = byService.value(service);
                const Protocol protocol = client == u"jssdk"_s ? protocols.second : protocols.first;
                const bool named = protocol != Protocol::RestXml && protocol != Protocol::RestJson;
                QTest::newRow(qPrintable(client + u'/' + name)) << dir.filePath(
                    name) << service << int(protocol) << (named ? operation : QString());
                ++rows;
            }
        }
        QVERIFY(rows >= 27);
    }

    void capturedClients()
    {
        QFETCH(QString, file);
        QFETCH(QString, service);
        QFETCH(int, protocol);
        QFETCH(QString, operation);
        QFile capture(file);
        QVERIFY(capture.open(QIODevice::ReadOnly));
        const auto route = RequestRouter::route(parseCapture(capture.readAll()));
        QCOMPARE(route.service, service);
        QCOMPARE(int(route.protocol), protocol);
        QCOMPARE(route.operation, operation);
        QCOMPARE(route.region, u"us-east-1"_s);
        QCOMPARE(route.accessKeyId, u"test"_s);
    }

    void fallbacks_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("protocol");
        QTest::addColumn<QString>("region");

        QTest::newRow("presigned v4 query credential")
            << QByteArray("GET /bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                          "AK%2F20261123%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261123T"
                          "000000Z&X-Amz-Expires=60 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            << u"s3"_s << int(Protocol::RestXml) << u"eu-west-1"_s;
        QTest::newRow("presigned v2 query")
            << QByteArray("GET /bucket/key?AWSAccessKeyId=test&Signature=x&Expires=1 "
                          "HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            << u"s3"_s << int(Protocol::RestXml) << u"us-east-1"_s;
        QTest::newRow("unsigned x-amz-target dynamodb")
            << QByteArray("POST / HTTP/1.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                          "Content-Type: application/x-amz-json-1.0\r\n\r\n{}")
            << u"dynamodb"_s << int(Protocol::Json10) << u"us-east-1"_s;
        QTest::newRow("unsigned cbor path")
            << QByteArray("POST /service/GraniteServiceVersion20100801/operation/ListMetrics "
                          "HTTP/1.1\r\nsmithy-protocol: rpc-v2-cbor\r\nContent-Type: "
                          "application/cbor\r\n\r\n")
            << u"cloudwatch"_s << int(Protocol::RpcV2Cbor) << u"us-east-1"_s;
        QTest::newRow("virtual host bucket")
            << QByteArray("GET /key HTTP/1.1\r\nHost: mybucket.s3.localhost:4566\r\n\r\n")
            << u"s3"_s << int(Protocol::RestXml) << u"us-east-1"_s;
        QTest::newRow("sqs host, query action")
            << QByteArray("POST / HTTP/1.1\r\nHost: sqs.us-east-1.localhost\r\nContent-Type: "
                          "application/x-www-form-urlencoded\r\n\r\nAction=ListQueues")
            << u"sqs"_s << int(Protocol::Query) << u"us-east-1"_s;
        QTest::newRow("lambda path")
            << QByteArray("GET /2015-03-31/functions/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            << u"lambda"_s << int(Protocol::RestJson) << u"us-east-1"_s;
        QTest::newRow("lambda code download (unsigned curl)")
            << QByteArray("GET /_cloudbench/lambda/functions/f/versions/%24LATEST/code.zip "
                          "HTTP/1.1\r\nHost: 127.0.0.1:4566\r\n\r\n")
            << u"lambda"_s << int(Protocol::RestJson) << u"us-east-1"_s;
        QTest::newRow("function url, unsigned form post")
            << QByteArray("POST /any/path?Action=x HTTP/1.1\r\nHost: "
                          "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-2.localhost:4566"
                          "\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\na=1")
            << u"lambda"_s << int(Protocol::RestJson) << u"eu-west-2"_s;
        QTest::newRow("function url, signed for another service")
            << QByteArray("GET / HTTP/1.1\r\nHost: abcdefghijklmnopqrstuvwxyz012345.lambda-url."
                          "us-east-1.localhost\r\nAuthorization: AWS4-HMAC-SHA256 Credential="
                          "test/20261123/us-east-1/s3/aws4_request, SignedHeaders=host, "
                          "Signature=x\r\n\r\n")
            << u"lambda"_s << int(Protocol::RestJson) << u"us-east-1"_s;
        QTest::newRow("unsigned sts action")
            << QByteArray("POST / HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded"
                          "\r\n\r\nAction=GetCallerIdentity&Version=2011-06-15")
            << u"sts"_s << int(Protocol::Query) << u"us-east-1"_s;
    }

    void fallbacks()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, service);
        QFETCH(int, protocol);
        QFETCH(QString, region);
        const auto route = RequestRouter::route(parseCapture(head));
        QCOMPARE(route.service, service);
        QCOMPARE(int(route.protocol), protocol);
        QCOMPARE(route.region, region);
    }

    void unknownServiceIsRejected()
    {
        const auto route = RequestRouter::route(parseCapture(
            "POST / HTTP/1.1\r\nAuthorization: AWS4-HMAC-SHA256 Credential=test/20261123/"
            "us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=x\r\n\r\nAction=Describe"));
        QVERIFY(route.service.isEmpty());
        QVERIFY(route.rejection.contains(u"ec2"_s));
    }

    void presignedExpiry()
    {
        const auto route = RequestRouter::route(parseCapture(
            "GET /b/k?X-Amz-Credential=AK%2F20261123%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date="
            "20261123T100000Z&X-Amz-Expires=3600 HTTP/1.1\r\n\r\n"));
        QVERIFY(route.scope && route.scope->presigned);
        QCOMPARE(route.scope->expiresAtMs,
            QDateTime(QDate(2026, 11, 23), QTime(11, 0), Qt::UTC).toMSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(tst_RequestRouter)
#include "tst_requestrouter.moc"
