// SPDX-License-Identifier: MIT
#include "core/cloudwatch/alarmevaluation.h"
#include "core/cloudwatch/alarmrule.h"
#include "core/cloudwatch/cloudwatcherrors.h"
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/cloudwatch/metricmath.h"
#include "core/cloudwatch/statistics.h"
#include "core/common/coalescer.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch {

namespace {

constexpr qint64 DaySeconds = 86400;

using CloudWatchErrors::invalidValue;
using CloudWatchErrors::missing;

// Put*Alarm on an existing alarm overwrites the configuration and keeps the state (and the tags
// when none are given); a new alarm starts in INSUFFICIENT_DATA.
Status carryOverState(Alarm &alarm, const std::optional<Alarm> &existing, qint64 now)
{
    if (existing && existing->kind != alarm.kind)
        return fail(u"ValidationError"_s,
            u"An alarm named %1 of another type already exists."_s.arg(alarm.name));
    if (existing) {
        alarm.stateValue = existing->stateValue;
        alarm.stateReason = existing->stateReason;
        alarm.stateReasonData = existing->stateReasonData;
        alarm.stateUpdatedMs = existing->stateUpdatedMs;
        alarm.stateTransitionedMs = existing->stateTransitionedMs;
        if (alarm.tags.isEmpty())
            alarm.tags = existing->tags;
    } else {
        alarm.stateValue = u"INSUFFICIENT_DATA"_s;
        alarm.stateReason = u"Unchecked: Initial alarm creation"_s;
        alarm.stateUpdatedMs = now;
        alarm.stateTransitionedMs = now;
    }
    alarm.configurationUpdatedMs = now;
    return {};
}

Status validateName(const QString &name)
{
    if (name.isEmpty())
        return missing(u"AlarmName"_s);
    if (name.size() > 255)
        return invalidValue(name, u"AlarmName"_s);
    return {};
}

Status validateActions(const Alarm &alarm)
{
    const std::pair<const char16_t *, const QStringList *> lists[] = {
        {u"OKActions", &alarm.okActions},
        {u"AlarmActions", &alarm.alarmActions},
        {u"InsufficientDataActions", &alarm.insufficientDataActions}};
    for (const auto &[name, actions] : lists) {
        if (actions->size() > 5)
            return fail(u"InvalidParameterValue"_s,
                u"The collection %1 must not have a size greater than 5."_s.arg(
                    QString::fromUtf16(name)));
        for (const QString &action : *actions) {
            if (!action.startsWith(u"arn:aws:"))
                return fail(u"ValidationError"_s, u"Invalid arn syntax: %1"_s.arg(action));
        }
    }
    return {};
}

Status validateMetricAlarm(const Alarm &alarm)
{
    if (auto valid = validateName(alarm.name); !valid)
        return valid;
    if (alarm.evaluationPeriods <= 0)
        return alarm.evaluationPeriods == 0
            ? missing(u"EvaluationPeriods"_s)
            : invalidValue(QString::number(alarm.evaluationPeriods), u"EvaluationPeriods"_s);
    static const QStringList operators{u"GreaterThanOrEqualToThreshold"_s,
        u"GreaterThanThreshold"_s,
        u"LessThanThreshold"_s,
        u"LessThanOrEqualToThreshold"_s};
    if (alarm.comparisonOperator.isEmpty())
        return missing(u"ComparisonOperator"_s);
    const bool band = AlarmEvaluation::isBandOperator(alarm.comparisonOperator);
    if (!operators.contains(alarm.comparisonOperator) && !band)
        return invalidValue(alarm.comparisonOperator, u"ComparisonOperator"_s);
    if (band != !alarm.thresholdMetricId.isEmpty())
        return fail(u"ValidationError"_s,
            band ? u"ThresholdMetricId must be specified for the comparison operator %1."_s.arg(
                alarm.comparisonOperator)
                 : u"Comparison operator %1 is not supported for alarms based on anomaly detection "
                   u"models. Use LessThanLowerOrGreaterThanUpperThreshold, "
                   u"LessThanLowerThreshold or GreaterThanUpperThreshold."_s.arg(
                       alarm.comparisonOperator));
    if (band && alarm.threshold)
        return fail(u"ValidationError"_s,
            u"Threshold should not be specified for alarms based on anomaly detection models "
            u"(ThresholdMetricId is set)."_s);
    if (!band && !alarm.threshold)
        return missing(u"Threshold"_s);
    if (band) {
        const auto found = std::find_if(alarm.metrics.cbegin(),
            alarm.metrics.cend(),
            [&alarm](const MetricDataQuery &query) { return query.id == alarm.thresholdMetricId; });
        const QString source = found == alarm.metrics.cend()
            ? QString()
            : MetricMath::anomalyDetectionBandSource(found->expression);
        const bool sourceListed = std::any_of(alarm.metrics.cbegin(),
            alarm.metrics.cend(),
            [&source](const MetricDataQuery &query) { return query.id == source; });
        if (source.isEmpty() || !sourceListed)
            return fail(u"ValidationError"_s,
                u"ThresholdMetricId %1 must be the Id of an ANOMALY_DETECTION_BAND expression "
                u"in Metrics."_s.arg(alarm.thresholdMetricId));
    }
    if (alarm.datapointsToAlarm
        && (*alarm.datapointsToAlarm < 1 || *alarm.datapointsToAlarm > alarm.evaluationPeriods))
        return fail(u"ValidationError"_s,
            u"DatapointsToAlarm must be greater than 0 and less than or equal to EvaluationPeriods."_s);
    static const QStringList treatments{
        u"breaching"_s, u"notBreaching"_s, u"ignore"_s, u"missing"_s};
    if (!alarm.treatMissingData.isEmpty() && !treatments.contains(alarm.treatMissingData))
        return invalidValue(alarm.treatMissingData, u"TreatMissingData"_s);
    if (!alarm.unit.isEmpty() && !MetricSink::standardUnits().contains(alarm.unit))
        return invalidValue(alarm.unit, u"Unit"_s);
    const bool single = !alarm.metric.metricName.isEmpty()
        || !alarm.metric.metricNamespace.isEmpty() || !alarm.statistic.isEmpty()
        || !alarm.extendedStatistic.isEmpty() || alarm.period > 0;
    if (single && !alarm.metrics.isEmpty())
        return fail(u"ValidationError"_s,
            u"Metrics list must not be set when MetricName, Namespace, Dimensions, Period, Unit, "
            u"Statistic or ExtendedStatistic are set."_s);
    int period = alarm.period;
    if (alarm.metrics.isEmpty()) {
        if (alarm.metric.metricName.isEmpty())
            return missing(u"MetricName"_s);
        if (alarm.metric.metricNamespace.isEmpty())
            return missing(u"Namespace"_s);
        if (alarm.metric.dimensions.size() > 30)
            return fail(u"InvalidParameterValue"_s,
                u"The collection Dimensions must not have a size greater than 30."_s);
        if (alarm.statistic.isEmpty() == alarm.extendedStatistic.isEmpty())
            return fail(u"InvalidParameterCombination"_s,
                u"Exactly one of Statistic or ExtendedStatistic must be specified."_s);
        if (!alarm.statistic.isEmpty() && !Statistics::isStatistic(alarm.statistic))
            return invalidValue(alarm.statistic, u"Statistic"_s);
        if (!alarm.extendedStatistic.isEmpty()
            && !Statistics::isExtendedStatistic(alarm.extendedStatistic))
            return invalidValue(alarm.extendedStatistic, u"ExtendedStatistic"_s);
        if (period <= 0)
            return missing(u"Period"_s);
    } else {
        int returning = 0;
        for (qsizetype i = 0; i < alarm.metrics.size(); ++i) {
            const MetricDataQuery &query = alarm.metrics.at(i);
            if (query.id.isEmpty())
                return missing(u"Metrics.member.%1.Id"_s.arg(i + 1));
            if (query.metricStat.has_value() == !query.expression.isEmpty())
                return fail(u"ValidationError"_s,
                    u"Exactly one of MetricStat and Expression must be specified in Metrics.member.%1"_s
                        .arg(i + 1));
            if (query.returnData)
                ++returning;
            if (query.metricStat)
                period = std::max(period, query.metricStat->period);
            else if (query.period > 0)
                period = std::max(period, query.period);
        }
        // An anomaly detection alarm returns the band and the series it watches.
        if (returning != (band ? 2 : 1))
            return fail(u"ValidationError"_s,
                band ? u"Exactly two elements of the metrics list should return data: the "
                       u"ANOMALY_DETECTION_BAND expression and the metric or expression it "
                       u"watches."_s
                     : u"Exactly one element of the metrics list should return data."_s);
        if (period <= 0)
            return fail(
                u"ValidationError"_s, u"Period must be specified for the metrics of the alarm."_s);
    }
    if (period < 60 ? (period != 10 && period != 30) : period % 60 != 0)
        return fail(u"InvalidParameterValue"_s,
            u"The parameter Period must be 10, 30 or a multiple of 60."_s);
    if (qint64(period) * alarm.evaluationPeriods > DaySeconds)
        return fail(u"ValidationError"_s,
            u"Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be "
            u"<= 86400)."_s);
    return validateActions(alarm);
}

QString stateValueValid(const QString &state)
{
    static const QStringList states{u"OK"_s, u"ALARM"_s, u"INSUFFICIENT_DATA"_s};
    return states.contains(state) ? state : QString();
}

} // namespace

Status CloudWatchService::putMetricAlarm(const Alarm &input)
{
    if (auto valid = validateMetricAlarm(input); !valid)
        return valid;
    const qint64 now = nowMs();
    Alarm alarm = input;
    alarm.kind = AlarmKind::Metric;
    alarm.arn = alarmArn(alarm.name);
    if (alarm.period <= 0) {
        for (const MetricDataQuery &query : alarm.metrics)
            alarm.period =
                std::max(alarm.period, query.metricStat ? query.metricStat->period : query.period);
    }
    alarm.metric.dimensions = MetricStore::sorted(alarm.metric.dimensions);
    const auto existing = m_alarms.alarm(alarm.name);
    if (auto carried = carryOverState(alarm, existing, now); !carried)
        return carried;
    const qint64 periodMs = qint64(alarm.period) * 1000;
    alarm.nextEvaluationMs = (now / periodMs + 1) * periodMs;
    Storage::SqlTransaction transaction(m_database.connection());
    m_alarms.save(alarm);
    if (!alarm.thresholdMetricId.isEmpty())
        ensureAnomalyDetector(alarm);
    const QString type = existing ? u"Update"_s : u"Create"_s;
    addHistory(alarm,
        now,
        u"ConfigurationUpdate"_s,
        u"Alarm \"%1\" %2"_s.arg(alarm.name, existing ? u"updated"_s : u"created"_s),
        QString::fromUtf8(QJsonDocument(
            QJsonObject{{u"version"_s, u"1.0"_s},
                {u"type"_s, type},
                {existing ? u"updatedAlarm"_s : u"createdAlarm"_s,
                    QJsonObject{{u"alarmName"_s, alarm.name},
                        {u"alarmArn"_s, alarm.arn},
                        {u"period"_s, alarm.period},
                        {u"evaluationPeriods"_s, alarm.evaluationPeriods},
                        {u"threshold"_s, alarm.threshold.value_or(0)},
                        {u"comparisonOperator"_s, alarm.comparisonOperator},
                        {u"treatMissingData"_s,
                            alarm.treatMissingData.isEmpty() ? u"missing"_s
                                                             : alarm.treatMissingData},
                        {u"actionsEnabled"_s, alarm.actionsEnabled}}}})
                              .toJson(QJsonDocument::Compact)));
    if (!transaction.commit())
        return std::unexpected(CommonErrors::internalFailure(u"The alarm could not be stored."_s));
    m_alarmsChanged->touch();
    scheduleEvaluation();
    return {};
}

Status CloudWatchService::putCompositeAlarm(const Alarm &input)
{
    if (auto valid = validateName(input.name); !valid)
        return valid;
    if (input.alarmRule.isEmpty())
        return missing(u"AlarmRule"_s);
    if (input.alarmRule.size() > 10240)
        return invalidValue(input.alarmRule, u"AlarmRule"_s);
    const auto rule = AlarmRule::parse(input.alarmRule);
    if (!rule)
        return std::unexpected(rule.error());
    if (rule->referencedAlarms().contains(input.name))
        return fail(
            u"ValidationError"_s, u"A composite alarm cannot reference itself in its AlarmRule."_s);
    QStringList missingAlarms;
    for (const QString &name : rule->referencedAlarms()) {
        if (!missingAlarms.contains(name) && !m_alarms.alarm(name))
            missingAlarms.append(name);
    }
    if (!missingAlarms.isEmpty())
        return fail(u"ValidationError"_s,
            u"Could not save the composite alarm as alarms [%1] in the alarm rule do not exist"_s
                .arg(missingAlarms.join(u", "_s)));
    if (auto valid = validateActions(input); !valid)
        return valid;
    const qint64 now = nowMs();
    Alarm alarm = input;
    alarm.kind = AlarmKind::Composite;
    alarm.arn = alarmArn(alarm.name);
    const auto existing = m_alarms.alarm(alarm.name);
    if (auto carried = carryOverState(alarm, existing, now); !carried)
        return carried;
    Storage::SqlTransaction transaction(m_database.connection());
    m_alarms.save(alarm);
    addHistory(alarm,
        now,
        u"ConfigurationUpdate"_s,
        u"Alarm \"%1\" %2"_s.arg(alarm.name, existing ? u"updated"_s : u"created"_s),
        QString::fromUtf8(QJsonDocument(QJsonObject{{u"version"_s, u"1.0"_s},
                                            {u"type"_s, existing ? u"Update"_s : u"Create"_s},
                                            {existing ? u"updatedAlarm"_s : u"createdAlarm"_s,
                                                QJsonObject{{u"alarmName"_s, alarm.name},
                                                    {u"alarmArn"_s, alarm.arn},
                                                    {u"alarmRule"_s, alarm.alarmRule},
                                                    {u"actionsEnabled"_s, alarm.actionsEnabled}}}})
                              .toJson(QJsonDocument::Compact)));
    evaluateCompositeAlarms(rule->referencedAlarms(), now);
    if (!transaction.commit())
        return std::unexpected(CommonErrors::internalFailure(u"The alarm could not be stored."_s));
    m_alarmsChanged->touch();
    return {};
}

Result<DescribeAlarmsResponse> CloudWatchService::describeAlarms(
    const DescribeAlarmsRequest &request)
{
    if (!request.alarmNames.isEmpty() && !request.alarmNamePrefix.isEmpty())
        return fail(u"InvalidParameterCombination"_s,
            u"AlarmNamePrefix and AlarmNames cannot be specified together."_s);
    if (request.alarmNames.size() > 100)
        return fail(u"InvalidParameterValue"_s,
            u"The collection AlarmNames must not have a size greater than 100."_s);
    if (!request.stateValue.isEmpty() && stateValueValid(request.stateValue).isEmpty())
        return invalidValue(request.stateValue, u"StateValue"_s);
    if (request.maxRecords < 1 || request.maxRecords > 100)
        return invalidValue(QString::number(request.maxRecords), u"MaxRecords"_s);
    for (const QString &type : request.alarmTypes) {
        if (type != u"MetricAlarm" && type != u"CompositeAlarm")
            return invalidValue(type, u"AlarmTypes"_s);
    }
    const bool children = !request.childrenOfAlarmName.isEmpty();
    const bool parents = !request.parentsOfAlarmName.isEmpty();
    if (children || parents) {
        if (children && parents)
            return fail(u"ValidationError"_s,
                u"ChildrenOfAlarmName and ParentsOfAlarmName cannot be specified together."_s);
        if (!request.alarmNames.isEmpty() || !request.alarmNamePrefix.isEmpty()
            || !request.alarmTypes.isEmpty() || !request.stateValue.isEmpty()
            || !request.actionPrefix.isEmpty())
            return fail(u"ValidationError"_s,
                u"If %1 is specified, no other parameters except MaxRecords and NextToken can "
                u"be specified."_s.arg(
                    children ? u"ChildrenOfAlarmName"_s : u"ParentsOfAlarmName"_s));
    }
    const QList<Alarm> stored = m_alarms.alarms();
    // DescribeAlarms ChildrenOfAlarmName / ParentsOfAlarmName: the alarms linked through
    // AlarmRule, of both types, with only some of their fields on the wire.
    std::optional<QSet<QString>> related;
    if (children) {
        related.emplace();
        for (const Alarm &alarm : stored) {
            if (alarm.kind != AlarmKind::Composite || alarm.name != request.childrenOfAlarmName)
                continue;
            if (const auto rule = AlarmRule::parse(alarm.alarmRule)) {
                for (const QString &name : rule->referencedAlarms())
                    related->insert(name);
            }
        }
    } else if (parents) {
        related.emplace();
        for (const Alarm &alarm : stored) {
            if (alarm.kind != AlarmKind::Composite)
                continue;
            if (const auto rule = AlarmRule::parse(alarm.alarmRule);
                rule && rule->referencedAlarms().contains(request.parentsOfAlarmName))
                related->insert(alarm.name);
        }
    }
    const bool metricTypes =
        related || request.alarmTypes.isEmpty() || request.alarmTypes.contains(u"MetricAlarm"_s);
    const bool compositeTypes = related || request.alarmTypes.contains(u"CompositeAlarm"_s);
    DescribeAlarmsResponse response;
    if (children)
        response.fields = DescribeAlarmsResponse::Fields::NameArnState;
    else if (parents)
        response.fields = DescribeAlarmsResponse::Fields::NameArn;
    int count = 0;
    QString lastName;
    for (const Alarm &alarm : stored) {
        if (!request.nextToken.isEmpty() && alarm.name <= request.nextToken)
            continue;
        if (alarm.kind == AlarmKind::Metric ? !metricTypes : !compositeTypes)
            continue;
        if (related && !related->contains(alarm.name))
            continue;
        if (!request.alarmNames.isEmpty() && !request.alarmNames.contains(alarm.name))
            continue;
        if (!alarm.name.startsWith(request.alarmNamePrefix))
            continue;
        if (!request.stateValue.isEmpty() && alarm.stateValue != request.stateValue)
            continue;
        if (!request.actionPrefix.isEmpty()) {
            const QStringList all =
                alarm.okActions + alarm.alarmActions + alarm.insufficientDataActions;
            if (std::none_of(all.cbegin(), all.cend(), [&request](const QString &action) {
                    return action.startsWith(request.actionPrefix);
                }))
                continue;
        }
        if (count == request.maxRecords) {
            response.nextToken = lastName;
            break;
        }
        (alarm.kind == AlarmKind::Metric ? response.metricAlarms : response.compositeAlarms)
            .append(alarm);
        lastName = alarm.name;
        ++count;
    }
    return response;
}

Result<QList<Alarm>> CloudWatchService::describeAlarmsForMetric(const Metric &metric,
    const QString &statistic,
    const QString &extendedStatistic,
    int period,
    const QString &unit)
{
    if (metric.metricName.isEmpty())
        return missing(u"MetricName"_s);
    if (metric.metricNamespace.isEmpty())
        return missing(u"Namespace"_s);
    const Dimensions dimensions = MetricStore::sorted(metric.dimensions);
    QList<Alarm> result;
    for (const Alarm &alarm : m_alarms.alarms()) {
        if (alarm.kind != AlarmKind::Metric || alarm.metric.metricName != metric.metricName
            || alarm.metric.metricNamespace != metric.metricNamespace)
            continue;
        if (!metric.dimensions.isEmpty() && alarm.metric.dimensions != dimensions)
            continue;
        if ((!statistic.isEmpty() && alarm.statistic != statistic)
            || (!extendedStatistic.isEmpty() && alarm.extendedStatistic != extendedStatistic)
            || (period > 0 && alarm.period != period) || (!unit.isEmpty() && alarm.unit != unit))
            continue;
        result.append(alarm);
    }
    return result;
}

Status CloudWatchService::deleteAlarms(const QStringList &names)
{
    if (names.size() > 100)
        return fail(u"InvalidParameterValue"_s,
            u"The collection AlarmNames must not have a size greater than 100."_s);
    QStringList notFound;
    for (const QString &name : names) {
        if (!m_alarms.alarm(name))
            notFound.append(name);
    }
    if (!notFound.isEmpty())
        return fail(u"ResourceNotFound"_s,
            u"%1 not found: [%2]"_s.arg(
                notFound.size() == 1 ? u"Alarm"_s : u"Alarms"_s, notFound.join(u", "_s)),
            404);
    Storage::SqlTransaction transaction(m_database.connection());
    const qint64 now = nowMs();
    for (const QString &name : names) {
        const auto alarm = m_alarms.alarm(name);
        m_alarms.remove(name);
        addHistory(*alarm,
            now,
            u"ConfigurationUpdate"_s,
            u"Alarm \"%1\" deleted"_s.arg(name),
            QString::fromUtf8(QJsonDocument(
                QJsonObject{{u"version"_s, u"1.0"_s},
                    {u"type"_s, u"Delete"_s},
                    {u"deletedAlarm"_s,
                        QJsonObject{{u"alarmName"_s, name}, {u"alarmArn"_s, alarm->arn}}}})
                                  .toJson(QJsonDocument::Compact)));
    }
    if (!transaction.commit())
        return std::unexpected(
            CommonErrors::internalFailure(u"The alarms could not be deleted."_s));
    m_alarmsChanged->touch();
    return {};
}

Status CloudWatchService::setAlarmState(const QString &name,
    const QString &stateValue,
    const QString &stateReason,
    const QString &stateReasonData)
{
    if (name.isEmpty())
        return missing(u"AlarmName"_s);
    if (stateValue.isEmpty())
        return missing(u"StateValue"_s);
    if (stateValueValid(stateValue).isEmpty())
        return invalidValue(stateValue, u"StateValue"_s);
    if (stateReason.isEmpty())
        return missing(u"StateReason"_s);
    if (stateReason.size() > 1023)
        return invalidValue(stateReason, u"StateReason"_s);
    if (!stateReasonData.isEmpty()) {
        QJsonParseError error;
        QJsonDocument::fromJson(stateReasonData.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return fail(u"InvalidFormat"_s, u"StateReasonData is not valid JSON."_s);
    }
    auto alarm = m_alarms.alarm(name);
    if (!alarm)
        return fail(u"ResourceNotFound"_s, u"Alarm %1 not found"_s.arg(name), 404);
    Storage::SqlTransaction transaction(m_database.connection());
    const qint64 now = nowMs();
    const bool changed = alarm->stateValue != stateValue;
    changeState(*alarm, stateValue, stateReason, stateReasonData, now);
    m_alarms.save(*alarm);
    if (changed)
        evaluateCompositeAlarms({name}, now);
    if (!transaction.commit())
        return std::unexpected(
            CommonErrors::internalFailure(u"The alarm state could not be set."_s));
    m_alarmsChanged->touch();
    return {};
}

Status CloudWatchService::enableAlarmActions(const QStringList &names)
{
    Storage::SqlTransaction transaction(m_database.connection());
    for (const QString &name : names) {
        if (auto alarm = m_alarms.alarm(name)) {
            alarm->actionsEnabled = true;
            m_alarms.save(*alarm);
        }
    }
    transaction.commit();
    m_alarmsChanged->touch();
    return {};
}

Status CloudWatchService::disableAlarmActions(const QStringList &names)
{
    Storage::SqlTransaction transaction(m_database.connection());
    for (const QString &name : names) {
        if (auto alarm = m_alarms.alarm(name)) {
            alarm->actionsEnabled = false;
            m_alarms.save(*alarm);
        }
    }
    transaction.commit();
    m_alarmsChanged->touch();
    return {};
}

Result<DescribeAlarmHistoryResponse> CloudWatchService::describeAlarmHistory(
    const DescribeAlarmHistoryRequest &request)
{
    static const QStringList itemTypes{u"ConfigurationUpdate"_s, u"StateUpdate"_s, u"Action"_s};
    if (!request.historyItemType.isEmpty() && !itemTypes.contains(request.historyItemType))
        return invalidValue(request.historyItemType, u"HistoryItemType"_s);
    if (request.maxRecords < 1 || request.maxRecords > 100)
        return invalidValue(QString::number(request.maxRecords), u"MaxRecords"_s);
    if (request.scanBy != u"TimestampDescending" && request.scanBy != u"TimestampAscending")
        return invalidValue(request.scanBy, u"ScanBy"_s);
    const bool ascending = request.scanBy == u"TimestampAscending";
    const auto cursor = CloudWatchErrors::tokenNumber(
        request.nextToken, ascending ? 0 : std::numeric_limits<qint64>::max());
    if (!cursor)
        return std::unexpected(cursor.error());
    DescribeAlarmHistoryRequest filtered = request;
    if (filtered.alarmTypes.isEmpty())
        filtered.alarmTypes = {u"MetricAlarm"_s};
    const auto rows = m_alarms.history(filtered, *cursor, request.maxRecords + 1);
    DescribeAlarmHistoryResponse response;
    for (qsizetype i = 0; i < rows.size() && i < request.maxRecords; ++i)
        response.items.append(rows.at(i).second);
    if (rows.size() > request.maxRecords)
        response.nextToken = QString::number(rows.at(request.maxRecords - 1).first);
    return response;
}

Status CloudWatchService::tagResource(const QString &resourceArn, const QList<Tag> &tags)
{
    auto alarm = m_alarms.alarm(alarmNameFromArn(resourceArn));
    if (!alarm)
        return fail(
            u"ResourceNotFoundException"_s, u"Unknown resource: %1"_s.arg(resourceArn), 404);
    for (const Tag &tag : tags) {
        if (tag.key.isEmpty() || tag.key.size() > 128 || tag.value.size() > 256)
            return invalidValue(tag.key, u"Tags"_s);
        auto found = std::find_if(alarm->tags.begin(), alarm->tags.end(), [&tag](const Tag &t) {
            return t.key == tag.key;
        });
        if (found != alarm->tags.end())
            found->value = tag.value;
        else
            alarm->tags.append(tag);
    }
    if (alarm->tags.size() > 50)
        return fail(
            u"LimitExceededException"_s, u"The maximum number of tags (50) was exceeded."_s);
    Storage::SqlTransaction transaction(m_database.connection());
    m_alarms.save(*alarm);
    transaction.commit();
    m_alarmsChanged->touch();
    return {};
}

Status CloudWatchService::untagResource(const QString &resourceArn, const QStringList &tagKeys)
{
    auto alarm = m_alarms.alarm(alarmNameFromArn(resourceArn));
    if (!alarm)
        return fail(
            u"ResourceNotFoundException"_s, u"Unknown resource: %1"_s.arg(resourceArn), 404);
    alarm->tags.removeIf([&tagKeys](const Tag &tag) { return tagKeys.contains(tag.key); });
    Storage::SqlTransaction transaction(m_database.connection());
    m_alarms.save(*alarm);
    transaction.commit();
    m_alarmsChanged->touch();
    return {};
}

Result<QList<Tag>> CloudWatchService::listTagsForResource(const QString &resourceArn)
{
    const auto alarm = m_alarms.alarm(alarmNameFromArn(resourceArn));
    if (!alarm)
        return fail(
            u"ResourceNotFoundException"_s, u"Unknown resource: %1"_s.arg(resourceArn), 404);
    return alarm->tags;
}

} // namespace Core::CloudWatch
