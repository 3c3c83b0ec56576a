// SPDX-License-Identifier: MIT
// LambdaService with real interpreter processes: validation errors as AWS words them, sync
// invocation with warm reuse (Init Duration only on a cold start), errors and timeouts, log
// framing in CloudWatch Logs, reserved concurrency 0 throttling, asynchronous retries after
// one and two minutes (ManualClock) ending in a recorded failure, and the Throttles metric of
// throttled Event invocations (AWS's back-off from 1 s to 5 min; no retry at concurrency 0).
#include "core/common/clock.h"
#include "core/common/metricsink.h"
#include "core/lambda/lambdaservice.h"
#include "core/lambda/queuesource.h"
#include "core/lambda/zipwriter.h"
#include "core/logs/logsservice.h"
#include "tests/support/tempdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Lambda;

namespace {

constexpr int ProcessWaitMs = 60000; // shared, loaded CI machines: generous

QByteArray zipOf(const QString &name, const QByteArray &source)
{
    return ZipWriter::write({{name, source, false, false}});
}

const QByteArray PythonHandler = R"(import os
COUNT = 0
def handler(event, context):
    global COUNT
    COUNT += 1
    print("event", event.get("n"))
    if event.get("raise"):
        raise KeyError("missing thing")
    if event.get("sleep"):
        import time
        time.sleep(event["sleep"])
    return {"n": event.get("n"), "count": COUNT, "fn": context.function_name,
            "env": os.environ.get("GREETING"), "left": context.get_remaining_time_in_millis() > 0}
)";

// An in-memory queue: receive() hides what it returns until makeVisible().
class FakeQueue final : public QueueSource
{
public:
    struct Entry
    {
        QueueMessage message;
        bool visible = true;
    };
    QList<Entry> entries;
    int receives = 0;
    int visibilityTimeout = 30;

    void send(const QString &body)
    {
        const QString id = u"m%1"_s.arg(entries.size() + receives * 100);
        entries.append({{id, u"h-"_s + id, body, {}, {}, {}}, true});
    }
    void makeVisible()
    {
        for (Entry &entry : entries)
            entry.visible = true;
    }
    QStringList bodies() const
    {
        QStringList list;
        for (const Entry &entry : entries)
            list.append(entry.message.body);
        return list;
    }
    bool queueExists(const QString &queueArn) const override
    {
        return queueArn.endsWith(u":jobs"_s);
    }
    int visibilityTimeoutSeconds(const QString &) const override { return visibilityTimeout; }
    QList<QueueMessage> receive(const QString &, int maxMessages) override
    {
        ++receives;
        QList<QueueMessage> batch;
        for (Entry &entry : entries) {
            if (entry.visible && batch.size() < maxMessages) {
                entry.visible = false;
                batch.append(entry.message);
            }
        }
        return batch;
    }
    void deleteMessages(const QString &, const QStringList &handles) override
    {
        entries.removeIf(
            [&](const Entry &entry) { return handles.contains(entry.message.receiptHandle); });
    }
};

const QByteArray BatchHandler = R"(def handler(event, context):
    bodies = [r["body"] for r in event["Records"]]
    print("batch", bodies, event["Records"][0]["eventSource"])
    if "boom" in bodies:
        raise RuntimeError("boom")
    return {"batchItemFailures": [{"itemIdentifier": r["messageId"]} for r in event["Records"] if r["body"] == "retry"]}
)";

// Counts the AWS/Lambda Throttles data points with the FunctionName dimension only.
class ThrottleCounter final : public Core::MetricSink
{
public:
    void putMetric(const QString &metricNamespace,
        const QString &metricName,
        const MetricDimensions &dimensions,
        double value,
        const QString &,
        qint64) override
    {
        if (metricNamespace == u"AWS/Lambda"_s && metricName == u"Throttles"_s
            && dimensions.size() == 1 && dimensions.first().first == u"FunctionName"_s)
            throttles[dimensions.first().second] += value;
    }

    QHash<QString, double> throttles;
};

} // namespace

class tst_LambdaService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void validation_data();
    void validation();
    void conflictingEntriesLeaveNothing_data();
    void conflictingEntriesLeaveNothing();
    void invokeWarmAndCold();
    void functionErrorAndTimeout();
    void reservedConcurrencyZeroThrottles();
    void asyncRetriesWithClock();
    void asyncQueueSurvivesRestart();
    void asyncThrottlesBackOff();
    void asyncReservedConcurrencyZeroIsNotRetried();
    void nodeHandler();
    void sqsEventSourceMapping();

private:
    CreateFunctionRequest python(const QString &name) const;
    Core::Result<InvocationResult> invokeSync(
        const QString &name, const QByteArray &payload, bool tail = false);
    // A new service on the same database, as after a restart (the old one goes first).
    void restartService();

    std::unique_ptr<Tests::TempDatabase> m_db;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Core::Logs::LogsService> m_logs;
    std::unique_ptr<LambdaService> m_service;
};

void tst_LambdaService::initTestCase()
{
    if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
        QSKIP("python3 is not installed");
}

void tst_LambdaService::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_db = std::make_unique<Tests::TempDatabase>();
    QVERIFY(m_db->isOpen());
    m_clock = std::make_unique<Core::ManualClock>();
    m_logs = std::make_unique<Core::Logs::LogsService>(
        m_db->database(), m_clock.get(), u"us-east-1"_s, u"000000000000"_s);
    restartService();
}

void tst_LambdaService::restartService()
{
    m_service.reset();
    m_service = std::make_unique<LambdaService>(m_db->database(),
        m_clock.get(),
        m_logs.get(),
        m_db->dirPath(),
        u"us-east-1"_s,
        u"000000000000"_s);
}

void tst_LambdaService::cleanup()
{
    m_service.reset();
    m_logs.reset();
    m_clock.reset();
    m_db.reset();
}

CreateFunctionRequest tst_LambdaService::python(const QString &name) const
{
    CreateFunctionRequest request;
    request.functionName = name;
    request.runtime = u"python3.12"_s;
    request.role = u"arn:aws:iam::000000000000:role/lambda-role"_s;
    request.handler = u"app.handler"_s;
    request.zipFile = zipOf(u"app.py"_s, PythonHandler);
    request.environment = {{u"GREETING"_s, u"hi"_s}};
    return request;
}

Core::Result<InvocationResult> tst_LambdaService::invokeSync(
    const QString &name, const QByteArray &payload, bool tail)
{
    std::optional<Core::Result<InvocationResult>> answer;
    m_service->invoke({name, {}, InvocationType::RequestResponse, payload, tail},
        [&answer](Core::Result<InvocationResult> result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, ProcessWaitMs))
        return std::unexpected(Core::AwsError{u"TestTimeout"_s, u"no answer"_s});
    return *answer;
}

void tst_LambdaService::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("timeout 0") << u"timeout"_s << u"0"_s << u"ValidationException"_s
                               << u"greater than or equal to 1"_s;
    QTest::newRow("timeout 901") << u"timeout"_s << u"901"_s << u"ValidationException"_s
                                 << u"less than or equal to 900"_s;
    QTest::newRow("memory 64") << u"memory"_s << u"64"_s << u"ValidationException"_s
                               << u"greater than or equal to 128"_s;
    QTest::newRow("memory 10241") << u"memory"_s << u"10241"_s << u"ValidationException"_s
                                  << u"less than or equal to 10240"_s;
    QTest::newRow("role") << u"role"_s << u"not-an-arn"_s << u"ValidationException"_s
                          << u"at 'role'"_s;
    QTest::newRow("runtime") << u"runtime"_s << u"cobol9"_s << u"ValidationException"_s
                             << u"enum value set"_s;
    QTest::newRow("old runtime") << u"runtime"_s << u"python2.7"_s
                                 << u"InvalidParameterValueException"_s << u"no longer supported"_s;
    QTest::newRow("reserved env") << u"env"_s << u"AWS_REGION"_s
                                  << u"InvalidParameterValueException"_s << u"reserved keys"_s;
    QTest::newRow("env 4KB") << u"env"_s << u"BIG"_s << u"InvalidParameterValueException"_s
                             << u"exceeded the 4KB limit"_s;
    QTest::newRow("bad zip") << u"zip"_s << u"garbage"_s << u"InvalidParameterValueException"_s
                             << u"Could not unzip uploaded file"_s;
    QTest::newRow("name") << u"name"_s << u"bad name!"_s << u"ValidationException"_s
                          << u"functionName"_s;
}

void tst_LambdaService::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, code);
    QFETCH(QString, message);
    CreateFunctionRequest request = python(u"f"_s);
    if (field == u"timeout"_s)
        request.timeout = value.toInt();
    else if (field == u"memory"_s)
        request.memorySize = value.toInt();
    else if (field == u"role"_s)
        request.role = value;
    else if (field == u"runtime"_s)
        request.runtime = value;
    else if (field == u"env"_s)
        request.environment.insert(value, value == u"BIG"_s ? QString(5000, u'x') : u"v"_s);
    else if (field == u"zip"_s)
        request.zipFile = value.toUtf8();
    else if (field == u"name"_s)
        request.functionName = value;
    const auto created = m_service->createFunction(request);
    QVERIFY(!created);
    QCOMPARE(created.error().code, code);
    QVERIFY2(created.error().message.contains(message), qPrintable(created.error().message));
}

// A package whose entries conflict on disk (a file and a folder of one name) is one AWS cannot
// unzip: 400 InvalidParameterValueException, and neither CreateFunction nor UpdateFunctionCode
// leaves files behind ($LATEST.new, or the folder of a function that was not created).
void tst_LambdaService::conflictingEntriesLeaveNothing_data()
{
    QTest::addColumn<QList<ZipReader::Entry>>("entries");
    const ZipReader::Entry handler{u"app.py"_s, PythonHandler, false, false};
    QTest::newRow("file, then a file under it") << QList<ZipReader::Entry>{
        handler, {u"index.py"_s, "a", false, false}, {u"index.py/x"_s, "b", false, false}};
    QTest::newRow("file under a name, then that file") << QList<ZipReader::Entry>{
        handler, {u"index.py/x"_s, "b", false, false}, {u"index.py"_s, "a", false, false}};
    QTest::newRow("folder, then a file of its name") << QList<ZipReader::Entry>{
        handler, {u"d/"_s, {}, true, false}, {u"d"_s, "a", false, false}};
}

void tst_LambdaService::conflictingEntriesLeaveNothing()
{
    QFETCH(QList<ZipReader::Entry>, entries);
    const QByteArray zip = ZipWriter::write(entries);
    const QDir functions(QDir(m_db->dirPath()).filePath(u"functions"_s));
    const QString message =
        u"Could not unzip uploaded file. Please check your file, then try to upload again."_s;

    CreateFunctionRequest request = python(u"conflict"_s);
    request.zipFile = zip;
    const auto created = m_service->createFunction(request);
    QVERIFY(!created);
    QCOMPARE(created.error().code, u"InvalidParameterValueException"_s);
    QCOMPARE(created.error().message, message);
    QCOMPARE(created.error().httpStatus, 400);
    QVERIFY(!functions.exists(u"conflict"_s));

    QVERIFY(m_service->createFunction(python(u"kept"_s)));
    const auto updated = m_service->updateFunctionCode(u"kept"_s, zip, false, {});
    QVERIFY(!updated);
    QCOMPARE(updated.error().code, u"InvalidParameterValueException"_s);
    QCOMPARE(updated.error().message, message);
    QCOMPARE(QDir(functions.filePath(u"kept"_s)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
        QStringList({u"$LATEST"_s, u"$LATEST.zip"_s}));
    QVERIFY(QFile::exists(functions.filePath(u"kept/$LATEST/app.py"_s)));
}

void tst_LambdaService::invokeWarmAndCold()
{
    const auto created = m_service->createFunction(python(u"echo"_s));
    QVERIFY(created);
    QCOMPARE(created->timeout, 3);
    QCOMPARE(created->memorySize, 128);
    QCOMPARE(created->state, u"Active"_s);
    QCOMPARE(
        m_service->createFunction(python(u"echo"_s)).error().code, u"ResourceConflictException"_s);

    const auto first = invokeSync(u"echo"_s, R"({"n": 1})", true);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first->statusCode, 200);
    QVERIFY(first->functionError.isEmpty());
    const QJsonObject body = QJsonDocument::fromJson(first->payload).object();
    QCOMPARE(body.value(u"count"_s).toInt(), 1);
    QCOMPARE(body.value(u"fn"_s).toString(), u"echo"_s);
    QCOMPARE(body.value(u"env"_s).toString(), u"hi"_s);
    QVERIFY(body.value(u"left"_s).toBool());
    QVERIFY(first->initDurationMs.has_value());
    const QByteArray tail = QByteArray::fromBase64(first->logTail);
    QVERIFY(
        tail.contains(QByteArray(QByteArray("START RequestId: ") + first->requestId.toLatin1())));
    QVERIFY(tail.contains("event 1"));
    QVERIFY(tail.contains("Init Duration:"));

    // Warm: same process (module state kept), no Init Duration.
    const auto second = invokeSync(u"echo"_s, R"({"n": 2})");
    QVERIFY(second);
    QCOMPARE(QJsonDocument::fromJson(second->payload).object().value(u"count"_s).toInt(), 2);
    QVERIFY(!second->initDurationMs.has_value());

    // New code: the warm environment is replaced.
    QVERIFY(m_service->updateFunctionCode(u"echo"_s, zipOf(u"app.py"_s, PythonHandler), false, {}));
    const auto third = invokeSync(u"echo"_s, R"({"n": 3})");
    QCOMPARE(QJsonDocument::fromJson(third->payload).object().value(u"count"_s).toInt(), 1);

    Core::Logs::FilterLogEventsQuery query;
    query.groupName = u"/aws/lambda/echo"_s;
    query.filterPattern = u"REPORT"_s;
    const auto reports = m_logs->filterLogEvents(query);
    QVERIFY(reports);
    QCOMPARE(reports->items.size(), 3);
    QVERIFY(reports->items.first().streamName.contains(u"[$LATEST]"_s));
    QVERIFY(reports->items.first().message.contains(u"Billed Duration:"_s));
    QCOMPARE(m_service->recentInvocations(u"echo"_s, 10).size(), 3);

    const auto invalid = invokeSync(u"echo"_s, "{not json");
    QCOMPARE(invalid.error().code, u"InvalidRequestContentException"_s);
    const auto missing = invokeSync(u"nope"_s, "{}");
    QCOMPARE(missing.error().code, u"ResourceNotFoundException"_s);
    QCOMPARE(missing.error().httpStatus, 404);
}

void tst_LambdaService::functionErrorAndTimeout()
{
    CreateFunctionRequest request = python(u"errs"_s);
    request.timeout = 1;
    QVERIFY(m_service->createFunction(request));
    const auto raised = invokeSync(u"errs"_s, R"({"raise": true})");
    QVERIFY(raised);
    QCOMPARE(raised->functionError, u"Unhandled"_s);
    const QJsonObject error = QJsonDocument::fromJson(raised->payload).object();
    QCOMPARE(error.value(u"errorType"_s).toString(), u"KeyError"_s);
    QCOMPARE(error.value(u"errorMessage"_s).toString(), u"'missing thing'"_s);
    QVERIFY(!error.value(u"stackTrace"_s).toArray().isEmpty());

    const auto timedOut = invokeSync(u"errs"_s, R"({"sleep": 30})");
    QVERIFY(timedOut);
    QCOMPARE(timedOut->functionError, u"Unhandled"_s);
    QVERIFY2(timedOut->payload.contains("Task timed out after 1.00 seconds"), timedOut->payload);
    // The killed environment is replaced: the next call is a cold start and works.
    const auto after = invokeSync(u"errs"_s, R"({"n": 9})");
    QVERIFY(after);
    QVERIFY(after->functionError.isEmpty());
    QVERIFY(after->initDurationMs.has_value());

    request = python(u"badhandler"_s);
    request.handler = u"app.nothing"_s;
    QVERIFY(m_service->createFunction(request));
    const auto notFound = invokeSync(u"badhandler"_s, "{}");
    QCOMPARE(QJsonDocument::fromJson(notFound->payload).object().value(u"errorType"_s).toString(),
        u"Runtime.HandlerNotFound"_s);
    request = python(u"badmodule"_s);
    request.handler = u"missing.handler"_s;
    QVERIFY(m_service->createFunction(request));
    const auto noModule = invokeSync(u"badmodule"_s, "{}");
    QCOMPARE(
        QJsonDocument::fromJson(noModule->payload).object().value(u"errorMessage"_s).toString(),
        u"Unable to import module 'missing': No module named 'missing'"_s);
}

void tst_LambdaService::reservedConcurrencyZeroThrottles()
{
    QVERIFY(m_service->createFunction(python(u"capped"_s)));
    QCOMPARE(*m_service->putFunctionConcurrency(u"capped"_s, 0), 0);
    const auto throttled = invokeSync(u"capped"_s, "{}");
    QCOMPARE(throttled.error().code, u"TooManyRequestsException"_s);
    QCOMPARE(throttled.error().httpStatus, 429);
    QCOMPARE(throttled.error().message, u"Rate Exceeded."_s);
    QCOMPARE(m_service->putFunctionConcurrency(u"capped"_s, 950).error().code,
        u"InvalidParameterValueException"_s);
    QVERIFY(m_service->deleteFunctionConcurrency(u"capped"_s));
    QVERIFY(invokeSync(u"capped"_s, "{}"));
}

void tst_LambdaService::asyncRetriesWithClock()
{
    QVERIFY(m_service->createFunction(python(u"flaky"_s)));
    std::optional<Core::Result<InvocationResult>> accepted;
    m_service->invoke({u"flaky"_s, {}, InvocationType::Event, R"({"raise": true})", false},
        [&accepted](Core::Result<InvocationResult> result) { accepted = std::move(result); });
    QVERIFY(accepted && *accepted);
    QCOMPARE((*accepted)->statusCode, 202);
    const auto attempts = [this] {
        return m_service->recentInvocations(u"flaky"_s, 10).size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(attempts(), 1, ProcessWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_service->pendingEventCount(), 1, ProcessWaitMs);
    QTest::qWait(300);
    QCOMPARE(attempts(), 1); // the retry waits for a minute of engine time
    m_clock->advance(60 * 1000);
    QTRY_COMPARE_WITH_TIMEOUT(attempts(), 2, ProcessWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_service->pendingEventCount(), 1, ProcessWaitMs);
    m_clock->advance(119 * 1000);
    QTest::qWait(300);
    QCOMPARE(attempts(), 2);
    m_clock->advance(1000);
    QTRY_COMPARE_WITH_TIMEOUT(attempts(), 3, ProcessWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_service->eventFailureCount(u"flaky"_s), 1, ProcessWaitMs);
    QCOMPARE(m_service->pendingEventCount(), 0);
}

// A queued Event invocation that finds the function at its reserved concurrency counts one
// Throttles per attempt, and AWS retries it after 1, 2, 4 ... seconds, at most 5 minutes apart:
// engine-clock time, so the count follows AWS's and not the event timer's 100 ms tick.
void tst_LambdaService::asyncThrottlesBackOff()
{
    ThrottleCounter sink;
    m_service->setMetricSink(&sink);
    CreateFunctionRequest request = python(u"busy"_s);
    request.timeout = 60;
    QVERIFY(m_service->createFunction(request));
    QCOMPARE(*m_service->putFunctionConcurrency(u"busy"_s, 1), 1);
    // The one execution the function may have, held by a synchronous call (real time).
    std::optional<Core::Result<InvocationResult>> held;
    m_service->invoke({u"busy"_s, {}, InvocationType::RequestResponse, R"({"sleep": 12})", false},
        [&held](Core::Result<InvocationResult> result) { held = std::move(result); });
    std::optional<Core::Result<InvocationResult>> accepted;
    m_service->invoke({u"busy"_s, {}, InvocationType::Event, R"({"n": 1})", false},
        [&accepted](Core::Result<InvocationResult> result) { accepted = std::move(result); });
    QVERIFY(accepted && *accepted);
    const auto throttles = [&sink] {
        return sink.throttles.value(u"busy"_s);
    };
    QTRY_COMPARE(throttles(), 1.0);
    // Each retry waits twice as long as the one before: 1 s, 2 s, 4 s, 8 s.
    qint64 wait = 1000;
    for (double expected = 2; expected <= 5; ++expected, wait *= 2) {
        m_clock->advance(wait - 1);
        QTest::qWait(250);
        QCOMPARE(throttles(), expected - 1);
        m_clock->advance(1);
        QTRY_COMPARE(throttles(), expected);
    }
    // Then 16 s ... 256 s, and 5 minutes at most.
    for (double expected = 6; expected <= 10; ++expected, wait *= 2) {
        m_clock->advance(wait);
        QTRY_COMPARE(throttles(), expected);
    }
    m_clock->advance(5 * 60 * 1000 - 1);
    QTest::qWait(250);
    QCOMPARE(throttles(), 10.0);
    m_clock->advance(1);
    QTRY_COMPARE(throttles(), 11.0);
    QVERIFY(!held.has_value()); // still running: every attempt so far was throttled
    QCOMPARE(m_service->pendingEventCount(), 1);

    // Once the held execution ends, the next retry runs the event: no more throttles.
    QVERIFY(QTest::qWaitFor([&held] { return held.has_value(); }, ProcessWaitMs));
    m_clock->advance(5 * 60 * 1000);
    QTRY_COMPARE_WITH_TIMEOUT(m_service->recentInvocations(u"busy"_s, 10).size(), 2, ProcessWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_service->pendingEventCount(), 0, ProcessWaitMs);
    QCOMPARE(throttles(), 11.0);
    m_service->setMetricSink(nullptr);
}

// AWS does not retry Event invocations of a function with reserved concurrency 0: one throttle,
// and the event goes to the failure record (on-failure destination or DLQ) at once.
void tst_LambdaService::asyncReservedConcurrencyZeroIsNotRetried()
{
    ThrottleCounter sink;
    m_service->setMetricSink(&sink);
    QVERIFY(m_service->createFunction(python(u"capped"_s)));
    QCOMPARE(*m_service->putFunctionConcurrency(u"capped"_s, 0), 0);
    std::optional<Core::Result<InvocationResult>> accepted;
    m_service->invoke({u"capped"_s, {}, InvocationType::Event, R"({"n": 1})", false},
        [&accepted](Core::Result<InvocationResult> result) { accepted = std::move(result); });
    QVERIFY(accepted && *accepted);
    QCOMPARE((*accepted)->statusCode, 202);
    QTRY_COMPARE(m_service->eventFailureCount(u"capped"_s), 1);
    QCOMPARE(m_service->pendingEventCount(), 0);
    m_clock->advance(10 * 60 * 1000);
    QTest::qWait(250);
    QCOMPARE(sink.throttles.value(u"capped"_s), 1.0);
    QVERIFY(m_service->recentInvocations(u"capped"_s, 10).isEmpty());
    m_service->setMetricSink(nullptr);
}

// An Event invocation accepted but not yet run is in lambda_event_queue: a new service on the
// same database runs it; a retry waiting for its time keeps its attempt count across a restart.
void tst_LambdaService::asyncQueueSurvivesRestart()
{
    QVERIFY(m_service->createFunction(python(u"later"_s)));
    QVERIFY(m_service->createFunction(python(u"retried"_s)));
    const auto accept = [this](const QString &name, const QByteArray &payload) {
        std::optional<Core::Result<InvocationResult>> accepted;
        m_service->invoke({name, {}, InvocationType::Event, payload, false},
            [&accepted](Core::Result<InvocationResult> result) { accepted = std::move(result); });
        return accepted && *accepted && (*accepted)->statusCode == 202;
    };
    QVERIFY(accept(u"retried"_s, R"({"raise": true})"));
    const auto attempts = [this](const QString &name) {
        return m_service->recentInvocations(name, 10).size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(attempts(u"retried"_s), 1, ProcessWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_service->pendingEventCount(), 1, ProcessWaitMs);
    QVERIFY(accept(u"later"_s, R"({"k": 1})"));
    QCOMPARE(m_service->pendingEventCount(), 2);
    // Stop before the event loop runs "later".
    restartService();
    QCOMPARE(m_service->pendingEventCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(attempts(u"later"_s), 1, ProcessWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_service->pendingEventCount(), 1, ProcessWaitMs);
    QCOMPARE(m_service->recentInvocations(u"later"_s, 10).first().status, u"Success"_s);
    // The retry of "retried" is its second attempt, a minute after the first, then a third.
    m_clock->advance(60 * 1000);
    QTRY_COMPARE_WITH_TIMEOUT(attempts(u"retried"_s), 2, ProcessWaitMs);
    restartService();
    QCOMPARE(m_service->pendingEventCount(), 1);
    m_clock->advance(120 * 1000);
    QTRY_COMPARE_WITH_TIMEOUT(attempts(u"retried"_s), 3, ProcessWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_service->eventFailureCount(u"retried"_s), 1, ProcessWaitMs);
    QCOMPARE(m_service->pendingEventCount(), 0);
    restartService();
    QCOMPARE(m_service->pendingEventCount(), 0);
}

void tst_LambdaService::nodeHandler()
{
    if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
        QSKIP("node is not installed");
    CreateFunctionRequest request = python(u"js"_s);
    request.runtime = u"nodejs20.x"_s;
    request.handler = u"index.handler"_s;
    request.zipFile = zipOf(u"index.mjs"_s,
        "export const handler = async (event, context) => {\n"
        "  console.log('got', event.n);\n"
        "  if (event.fail) throw new TypeError('nope');\n"
        "  return { n: event.n, id: context.awsRequestId };\n};\n");
    QVERIFY(m_service->createFunction(request));
    const auto ok = invokeSync(u"js"_s, R"({"n": 4})", true);
    QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
    QCOMPARE(
        QJsonDocument::fromJson(ok->payload).object().value(u"id"_s).toString(), ok->requestId);
    QVERIFY(QByteArray::fromBase64(ok->logTail).contains("\tINFO\tgot 4"));
    const auto failed = invokeSync(u"js"_s, R"({"fail": true})");
    QCOMPARE(failed->functionError, u"Unhandled"_s);
    const QJsonObject error = QJsonDocument::fromJson(failed->payload).object();
    QCOMPARE(error.value(u"errorType"_s).toString(), u"TypeError"_s);
    QCOMPARE(error.value(u"errorMessage"_s).toString(), u"nope"_s);
    QVERIFY(error.contains(u"trace"_s));

    m_service->setInterpreter(u"node"_s, u"/nonexistent/node"_s);
    UpdateConfigurationRequest update;
    update.timeout = 5;
    QVERIFY(m_service->updateFunctionConfiguration(u"js"_s, update));
    const auto missing = invokeSync(u"js"_s, "{}");
    QCOMPARE(missing.error().code, u"InvalidRuntimeException"_s);
    QVERIFY(missing.error().message.contains(u"sudo apt install nodejs"_s));
}

void tst_LambdaService::sqsEventSourceMapping()
{
    FakeQueue queue;
    m_service->setQueueSource(&queue);
    CreateFunctionRequest request = python(u"worker"_s);
    request.zipFile = zipOf(u"app.py"_s, BatchHandler);
    QVERIFY(m_service->createFunction(request));
    const QString arn = u"arn:aws:sqs:us-east-1:000000000000:jobs"_s;
    QJsonObject input{
        {u"EventSourceArn"_s, arn}, {u"FunctionName"_s, u"worker"_s}, {u"BatchSize"_s, 5}};
    QCOMPARE(m_service
                 ->createEventSourceMapping(QJsonObject{
                     {u"EventSourceArn"_s, u"arn:aws:sqs:us-east-1:000000000000:nope"_s},
                     {u"FunctionName"_s, u"worker"_s}})
                 .error()
                 .code,
        u"InvalidParameterValueException"_s);
    // As AWS: no StartingPosition for SQS, and the queue must hide a message for as long as the
    // function may run.
    QJsonObject streamLike = input;
    streamLike.insert(u"StartingPosition"_s, u"LATEST"_s);
    const auto position = m_service->createEventSourceMapping(streamLike);
    QCOMPARE(position.error().code, u"InvalidParameterValueException"_s);
    QCOMPARE(position.error().message, u"StartingPosition is not valid for SQS event sources."_s);
    UpdateConfigurationRequest longer;
    longer.timeout = 60;
    QVERIFY(m_service->updateFunctionConfiguration(u"worker"_s, longer));
    const auto visibility = m_service->createEventSourceMapping(input);
    QCOMPARE(visibility.error().code, u"InvalidParameterValueException"_s);
    QCOMPARE(visibility.error().message,
        u"Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds"_s);
    longer.timeout = 30;
    QVERIFY(m_service->updateFunctionConfiguration(u"worker"_s, longer));
    input.insert(u"BatchSize"_s, 50);
    QVERIFY(m_service->createEventSourceMapping(input).error().message.contains(u"batch window"_s));
    input.insert(u"BatchSize"_s, 5);
    const auto created = m_service->createEventSourceMapping(input);
    QVERIFY(created);
    QCOMPARE(created->value(u"State"_s).toString(), u"Creating"_s);
    const QString uuid = created->value(u"UUID"_s).toString();
    QCOMPARE(
        m_service->createEventSourceMapping(input).error().code, u"ResourceConflictException"_s);
    QCOMPARE(m_service->getEventSourceMapping(uuid)->value(u"State"_s).toString(), u"Enabled"_s);

    // Success: the whole batch is deleted.
    queue.send(u"a"_s);
    queue.send(u"b"_s);
    m_service->pollEventSources();
    QTRY_VERIFY_WITH_TIMEOUT(queue.entries.isEmpty(), ProcessWaitMs);

    // A failing batch stays on the queue (visible again after the visibility timeout).
    queue.send(u"boom"_s);
    m_service->pollEventSources();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_service->recentInvocations(u"worker"_s, 10).size(), 2, ProcessWaitMs);
    QTest::qWait(200);
    QCOMPARE(queue.bodies(), QStringList{u"boom"_s});
    queue.entries.clear();

    // ReportBatchItemFailures: only the reported item stays.
    QVERIFY(m_service->updateEventSourceMapping(
        uuid, QJsonObject{{u"FunctionResponseTypes"_s, QJsonArray{u"ReportBatchItemFailures"_s}}}));
    queue.send(u"retry"_s);
    queue.send(u"c"_s);
    m_service->pollEventSources();
    QTRY_COMPARE_WITH_TIMEOUT(queue.bodies(), QStringList{u"retry"_s}, ProcessWaitMs);

    // Disabled: nothing is received.
    QVERIFY(m_service->updateEventSourceMapping(uuid, QJsonObject{{u"Enabled"_s, false}}));
    queue.makeVisible();
    const int receives = queue.receives;
    m_service->pollEventSources();
    QCOMPARE(queue.receives, receives);
    QCOMPARE(m_service->listEventSourceMappings(u"worker"_s, {})->size(), 1);
    QCOMPARE(
        m_service->deleteEventSourceMapping(uuid)->value(u"State"_s).toString(), u"Deleting"_s);
    QCOMPARE(m_service->getEventSourceMapping(uuid).error().code, u"ResourceNotFoundException"_s);
    m_service->setQueueSource(nullptr);
}

QTEST_GUILESS_MAIN(tst_LambdaService)
#include "tst_lambdaservice.moc"
