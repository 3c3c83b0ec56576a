// SPDX-License-Identifier: MIT
// The Queues pane's models under QAbstractItemModelTester: the queue list applies snapshots row
// by row; the peek model pages with fetchMore, shows in-flight and delayed messages with their
// state, and reading never changes a message. The pane lists queues created by a client.
#include "core/common/clock.h"
#include "core/sqs/sqsservice.h"
#include "tests/support/tempdatabase.h"
#include "ui/sqs/messagelistmodel.h"
#include "ui/sqs/queuelistmodel.h"
#include "ui/sqs/queuespane.h"

#include <QAbstractItemModelTester>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Sqs;
using Gui::Sqs::MessageListModel;
using Gui::Sqs::QueueListModel;

class tst_SqsModels final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TempDatabase> m_db;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<SqsService> m_service;

    static QueueSummary summary(const QString &name, qint64 available)
    {
        QueueSummary summary;
        summary.queue.name = name;
        summary.available = available;
        return summary;
    }

    void send(const QString &queue, const QString &body)
    {
        SendMessageInput input;
        input.body = body;
        QVERIFY(m_service->sendMessage(queue, input));
    }

private slots:
    void init()
    {
        QTest::failOnWarning(QRegularExpression(u".*"_s));
        m_db = std::make_unique<Tests::TempDatabase>();
        QVERIFY(m_db->isOpen());
        m_clock = std::make_unique<Core::ManualClock>();
        m_service = std::make_unique<SqsService>(
            m_db->database(), m_clock.get(), u"000000000000"_s, u"us-east-1"_s);
    }

    void cleanup()
    {
        m_service.reset();
        m_db.reset();
    }

    void queueListAppliesSnapshots()
    {
        QueueListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSummaries({summary(u"a"_s, 1), summary(u"c"_s, 3)});
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSummaries({summary(u"b"_s, 2), summary(u"c"_s, 30), summary(u"d"_s, 4)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(1, QueueListModel::Name).data().toString(), u"c"_s);
        QCOMPARE(model.index(1, QueueListModel::Available).data(Qt::EditRole).toLongLong(), 30);
        model.setSummaries({});
        QCOMPARE(model.rowCount(), 0);
    }

    void peekPagesAndShowsStates()
    {
        QVERIFY(m_service->createQueue(u"q"_s, {}, {}));
        for (int i = 0; i < 450; ++i)
            send(u"q"_s, u"m%1"_s.arg(i));
        ReceiveMessageInput receive;
        receive.maxNumberOfMessages = 2;
        QCOMPARE(m_service->receiveMessage(u"q"_s, receive)->size(), 2);

        MessageListModel model(m_service.get());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &MessageListModel::loaded);
        model.setQueue(u"q"_s);
        QTRY_VERIFY(loaded.size() >= 1);
        QVERIFY(model.rowCount() >= MessageListModel::PageSize);
        // Page by page (the model tester may have asked for a page already).
        for (int page = 0; page < 5 && model.rowCount() < 450; ++page) {
            QTRY_VERIFY(!model.isLoading());
            QVERIFY(model.canFetchMore({}));
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 450);
        QVERIFY(!model.canFetchMore({}));
        // Available first, the two in flight last with their countdown.
        const int last = model.rowCount() - 1;
        QCOMPARE(model.index(0, MessageListModel::State).data().toString(), u"Available"_s);
        QCOMPARE(model.index(last, MessageListModel::State).data().toString(), u"In flight"_s);
        QCOMPARE(model.index(last, MessageListModel::ReceiveCount).data().toInt(), 1);
        QCOMPARE(model.index(last, MessageListModel::VisibleIn).data().toString(), u"30 s"_s);
        // Peeking did not receive anything.
        const auto counts = m_service->getQueueAttributes(u"q"_s, {u"All"_s});
        QCOMPARE(counts->value(u"ApproximateNumberOfMessages"_s), u"448"_s);
        QCOMPARE(counts->value(u"ApproximateNumberOfMessagesNotVisible"_s), u"2"_s);

        m_clock->advance(30'000);
        loaded.clear();
        model.refresh();
        QTRY_VERIFY(loaded.size() >= 1);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 450);
        QCOMPARE(model.index(last, MessageListModel::State).data().toString(), u"Available"_s);
    }

    void peekRefreshesAreSpacedOut()
    {
        // A burst of refresh() calls right after a load issues one delayed re-read, not one each.
        QVERIFY(m_service->createQueue(u"r"_s, {}, {}));
        send(u"r"_s, u"first"_s);
        MessageListModel model(m_service.get());
        QSignalSpy loaded(&model, &MessageListModel::loaded);
        model.setQueue(u"r"_s);
        QTRY_COMPARE(loaded.size(), 1);
        send(u"r"_s, u"second"_s);
        for (int i = 0; i < 10; ++i)
            model.refresh();
        QVERIFY(!model.isLoading());
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(loaded.size(), 2);
        QTest::qWait(2 * MessageListModel::MinRefreshIntervalMs);
        QCOMPARE(loaded.size(), 2);
    }

    void peekShowsDelayed()
    {
        QVERIFY(m_service->createQueue(u"d"_s, {{u"DelaySeconds"_s, u"90"_s}}, {}));
        send(u"d"_s, u"later"_s);
        MessageListModel model(m_service.get());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &MessageListModel::loaded);
        model.setQueue(u"d"_s);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, MessageListModel::State).data().toString(), u"Delayed"_s);
        QCOMPARE(model.index(0, MessageListModel::VisibleIn).data().toString(), u"1 min 30 s"_s);
        QVERIFY(!model.canFetchMore({}));
        model.setQueue({});
        QCOMPARE(model.rowCount(), 0);
    }

    void paneFollowsTheService()
    {
        Gui::Sqs::QueuesPane pane(m_service.get());
        QVERIFY(m_service->createQueue(u"orders"_s, {}, {}));
        send(u"orders"_s, u"hello"_s);
        QTRY_COMPARE(pane.queueModel()->rowCount(), 1);
        pane.selectQueue(u"orders"_s);
        QTRY_COMPARE(pane.currentQueue(), u"orders"_s);
        QTRY_COMPARE(pane.peekModel()->rowCount(), 1);
        QTRY_COMPARE(
            pane.queueModel()->index(0, QueueListModel::Available).data().toString(), u"1"_s);
        const auto *detail = pane.findChild<QPlainTextEdit *>(u"peekDetail"_s);
        QVERIFY(detail);
        QTRY_VERIFY(detail->placeholderText().startsWith(u"Select a message"_s));

        QVERIFY(m_service->createQueue(u"empty"_s, {}, {}));
        QTRY_COMPARE(pane.queueModel()->rowCount(), 2);
        pane.selectQueue(u"empty"_s);
        QTRY_COMPARE(pane.peekModel()->rowCount(), 0);
        QTRY_VERIFY(detail->placeholderText().startsWith(u"This queue holds no messages"_s));
    }
};

QTEST_MAIN(tst_SqsModels)
#include "tst_sqsmodels.moc"
