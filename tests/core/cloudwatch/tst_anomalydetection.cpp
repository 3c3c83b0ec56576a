// SPDX-License-Identifier: MIT
// Pins CloudWatch anomaly detection: the model (mean and standard deviation of the two weeks
// before each point, hour-of-day seasonality in the metric's time zone, excluded ranges, training
// states), ANOMALY_DETECTION_BAND in metric math and GetMetricData, the detector operations, and
// band alarms that move through their states on a manual clock with AWS's reasons.
#include "core/cloudwatch/alarmevaluation.h"
#include "core/cloudwatch/anomalymodel.h"
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/cloudwatch/metricmath.h"
#include "core/common/clock.h"
#include "tests/support/tempdatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Core::CloudWatch;

namespace {

// 2026-11-23 10:00:00 UTC.
constexpr qint64 Start = 1'795'428'000'000;
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

MetricDatum datum(const QString &name, double value, qint64 timestampMs)
{
    MetricDatum d;
    d.metricName = name;
    d.value = value;
    d.timestampMs = timestampMs;
    return d;
}

// Latency at Start + i minutes, alternating 8 and 12: mean 10, standard deviation 2.
QList<MetricDatum> alternating(int count)
{
    QList<MetricDatum> data;
    for (int i = 0; i < count; ++i)
        data.append(datum(u"Latency"_s, i % 2 ? 12 : 8, Start + i * Minute));
    return data;
}

MetricDataQuery latencyQuery(bool returnData = true)
{
    return {u"m1"_s,
        MetricStat{{u"App"_s, u"Latency"_s, {}}, 60, u"Average"_s, {}},
        {},
        {},
        returnData,
        0};
}

Alarm bandAlarm(const QString &name, const QString &metricName = u"Latency"_s)
{
    Alarm alarm;
    alarm.name = name;
    alarm.evaluationPeriods = 1;
    alarm.comparisonOperator = u"LessThanLowerOrGreaterThanUpperThreshold"_s;
    alarm.thresholdMetricId = u"ad1"_s;
    MetricDataQuery metric = latencyQuery();
    metric.metricStat->metric.metricName = metricName;
    alarm.metrics = {metric,
        MetricDataQuery{u"ad1"_s, std::nullopt, u"ANOMALY_DETECTION_BAND(m1, 2)"_s, {}, true, 0}};
    return alarm;
}

} // namespace

class tst_AnomalyDetection final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    // Mean plus and minus k population standard deviations of the two weeks before the point;
    // fewer than five values: untrained. The point itself never trains its own band.
    void modelMeanAndDeviation()
    {
        MetricMath::Series history;
        for (int i = 0; i < 4; ++i)
            history.insert(Start + i * Minute, i % 2 ? 12 : 8);
        QVERIFY(!AnomalyModel(history).band(Start + 4 * Minute, 2));
        QCOMPARE(AnomalyModel(history).state(Start + 4 * Minute), u"PENDING_TRAINING"_s);
        history.insert(Start + 4 * Minute, 12);
        history.insert(Start + 5 * Minute, 8);
        history.insert(Start + 6 * Minute, 1000); // at the point asked about: not training data
        const AnomalyModel model(history);
        const auto band = model.band(Start + 6 * Minute, 2);
        QVERIFY(band);
        QCOMPARE(band->expected, 10.0);
        QCOMPARE(band->lower, 6.0);
        QCOMPARE(band->upper, 14.0);
        QCOMPARE(model.band(Start + 6 * Minute, 3)->upper, 16.0);
        QCOMPARE(model.state(Start + 6 * Minute), u"TRAINED"_s);
        // Two weeks later the values have aged out of the training window.
        QVERIFY(!model.band(Start + 15 * Day, 2));
        QCOMPARE(model.state(Start + 15 * Day), u"TRAINED_INSUFFICIENT_DATA"_s);

        // A metric that never changed still gets a band of 1% of its mean.
        MetricMath::Series flat;
        for (int i = 0; i < 5; ++i)
            flat.insert(Start + i * Minute, 50);
        QCOMPARE(AnomalyModel(flat).band(Start + 5 * Minute, 2)->upper, 51.0);
    }

    // With three days of values in the hour of the point, only that hour trains the band;
    // with fewer, all values do. The hour is the metric's time zone's.
    void modelHourOfDaySeasonality()
    {
        const qint64 midnight = Start - 10 * Hour;
        MetricMath::Series history;
        for (qint64 t = midnight; t < midnight + 3 * Day; t += 10 * Minute) {
            const int hour = int((t - midnight) % Day / Hour);
            history.insert(t, hour == 12 ? 100 : 10);
        }
        const AnomalyModel model(history);
        QCOMPARE(model.band(midnight + 3 * Day + 12 * Hour, 2)->expected, 100.0);
        QCOMPARE(model.band(midnight + 3 * Day + 12 * Hour, 2)->upper, 102.0);
        QCOMPARE(model.band(midnight + 3 * Day + 11 * Hour, 2)->expected, 10.0);

        MetricMath::Series twoDays;
        for (auto it = history.cbegin(); it != history.cend(); ++it) {
            if (it.key() >= midnight + Day)
                twoDays.insert(it.key(), it.value());
        }
        const double overall =
            AnomalyModel(twoDays).band(midnight + 3 * Day + 12 * Hour, 2)->expected;
        QVERIFY(overall > 10 && overall < 100);

        // In Asia/Kolkata (UTC+5:30) the local hour of 12:00 UTC is 17, which holds
        // 11:30-12:29 UTC: three values of 10 and three of 100 a day.
        AnomalyDetectorConfiguration kolkata;
        kolkata.metricTimezone = u"Asia/Kolkata"_s;
        QCOMPARE(
            AnomalyModel(history, kolkata).band(midnight + 3 * Day + 12 * Hour, 2)->expected, 55.0);
    }

    void modelExcludedTimeRanges()
    {
        MetricMath::Series history;
        for (int i = 0; i < 10; ++i)
            history.insert(Start + i * Minute, i >= 5 ? 1000 : 10);
        AnomalyDetectorConfiguration configuration;
        configuration.excludedTimeRanges = {{Start + 5 * Minute, Start + 10 * Minute}};
        QCOMPARE(AnomalyModel(history, configuration).band(Start + 10 * Minute, 2)->expected, 10.0);
        QVERIFY(AnomalyModel(history).band(Start + 10 * Minute, 2)->expected > 10);
    }

    // ANOMALY_DETECTION_BAND(id[, stddevs]): the Id and width reach the context's model (2 by
    // default); two series come back labelled Lower and Upper.
    void bandInMetricMath()
    {
        MetricMath::Context context;
        context.series.insert(u"m1"_s, {{0, 1}});
        QString askedId;
        double askedWidth = 0;
        context.anomalyDetectionBand = [&](const QString &id, double width) {
            askedId = id;
            askedWidth = width;
            return Core::Result<QList<MetricMath::Series>>(
                QList<MetricMath::Series>{{{0, 1 - width}}, {{0, 1 + width}}});
        };
        QStringList labels;
        auto value = MetricMath::evaluate(u"ANOMALY_DETECTION_BAND(m1)"_s, context, &labels);
        QVERIFY(value);
        QCOMPARE(askedId, u"m1"_s);
        QCOMPARE(askedWidth, 2.0);
        QCOMPARE(labels, (QStringList{u"Lower"_s, u"Upper"_s}));
        const auto band = std::get<QList<MetricMath::Series>>(*value);
        QCOMPARE(band.size(), 2);
        QCOMPARE(band.at(0).value(0), -1.0);
        QCOMPARE(band.at(1).value(0), 3.0);
        QVERIFY(MetricMath::evaluate(u"anomaly_detection_band(m1, 0.5)"_s, context));
        QCOMPARE(askedWidth, 0.5);

        QCOMPARE(MetricMath::references(u"ANOMALY_DETECTION_BAND(m1, 3)"_s), QStringList{u"m1"_s});
        QCOMPARE(
            MetricMath::anomalyDetectionBandSource(u" ANOMALY_DETECTION_BAND(m7, 3)"_s), u"m7"_s);
        QVERIFY(MetricMath::anomalyDetectionBandSource(u"m1 * 2"_s).isEmpty());
        for (const QString &bad : {u"ANOMALY_DETECTION_BAND(m2)"_s,
                 u"ANOMALY_DETECTION_BAND(m1, x)"_s,
                 u"ANOMALY_DETECTION_BAND(2)"_s,
                 u"ANOMALY_DETECTION_BAND(m1"_s}) {
            const auto error = MetricMath::evaluate(bad, context);
            QVERIFY2(!error, qPrintable(bad));
            QCOMPARE(error.error().code, u"ValidationError"_s);
        }
        context.anomalyDetectionBand = nullptr;
        QVERIFY(!MetricMath::evaluate(u"ANOMALY_DETECTION_BAND(m1)"_s, context));
    }

    // Band operators compare each datapoint with the band at its time; a datapoint without a
    // band counts as missing. The reason lists the bounds as CloudWatch does.
    void bandEvaluation_data()
    {
        QTest::addColumn<QString>("comparison");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("reason");
        const QString prefix = u"Thresholds Crossed: 1 out of the last 1 datapoints "_s;
        const QString suffix = u" (minimum 1 datapoint for OK -> ALARM transition)."_s;
        QTest::newRow("outside above")
            << u"LessThanLowerOrGreaterThanUpperThreshold"_s << 20.0 << u"ALARM"_s
            << prefix
                + u"[20.0 (23/11/26 10:00:00)] was less than the lower thresholds [6.0] or greater "
                  u"than the upper thresholds [14.0]"_s
                + suffix;
        QTest::newRow("outside below")
            << u"LessThanLowerOrGreaterThanUpperThreshold"_s << 1.0 << u"ALARM"_s << QString();
        QTest::newRow("inside") << u"LessThanLowerOrGreaterThanUpperThreshold"_s << 10.0 << u"OK"_s
                                << prefix
                + u"[10.0 (23/11/26 10:00:00)] was not less than the lower thresholds [6.0] or "
                  u"greater than the upper thresholds [14.0] (minimum 1 datapoint for ALARM -> OK "
                  u"transition)."_s;
        QTest::newRow("below, upper only")
            << u"GreaterThanUpperThreshold"_s << 1.0 << u"OK"_s << QString();
        QTest::newRow("above, upper only")
            << u"GreaterThanUpperThreshold"_s << 20.0 << u"ALARM"_s
            << prefix + u"[20.0 (23/11/26 10:00:00)] was greater than the upper thresholds [14.0]"_s
                + suffix;
        QTest::newRow("below, lower only") << u"LessThanLowerThreshold"_s << 1.0 << u"ALARM"_s
                                           << prefix
                + u"[1.0 (23/11/26 10:00:00)] was less than the lower thresholds [6.0]"_s + suffix;
        QTest::newRow("above, lower only")
            << u"LessThanLowerThreshold"_s << 20.0 << u"OK"_s << QString();
    }
    void bandEvaluation()
    {
        QFETCH(QString, comparison);
        QFETCH(double, value);
        QFETCH(QString, state);
        QFETCH(QString, reason);
        QVERIFY(AlarmEvaluation::isBandOperator(comparison));
        const qint64 at = Start + Minute;
        Alarm alarm = bandAlarm(u"a"_s);
        alarm.comparisonOperator = comparison;
        alarm.period = 60;
        AlarmEvaluation::Point point{Start, value, 1, 6.0, 14.0};
        const auto outcome = AlarmEvaluation::evaluate(alarm, {point}, at);
        QCOMPARE(outcome.state, state);
        if (!reason.isEmpty())
            QCOMPARE(outcome.reason, reason);
        QCOMPARE(outcome.reasonData.value(u"recentUpperThresholds").toArray(), QJsonArray{14.0});
        QVERIFY(!outcome.reasonData.contains(u"threshold"));

        point.lower.reset();
        point.upper.reset();
        QCOMPARE(AlarmEvaluation::evaluate(alarm, {point}, at).state, u"INSUFFICIENT_DATA"_s);
    }

    // GetMetricData: the band expression gives two results under its Id, the lower bound first,
    // from the first period with five values before it.
    void bandInGetMetricData()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 31 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QVERIFY(service.putMetricData(u"App"_s, alternating(30)));
        GetMetricDataRequest request;
        request.startMs = Start;
        request.endMs = Start + 31 * Minute;
        request.scanBy = u"TimestampAscending"_s;
        request.queries = {latencyQuery(),
            MetricDataQuery{u"ad1"_s, std::nullopt, u"ANOMALY_DETECTION_BAND(m1)"_s, {}, true, 0}};
        auto response = service.getMetricData(request);
        QVERIFY2(response, qPrintable(response ? QString() : response.error().message));
        QCOMPARE(response->results.size(), 3);
        const MetricDataResult &lower = response->results.at(1);
        const MetricDataResult &upper = response->results.at(2);
        QCOMPARE(lower.id, u"ad1"_s);
        QCOMPARE(upper.id, u"ad1"_s);
        QCOMPARE(lower.label, u"ad1 Lower"_s);
        QCOMPARE(upper.label, u"ad1 Upper"_s);
        QCOMPARE(lower.timestamps.front(), Start + 5 * Minute);
        QCOMPARE(lower.timestamps.back(), Start + 30 * Minute);
        QCOMPARE(lower.values.back(), 6.0);
        QCOMPARE(upper.values.back(), 14.0);

        request.queries[1].label = u"Latency (expected)"_s;
        response = service.getMetricData(request);
        QCOMPARE(response->results.at(1).label, u"Latency (expected) Lower"_s);

        request.queries[1].expression = u"ANOMALY_DETECTION_BAND(e1)"_s;
        request.queries.append(MetricDataQuery{u"e1"_s, std::nullopt, u"m1 * 2"_s, {}, false, 0});
        QCOMPARE(service.getMetricData(request).error().code, u"ValidationError"_s);
    }

    // PutAnomalyDetector, DescribeAnomalyDetectors (filters, types, paging, training state) and
    // DeleteAnomalyDetector.
    void detectorOperations()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 31 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QVERIFY(service.putMetricData(u"App"_s, alternating(30)));
        AnomalyDetector latency;
        latency.metric = {u"App"_s, u"Latency"_s, {}};
        latency.stat = u"Average"_s;
        QVERIFY(service.putAnomalyDetector(latency));
        AnomalyDetector errors;
        errors.metric = {u"App"_s, u"Errors"_s, {{u"Host"_s, u"b"_s}, {u"Az"_s, u"a"_s}}};
        errors.stat = u"p99"_s;
        errors.configuration.metricTimezone = u"Europe/Berlin"_s;
        errors.configuration.excludedTimeRanges = {{Start, Start + Hour}};
        QVERIFY(service.putAnomalyDetector(errors));
        QVERIFY(service.putAnomalyDetector(errors)); // again: the same detector
        AnomalyDetector math;
        math.metricMathQueries = {
            latencyQuery(false), MetricDataQuery{u"e1"_s, std::nullopt, u"m1 * 2"_s, {}, true, 0}};
        QVERIFY(service.putAnomalyDetector(math));

        auto all = service.describeAnomalyDetectors({});
        QVERIFY(all);
        QCOMPARE(all->anomalyDetectors.size(), 2); // SINGLE_METRIC only by default
        QCOMPARE(all->anomalyDetectors.at(0).stateValue, u"TRAINED"_s);
        QCOMPARE(all->anomalyDetectors.at(1).stateValue, u"PENDING_TRAINING"_s);
        QCOMPARE(all->anomalyDetectors.at(1).metric.dimensions.front().name, u"Az"_s);
        QCOMPARE(all->anomalyDetectors.at(1).configuration.metricTimezone, u"Europe/Berlin"_s);
        QCOMPARE(all->anomalyDetectors.at(1).configuration.excludedTimeRanges.front().endMs,
            Start + Hour);

        DescribeAnomalyDetectorsRequest request;
        request.anomalyDetectorTypes = {u"METRIC_MATH"_s};
        all = service.describeAnomalyDetectors(request);
        QCOMPARE(all->anomalyDetectors.size(), 1);
        QVERIFY(all->anomalyDetectors.front().isMetricMath());
        QCOMPARE(all->anomalyDetectors.front().stateValue, u"TRAINED"_s);

        request = {};
        request.metricName = u"Errors"_s;
        request.dimensions = {{u"Host"_s, u"b"_s}};
        QCOMPARE(service.describeAnomalyDetectors(request)->anomalyDetectors.size(), 1);
        request.dimensions = {{u"Host"_s, u"c"_s}};
        QCOMPARE(service.describeAnomalyDetectors(request)->anomalyDetectors.size(), 0);

        request = {};
        request.maxResults = 1;
        request.anomalyDetectorTypes = {u"SINGLE_METRIC"_s, u"METRIC_MATH"_s};
        QStringList names;
        do {
            const auto page = service.describeAnomalyDetectors(request);
            QVERIFY(page);
            QCOMPARE(page->anomalyDetectors.size(), 1);
            names.append(page->anomalyDetectors.front().metric.metricName);
            request.nextToken = page->nextToken;
        } while (!request.nextToken.isEmpty());
        QCOMPARE(names, (QStringList{u"Latency"_s, u"Errors"_s, QString()}));
        request.maxResults = 101;
        QCOMPARE(
            service.describeAnomalyDetectors(request).error().code, u"InvalidParameterValue"_s);
        request = {};
        request.nextToken = u"x"_s;
        QCOMPARE(service.describeAnomalyDetectors(request).error().code, u"InvalidNextToken"_s);

        AnomalyDetector bad = latency;
        bad.stat = u"Median"_s;
        QCOMPARE(service.putAnomalyDetector(bad).error().code, u"InvalidParameterValue"_s);
        bad = latency;
        bad.stat.clear();
        QCOMPARE(service.putAnomalyDetector(bad).error().code, u"MissingParameter"_s);
        bad = latency;
        bad.configuration.metricTimezone = u"Mars/Olympus"_s;
        QCOMPARE(service.putAnomalyDetector(bad).error().code, u"InvalidParameterValue"_s);

        // The dimensions' order does not name another detector.
        std::swap(errors.metric.dimensions[0], errors.metric.dimensions[1]);
        QVERIFY(service.deleteAnomalyDetector(errors));
        const auto missing = service.deleteAnomalyDetector(errors);
        QCOMPARE(missing.error().code, u"ResourceNotFoundException"_s);
        QCOMPARE(missing.error().httpStatus, 404);
        QVERIFY(service.deleteAnomalyDetector(math));
        QCOMPARE(service.describeAnomalyDetectors({})->anomalyDetectors.size(), 1);
    }

    void badBandAlarms_data()
    {
        QTest::addColumn<int>("field");
        QTest::newRow("threshold and band") << 1;
        QTest::newRow("band operator without ThresholdMetricId") << 2;
        QTest::newRow("ThresholdMetricId with a static operator") << 3;
        QTest::newRow("ThresholdMetricId names no band") << 4;
        QTest::newRow("only the band returns data") << 5;
    }
    void badBandAlarms()
    {
        QFETCH(int, field);
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        Alarm alarm = bandAlarm(u"a"_s);
        if (field == 1)
            alarm.threshold = 3;
        else if (field == 2)
            alarm.thresholdMetricId.clear();
        else if (field == 3)
            alarm.comparisonOperator = u"GreaterThanThreshold"_s;
        else if (field == 4)
            alarm.thresholdMetricId = u"m1"_s;
        else if (field == 5)
            alarm.metrics[0].returnData = false;
        QCOMPARE(service.putMetricAlarm(alarm).error().code, u"ValidationError"_s);
        QVERIFY(service.describeAlarms({})->metricAlarms.isEmpty());
    }

    // A band alarm creates the model of its metric, stays INSUFFICIENT_DATA while the model is
    // untrained, goes to ALARM on an outlier and back to OK inside the band.
    void bandAlarmFollowsTheClock()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 30 * Minute + 5'000);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QVERIFY(service.putMetricData(u"App"_s, alternating(30)));
        QVERIFY(service.putMetricData(u"App"_s,
            {datum(u"Fresh"_s, 1, Start + 28 * Minute),
                datum(u"Fresh"_s, 50, Start + 30 * Minute)}));
        QVERIFY(service.putMetricAlarm(bandAlarm(u"latency"_s)));
        QVERIFY(service.putMetricAlarm(bandAlarm(u"fresh"_s, u"Fresh"_s)));
        const auto detectors = service.describeAnomalyDetectors({});
        QCOMPARE(detectors->anomalyDetectors.size(), 2);
        QCOMPARE(detectors->anomalyDetectors.front().stat, u"Average"_s);

        QVERIFY(service.putMetricData(u"App"_s, {datum(u"Latency"_s, 50, Start + 30 * Minute)}));
        clock.advance(Minute); // evaluates 10:30
        auto alarms = service.describeAlarms({})->metricAlarms;
        QCOMPARE(alarms.at(0).name, u"fresh"_s);
        QCOMPARE(alarms.at(0).stateValue, u"INSUFFICIENT_DATA"_s);
        const Alarm latency = alarms.at(1);
        QCOMPARE(latency.stateValue, u"ALARM"_s);
        QCOMPARE(latency.stateReason,
            u"Thresholds Crossed: 1 out of the last 1 datapoints [50.0 (23/11/26 10:30:00)] was "
            u"less than the lower thresholds [6.0] or greater than the upper thresholds [14.0] "
            u"(minimum 1 datapoint for OK -> ALARM transition)."_s);
        QCOMPARE(latency.thresholdMetricId, u"ad1"_s);
        QVERIFY(!latency.threshold);

        QVERIFY(service.putMetricData(u"App"_s, {datum(u"Latency"_s, 10, Start + 31 * Minute)}));
        clock.advance(Minute);
        QCOMPARE(service.describeAlarms({})->metricAlarms.at(1).stateValue, u"OK"_s);
    }

    // A clock jump of a day evaluates every period in between (up to the evaluator's catch-up
    // limit) with the band of each; the training history is read once per pass, not once per
    // period, or two weeks of dense history would take seconds.
    void bandAlarmCatchesUpAfterAClockJump()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 30 * Minute + 5'000);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QVERIFY(service.putMetricData(u"App"_s, alternating(30)));
        for (int batch = 0; batch < 5; ++batch) {
            QList<MetricDatum> dense;
            for (int i = 0; i < 1000; ++i)
                dense.append(datum(u"Dense"_s, i % 7, Start - (batch * 1000 + i + 1) * Minute));
            QVERIFY(service.putMetricData(u"App"_s, dense));
        }
        QVERIFY(service.putMetricAlarm(bandAlarm(u"latency"_s)));
        QVERIFY(service.putMetricAlarm(bandAlarm(u"dense"_s, u"Dense"_s)));
        QVERIFY(service.putMetricData(u"App"_s, {datum(u"Latency"_s, 50, Start + 30 * Minute)}));
        QElapsedTimer timer;
        timer.start();
        clock.advance(Day);
        // Reading the 5000 values once per period took 9 s here; once per pass, 0.2 s.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        DescribeAlarmHistoryRequest history;
        history.alarmName = u"latency"_s;
        history.historyItemType = u"StateUpdate"_s;
        const auto items = service.describeAlarmHistory(history)->items;
        QCOMPARE(items.size(), 2); // to ALARM at 10:31, to INSUFFICIENT_DATA at 10:32
        QCOMPARE(items.back().historySummary, u"Alarm updated from INSUFFICIENT_DATA to ALARM"_s);
        QCOMPARE(
            service.describeAlarms({})->metricAlarms.front().stateValue, u"INSUFFICIENT_DATA"_s);
    }
};

QTEST_GUILESS_MAIN(tst_AnomalyDetection)
#include "tst_anomalydetection.moc"
