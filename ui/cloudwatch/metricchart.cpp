// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/metricchart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
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

// Lines up to this many get point markers and a wide pen.
constexpr int FewLines = 10;
constexpr int MaxMarkedPoints = 100;

} // namespace

MetricChart::MetricChart(QWidget *parent)
    : QChartView(parent)
    , m_message(new QLabel(viewport()))
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(280);
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->legend()->setFont(QFont(font().family(), 12));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    m_message->setObjectName(u"chartMessage"_s);
    m_message->setFont(QFont(font().family(), 14, QFont::Bold));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_message->hide();
}

QList<QPointF> MetricChart::decimated(const QList<std::pair<qint64, double>> &points, int maxPoints)
{
    QList<QPointF> out;
    if (points.size() <= maxPoints) {
        out.reserve(points.size());
        for (const auto &[time, value] : points)
            out.append(QPointF(double(time), value));
        return out;
    }
    const int buckets = std::max(1, maxPoints / 2);
    out.reserve(qsizetype(buckets) * 2);
    const double first = double(points.front().first);
    const double width = (double(points.back().first) - first + 1) / buckets;
    qsizetype i = 0;
    for (int bucket = 0; bucket < buckets && i < points.size(); ++bucket) {
        const double end = first + width * (bucket + 1);
        qsizetype low = -1;
        qsizetype high = -1;
        for (; i < points.size() && (double(points[i].first) < end || bucket == buckets - 1); ++i) {
            if (low < 0 || points[i].second < points[low].second)
                low = i;
            if (high < 0 || points[i].second > points[high].second)
                high = i;
        }
        if (low < 0)
            continue;
        for (const qsizetype at : {std::min(low, high), std::max(low, high)}) {
            out.append(QPointF(double(points[at].first), points[at].second));
            if (low == high)
                break;
        }
    }
    return out;
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_message->setGeometry(viewport()->rect().adjusted(24, 24, -24, -24));
}

void MetricChart::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setGeometry(viewport()->rect().adjusted(24, 24, -24, -24));
    m_message->setVisible(!message.isEmpty());
}

QString MetricChart::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QColor MetricChart::seriesColour(int index)
{
    return QColor::fromRgb(Palette[qsizetype(index) % qsizetype(std::size(Palette))]);
}

void MetricChart::showMessage(const QString &message)
{
    clear(chart());
    setMessage(message);
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
        setMessage(tr("No datapoints in this time range"));
        low = 0;
        high = 1;
    } else {
        setMessage(QString());
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
    const bool few = series.size() <= FewLines;
    chart->legend()->setVisible(series.size() <= MaxLegendLines);
    const int linePoints = int(std::clamp<qsizetype>(
        MaxChartPoints / std::max<qsizetype>(1, series.size()), 2, MaxLinePoints));
    int colour = 0;
    for (const Series &one : series) {
        auto *line = new QLineSeries(chart);
        line->setName(one.label);
        QPen pen{seriesColour(colour++)};
        pen.setWidth(few ? 3 : 1);
        line->setPen(pen);
        line->setPointsVisible(few && one.points.size() <= MaxMarkedPoints);
        line->replace(decimated(one.points, linePoints)); // one change signal, not one per point
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
