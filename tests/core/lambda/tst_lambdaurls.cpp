// SPDX-License-Identifier: MIT
// LambdaService's function URLs as AWS keeps them: one per $LATEST or alias (a version number is
// refused), AuthType required and checked, ResourceConflictException for a second one, the URL's
// shape and url id, deletion with the alias or function, and the Url* metrics of a request.
#include "core/common/clock.h"
#include "core/common/metricsink.h"
#include "core/lambda/lambdaservice.h"
#include "core/lambda/zipwriter.h"
#include "core/logs/logsservice.h"
#include "tests/support/tempdatabase.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Lambda;

namespace {

const QByteArray Handler = "def handler(event, context):\n    return event\n";

// Sums AWS/Lambda data points with the FunctionName dimension only, per metric name.
class MetricCounter final : public Core::MetricSink
{
public:
    void putMetric(const QString &metricNamespace,
        const QString &metricName,
        const MetricDimensions &dimensions,
        double value,
        const QString &unit,
        qint64) override
    {
        if (metricNamespace == u"AWS/Lambda"_s && dimensions.size() == 1
            && dimensions.first().first == u"FunctionName"_s) {
            sums[metricName] += value;
            counts[metricName] += 1;
            units[metricName] = unit;
        }
    }

    QHash<QString, double> sums;
    QHash<QString, int> counts;
    QHash<QString, QString> units;
};

FunctionUrlChanges auth(const QString &type)
{
    FunctionUrlChanges changes;
    changes.authType = type;
    return changes;
}

} // namespace

class tst_LambdaUrls : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createGetUpdateDelete();
    void qualifiers();
    void validation_data();
    void validation();
    void deletedWithAliasAndFunction();
    void listPages();
    void metrics();

private:
    void createFunction(const QString &name);

    std::unique_ptr<Tests::TempDatabase> m_db;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Core::Logs::LogsService> m_logs;
    std::unique_ptr<LambdaService> m_service;
};

void tst_LambdaUrls::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_db = std::make_unique<Tests::TempDatabase>();
    QVERIFY(m_db->isOpen());
    m_clock = std::make_unique<Core::ManualClock>();
    m_logs = std::make_unique<Core::Logs::LogsService>(
        m_db->database(), m_clock.get(), u"us-east-1"_s, u"000000000000"_s);
    m_service = std::make_unique<LambdaService>(m_db->database(),
        m_clock.get(),
        m_logs.get(),
        m_db->dirPath(),
        u"us-east-1"_s,
        u"000000000000"_s);
    m_service->setEndpointUrl(u"http://127.0.0.1:4599"_s);
}

void tst_LambdaUrls::cleanup()
{
    m_service.reset();
    m_logs.reset();
    m_clock.reset();
    m_db.reset();
}

void tst_LambdaUrls::createFunction(const QString &name)
{
    CreateFunctionRequest request;
    request.functionName = name;
    request.runtime = u"python3.12"_s;
    request.role = u"arn:aws:iam::000000000000:role/lambda-role"_s;
    request.handler = u"app.handler"_s;
    request.zipFile = ZipWriter::write({{u"app.py"_s, Handler, false, false}});
    QVERIFY(m_service->createFunction(request));
}

// The URL is http://<32 lowercase alphanumerics>.lambda-url.<region>.localhost:<port>/; a second
// create conflicts; update changes only what it is given; delete leaves none to get.
void tst_LambdaUrls::createGetUpdateDelete()
{
    createFunction(u"f1"_s);
    FunctionUrlChanges changes = auth(u"NONE"_s);
    changes.cors = QJsonObject{{u"AllowOrigins"_s, QJsonArray{u"*"_s}}, {u"MaxAge"_s, 60}};
    const auto created = m_service->createFunctionUrlConfig(u"f1"_s, {}, changes);
    QVERIFY(created);
    static const QRegularExpression shape(
        u"^http://([a-z0-9]{32})\\.lambda-url\\.us-east-1\\.localhost:4599/$"_s);
    const auto match = shape.match(created->functionUrl);
    QVERIFY2(match.hasMatch(), qPrintable(created->functionUrl));
    QCOMPARE(created->urlId, match.captured(1));
    QCOMPARE(created->functionArn, u"arn:aws:lambda:us-east-1:000000000000:function:f1"_s);
    QCOMPARE(created->qualifier, u"$LATEST"_s);
    QCOMPARE(created->invokeMode, u"BUFFERED"_s);
    QCOMPARE(created->creationMs, m_clock->nowMs());

    const auto again = m_service->createFunctionUrlConfig(u"f1"_s, u"$LATEST"_s, auth(u"NONE"_s));
    QVERIFY(!again);
    QCOMPARE(again.error().code, u"ResourceConflictException"_s);
    QCOMPARE(again.error().httpStatus, 409);

    m_clock->setNowMs(m_clock->nowMs() + 5000);
    const auto updated = m_service->updateFunctionUrlConfig(u"f1"_s, {}, auth(u"AWS_IAM"_s));
    QVERIFY(updated);
    QCOMPARE(updated->authType, u"AWS_IAM"_s);
    QCOMPARE(updated->cors.value(u"MaxAge"_s).toInt(), 60);
    QCOMPARE(updated->urlId, created->urlId);
    QCOMPARE(updated->lastModifiedMs, created->creationMs + 5000);

    const auto byId = m_service->functionUrlById(created->urlId);
    QVERIFY(byId);
    QCOMPARE(byId->functionName, u"f1"_s);
    QCOMPARE(byId->authType, u"AWS_IAM"_s);

    QVERIFY(m_service->deleteFunctionUrlConfig(u"f1"_s, {}));
    const auto gone = m_service->getFunctionUrlConfig(u"f1"_s, {});
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, u"ResourceNotFoundException"_s);
    QCOMPARE(gone.error().httpStatus, 404);
    QCOMPARE(m_service->deleteFunctionUrlConfig(u"f1"_s, {}).error().code,
        u"ResourceNotFoundException"_s);
    QCOMPARE(m_service->updateFunctionUrlConfig(u"f1"_s, {}, auth(u"NONE"_s)).error().code,
        u"ResourceNotFoundException"_s);
    QVERIFY(!m_service->functionUrlById(created->urlId));
}

// Qualifier: $LATEST or an existing alias (each its own URL and ARN); a version number fails
// the FunctionUrlQualifier pattern; a missing alias or function is ResourceNotFoundException.
void tst_LambdaUrls::qualifiers()
{
    createFunction(u"f1"_s);
    QVERIFY(m_service->publishVersion(u"f1"_s, {}, {}));
    AliasConfiguration alias;
    alias.name = u"live"_s;
    alias.functionVersion = u"1"_s;
    QVERIFY(m_service->createAlias(u"f1"_s, alias));

    const auto version = m_service->createFunctionUrlConfig(u"f1"_s, u"1"_s, auth(u"NONE"_s));
    QVERIFY(!version);
    QCOMPARE(version.error().code, u"ValidationException"_s);
    QVERIFY(version.error().message.contains(u"at 'qualifier'"_s));
    QVERIFY(!m_service->createFunctionUrlConfig(u"f1:1"_s, {}, auth(u"NONE"_s)));

    const auto missingAlias =
        m_service->createFunctionUrlConfig(u"f1"_s, u"nope"_s, auth(u"NONE"_s));
    QCOMPARE(missingAlias.error().code, u"ResourceNotFoundException"_s);
    const auto missingFunction = m_service->createFunctionUrlConfig(u"nope"_s, {}, auth(u"NONE"_s));
    QCOMPARE(missingFunction.error().code, u"ResourceNotFoundException"_s);

    const auto live = m_service->createFunctionUrlConfig(u"f1"_s, u"live"_s, auth(u"NONE"_s));
    QVERIFY(live);
    QCOMPARE(live->functionArn, u"arn:aws:lambda:us-east-1:000000000000:function:f1:live"_s);
    const auto latest = m_service->createFunctionUrlConfig(u"f1"_s, {}, auth(u"AWS_IAM"_s));
    QVERIFY(latest);
    QVERIFY(live->urlId != latest->urlId);
    QCOMPARE(m_service->getFunctionUrlConfig(u"f1:live"_s, {})->urlId, live->urlId);
}

void tst_LambdaUrls::validation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("no AuthType") << QJsonObject() << u"'authType'"_s;
    QTest::newRow("bad AuthType") << QJsonObject{{u"AuthType"_s, u"OPEN"_s}} << u"'authType'"_s;
    QTest::newRow("bad InvokeMode")
        << QJsonObject{{u"AuthType"_s, u"NONE"_s}, {u"InvokeMode"_s, u"FAST"_s}}
        << u"'invokeMode'"_s;
    QTest::newRow("MaxAge over a day")
        << QJsonObject{{u"AuthType"_s, u"NONE"_s}, {u"Cors"_s, QJsonObject{{u"MaxAge"_s, 86401}}}}
        << u"'cors.maxAge'"_s;
    QTest::newRow("method too long") << QJsonObject{{u"AuthType"_s, u"NONE"_s},
        {u"Cors"_s, QJsonObject{{u"AllowMethods"_s, QJsonArray{u"OPTIONSX"_s}}}}}
                                     << u"'cors.allowMethods.member'"_s;
}

// CreateFunctionUrlConfig's members are checked as AWS checks them (ValidationException naming
// the member) and nothing is stored.
void tst_LambdaUrls::validation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    createFunction(u"f1"_s);
    FunctionUrlChanges changes;
    if (body.contains(u"AuthType"_s))
        changes.authType = body.value(u"AuthType"_s).toString();
    if (body.contains(u"InvokeMode"_s))
        changes.invokeMode = body.value(u"InvokeMode"_s).toString();
    if (body.contains(u"Cors"_s))
        changes.cors = body.value(u"Cors"_s).toObject();
    const auto created = m_service->createFunctionUrlConfig(u"f1"_s, {}, changes);
    QVERIFY(!created);
    QCOMPARE(created.error().code, u"ValidationException"_s);
    QVERIFY2(created.error().message.contains(field), qPrintable(created.error().message));
    QCOMPARE(m_service->listFunctionUrlConfigs(u"f1"_s)->size(), 0);
}

// Deleting an alias deletes its URL; deleting the function deletes all of them.
void tst_LambdaUrls::deletedWithAliasAndFunction()
{
    createFunction(u"f1"_s);
    AliasConfiguration alias;
    alias.name = u"live"_s;
    alias.functionVersion = u"$LATEST"_s;
    QVERIFY(m_service->createAlias(u"f1"_s, alias));
    const auto live = m_service->createFunctionUrlConfig(u"f1"_s, u"live"_s, auth(u"NONE"_s));
    const auto latest = m_service->createFunctionUrlConfig(u"f1"_s, {}, auth(u"NONE"_s));
    QVERIFY(live && latest);
    QCOMPARE(m_service->listFunctionUrlConfigs(u"f1"_s)->size(), 2);

    QVERIFY(m_service->deleteAlias(u"f1"_s, u"live"_s));
    QVERIFY(!m_service->functionUrlById(live->urlId));
    QCOMPARE(m_service->listFunctionUrlConfigs(u"f1"_s)->size(), 1);

    QVERIFY(m_service->deleteFunction(u"f1"_s, {}));
    QVERIFY(!m_service->functionUrlById(latest->urlId));
    createFunction(u"f1"_s);
    QCOMPARE(m_service->listFunctionUrlConfigs(u"f1"_s)->size(), 0);
    QCOMPARE(
        m_service->listFunctionUrlConfigs(u"nope"_s).error().code, u"ResourceNotFoundException"_s);
}

// ListFunctionUrlConfigs pages by MaxItems (1-50) with NextMarker.
void tst_LambdaUrls::listPages()
{
    createFunction(u"f1"_s);
    for (const QString &name : {u"a1"_s, u"b2"_s}) {
        AliasConfiguration alias;
        alias.name = name;
        alias.functionVersion = u"$LATEST"_s;
        QVERIFY(m_service->createAlias(u"f1"_s, alias));
        QVERIFY(m_service->createFunctionUrlConfig(u"f1"_s, name, auth(u"NONE"_s)));
    }
    QVERIFY(m_service->createFunctionUrlConfig(u"f1"_s, {}, auth(u"NONE"_s)));
    QString marker;
    const auto first = m_service->listFunctionUrlConfigs(u"f1"_s, {}, 2, &marker);
    QCOMPARE(first->size(), 2);
    QVERIFY(!marker.isEmpty());
    QString end;
    const auto second = m_service->listFunctionUrlConfigs(u"f1"_s, marker, 2, &end);
    QCOMPARE(second->size(), 1);
    QVERIFY(end.isEmpty());
    QCOMPARE(
        m_service->listFunctionUrlConfigs(u"f1"_s, {}, 51).error().code, u"ValidationException"_s);
}

// Each request through a URL counts once in UrlRequestCount, in Url4xxCount or Url5xxCount by
// its status, and reports its latency in milliseconds.
void tst_LambdaUrls::metrics()
{
    createFunction(u"f1"_s);
    MetricCounter counter;
    m_service->setMetricSink(&counter);
    const auto config = m_service->createFunctionUrlConfig(u"f1"_s, {}, auth(u"NONE"_s));
    QVERIFY(config);
    m_service->recordUrlRequest(*config, 200, 12.5);
    m_service->recordUrlRequest(*config, 403, 1);
    m_service->recordUrlRequest(*config, 502, 2);
    QCOMPARE(counter.sums.value(u"UrlRequestCount"_s), 3.0);
    QCOMPARE(counter.sums.value(u"Url4xxCount"_s), 1.0);
    QCOMPARE(counter.sums.value(u"Url5xxCount"_s), 1.0);
    QCOMPARE(counter.sums.value(u"UrlRequestLatency"_s), 15.5);
    QCOMPARE(counter.units.value(u"UrlRequestLatency"_s), u"Milliseconds"_s);
    m_service->setMetricSink(nullptr);
}

QTEST_GUILESS_MAIN(tst_LambdaUrls)
#include "tst_lambdaurls.moc"
