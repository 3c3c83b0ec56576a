// SPDX-License-Identifier: MIT
// Lambda function URLs on the wire: the payload format 2.0 event a request becomes (headers
// lower-cased, cookies split off, query parameters joined, text or base64 body, requestContext),
// how a function's result becomes the HTTP answer (statusCode objects vs any other JSON), and
// the URL's CORS preflight and response headers.
#include "core/api/handlers/functionurlevent.h"
#include "core/api/requestrouter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Api;

namespace {

constexpr auto UrlHost = "abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.localhost:4566";

HttpRequest request(const QByteArray &method, const QByteArray &target, const HttpHeaders &extra)
{
    HttpRequest http;
    http.method = method;
    http.target = target;
    const qsizetype question = target.indexOf('?');
    http.path = question < 0 ? target : target.left(question);
    http.rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    http.headers = {{"Host", UrlHost}};
    http.headers.append(extra);
    http.clientAddress = u"127.0.0.1"_s;
    return http;
}

const QJsonObject Cors{
    {u"AllowOrigins"_s, QJsonArray{u"https://app.example"_s}},
    {u"AllowMethods"_s, QJsonArray{u"GET"_s, u"POST"_s}},
    {u"AllowHeaders"_s, QJsonArray{u"x-custom"_s}},
    {u"ExposeHeaders"_s, QJsonArray{u"x-out"_s}},
    {u"MaxAge"_s, 300},
    {u"AllowCredentials"_s, true},
};

} // namespace

class tst_FunctionUrlEvent final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void urlId()
    {
        QCOMPARE(functionUrlId(request("GET", "/", {})), u"abcdefghijklmnopqrstuvwxyz012345"_s);
        HttpRequest other = request("GET", "/", {});
        other.headers = {{"Host", "127.0.0.1:4566"}};
        QVERIFY(functionUrlId(other).isEmpty());
        other.headers = {{"Host", "a.b.lambda-url.us-east-1.localhost"}};
        QVERIFY(functionUrlId(other).isEmpty());
    }

    void event()
    {
        HttpRequest http = request("POST",
            "/my/path?b=2&a=1&a=x%20y",
            {{"Content-Type", "application/json"},
                {"Cookie", "s=1; t=2"},
                {"X-Multi", "one"},
                {"X-Multi", "two"},
                {"User-Agent", "tester/1"}});
        http.body = R"({"hello":"world"})";
        http.bodySize = http.body.size();
        FunctionUrlEvent::Context context;
        context.urlId = u"abcdefghijklmnopqrstuvwxyz012345"_s;
        context.accountId = u"anonymous"_s;
        context.requestId = u"req-1"_s;
        context.timeMs = 1'583'348'638'390;
        const QJsonObject event = FunctionUrlEvent::event(http, context);
        QCOMPARE(event.value(u"version"_s).toString(), u"2.0"_s);
        QCOMPARE(event.value(u"routeKey"_s).toString(), u"$default"_s);
        QCOMPARE(event.value(u"rawPath"_s).toString(), u"/my/path"_s);
        QCOMPARE(event.value(u"rawQueryString"_s).toString(), u"b=2&a=1&a=x%20y"_s);
        QCOMPARE(event.value(u"cookies"_s).toArray(), (QJsonArray{u"s=1"_s, u"t=2"_s}));
        const QJsonObject headers = event.value(u"headers"_s).toObject();
        QCOMPARE(headers.value(u"x-multi"_s).toString(), u"one,two"_s);
        QCOMPARE(headers.value(u"content-type"_s).toString(), u"application/json"_s);
        QVERIFY(!headers.contains(u"cookie"_s));
        QVERIFY(!headers.contains(u"Content-Type"_s));
        const QJsonObject query = event.value(u"queryStringParameters"_s).toObject();
        QCOMPARE(query.value(u"a"_s).toString(), u"1,x y"_s);
        QCOMPARE(query.value(u"b"_s).toString(), u"2"_s);
        QCOMPARE(event.value(u"body"_s).toString(), u"{\"hello\":\"world\"}"_s);
        QCOMPARE(event.value(u"isBase64Encoded"_s).toBool(), false);
        const QJsonObject context2 = event.value(u"requestContext"_s).toObject();
        QCOMPARE(context2.value(u"accountId"_s).toString(), u"anonymous"_s);
        QCOMPARE(context2.value(u"apiId"_s).toString(), context.urlId);
        QCOMPARE(context2.value(u"domainPrefix"_s).toString(), context.urlId);
        QCOMPARE(context2.value(u"domainName"_s).toString(),
            u"abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.localhost"_s);
        QCOMPARE(context2.value(u"requestId"_s).toString(), u"req-1"_s);
        QCOMPARE(context2.value(u"stage"_s).toString(), u"$default"_s);
        QCOMPARE(context2.value(u"time"_s).toString(), u"04/Mar/2020:19:03:58 +0000"_s);
        QCOMPARE(context2.value(u"timeEpoch"_s).toDouble(), 1'583'348'638'390.0);
        const QJsonObject httpContext = context2.value(u"http"_s).toObject();
        QCOMPARE(httpContext.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(httpContext.value(u"path"_s).toString(), u"/my/path"_s);
        QCOMPARE(httpContext.value(u"protocol"_s).toString(), u"HTTP/1.1"_s);
        QCOMPARE(httpContext.value(u"sourceIp"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(httpContext.value(u"userAgent"_s).toString(), u"tester/1"_s);
        QVERIFY(!context2.contains(u"authorizer"_s));
    }

    void binaryBodyAndNoQuery()
    {
        HttpRequest http = request("PUT", "/", {{"Content-Type", "application/octet-stream"}});
        http.body = QByteArray("\x00\xff\x10", 3);
        http.bodySize = http.body.size();
        FunctionUrlEvent::Context context;
        context.accessKeyId = u"AKIDEXAMPLE"_s;
        context.callerAccountId = u"000000000000"_s;
        const QJsonObject event = FunctionUrlEvent::event(http, context);
        QCOMPARE(event.value(u"isBase64Encoded"_s).toBool(), true);
        QCOMPARE(event.value(u"body"_s).toString(), u"AP8Q"_s);
        QVERIFY(!event.contains(u"queryStringParameters"_s));
        QVERIFY(!event.contains(u"cookies"_s));
        QCOMPARE(event.value(u"requestContext"_s)
                     .toObject()
                     .value(u"authorizer"_s)
                     .toObject()
                     .value(u"iam"_s)
                     .toObject()
                     .value(u"accessKey"_s)
                     .toString(),
            u"AKIDEXAMPLE"_s);

        const QJsonObject empty = FunctionUrlEvent::event(request("GET", "/", {}), context);
        QVERIFY(!empty.contains(u"body"_s));
    }

    void response_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("object without statusCode")
            << QByteArray(R"({"message":"hi"})") << 200 << QByteArray("application/json")
            << QByteArray(R"({"message":"hi"})");
        QTest::newRow("number") << QByteArray("42") << 200 << QByteArray("application/json")
                                << QByteArray("42");
        QTest::newRow("statusCode object")
            << QByteArray(R"({"statusCode":201,"headers":{"Content-Type":"text/plain","X-N":5},)"
                          R"("body":"made"})")
            << 201 << QByteArray("text/plain") << QByteArray("made");
        QTest::newRow("base64 body")
            << QByteArray(R"({"statusCode":200,"body":"aGk=","isBase64Encoded":true})") << 200
            << QByteArray("application/json") << QByteArray("hi");
        QTest::newRow("bad statusCode")
            << QByteArray(R"({"statusCode":"teapot"})") << 502 << QByteArray("application/json")
            << QByteArray(R"({"Message":"Internal Server Error"})");
    }

    void response()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        const HttpResponse response = FunctionUrlEvent::response(payload);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("content-type"), contentType);
        QCOMPARE(response.body, body);
    }

    void cookiesAndHeaders()
    {
        const HttpResponse response = FunctionUrlEvent::response(
            R"({"statusCode":302,"headers":{"Location":"/x","X-N":5},"cookies":["a=1","b=2"]})");
        QCOMPARE(response.status, 302);
        QCOMPARE(response.header("location"), QByteArray("/x"));
        QCOMPARE(response.header("x-n"), QByteArray("5"));
        int cookies = 0;
        for (const auto &[name, value] : response.headers)
            cookies += name == "Set-Cookie" ? 1 : 0;
        QCOMPARE(cookies, 2);
    }

    void cors()
    {
        const HttpRequest preflight = request("OPTIONS",
            "/",
            {{"Origin", "https://app.example"}, {"Access-Control-Request-Method", "POST"}});
        QVERIFY(FunctionUrlEvent::isPreflight(preflight, Cors));
        QVERIFY(!FunctionUrlEvent::isPreflight(preflight, {}));
        const HttpResponse answer = FunctionUrlEvent::preflight(preflight, Cors);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.header("access-control-allow-origin"), QByteArray("https://app.example"));
        QCOMPARE(answer.header("access-control-allow-methods"), QByteArray("GET,POST"));
        QCOMPARE(answer.header("access-control-allow-headers"), QByteArray("x-custom"));
        QCOMPARE(answer.header("access-control-max-age"), QByteArray("300"));
        QCOMPARE(answer.header("access-control-allow-credentials"), QByteArray("true"));

        const HttpRequest stranger = request("OPTIONS",
            "/",
            {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
        QVERIFY(FunctionUrlEvent::preflight(stranger, Cors)
                    .header("access-control-allow-origin")
                    .isEmpty());
        const HttpRequest badMethod = request("OPTIONS",
            "/",
            {{"Origin", "https://app.example"}, {"Access-Control-Request-Method", "DELETE"}});
        QVERIFY(FunctionUrlEvent::preflight(badMethod, Cors)
                    .header("access-control-allow-origin")
                    .isEmpty());

        HttpResponse response = FunctionUrlEvent::response(
            R"({"statusCode":200,"headers":{"Access-Control-Allow-Origin":"*"}})");
        FunctionUrlEvent::applyCors(
            request("GET", "/", {{"Origin", "https://app.example"}}), Cors, response);
        QCOMPARE(response.header("access-control-allow-origin"), QByteArray("https://app.example"));
        QCOMPARE(response.header("access-control-expose-headers"), QByteArray("x-out"));
        HttpResponse foreign = FunctionUrlEvent::response(
            R"({"statusCode":200,"headers":{"Access-Control-Allow-Origin":"*"}})");
        FunctionUrlEvent::applyCors(
            request("GET", "/", {{"Origin", "https://evil.example"}}), Cors, foreign);
        QVERIFY(foreign.header("access-control-allow-origin").isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_FunctionUrlEvent)
#include "tst_functionurlevent.moc"
