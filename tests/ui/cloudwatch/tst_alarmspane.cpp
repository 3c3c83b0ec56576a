// SPDX-License-Identifier: MIT
// Pins the Alarms pane: the alarm list model passes QAbstractItemModelTester, shows states with
// their colours and counts, and the pane fills itself from a real CloudWatchService (on this
// thread), opening the first metric alarm that is in ALARM; an anomaly detection alarm's chart
// shades its band instead of drawing a threshold line.
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/clock.h"
#include "tests/support/tempdatabase.h"
#include "ui/cloudwatch/alarmchart.h"
#include "ui/cloudwatch/alarmlistmodel.h"
#include "ui/cloudwatch/alarmspane.h"

#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Core::CloudWatch;
using Gui::CloudWatch::AlarmListModel;

namespace {

Alarm metricAlarm(const QString &name, const QString &state)
{
    Alarm alarm;
    alarm.name = name;
    alarm.stateValue = state;
    alarm.metric = {u"App"_s, u"Errors"_s, {}};
    alarm.statistic = u"Sum"_s;
    alarm.period = 60;
    alarm.evaluationPeriods = 3;
    alarm.datapointsToAlarm = 2;
    alarm.threshold = 5;
    alarm.comparisonOperator = u"GreaterThanThreshold"_s;
    return alarm;
}

} // namespace

class tst_AlarmsPane final : public QObject
{
    Q_OBJECT

private slots:
    void modelRowsStatesAndCounts()
    {
        AlarmListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlarms({metricAlarm(u"a"_s, u"ALARM"_s),
            metricAlarm(u"b"_s, u"OK"_s),
            metricAlarm(u"c"_s, u"INSUFFICIENT_DATA"_s),
            metricAlarm(u"d"_s, u"ALARM"_s)});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(AlarmListModel::ColumnCount));
        QCOMPARE(model.countInState(u"ALARM"_s), 2);
        QCOMPARE(model.countInState(u"OK"_s), 1);
        const QModelIndex state = model.index(0, AlarmListModel::StateColumn);
        QCOMPARE(state.data().toString(), u"In alarm"_s);
        QCOMPARE(
            state.data(Qt::ForegroundRole).value<QColor>(), AlarmListModel::stateColor(u"ALARM"_s));
        QCOMPARE(model.index(1, AlarmListModel::ConditionColumn).data().toString(),
            u"Sum Errors > 5 for 2 of 3 datapoints within 60 s"_s);
        model.setAlarms({});
        QCOMPARE(model.rowCount(), 0);
    }

    void paneShowsTheServicesAlarms()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        Alarm ok = metricAlarm(u"calm"_s, u"OK"_s);
        Alarm firing = metricAlarm(u"firing"_s, u"ALARM"_s);
        QVERIFY(service.putMetricAlarm(ok));
        QVERIFY(service.putMetricAlarm(firing));
        QVERIFY(service.setAlarmState(u"firing"_s, u"ALARM"_s, u"drill"_s, {}));
        Gui::CloudWatch::AlarmsPane pane(&service);
        QSignalSpy inAlarm(&pane, &Gui::CloudWatch::AlarmsPane::inAlarmCountChanged);
        QTRY_COMPARE(pane.model()->rowCount(), 2);
        QTRY_VERIFY(!inAlarm.isEmpty());
        QCOMPARE(inAlarm.last().at(0).toInt(), 1);
        const auto buttons = pane.findChildren<QPushButton *>();
        QStringList texts;
        for (const QPushButton *button : buttons)
            texts.append(button->text());
        QVERIFY2(texts.contains(u"In alarm (1)"_s), qPrintable(texts.join(u", "_s)));
        QVERIFY(texts.contains(u"All (2)"_s));
        const auto labels = pane.findChildren<QLabel *>();
        QTRY_VERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->text() == u"drill";
        }));
    }

    void anomalyAlarmChartShowsTheBand()
    {
        Tests::TempDatabase temp;
        const qint64 start = 1'795'428'000'000;
        Core::ManualClock clock(start + 30 * 60'000 + 5'000);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QList<MetricDatum> history;
        for (int i = 0; i < 30; ++i) {
            MetricDatum datum;
            datum.metricName = u"Latency"_s;
            datum.value = i % 2 ? 12 : 8;
            datum.timestampMs = start + i * 60'000;
            history.append(datum);
        }
        QVERIFY(service.putMetricData(u"App"_s, history));
        Alarm alarm;
        alarm.name = u"latency-band"_s;
        alarm.evaluationPeriods = 1;
        alarm.comparisonOperator = u"GreaterThanUpperThreshold"_s;
        alarm.thresholdMetricId = u"ad1"_s;
        alarm.metrics = {MetricDataQuery{u"m1"_s,
                             MetricStat{{u"App"_s, u"Latency"_s, {}}, 60, u"Average"_s, {}},
                             {},
                             {},
                             true,
                             0},
            MetricDataQuery{
                u"ad1"_s, std::nullopt, u"ANOMALY_DETECTION_BAND(m1, 2)"_s, {}, true, 0}};
        QVERIFY(service.putMetricAlarm(alarm));
        QVERIFY(service.setAlarmState(u"latency-band"_s, u"ALARM"_s, u"drill"_s, {}));
        Gui::CloudWatch::AlarmsPane pane(&service);
        QTRY_COMPARE(pane.model()->rowCount(), 1);
        QCOMPARE(pane.model()->index(0, AlarmListModel::ConditionColumn).data().toString(),
            u"Average Latency above the band for 1 of 1 datapoints within 60 s"_s);
        auto *chart = pane.findChild<Gui::CloudWatch::AlarmChart *>();
        QVERIFY(chart);
        const auto hasSeries = [chart](const QString &prefix) {
            const auto series = chart->chart()->series();
            return std::any_of(series.cbegin(), series.cend(), [&prefix](QAbstractSeries *one) {
                return one->name().startsWith(prefix);
            });
        };
        QTRY_VERIFY(hasSeries(u"Expected band"_s));
        QVERIFY(hasSeries(u"Average Latency"_s));
        QVERIFY(!hasSeries(u"Threshold"_s));
        const auto series = chart->chart()->series();
        const auto band = std::find_if(series.cbegin(), series.cend(), [](QAbstractSeries *one) {
            return one->type() == QAbstractSeries::SeriesTypeArea
                && one->name().startsWith(u"Expected band");
        });
        QVERIFY(band != series.cend());
        const auto *area = static_cast<QAreaSeries *>(*band);
        QCOMPARE(area->upperSeries()->points().last().y(), 14.0);
        QCOMPARE(area->lowerSeries()->points().last().y(), 6.0);
    }
};

QTEST_MAIN(tst_AlarmsPane)
#include "tst_alarmspane.moc"
