// SPDX-License-Identifier: MIT
// Pins the pure CloudWatch rules: statistics and percentiles of a period, Java-style numbers in
// reasons, alarm evaluation (M out of N and every TreatMissingData case of the AWS documentation's
// table), composite AlarmRule parsing and evaluation, metric math, and SEARCH expressions.
#include "core/cloudwatch/alarmevaluation.h"
#include "core/cloudwatch/alarmrule.h"
#include "core/cloudwatch/metricmath.h"
#include "core/cloudwatch/metricsearch.h"
#include "core/cloudwatch/statistics.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Core::CloudWatch;

Q_DECLARE_METATYPE(MetricMath::Value)

namespace {

// "0 - X - X" (oldest first, as the documentation writes it) to points newest first:
// X breaching (value 10), 0 not breaching (value 0), - missing. Threshold 5, GreaterThanThreshold.
QList<AlarmEvaluation::Point> pointsFrom(const QString &pattern, qint64 atMs, qint64 periodMs)
{
    const QStringList cells = pattern.split(u' ', Qt::SkipEmptyParts);
    QList<AlarmEvaluation::Point> points;
    for (qsizetype k = 0; k < cells.size(); ++k) {
        const QString cell = cells.at(cells.size() - 1 - k);
        AlarmEvaluation::Point point;
        point.timestampMs = atMs - (k + 1) * periodMs;
        if (cell == u"X")
            point.value = 10;
        else if (cell == u"0")
            point.value = 0;
        point.sampleCount = point.value ? 1 : 0;
        points.append(point);
    }
    return points;
}

Alarm thresholdAlarm(int evaluationPeriods, int datapointsToAlarm, const QString &treatMissingData)
{
    Alarm alarm;
    alarm.metric = {u"App"_s, u"Errors"_s, {}};
    alarm.statistic = u"Sum"_s;
    alarm.period = 60;
    alarm.evaluationPeriods = evaluationPeriods;
    alarm.datapointsToAlarm = datapointsToAlarm;
    alarm.threshold = 5;
    alarm.comparisonOperator = u"GreaterThanThreshold"_s;
    alarm.treatMissingData = treatMissingData;
    return alarm;
}

} // namespace

class tst_CloudWatchLogic final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void statisticsOfAPeriod()
    {
        Statistics::Accumulator period;
        period.add(1, 5, 5, 5);
        period.addRaw({{5, 1}});
        period.add(4, 9, 1, 3); // Values [1, 2, 3] Counts [1, 1, 2]
        period.addRaw({{1, 1}, {2, 1}, {3, 2}});
        QCOMPARE(*Statistics::value(period, u"SampleCount"_s), 5.0);
        QCOMPARE(*Statistics::value(period, u"Sum"_s), 14.0);
        QCOMPARE(*Statistics::value(period, u"Average"_s), 2.8);
        QCOMPARE(*Statistics::value(period, u"Minimum"_s), 1.0);
        QCOMPARE(*Statistics::value(period, u"Maximum"_s), 5.0);
        QCOMPARE(*Statistics::value(period, u"p50"_s), 3.0);
        QCOMPARE(*Statistics::value(period, u"p20"_s), 1.0);
        QCOMPARE(*Statistics::value(period, u"p99.9"_s), 5.0);
        QCOMPARE(*Statistics::value(period, u"p0"_s), 1.0);
        // A statistic set carries no values: no percentiles for the period.
        Statistics::Accumulator sets;
        sets.add(10, 100, 1, 20);
        sets.rawComplete = false;
        period.merge(sets);
        QCOMPARE(*Statistics::value(period, u"Sum"_s), 114.0);
        QVERIFY(!Statistics::value(period, u"p50"_s));
        QVERIFY(!Statistics::value(Statistics::Accumulator(), u"Sum"_s));
    }

    void percentilesNearestRank()
    {
        QList<std::pair<double, double>> values;
        for (int i = 1; i <= 100; ++i)
            values.append({double(101 - i), 1});
        QCOMPARE(*Statistics::percentile(values, 90), 90.0);
        QCOMPARE(*Statistics::percentile(values, 99), 99.0);
        QCOMPARE(*Statistics::percentile(values, 100), 100.0);
        QCOMPARE(*Statistics::percentile(values, 0.5), 1.0);
    }

    void statisticNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("simple");
        QTest::addColumn<bool>("extended");
        QTest::newRow("Average") << u"Average"_s << true << false;
        QTest::newRow("average") << u"average"_s << false << false;
        QTest::newRow("p99") << u"p99"_s << false << true;
        QTest::newRow("p99.99") << u"p99.99"_s << false << true;
        QTest::newRow("p100") << u"p100"_s << false << true;
        QTest::newRow("p101") << u"p101"_s << false << false;
        QTest::newRow("p99.999") << u"p99.999"_s << false << false;
        QTest::newRow("tm99") << u"tm99"_s << false << false;
    }
    void statisticNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, simple);
        QFETCH(bool, extended);
        QCOMPARE(Statistics::isStatistic(name), simple);
        QCOMPARE(Statistics::isExtendedStatistic(name), extended);
    }

    void javaDoubles_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("5") << 5.0 << u"5.0"_s;
        QTest::newRow("0") << 0.0 << u"0.0"_s;
        QTest::newRow("0.25") << 0.25 << u"0.25"_s;
        QTest::newRow("-3.5") << -3.5 << u"-3.5"_s;
        QTest::newRow("third") << 1.0 / 3.0 << u"0.3333333333333333"_s;
        QTest::newRow("1e7") << 1e7 << u"1.0E7"_s;
        QTest::newRow("12345678.5") << 12345678.5 << u"1.23456785E7"_s;
        QTest::newRow("0.0001") << 0.0001 << u"1.0E-4"_s;
    }
    void javaDoubles()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(Statistics::javaDouble(value), text);
    }

    // The table of "Configuring how CloudWatch alarms treat missing data": 3 evaluation periods,
    // 3 datapoints to alarm, an evaluation range of 5 periods.
    void missingDataTable_data()
    {
        QTest::addColumn<QString>("points");
        QTest::addColumn<QString>("missing");
        QTest::addColumn<QString>("ignore");
        QTest::addColumn<QString>("breaching");
        QTest::addColumn<QString>("notBreaching");
        const QString keep = u"(keep)"_s;
        QTest::newRow("0 - X - X") << u"0 - X - X"_s << u"OK"_s << u"OK"_s << u"OK"_s << u"OK"_s;
        QTest::newRow("- - - - 0") << u"- - - - 0"_s << u"OK"_s << u"OK"_s << u"OK"_s << u"OK"_s;
        QTest::newRow("- - - - -")
            << u"- - - - -"_s << u"INSUFFICIENT_DATA"_s << keep << u"ALARM"_s << u"OK"_s;
        QTest::newRow("0 X X - X")
            << u"0 X X - X"_s << u"ALARM"_s << u"ALARM"_s << u"ALARM"_s << u"ALARM"_s;
        QTest::newRow("- - X - -") << u"- - X - -"_s << u"ALARM"_s << keep << u"ALARM"_s << u"OK"_s;
    }
    void missingDataTable()
    {
        QFETCH(QString, points);
        QFETCH(QString, missing);
        QFETCH(QString, ignore);
        QFETCH(QString, breaching);
        QFETCH(QString, notBreaching);
        const std::pair<QString, QString> expectations[] = {{u"missing"_s, missing},
            {u"ignore"_s, ignore},
            {u"breaching"_s, breaching},
            {u"notBreaching"_s, notBreaching}};
        const qint64 at = 1'800'000'000'000;
        for (const auto &[treatment, expected] : expectations) {
            const auto outcome = AlarmEvaluation::evaluate(
                thresholdAlarm(3, 3, treatment), pointsFrom(points, at, 60'000), at);
            QVERIFY2((outcome.state.isEmpty() ? u"(keep)"_s : outcome.state) == expected,
                qPrintable(treatment));
        }
    }

    void mOutOfN_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("m");
        QTest::addColumn<QString>("points");
        QTest::addColumn<QString>("state");
        QTest::newRow("2 of 3, two breach") << 3 << 2 << u"X 0 X"_s << u"ALARM"_s;
        QTest::newRow("2 of 3, one breaches") << 3 << 2 << u"0 0 X"_s << u"OK"_s;
        QTest::newRow("3 of 5, three breach") << 5 << 3 << u"X 0 X 0 X"_s << u"ALARM"_s;
        QTest::newRow("1 of 1") << 1 << 1 << u"X"_s << u"ALARM"_s;
        QTest::newRow("1 of 1 below") << 1 << 1 << u"0"_s << u"OK"_s;
        QTest::newRow("older real points fill in") << 2 << 2 << u"X X - -"_s << u"ALARM"_s;
    }
    void mOutOfN()
    {
        QFETCH(int, n);
        QFETCH(int, m);
        QFETCH(QString, points);
        QFETCH(QString, state);
        const qint64 at = 1'800'000'000'000;
        const auto outcome =
            AlarmEvaluation::evaluate(thresholdAlarm(n, m, {}), pointsFrom(points, at, 60'000), at);
        QCOMPARE(outcome.state, state);
    }

    void comparisonOperators()
    {
        QVERIFY(AlarmEvaluation::isBreaching(u"GreaterThanOrEqualToThreshold"_s, 5, 5));
        QVERIFY(!AlarmEvaluation::isBreaching(u"GreaterThanThreshold"_s, 5, 5));
        QVERIFY(AlarmEvaluation::isBreaching(u"LessThanThreshold"_s, 4, 5));
        QVERIFY(!AlarmEvaluation::isBreaching(u"LessThanThreshold"_s, 5, 5));
        QVERIFY(AlarmEvaluation::isBreaching(u"LessThanOrEqualToThreshold"_s, 5, 5));
    }

    void dynamoDbAlarmsIgnoreMissingData()
    {
        Alarm alarm = thresholdAlarm(1, 1, u"breaching"_s);
        alarm.metric.metricNamespace = u"AWS/DynamoDB"_s;
        const qint64 at = 1'800'000'000'000;
        QVERIFY(AlarmEvaluation::evaluate(alarm, pointsFrom(u"- - -"_s, at, 60'000), at)
                    .state.isEmpty());
    }

    void reasonsAsCloudWatchWritesThem()
    {
        // 2026-11-23 10:01:00 UTC; periods start 10:00 and 09:59.
        const qint64 at = QDateTime(QDate(2026, 11, 23), QTime(10, 1), Qt::UTC).toMSecsSinceEpoch();
        Alarm alarm = thresholdAlarm(2, 2, {});
        alarm.threshold = 3;
        QList<AlarmEvaluation::Point> points{{at - 60'000, 5.0, 1},
            {at - 120'000, 5.0, 1},
            {at - 180'000, {}, 0},
            {at - 240'000, {}, 0}};
        auto outcome = AlarmEvaluation::evaluate(alarm, points, at);
        QCOMPARE(outcome.state, u"ALARM"_s);
        QCOMPARE(outcome.reason,
            u"Threshold Crossed: 2 out of the last 2 datapoints [5.0 (23/11/26 10:00:00), 5.0 "
            u"(23/11/26 09:59:00)] were greater than the threshold (3.0) (minimum 2 datapoints for "
            u"OK -> ALARM transition)."_s);
        QCOMPARE(
            outcome.reasonData.value(u"queryDate").toString(), u"2026-11-23T10:01:00.000+0000"_s);
        QCOMPARE(outcome.reasonData.value(u"evaluatedDatapoints").toArray().size(), 2);

        points[0].value = 1.0;
        outcome = AlarmEvaluation::evaluate(alarm, points, at);
        QCOMPARE(outcome.state, u"OK"_s);
        QCOMPARE(outcome.reason,
            u"Threshold Crossed: 1 out of the last 2 datapoints [1.0 (23/11/26 10:00:00), 5.0 "
            u"(23/11/26 09:59:00)] was not greater than the threshold (3.0) (minimum 1 datapoint "
            u"for "
            u"ALARM -> OK transition)."_s);

        Alarm single = thresholdAlarm(1, 1, {});
        single.threshold = 1;
        single.comparisonOperator = u"GreaterThanOrEqualToThreshold"_s;
        outcome = AlarmEvaluation::evaluate(single, {{at - 60'000, 2.0, 1}}, at);
        QCOMPARE(outcome.reason,
            u"Threshold Crossed: 1 datapoint [2.0 (23/11/26 10:00:00)] was greater than or equal "
            u"to the "
            u"threshold (1.0)."_s);
        outcome =
            AlarmEvaluation::evaluate(single, {{at - 60'000, {}, 0}, {at - 120'000, {}, 0}}, at);
        QCOMPARE(outcome.state, u"INSUFFICIENT_DATA"_s);
        QCOMPARE(outcome.reason, u"Insufficient Data: 1 datapoint was unknown."_s);
    }

    void alarmRules_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("firing");
        // States: a ALARM, b OK, c INSUFFICIENT_DATA.
        QTest::newRow("ALARM(a)") << u"ALARM(a)"_s << true;
        QTest::newRow("quoted") << u"ALARM(\"a\")"_s << true;
        QTest::newRow("arn") << u"ALARM(arn:aws:cloudwatch:us-east-1:000000000000:alarm:a)"_s
                             << true;
        QTest::newRow("OK(a)") << u"OK(a)"_s << false;
        QTest::newRow("AND") << u"ALARM(a) AND OK(b)"_s << true;
        QTest::newRow("AND false") << u"ALARM(a) AND ALARM(b)"_s << false;
        QTest::newRow("OR") << u"ALARM(b) OR INSUFFICIENT_DATA(c)"_s << true;
        QTest::newRow("NOT") << u"NOT ALARM(b)"_s << true;
        QTest::newRow("precedence") << u"ALARM(b) AND ALARM(a) OR OK(b)"_s << true;
        QTest::newRow("parentheses") << u"ALARM(b) AND (ALARM(a) OR OK(b))"_s << false;
        QTest::newRow("TRUE") << u"TRUE"_s << true;
        QTest::newRow("NOT FALSE AND") << u"NOT FALSE AND ALARM(a)"_s << true;
        QTest::newRow("unknown alarm") << u"ALARM(nope)"_s << false;
    }
    void alarmRules()
    {
        QFETCH(QString, rule);
        QFETCH(bool, firing);
        const auto parsed = AlarmRule::parse(rule);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        const QHash<QString, QString> states{
            {u"a"_s, u"ALARM"_s}, {u"b"_s, u"OK"_s}, {u"c"_s, u"INSUFFICIENT_DATA"_s}};
        QCOMPARE(parsed->evaluate([&states](const QString &name) { return states.value(name); }),
            firing);
    }

    void badAlarmRules_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::newRow("empty") << QString();
        QTest::newRow("unclosed") << u"ALARM(a"_s;
        QTest::newRow("dangling AND") << u"ALARM(a) AND"_s;
        QTest::newRow("unknown function") << u"FIRING(a)"_s;
        QTest::newRow("missing paren") << u"(ALARM(a) OR OK(b)"_s;
        QTest::newRow("empty name") << u"ALARM()"_s;
    }
    void badAlarmRules()
    {
        QFETCH(QString, rule);
        const auto parsed = AlarmRule::parse(rule);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, u"ValidationError"_s);
    }

    void metricMath()
    {
        MetricMath::Context context;
        context.series.insert(u"m1"_s, {{0, 1}, {60'000, 2}, {120'000, 4}});
        context.series.insert(u"m2"_s, {{0, 10}, {120'000, 20}});
        context.metricStatIds = {u"m1"_s, u"m2"_s};
        context.grid = {0, 60'000, 120'000};
        const auto series = [&context](const QString &expression) {
            const auto value = MetricMath::evaluate(expression, context);
            return value ? std::get<MetricMath::Series>(*value) : MetricMath::Series();
        };
        QCOMPARE(series(u"m1 + m2"_s), (MetricMath::Series{{0, 11}, {120'000, 24}}));
        QCOMPARE(series(u"m1 * 2 - 1"_s), (MetricMath::Series{{0, 1}, {60'000, 3}, {120'000, 7}}));
        QCOMPARE(
            series(u"(m1 + 1) / 2"_s), (MetricMath::Series{{0, 1}, {60'000, 1.5}, {120'000, 2.5}}));
        QCOMPARE(series(u"-m1"_s), (MetricMath::Series{{0, -1}, {60'000, -2}, {120'000, -4}}));
        QCOMPARE(
            series(u"SUM([m1, m2])"_s), (MetricMath::Series{{0, 11}, {60'000, 2}, {120'000, 24}}));
        QCOMPARE(
            series(u"MAX(METRICS())"_s), (MetricMath::Series{{0, 10}, {60'000, 2}, {120'000, 20}}));
        QCOMPARE(
            series(u"RATE(m1)"_s), (MetricMath::Series{{60'000, 1.0 / 60}, {120'000, 2.0 / 60}}));
        QCOMPARE(series(u"IF(m1 > 1, m1, 0)"_s),
            (MetricMath::Series{{0, 0}, {60'000, 2}, {120'000, 4}}));
        QCOMPARE(
            series(u"IF(m1 >= 2, 100)"_s), (MetricMath::Series{{60'000, 100}, {120'000, 100}}));
        QCOMPARE(
            series(u"FILL(m2, 0)"_s), (MetricMath::Series{{0, 10}, {60'000, 0}, {120'000, 20}}));
        QCOMPARE(series(u"FILL(m2, REPEAT)"_s),
            (MetricMath::Series{{0, 10}, {60'000, 10}, {120'000, 20}}));
        QCOMPARE(series(u"FILL(m2, LINEAR)"_s),
            (MetricMath::Series{{0, 10}, {60'000, 15}, {120'000, 20}}));
        const auto scalar = MetricMath::evaluate(u"AVG(m1)"_s, context);
        QVERIFY(scalar);
        QCOMPARE(std::get<double>(*scalar), 7.0 / 3.0);
        QCOMPARE(std::get<double>(*MetricMath::evaluate(u"SUM(m1) + MIN(m2)"_s, context)), 17.0);
        QCOMPARE(MetricMath::references(u"m1 + SUM([m2, e1]) * 2"_s),
            (QStringList{u"m1"_s, u"m2"_s, u"e1"_s}));
        QCOMPARE(
            MetricMath::references(u"SORT(METRICS(), SUM, DESC, 1) + m2"_s), QStringList{u"m2"_s});
    }

    // The rest of AWS's metric math functions, each on the same two series.
    void metricMathFunctions_data()
    {
        using Series = MetricMath::Series;
        QTest::addColumn<QString>("expression");
        QTest::addColumn<MetricMath::Value>("expected");
        const qint64 t0 = 1'700'000'040'000; // Tuesday 14 November 2023 22:14:00 UTC
        const qint64 t1 = t0 + 60'000;
        const qint64 t2 = t0 + 180'000;
        QTest::newRow("CEIL") << u"CEIL(m1 / 4)"_s
                              << MetricMath::Value(Series{{t0, 1}, {t1, 1}, {t2, 1}});
        QTest::newRow("FLOOR") << u"FLOOR(m1 / 4)"_s
                               << MetricMath::Value(Series{{t0, 0}, {t1, 0}, {t2, 1}});
        QTest::newRow("LOG10") << u"LOG10(m2)"_s
                               << MetricMath::Value(Series{{t0, 1}, {t2, std::log10(20.0)}});
        QTest::newRow("LOG") << u"LOG(m1)"_s
                             << MetricMath::Value(
                                    Series{{t0, 0}, {t1, std::log(2.0)}, {t2, std::log(4.0)}});
        QTest::newRow("RUNNING_SUM")
            << u"RUNNING_SUM(m1)"_s << MetricMath::Value(Series{{t0, 1}, {t1, 3}, {t2, 7}});
        QTest::newRow("DIFF_TIME")
            << u"DIFF_TIME(m1)"_s << MetricMath::Value(Series{{t1, 60}, {t2, 120}});
        QTest::newRow("STDDEV of a series") << u"STDDEV(m2)"_s << MetricMath::Value(5.0);
        QTest::newRow("STDDEV of an array")
            << u"STDDEV([m1, m2])"_s << MetricMath::Value(Series{{t0, 4.5}, {t1, 0}, {t2, 8}});
        QTest::newRow("DATAPOINT_COUNT") << u"DATAPOINT_COUNT(m1)"_s << MetricMath::Value(3.0);
        QTest::newRow("PERIOD") << u"PERIOD(m1)"_s << MetricMath::Value(60.0);
        QTest::newRow("TIME_SERIES")
            << u"TIME_SERIES(7)"_s
            << MetricMath::Value(Series{{t0, 7}, {t1, 7}, {t0 + 120'000, 7}, {t2, 7}});
        QTest::newRow("MINUTE") << u"MINUTE(m2)"_s << MetricMath::Value(Series{{t0, 14}, {t2, 17}});
        QTest::newRow("HOUR") << u"HOUR(m2)"_s << MetricMath::Value(Series{{t0, 22}, {t2, 22}});
        QTest::newRow("DAY (of the week)")
            << u"DAY(m2)"_s << MetricMath::Value(Series{{t0, 2}, {t2, 2}});
        QTest::newRow("DATE") << u"DATE(m2)"_s << MetricMath::Value(Series{{t0, 14}, {t2, 14}});
        QTest::newRow("MONTH") << u"MONTH(m2)"_s << MetricMath::Value(Series{{t0, 11}, {t2, 11}});
        QTest::newRow("YEAR") << u"YEAR(m2)"_s << MetricMath::Value(Series{{t0, 2023}, {t2, 2023}});
        QTest::newRow("EPOCH") << u"EPOCH(m2)"_s
                               << MetricMath::Value(
                                      Series{{t0, double(t0 / 1000)}, {t2, double(t2 / 1000)}});
        QTest::newRow("FIRST") << u"FIRST([m2, m1])"_s
                               << MetricMath::Value(Series{{t0, 10}, {t2, 20}});
        QTest::newRow("LAST") << u"LAST(METRICS())"_s
                              << MetricMath::Value(Series{{t0, 10}, {t2, 20}});
        QTest::newRow("METRICS filtered by Id")
            << u"METRICS('1')"_s << MetricMath::Value(QList<Series>{{{t0, 1}, {t1, 2}, {t2, 4}}});
        QTest::newRow("REMOVE_EMPTY")
            << u"REMOVE_EMPTY([m1, IF(m1 > 100, m1)])"_s
            << MetricMath::Value(QList<Series>{{{t0, 1}, {t1, 2}, {t2, 4}}});
        QTest::newRow("SLICE") << u"SLICE(METRICS(), 1, 2)"_s
                               << MetricMath::Value(QList<Series>{{{t0, 10}, {t2, 20}}});
        QTest::newRow("SORT by SUM, descending, first 1")
            << u"SORT(METRICS(), SUM, DESC, 1)"_s
            << MetricMath::Value(QList<Series>{{{t0, 10}, {t2, 20}}});
        QTest::newRow("SORT by MAX, ascending")
            << u"SORT(METRICS(), MAX, ASC)"_s
            << MetricMath::Value(QList<Series>{{{t0, 1}, {t1, 2}, {t2, 4}}, {{t0, 10}, {t2, 20}}});
    }
    void metricMathFunctions()
    {
        QFETCH(QString, expression);
        QFETCH(MetricMath::Value, expected);
        const qint64 t0 = 1'700'000'040'000;
        MetricMath::Context context;
        context.series.insert(u"m1"_s, {{t0, 1}, {t0 + 60'000, 2}, {t0 + 180'000, 4}});
        context.series.insert(u"m2"_s, {{t0, 10}, {t0 + 180'000, 20}});
        context.metricStatIds = {u"m1"_s, u"m2"_s};
        context.grid = {t0, t0 + 60'000, t0 + 120'000, t0 + 180'000};
        const auto value = MetricMath::evaluate(expression, context);
        QVERIFY2(value, qPrintable(value ? QString() : value.error().message));
        QCOMPARE(*value, expected);
    }

    void searchExpressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("expected"); // names of the matching metrics below
        const auto names = [](std::initializer_list<const char16_t *> list) {
            QStringList out;
            for (const char16_t *name : list)
                out.append(QString::fromUtf16(name));
            return out;
        };
        QTest::newRow("schema") << u"{AWS/EC2,InstanceId}"_s
                                << names({u"cpu-a", u"cpu-b", u"net-a"});
        QTest::newRow("schema, quoted, other dimension order")
            << u"{\"AWS/EC2\", InstanceType, InstanceId}"_s << names({u"cpu-typed"});
        QTest::newRow("namespace without dimensions") << u"{Demo}"_s << names({u"plain"});
        QTest::newRow("schema and metric name")
            << u"{AWS/EC2,InstanceId} MetricName=\"CPUUtilization\""_s
            << names({u"cpu-a", u"cpu-b"});
        QTest::newRow("partial word, any case")
            << u"cpu"_s << names({u"cpu-a", u"cpu-b", u"cpu-typed"});
        QTest::newRow("exact phrase") << u"\"i-a\""_s << names({u"cpu-a", u"net-a", u"cpu-typed"});
        QTest::newRow("exact phrase is not partial") << u"\"i-\""_s << names({});
        QTest::newRow("dimension designator") << u"InstanceId=i-b"_s << names({u"cpu-b"});
        QTest::newRow("partial designator") << u"MetricName=Network"_s << names({u"net-a"});
        QTest::newRow("NOT") << u"{AWS/EC2,InstanceId} NOT InstanceId=\"i-a\""_s
                             << names({u"cpu-b"});
        QTest::newRow("OR and parentheses")
            << u"(MetricName=\"NetworkIn\" OR Namespace=Demo) AND NOT cpu"_s
            << names({u"net-a", u"plain"});
        QTest::newRow("implied AND") << u"CPUUtilization i-a"_s << names({u"cpu-a", u"cpu-typed"});
    }
    void searchExpressions()
    {
        QFETCH(QString, expression);
        QFETCH(QStringList, expected);
        const QList<std::pair<QString, Metric>> metrics = {
            {u"cpu-a"_s, {u"AWS/EC2"_s, u"CPUUtilization"_s, {{u"InstanceId"_s, u"i-a"_s}}}},
            {u"cpu-b"_s, {u"AWS/EC2"_s, u"CPUUtilization"_s, {{u"InstanceId"_s, u"i-b"_s}}}},
            {u"net-a"_s, {u"AWS/EC2"_s, u"NetworkIn"_s, {{u"InstanceId"_s, u"i-a"_s}}}},
            {u"cpu-typed"_s,
                {u"AWS/EC2"_s,
                    u"CPUUtilization"_s,
                    {{u"InstanceId"_s, u"i-a"_s}, {u"InstanceType"_s, u"t3.micro"_s}}}},
            {u"plain"_s, {u"Demo"_s, u"Orders"_s, {}}},
        };
        const auto search = MetricSearch::parse(expression);
        QVERIFY2(search, qPrintable(search ? QString() : search.error().message));
        QStringList matched;
        for (const auto &[name, metric] : metrics) {
            if (search->matches(metric))
                matched.append(name);
        }
        QCOMPARE(matched, expected);
    }

    void badSearchExpressions()
    {
        for (const QString &bad : {u""_s,
                 u"\"unterminated"_s,
                 u"(cpu"_s,
                 u"cpu)"_s,
                 u"cpu AND"_s,
                 u"NOT"_s,
                 u"=x"_s,
                 u"cpu {AWS/EC2}"_s,
                 u"{AWS/EC2"_s}) {
            const auto search = MetricSearch::parse(bad);
            QVERIFY2(!search, qPrintable(bad));
            QCOMPARE(search.error().code, u"ValidationError"_s);
        }
    }

    // SEARCH() gives an array of series with labels; math applies element by element, and
    // SUM() folds them into one series.
    void searchInMetricMath()
    {
        MetricMath::Context context;
        context.grid = {0, 60'000};
        QString askedExpression;
        QString askedStatistic;
        int askedPeriod = 0;
        context.search = [&](const QString &expression, const QString &statistic, int period) {
            askedExpression = expression;
            askedStatistic = statistic;
            askedPeriod = period;
            return Core::Result<MetricMath::SearchResult>(MetricMath::SearchResult{
                {{{0, 1}, {60'000, 2}}, {{0, 10}}}, {u"Orders a"_s, u"Orders b"_s}});
        };
        QStringList labels;
        const auto found = MetricMath::evaluate(
            u"SEARCH('{Demo,Shop} MetricName=\"Orders\"', 'Sum', 300) * 2"_s, context, &labels);
        QVERIFY(found);
        QCOMPARE(askedExpression, u"{Demo,Shop} MetricName=\"Orders\""_s);
        QCOMPARE(askedStatistic, u"Sum"_s);
        QCOMPARE(askedPeriod, 300);
        const auto array = std::get<QList<MetricMath::Series>>(*found);
        QCOMPARE(array.size(), 2);
        QCOMPARE(array.at(0), (MetricMath::Series{{0, 2}, {60'000, 4}}));
        QCOMPARE(labels, (QStringList{u"Orders a"_s, u"Orders b"_s}));
        const auto summed =
            MetricMath::evaluate(u"SUM(SEARCH('Orders', 'Sum', 60))"_s, context, &labels);
        QCOMPARE(std::get<MetricMath::Series>(*summed), (MetricMath::Series{{0, 11}, {60'000, 2}}));
        QVERIFY(labels.isEmpty());
        QCOMPARE(MetricMath::references(u"SUM(SEARCH('m1 Orders', 'Sum', 60)) + m2"_s),
            QStringList{u"m2"_s});
        for (const QString &bad : {u"SEARCH('Orders', 'Sum')"_s,
                 u"SEARCH(Orders, 'Sum', 60)"_s,
                 u"SEARCH('Orders', 'Sum', -60)"_s,
                 u"SEARCH('Orders', 'Sum', 60"_s}) {
            const auto value = MetricMath::evaluate(bad, context);
            QVERIFY2(!value, qPrintable(bad));
            QCOMPARE(value.error().code, u"ValidationError"_s);
        }
        context.search = nullptr;
        QVERIFY(!MetricMath::evaluate(u"SEARCH('Orders', 'Sum', 60)"_s, context));
    }

    void badMetricMath_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("unknown id") << u"m9 + 1"_s;
        QTest::newRow("unknown function") << u"MEDIAN(m1)"_s;
        QTest::newRow("syntax") << u"m1 +"_s;
        QTest::newRow("unbalanced") << u"(m1 + 1"_s;
        QTest::newRow("character") << u"m1 $ 2"_s;
        QTest::newRow("arity") << u"RATE(m1, m1)"_s;
        QTest::newRow("FIRST of a series") << u"FIRST(m1)"_s;
        QTest::newRow("SORT without order") << u"SORT(METRICS(), SUM)"_s;
        QTest::newRow("SORT by an unknown function") << u"SORT(METRICS(), MEDIAN, ASC)"_s;
        QTest::newRow("TIME_SERIES of a series") << u"TIME_SERIES(m1)"_s;
        QTest::newRow("HOUR of a scalar") << u"HOUR(3)"_s;
        QTest::newRow("SLICE backwards") << u"SLICE(METRICS(), 2, 1)"_s;
        // Deep nesting once overflowed the parser's stack.
        QTest::newRow("nested too deep")
            << QString(QString(500, u'(') + u"m1"_s + QString(500, u')'));
        QTest::newRow("unary minus too deep") << QString(QString(500, u'-') + u"m1"_s);
        QTest::newRow("over 2048 characters")
            << QString(QString(1100, u'(') + u"m1"_s + QString(1100, u')'));
    }
    void badMetricMath()
    {
        QFETCH(QString, expression);
        MetricMath::Context context;
        context.series.insert(u"m1"_s, {{0, 1}});
        const auto value = MetricMath::evaluate(expression, context);
        QVERIFY(!value);
        QCOMPARE(value.error().code, u"ValidationError"_s);
    }
};

QTEST_GUILESS_MAIN(tst_CloudWatchLogic)
#include "tst_cloudwatchlogic.moc"
