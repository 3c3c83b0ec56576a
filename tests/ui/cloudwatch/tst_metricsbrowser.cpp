// SPDX-License-Identifier: MIT
// Pins the metrics browser: the namespace / dimension set / metric tree passes
// QAbstractItemModelTester and keeps check marks across live updates; the browser lists a real
// CloudWatchService's metrics, says how to publish one when there are none, charts the ticked
// metrics at the chosen statistic and follows new data with auto-refresh on, and its graphed
// metrics table edits, colours and removes each line. Up to 500 lines (AWS's graph limit) are
// charted with a bounded number of points; the empty chart's message wraps at narrow widths.
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/clock.h"
#include "tests/support/tempdatabase.h"
#include "ui/cloudwatch/metricchart.h"
#include "ui/cloudwatch/metricsbrowser.h"
#include "ui/cloudwatch/metrictreemodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>

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
        QTRY_VERIFY(browser.chart()->message().contains(u"once there are metrics"_s));
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
        QTRY_COMPARE(browser.chart()->message(), u"No datapoints in this time range"_s);
        QVERIFY(browser.chart()->chart()->title().isEmpty());
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

    // Decimation keeps a line under its point budget, in time order, with its spikes.
    void decimationKeepsSpikes()
    {
        QList<std::pair<qint64, double>> points;
        for (qint64 i = 0; i < 10000; ++i)
            points.append({i * 1000, i == 4321 ? 900.0 : (i == 7777 ? -50.0 : double(i % 7))});
        const QList<QPointF> few = Gui::CloudWatch::MetricChart::decimated(points, 200);
        QVERIFY(few.size() <= 200);
        QVERIFY(few.size() >= 150);
        for (qsizetype i = 1; i < few.size(); ++i)
            QVERIFY(few.at(i - 1).x() < few.at(i).x());
        const auto has = [&few](double x, double y) {
            return std::any_of(few.cbegin(), few.cend(), [x, y](const QPointF &point) {
                return point.x() == x && point.y() == y;
            });
        };
        QVERIFY(has(4321000, 900));
        QVERIFY(has(7777000, -50));
        // Short lines are drawn as they are.
        const QList<std::pair<qint64, double>> three{{1, 1}, {2, 5}, {3, 2}};
        QCOMPARE(Gui::CloudWatch::MetricChart::decimated(three, 200),
            (QList<QPointF>{{1, 1}, {2, 5}, {3, 2}}));
    }

    // The AWS console charts up to 500 metrics in one graph: 500 lines, no legend (the graphed
    // metrics table is the key), thin pens without markers and a bounded number of points; a
    // 501st ticked metric is listed as not charted.
    void chartsUpTo500Lines()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        const qint64 now = clock.nowMs();
        constexpr int Metrics = 501;
        constexpr int Points = 180; // one a minute over the last 3 hours
        for (int m = 0; m < Metrics; ++m) {
            QList<MetricDatum> data;
            for (int p = 0; p < Points; ++p)
                data.append(datum(u"Load"_s,
                    m + p % 10,
                    now - (p + 1) * 60000,
                    {{u"Host"_s, u"h%1"_s.arg(m, 3, 10, QChar(u'0'))}}));
            QVERIFY(service.putMetricData(u"Fleet"_s, data));
        }
        Gui::CloudWatch::MetricsBrowser browser(&service);
        browser.setAutoRefresh(false);
        browser.resize(1400, 900);
        browser.show();
        QTRY_COMPARE(browser.model()->metricCount(), Metrics);
        browser.setRangeSpanMs(3 * 3600 * 1000);
        QElapsedTimer ticking;
        ticking.start();
        for (int m = 0; m < Metrics; ++m)
            browser.model()->setChecked(
                MetricTreeModel::metricKey(metric(
                    u"Fleet"_s, u"Load"_s, {{u"Host"_s, u"h%1"_s.arg(m, 3, 10, QChar(u'0'))}})),
                true);
        const qint64 tickMs = ticking.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(browser.chart()->seriesCount(), 500, 30000);
        QCOMPARE(browser.graphedMetrics()->rowCount(), 500);
        auto *title = browser.findChild<QLabel *>(u"graphedTitle"_s);
        QVERIFY(title);
        QVERIFY(title->text().contains(u"500 of 501 ticked"_s));
        QVERIFY(browser.chart()->pointCount() <= Gui::CloudWatch::MetricChart::MaxChartPoints);
        QVERIFY(browser.chart()->pointCount() >= 500 * 50);
        QVERIFY(!browser.chart()->chart()->legend()->isVisible());
        QCOMPARE(browser.chart()->chart()->animationOptions(), QChart::NoAnimation);
        auto *first = qobject_cast<QLineSeries *>(browser.chart()->chart()->series().first());
        QVERIFY(!first->pointsVisible());
        QCOMPARE(first->pen().width(), 1);
        QElapsedTimer drawing;
        drawing.start();
        const QPixmap picture = browser.chart()->grab();
        const qint64 drawMs = drawing.elapsed();
        QVERIFY(!picture.isNull());
        qInfo(
            "ticking 501 metrics one by one: %lld ms; drawing 500 lines: %lld ms", tickMs, drawMs);
        // Generous bounds for a loaded machine; on an idle one both take well under a second.
        QVERIFY2(drawMs < 10000, qPrintable(QString::number(drawMs)));

        // Unticking one charts the 501st.
        browser.model()->setChecked(
            MetricTreeModel::metricKey(metric(u"Fleet"_s, u"Load"_s, {{u"Host"_s, u"h000"_s}})),
            false);
        QTRY_VERIFY(lineNamed(browser.chart(), u"Load (Host=h500)"_s));
        QCOMPARE(title->text(), u"<b>Graphed metrics (500)</b>"_s);
    }

    // The empty chart's message wraps in a narrow window instead of being elided as a chart
    // title would be.
    void emptyChartMessageWraps()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QVERIFY(service.putMetricData(u"MyApp"_s, {datum(u"Latency"_s, 10, clock.nowMs())}));
        Gui::CloudWatch::MetricsBrowser browser(&service);
        browser.resize(1200, 700);
        browser.show();
        QTRY_COMPARE(browser.model()->metricCount(), 1);
        const QString hint = u"Tick one or more metrics on the left to chart them together"_s;
        QTRY_COMPARE(browser.chart()->message(), hint);
        auto *label = browser.chart()->findChild<QLabel *>(u"chartMessage"_s);
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QVERIFY(label->wordWrap());
        QVERIFY(browser.chart()->chart()->title().isEmpty());
        browser.chart()->resize(260, 400);
        QTRY_VERIFY(label->width() <= 260);
        const QFontMetrics metrics(label->font());
        QVERIFY(metrics.horizontalAdvance(hint) > label->width()); // it could not fit one line
        QCOMPARE(label->text(), hint); // not elided
        QVERIFY(label->heightForWidth(label->width()) >= 2 * metrics.height());
        QVERIFY(label->height() >= label->heightForWidth(label->width()));
    }
};

QTEST_MAIN(tst_MetricsBrowser)
#include "tst_metricsbrowser.moc"
