// SPDX-License-Identifier: MIT
// CloudWatch Logs rules: group/stream life cycle with AWS errors, GetLogEvents paging with
// forward/backward tokens, FilterLogEvents patterns, retention enforced from the clock; metric
// filters: validation (table), the datapoints matching events put (values and dimensions from
// JSON and space-delimited events, default values), never retroactive, TestMetricFilter.
#include "core/common/clock.h"
#include "core/common/metricsink.h"
#include "core/logs/filterpattern.h"
#include "core/logs/logsservice.h"
#include "tests/support/tempdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Logs;

namespace {

// Keeps each datapoint as "Namespace/Name{Dim=value,...} value unit @timestamp".
class RecordingSink final : public Core::MetricSink
{
public:
    void putMetric(const QString &metricNamespace,
        const QString &metricName,
        const MetricDimensions &dimensions,
        double value,
        const QString &unit,
        qint64 timestampMs) override
    {
        QStringList dims;
        for (const auto &[name, dimension] : dimensions)
            dims.append(name + u'=' + dimension);
        points.append(u"%1/%2{%3} %4 %5 @%6"_s.arg(metricNamespace,
            metricName,
            dims.join(u','),
            QString::number(value),
            unit,
            QString::number(timestampMs)));
    }
    QStringList take() { return std::exchange(points, {}); }

    QStringList points;
};

MetricFilter metricFilter(const QString &name,
    const QString &pattern,
    const QString &value,
    const QMap<QString, QString> &dimensions = {},
    std::optional<double> defaultValue = std::nullopt,
    const QString &unit = {})
{
    MetricFilter filter;
    filter.groupName = u"app"_s;
    filter.name = name;
    filter.pattern = pattern;
    filter.transformation.metricName = name;
    filter.transformation.metricNamespace = u"MyApp"_s;
    filter.transformation.metricValue = value;
    filter.transformation.dimensions = dimensions;
    filter.transformation.defaultValue = defaultValue;
    filter.transformation.unit = unit;
    return filter;
}

} // namespace

class tst_Logs : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void groupLifeCycle();
    void describePaging();
    void putLogEventsRules();
    void getLogEventsTokens();
    void filterPattern_data();
    void filterPattern();
    void invalidFilterPattern_data();
    void invalidFilterPattern();
    void filterLogEventsPaging();
    void retention();
    void metricFilterValidation_data();
    void metricFilterValidation();
    void metricFiltersPutDatapoints();
    void testMetricFilter();

private:
    std::unique_ptr<Tests::TempDatabase> m_db;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<LogsService> m_service;
};

void tst_Logs::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_service.reset();
    m_db = std::make_unique<Tests::TempDatabase>();
    QVERIFY(m_db->isOpen());
    m_clock = std::make_unique<Core::ManualClock>();
    m_service = std::make_unique<LogsService>(
        m_db->database(), m_clock.get(), u"us-east-1"_s, u"000000000000"_s);
}

void tst_Logs::groupLifeCycle()
{
    QVERIFY(m_service->createLogGroup(u"/app/one"_s, {}, {{u"team"_s, u"a"_s}}));
    auto again = m_service->createLogGroup(u"/app/one"_s, {}, {});
    QVERIFY(!again);
    QCOMPARE(again.error().code, u"ResourceAlreadyExistsException"_s);
    auto bad = m_service->createLogGroup(u"bad name"_s, {}, {});
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, u"InvalidParameterException"_s);

    auto stream = m_service->createLogStream(u"/missing"_s, u"s"_s);
    QCOMPARE(stream.error().code, u"ResourceNotFoundException"_s);
    QCOMPARE(stream.error().message, u"The specified log group does not exist."_s);
    QVERIFY(m_service->createLogStream(u"/app/one"_s, u"s1"_s));
    QCOMPARE(m_service->createLogStream(u"/app/one"_s, u"s1"_s).error().code,
        u"ResourceAlreadyExistsException"_s);
    QCOMPARE(m_service->listTagsLogGroup(u"/app/one"_s)->value(u"team"_s), u"a"_s);
    QCOMPARE(
        *m_service->groupNameFromArn(m_service->groupArn(u"/app/one"_s) + u":*"_s), u"/app/one"_s);

    QVERIFY(m_service->deleteLogGroup(u"/app/one"_s));
    QCOMPARE(m_service->deleteLogGroup(u"/app/one"_s).error().code, u"ResourceNotFoundException"_s);
    QCOMPARE(m_service->describeLogGroups({}, {}, {})->items.size(), 0);
}

void tst_Logs::describePaging()
{
    for (int i = 0; i < 7; ++i)
        QVERIFY(m_service->createLogGroup(u"/g/%1"_s.arg(i), {}, {}));
    QVERIFY(m_service->createLogGroup(u"/other"_s, {}, {}));
    QStringList names;
    QString token;
    int pages = 0;
    do {
        auto page = m_service->describeLogGroups(u"/g/"_s, token, 3);
        QVERIFY(page);
        for (const LogGroup &group : page->items)
            names.append(group.name);
        token = page->nextToken;
        ++pages;
    } while (!token.isEmpty());
    QCOMPARE(pages, 3);
    QCOMPARE(names.size(), 7);
    QCOMPARE(names.first(), u"/g/0"_s);
    QCOMPARE(m_service->describeLogGroups({}, {}, 51).error().code, u"InvalidParameterException"_s);
    QCOMPARE(m_service->describeLogStreams(u"/other"_s, u"x"_s, u"LastEventTime"_s, false, {}, {})
                 .error()
                 .message,
        u"Cannot order by LastEventTime with a logStreamNamePrefix."_s);
}

void tst_Logs::putLogEventsRules()
{
    QVERIFY(m_service->createLogGroup(u"g"_s, {}, {}));
    QCOMPARE(m_service->putLogEvents(u"g"_s, u"s"_s, {{m_clock->nowMs(), u"x"_s}}).error().message,
        u"The specified log stream does not exist."_s);
    QVERIFY(m_service->createLogStream(u"g"_s, u"s"_s));
    const qint64 now = m_clock->nowMs();
    auto unordered = m_service->putLogEvents(u"g"_s, u"s"_s, {{now, u"b"_s}, {now - 1, u"a"_s}});
    QCOMPARE(unordered.error().message,
        u"Log events in a single PutLogEvents request must be in chronological order."_s);
    const qint64 day = 24LL * 3600 * 1000;
    auto mixed = m_service->putLogEvents(
        u"g"_s, u"s"_s, {{now - 15 * day + 1000, u"old"_s}, {now - 15 * day + 2000, u"old2"_s}});
    // Spans less than a day but is older than 14 days: both rejected as too old.
    QVERIFY(mixed);
    QCOMPARE(mixed->tooOldLogEventEndIndex.value_or(-1), 2);
    auto future = m_service->putLogEvents(
        u"g"_s, u"s"_s, {{now, u"ok"_s}, {now + 3 * 3600 * 1000, u"new"_s}});
    QVERIFY(future);
    QCOMPARE(future->tooNewLogEventStartIndex.value_or(-1), 1);
    GetLogEventsQuery query;
    query.groupName = u"g"_s;
    query.streamName = u"s"_s;
    auto events = m_service->getLogEvents(query);
    QCOMPARE(events->events.size(), 1);
    QCOMPARE(events->events.first().message, u"ok"_s);
}

void tst_Logs::getLogEventsTokens()
{
    QVERIFY(m_service->createLogGroup(u"g"_s, {}, {}));
    QVERIFY(m_service->createLogStream(u"g"_s, u"s"_s));
    QList<InputLogEvent> batch;
    for (int i = 0; i < 10; ++i)
        batch.append({m_clock->nowMs() + i, u"line %1"_s.arg(i)});
    QVERIFY(m_service->putLogEvents(u"g"_s, u"s"_s, batch));

    GetLogEventsQuery query;
    query.groupName = u"g"_s;
    query.streamName = u"s"_s;
    query.limit = 4;
    // Without startFromHead: the newest events, oldest first.
    auto tail = m_service->getLogEvents(query);
    QCOMPARE(tail->events.size(), 4);
    QCOMPARE(tail->events.first().message, u"line 6"_s);
    QCOMPARE(tail->events.last().message, u"line 9"_s);
    query.nextToken = tail->nextBackwardToken;
    auto before = m_service->getLogEvents(query);
    QCOMPARE(before->events.first().message, u"line 2"_s);
    QCOMPARE(before->events.last().message, u"line 5"_s);

    // From the head, forward until the token stops changing.
    query.nextToken.clear();
    query.startFromHead = true;
    QStringList seen;
    QString previous;
    for (int guard = 0; guard < 10; ++guard) {
        auto page = m_service->getLogEvents(query);
        QVERIFY(page);
        for (const LogEvent &event : page->events)
            seen.append(event.message);
        if (page->nextForwardToken == previous)
            break;
        previous = page->nextForwardToken;
        query.nextToken = page->nextForwardToken;
    }
    QCOMPARE(seen.size(), 10);
    QCOMPARE(seen.at(9), u"line 9"_s);
    // New events appear behind the last forward token.
    QVERIFY(m_service->putLogEvents(u"g"_s, u"s"_s, {{m_clock->nowMs() + 20, u"late"_s}}));
    auto late = m_service->getLogEvents(query);
    QCOMPARE(late->events.size(), 1);
    QCOMPARE(late->events.first().message, u"late"_s);
    query.nextToken = u"zz"_s;
    QCOMPARE(m_service->getLogEvents(query).error().code, u"InvalidParameterException"_s);
}

void tst_Logs::filterPattern_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("matches");
    QTest::newRow("empty") << u""_s << u"anything"_s << true;
    QTest::newRow("json star: number") << u"{ $.latency = * }"_s << u"{\"latency\": 42}"_s << true;
    QTest::newRow("json star: string") << u"{ $.user = * }"_s << u"{\"user\": \"amy\"}"_s << true;
    QTest::newRow("json star: missing") << u"{ $.user = * }"_s << u"{\"other\": 1}"_s << false;
    QTest::newRow("json star: null") << u"{ $.user = * }"_s << u"{\"user\": null}"_s << false;
    QTest::newRow("term") << u"ERROR"_s << u"an ERROR here"_s << true;
    QTest::newRow("case sensitive") << u"ERROR"_s << u"an error here"_s << false;
    QTest::newRow("all terms") << u"ERROR disk"_s << u"ERROR network"_s << false;
    QTest::newRow("all terms ok") << u"ERROR disk"_s << u"disk ERROR"_s << true;
    QTest::newRow("phrase") << u"\"disk full\""_s << u"the disk is full"_s << false;
    QTest::newRow("phrase ok") << u"\"disk full\""_s << u"disk full now"_s << true;
    QTest::newRow("any") << u"?ERROR ?WARN"_s << u"WARN low"_s << true;
    QTest::newRow("any none") << u"?ERROR ?WARN"_s << u"INFO ok"_s << false;
    QTest::newRow("exclude") << u"ERROR -retry"_s << u"ERROR retry 1"_s << false;
    QTest::newRow("exclude other") << u"ERROR -retry"_s << u"ERROR disk"_s << true;
    QTest::newRow("exclude phrase") << u"ERROR -\"in test\""_s << u"ERROR in test"_s << false;
    QTest::newRow("any phrase") << u"?\"disk full\" ?OOM"_s << u"the disk full"_s << true;
    QTest::newRow("regex term") << u"%ERR[0-9]+%"_s << u"code ERR42 here"_s << true;
    QTest::newRow("regex term miss") << u"%ERR[0-9]+%"_s << u"code ERRx"_s << false;

    const QString json = uR"({"level":"ERROR","latency":250,"user":{"id":"bot-7","admin":false},)"
                         uR"("tags":["a","b"],"items":[{"n":1},{"n":5}],"gone":null,"msg":"disk )"
                         uR"(full on /dev/sda"})"_s;
    QTest::newRow("json equal") << u"{ $.level = \"ERROR\" }"_s << json << true;
    QTest::newRow("json equal miss") << u"{ $.level = \"WARN\" }"_s << json << false;
    QTest::newRow("json no spaces") << u"{$.level=\"ERROR\"}"_s << json << true;
    QTest::newRow("json not equal") << u"{ $.level != \"WARN\" }"_s << json << true;
    QTest::newRow("json not equal absent") << u"{ $.nothing != \"WARN\" }"_s << json << false;
    QTest::newRow("json wildcard") << u"{ $.user.id = \"bot*\" }"_s << json << true;
    QTest::newRow("json bare wildcard") << u"{ $.user.id = bot-* }"_s << json << true;
    QTest::newRow("json greater") << u"{ $.latency > 200 }"_s << json << true;
    QTest::newRow("json less equal") << u"{ $.latency <= 249.5 }"_s << json << false;
    QTest::newRow("json number equal") << u"{ $.latency = 250 }"_s << json << true;
    QTest::newRow("json number vs string") << u"{ $.level > 1 }"_s << json << false;
    QTest::newRow("json and") << u"{ $.level = \"ERROR\" && $.latency < 100 }"_s << json << false;
    QTest::newRow("json or") << u"{ $.level = \"INFO\" || $.latency >= 250 }"_s << json << true;
    QTest::newRow("json parens")
        << u"{ ($.level = \"INFO\" || $.latency > 1) && $.user.admin IS FALSE }"_s << json << true;
    QTest::newRow("json precedence")
        << u"{ $.level = \"INFO\" && $.latency > 1 || $.tags[1] = \"b\" }"_s << json << true;
    QTest::newRow("json index") << u"{ $.tags[0] = \"a\" }"_s << json << true;
    QTest::newRow("json index miss") << u"{ $.tags[1] = \"a\" }"_s << json << false;
    QTest::newRow("json any index") << u"{ $.items[*].n = 5 }"_s << json << true;
    QTest::newRow("json is null") << u"{ $.gone IS NULL }"_s << json << true;
    QTest::newRow("json not exists") << u"{ $.missing NOT EXISTS }"_s << json << true;
    QTest::newRow("json exists so no") << u"{ $.level NOT EXISTS }"_s << json << false;
    QTest::newRow("json is true") << u"{ $.user.admin IS TRUE }"_s << json << false;
    QTest::newRow("json regex") << u"{ $.msg = %/dev/sd[a-z]% }"_s << json << true;
    QTest::newRow("json regex not") << u"{ $.msg != %^disk% }"_s << json << false;
    QTest::newRow("json on text") << u"{ $.level = \"ERROR\" }"_s << u"ERROR plain"_s << false;

    const QString access = u"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.html "
                           u"HTTP/1.0\" 404 2326"_s;
    QTest::newRow("space all") << u"[ip, user, username, timestamp, request, status_code, bytes]"_s
                               << access << true;
    QTest::newRow("space count") << u"[ip, user, status_code]"_s << access << false;
    QTest::newRow("space condition") << u"[ip, user, username, timestamp, request, status_code = "
                                        u"404, bytes > 1000]"_s
                                     << access << true;
    QTest::newRow("space condition miss") << u"[ip, user, username, timestamp, request, "
                                             u"status_code = 404, bytes > 5000]"_s
                                          << access << false;
    QTest::newRow("space ellipsis") << u"[..., status_code = 4*, bytes]"_s << access << true;
    QTest::newRow("space ellipsis middle")
        << u"[ip = 127.0.*, ..., bytes < 3000]"_s << access << true;
    QTest::newRow("space or") << u"[..., status_code = 500 || status_code = 404, bytes]"_s << access
                              << true;
    QTest::newRow("space quoted field") << u"[ip, user, username, timestamp, request = "
                                           u"\"GET /a.html*\", ...]"_s
                                        << access << true;
    QTest::newRow("space bracket field")
        << u"[ip, user, username, timestamp = 10/Oct/*, ...]"_s << access << true;
    QTest::newRow("space not equal") << u"[ip, user != frank, ...]"_s << access << true;
    QTest::newRow("space cross field")
        << u"[ip, user, ..., code, bytes > 2000 && code = 404]"_s << access << true;
}

void tst_Logs::invalidFilterPattern_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("unterminated quote") << u"\"abc"_s;
    QTest::newRow("json unclosed") << u"{ $.a = 1"_s;
    QTest::newRow("json no selector") << u"{ level = \"x\" }"_s;
    QTest::newRow("json no value") << u"{ $.a = }"_s;
    QTest::newRow("json relational string") << u"{ $.a > \"x\" }"_s;
    QTest::newRow("json single amp") << u"{ $.a = 1 & $.b = 2 }"_s;
    QTest::newRow("json paren") << u"{ ($.a = 1 }"_s;
    QTest::newRow("json bad regex") << u"{ $.a = %([% }"_s;
    QTest::newRow("space unclosed") << u"[a, b"_s;
    QTest::newRow("space empty field") << u"[a, , b]"_s;
    QTest::newRow("space ellipsis condition") << u"[... = 1, b]"_s;
}

void tst_Logs::invalidFilterPattern()
{
    QFETCH(QString, pattern);
    QString error;
    QVERIFY(!FilterPattern::parse(pattern, &error));
    QVERIFY(error.startsWith(u"Invalid filter pattern"_s));
}

void tst_Logs::filterPattern()
{
    QFETCH(QString, pattern);
    QFETCH(QString, message);
    QFETCH(bool, matches);
    QString error;
    const auto parsed = FilterPattern::parse(pattern, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->matches(message), matches);
}

void tst_Logs::filterLogEventsPaging()
{
    QVERIFY(m_service->createLogGroup(u"g"_s, {}, {}));
    QVERIFY(m_service->createLogStream(u"g"_s, u"a"_s));
    QVERIFY(m_service->createLogStream(u"g"_s, u"b"_s));
    const qint64 now = m_clock->nowMs();
    QVERIFY(
        m_service->putLogEvents(u"g"_s, u"a"_s, {{now, u"ERROR a1"_s}, {now + 2, u"INFO a2"_s}}));
    QVERIFY(m_service->putLogEvents(
        u"g"_s, u"b"_s, {{now + 1, u"ERROR b1"_s}, {now + 3, u"ERROR b2"_s}}));
    FilterLogEventsQuery query;
    query.groupName = u"g"_s;
    query.filterPattern = u"ERROR"_s;
    query.limit = 2;
    auto first = m_service->filterLogEvents(query);
    QCOMPARE(first->items.size(), 2);
    QCOMPARE(first->items.at(0).message, u"ERROR a1"_s);
    QCOMPARE(first->items.at(1).message, u"ERROR b1"_s);
    QVERIFY(!first->nextToken.isEmpty());
    query.nextToken = first->nextToken;
    auto second = m_service->filterLogEvents(query);
    QCOMPARE(second->items.size(), 1);
    QCOMPARE(second->items.at(0).streamName, u"b"_s);
    QVERIFY(second->nextToken.isEmpty());
    query.nextToken.clear();
    query.streamNames = {u"a"_s};
    query.limit = 100;
    QCOMPARE(m_service->filterLogEvents(query)->items.size(), 1);
    QVERIFY(m_service->putLogEvents(u"g"_s,
        u"a"_s,
        {{now + 4, uR"({"level":"x","n":3})"_s}, {now + 5, uR"({"level":"y","n":9})"_s}}));
    query.filterPattern = u"{ $.level = \"x\" || $.n > 5 }"_s;
    QCOMPARE(m_service->filterLogEvents(query)->items.size(), 2);
    query.filterPattern = u"{ $.level = }"_s;
    QCOMPARE(m_service->filterLogEvents(query).error().code, u"InvalidParameterException"_s);
}

void tst_Logs::retention()
{
    QVERIFY(m_service->createLogGroup(u"g"_s, {}, {}));
    QVERIFY(m_service->createLogStream(u"g"_s, u"s"_s));
    QCOMPARE(m_service->putRetentionPolicy(u"g"_s, 2).error().code, u"InvalidParameterException"_s);
    QVERIFY(m_service->putLogEvents(u"g"_s, u"s"_s, {{m_clock->nowMs(), u"day zero"_s}}));
    QVERIFY(m_service->putRetentionPolicy(u"g"_s, 1));
    m_clock->advance(12LL * 3600 * 1000);
    QVERIFY(m_service->putLogEvents(u"g"_s, u"s"_s, {{m_clock->nowMs(), u"noon"_s}}));
    GetLogEventsQuery query;
    query.groupName = u"g"_s;
    query.streamName = u"s"_s;
    QCOMPARE(m_service->getLogEvents(query)->events.size(), 2);
    QCOMPARE(m_service->describeLogGroups({}, {}, {})->items.first().storedBytes, 12);
    m_clock->advance(13LL * 3600 * 1000);
    // The first event is past one day: invisible at once, and purged by the sweep.
    QCOMPARE(m_service->getLogEvents(query)->events.size(), 1);
    QCOMPARE(m_service->purgeExpired(), 0); // advance() already triggered the sweep
    QCOMPARE(m_service->getLogEvents(query)->events.first().message, u"noon"_s);
    QCOMPARE(
        m_service->describeLogGroups({}, {}, {})->items.first().retentionInDays.value_or(0), 1);
    // storedBytes counts what is left ("noon"), in the group and in its stream.
    QCOMPARE(m_service->describeLogGroups({}, {}, {})->items.first().storedBytes, 4);
    QCOMPARE(m_service->describeLogStreams(u"g"_s, {}, u"LogStreamName"_s, false, {}, {})
                 ->items.first()
                 .storedBytes,
        4);
}

void tst_Logs::metricFilterValidation_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("dimension"); // "" or a reference for a dimension named D
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("errorCode"); // "" when accepted
    QTest::newRow("count errors") << u"ERROR"_s << u"1"_s << QString() << QString() << QString();
    QTest::newRow("json value and dimension") << u"{ $.latency > 0 }"_s << u"$.latency"_s
                                              << u"$.route"_s << u"Milliseconds"_s << QString();
    QTest::newRow("space-delimited value")
        << u"[ip, user, status, size]"_s << u"$size"_s << u"$status"_s << u"Bytes"_s << QString();
    QTest::newRow("empty pattern counts everything")
        << QString() << u"2.5"_s << QString() << QString() << QString();
    QTest::newRow("reference without fields")
        << u"ERROR"_s << u"$.latency"_s << QString() << QString() << u"InvalidParameterException"_s;
    QTest::newRow("value neither number nor reference")
        << u"ERROR"_s << u"lots"_s << QString() << QString() << u"InvalidParameterException"_s;
    QTest::newRow("dimension that is not a reference")
        << u"{ $.a = 1 }"_s << u"1"_s << u"fixed"_s << QString() << u"InvalidParameterException"_s;
    QTest::newRow("dimension on a term pattern")
        << u"ERROR"_s << u"1"_s << u"$.a"_s << QString() << u"InvalidParameterException"_s;
    QTest::newRow("unknown unit") << u"ERROR"_s << u"1"_s << QString() << u"Apples"_s
                                  << u"InvalidParameterException"_s;
    QTest::newRow("bad pattern") << u"{ $.a = "_s << u"1"_s << QString() << QString()
                                 << u"InvalidParameterException"_s;
}

void tst_Logs::metricFilterValidation()
{
    QFETCH(QString, pattern);
    QFETCH(QString, value);
    QFETCH(QString, dimension);
    QFETCH(QString, unit);
    QFETCH(QString, errorCode);
    QVERIFY(m_service->createLogGroup(u"app"_s, {}, {}));
    QMap<QString, QString> dimensions;
    if (!dimension.isEmpty())
        dimensions.insert(u"D"_s, dimension);
    const auto done = m_service->putMetricFilter(
        metricFilter(u"f"_s, pattern, value, dimensions, std::nullopt, unit));
    if (errorCode.isEmpty()) {
        QVERIFY2(done.has_value(), qPrintable(done ? QString() : done.error().message));
        QCOMPARE(m_service->describeMetricFilters(u"app"_s, {}, {}, {}, {}, {})->items.size(), 1);
    } else {
        QVERIFY(!done);
        QCOMPARE(done.error().code, errorCode);
        QVERIFY(m_service->describeMetricFilters(u"app"_s, {}, {}, {}, {}, {})->items.isEmpty());
    }
}

void tst_Logs::metricFiltersPutDatapoints()
{
    RecordingSink sink;
    m_service->setMetricSink(&sink);
    QVERIFY(m_service->createLogGroup(u"app"_s, {}, {}));
    QVERIFY(m_service->createLogStream(u"app"_s, u"s"_s));
    const qint64 t = m_clock->nowMs();
    // Not retroactive: events stored before the filter put nothing.
    QVERIFY(m_service->putLogEvents(u"app"_s, u"s"_s, {{t, u"ERROR early"_s}}));
    QCOMPARE(m_service->putMetricFilter(metricFilter(u"missing"_s, u"x"_s, u"1"_s)).has_value(),
        true); // group "app"
    QVERIFY(m_service->deleteMetricFilter(u"app"_s, u"missing"_s));
    QCOMPARE(m_service->deleteMetricFilter(u"app"_s, u"missing"_s).error().code,
        u"ResourceNotFoundException"_s);
    MetricFilter elsewhere = metricFilter(u"x"_s, u"x"_s, u"1"_s);
    elsewhere.groupName = u"nope"_s;
    QCOMPARE(m_service->putMetricFilter(elsewhere).error().code, u"ResourceNotFoundException"_s);
    QVERIFY(sink.take().isEmpty());

    QVERIFY(m_service->putMetricFilter(
        metricFilter(u"Errors"_s, u"ERROR"_s, u"1"_s, {}, 0.0, u"Count"_s)));
    QVERIFY(m_service->putMetricFilter(metricFilter(u"Latency"_s,
        u"{ $.latency = * }"_s,
        u"$.latency"_s,
        {{u"Route"_s, u"$.route"_s}},
        std::nullopt,
        u"Milliseconds"_s)));
    QVERIFY(m_service->putMetricFilter(metricFilter(
        u"Bytes"_s, u"[ip, user, status=5*, size]"_s, u"$size"_s, {{u"Status"_s, u"$status"_s}})));
    QCOMPARE(m_service->describeLogGroups({}, {}, {})->items.first().metricFilterCount, 3);
    QVERIFY(m_service->putLogEvents(u"app"_s,
        u"s"_s,
        {{t + 1, u"ERROR disk full"_s},
            {t + 2, u"{\"latency\": 42, \"route\": \"/home\"}"_s},
            {t + 3, u"{\"latency\": \"slow\"}"_s}, // not a number: no datapoint
            {t + 4, u"10.0.0.1 bob 503 1200"_s},
            {t + 5, u"10.0.0.1 bob 200 99"_s}}));
    const QStringList points = sink.take();
    // Filters run in name order (Bytes, Errors, Latency), each over the events in order.
    QCOMPARE(points,
        (QStringList{
            u"MyApp/Bytes{Status=503} 1200 None @%1"_s.arg(t + 4),
            u"MyApp/Errors{} 1 Count @%1"_s.arg(t + 1),
            u"MyApp/Errors{} 0 Count @%1"_s.arg(t + 2),
            u"MyApp/Errors{} 0 Count @%1"_s.arg(t + 3),
            u"MyApp/Errors{} 0 Count @%1"_s.arg(t + 4),
            u"MyApp/Errors{} 0 Count @%1"_s.arg(t + 5),
            u"MyApp/Latency{Route=/home} 42 Milliseconds @%1"_s.arg(t + 2),
        }));
    // Services' own log writes (Lambda) count too; a deleted filter stops.
    QVERIFY(m_service->deleteMetricFilter(u"app"_s, u"Errors"_s));
    m_service->appendEvents(u"app"_s, u"s"_s, {{t + 6, u"{\"latency\": 7, \"route\": \"/\"}"_s}});
    QCOMPARE(sink.take(), QStringList{u"MyApp/Latency{Route=/} 7 Milliseconds @%1"_s.arg(t + 6)});

    const auto byMetric =
        m_service->describeMetricFilters({}, {}, u"Latency"_s, u"MyApp"_s, {}, {});
    QCOMPARE(byMetric->items.size(), 1);
    QCOMPARE(byMetric->items.first().name, u"Latency"_s);
    const auto firstPage = m_service->describeMetricFilters(u"app"_s, {}, {}, {}, {}, 1);
    QCOMPARE(firstPage->items.first().name, u"Bytes"_s);
    const auto secondPage =
        m_service->describeMetricFilters(u"app"_s, {}, {}, {}, firstPage->nextToken, 1);
    QCOMPARE(secondPage->items.first().name, u"Latency"_s);
    QVERIFY(secondPage->nextToken.isEmpty());
    QCOMPARE(m_service->describeMetricFilters({}, u"B"_s, {}, {}, {}, {}).error().code,
        u"InvalidParameterException"_s);

    // A group's filters go with it.
    QVERIFY(m_service->deleteLogGroup(u"app"_s));
    QVERIFY(m_service->describeMetricFilters({}, {}, {}, {}, {}, {})->items.isEmpty());
}

void tst_Logs::testMetricFilter()
{
    const auto matches = m_service->testMetricFilter(u"[ip, user, status=5*, size]"_s,
        {u"1.2.3.4 bob 503 100"_s, u"1.2.3.4 bob 200 5"_s, u"5.6.7.8 amy 500 7"_s});
    QVERIFY(matches.has_value());
    QCOMPARE(matches->size(), 2);
    QCOMPARE(matches->at(0).eventNumber, 1);
    QCOMPARE(matches->at(1).eventNumber, 3);
    QCOMPARE(matches->at(1).extractedValues.value(u"$status"_s), u"500"_s);
    QCOMPARE(matches->at(1).extractedValues.value(u"$user"_s), u"amy"_s);
    QCOMPARE(
        m_service->testMetricFilter(u"ERROR"_s, {}).error().code, u"InvalidParameterException"_s);
    QCOMPARE(m_service->testMetricFilter(u"{ $.x = "_s, {u"a"_s}).error().code,
        u"InvalidParameterException"_s);
}

QTEST_GUILESS_MAIN(tst_Logs)
#include "tst_logs.moc"
