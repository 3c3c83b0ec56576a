// SPDX-License-Identifier: MIT
// Pins the Log groups tab: its three models pass QAbstractItemModelTester; the view lists a real
// LogsService's groups with retention and stored bytes, the streams of the selected group, and
// events filtered with FilterLogEvents patterns, per stream or for the group; a bad pattern shows
// the service's message; with no groups it explains how to make one. "Create metric filter"
// turns the box's pattern into a filter (the service's error shown in the dialog), which the
// group's row counts and the tab lists.
#include "core/common/clock.h"
#include "core/logs/logsservice.h"
#include "tests/support/tempdatabase.h"
#include "ui/cloudwatch/createmetricfilterdialog.h"
#include "ui/cloudwatch/loggroupsview.h"
#include "ui/cloudwatch/logmodels.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Gui::CloudWatch;

class tst_LogGroupsView final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        // The offscreen platform cannot propagate size hints and says so when a window is shown.
        QTest::failOnWarning(
            QRegularExpression(u"^(?!This plugin does not support propagateSizeHints).*"_s));
    }

    void emptyStateExplainsHowToCreateAGroup()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        Core::Logs::LogsService logs(temp.database(), &clock, u"us-east-1"_s, u"000000000000"_s);
        LogGroupsView view(&logs);
        view.show();
        const auto labels = view.findChildren<QLabel *>();
        QTRY_VERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->isVisible() && label->text().contains(u"aws logs create-log-group"_s);
        }));
    }

    void groupsStreamsAndFilteredEvents()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        Core::Logs::LogsService logs(temp.database(), &clock, u"us-east-1"_s, u"000000000000"_s);
        const qint64 now = clock.nowMs();
        QVERIFY(logs.createLogGroup(u"/my/app"_s, {}, {}));
        QVERIFY(logs.putRetentionPolicy(u"/my/app"_s, 7));
        QVERIFY(logs.createLogStream(u"/my/app"_s, u"web"_s));
        QVERIFY(logs.createLogStream(u"/my/app"_s, u"worker"_s));
        QVERIFY(logs.putLogEvents(u"/my/app"_s,
            u"web"_s,
            {{now - 3000, u"INFO started"_s}, {now - 2000, u"ERROR timed out"_s}}));
        QVERIFY(logs.putLogEvents(u"/my/app"_s, u"worker"_s, {{now - 1000, u"ERROR disk full"_s}}));
        logs.appendEvents(u"/aws/lambda/orders"_s, u"2026/01/01/[$LATEST]abc"_s, {{now, u"hi"_s}});

        LogGroupsView view(&logs);
        QAbstractItemModelTester groupsTester(
            view.groups(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester streamsTester(
            view.streams(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester eventsTester(
            view.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1200, 800);
        view.show();
        QTRY_COMPARE(view.groups()->rowCount(), 2);
        QCOMPARE(view.groups()->index(0, 0).data().toString(), u"/aws/lambda/orders"_s);
        QCOMPARE(view.groups()->index(0, LogGroupListModel::RetentionColumn).data().toString(),
            u"Never expire"_s);
        QCOMPARE(view.groups()->index(1, LogGroupListModel::RetentionColumn).data().toString(),
            u"7 days"_s);
        QVERIFY(!view.groups()
                     ->index(1, LogGroupListModel::StoredBytesColumn)
                     .data()
                     .toString()
                     .isEmpty());

        view.selectGroup(u"/my/app"_s);
        QTRY_COMPARE(view.streams()->rowCount(), 2);
        QCOMPARE(view.streams()->index(0, 0).data().toString(), u"worker"_s); // newest event first
        QTRY_COMPARE(view.events()->rowCount(), 3);
        QCOMPARE(view.events()->index(0, LogEventListModel::MessageColumn).data().toString(),
            u"INFO started"_s);

        view.setFilterPattern(u"ERROR"_s);
        QTRY_COMPARE(view.events()->rowCount(), 2);
        QCOMPARE(view.eventsStatus(), u"2 events"_s);
        view.selectStream(u"web"_s);
        QTRY_COMPARE(view.events()->rowCount(), 1);
        QCOMPARE(view.events()->index(0, LogEventListModel::MessageColumn).data().toString(),
            u"ERROR timed out"_s);
        QCOMPARE(
            view.events()->index(0, LogEventListModel::StreamColumn).data().toString(), u"web"_s);

        // New events arrive live (logsChanged).
        QVERIFY(logs.putLogEvents(u"/my/app"_s, u"web"_s, {{now - 500, u"ERROR again"_s}}));
        QTRY_COMPARE(view.events()->rowCount(), 2);

        // A bad pattern: the service's message instead of events.
        view.setFilterPattern(u"\"unterminated"_s);
        QTRY_VERIFY(view.eventsStatus().contains(u"unterminated quoted term"_s));
        QCOMPARE(view.events()->rowCount(), 0);
    }

    void createMetricFilterFromThePattern()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        Core::Logs::LogsService logs(temp.database(), &clock, u"us-east-1"_s, u"000000000000"_s);
        QVERIFY(logs.createLogGroup(u"/shop/api"_s, {}, {}));
        LogGroupsView view(&logs);
        view.resize(1000, 700);
        view.show();
        QTRY_COMPARE(view.groups()->rowCount(), 1);
        QTRY_VERIFY(view.metricFiltersText().startsWith(u"No metric filters"_s));
        view.setFilterPattern(u"{ $.latency > 100 }"_s);
        view.createMetricFilter();
        // Deleted on close: a QPointer notices.
        QPointer<CreateMetricFilterDialog> dialog = view.findChild<CreateMetricFilterDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"pattern"_s)->text(), u"{ $.latency > 100 }"_s);
        // Nothing filled in: the dialog says what is missing and stays open.
        dialog->submit();
        QVERIFY(dialog->errorText().contains(u"Fill in the filter name"_s));
        dialog->findChild<QLineEdit *>(u"filterName"_s)->setText(u"slow"_s);
        dialog->findChild<QLineEdit *>(u"metricNamespace"_s)->setText(u"Shop"_s);
        dialog->findChild<QLineEdit *>(u"metricName"_s)->setText(u"SlowRequests"_s);
        // The service refuses a value the pattern cannot give: AWS's message in the dialog.
        dialog->findChild<QLineEdit *>(u"pattern"_s)->setText(u"slow"_s);
        dialog->findChild<QLineEdit *>(u"metricValue"_s)->setText(u"$.latency"_s);
        dialog->submit();
        QTRY_VERIFY(dialog->errorText().contains(u"Field references need a JSON"_s));
        QVERIFY(dialog->isVisible());
        dialog->findChild<QLineEdit *>(u"pattern"_s)->setText(u"{ $.latency > 100 }"_s);
        dialog->submit();
        QTRY_VERIFY(dialog.isNull());
        const auto stored = logs.describeMetricFilters(u"/shop/api"_s, {}, {}, {}, {}, {});
        QCOMPARE(stored->items.size(), 1);
        QCOMPARE(stored->items.first().transformation.metricValue, u"$.latency"_s);
        QTRY_VERIFY(view.metricFiltersText().contains(
            u"slow: { $.latency > 100 } \u2192 Shop/SlowRequests (value $.latency)"_s));
        QTRY_COMPARE(
            view.groups()->index(0, LogGroupListModel::MetricFiltersColumn).data().toInt(), 1);
    }

    void eventsPageOnWithFetchMore()
    {
        LogEventListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString asked;
        connect(&model, &LogEventListModel::moreRequested, this, [&asked](const QString &token) {
            asked = token;
        });
        model.setEvents({{1, u"s"_s, 1000, 1000, u"a"_s}}, u"token-1"_s);
        QCOMPARE(model.nextToken(), u"token-1"_s);
        if (asked.isEmpty()) // the tester may have asked for more already
            model.fetchMore({});
        QCOMPARE(asked, u"token-1"_s);
        QVERIFY(!model.canFetchMore({})); // one request at a time
        model.appendEvents({{2, u"s"_s, 2000, 2000, u"b"_s}}, {});
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.canFetchMore({}));
    }
};

QTEST_MAIN(tst_LogGroupsView)
#include "tst_loggroupsview.moc"
