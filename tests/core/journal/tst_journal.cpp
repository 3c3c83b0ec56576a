// SPDX-License-Identifier: MIT
// Pins the activity journal: entries are stored and paged newest first, bodies are capped and
// kept only for the newest requests (in memory, written to the database when the journal stops),
// the table is bounded, and the UI hears about a burst of
// requests in one coalesced signal rather than one per request.
#include "core/common/clock.h"
#include "core/journal/journalservice.h"
#include "tests/support/tempdatabase.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::Journal::JournalDetail;
using Core::Journal::JournalFilter;
using Core::Journal::JournalService;

class tst_Journal final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void recordsAndPagesNewestFirst()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        JournalService journal(temp.database(), &clock, {});
        for (int i = 0; i < 5; ++i)
            journal.record(detail(i % 2 ? u"sqs"_s : u"s3"_s, i == 3 ? 404 : 200));
        const auto all = journal.recent({}, 0, 10);
        QCOMPARE(all.size(), 5);
        QVERIFY(all.first().id > all.last().id);
        QCOMPARE(journal.recent({u"sqs"_s, false}, 0, 10).size(), 2);
        QCOMPARE(journal.recent({{}, true}, 0, 10).size(), 1);
        const auto older = journal.recent({}, all.at(1).id, 10);
        QCOMPARE(older.size(), 3);
        QCOMPARE(older.first().id, all.at(2).id);
    }

    void burstIsAnnouncedOnce()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        JournalService journal(temp.database(), &clock, {});
        QSignalSpy spy(&journal, &JournalService::entriesAdded);
        for (int i = 0; i < 100; ++i)
            journal.record(detail(u"sts"_s, 200));
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<QList<Core::Journal::JournalEntry>>().size(), 100);
        QTest::qWait(300);
        QCOMPARE(spy.size(), 1);
    }

    void bodiesAreCappedAndKeptForNewest()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        JournalService::Options options;
        options.keptBodies = 3;
        options.maxBodyBytes = 10;
        options.maxEntries = 1000;
        JournalService journal(temp.database(), &clock, options);
        for (int i = 0; i < 600; ++i) // pruning runs every 500 records
            journal.record(detail(u"sts"_s, 200, QByteArray(50, 'x')));
        const auto entries = journal.recent({}, 0, 1000);
        QCOMPARE(entries.size(), 600);
        const auto newest = journal.detail(entries.first().id);
        QVERIFY(newest && newest->bodiesKept);
        QCOMPARE(newest->requestBody.size(), 10);
        QVERIFY(newest->requestTruncated);
        const auto old = journal.detail(entries.at(400).id);
        QVERIFY(old);
        QVERIFY(!old->bodiesKept);
    }

    // Headers and bodies are not written with every request (writing and pruning them cost more
    // than a large answer's request itself): they stay in memory and reach the database when
    // the journal stops, so the next run still shows the newest ones.
    void bodiesAreWrittenWhenTheJournalStops()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        JournalService::Options options;
        options.keptBodies = 3;
        const auto storedBodies = [&temp] {
            return rows(temp, u"journal_bodies"_s);
        };
        qint64 newest = 0;
        {
            JournalService journal(temp.database(), &clock, options);
            for (int i = 0; i < 5; ++i)
                journal.record(detail(u"sqs"_s, 200, QByteArray::number(i)));
            journal.record(detail(u"sts"_s, 200, "last"));
            QCOMPARE(storedBodies(), 0);
            newest = journal.recent({}, 0, 1).first().id;
            const auto kept = journal.detail(newest - 1);
            QVERIFY(kept && kept->bodiesKept);
            QCOMPARE(kept->requestBody, "4");
            const auto dropped = journal.detail(newest - 3);
            QVERIFY(dropped && !dropped->bodiesKept);
        }
        QCOMPARE(storedBodies(), 3);
        JournalService again(temp.database(), &clock, options);
        const auto last = again.detail(newest);
        QVERIFY(last && last->bodiesKept);
        QCOMPARE(last->requestBody, "last");
        QCOMPARE(last->entry.service, u"sts"_s);
        const auto old = again.detail(newest - 3);
        QVERIFY(old && !old->bodiesKept);
    }

    // Entries get their ids at once and reach the database in one transaction a moment later
    // (or before any read), not with every batch of requests.
    void entriesAreWrittenLaterWithIdsInOrder()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        const auto storedEntries = [&temp] {
            return rows(temp, u"journal"_s);
        };
        qint64 lastId = 0;
        {
            JournalService journal(temp.database(), &clock, {});
            QSignalSpy spy(&journal, &JournalService::entriesAdded);
            journal.record(detail(u"sts"_s, 200));
            QCOMPARE(storedEntries(), 0);
            QCOMPARE(journal.count(), 1); // a read writes what is pending
            QCOMPARE(storedEntries(), 1);
            for (int i = 0; i < 87; ++i) // 64 + 16 + 4 + 1 + 1 + 1 rows: every statement size
                journal.record(detail(u"sqs"_s, 200 + i, QByteArray::number(i)));
            QCOMPARE(storedEntries(), 1);
            QTRY_COMPARE(storedEntries(), 88); // the timer writes them without a read
            QTRY_COMPARE(spy.size(), 1);
            const auto announced = spy.at(0).at(0).value<QList<Core::Journal::JournalEntry>>();
            QCOMPARE(announced.size(), 88);
            for (qsizetype i = 1; i < announced.size(); ++i) {
                QCOMPARE(announced.at(i).id, announced.at(i - 1).id + 1);
                QCOMPARE(announced.at(i).status, 200 + int(i) - 1);
                const auto stored = journal.detail(announced.at(i).id);
                QVERIFY(stored && stored->bodiesKept);
                QCOMPARE(stored->entry.status, announced.at(i).status);
                QCOMPARE(stored->requestBody, QByteArray::number(i - 1));
            }
            const auto paged = journal.recent({}, 0, 100);
            QCOMPARE(paged.size(), 88);
            QCOMPARE(paged.first().id, announced.last().id);
            QCOMPARE(paged.first().status, 286);
            journal.record(detail(u"sts"_s, 500));
            lastId = announced.last().id + 1;
            journal.clear();
            journal.record(detail(u"sts"_s, 201)); // ids are never reused, even after clear()
            QCOMPARE(journal.recent({}, 0, 10).first().id, lastId + 1);
            journal.record(detail(u"sts"_s, 202)); // pending when the journal stops
            lastId += 2;
        }
        QCOMPARE(storedEntries(), 2);
        JournalService again(temp.database(), &clock, {});
        QCOMPARE(again.recent({}, 0, 1).first().id, lastId);
        again.record(detail(u"sts"_s, 203));
        QCOMPARE(again.recent({}, 0, 1).first().id, lastId + 1);
    }

    void tableIsBounded()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        JournalService::Options options;
        options.maxEntries = 100;
        JournalService journal(temp.database(), &clock, options);
        for (int i = 0; i < 1000; ++i)
            journal.record(detail(u"sts"_s, 200));
        QVERIFY(journal.count() <= 100 + 500);
        QVERIFY(journal.count() >= 100);
    }

private:
    // The rows a journal table holds in the database (-1 when the query fails).
    static int rows(Tests::TempDatabase &temp, const QString &table)
    {
        QSqlQuery query(temp.database().connection());
        return query.exec(u"SELECT COUNT(*) FROM "_s + table) && query.next()
            ? query.value(0).toInt()
            : -1;
    }

    static JournalDetail detail(const QString &service, int status, QByteArray body = "{}")
    {
        JournalDetail detail;
        detail.entry.timeMs = 1;
        detail.entry.client = u"127.0.0.1:1"_s;
        detail.entry.service = service;
        detail.entry.operation = u"Op"_s;
        detail.entry.method = u"POST"_s;
        detail.entry.path = u"/"_s;
        detail.entry.protocol = u"query"_s;
        detail.entry.status = status;
        detail.requestBody = std::move(body);
        return detail;
    }
};

QTEST_GUILESS_MAIN(tst_Journal)
#include "tst_journal.moc"
