// SPDX-License-Identifier: MIT
// Pins the CloudWatch pane as the application wires it: a real Engine (on a manual clock) on its
// own core thread, the pane in the main window with its Alarms, All metrics and Log groups tabs,
// an alarm evaluated when the clock moves, metrics and log events read across threads. With
// CB_SCREENSHOT_DIR set it also saves the pictures in docs/screenshots.
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/clock.h"
#include "core/engine.h"
#include "core/logs/logsservice.h"
#include "tests/support/enginethread.h"
#include "ui/cloudwatch/alarmchart.h"
#include "ui/cloudwatch/alarmlistmodel.h"
#include "ui/cloudwatch/alarmspane.h"
#include "ui/cloudwatch/createalarmdialog.h"
#include "ui/cloudwatch/loggroupsview.h"
#include "ui/cloudwatch/logmodels.h"
#include "ui/cloudwatch/metricchart.h"
#include "ui/cloudwatch/metricsbrowser.h"
#include "ui/cloudwatch/metrictreemodel.h"
#include "ui/mainwindow.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeView>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Core::CloudWatch;

class tst_CloudWatchPane final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void emptyStateSaysWhatToDo(); // first: the engine has no alarm yet
    void tabsReadTheEngineAcrossThreads();

private:
    void populate();
    void screenshot(QWidget *window, const QString &name);

    QTemporaryDir m_stateDir;
    // Now, on a whole minute: the alarm periods end as the test moves the clock.
    Core::ManualClock m_clock{QDateTime::currentMSecsSinceEpoch() / 60000 * 60000};
    Tests::EngineThread m_core;
    Core::Engine *m_engine = nullptr;
    QString m_endpointUrl;
};

void tst_CloudWatchPane::initTestCase()
{
    QVERIFY(m_stateDir.isValid());
    Core::EngineOptions options;
    options.stateDir = m_stateDir.path();
    options.port = 0;
    const QString failure = m_core.start(options, &m_clock);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_engine = m_core.engine();
    m_endpointUrl = m_core.endpointUrl();
}

void tst_CloudWatchPane::init()
{
    // The offscreen platform cannot propagate size hints and says so when a window is shown.
    QTest::failOnWarning(
        QRegularExpression(u"^(?!This plugin does not support propagateSizeHints).*"_s));
}

void tst_CloudWatchPane::cleanupTestCase()
{
    m_core.stop();
}

// What a class sees after a few minutes of work: custom metrics with dimensions, service metrics,
// a Lambda function's log group and an application log group.
void tst_CloudWatchPane::populate()
{
    CloudWatchService *cloudwatch = m_engine->cloudwatch();
    Core::Logs::LogsService *logs = m_engine->logs();
    QMetaObject::invokeMethod(
        cloudwatch,
        [cloudwatch, logs] {
            const qint64 now = cloudwatch->nowMs();
            const qint64 minute = 60000;
            QList<MetricDatum> data;
            for (int i = 0; i < 60; ++i) {
                const qint64 at = now - (60 - i) * minute;
                for (const auto &[api, base] :
                    {std::pair{u"cart"_s, 120.0}, {u"checkout"_s, 260.0}}) {
                    MetricDatum datum;
                    datum.metricName = u"Latency"_s;
                    datum.dimensions = {{u"Api"_s, api}};
                    datum.unit = u"Milliseconds"_s;
                    datum.timestampMs = at;
                    datum.value = base + 40 * std::sin(i / 6.0) + (i % 7) * 6
                        + (api == u"checkout" && i >= 56 ? 80 : 0);
                    data.append(datum);
                }
                MetricDatum orders;
                orders.metricName = u"OrdersPlaced"_s;
                orders.unit = u"Count"_s;
                orders.timestampMs = at;
                orders.value = 5 + (i * 7) % 11;
                data.append(orders);
                cloudwatch->putMetric(u"AWS/SQS"_s,
                    u"NumberOfMessagesSent"_s,
                    {{u"QueueName"_s, u"orders"_s}},
                    double(3 + (i * 5) % 9),
                    u"Count"_s,
                    at);
                cloudwatch->putMetric(u"AWS/Lambda"_s,
                    u"Invocations"_s,
                    {{u"FunctionName"_s, u"process-order"_s}},
                    double(2 + i % 4),
                    u"Count"_s,
                    at);
            }
            static_cast<void>(cloudwatch->putMetricData(u"ShopApp"_s, data));
            cloudwatch->flushMetricSink();

            Alarm latency;
            latency.name = u"checkout-latency-high"_s;
            latency.metric = {u"ShopApp"_s, u"Latency"_s, {{u"Api"_s, u"checkout"_s}}};
            latency.statistic = u"Average"_s;
            latency.period = 60;
            latency.evaluationPeriods = 3;
            latency.datapointsToAlarm = 2;
            latency.threshold = 300;
            latency.comparisonOperator = u"GreaterThanThreshold"_s;
            static_cast<void>(cloudwatch->putMetricAlarm(latency));
            Alarm backlog = latency;
            backlog.name = u"orders-queue-backlog"_s;
            backlog.metric = {
                u"AWS/SQS"_s, u"NumberOfMessagesSent"_s, {{u"QueueName"_s, u"orders"_s}}};
            backlog.statistic = u"Sum"_s;
            backlog.threshold = 100;
            static_cast<void>(cloudwatch->putMetricAlarm(backlog));
            Alarm site;
            site.name = u"shop-degraded"_s;
            site.alarmRule =
                u"ALARM(\"checkout-latency-high\") OR ALARM(\"orders-queue-backlog\")"_s;
            static_cast<void>(cloudwatch->putCompositeAlarm(site));

            // The group exists before its metric filter, so the filter counts the ERROR below.
            logs->appendEvents(u"/aws/lambda/process-order"_s,
                u"2026/12/07/[$LATEST]5f1c0a9e2b7d4e3f"_s,
                {{now - 6000, u"INIT_START Runtime Version: python:3.12"_s}});
            Core::Logs::MetricFilter declined;
            declined.groupName = u"/aws/lambda/process-order"_s;
            declined.name = u"payment-declined"_s;
            declined.pattern = u"\"payment declined\""_s;
            declined.transformation = {
                u"PaymentsDeclined"_s, u"ShopApp"_s, u"1"_s, 0.0, {}, u"Count"_s};
            static_cast<void>(logs->putMetricFilter(declined));
            logs->appendEvents(u"/aws/lambda/process-order"_s,
                u"2026/12/07/[$LATEST]5f1c0a9e2b7d4e3f"_s,
                {{now - 5000, u"START RequestId: 7d0c Version: $LATEST"_s},
                    {now - 4990, u"processing order 1042 for 3 items"_s},
                    {now - 4900, u"ERROR payment declined for order 1042"_s},
                    {now - 4890,
                        u"END RequestId: 7d0c\nREPORT RequestId: 7d0c Duration: 92.31 ms"_s}});
            static_cast<void>(logs->createLogGroup(u"/shop/web"_s, {}, {}));
            static_cast<void>(logs->putRetentionPolicy(u"/shop/web"_s, 14));
            logs->appendEvents(u"/shop/web"_s,
                u"web-1"_s,
                {{now - 3000, u"GET /cart 200 12ms"_s},
                    {now - 2000, u"POST /checkout 502 3012ms upstream timed out"_s},
                    {now - 1000, u"GET /health 200 1ms"_s}});
        },
        Qt::BlockingQueuedConnection);
}

void tst_CloudWatchPane::screenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("CB_SCREENSHOT_DIR");
    QTest::qWait(300); // the chart lays out its axes on the next turns of the event loop
    const QPixmap picture = window->grab();
    QVERIFY(!picture.isNull());
    if (!dir.isEmpty())
        QVERIFY(picture.save(QDir(dir).filePath(name)));
}

void tst_CloudWatchPane::emptyStateSaysWhatToDo()
{
    Gui::CloudWatch::AlarmsPane pane(m_engine->cloudwatch(), m_engine->logs());
    pane.resize(1200, 800);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *title = pane.findChild<QLabel *>(u"alarmDetailTitle"_s);
    auto *hint = pane.findChild<QLabel *>(u"alarmDetailReason"_s);
    QVERIFY(title && hint);
    QCOMPARE(title->text(), u"No alarms yet"_s);
    QVERIFY(hint->text().contains(u"put-metric-alarm"_s));
    // No empty chart and history panels under the hint.
    QVERIFY(!pane.findChild<Gui::CloudWatch::AlarmChart *>()->isVisibleTo(&pane));

    // An alarm appears (here from a client): it is selected and shown, chart included.
    Core::CloudWatch::Alarm alarm;
    alarm.name = u"queue-backlog"_s;
    alarm.metric.metricNamespace = u"AWS/SQS"_s;
    alarm.metric.metricName = u"ApproximateNumberOfMessagesVisible"_s;
    alarm.statistic = u"Maximum"_s;
    alarm.period = 60;
    alarm.evaluationPeriods = 1;
    alarm.threshold = 10;
    alarm.comparisonOperator = u"GreaterThanThreshold"_s;
    Core::CloudWatch::CloudWatchService *cloudwatch = m_engine->cloudwatch();
    QMetaObject::invokeMethod(
        cloudwatch,
        [cloudwatch, alarm] { static_cast<void>(cloudwatch->putMetricAlarm(alarm)); },
        Qt::BlockingQueuedConnection);
    QTRY_COMPARE(title->text(), u"queue-backlog"_s);
    QTRY_VERIFY(pane.findChild<Gui::CloudWatch::AlarmChart *>()->isVisibleTo(&pane));

    QMetaObject::invokeMethod(
        cloudwatch,
        [cloudwatch] { static_cast<void>(cloudwatch->deleteAlarms({u"queue-backlog"_s})); },
        Qt::BlockingQueuedConnection);
    QTRY_COMPARE(title->text(), u"No alarms yet"_s);
}

void tst_CloudWatchPane::tabsReadTheEngineAcrossThreads()
{
    populate();
    Gui::MainWindow::Context context;
    context.journal = m_engine->journal();
    context.endpointUrl = m_endpointUrl;
    context.stateDir = m_stateDir.path();
    context.region = u"us-east-1"_s;
    Gui::MainWindow window(context);
    auto *pane = new Gui::CloudWatch::AlarmsPane(m_engine->cloudwatch(), m_engine->logs());
    pane->setEndpointUrl(m_endpointUrl);
    window.setServicePane(Gui::MainWindow::Pane::Alarms, pane);
    window.showPane(Gui::MainWindow::Pane::Alarms);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(pane->tabs()->count(), 3);

    // The clock moves a minute: the evaluator reads the last three periods.
    QTRY_COMPARE(pane->model()->rowCount(), 3);
    m_clock.advance(60000);
    QTRY_COMPARE(pane->model()->countInState(u"ALARM"_s), 2); // the metric alarm and the composite
    QCOMPARE(pane->model()->countInState(u"OK"_s), 1);
    auto *table = pane->findChild<QTableView *>(u"alarmTable"_s);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(Gui::CloudWatch::AlarmListModel::NameRole).toString()
            == u"checkout-latency-high")
            table->selectRow(row);
    }
    const auto labels = pane->findChildren<QLabel *>();
    const auto reasonShown = [&labels] {
        return std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->text().startsWith(u"Threshold Crossed: "_s);
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(reasonShown(), 5000);

    screenshot(&window, u"cloudwatch-alarms.png"_s);

    pane->showTab(Gui::CloudWatch::AlarmsPane::MetricsTab);
    Gui::CloudWatch::MetricsBrowser *browser = pane->metricsBrowser();
    QTRY_VERIFY(browser->model()->metricCount() >= 5);
    auto *tree = browser->findChild<QTreeView *>();
    tree->expandAll();
    browser->setStatistic(u"Average"_s);
    for (const QString &api : {u"cart"_s, u"checkout"_s})
        browser->model()->setChecked(Gui::CloudWatch::MetricTreeModel::metricKey(
                                         Metric{u"ShopApp"_s, u"Latency"_s, {{u"Api"_s, api}}}),
            true);
    QTRY_COMPARE(browser->chart()->seriesCount(), 2);
    QTRY_VERIFY(browser->chart()->pointCount() >= 100);
    screenshot(&window, u"cloudwatch-metrics.png"_s);

    // "Create alarm" in the browser opens the dialog filled in with the first ticked metric.
    QSignalSpy opened(pane, &Gui::CloudWatch::AlarmsPane::createAlarmDialogOpened);
    const auto buttons = browser->findChildren<QPushButton *>();
    const auto create = std::find_if(buttons.cbegin(), buttons.cend(), [](QPushButton *button) {
        return button->text() == u"Create alarm…";
    });
    QVERIFY(create != buttons.cend());
    QVERIFY((*create)->isEnabled());
    (*create)->click();
    QCOMPARE(opened.size(), 1);
    auto *dialog = qobject_cast<Gui::CloudWatch::CreateAlarmDialog *>(
        opened.front().front().value<QDialog *>());
    QVERIFY(dialog);
    QCOMPARE(dialog->alarm().metric.dimensions.front().value, u"cart"_s);
    QCOMPARE(dialog->alarm().statistic, u"Average"_s);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    screenshot(dialog, u"cloudwatch-create-alarm.png"_s);
    dialog->reject();

    pane->showTab(Gui::CloudWatch::AlarmsPane::LogGroupsTab);
    Gui::CloudWatch::LogGroupsView *logs = pane->logGroupsView();
    QTRY_COMPARE(logs->groups()->rowCount(), 2);
    logs->selectGroup(u"/aws/lambda/process-order"_s);
    QTRY_COMPARE(logs->events()->rowCount(), 5);
    QTRY_VERIFY(logs->metricFiltersText().contains(u"payment-declined"_s));
    logs->setFilterPattern(u"?ERROR ?REPORT"_s);
    QTRY_COMPARE(logs->events()->rowCount(), 2);
    screenshot(&window, u"cloudwatch-logs.png"_s);
}

QTEST_MAIN(tst_CloudWatchPane)
#include "tst_cloudwatchpane.moc"
