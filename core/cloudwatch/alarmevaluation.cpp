// SPDX-License-Identifier: MIT
#include "core/cloudwatch/alarmevaluation.h"

#include "core/cloudwatch/statistics.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch::AlarmEvaluation {

namespace {

QString operatorPhrase(const QString &comparisonOperator)
{
    if (comparisonOperator == u"GreaterThanOrEqualToThreshold")
        return u"greater than or equal to"_s;
    if (comparisonOperator == u"GreaterThanThreshold")
        return u"greater than"_s;
    if (comparisonOperator == u"LessThanThreshold")
        return u"less than"_s;
    return u"less than or equal to"_s;
}

QString shortTimestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"dd/MM/yy HH:mm:ss"_s);
}

QString plural(qsizetype count, const QString &singular, const QString &pluralForm)
{
    return count == 1 ? singular : pluralForm;
}

} // namespace

QString isoTimestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzz+0000"_s);
}

int evaluationRange(const Alarm &alarm)
{
    return alarm.evaluationPeriods + 2;
}

bool isBreaching(const QString &comparisonOperator, double value, double threshold)
{
    if (comparisonOperator == u"GreaterThanOrEqualToThreshold")
        return value >= threshold;
    if (comparisonOperator == u"GreaterThanThreshold")
        return value > threshold;
    if (comparisonOperator == u"LessThanThreshold")
        return value < threshold;
    if (comparisonOperator == u"LessThanOrEqualToThreshold")
        return value <= threshold;
    return false;
}

bool isBandOperator(const QString &comparisonOperator)
{
    return comparisonOperator == u"LessThanLowerOrGreaterThanUpperThreshold"
        || comparisonOperator == u"LessThanLowerThreshold"
        || comparisonOperator == u"GreaterThanUpperThreshold";
}

bool isOutsideBand(const QString &comparisonOperator, double value, double lower, double upper)
{
    if (comparisonOperator == u"LessThanLowerThreshold")
        return value < lower;
    if (comparisonOperator == u"GreaterThanUpperThreshold")
        return value > upper;
    return value < lower || value > upper;
}

Outcome evaluate(const Alarm &alarm, const QList<Point> &rangeNewestFirst, qint64 queryDateMs)
{
    const bool band = isBandOperator(alarm.comparisonOperator);
    const int n = std::max(1, alarm.evaluationPeriods);
    const int m = std::clamp(alarm.datapointsToAlarm.value_or(n), 1, n);
    const double threshold = alarm.threshold.value_or(0);
    QString treatment = alarm.treatMissingData.isEmpty() ? u"missing"_s : alarm.treatMissingData;
    if (alarm.metric.metricNamespace == u"AWS/DynamoDB")
        treatment = u"ignore"_s;

    QList<Point> real;
    for (const Point &point : rangeNewestFirst) {
        if (point.value && (!band || (point.lower && point.upper)) && real.size() < n)
            real.append(point);
    }
    qsizetype breaching = 0;
    for (const Point &point : real) {
        if (band ? isOutsideBand(alarm.comparisonOperator, *point.value, *point.lower, *point.upper)
                 : isBreaching(alarm.comparisonOperator, *point.value, threshold))
            ++breaching;
    }
    const qsizetype notBreaching = real.size() - breaching;
    const qsizetype fills = n - real.size();

    Outcome outcome;
    if (real.isEmpty()) {
        if (treatment == u"ignore")
            return outcome;
        outcome.state = treatment == u"breaching" ? u"ALARM"_s
            : treatment == u"notBreaching"        ? u"OK"_s
                                                  : u"INSUFFICIENT_DATA"_s;
    } else if (fills == 0 || treatment == u"notBreaching") {
        outcome.state = breaching >= m ? u"ALARM"_s : u"OK"_s;
    } else if (treatment == u"breaching") {
        outcome.state = breaching + fills >= m ? u"ALARM"_s : u"OK"_s;
    } else if (treatment == u"missing") {
        outcome.state = breaching >= std::min<qsizetype>(m, real.size()) ? u"ALARM"_s : u"OK"_s;
    } else { // ignore
        if (breaching >= m)
            outcome.state = u"ALARM"_s;
        else if (notBreaching > n - m)
            outcome.state = u"OK"_s;
        else
            return outcome;
    }

    // Reason and reason data as CloudWatch writes them.
    const QString statistic =
        alarm.extendedStatistic.isEmpty() ? alarm.statistic : alarm.extendedStatistic;
    QJsonObject data{{u"version"_s, u"1.0"_s}, {u"queryDate"_s, isoTimestamp(queryDateMs)}};
    if (!rangeNewestFirst.isEmpty())
        data.insert(u"startDate"_s, isoTimestamp(rangeNewestFirst.back().timestampMs));
    if (!statistic.isEmpty())
        data.insert(u"statistic"_s, statistic);
    data.insert(u"period"_s, alarm.period);
    QJsonArray recent;
    QStringList listed;
    QJsonArray evaluated;
    QJsonArray recentLower;
    QJsonArray recentUpper;
    QStringList lowerListed;
    QStringList upperListed;
    for (const Point &point : real) {
        recent.append(*point.value);
        if (band) {
            recentLower.append(*point.lower);
            recentUpper.append(*point.upper);
            lowerListed.append(Statistics::javaDouble(*point.lower));
            upperListed.append(Statistics::javaDouble(*point.upper));
        }
        listed.append(u"%1 (%2)"_s.arg(
            Statistics::javaDouble(*point.value), shortTimestamp(point.timestampMs)));
        evaluated.append(QJsonObject{{u"timestamp"_s, isoTimestamp(point.timestampMs)},
            {u"sampleCount"_s, point.sampleCount},
            {u"value"_s, *point.value}});
    }
    data.insert(u"recentDatapoints"_s, recent);
    if (band) {
        data.insert(u"recentLowerThresholds"_s, recentLower);
        data.insert(u"recentUpperThresholds"_s, recentUpper);
    } else {
        data.insert(u"threshold"_s, threshold);
    }
    if (!evaluated.isEmpty())
        data.insert(u"evaluatedDatapoints"_s, evaluated);
    outcome.reasonData = data;

    if (outcome.state == u"INSUFFICIENT_DATA") {
        outcome.reason = u"Insufficient Data: %1 %2 unknown."_s.arg(n).arg(
            plural(n, u"datapoint was"_s, u"datapoints were"_s));
        return outcome;
    }
    const bool toAlarm = outcome.state == u"ALARM";
    const qsizetype counted = toAlarm ? breaching + (treatment == u"breaching" ? fills : 0)
                                      : notBreaching + (treatment == u"notBreaching" ? fills : 0);
    const QString phrase =
        (toAlarm ? QString() : u"not "_s) + operatorPhrase(alarm.comparisonOperator);
    const QString values = u"["_s + listed.join(u", "_s) + u"]"_s;
    const int minimum = toAlarm ? m : n - m + 1;
    if (band) {
        // Anomaly detection alarms name the band's bounds at each listed datapoint.
        const QString lower = u"the lower thresholds ["_s + lowerListed.join(u", "_s) + u"]"_s;
        const QString upper = u"the upper thresholds ["_s + upperListed.join(u", "_s) + u"]"_s;
        QString comparison;
        if (alarm.comparisonOperator == u"LessThanLowerThreshold")
            comparison = u"less than "_s + lower;
        else if (alarm.comparisonOperator == u"GreaterThanUpperThreshold")
            comparison = u"greater than "_s + upper;
        else
            comparison = u"less than "_s + lower + u" or greater than "_s + upper;
        outcome.reason =
            u"Thresholds Crossed: %1 out of the last %2 datapoints %3 %4 %5%6 (minimum %7 %8 for "
            u"%9 transition)."_s.arg(QString::number(counted),
                QString::number(n),
                values,
                plural(counted, u"was"_s, u"were"_s),
                toAlarm ? QString() : u"not "_s,
                comparison,
                QString::number(minimum),
                plural(minimum, u"datapoint"_s, u"datapoints"_s),
                toAlarm ? u"OK -> ALARM"_s : u"ALARM -> OK"_s);
        return outcome;
    }
    if (n == 1) {
        outcome.reason = u"Threshold Crossed: 1 datapoint %1 was %2 the threshold (%3)."_s.arg(
            values, phrase, Statistics::javaDouble(threshold));
        return outcome;
    }
    outcome.reason = u"Threshold Crossed: %1 out of the last %2 datapoints %3 %4 %5 the threshold "
                     u"(%6) (minimum %7 %8 for %9 transition)."_s.arg(QString::number(counted),
                         QString::number(n),
                         values,
                         plural(counted, u"was"_s, u"were"_s),
                         phrase,
                         Statistics::javaDouble(threshold),
                         QString::number(minimum),
                         plural(minimum, u"datapoint"_s, u"datapoints"_s),
                         toAlarm ? u"OK -> ALARM"_s : u"ALARM -> OK"_s);
    return outcome;
}

} // namespace Core::CloudWatch::AlarmEvaluation
