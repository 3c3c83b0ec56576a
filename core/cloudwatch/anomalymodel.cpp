// SPDX-License-Identifier: MIT
#include "core/cloudwatch/anomalymodel.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch {

namespace {

constexpr qint64 HourMs = 60 * 60 * 1000;
constexpr qint64 DayMs = 24 * HourMs;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}

} // namespace

AnomalyModel::AnomalyModel(
    const MetricMath::Series &history, const AnomalyDetectorConfiguration &configuration)
{
    if (!configuration.metricTimezone.isEmpty())
        m_timeZone = QTimeZone(configuration.metricTimezone.toUtf8());
    for (auto it = history.cbegin(); it != history.cend(); ++it) {
        if (!std::isfinite(it.value()))
            continue;
        const qint64 at = it.key();
        const bool excluded = std::any_of(configuration.excludedTimeRanges.cbegin(),
            configuration.excludedTimeRanges.cend(),
            [at](const TimeRange &range) { return at >= range.startMs && at < range.endMs; });
        if (excluded)
            continue;
        Sample sample;
        sample.timestampMs = at;
        sample.value = it.value();
        localTime(at, &sample.hourOfDay, &sample.day);
        m_samples.append(sample);
    }
}

void AnomalyModel::localTime(qint64 ms, int *hourOfDay, qint64 *day) const
{
    qint64 local = ms;
    if (m_timeZone.isValid())
        local +=
            qint64(m_timeZone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC))) * 1000;
    *day = floorDiv(local, DayMs);
    *hourOfDay = int((local - *day * DayMs) / HourMs);
}

qsizetype AnomalyModel::countBefore(qint64 ms) const
{
    return std::lower_bound(m_samples.cbegin(),
               m_samples.cend(),
               ms,
               [](const Sample &sample, qint64 at) { return sample.timestampMs < at; })
        - m_samples.cbegin();
}

std::optional<AnomalyModel::Band> AnomalyModel::band(qint64 atMs, double standardDeviations) const
{
    const qsizetype first = countBefore(atMs - TrainingWindowMs);
    const qsizetype end = countBefore(atMs);
    if (end - first < MinimumTrainingPoints)
        return std::nullopt;
    int hour = 0;
    qint64 day = 0;
    localTime(atMs, &hour, &day);
    QList<qint64> seasonalDays;
    qsizetype seasonalCount = 0;
    for (qsizetype i = first; i < end; ++i) {
        const Sample &sample = m_samples.at(i);
        if (sample.hourOfDay != hour)
            continue;
        ++seasonalCount;
        if (seasonalDays.isEmpty() || seasonalDays.back() != sample.day)
            seasonalDays.append(sample.day);
    }
    const bool seasonal =
        seasonalDays.size() >= MinimumSeasonalDays && seasonalCount >= MinimumTrainingPoints;
    double sum = 0;
    double count = 0;
    for (qsizetype i = first; i < end; ++i) {
        if (seasonal && m_samples.at(i).hourOfDay != hour)
            continue;
        sum += m_samples.at(i).value;
        ++count;
    }
    const double mean = sum / count;
    double squares = 0;
    for (qsizetype i = first; i < end; ++i) {
        if (seasonal && m_samples.at(i).hourOfDay != hour)
            continue;
        const double delta = m_samples.at(i).value - mean;
        squares += delta * delta;
    }
    const double spread = std::max(std::sqrt(squares / count), 0.01 * std::abs(mean));
    return Band{mean, mean - standardDeviations * spread, mean + standardDeviations * spread};
}

QString AnomalyModel::state(qint64 nowMs) const
{
    if (countBefore(nowMs) - countBefore(nowMs - TrainingWindowMs) >= MinimumTrainingPoints)
        return u"TRAINED"_s;
    if (countBefore(nowMs) >= MinimumTrainingPoints)
        return u"TRAINED_INSUFFICIENT_DATA"_s;
    return u"PENDING_TRAINING"_s;
}

} // namespace Core::CloudWatch
