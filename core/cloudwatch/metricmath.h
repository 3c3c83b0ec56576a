// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <variant>

namespace Core::CloudWatch::MetricMath {

using Series = QMap<qint64, double>; // timestamp ms -> value
// A math value: a scalar, one time series or an array of time series ([m1, m2], METRICS()).
using Value = std::variant<double, Series, QList<Series>>;

struct Context
{
    QHash<QString, Series> series; // by query Id
    QStringList metricStatIds; // what METRICS() returns, in request order
    QList<qint64> grid; // every period start of the query, for FILL
    int periodSeconds = 60;
};

// Evaluates a CloudWatch metric math expression: + - * / ^, comparisons (> < >= <= == !=),
// AND OR, unary minus, parentheses, arrays, and the functions SUM, AVG, MIN, MAX, RATE, DIFF,
// ABS, IF, FILL (value, REPEAT, LINEAR), METRICS. Errors are AWS's ValidationError texts.
Result<Value> evaluate(const QString &expression, const Context &context);
// The identifiers an expression references (to order the evaluation of queries).
QStringList references(const QString &expression);

} // namespace Core::CloudWatch::MetricMath
