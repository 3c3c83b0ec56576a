// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>
#include <QColor>
#include <QPointF>

class QLabel;

namespace Gui::CloudWatch {

// The metrics browser's chart: one line per selected metric over the chosen time range, with
// large fonts like the alarm chart. An empty list or a list without datapoints says why the
// chart is empty in a word-wrapped message over it (a chart title would be elided at narrow
// widths). Up to 500 lines stay responsive: no animations, a bounded number of points per line
// (min/max decimation), and the legend, markers and wide pens only for a few lines.
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

    // Points drawn over all lines together, and at most per line.
    static constexpr int MaxChartPoints = 50000;
    static constexpr int MaxLinePoints = 2000;
    // More lines than this: no legend (the graphed metrics table names and colours each line).
    static constexpr int MaxLegendLines = 20;

    explicit MetricChart(QWidget *parent = nullptr);

    // The colour of the index-th line (the console's palette, repeating).
    static QColor seriesColour(int index);
    // At most maxPoints of a line, in time order: with more, the time span is cut into
    // maxPoints / 2 buckets that keep their lowest and highest point, so spikes stay visible.
    static QList<QPointF> decimated(const QList<std::pair<qint64, double>> &points, int maxPoints);

    void setSeries(const QList<Series> &series, qint64 fromMs, qint64 toMs);
    void showMessage(const QString &message);
    // The message shown over the chart; empty when it shows data.
    QString message() const;
    int seriesCount() const;
    int pointCount() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setMessage(const QString &message);

    QLabel *m_message;
};

} // namespace Gui::CloudWatch
