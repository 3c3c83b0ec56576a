// SPDX-License-Identifier: MIT
// CloudWatch Logs rules: group/stream life cycle with AWS errors, GetLogEvents paging with
// forward/backward tokens, FilterLogEvents patterns, retention enforced from the clock.
#include "core/common/clock.h"
#include "core/logs/filterpattern.h"
#include "core/logs/logsservice.h"
#include "tests/support/tempdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Logs;

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
    void filterLogEventsPaging();
    void retention();

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
    QTest::newRow("term") << u"ERROR"_s << u"an ERROR here"_s << true;
    QTest::newRow("case sensitive") << u"ERROR"_s << u"an error here"_s << false;
    QTest::newRow("all terms") << u"ERROR disk"_s << u"ERROR network"_s << false;
    QTest::newRow("all terms ok") << u"ERROR disk"_s << u"disk ERROR"_s << true;
    QTest::newRow("phrase") << u"\"disk full\""_s << u"the disk is full"_s << false;
    QTest::newRow("phrase ok") << u"\"disk full\""_s << u"disk full now"_s << true;
    QTest::newRow("any") << u"?ERROR ?WARN"_s << u"WARN low"_s << true;
    QTest::newRow("any none") << u"?ERROR ?WARN"_s << u"INFO ok"_s << false;
    QTest::newRow("exclude") << u"ERROR -retry"_s << u"ERROR retry 1"_s << false;
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
    query.filterPattern = u"{ $.level = \"x\" }"_s;
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
    m_clock->advance(13LL * 3600 * 1000);
    // The first event is past one day: invisible at once, and purged by the sweep.
    QCOMPARE(m_service->getLogEvents(query)->events.size(), 1);
    QCOMPARE(m_service->purgeExpired(), 0); // advance() already triggered the sweep
    QCOMPARE(m_service->getLogEvents(query)->events.first().message, u"noon"_s);
    QCOMPARE(
        m_service->describeLogGroups({}, {}, {})->items.first().retentionInDays.value_or(0), 1);
}

QTEST_GUILESS_MAIN(tst_Logs)
#include "tst_logs.moc"
