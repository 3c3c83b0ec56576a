// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Core::CloudWatch::Statistics {

// The aggregate of the datums in one period: a statistic set plus, where every datum carried raw
// values, the values with their counts (for percentiles). Statistic sets have no raw values, and
// a period that mixes them has no percentiles (as AWS: pNN needs the values).
struct Accumulator
{
    double sampleCount = 0;
    double sum = 0;
    double minimum = 0;
    double maximum = 0;
    QList<std::pair<double, double>> raw; // value, count
    bool rawComplete = true;

    bool isEmpty() const { return sampleCount <= 0; }
    void add(double count, double sum, double minimum, double maximum);
    void addRaw(const QList<std::pair<double, double>> &values);
    void merge(const Accumulator &other);
};

// SampleCount, Average, Sum, Minimum, Maximum.
bool isStatistic(const QString &name);
// p0 ... p100 with up to two decimals (p99.9, p99.99).
bool isExtendedStatistic(const QString &name);
// The value of one statistic (simple or pNN) for a period; nullopt when it cannot be computed.
std::optional<double> value(const Accumulator &accumulator, const QString &statistic);
// Nearest-rank percentile over weighted values.
std::optional<double> percentile(QList<std::pair<double, double>> values, double percent);

// A number as the wire and error messages print it: NaN, Infinity, -Infinity or %.17g.
QString numberText(double value);

// Java's Double.toString as CloudWatch writes numbers into reasons ("5.0", "0.25", "1.0E7").
QString javaDouble(double value);

} // namespace Core::CloudWatch::Statistics
