// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>
#include <QColor>

namespace Gui::CloudWatch {

// The metrics browser's chart: one line per selected metric over the chosen time range, with
// large fonts like the alarm chart. An empty list or a list without datapoints shows why the
// chart is empty in its title instead of blank axes.
class MetricChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChart)

public:
    struct Series
    {
        QString label;
        QList<std::pair<qint64, double>> points; // oldest first
    };

    explicit MetricChart(QWidget *parent = nullptr);

    // The colour of the index-th line (the console's palette, repeating).
    static QColor seriesColour(int index);

    void setSeries(const QList<Series> &series, qint64 fromMs, qint64 toMs);
    void showMessage(const QString &message);
    int seriesCount() const;
    int pointCount() const;
};

} // namespace Gui::CloudWatch
