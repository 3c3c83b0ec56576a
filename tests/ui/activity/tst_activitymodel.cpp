// SPDX-License-Identifier: MIT
// ActivityModel keeps the journal newest first: batches are inserted at the top without
// duplicates, older rows page in through fetchMore, the row count stays bounded, pause holds new
// rows back, and the filter proxy selects by service, status class and text.

#include "core/common/clock.h"
#include "core/journal/journalservice.h"
#include "core/storage/database.h"
#include "ui/activity/activityfilterproxy.h"
#include "ui/activity/activitymodel.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Core::Journal::JournalEntry;
using Gui::Activity::ActivityFilterProxy;
using Gui::Activity::ActivityModel;

namespace {

JournalEntry makeEntry(qint64 id,
    const QString &service = u"sts"_s,
    const QString &operation = u"GetCallerIdentity"_s,
    int status = 200,
    const QString &errorCode = {})
{
    JournalEntry entry;
    entry.id = id;
    entry.timeMs = 1'700'000'000'000 + id;
    entry.client = u"127.0.0.1:50000"_s;
    entry.service = service;
    entry.operation = operation;
    entry.method = u"POST"_s;
    entry.path = u"/"_s;
    entry.protocol = u"query"_s;
    entry.status = status;
    entry.errorCode = errorCode;
    entry.durationUs = 250;
    return entry;
}

QList<JournalEntry> makeEntries(qint64 firstId, qint64 lastId)
{
    QList<JournalEntry> entries;
    for (qint64 id = firstId; id <= lastId; ++id)
        entries.append(makeEntry(id));
    return entries;
}

QList<qint64> ids(const QAbstractItemModel &model)
{
    QList<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(ActivityModel::EntryIdRole).toLongLong());
    return result;
}

} // namespace

class tst_ActivityModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void batchesAreInsertedNewestFirst();
    void rowCountIsBounded();
    void pauseHoldsNewRowsBack();
    void displaysEntryFields();
    void pagesOlderRowsFromJournal();
    void pagesUnderModelTester();
    void followsJournalSignals();
    void filterProxySelectsRows_data();
    void filterProxySelectsRows();
    void filterProxyFollowsNewRows();

private:
    void openJournal();
    void recordEntries(int count, const QString &service = u"sts"_s, int status = 200);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Core::Storage::Database> m_database;
    std::unique_ptr<Core::Journal::JournalService> m_journal;
};

void tst_ActivityModel::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void tst_ActivityModel::cleanup()
{
    m_journal.reset();
    if (m_database) {
        m_database->closeThreadConnection();
        m_database.reset();
    }
    m_clock.reset();
    m_dir.reset();
}

void tst_ActivityModel::openJournal()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<Core::ManualClock>();
    m_database = std::make_unique<Core::Storage::Database>(m_dir->filePath(u"cloudbench.db"_s));
    const auto opened = m_database->open();
    if (!opened)
        QFAIL(qPrintable(opened.error()));
    m_journal = std::make_unique<Core::Journal::JournalService>(
        *m_database, m_clock.get(), Core::Journal::JournalService::Options{});
}

void tst_ActivityModel::recordEntries(int count, const QString &service, int status)
{
    for (int i = 0; i < count; ++i) {
        Core::Journal::JournalDetail detail;
        detail.entry = makeEntry(0, service, u"Operation%1"_s.arg(i), status);
        m_journal->record(detail);
    }
}

void tst_ActivityModel::batchesAreInsertedNewestFirst()
{
    ActivityModel model(nullptr);
    QAbstractItemModelTester tester(&model);
    QVERIFY(!model.canFetchMore({}));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.addEntries(makeEntries(1, 3));
    QCOMPARE(ids(model), (QList<qint64>{3, 2, 1}));
    QCOMPARE(inserted.size(), 1);

    // Overlapping batches (a page and a signal that crossed) add only what is new.
    model.addEntries(makeEntries(2, 5));
    QCOMPARE(ids(model), (QList<qint64>{5, 4, 3, 2, 1}));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    QCOMPARE(inserted.last().at(2).toInt(), 1);

    model.addEntries(makeEntries(4, 5));
    QCOMPARE(inserted.size(), 2);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_ActivityModel::rowCountIsBounded()
{
    ActivityModel model(nullptr);
    QAbstractItemModelTester tester(&model);
    model.setMaxRows(4);
    model.addEntries(makeEntries(1, 3));
    QCOMPARE(ids(model), (QList<qint64>{3, 2, 1}));
    model.addEntries(makeEntries(4, 5));
    QCOMPARE(ids(model), (QList<qint64>{5, 4, 3, 2}));
    model.addEntries(makeEntries(6, 20));
    QCOMPARE(ids(model), (QList<qint64>{20, 19, 18, 17}));
    model.setMaxRows(2);
    QCOMPARE(ids(model), (QList<qint64>{20, 19}));
}

void tst_ActivityModel::pauseHoldsNewRowsBack()
{
    ActivityModel model(nullptr);
    QAbstractItemModelTester tester(&model);
    model.addEntries(makeEntries(1, 2));
    QSignalSpy pending(&model, &ActivityModel::pendingCountChanged);

    model.setPaused(true);
    model.addEntries(makeEntries(3, 4));
    model.addEntries(makeEntries(5, 5));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.pendingCount(), 3);
    QCOMPARE(pending.last().at(0).toInt(), 3);

    model.setPaused(false);
    QCOMPARE(ids(model), (QList<qint64>{5, 4, 3, 2, 1}));
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(pending.last().at(0).toInt(), 0);
}

void tst_ActivityModel::displaysEntryFields()
{
    ActivityModel model(nullptr);
    JournalEntry entry = makeEntry(7, u"sqs"_s, u"ListQueues"_s, 501, u"NotImplemented"_s);
    entry.durationUs = 1500;
    entry.requestBytes = 2048;
    model.addEntries({entry});
    QCOMPARE(model.columnCount(), int(ActivityModel::ColumnCount));
    QCOMPARE(model.index(0, ActivityModel::Service).data().toString(), u"SQS"_s);
    QCOMPARE(model.index(0, ActivityModel::Operation).data().toString(), u"ListQueues"_s);
    QCOMPARE(model.index(0, ActivityModel::Status).data().toInt(), 501);
    QCOMPARE(model.index(0, ActivityModel::Error).data().toString(), u"NotImplemented"_s);
    QCOMPARE(model.index(0, ActivityModel::Duration).data().toString(),
        ActivityModel::formatDuration(1500));
    QCOMPARE(
        model.index(0, ActivityModel::Duration).data(ActivityModel::SortRole).toLongLong(), 1500);
    QCOMPARE(model.index(0, ActivityModel::Client).data().toString(), u"127.0.0.1:50000"_s);
    QCOMPARE(model.index(0, ActivityModel::Status).data(Qt::ForegroundRole).value<QColor>(),
        ActivityModel::statusColor(501));
    QVERIFY(ActivityModel::statusColor(200) != ActivityModel::statusColor(404));
    QVERIFY(ActivityModel::statusColor(404) != ActivityModel::statusColor(500));
    QCOMPARE(model.headerData(ActivityModel::Operation, Qt::Horizontal, Qt::DisplayRole).toString(),
        u"Operation"_s);
}

void tst_ActivityModel::pagesOlderRowsFromJournal()
{
    openJournal();
    QSignalSpy announced(m_journal.get(), &Core::Journal::JournalService::entriesAdded);
    recordEntries(450);
    QVERIFY(announced.wait());

    // No model tester here: it calls fetchMore itself and would page ahead of the test.
    ActivityModel model(m_journal.get());
    QVERIFY(model.isLoading());
    QTRY_COMPARE(model.rowCount(), ActivityModel::DefaultPageSize);
    QCOMPARE(ids(model).constFirst(), 450);
    QCOMPARE(ids(model).constLast(), 251);

    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(!model.canFetchMore({})); // one page at a time
    QTRY_COMPARE(model.rowCount(), 400);
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 450);
    QCOMPARE(ids(model).constLast(), 1);
    QVERIFY(!model.canFetchMore({}));

    // The bound also stops paging.
    model.reload();
    QCOMPARE(model.rowCount(), 0);
    model.setMaxRows(300);
    QTRY_COMPARE(model.rowCount(), 200);
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 300);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(ids(model).constLast(), 151);
}

void tst_ActivityModel::pagesUnderModelTester()
{
    openJournal();
    QSignalSpy announced(m_journal.get(), &Core::Journal::JournalService::entriesAdded);
    recordEntries(450);
    QVERIFY(announced.wait());

    ActivityModel model(m_journal.get());
    QAbstractItemModelTester tester(&model);
    model.setPageSize(100);
    QTRY_VERIFY(!model.isLoading());
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QTRY_VERIFY(!model.isLoading());
    }
    QCOMPARE(model.rowCount(), 450);
    recordEntries(5);
    QTRY_COMPARE(model.rowCount(), 455);
    QCOMPARE(ids(model).constFirst(), 455);
    model.setMaxRows(50);
    QCOMPARE(model.rowCount(), 50);
    model.reload();
    QTRY_COMPARE(model.rowCount(), 50);
    QTRY_VERIFY(!model.isLoading());
    m_journal->clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_ActivityModel::followsJournalSignals()
{
    openJournal();
    ActivityModel model(m_journal.get());
    QAbstractItemModelTester tester(&model);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);

    recordEntries(3);
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(ids(model), (QList<qint64>{3, 2, 1}));
    recordEntries(2, u"sqs"_s, 501);
    QTRY_COMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, ActivityModel::Service).data().toString(), u"SQS"_s);

    m_journal->clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    recordEntries(1);
    QTRY_COMPARE(model.rowCount(), 1);
}

void tst_ActivityModel::filterProxySelectsRows_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<ActivityFilterProxy::StatusFilter>("status");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("expected");

    using Status = ActivityFilterProxy::StatusFilter;
    QTest::newRow("all") << QString() << Status::All << QString()
                         << QList<qint64>{6, 5, 4, 3, 2, 1};
    QTest::newRow("service") << u"sqs"_s << Status::All << QString() << QList<qint64>{4, 3, 2};
    QTest::newRow("errors") << QString() << Status::Errors << QString() << QList<qint64>{6, 5, 3};
    QTest::newRow("2xx") << QString() << Status::Success << QString() << QList<qint64>{4, 2, 1};
    QTest::newRow("4xx") << QString() << Status::ClientErrors << QString() << QList<qint64>{5, 3};
    QTest::newRow("5xx") << QString() << Status::ServerErrors << QString() << QList<qint64>{6};
    QTest::newRow("operation text")
        << QString() << Status::All << u"queue"_s << QList<qint64>{4, 3, 2};
    QTest::newRow("error code text") << QString() << Status::All << u"nosuch"_s << QList<qint64>{5};
    QTest::newRow("combined") << u"sqs"_s << Status::Errors << u"Send"_s << QList<qint64>{3};
    QTest::newRow("nothing") << u"lambda"_s << Status::All << QString() << QList<qint64>{};
}

void tst_ActivityModel::filterProxySelectsRows()
{
    QFETCH(QString, service);
    QFETCH(ActivityFilterProxy::StatusFilter, status);
    QFETCH(QString, text);
    QFETCH(QList<qint64>, expected);

    ActivityModel model(nullptr);
    ActivityFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy);
    model.addEntries({
        makeEntry(1, u"sts"_s, u"GetCallerIdentity"_s, 200),
        makeEntry(2, u"sqs"_s, u"CreateQueue"_s, 200),
        makeEntry(3, u"sqs"_s, u"SendMessage"_s, 400, u"AWS.SimpleQueueService.NonExistentQueue"_s),
        makeEntry(4, u"sqs"_s, u"ListQueues"_s, 200),
        makeEntry(5, u"s3"_s, u"GetObject"_s, 404, u"NoSuchKey"_s),
        makeEntry(6, u"dynamodb"_s, u"PutItem"_s, 500, u"InternalFailure"_s),
    });
    proxy.setServiceFilter(service);
    proxy.setStatusFilter(status);
    proxy.setTextFilter(text);
    QCOMPARE(ids(proxy), expected);
}

void tst_ActivityModel::filterProxyFollowsNewRows()
{
    ActivityModel model(nullptr);
    ActivityFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy);
    proxy.setStatusFilter(ActivityFilterProxy::StatusFilter::Errors);
    model.addEntries({makeEntry(1), makeEntry(2, u"sqs"_s, u"ListQueues"_s, 501)});
    QCOMPARE(ids(proxy), (QList<qint64>{2}));
    model.addEntries({makeEntry(3, u"s3"_s, u"GetObject"_s, 404)});
    QCOMPARE(ids(proxy), (QList<qint64>{3, 2}));
    proxy.setStatusFilter(ActivityFilterProxy::StatusFilter::All);
    QCOMPARE(ids(proxy), (QList<qint64>{3, 2, 1}));
}

QTEST_MAIN(tst_ActivityModel)
#include "tst_activitymodel.moc"
