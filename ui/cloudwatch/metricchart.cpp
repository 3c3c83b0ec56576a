// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/metricchart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

using namespace Qt::StringLiterals;

namespace Gui::CloudWatch {

namespace {

// The CloudWatch console's line colours, in order.
constexpr QRgb Palette[] = {0xff1f77b4,
    0xffff7f0e,
    0xff2ca02c,
    0xffd62728,
    0xff9467bd,
    0xff8c564b,
    0xffe377c2,
    0xff7f7f7f,
    0xffbcbd22,
    0xff17becf};

void clear(QChart *chart)
{
    chart->removeAllSeries();
    // removeAxis() hands the axis back to the caller.
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace

MetricChart::MetricChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(280);
    chart()->legend()->setFont(QFont(font().family(), 12));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setTitleFont(QFont(font().family(), 14, QFont::Bold));
}

QColor MetricChart::seriesColour(int index)
{
    return QColor::fromRgb(Palette[qsizetype(index) % qsizetype(std::size(Palette))]);
}

void MetricChart::showMessage(const QString &message)
{
    clear(chart());
    chart()->setTitle(message);
}

void MetricChart::setSeries(const QList<Series> &series, qint64 fromMs, qint64 toMs)
{
    QChart *chart = this->chart();
    clear(chart);
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (const Series &one : series) {
        for (const auto &[time, value] : one.points) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    if (low > high) {
        chart->setTitle(tr("No datapoints in this time range"));
        low = 0;
        high = 1;
    } else {
        chart->setTitle(QString());
    }
    const double margin = std::max((high - low) * 0.1, std::abs(high) * 0.05 + 0.5);
    const qint64 span = toMs - fromMs;

    auto *xAxis = new QDateTimeAxis(chart);
    xAxis->setFormat(span > 24LL * 3600 * 1000 ? u"dd MMM HH:mm"_s : u"HH:mm"_s);
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    xAxis->setTickCount(7);
    xAxis->setLabelsFont(QFont(font().family(), 11));
    auto *yAxis = new QValueAxis(chart);
    yAxis->setRange(low >= 0 && low - margin < 0 ? 0 : low - margin, high + margin);
    yAxis->setLabelsFont(QFont(font().family(), 11));
    yAxis->setLabelFormat(u"%g"_s);
    yAxis->applyNiceNumbers();
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    int colour = 0;
    for (const Series &one : series) {
        auto *line = new QLineSeries(chart);
        line->setName(one.label);
        QPen pen{seriesColour(colour++)};
        pen.setWidth(3);
        line->setPen(pen);
        line->setPointsVisible(true);
        for (const auto &[time, value] : one.points)
            line->append(double(time), value);
        chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    }
}

int MetricChart::seriesCount() const
{
    return int(chart()->series().size());
}

int MetricChart::pointCount() const
{
    int count = 0;
    for (QAbstractSeries *series : chart()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series))
            count += int(line->count());
    }
    return count;
}

} // namespace Gui::CloudWatch
