// SPDX-License-Identifier: MIT
// Pins CloudWatchService over a real database and a manual clock: datapoints aggregated per
// period as AWS aligns them, bad PutMetricData stores nothing, GetMetricData with math and paging,
// ListMetrics filters, and alarms that move through their states as the clock advances, with
// history, composite alarms, actions and the service-metrics sink.
#include "core/cloudwatch/alarmactiontarget.h"
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/clock.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"
#include "tests/support/tempdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Core::CloudWatch;

namespace {

// 2026-11-23 10:00:00 UTC.
constexpr qint64 Start = 1'795'428'000'000;
constexpr qint64 Minute = 60'000;

MetricDatum datum(const QString &name, double value, qint64 timestampMs, Dimensions dimensions = {})
{
    MetricDatum d;
    d.metricName = name;
    d.value = value;
    d.timestampMs = timestampMs;
    d.dimensions = std::move(dimensions);
    return d;
}

class RecordingTarget final : public AlarmActionTarget
{
public:
    bool invokeAlarmAction(const QString &functionArn, const QByteArray &event, QString *) override
    {
        calls.append({functionArn, event});
        return true;
    }
    QList<std::pair<QString, QByteArray>> calls;
};

Alarm errorsAlarm(const QString &name, int n, int m, const QString &treatMissingData = {})
{
    Alarm alarm;
    alarm.name = name;
    alarm.metric = {u"App"_s, u"Errors"_s, {}};
    alarm.statistic = u"Sum"_s;
    alarm.period = 60;
    alarm.evaluationPeriods = n;
    alarm.datapointsToAlarm = m;
    alarm.threshold = 3;
    alarm.comparisonOperator = u"GreaterThanThreshold"_s;
    alarm.treatMissingData = treatMissingData;
    return alarm;
}

} // namespace

class tst_CloudWatchService final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    // Whole minutes come from cw_minute_aggregates, the partial minute before EndTime from the
    // datums: the answer must not count a datum at or after EndTime, and must match the datums
    // after retention rolls them up or deletes them.
    void minuteAggregatesMatchTheDatums()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 10 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        // High resolution keeps the seconds, so 1:30 and 1:45 fall on either side of EndTime.
        MetricDatum early = datum(u"Latency"_s, 1, Start + Minute + 30'000);
        early.storageResolution = 1;
        MetricDatum late = datum(u"Latency"_s, 100, Start + Minute + 45'000);
        late.storageResolution = 1;
        QVERIFY(service
                    .putMetricData(u"App"_s,
                        {datum(u"Latency"_s, 4, Start + 10'000),
                            datum(u"Latency"_s, 8, Start + 50'000),
                            early,
                            late,
                            datum(u"Latency"_s, 7, Start + 6 * Minute)})
                    .has_value());
        GetMetricStatisticsRequest request;
        request.metric = {u"App"_s, u"Latency"_s, {}};
        request.startMs = Start;
        request.endMs = Start + Minute + 40'000; // the datum at 1:45 is outside
        request.period = 60;
        request.statistics = {u"SampleCount"_s, u"Sum"_s, u"Minimum"_s, u"Maximum"_s};
        auto points = service.getMetricStatistics(request);
        QVERIFY(points.has_value());
        QCOMPARE(points->size(), 2);
        QCOMPARE(*points->at(0).sampleCount, 2.0);
        QCOMPARE(*points->at(0).sum, 12.0);
        QCOMPARE(*points->at(0).minimum, 4.0);
        QCOMPARE(*points->at(0).maximum, 8.0);
        QCOMPARE(points->at(1).timestampMs, Start + Minute);
        QCOMPARE(*points->at(1).sampleCount, 1.0);
        QCOMPARE(*points->at(1).maximum, 1.0);

        request.endMs = Start + 10 * Minute;
        request.period = 300;
        points = service.getMetricStatistics(request);
        QVERIFY(points.has_value());
        QCOMPARE(points->size(), 2);
        QCOMPARE(*points->at(0).sampleCount, 4.0);
        QCOMPARE(*points->at(0).sum, 113.0);
        QCOMPARE(*points->at(0).maximum, 100.0);
        QCOMPARE(points->at(1).timestampMs, Start + 5 * Minute);
        QCOMPARE(*points->at(1).sum, 7.0);

        // One pre-aggregate row per minute with data, equal to the datums' own totals.
        QSqlQuery check(temp.database().connection());
        QVERIFY(check.exec(u"SELECT count(*), sum(sample_count), sum(sum) FROM "
                           u"cw_minute_aggregates"_s));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toInt(), 3);
        QCOMPARE(check.value(1).toDouble(), 5.0);
        QCOMPARE(check.value(2).toDouble(), 120.0);
    }

    // The store remembers metrics it touched lately instead of upserting their row on every
    // datum; a batch that rolls back (the dispatcher's group commit failing) takes a new metric's
    // row with it, and the next datum must create it again instead of naming a missing row.
    void metricRolledBackWithItsBatchIsCreatedAgain()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        {
            Core::Storage::SqlTransaction batch(temp.database().connection());
            QVERIFY(service.putMetricData(u"App"_s, {datum(u"Hits"_s, 1, Start)}).has_value());
        } // rolled back
        clock.advance(1000);
        QVERIFY(service.putMetricData(u"App"_s, {datum(u"Hits"_s, 2, Start + 1000)}).has_value());
        QVERIFY(service.putMetricData(u"App"_s, {datum(u"Hits"_s, 3, Start + 2000)}).has_value());
        GetMetricStatisticsRequest request;
        request.metric = {u"App"_s, u"Hits"_s, {}};
        request.startMs = Start;
        request.endMs = Start + Minute;
        request.period = 60;
        request.statistics = {u"Sum"_s};
        const auto points = service.getMetricStatistics(request);
        QVERIFY(points.has_value());
        QCOMPARE(points->size(), 1);
        QCOMPARE(*points->at(0).sum, 5.0);
        QSqlQuery rows(temp.database().connection());
        QVERIFY(rows.exec(u"SELECT count(*) FROM cw_metrics"_s) && rows.next());
        QCOMPARE(rows.value(0).toInt(), 1);
    }

    void statisticsPerAlignedPeriod()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 10 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        MetricDatum withCounts;
        withCounts.metricName = u"Latency"_s;
        withCounts.values = {1, 2, 3};
        withCounts.counts = {1, 1, 2};
        withCounts.timestampMs = Start + 2 * Minute + 5'000;
        withCounts.unit = u"Milliseconds"_s;
        MetricDatum single = datum(u"Latency"_s, 5, Start + 2 * Minute + 59'000);
        single.unit = u"Milliseconds"_s;
        MetricDatum otherUnit = datum(u"Latency"_s, 100, Start + 3 * Minute);
        otherUnit.unit = u"Seconds"_s;
        QVERIFY(service.putMetricData(u"App"_s, {withCounts, single, otherUnit}));

        GetMetricStatisticsRequest request;
        request.metric = {u"App"_s, u"Latency"_s, {}};
        request.startMs = Start + 34'000; // rounded down to 10:00:00
        request.endMs = Start + 10 * Minute;
        request.period = 60;
        request.statistics = {u"SampleCount"_s, u"Sum"_s, u"Average"_s, u"Minimum"_s, u"Maximum"_s};
        request.extendedStatistics = {u"p50"_s};
        request.unit = u"Milliseconds"_s;
        auto points = service.getMetricStatistics(request);
        QVERIFY(points);
        QCOMPARE(points->size(), 1);
        const Datapoint &point = points->front();
        QCOMPARE(point.timestampMs, Start + 2 * Minute);
        QCOMPARE(*point.sampleCount, 5.0);
        QCOMPARE(*point.sum, 14.0);
        QCOMPARE(*point.average, 2.8);
        QCOMPARE(*point.minimum, 1.0);
        QCOMPARE(*point.maximum, 5.0);
        QCOMPARE(point.extendedStatistics.value(0).second, 3.0);
        QCOMPARE(point.unit, u"Milliseconds"_s);

        // Without a Unit every unit has its own datapoints; a 5-minute period starts at StartTime.
        request.unit.clear();
        request.period = 300;
        points = service.getMetricStatistics(request);
        QVERIFY(points);
        QCOMPARE(points->size(), 2);
        for (const Datapoint &p : *points)
            QCOMPARE(p.timestampMs, Start);
    }

    void highResolutionKeepsSeconds()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 10 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        MetricDatum fast = datum(u"Fast"_s, 1, Start + 9 * Minute + 12'300);
        fast.storageResolution = 1;
        MetricDatum fast2 = datum(u"Fast"_s, 2, Start + 9 * Minute + 45'000);
        fast2.storageResolution = 1;
        QVERIFY(service.putMetricData(u"App"_s, {fast, fast2}));
        GetMetricStatisticsRequest request{{u"App"_s, u"Fast"_s, {}},
            Start + 9 * Minute,
            Start + 10 * Minute,
            10,
            {u"Sum"_s},
            {},
            {}};
        auto points = service.getMetricStatistics(request);
        QVERIFY(points);
        QCOMPARE(points->size(), 2);
        QCOMPARE(points->at(0).timestampMs, Start + 9 * Minute + 10'000);
        QCOMPARE(points->at(1).timestampMs, Start + 9 * Minute + 40'000);
        // Standard resolution is stored per minute: a 10-second period sees one point.
        QVERIFY(
            service.putMetricData(u"App"_s, {datum(u"Slow"_s, 1, Start + 9 * Minute + 45'000)}));
        request.metric.metricName = u"Slow"_s;
        points = service.getMetricStatistics(request);
        QCOMPARE(points->size(), 1);
        QCOMPARE(points->front().timestampMs, Start + 9 * Minute);
    }

    void badPutMetricDataStoresNothing_data()
    {
        QTest::addColumn<QString>("metricNamespace");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("reserved") << u"AWS/EC2"_s << 0 << u"InvalidParameterValue"_s
                                  << u"The value AWS/EC2 for parameter Namespace is invalid."_s;
        QTest::newRow("31 dimensions")
            << u"App"_s << 1 << u"InvalidParameterValue"_s
            << u"The collection MetricData.member.2.Dimensions must not have a size greater than 30."_s;
        QTest::newRow("NaN")
            << u"App"_s << 2 << u"InvalidParameterValue"_s
            << u"The value NaN for parameter MetricData.member.2.Value is invalid."_s;
        QTest::newRow("Infinity in Values")
            << u"App"_s << 3 << u"InvalidParameterValue"_s
            << u"The value Infinity for parameter MetricData.member.2.Values.member.2 is invalid."_s;
        QTest::newRow("too old")
            << u"App"_s << 4 << u"InvalidParameterValue"_s
            << u"The parameter MetricData.member.2.Timestamp must specify a time no more than two weeks in the past."_s;
        QTest::newRow("future")
            << u"App"_s << 5 << u"InvalidParameterValue"_s
            << u"The parameter MetricData.member.2.Timestamp must specify a time no more than two hours in the future."_s;
        QTest::newRow("resolution")
            << u"App"_s << 6 << u"InvalidParameterValue"_s
            << u"The value 5 for parameter MetricData.member.2.StorageResolution is invalid."_s;
        QTest::newRow("unit")
            << u"App"_s << 7 << u"InvalidParameterValue"_s
            << u"The value Parsecs for parameter MetricData.member.2.Unit is invalid."_s;
        QTest::newRow("value and set")
            << u"App"_s << 8 << u"InvalidParameterCombination"_s
            << u"The parameters MetricData.member.2.Value and MetricData.member.2.StatisticValues are mutually exclusive and you have specified both."_s;
        QTest::newRow("no name") << u"App"_s << 9 << u"MissingParameter"_s
                                 << u"The parameter MetricData.member.2.MetricName is required."_s;
        QTest::newRow("beyond 2^360")
            << u"App"_s << 11 << u"InvalidParameterValue"_s
            << u"The value 1.0E300 for parameter MetricData.member.2.Value is invalid."_s;
        QTest::newRow("beyond -2^360 in a set")
            << u"App"_s << 12 << u"InvalidParameterValue"_s
            << u"The value -1.0E200 for parameter MetricData.member.2.StatisticValues.Minimum is invalid."_s;
        QTest::newRow("counts size")
            << u"App"_s << 10 << u"InvalidParameterValue"_s
            << u"The parameters MetricData.member.2.Values and MetricData.member.2.Counts must be of the same size."_s;
    }
    void badPutMetricDataStoresNothing()
    {
        QFETCH(QString, metricNamespace);
        QFETCH(int, field);
        QFETCH(QString, code);
        QFETCH(QString, message);
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        MetricDatum bad = datum(u"Bad"_s, 1, Start);
        switch (field) {
        case 1:
            for (int i = 0; i < 31; ++i)
                bad.dimensions.append({u"D%1"_s.arg(i), u"v"_s});
            break;
        case 2:
            bad.value = std::numeric_limits<double>::quiet_NaN();
            break;
        case 3:
            bad.value.reset();
            bad.values = {1, std::numeric_limits<double>::infinity()};
            break;
        case 4:
            bad.timestampMs = Start - 15 * 24 * 60 * Minute;
            break;
        case 5:
            bad.timestampMs = Start + 121 * Minute;
            break;
        case 6:
            bad.storageResolution = 5;
            break;
        case 7:
            bad.unit = u"Parsecs"_s;
            break;
        case 8:
            bad.statisticValues = StatisticSet{1, 1, 1, 1};
            break;
        case 9:
            bad.metricName.clear();
            break;
        case 10:
            bad.value.reset();
            bad.values = {1, 2};
            bad.counts = {1};
            break;
        case 11:
            bad.value = 1e300;
            break;
        case 12:
            bad.value.reset();
            bad.statisticValues = StatisticSet{1, 1, -1e200, 1};
            break;
        default:
            break;
        }
        const auto result =
            service.putMetricData(metricNamespace, {datum(u"Good"_s, 1, Start), bad});
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().message, message);
        QVERIFY(service.listMetrics({})->metrics.isEmpty());
    }

    void tooManyDatums()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QList<MetricDatum> data(1001, datum(u"M"_s, 1, Start));
        const auto result = service.putMetricData(u"App"_s, data);
        QCOMPARE(result.error().message,
            u"The collection MetricData must not have a size greater than 1000."_s);
        data.resize(1000);
        QVERIFY(service.putMetricData(u"App"_s, data));
    }

    void badGetMetricStatistics_data()
    {
        QTest::addColumn<int>("period");
        QTest::addColumn<qint64>("span");
        QTest::addColumn<QStringList>("statistics");
        QTest::addColumn<QString>("code");
        QTest::newRow("period 61")
            << 61 << 10 * Minute << QStringList{u"Sum"_s} << u"InvalidParameterValue"_s;
        QTest::newRow("period 7") << 7 << 10 * Minute << QStringList{u"Sum"_s}
                                  << u"InvalidParameterValue"_s;
        QTest::newRow("period 0") << 0 << 10 * Minute << QStringList{u"Sum"_s}
                                  << u"InvalidParameterValue"_s;
        QTest::newRow("end before start")
            << 60 << -Minute << QStringList{u"Sum"_s} << u"InvalidParameterValue"_s;
        QTest::newRow("1441 points")
            << 60 << 1441 * Minute << QStringList{u"Sum"_s} << u"InvalidParameterCombination"_s;
        QTest::newRow("no statistics")
            << 60 << 10 * Minute << QStringList() << u"InvalidParameterCombination"_s;
        QTest::newRow("bad statistic")
            << 60 << 10 * Minute << QStringList{u"Median"_s} << u"InvalidParameterValue"_s;
    }
    void badGetMetricStatistics()
    {
        QFETCH(int, period);
        QFETCH(qint64, span);
        QFETCH(QStringList, statistics);
        QFETCH(QString, code);
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 2 * 24 * 60 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        const auto result = service.getMetricStatistics(
            {{u"App"_s, u"M"_s, {}}, Start, Start + span, period, statistics, {}, {}});
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
    }

    void datapointsReadThroughTheIndex()
    {
        Tests::TempDatabase temp;
        QSqlQuery query(temp.database().connection());
        QVERIFY(query.exec(
            u"EXPLAIN QUERY PLAN SELECT ts_ms FROM cw_datapoints WHERE metric_id = 1 AND "
            u"ts_ms >= 0 AND ts_ms < 100 ORDER BY ts_ms"_s));
        QString plan;
        while (query.next())
            plan += query.value(3).toString();
        QVERIFY2(plan.contains(u"cw_datapoints_metric_time"_s), qPrintable(plan));
        QVERIFY(!plan.contains(u"TEMP B-TREE"_s));
    }

    void retentionRollsUpAndExpires()
    {
        // GetMetricStatistics docs: sub-minute data is kept 3 hours, 1-minute data 15 days,
        // 5-minute data 63 days, 1-hour data 455 days; each roll-up keeps the statistics, and
        // ListMetrics drops a metric two weeks after its last datum. Moving the clock applies it.
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 10 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QList<MetricDatum> data;
        for (int second = 1; second <= 4; ++second) {
            MetricDatum fast = datum(u"Fast"_s, second, Start + 9 * Minute + second * 1000);
            fast.storageResolution = 1;
            data.append(fast);
        }
        for (int minute = 0; minute < 10; ++minute)
            data.append(datum(u"Slow"_s, minute, Start + minute * Minute));
        QVERIFY(service.putMetricData(u"App"_s, data));
        const auto rows = [&temp](const QString &name) {
            QSqlQuery query(temp.database().connection());
            query.prepare(u"SELECT ts_ms, resolution FROM cw_datapoints d JOIN cw_metrics m ON "
                          u"m.id = d.metric_id WHERE m.name = ? ORDER BY ts_ms"_s);
            query.addBindValue(name);
            QList<std::pair<qint64, int>> result;
            if (query.exec()) {
                while (query.next())
                    result.append({query.value(0).toLongLong(), query.value(1).toInt()});
            }
            return result;
        };
        const auto stats = [&service](const QString &name, qint64 from, qint64 to, int period) {
            GetMetricStatisticsRequest request{{u"App"_s, name, {}},
                from,
                to,
                period,
                {u"SampleCount"_s, u"Sum"_s, u"Minimum"_s, u"Maximum"_s},
                {u"p50"_s},
                {}};
            const auto points = service.getMetricStatistics(request);
            QStringList text;
            for (const Datapoint &point : points.value_or(QList<Datapoint>{}))
                text.append(u"%1:%2/%3/%4/%5/%6"_s.arg((point.timestampMs - Start) / Minute)
                                .arg(point.sampleCount.value_or(-1))
                                .arg(point.sum.value_or(-1))
                                .arg(point.minimum.value_or(-1))
                                .arg(point.maximum.value_or(-1))
                                .arg(point.extendedStatistics.value(0).second));
            return text.join(u' ');
        };
        QCOMPARE(rows(u"Fast"_s).size(), 4);
        QCOMPARE(service.applyRetention(), 0);
        QCOMPARE(stats(u"Fast"_s, Start, Start + 10 * Minute, 60), u"9:4/10/1/4/2"_s);

        clock.advance(3 * 60 * Minute); // the 1-second datums are now 3 hours old
        const QList<std::pair<qint64, int>> fastRolled{{Start + 9 * Minute, 60}};
        QCOMPARE(rows(u"Fast"_s), fastRolled);
        QCOMPARE(rows(u"Slow"_s).size(), 10);
        QCOMPARE(stats(u"Fast"_s, Start, Start + 10 * Minute, 60), u"9:4/10/1/4/2"_s);
        QCOMPARE(service.listMetrics({})->metrics.size(), 2);

        clock.setNowMs(Start + 15 * 24 * 60 * Minute + 20 * Minute);
        clock.advance(0);
        const QList<std::pair<qint64, int>> slowRolled{{Start, 300}, {Start + 5 * Minute, 300}};
        QCOMPARE(rows(u"Slow"_s), slowRolled);
        QCOMPARE(stats(u"Slow"_s, Start, Start + 10 * Minute, 300), u"0:5/10/0/4/2 5:5/35/5/9/7"_s);
        QVERIFY(service.listMetrics({})->metrics.isEmpty()); // no data for two weeks

        clock.setNowMs(Start + 63 * 24 * 60 * Minute + 2 * 60 * Minute);
        clock.advance(0);
        const QList<std::pair<qint64, int>> hourly{{Start, 3600}};
        QCOMPARE(rows(u"Slow"_s), hourly);
        QCOMPARE(stats(u"Slow"_s, Start, Start + 60 * Minute, 3600), u"0:10/45/0/9/4"_s);

        clock.setNowMs(Start + 456 * 24 * 60 * Minute);
        clock.advance(0);
        QVERIFY(rows(u"Slow"_s).isEmpty());
        QVERIFY(rows(u"Fast"_s).isEmpty());
    }

    // Percentiles survive the roll-ups of retention as AWS keeps them: computed from the raw
    // values of every rolled-up datum (1-second data after 3 hours, 1-minute data after 15 days,
    // 5-minute data after 63 days), so p-values read the same before and after. A bucket that
    // holds a statistic set has no percentiles once rolled up (AWS needs raw values), unless the
    // set is one value SampleCount times; periods with negative values have none either.
    void percentilesAfterRollUp()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 10 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QList<MetricDatum> data;
        // "Raw": 1-second values 1..20 in minute 1, 21..40 in minute 2 (high resolution), and
        // Values/Counts in minute 3.
        for (int i = 1; i <= 40; ++i) {
            MetricDatum fast =
                datum(u"Raw"_s, i, Start + (i <= 20 ? 1 : 2) * Minute + (i % 20) * 1000);
            fast.storageResolution = 1;
            data.append(fast);
        }
        MetricDatum counted;
        counted.metricName = u"Raw"_s;
        counted.timestampMs = Start + 3 * Minute;
        counted.values = {100, 200};
        counted.counts = {3, 1};
        data.append(counted);
        // "Mixed": raw values in minute 0, a statistic set of spread values in minute 1.
        data.append(datum(u"Mixed"_s, 1, Start));
        data.append(datum(u"Mixed"_s, 3, Start));
        MetricDatum spread;
        spread.metricName = u"Mixed"_s;
        spread.timestampMs = Start + Minute;
        spread.statisticValues = StatisticSet{2, 30, 10, 20};
        data.append(spread);
        // "Flat": a statistic set of one value four times, and a raw 1, in minute 0.
        MetricDatum flat;
        flat.metricName = u"Flat"_s;
        flat.timestampMs = Start;
        flat.statisticValues = StatisticSet{4, 20, 5, 5};
        data.append(flat);
        data.append(datum(u"Flat"_s, 1, Start));
        // "Signed": a negative value.
        data.append(datum(u"Signed"_s, -1, Start));
        data.append(datum(u"Signed"_s, 2, Start));
        QVERIFY(service.putMetricData(u"App"_s, data));

        const auto percentiles = [&service](const QString &name, int period, qint64 to) {
            GetMetricStatisticsRequest request{{u"App"_s, name, {}},
                Start,
                to,
                period,
                {u"SampleCount"_s},
                {u"p10"_s, u"p50"_s, u"p90"_s},
                {}};
            const auto points = service.getMetricStatistics(request);
            QStringList text;
            for (const Datapoint &point : points.value_or(QList<Datapoint>{})) {
                QStringList values;
                for (const auto &[statistic, value] : point.extendedStatistics)
                    values.append(statistic + u'=' + QString::number(value));
                text.append(u"%1:n%2 %3"_s.arg((point.timestampMs - Start) / Minute)
                                .arg(point.sampleCount.value_or(-1))
                                .arg(values.join(u','))
                                .trimmed());
            }
            return text.join(u" | "_s);
        };
        const QString rawMinutes =
            u"1:n20 p10=2,p50=10,p90=18 | 2:n20 p10=22,p50=30,p90=38 | 3:n4 p10=100,p50=100,p90=200"_s;
        const QString rawFiveMinutes = u"0:n44 p10=5,p50=22,p90=40"_s;
        const QString rawHour = rawFiveMinutes;
        QCOMPARE(percentiles(u"Raw"_s, 60, Start + 10 * Minute), rawMinutes);
        QCOMPARE(percentiles(u"Raw"_s, 300, Start + 10 * Minute), rawFiveMinutes);
        QCOMPARE(
            percentiles(u"Mixed"_s, 60, Start + 10 * Minute), u"0:n2 p10=1,p50=1,p90=3 | 1:n2"_s);
        QCOMPARE(percentiles(u"Flat"_s, 60, Start + 10 * Minute), u"0:n5 p10=1,p50=5,p90=5"_s);
        QCOMPARE(percentiles(u"Signed"_s, 60, Start + 10 * Minute), u"0:n2"_s);

        // 3 hours on: the 1-second datums are 1-minute datums, with the same percentiles.
        clock.advance(3 * 60 * Minute);
        QCOMPARE(percentiles(u"Raw"_s, 60, Start + 10 * Minute), rawMinutes);

        // 15 days on: 5-minute datums. Raw and Flat keep their percentiles; Mixed's bucket now
        // holds the statistic set, so it has none.
        clock.setNowMs(Start + 15 * 24 * 60 * Minute + 20 * Minute);
        clock.advance(0);
        QCOMPARE(percentiles(u"Raw"_s, 300, Start + 10 * Minute), rawFiveMinutes);
        QCOMPARE(percentiles(u"Mixed"_s, 300, Start + 10 * Minute), u"0:n4"_s);
        QCOMPARE(percentiles(u"Flat"_s, 300, Start + 10 * Minute), u"0:n5 p10=1,p50=5,p90=5"_s);

        // 63 days on: hourly datums, still with Raw's percentiles.
        clock.setNowMs(Start + 63 * 24 * 60 * Minute + 2 * 60 * Minute);
        clock.advance(0);
        QCOMPARE(percentiles(u"Raw"_s, 3600, Start + 60 * Minute), rawHour);
        QCOMPARE(percentiles(u"Mixed"_s, 3600, Start + 60 * Minute), u"0:n4"_s);
        QCOMPARE(percentiles(u"Signed"_s, 3600, Start + 60 * Minute), u"0:n2"_s);
    }

    void metricDataWithMathAndPages()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 10 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QList<MetricDatum> data;
        for (int i = 0; i < 5; ++i) {
            data.append(datum(u"Hits"_s, i + 1, Start + i * Minute));
            data.append(datum(u"Misses"_s, 10, Start + i * Minute));
        }
        QVERIFY(service.putMetricData(u"App"_s, data));
        GetMetricDataRequest request;
        request.startMs = Start;
        request.endMs = Start + 5 * Minute;
        MetricDataQuery hits{
            u"m1"_s, MetricStat{{u"App"_s, u"Hits"_s, {}}, 60, u"Sum"_s, {}}, {}, {}, false, 0};
        MetricDataQuery misses{
            u"m2"_s, MetricStat{{u"App"_s, u"Misses"_s, {}}, 60, u"Sum"_s, {}}, {}, {}, false, 0};
        MetricDataQuery ratio{
            u"e1"_s, std::nullopt, u"100 * m1 / (m1 + m2)"_s, u"Hit %"_s, true, 0};
        request.queries = {hits, misses, ratio};
        auto response = service.getMetricData(request);
        QVERIFY(response);
        QCOMPARE(response->results.size(), 1);
        const MetricDataResult &result = response->results.front();
        QCOMPARE(result.label, u"Hit %"_s);
        QCOMPARE(result.timestamps.size(), 5);
        QCOMPARE(result.timestamps.front(), Start + 4 * Minute); // TimestampDescending
        QCOMPARE(result.values.front(), 100.0 * 5 / 15);

        request.scanBy = u"TimestampAscending"_s;
        request.maxDatapoints = 2;
        QList<double> values;
        do {
            response = service.getMetricData(request);
            QVERIFY(response);
            values.append(response->results.front().values);
            request.nextToken = response->nextToken;
        } while (!request.nextToken.isEmpty());
        QCOMPARE(values.size(), 5);
        QCOMPARE(values.front(), 100.0 / 11);

        request.queries = {hits, MetricDataQuery{u"e1"_s, std::nullopt, u"m1 +"_s, {}, true, 0}};
        request.nextToken.clear();
        QCOMPARE(service.getMetricData(request).error().code, u"ValidationError"_s);
    }

    // SEARCH() in GetMetricData: one result per matching metric, all under the expression's Id,
    // labelled with the metric name and dimension values; math over the found series.
    void metricDataWithSearch()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 10 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QList<MetricDatum> data;
        for (int i = 0; i < 3; ++i) {
            data.append(datum(u"Orders"_s, 1, Start + i * Minute, {{u"Shop"_s, u"north"_s}}));
            data.append(datum(u"Orders"_s, 2, Start + i * Minute, {{u"Shop"_s, u"south"_s}}));
            data.append(datum(u"Returns"_s, 5, Start + i * Minute, {{u"Shop"_s, u"north"_s}}));
        }
        data.append(datum(u"Orders"_s, 100, Start, {})); // no dimensions: not in the schema
        QVERIFY(service.putMetricData(u"Shop"_s, data));
        GetMetricDataRequest request;
        request.startMs = Start;
        request.endMs = Start + 3 * Minute;
        request.scanBy = u"TimestampAscending"_s;
        request.queries = {MetricDataQuery{u"orders"_s,
            std::nullopt,
            u"SEARCH('{Shop,Shop} MetricName=\"Orders\"', 'Sum', 60)"_s,
            {},
            true,
            0}};
        auto response = service.getMetricData(request);
        QVERIFY2(response, qPrintable(response ? QString() : response.error().message));
        QCOMPARE(response->results.size(), 2);
        QStringList labels;
        for (const MetricDataResult &result : response->results) {
            QCOMPARE(result.id, u"orders"_s);
            QCOMPARE(result.timestamps.size(), 3);
            labels.append(result.label);
        }
        labels.sort();
        QCOMPARE(labels, (QStringList{u"Orders north"_s, u"Orders south"_s}));

        request.queries = {MetricDataQuery{u"all"_s,
                               std::nullopt,
                               u"SEARCH('{Shop,Shop} Orders OR Returns', 'Sum', 60)"_s,
                               {},
                               false,
                               0},
            MetricDataQuery{u"total"_s, std::nullopt, u"SUM(all)"_s, u"Total"_s, true, 0}};
        response = service.getMetricData(request);
        QVERIFY(response);
        QCOMPARE(response->results.size(), 1);
        QCOMPARE(response->results.front().label, u"Total"_s);
        QCOMPARE(response->results.front().values, (QList<double>{8, 8, 8}));

        for (const QString &bad : {u"SEARCH('Orders', 'Median', 60)"_s,
                 u"SEARCH('Orders', 'Sum', 45)"_s,
                 u"SEARCH('(Orders', 'Sum', 60)"_s}) {
            request.queries = {MetricDataQuery{u"e1"_s, std::nullopt, bad, {}, true, 0}};
            QCOMPARE(service.getMetricData(request).error().code, u"ValidationError"_s);
        }
    }

    void listMetricsFilters()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QVERIFY(service.putMetricData(u"App"_s,
            {datum(u"Hits"_s, 1, Start, {{u"Host"_s, u"a"_s}}),
                datum(u"Hits"_s, 1, Start, {{u"Host"_s, u"b"_s}}),
                datum(u"Misses"_s, 1, Start, {{u"Host"_s, u"a"_s}, {u"Az"_s, u"1"_s}})}));
        QVERIFY(service.putMetricData(u"Other"_s, {datum(u"Hits"_s, 1, Start)}));
        QCOMPARE(service.listMetrics({})->metrics.size(), 4);
        QCOMPARE(service.listMetrics({u"App"_s, {}, {}, false, {}})->metrics.size(), 3);
        QCOMPARE(service.listMetrics({{}, u"Hits"_s, {}, false, {}})->metrics.size(), 3);
        QCOMPARE(
            service.listMetrics({u"App"_s, {}, {{u"Host"_s, u"a"_s}}, false, {}})->metrics.size(),
            2);
        QCOMPARE(service.listMetrics({u"App"_s, {}, {{u"Az"_s, std::nullopt}}, false, {}})
                     ->metrics.size(),
            1);
        const auto misses =
            service.listMetrics({u"App"_s, u"Misses"_s, {}, false, {}})->metrics.front();
        QCOMPARE(misses.dimensions.front().name, u"Az"_s); // sorted by name
        clock.advance(4 * 60 * Minute);
        QVERIFY(service.putMetricData(
            u"App"_s, {datum(u"Hits"_s, 1, clock.nowMs(), {{u"Host"_s, u"a"_s}})}));
        QCOMPARE(service.listMetrics({{}, {}, {}, true, {}})->metrics.size(), 1);
    }

    void alarmFollowsTheClock()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 5'000);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        QVERIFY(service.putMetricAlarm(errorsAlarm(u"errors"_s, 2, 2)));
        auto alarm = service.describeAlarms({})->metricAlarms.front();
        QCOMPARE(alarm.stateValue, u"INSUFFICIENT_DATA"_s);
        QCOMPARE(alarm.stateReason, u"Unchecked: Initial alarm creation"_s);

        QVERIFY(service.putMetricData(u"App"_s, {datum(u"Errors"_s, 5, Start + 10'000)}));
        clock.advance(Minute); // 10:01:05: one breaching point of two, others missing
        alarm = service.describeAlarms({})->metricAlarms.front();
        QCOMPARE(alarm.stateValue, u"ALARM"_s);
        QVERIFY(service.putMetricData(u"App"_s, {datum(u"Errors"_s, 5, Start + Minute + 10'000)}));
        clock.advance(Minute);
        QCOMPARE(service.describeAlarms({})->metricAlarms.front().stateValue, u"ALARM"_s);
        QVERIFY(service.putMetricData(u"App"_s,
            {datum(u"Errors"_s, 1, Start + 2 * Minute + 10'000),
                datum(u"Errors"_s, 1, Start + 3 * Minute + 10'000)}));
        clock.advance(2 * Minute); // two periods at once: 10:03 then 10:04
        alarm = service.describeAlarms({})->metricAlarms.front();
        QCOMPARE(alarm.stateValue, u"OK"_s);
        QCOMPARE(alarm.stateTransitionedMs, Start + 3 * Minute);
        QCOMPARE(alarm.stateReason,
            u"Threshold Crossed: 1 out of the last 2 datapoints [1.0 (23/11/26 10:02:00), 5.0 "
            u"(23/11/26 "
            u"10:01:00)] was not greater than the threshold (3.0) (minimum 1 datapoint for ALARM "
            u"-> OK "
            u"transition)."_s);

        DescribeAlarmHistoryRequest history;
        history.alarmName = u"errors"_s;
        history.historyItemType = u"StateUpdate"_s;
        const auto items = service.describeAlarmHistory(history)->items;
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).historySummary, u"Alarm updated from ALARM to OK"_s);
        QCOMPARE(items.at(1).historySummary, u"Alarm updated from INSUFFICIENT_DATA to ALARM"_s);
        const QJsonObject data = QJsonDocument::fromJson(items.at(1).historyData.toUtf8()).object();
        QCOMPARE(data[u"oldState"][u"stateValue"].toString(), u"INSUFFICIENT_DATA"_s);
        QCOMPARE(data[u"newState"][u"stateValue"].toString(), u"ALARM"_s);
        QCOMPARE(data[u"newState"][u"stateReasonData"][u"recentDatapoints"].toArray().size(), 1);

        // No data at all for the whole range: INSUFFICIENT_DATA with the default treatment.
        clock.advance(5 * Minute);
        QCOMPARE(
            service.describeAlarms({})->metricAlarms.front().stateValue, u"INSUFFICIENT_DATA"_s);
    }

    void compositeAlarmsAndActions()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 5'000);
        RecordingTarget target;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        service.setActionTarget(&target);
        Alarm child = errorsAlarm(u"child"_s, 1, 1);
        child.alarmActions = {u"arn:aws:lambda:us-east-1:000000000000:function:onAlarm"_s};
        QVERIFY(service.putMetricAlarm(child));
        Alarm other = errorsAlarm(u"other"_s, 1, 1, u"notBreaching"_s);
        other.metric.metricName = u"Throttles"_s;
        QVERIFY(service.putMetricAlarm(other));
        Alarm composite;
        composite.name = u"both"_s;
        composite.alarmRule = u"ALARM(child) AND NOT ALARM(\"other\")"_s;
        QVERIFY(service.putCompositeAlarm(composite));
        Alarm bad = composite;
        bad.name = u"bad"_s;
        bad.alarmRule = u"ALARM(child) AND"_s;
        QCOMPARE(service.putCompositeAlarm(bad).error().code, u"ValidationError"_s);
        // PutCompositeAlarm: every alarm the rule names must exist.
        bad.alarmRule = u"ALARM(child) OR ALARM(does-not-exist) OR OK(\"gone\")"_s;
        const auto missing = service.putCompositeAlarm(bad);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, u"ValidationError"_s);
        QCOMPARE(missing.error().httpStatus, 400);
        QCOMPARE(missing.error().message,
            u"Could not save the composite alarm as alarms [does-not-exist, gone] in the alarm "
            u"rule do not exist"_s);
        DescribeAlarmsRequest composites;
        composites.alarmTypes = {u"CompositeAlarm"_s};
        QCOMPARE(service.describeAlarms(composites)->compositeAlarms.size(), 1);

        QVERIFY(service.setAlarmState(u"other"_s, u"OK"_s, u"testing"_s, {}));
        QVERIFY(service.putMetricData(u"App"_s, {datum(u"Errors"_s, 10, Start + 10'000)}));
        clock.advance(Minute);
        DescribeAlarmsRequest request;
        request.alarmTypes = {u"CompositeAlarm"_s};
        QCOMPARE(service.describeAlarms(request)->compositeAlarms.front().stateValue, u"ALARM"_s);
        QCOMPARE(target.calls.size(), 1);
        const QJsonObject event = QJsonDocument::fromJson(target.calls.front().second).object();
        QCOMPARE(event[u"source"].toString(), u"aws.cloudwatch"_s);
        QCOMPARE(event[u"alarmData"][u"state"][u"value"].toString(), u"ALARM"_s);
        QCOMPARE(
            event[u"alarmData"][u"previousState"][u"value"].toString(), u"INSUFFICIENT_DATA"_s);

        // Disabled actions do not run; SetAlarmState moves the composite too.
        QVERIFY(service.disableAlarmActions({u"child"_s}));
        QVERIFY(service.setAlarmState(u"child"_s, u"OK"_s, u"manual"_s, u"{\"a\":1}"_s));
        QVERIFY(service.setAlarmState(u"child"_s, u"ALARM"_s, u"manual"_s, {}));
        QCOMPARE(target.calls.size(), 1);
        QVERIFY(service.setAlarmState(u"other"_s, u"ALARM"_s, u"manual"_s, {}));
        QCOMPARE(service.describeAlarms(request)->compositeAlarms.front().stateValue, u"OK"_s);
        QCOMPARE(service.setAlarmState(u"child"_s, u"BROKEN"_s, u"x"_s, {}).error().code,
            u"InvalidParameterValue"_s);
        QCOMPARE(service.setAlarmState(u"child"_s, u"OK"_s, u"x"_s, u"{nope"_s).error().code,
            u"InvalidFormat"_s);
        QCOMPARE(service.deleteAlarms({u"ghost"_s}).error().code, u"ResourceNotFound"_s);
        QVERIFY(service.deleteAlarms({u"both"_s}));
        QVERIFY(service.describeAlarms(request)->compositeAlarms.isEmpty());
    }

    void metricMathAlarm()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 5'000);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        Alarm alarm;
        alarm.name = u"ratio"_s;
        alarm.evaluationPeriods = 1;
        alarm.threshold = 50;
        alarm.comparisonOperator = u"GreaterThanOrEqualToThreshold"_s;
        alarm.metrics = {MetricDataQuery{u"m1"_s,
                             MetricStat{{u"App"_s, u"Errors"_s, {}}, 60, u"Sum"_s, {}},
                             {},
                             {},
                             false,
                             0},
            MetricDataQuery{u"m2"_s,
                MetricStat{{u"App"_s, u"Requests"_s, {}}, 60, u"Sum"_s, {}},
                {},
                {},
                false,
                0},
            MetricDataQuery{u"e1"_s, std::nullopt, u"100 * m1 / m2"_s, {}, true, 0}};
        QVERIFY(service.putMetricAlarm(alarm));
        QVERIFY(service.putMetricData(u"App"_s,
            {datum(u"Errors"_s, 6, Start + 10'000), datum(u"Requests"_s, 10, Start + 10'000)}));
        clock.advance(Minute);
        QCOMPARE(service.describeAlarms({})->metricAlarms.front().stateValue, u"ALARM"_s);
        alarm.metrics.last().returnData = false;
        QCOMPARE(service.putMetricAlarm(alarm).error().message,
            u"Exactly one element of the metrics list should return data."_s);
    }

    void badAlarms_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("period 45") << 1 << u"InvalidParameterValue"_s;
        QTest::newRow("more than a day") << 2 << u"ValidationError"_s;
        QTest::newRow("M > N") << 3 << u"ValidationError"_s;
        QTest::newRow("treatment") << 4 << u"InvalidParameterValue"_s;
        QTest::newRow("operator") << 5 << u"InvalidParameterValue"_s;
        QTest::newRow("both statistics") << 6 << u"InvalidParameterCombination"_s;
        QTest::newRow("no threshold") << 7 << u"MissingParameter"_s;
    }
    void badAlarms()
    {
        QFETCH(int, field);
        QFETCH(QString, code);
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        Alarm alarm = errorsAlarm(u"a"_s, 2, 2);
        if (field == 1)
            alarm.period = 45;
        else if (field == 2)
            alarm.evaluationPeriods = 1441;
        else if (field == 3)
            alarm.datapointsToAlarm = 3;
        else if (field == 4)
            alarm.treatMissingData = u"sometimes"_s;
        else if (field == 5)
            alarm.comparisonOperator = u"EqualToThreshold"_s;
        else if (field == 6)
            alarm.extendedStatistic = u"p99"_s;
        else if (field == 7)
            alarm.threshold.reset();
        QCOMPARE(service.putMetricAlarm(alarm).error().code, code);
        QVERIFY(service.describeAlarms({})->metricAlarms.isEmpty());
    }

    void describeAlarmsPagesAndFilters()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        for (int i = 0; i < 5; ++i)
            QVERIFY(service.putMetricAlarm(errorsAlarm(u"alarm-%1"_s.arg(i), 1, 1)));
        QVERIFY(service.setAlarmState(u"alarm-3"_s, u"ALARM"_s, u"x"_s, {}));
        DescribeAlarmsRequest request;
        request.maxRecords = 2;
        QStringList names;
        do {
            const auto page = service.describeAlarms(request);
            QVERIFY(page);
            for (const Alarm &alarm : page->metricAlarms)
                names.append(alarm.name);
            request.nextToken = page->nextToken;
        } while (!request.nextToken.isEmpty());
        QCOMPARE(names.size(), 5);
        DescribeAlarmsRequest byState;
        byState.stateValue = u"ALARM"_s;
        QCOMPARE(service.describeAlarms(byState)->metricAlarms.size(), 1);
        DescribeAlarmsRequest both;
        both.alarmNames = {u"alarm-1"_s};
        both.alarmNamePrefix = u"alarm"_s;
        QCOMPARE(service.describeAlarms(both).error().code, u"InvalidParameterCombination"_s);
        QCOMPARE(service.describeAlarmsForMetric({u"App"_s, u"Errors"_s, {}}, u"Sum"_s, {}, 60, {})
                     ->size(),
            5);
        QCOMPARE(
            service.describeAlarmsForMetric({u"App"_s, u"Errors"_s, {}}, u"Average"_s, {}, 0, {})
                ->size(),
            0);
        const QString arn = u"arn:aws:cloudwatch:us-east-1:000000000000:alarm:alarm-1"_s;
        QVERIFY(service.tagResource(arn, {{u"team"_s, u"blue"_s}}));
        QCOMPARE(service.listTagsForResource(arn)->front().value, u"blue"_s);
        QVERIFY(service.untagResource(arn, {u"team"_s}));
        QVERIFY(service.listTagsForResource(arn)->isEmpty());
    }

    void serviceMetricsSink()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(Start + 10 * Minute);
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        Core::MetricSink &sink = service;
        for (int i = 0; i < 1000; ++i)
            sink.putMetric(u"AWS/SQS"_s,
                u"NumberOfMessagesSent"_s,
                {{u"QueueName"_s, u"jobs"_s}},
                1,
                u"Count"_s,
                Start + (i % 2) * Minute);
        const auto points = service.getMetricStatistics(
            {{u"AWS/SQS"_s, u"NumberOfMessagesSent"_s, {{u"QueueName"_s, u"jobs"_s}}},
                Start,
                Start + 5 * Minute,
                60,
                {u"Sum"_s, u"SampleCount"_s},
                {u"p50"_s},
                {}});
        QVERIFY(points);
        QCOMPARE(points->size(), 2);
        QCOMPARE(*points->front().sum, 500.0);
        QCOMPARE(points->front().unit, u"Count"_s);
        QCOMPARE(points->front().extendedStatistics.value(0).second, 1.0);
    }
};

QTEST_GUILESS_MAIN(tst_CloudWatchService)
#include "tst_cloudwatchservice.moc"
