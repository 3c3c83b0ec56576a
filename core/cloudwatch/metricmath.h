// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <variant>

namespace Core::CloudWatch::MetricMath {

using Series = QMap<qint64, double>; // timestamp ms -> value
// A math value: a scalar, one time series or an array of time series ([m1, m2], METRICS()).
using Value = std::variant<double, Series, QList<Series>>;

// What SEARCH() found: one series per matching metric, with its label.
struct SearchResult
{
    QList<Series> series;
    QStringList labels;
};

struct Context
{
    QHash<QString, Series> series; // by query Id
    QHash<QString, QList<Series>> arrays; // by query Id: expressions that gave several series
    QStringList metricStatIds; // what METRICS() returns, in request order
    QList<qint64> grid; // every period start of the query, for FILL
    int periodSeconds = 60;
    // SEARCH(expression, statistic, period); without it SEARCH is refused.
    std::function<Result<SearchResult>(const QString &, const QString &, int)> search;
    // ANOMALY_DETECTION_BAND(id, stddevs): the lower and upper bound of the anomaly detection
    // model of query `id`; without it the function is refused.
    std::function<Result<QList<Series>>(const QString &, double)> anomalyDetectionBand;
};

// Evaluates a CloudWatch metric math expression: + - * / ^, comparisons (> < >= <= == !=),
// AND OR, unary minus, parentheses, arrays, and the functions SUM, AVG, MIN, MAX, STDDEV, RATE,
// DIFF, DIFF_TIME, RUNNING_SUM, ABS, CEIL, FLOOR, LOG, LOG10, IF, FILL (value, REPEAT, LINEAR),
// DATAPOINT_COUNT, PERIOD, TIME_SERIES, MINUTE, HOUR, DAY, DATE, MONTH, YEAR, EPOCH, FIRST,
// LAST, REMOVE_EMPTY, SLICE, SORT, METRICS (optionally filtered by Id) and
// SEARCH('search expression', 'statistic', period) and ANOMALY_DETECTION_BAND(id[, stddevs])
// (two series: lower and upper bound, labelled "Lower" and "Upper"). Errors are AWS's
// ValidationError texts. When the value is an array of series that came from SEARCH (element by
// element), `labels` receives each series' label.
Result<Value> evaluate(
    const QString &expression, const Context &context, QStringList *labels = nullptr);
// The identifiers an expression references (to order the evaluation of queries).
QStringList references(const QString &expression);
// The query Id an ANOMALY_DETECTION_BAND(id[, stddevs]) expression models; empty for other
// expressions.
QString anomalyDetectionBandSource(const QString &expression);

} // namespace Core::CloudWatch::MetricMath
