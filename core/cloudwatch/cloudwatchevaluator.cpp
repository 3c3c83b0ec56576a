// SPDX-License-Identifier: MIT
#include "core/cloudwatch/alarmactiontarget.h"
#include "core/cloudwatch/alarmevaluation.h"
#include "core/cloudwatch/alarmrule.h"
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch {

namespace {

// A jump of the clock by days would evaluate thousands of periods; older ones cannot change the
// outcome beyond the evaluation range, so only the most recent ones are evaluated.
constexpr int MaxCatchUpPeriods = 1500;
constexpr qint64 MaxTimerDelayMs = 60'000;

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parsedOrText(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

void CloudWatchService::scheduleEvaluation()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Alarm &alarm : m_alarms.alarms()) {
        if (alarm.kind == AlarmKind::Metric)
            next = std::min(next, alarm.nextEvaluationMs);
    }
    m_nextDueMs = next;
    if (next == std::numeric_limits<qint64>::max()) {
        m_evaluationTimer.stop();
        return;
    }
    const qint64 delay = std::clamp<qint64>(next - nowMs(), 0, MaxTimerDelayMs);
    m_evaluationTimer.start(int(delay));
}

void CloudWatchService::evaluateDueAlarms()
{
    const qint64 now = nowMs();
    if (now < m_nextDueMs) {
        scheduleEvaluation();
        return;
    }
    flushMetricSink();
    m_trainingHistory.emplace();
    const auto forgetTrainingHistory = qScopeGuard([this] { m_trainingHistory.reset(); });
    Storage::SqlTransaction transaction(m_database.connection());
    QStringList changed;
    bool touched = false;
    for (Alarm alarm : m_alarms.alarms()) {
        if (alarm.kind != AlarmKind::Metric || alarm.nextEvaluationMs > now || alarm.period <= 0)
            continue;
        const qint64 periodMs = qint64(alarm.period) * 1000;
        qint64 at = alarm.nextEvaluationMs;
        const qint64 periodsDue = (now - at) / periodMs + 1;
        if (periodsDue > MaxCatchUpPeriods)
            at += (periodsDue - MaxCatchUpPeriods) * periodMs;
        for (; at <= now; at += periodMs) {
            evaluateMetricAlarm(alarm, at, &changed);
            // Composite alarms follow their children at the moment the children change.
            if (!changed.isEmpty()) {
                m_alarms.save(alarm);
                evaluateCompositeAlarms(changed, at);
                changed.clear();
            }
        }
        alarm.nextEvaluationMs = at;
        m_alarms.save(alarm);
        touched = true;
    }
    transaction.commit();
    if (touched)
        m_alarmsChanged->touch();
    scheduleEvaluation();
}

void CloudWatchService::evaluateMetricAlarm(Alarm &alarm, qint64 atMs, QStringList *changed)
{
    const int range = AlarmEvaluation::evaluationRange(alarm);
    const qint64 periodMs = qint64(alarm.period) * 1000;
    const qint64 windowStart = atMs - range * periodMs;
    QMap<qint64, std::pair<double, double>> values; // period start -> value, sample count
    QMap<qint64, std::pair<double, double>> bands; // period start -> lower, upper
    if (alarm.metrics.isEmpty()) {
        const QString statistic =
            alarm.extendedStatistic.isEmpty() ? alarm.statistic : alarm.extendedStatistic;
        for (const SeriesPoint &point :
            metricSeries(alarm.metric, windowStart, atMs, alarm.period, statistic, alarm.unit))
            values.insert(point.timestampMs, {point.value, point.sampleCount});
    } else {
        QList<MetricDataQuery> queries = alarm.metrics;
        for (MetricDataQuery &query : queries) {
            if (!query.metricStat && query.period <= 0)
                query.period = alarm.period;
        }
        const auto results = computeMetricData(queries, windowStart, atMs, true);
        // Anomaly detection alarms: the ThresholdMetricId query gives two results, the lower and
        // the upper bound; the other returned query is the watched series.
        QList<const MetricDataResult *> band;
        const MetricDataResult *watched = nullptr;
        for (const MetricDataResult &result : results ? *results : QList<MetricDataResult>()) {
            if (!alarm.thresholdMetricId.isEmpty() && result.id == alarm.thresholdMetricId)
                band.append(&result);
            else if (!watched)
                watched = &result;
        }
        if (watched) {
            for (qsizetype i = 0; i < watched->timestamps.size(); ++i)
                values.insert(watched->timestamps.at(i), {watched->values.at(i), 1.0});
        }
        if (band.size() == 2) {
            for (qsizetype i = 0; i < band.at(0)->timestamps.size(); ++i)
                bands.insert(band.at(0)->timestamps.at(i), {band.at(0)->values.at(i), 0.0});
            for (qsizetype i = 0; i < band.at(1)->timestamps.size(); ++i) {
                if (const auto it = bands.find(band.at(1)->timestamps.at(i)); it != bands.end())
                    it->second = band.at(1)->values.at(i);
            }
        }
    }
    QList<AlarmEvaluation::Point> points;
    for (int k = 1; k <= range; ++k) {
        AlarmEvaluation::Point point;
        point.timestampMs = atMs - k * periodMs;
        if (const auto found = values.constFind(point.timestampMs); found != values.cend()) {
            point.value = found->first;
            point.sampleCount = found->second;
        }
        if (const auto found = bands.constFind(point.timestampMs); found != bands.cend()) {
            point.lower = found->first;
            point.upper = found->second;
        }
        points.append(point);
    }
    const AlarmEvaluation::Outcome outcome = AlarmEvaluation::evaluate(alarm, points, atMs);
    if (outcome.state.isEmpty() || outcome.state == alarm.stateValue)
        return;
    changeState(alarm, outcome.state, outcome.reason, compact(outcome.reasonData), atMs);
    changed->append(alarm.name);
}

void CloudWatchService::evaluateCompositeAlarms(const QStringList &changedAlarms, qint64 atMs)
{
    QStringList pending = changedAlarms;
    QStringList visited;
    while (!pending.isEmpty()) {
        const QString child = pending.takeFirst();
        visited.append(child);
        QHash<QString, QString> states;
        const QList<Alarm> all = m_alarms.alarms();
        for (const Alarm &alarm : all)
            states.insert(alarm.name, alarm.stateValue);
        for (Alarm alarm : all) {
            if (alarm.kind != AlarmKind::Composite)
                continue;
            const auto rule = AlarmRule::parse(alarm.alarmRule);
            if (!rule || !rule->referencedAlarms().contains(child))
                continue;
            const bool firing =
                rule->evaluate([&states](const QString &name) { return states.value(name); });
            const QString state = firing ? u"ALARM"_s : u"OK"_s;
            if (state == alarm.stateValue)
                continue;
            QJsonArray triggering;
            for (const QString &name : rule->referencedAlarms()) {
                if (states.contains(name))
                    triggering.append(QJsonObject{{u"arn"_s, alarmArn(name)},
                        {u"state"_s,
                            QJsonObject{{u"value"_s, states.value(name)},
                                {u"timestamp"_s, AlarmEvaluation::isoTimestamp(atMs)}}}});
            }
            const QString reason = u"%1 transitioned to %2 at %3"_s.arg(alarmArn(child),
                states.value(child),
                QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC)
                    .toString(u"dddd dd MMMM, yyyy HH:mm:ss 'UTC'"_s));
            changeState(alarm,
                state,
                reason,
                compact(QJsonObject{{u"triggeringAlarms"_s, triggering}}),
                atMs);
            m_alarms.save(alarm);
            if (!visited.contains(alarm.name))
                pending.append(alarm.name);
        }
    }
}

void CloudWatchService::changeState(Alarm &alarm,
    const QString &state,
    const QString &reason,
    const QString &reasonData,
    qint64 atMs)
{
    const QString oldState = alarm.stateValue;
    QJsonObject oldObject{{u"stateValue"_s, oldState}, {u"stateReason"_s, alarm.stateReason}};
    if (!alarm.stateReasonData.isEmpty())
        oldObject.insert(u"stateReasonData"_s, parsedOrText(alarm.stateReasonData));
    QJsonObject newObject{{u"stateValue"_s, state}, {u"stateReason"_s, reason}};
    if (!reasonData.isEmpty())
        newObject.insert(u"stateReasonData"_s, parsedOrText(reasonData));
    alarm.stateValue = state;
    alarm.stateReason = reason;
    alarm.stateReasonData = reasonData;
    alarm.stateUpdatedMs = atMs;
    if (oldState != state)
        alarm.stateTransitionedMs = atMs;
    addHistory(alarm,
        atMs,
        u"StateUpdate"_s,
        u"Alarm updated from %1 to %2"_s.arg(oldState, state),
        compact(QJsonObject{
            {u"version"_s, u"1.0"_s}, {u"oldState"_s, oldObject}, {u"newState"_s, newObject}}));
    if (oldState != state)
        runActions(alarm, oldState, atMs);
}

void CloudWatchService::runActions(const Alarm &alarm, const QString &oldState, qint64 atMs)
{
    if (!alarm.actionsEnabled)
        return;
    const QStringList &actions = alarm.stateValue == u"ALARM" ? alarm.alarmActions
        : alarm.stateValue == u"OK"                           ? alarm.okActions
                                                              : alarm.insufficientDataActions;
    if (actions.isEmpty())
        return;
    // The event a Lambda function receives from a CloudWatch alarm action.
    QJsonObject configuration{{u"description"_s, alarm.description}};
    if (alarm.kind == AlarmKind::Metric && alarm.metrics.isEmpty()) {
        QJsonObject dimensions;
        for (const Dimension &dimension : alarm.metric.dimensions)
            dimensions.insert(dimension.name, dimension.value);
        configuration.insert(u"metrics"_s,
            QJsonArray{QJsonObject{{u"id"_s, u"m1"_s},
                {u"metricStat"_s,
                    QJsonObject{{u"metric"_s,
                                    QJsonObject{{u"namespace"_s, alarm.metric.metricNamespace},
                                        {u"name"_s, alarm.metric.metricName},
                                        {u"dimensions"_s, dimensions}}},
                        {u"period"_s, alarm.period},
                        {u"stat"_s,
                            alarm.extendedStatistic.isEmpty() ? alarm.statistic
                                                              : alarm.extendedStatistic}}},
                {u"returnData"_s, true}}});
    } else if (alarm.kind == AlarmKind::Composite) {
        configuration.insert(u"alarmRule"_s, alarm.alarmRule);
    }
    const QJsonObject event{{u"source"_s, u"aws.cloudwatch"_s},
        {u"alarmArn"_s, alarm.arn},
        {u"accountId"_s, m_accountId},
        {u"time"_s, AlarmEvaluation::isoTimestamp(atMs)},
        {u"region"_s, m_region},
        {u"alarmData"_s,
            QJsonObject{{u"alarmName"_s, alarm.name},
                {u"state"_s,
                    QJsonObject{{u"value"_s, alarm.stateValue},
                        {u"reason"_s, alarm.stateReason},
                        {u"reasonData"_s, alarm.stateReasonData},
                        {u"timestamp"_s, AlarmEvaluation::isoTimestamp(atMs)}}},
                {u"previousState"_s, QJsonObject{{u"value"_s, oldState}}},
                {u"configuration"_s, configuration}}}};
    const QByteArray payload = QJsonDocument(event).toJson(QJsonDocument::Compact);
    for (const QString &action : actions) {
        QString error;
        bool ok = false;
        if (action.startsWith(u"arn:aws:lambda:")) {
            if (m_actionTarget)
                ok = m_actionTarget->invokeAlarmAction(action, payload, &error);
            else
                error = u"Lambda is not available on this endpoint"_s;
        } else if (action.startsWith(u"arn:aws:sns:")) {
            error = u"SNS is not available on this endpoint; the notification was not delivered"_s;
        } else {
            error = u"Action type is not supported on this endpoint"_s;
        }
        QJsonObject data{{u"actionState"_s, ok ? u"Succeeded"_s : u"Failed"_s},
            {u"stateUpdateTimestamp"_s, alarm.stateUpdatedMs},
            {u"notificationResource"_s, action}};
        if (!ok)
            data.insert(u"error"_s, error);
        addHistory(alarm,
            atMs,
            u"Action"_s,
            (ok ? u"Successfully executed action %1"_s : u"Failed to execute action %1"_s)
                .arg(action),
            compact(data));
    }
}

void CloudWatchService::addHistory(const Alarm &alarm,
    qint64 atMs,
    const QString &type,
    const QString &summary,
    const QString &data)
{
    m_alarms.addHistory({alarm.name,
        alarm.kind == AlarmKind::Composite ? u"CompositeAlarm"_s : u"MetricAlarm"_s,
        atMs,
        type,
        summary,
        data});
}

} // namespace Core::CloudWatch
