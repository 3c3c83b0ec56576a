// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/alarmlistmodel.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Gui::CloudWatch {

namespace {

QString operatorSymbol(const QString &comparisonOperator)
{
    if (comparisonOperator == u"GreaterThanOrEqualToThreshold")
        return u">="_s;
    if (comparisonOperator == u"GreaterThanThreshold")
        return u">"_s;
    if (comparisonOperator == u"LessThanThreshold")
        return u"<"_s;
    return u"<="_s;
}

} // namespace

AlarmListModel::AlarmListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AlarmListModel::setAlarms(QList<Core::CloudWatch::Alarm> alarms)
{
    beginResetModel();
    m_alarms = std::move(alarms);
    endResetModel();
}

int AlarmListModel::countInState(const QString &state) const
{
    return int(std::count_if(m_alarms.cbegin(),
        m_alarms.cend(),
        [&state](const Core::CloudWatch::Alarm &alarm) { return alarm.stateValue == state; }));
}

QString AlarmListModel::stateText(const QString &state)
{
    if (state == u"ALARM")
        return tr("In alarm");
    if (state == u"OK")
        return tr("OK");
    return tr("Insufficient data");
}

QColor AlarmListModel::stateColor(const QString &state)
{
    if (state == u"ALARM")
        return QColor(0xd1, 0x32, 0x12);
    if (state == u"OK")
        return QColor(0x1d, 0x81, 0x02);
    return QColor(0x5f, 0x6b, 0x7a);
}

QString AlarmListModel::conditionText(const Core::CloudWatch::Alarm &alarm)
{
    if (alarm.kind == Core::CloudWatch::AlarmKind::Composite)
        return alarm.alarmRule;
    const QString statistic =
        alarm.extendedStatistic.isEmpty() ? alarm.statistic : alarm.extendedStatistic;
    const QString metric = alarm.metrics.isEmpty()
        ? u"%1 %2"_s.arg(statistic, alarm.metric.metricName)
        : tr("metric math");
    const int n = alarm.evaluationPeriods;
    const int m = alarm.datapointsToAlarm.value_or(n);
    if (!alarm.thresholdMetricId.isEmpty()) {
        QString metricName = metric;
        for (const Core::CloudWatch::MetricDataQuery &query : alarm.metrics) {
            if (query.metricStat && query.returnData)
                metricName =
                    u"%1 %2"_s.arg(query.metricStat->stat, query.metricStat->metric.metricName);
        }
        const QString side = alarm.comparisonOperator == u"GreaterThanUpperThreshold"
            ? tr("above the band")
            : alarm.comparisonOperator == u"LessThanLowerThreshold" ? tr("below the band")
                                                                    : tr("outside the band");
        return tr("%1 %2 for %3 of %4 datapoints within %5 s")
            .arg(metricName, side)
            .arg(m)
            .arg(n)
            .arg(alarm.period);
    }
    return tr("%1 %2 %3 for %4 of %5 datapoints within %6 s")
        .arg(metric,
            operatorSymbol(alarm.comparisonOperator),
            QLocale().toString(alarm.threshold.value_or(0)))
        .arg(m)
        .arg(n)
        .arg(alarm.period);
}

int AlarmListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alarms.size());
}

int AlarmListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlarmListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::CloudWatch::Alarm &alarm = m_alarms.at(index.row());
    if (role == StateRole)
        return alarm.stateValue;
    if (role == NameRole)
        return alarm.name;
    if (role == KindRole)
        return int(alarm.kind);
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return alarm.name;
        if (role == Qt::ToolTipRole)
            return alarm.description.isEmpty() ? alarm.arn : alarm.description;
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return stateText(alarm.stateValue);
        if (role == Qt::ForegroundRole)
            return stateColor(alarm.stateValue);
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::ToolTipRole)
            return alarm.stateReason;
        break;
    case ConditionColumn:
        if (role == Qt::DisplayRole)
            return conditionText(alarm);
        break;
    case LastChangeColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(alarm.stateTransitionedMs).toLocalTime(),
                QLocale::ShortFormat);
        if (role == Qt::UserRole)
            return alarm.stateTransitionedMs;
        break;
    default:
        break;
    }
    return {};
}

QVariant AlarmListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case ConditionColumn:
        return tr("Conditions");
    case LastChangeColumn:
        return tr("Last state update");
    default:
        return {};
    }
}

} // namespace Gui::CloudWatch
