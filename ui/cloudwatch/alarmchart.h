// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <QChartView>

namespace Gui::CloudWatch {

// The chart of an alarm's detail: the metric's datapoints at the alarm's period (marked points
// are the values the evaluator reads), the threshold as a dashed line (or, for an anomaly
// detection alarm, the band of expected values shaded grey) and the time ranges the alarm spent
// in ALARM shaded red. Large fonts and thick lines so it reads from the back of a
// classroom.
class AlarmChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmChart)

public:
    struct Transition
    {
        qint64 timestampMs = 0;
        QString state;
    };
    struct BandPoint
    {
        qint64 timestampMs = 0;
        double lower = 0;
        double upper = 0;
    };

    explicit AlarmChart(QWidget *parent = nullptr);

    void setData(const Core::CloudWatch::Alarm &alarm,
        const QList<std::pair<qint64, double>> &points,
        const QList<Transition> &transitionsOldestFirst,
        qint64 fromMs,
        qint64 toMs,
        const QList<BandPoint> &band = {});
};

} // namespace Gui::CloudWatch
