// SPDX-License-Identifier: MIT
#include "core/cloudwatch/statistics.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch::Statistics {

void Accumulator::add(double count, double addedSum, double addedMinimum, double addedMaximum)
{
    if (sampleCount <= 0) {
        minimum = addedMinimum;
        maximum = addedMaximum;
    } else {
        minimum = std::min(minimum, addedMinimum);
        maximum = std::max(maximum, addedMaximum);
    }
    sampleCount += count;
    sum += addedSum;
}

void Accumulator::addRaw(const QList<std::pair<double, double>> &values)
{
    raw.append(values);
}

void Accumulator::merge(const Accumulator &other)
{
    if (other.isEmpty())
        return;
    add(other.sampleCount, other.sum, other.minimum, other.maximum);
    raw.append(other.raw);
    rawComplete = rawComplete && other.rawComplete;
}

bool isStatistic(const QString &name)
{
    static const QStringList names{
        u"SampleCount"_s, u"Average"_s, u"Sum"_s, u"Minimum"_s, u"Maximum"_s};
    return names.contains(name);
}

bool isExtendedStatistic(const QString &name)
{
    static const QRegularExpression pattern(u"^p(\\d{1,2}(\\.\\d{1,2})?|100(\\.0{1,2})?)$"_s);
    return pattern.match(name).hasMatch();
}

std::optional<double> percentile(QList<std::pair<double, double>> values, double percent)
{
    double total = 0;
    for (const auto &[v, count] : values)
        total += count;
    if (values.isEmpty() || total <= 0)
        return std::nullopt;
    std::sort(values.begin(), values.end());
    if (percent <= 0)
        return values.front().first;
    const double rank = std::ceil(percent / 100.0 * total);
    double seen = 0;
    for (const auto &[v, count] : values) {
        seen += count;
        if (seen >= rank)
            return v;
    }
    return values.back().first;
}

std::optional<double> value(const Accumulator &accumulator, const QString &statistic)
{
    if (accumulator.isEmpty())
        return std::nullopt;
    if (statistic == u"SampleCount")
        return accumulator.sampleCount;
    if (statistic == u"Sum")
        return accumulator.sum;
    if (statistic == u"Average")
        return accumulator.sum / accumulator.sampleCount;
    if (statistic == u"Minimum")
        return accumulator.minimum;
    if (statistic == u"Maximum")
        return accumulator.maximum;
    if (isExtendedStatistic(statistic)) {
        // AWS: no percentiles without the raw values (statistic sets), nor over negative values.
        if (!accumulator.rawComplete || accumulator.minimum < 0)
            return std::nullopt;
        return percentile(accumulator.raw, statistic.mid(1).toDouble());
    }
    return std::nullopt;
}

QString numberText(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"Infinity"_s : u"-Infinity"_s;
    return QString::number(value, 'g', 17);
}

QString javaDouble(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"Infinity"_s : u"-Infinity"_s;
    const double magnitude = std::fabs(value);
    if (value == 0)
        return std::signbit(value) ? u"-0.0"_s : u"0.0"_s;
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        QString text = QString::number(value, 'g', 17);
        // Shortest representation that round-trips, as Java prints it.
        for (int precision = 1; precision <= 17; ++precision) {
            const QString candidate = QString::number(value, 'f', precision);
            if (candidate.toDouble() == value) {
                text = candidate;
                break;
            }
        }
        while (text.endsWith(u'0') && !text.endsWith(u".0"))
            text.chop(1);
        return text;
    }
    int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
    double mantissa = value / std::pow(10.0, exponent);
    if (std::fabs(mantissa) >= 10) {
        mantissa /= 10;
        ++exponent;
    }
    return javaDouble(mantissa) + u'E' + QString::number(exponent);
}

} // namespace Core::CloudWatch::Statistics
