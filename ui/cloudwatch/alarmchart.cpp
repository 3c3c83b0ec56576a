// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/alarmchart.h"

#include "ui/cloudwatch/alarmlistmodel.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Gui::CloudWatch {

AlarmChart::AlarmChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(320);
    chart()->legend()->setFont(QFont(font().family(), 13));
    chart()->setTitleFont(QFont(font().family(), 16, QFont::Bold));
}

void AlarmChart::setData(const Core::CloudWatch::Alarm &alarm,
    const QList<std::pair<qint64, double>> &points,
    const QList<Transition> &transitionsOldestFirst,
    qint64 fromMs,
    qint64 toMs,
    const QList<BandPoint> &band)
{
    QChart *chart = this->chart();
    chart->removeAllSeries();
    // removeAxis() hands the axis back to the caller.
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(alarm.metrics.isEmpty()
            ? u"%1 / %2"_s.arg(alarm.metric.metricNamespace, alarm.metric.metricName)
            : alarm.name);

    const double threshold = alarm.threshold.value_or(0);
    const bool anomalyDetection = !alarm.thresholdMetricId.isEmpty();
    double low = anomalyDetection ? std::numeric_limits<double>::max() : threshold;
    double high = anomalyDetection ? std::numeric_limits<double>::lowest() : threshold;
    for (const auto &[time, value] : points) {
        low = std::min(low, value);
        high = std::max(high, value);
    }
    for (const BandPoint &point : band) {
        low = std::min(low, point.lower);
        high = std::max(high, point.upper);
    }
    if (low > high) {
        low = 0;
        high = 0;
    }
    const double margin = std::max(1.0, (high - low) * 0.15);
    low -= margin;
    high += margin;

    auto *xAxis = new QDateTimeAxis(chart);
    xAxis->setFormat(u"HH:mm"_s);
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    xAxis->setLabelsFont(QFont(font().family(), 13));
    auto *yAxis = new QValueAxis(chart);
    yAxis->setRange(low, high);
    yAxis->setLabelsFont(QFont(font().family(), 13));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    const auto attach = [&](QAbstractSeries *series) {
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    };

    // ALARM ranges: from each transition into ALARM to the next transition out of it.
    qint64 alarmSince = -1;
    QList<std::pair<qint64, qint64>> ranges;
    for (const Transition &transition : transitionsOldestFirst) {
        if (transition.state == u"ALARM" && alarmSince < 0)
            alarmSince = transition.timestampMs;
        else if (transition.state != u"ALARM" && alarmSince >= 0) {
            ranges.append({alarmSince, transition.timestampMs});
            alarmSince = -1;
        }
    }
    if (alarmSince >= 0)
        ranges.append({alarmSince, toMs});
    bool firstRange = true;
    for (const auto &[start, end] : ranges) {
        auto *upper = new QLineSeries(chart);
        auto *lower = new QLineSeries(chart);
        upper->append(double(std::max(start, fromMs)), high);
        upper->append(double(std::min(end, toMs)), high);
        lower->append(double(std::max(start, fromMs)), low);
        lower->append(double(std::min(end, toMs)), low);
        auto *area = new QAreaSeries(upper, lower);
        QColor shade = AlarmListModel::stateColor(u"ALARM"_s);
        shade.setAlpha(50);
        area->setBrush(shade);
        area->setPen(Qt::NoPen);
        area->setName(tr("In alarm"));
        attach(area);
        if (!firstRange)
            chart->legend()->markers(area).constFirst()->setVisible(false);
        firstRange = false;
    }

    if (!band.isEmpty()) {
        auto *upper = new QLineSeries(chart);
        auto *lower = new QLineSeries(chart);
        for (const BandPoint &point : band) {
            upper->append(double(point.timestampMs), point.upper);
            lower->append(double(point.timestampMs), point.lower);
        }
        auto *area = new QAreaSeries(upper, lower);
        area->setName(tr("Expected band"));
        area->setBrush(QColor(0x87, 0x95, 0xa1, 90));
        QPen edge(QColor(0x87, 0x95, 0xa1));
        edge.setWidth(1);
        area->setPen(edge);
        attach(area);
    }

    auto *line = new QLineSeries(chart);
    QString lineName = alarm.metrics.isEmpty()
        ? (alarm.extendedStatistic.isEmpty() ? alarm.statistic : alarm.extendedStatistic)
        : tr("Expression");
    for (const Core::CloudWatch::MetricDataQuery &query : alarm.metrics) {
        // An anomaly detection alarm watches one metric: name it as the console does.
        if (anomalyDetection && query.returnData && query.id != alarm.thresholdMetricId)
            lineName = !query.label.isEmpty() ? query.label
                : query.metricStat
                ? u"%1 %2"_s.arg(query.metricStat->stat, query.metricStat->metric.metricName)
                : query.id;
    }
    line->setName(lineName);
    QPen pen(QColor(0x00, 0x73, 0xbb));
    pen.setWidth(3);
    line->setPen(pen);
    auto *marks = new QScatterSeries(chart);
    marks->setName(tr("Datapoints"));
    marks->setMarkerSize(11);
    marks->setColor(QColor(0x00, 0x73, 0xbb));
    for (const auto &[time, value] : points) {
        line->append(double(time), value);
        marks->append(double(time), value);
    }
    attach(line);
    attach(marks);

    if (anomalyDetection)
        return;
    auto *thresholdLine = new QLineSeries(chart);
    thresholdLine->setName(tr("Threshold %1").arg(QLocale().toString(threshold)));
    QPen dashed(AlarmListModel::stateColor(u"ALARM"_s));
    dashed.setWidth(3);
    dashed.setStyle(Qt::DashLine);
    thresholdLine->setPen(dashed);
    thresholdLine->append(double(fromMs), threshold);
    thresholdLine->append(double(toMs), threshold);
    attach(thresholdLine);
}

} // namespace Gui::CloudWatch
