// SPDX-License-Identifier: MIT
// Pins the metrics browser: the namespace / dimension set / metric tree passes
// QAbstractItemModelTester and keeps check marks across live updates; the browser lists a real
// CloudWatchService's metrics, says how to publish one when there are none, charts the ticked
// metrics at the chosen statistic and follows new data with auto-refresh on, and its graphed
// metrics table edits, colours and removes each line.
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/clock.h"
#include "tests/support/tempdatabase.h"
#include "ui/cloudwatch/metricchart.h"
#include "ui/cloudwatch/metricsbrowser.h"
#include "ui/cloudwatch/metrictreemodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Core::CloudWatch;
using Gui::CloudWatch::MetricTreeModel;

namespace {

Metric metric(const QString &ns, const QString &name, const Dimensions &dimensions = {})
{
    return Metric{ns, name, dimensions};
}

MetricDatum datum(const QString &name, double value, qint64 timestampMs, Dimensions dims = {})
{
    MetricDatum datum;
    datum.metricName = name;
    datum.value = value;
    datum.timestampMs = timestampMs;
    datum.dimensions = std::move(dims);
    return datum;
}

QLineSeries *lineNamed(Gui::CloudWatch::MetricChart *chart, const QString &prefix)
{
    for (QAbstractSeries *series : chart->chart()->series()) {
        if (series->name().startsWith(prefix))
            return qobject_cast<QLineSeries *>(series);
    }
    return nullptr;
}

} // namespace

class tst_MetricsBrowser final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        // The offscreen platform cannot propagate size hints and says so when a window is shown.
        QTest::failOnWarning(
            QRegularExpression(u"^(?!This plugin does not support propagateSizeHints).*"_s));
    }

    void treeGroupsByNamespaceAndDimensionSet()
    {
        MetricTreeModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Metric sent =
            metric(u"AWS/SQS"_s, u"NumberOfMessagesSent"_s, {{u"QueueName"_s, u"orders"_s}});
        const Metric latency = metric(u"MyApp"_s, u"Latency"_s);
        const Metric errors = metric(u"MyApp"_s, u"Errors"_s, {{u"Service"_s, u"api"_s}});
        model.setMetrics({sent, latency, errors});
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex sqs = model.index(0, 0);
        QCOMPARE(sqs.data().toString(), u"AWS/SQS"_s);
        QCOMPARE(
            model.index(0, MetricTreeModel::DimensionsColumn).data().toString(), u"1 metric"_s);
        const QModelIndex app = model.index(1, 0);
        QCOMPARE(model.rowCount(app), 2); // "Metrics with no dimensions" and "Service"
        QCOMPARE(model.index(0, 0, app).data().toString(), u"Metrics with no dimensions"_s);
        QCOMPARE(model.index(1, 0, app).data().toString(), u"Service"_s);
        const QModelIndex errorsIndex = model.index(0, 0, model.index(1, 0, app));
        QCOMPARE(errorsIndex.data().toString(), u"Errors"_s);
        QCOMPARE(errorsIndex.siblingAtColumn(MetricTreeModel::DimensionsColumn).data().toString(),
            u"Service=api"_s);
        QVERIFY(model.flags(errorsIndex) & Qt::ItemIsUserCheckable);
        QVERIFY(!(model.flags(app) & Qt::ItemIsUserCheckable));

        QSignalSpy checked(&model, &MetricTreeModel::checkedMetricsChanged);
        QVERIFY(model.setData(errorsIndex, Qt::Checked, Qt::CheckStateRole));
        model.setChecked(MetricTreeModel::metricKey(sent), true);
        QCOMPARE(checked.size(), 2);
        QCOMPARE(model.checkedMetrics().size(), 2);
        QCOMPARE(model.checkedMetrics().front().metricName, u"Errors"_s); // in the order ticked

        // A live update: one metric more, the SQS one gone. Errors stays ticked.
        const Metric throttles =
            metric(u"AWS/Lambda"_s, u"Throttles"_s, {{u"FunctionName"_s, u"f"_s}});
        model.setMetrics({latency, errors, throttles});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data().toString(), u"AWS/Lambda"_s);
        QCOMPARE(model.metricCount(), 3);
        QCOMPARE(model.checkedMetrics().size(), 1);
        QCOMPARE(model.checkedMetrics().front().metricName, u"Errors"_s);
        model.setMetrics({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.checkedMetrics().isEmpty());
    }

    void emptyServiceExplainsHowToPublish()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        Gui::CloudWatch::MetricsBrowser browser(&service);
        browser.setEndpointUrl(u"http://127.0.0.1:4999"_s);
        browser.resize(1200, 700);
        browser.show();
        auto *empty = browser.findChild<QLabel *>(u"emptyMetrics"_s);
        QVERIFY(empty);
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(u"aws cloudwatch put-metric-data"_s));
        QVERIFY(empty->text().contains(u"http://127.0.0.1:4999"_s));
        QVERIFY(!browser.findChild<QTreeView *>()->isVisible());
        QTRY_VERIFY(browser.chart()->chart()->title().contains(u"once there are metrics"_s));
    }

    void chartsTickedMetricsAndFollowsNewData()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        const qint64 now = clock.nowMs();
        QVERIFY(service.putMetricData(u"MyApp"_s,
            {datum(u"Latency"_s, 10, now - 10 * 60000),
                datum(u"Latency"_s, 30, now - 10 * 60000),
                datum(u"Latency"_s, 50, now - 5 * 60000),
                datum(u"Errors"_s, 1, now - 5 * 60000, {{u"Service"_s, u"api"_s}})}));
        Gui::CloudWatch::MetricsBrowser browser(&service);
        browser.resize(1200, 700);
        browser.show();
        QTRY_COMPARE(browser.model()->metricCount(), 2);
        QVERIFY(browser.findChild<QTreeView *>()->isVisible());
        QCOMPARE(browser.chart()->seriesCount(), 0);

        browser.setStatistic(u"Sum"_s);
        browser.setPeriod(60);
        browser.model()->setChecked(
            MetricTreeModel::metricKey(metric(u"MyApp"_s, u"Latency"_s)), true);
        browser.model()->setChecked(
            MetricTreeModel::metricKey(metric(u"MyApp"_s, u"Errors"_s, {{u"Service"_s, u"api"_s}})),
            true);
        QTRY_COMPARE(browser.chart()->seriesCount(), 2);
        QLineSeries *latency = lineNamed(browser.chart(), u"Latency"_s);
        QVERIFY(latency);
        QVERIFY(latency->name().endsWith(u"Sum"_s));
        QCOMPARE(latency->count(), 2);
        QCOMPARE(latency->at(0).y(), 40.0); // 10 + 30 in one minute
        QCOMPARE(latency->at(1).y(), 50.0);

        browser.setStatistic(u"Maximum"_s);
        QTRY_COMPARE(lineNamed(browser.chart(), u"Latency"_s)->at(0).y(), 30.0);

        // Auto-refresh: a new datapoint shows up without touching the browser.
        QVERIFY(browser.autoRefresh());
        QVERIFY(service.putMetricData(u"MyApp"_s, {datum(u"Latency"_s, 70, now - 60000)}));
        QTRY_COMPARE(lineNamed(browser.chart(), u"Latency"_s)->count(), 3);

        // A range that ends before the data: the chart says so instead of drawing nothing.
        browser.setAutoRefresh(false);
        clock.advance(2LL * 3600 * 1000);
        browser.setRangeSpanMs(15 * 60000);
        QTRY_COMPARE(browser.chart()->chart()->title(), u"No datapoints in this time range"_s);
    }

    // "Graphed metrics": one row per line with the chart's colour, a label, a statistic and a
    // period of its own, and a button that takes the line off the chart.
    void graphedMetricsTableEditsEachLine()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        const qint64 now = clock.nowMs();
        QVERIFY(service.putMetricData(u"MyApp"_s,
            {datum(u"Latency"_s, 10, now - 10 * 60000),
                datum(u"Latency"_s, 30, now - 9 * 60000),
                datum(u"Latency"_s, 50, now - 5 * 60000),
                datum(u"Errors"_s, 1, now - 5 * 60000, {{u"Service"_s, u"api"_s}})}));
        Gui::CloudWatch::MetricsBrowser browser(&service);
        browser.resize(1200, 800);
        browser.show();
        QTRY_COMPARE(browser.model()->metricCount(), 2);
        QTableWidget *table = browser.graphedMetrics();
        QCOMPARE(table->rowCount(), 0);

        using Browser = Gui::CloudWatch::MetricsBrowser;
        browser.setStatistic(u"Sum"_s);
        browser.setPeriod(60);
        const QString latencyKey = MetricTreeModel::metricKey(metric(u"MyApp"_s, u"Latency"_s));
        const QString errorsKey =
            MetricTreeModel::metricKey(metric(u"MyApp"_s, u"Errors"_s, {{u"Service"_s, u"api"_s}}));
        browser.model()->setChecked(latencyKey, true);
        browser.model()->setChecked(errorsKey, true);
        QTRY_COMPARE(browser.chart()->seriesCount(), 2);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, Browser::LabelColumn)->text(), u"Latency · Sum"_s);
        QCOMPARE(table->item(1, Browser::LabelColumn)->text(), u"Errors (Service=api) · Sum"_s);
        // Each swatch has its line's colour.
        const QList<QAbstractSeries *> lines = browser.chart()->chart()->series();
        for (int row = 0; row < 2; ++row) {
            auto *line = qobject_cast<QLineSeries *>(lines.at(row));
            QCOMPARE(
                table->item(row, Browser::ColourColumn)->background().color(), line->pen().color());
            QCOMPARE(line->name(), table->item(row, Browser::LabelColumn)->text());
        }

        // A statistic of its own for the first line only.
        auto *statistic = qobject_cast<QComboBox *>(table->cellWidget(0, Browser::StatisticColumn));
        QVERIFY(statistic);
        statistic->setCurrentText(u"Maximum"_s);
        QTRY_VERIFY(lineNamed(browser.chart(), u"Latency · Maximum"_s));
        QCOMPARE(table->item(0, Browser::LabelColumn)->text(), u"Latency · Maximum"_s);
        QVERIFY(lineNamed(browser.chart(), u"Errors (Service=api) · Sum"_s));

        // A period of its own: 5 minutes puts the three Latency datums in two periods.
        QCOMPARE(lineNamed(browser.chart(), u"Latency"_s)->count(), 3);
        auto *period = qobject_cast<QComboBox *>(table->cellWidget(0, Browser::PeriodColumn));
        QVERIFY(period);
        period->setCurrentIndex(period->findData(300));
        QTRY_COMPARE(lineNamed(browser.chart(), u"Latency"_s)->count(), 2);
        QCOMPARE(lineNamed(browser.chart(), u"Errors"_s)->count(), 1);

        // A typed label names the line; clearing it brings the default back.
        table->item(0, Browser::LabelColumn)->setText(u"p-latency"_s);
        QTRY_VERIFY(lineNamed(browser.chart(), u"p-latency"_s));
        table->item(0, Browser::LabelColumn)->setText(QString());
        QCOMPARE(table->item(0, Browser::LabelColumn)->text(), u"Latency · Maximum"_s);
        QTRY_VERIFY(lineNamed(browser.chart(), u"Latency · Maximum"_s));

        // The controls above the chart set every line again.
        browser.setStatistic(u"SampleCount"_s);
        QTRY_VERIFY(lineNamed(browser.chart(), u"Latency · SampleCount"_s));
        QCOMPARE(qobject_cast<QComboBox *>(table->cellWidget(0, Browser::StatisticColumn))
                     ->currentText(),
            u"SampleCount"_s);

        // Remove: the line leaves the chart, the table and the ticked metrics.
        auto *remove = qobject_cast<QToolButton *>(table->cellWidget(0, Browser::RemoveColumn));
        QVERIFY(remove);
        remove->click();
        QTRY_COMPARE(table->rowCount(), 1);
        QTRY_COMPARE(browser.chart()->seriesCount(), 1);
        QCOMPARE(browser.model()->checkedMetrics().size(), 1);
        QCOMPARE(browser.model()->checkedMetrics().front().metricName, u"Errors"_s);
        QCOMPARE(table->item(0, Browser::ColourColumn)->background().color(),
            Gui::CloudWatch::MetricChart::seriesColour(0));
    }
};

QTEST_MAIN(tst_MetricsBrowser)
#include "tst_metricsbrowser.moc"
