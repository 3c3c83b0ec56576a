// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"
#include "core/cloudwatch/metricmath.h"

#include <QTimeZone>

#include <optional>

namespace Core::CloudWatch {

// The model behind ANOMALY_DETECTION_BAND and anomaly detection alarms. AWS trains a machine
// learning model on up to two weeks of a metric; Cloudbench uses a transparent, deterministic
// stand-in built from the stored values of the same statistic at the same period:
//  * the expected value at time t is the mean of the values in the two weeks before t
//    ([t - 14 days, t), excluded time ranges left out), and the band is the mean plus and minus
//    `stddevs` population standard deviations of those values;
//  * hour-of-day seasonality: when at least MinimumSeasonalDays different days (in the
//    detector's MetricTimezone, UTC by default) have values in the hour of day of t, only the
//    values of that hour are used, otherwise all of them;
//  * the spread is at least 1% of |mean|, so a metric that never changed still gets a band;
//  * with fewer than MinimumTrainingPoints values before t the model is untrained: no band, and
//    an alarm on it stays INSUFFICIENT_DATA.
// Pure computation over a copy of the history; time comes from the caller (the engine Clock).
class AnomalyModel final
{
public:
    static constexpr qint64 TrainingWindowMs = 14LL * 24 * 60 * 60 * 1000;
    static constexpr int MinimumTrainingPoints = 5;
    static constexpr int MinimumSeasonalDays = 3;
    static constexpr double DefaultStandardDeviations = 2;

    struct Band
    {
        double expected = 0;
        double lower = 0;
        double upper = 0;
    };

    // history: period start -> value of the statistic, for at least the two weeks before the
    // first time asked about.
    AnomalyModel(
        const MetricMath::Series &history, const AnomalyDetectorConfiguration &configuration = {});

    std::optional<Band> band(qint64 atMs, double standardDeviations) const;
    // The detector's StateValue at `nowMs`: TRAINED with enough values in the two weeks before,
    // TRAINED_INSUFFICIENT_DATA when there were enough once (older history) but not now,
    // PENDING_TRAINING otherwise.
    QString state(qint64 nowMs) const;

private:
    struct Sample
    {
        qint64 timestampMs = 0;
        double value = 0;
        int hourOfDay = 0;
        qint64 day = 0; // days since the epoch, in the metric's time zone
    };
    void localTime(qint64 ms, int *hourOfDay, qint64 *day) const;
    qsizetype countBefore(qint64 ms) const;

    QList<Sample> m_samples; // oldest first
    QTimeZone m_timeZone;
};

} // namespace Core::CloudWatch
