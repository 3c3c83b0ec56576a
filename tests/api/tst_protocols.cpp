// SPDX-License-Identifier: MIT
// Pins how each protocol frames an AWS error (what botocore and the JS SDK parse): Query's
// ErrorResponse XML, JSON's __type, CBOR's __type, REST-JSON's x-amzn-ErrorType, S3's Error XML,
// each with the request id header its clients read.
#include "core/api/protocols/errorresponse.h"
#include "core/api/protocols/jsonprotocol.h"
#include "core/api/protocols/queryprotocol.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Core::Api;

namespace {

// Text of the first element with the given name.
QString xmlText(const QByteArray &xml, const QString &name)
{
    QXmlStreamReader reader(xml);
    while (reader.readNextStartElement() || !reader.atEnd()) {
        if (reader.isStartElement() && reader.name() == name)
            return reader.readElementText();
        if (reader.hasError())
            break;
    }
    return {};
}

const Core::AwsError SampleError{u"ResourceNotFoundException"_s, u"Not here <&>"_s, 404, true};

} // namespace

class tst_Protocols final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void queryError()
    {
        const HttpResponse response =
            errorResponse(Protocol::Query, u"sqs"_s, SampleError, u"req-1"_s);
        QCOMPARE(response.status, 404);
        QCOMPARE(response.header("x-amzn-RequestId"), QByteArray("req-1"));
        QVERIFY(response.body.contains("<ErrorResponse xmlns=\"http://queue.amazonaws.com/doc/"
                                       "2012-11-05/\">"));
        QCOMPARE(xmlText(response.body, u"Type"_s), u"Sender"_s);
        QCOMPARE(xmlText(response.body, u"Code"_s), SampleError.code);
        QCOMPARE(xmlText(response.body, u"Message"_s), SampleError.message);
        QCOMPARE(xmlText(response.body, u"RequestId"_s), u"req-1"_s);
    }

    void jsonError_data()
    {
        QTest::addColumn<int>("protocol");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("dynamodb 1.0")
            << int(Protocol::Json10) << u"dynamodb"_s
            << u"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"_s
            << QByteArray("application/x-amz-json-1.0");
        QTest::newRow("logs 1.1") << int(Protocol::Json11) << u"logs"_s
                                  << u"com.amazonaws.logs#ResourceNotFoundException"_s
                                  << QByteArray("application/x-amz-json-1.1");
    }

    void jsonError()
    {
        QFETCH(int, protocol);
        QFETCH(QString, service);
        QFETCH(QString, type);
        QFETCH(QByteArray, contentType);
        const HttpResponse response =
            errorResponse(Protocol(protocol), service, SampleError, u"req-2"_s);
        QCOMPARE(response.status, 404);
        QCOMPARE(response.header("content-type"), contentType);
        QCOMPARE(response.header("x-amzn-RequestId"), QByteArray("req-2"));
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(body.value(u"__type"_s).toString(), type);
        QCOMPARE(body.value(u"message"_s).toString(), SampleError.message);
    }

    void queryCompatibleJsonError()
    {
        const HttpResponse response = JsonProtocol::error(SampleError,
            Protocol::Json10,
            u"com.amazonaws.sqs"_s,
            u"r"_s,
            u"AWS.SimpleQueueService.Foo"_s);
        QCOMPARE(
            response.header("x-amzn-query-error"), QByteArray("AWS.SimpleQueueService.Foo;Sender"));
    }

    void cborError()
    {
        const HttpResponse response =
            errorResponse(Protocol::RpcV2Cbor, u"cloudwatch"_s, SampleError, u"req-3"_s);
        QCOMPARE(response.header("smithy-protocol"), QByteArray("rpc-v2-cbor"));
        QCOMPARE(response.header("content-type"), QByteArray("application/cbor"));
        const QCborMap map = QCborValue::fromCbor(response.body).toMap();
        QCOMPARE(map.value(u"__type"_s).toString(),
            u"com.amazonaws.cloudwatch#ResourceNotFoundException"_s);
        QCOMPARE(map.value(u"message"_s).toString(), SampleError.message);
    }

    void restJsonError()
    {
        const HttpResponse response =
            errorResponse(Protocol::RestJson, u"lambda"_s, SampleError, u"req-4"_s);
        QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("ResourceNotFoundException"));
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(body.value(u"Type"_s).toString(), u"User"_s);
        QCOMPARE(body.value(u"message"_s).toString(), SampleError.message);
    }

    void restXmlError()
    {
        Core::AwsError error{u"NoSuchKey"_s, u"The specified key does not exist."_s, 404, true};
        error.extra = {{u"Key"_s, u"a/b.txt"_s}};
        const HttpResponse response = errorResponse(Protocol::RestXml, u"s3"_s, error, u"r"_s);
        QCOMPARE(response.status, 404);
        QVERIFY(!response.header("x-amz-request-id").isEmpty());
        QCOMPARE(xmlText(response.body, u"Code"_s), u"NoSuchKey"_s);
        QCOMPARE(xmlText(response.body, u"Key"_s), u"a/b.txt"_s);
        QVERIFY(!xmlText(response.body, u"RequestId"_s).isEmpty());

        const HttpResponse head = errorResponse(Protocol::RestXml, u"s3"_s, error, u"r"_s, true);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.status, 404);
    }

    void queryResultEnvelope()
    {
        const HttpResponse response = QueryProtocol::result(u"GetCallerIdentity"_s,
            u"https://sts.amazonaws.com/doc/2011-06-15/"_s,
            u"id"_s,
            [](QXmlStreamWriter &xml) { xml.writeTextElement(u"Account"_s, u"000000000000"_s); });
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.contains("<GetCallerIdentityResponse xmlns="));
        QVERIFY(response.body.contains("<GetCallerIdentityResult><Account>000000000000</Account>"
                                       "</GetCallerIdentityResult>"));
        QCOMPARE(xmlText(response.body, u"RequestId"_s), u"id"_s);
    }

    void jsonBodyParsing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty is an empty object") << QByteArray() << true;
        QTest::newRow("object") << QByteArray("{\"a\":1}") << true;
        QTest::newRow("array") << QByteArray("[1]") << false;
        QTest::newRow("garbage") << QByteArray("garbage") << false;
        QTest::newRow("not utf-8") << QByteArray("{\"a\":\"\xff\xfe\"}") << false;
        QTest::newRow("truncated") << QByteArray("{\"a\":") << false;
    }

    void jsonBodyParsing()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        HttpRequest request;
        request.body = body;
        const auto parsed = JsonProtocol::parseBody(request);
        QCOMPARE(parsed.has_value(), ok);
        if (!ok)
            QCOMPARE(parsed.error().code, u"SerializationException"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Protocols)
#include "tst_protocols.moc"
