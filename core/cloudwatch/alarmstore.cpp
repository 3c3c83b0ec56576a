// SPDX-License-Identifier: MIT
#include "core/cloudwatch/alarmstore.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch {

namespace {

// Null QStrings bind as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QString(u""_s) : value;
}

QJsonArray toJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QJsonArray dimensionsToJson(const Dimensions &dimensions)
{
    QJsonArray array;
    for (const Dimension &dimension : dimensions)
        array.append(QJsonObject{{u"Name"_s, dimension.name}, {u"Value"_s, dimension.value}});
    return array;
}

Dimensions dimensionsFromJson(const QJsonValue &value)
{
    Dimensions dimensions;
    for (const QJsonValue &item : value.toArray())
        dimensions.append({item[u"Name"].toString(), item[u"Value"].toString()});
    return dimensions;
}

QJsonObject metricToJson(const Metric &metric)
{
    return {{u"Namespace"_s, metric.metricNamespace},
        {u"MetricName"_s, metric.metricName},
        {u"Dimensions"_s, dimensionsToJson(metric.dimensions)}};
}

Metric metricFromJson(const QJsonValue &value)
{
    return {value[u"Namespace"].toString(),
        value[u"MetricName"].toString(),
        dimensionsFromJson(value[u"Dimensions"])};
}

QJsonArray queriesToJson(const QList<MetricDataQuery> &queries)
{
    QJsonArray array;
    for (const MetricDataQuery &query : queries) {
        QJsonObject item{{u"Id"_s, query.id},
            {u"Expression"_s, query.expression},
            {u"Label"_s, query.label},
            {u"ReturnData"_s, query.returnData},
            {u"Period"_s, query.period}};
        if (query.metricStat) {
            item.insert(u"MetricStat"_s,
                QJsonObject{{u"Metric"_s, metricToJson(query.metricStat->metric)},
                    {u"Period"_s, query.metricStat->period},
                    {u"Stat"_s, query.metricStat->stat},
                    {u"Unit"_s, query.metricStat->unit}});
        }
        array.append(item);
    }
    return array;
}

QList<MetricDataQuery> queriesFromJson(const QJsonValue &array)
{
    QList<MetricDataQuery> queries;
    for (const QJsonValue &value : array.toArray()) {
        MetricDataQuery query;
        query.id = value[u"Id"].toString();
        query.expression = value[u"Expression"].toString();
        query.label = value[u"Label"].toString();
        query.returnData = value[u"ReturnData"].toBool(true);
        query.period = value[u"Period"].toInt();
        if (value.toObject().contains(u"MetricStat")) {
            const QJsonValue stat = value[u"MetricStat"];
            query.metricStat = MetricStat{metricFromJson(stat[u"Metric"]),
                stat[u"Period"].toInt(),
                stat[u"Stat"].toString(),
                stat[u"Unit"].toString()};
        }
        queries.append(query);
    }
    return queries;
}

QJsonObject detectorToJson(const AnomalyDetector &detector)
{
    QJsonArray ranges;
    for (const TimeRange &range : detector.configuration.excludedTimeRanges)
        ranges.append(QJsonObject{{u"StartTime"_s, range.startMs}, {u"EndTime"_s, range.endMs}});
    QJsonObject object{{u"Configuration"_s,
        QJsonObject{{u"ExcludedTimeRanges"_s, ranges},
            {u"MetricTimezone"_s, detector.configuration.metricTimezone}}}};
    if (detector.isMetricMath()) {
        object.insert(u"MetricDataQueries"_s, queriesToJson(detector.metricMathQueries));
    } else {
        object.insert(u"Metric"_s, metricToJson(detector.metric));
        object.insert(u"Stat"_s, detector.stat);
    }
    return object;
}

AnomalyDetector detectorFromJson(const QJsonObject &object)
{
    AnomalyDetector detector;
    detector.metricMathQueries = queriesFromJson(object[u"MetricDataQueries"]);
    detector.metric = metricFromJson(object[u"Metric"]);
    detector.stat = object[u"Stat"].toString();
    const QJsonValue configuration = object[u"Configuration"];
    detector.configuration.metricTimezone = configuration[u"MetricTimezone"].toString();
    for (const QJsonValue &range : configuration[u"ExcludedTimeRanges"].toArray())
        detector.configuration.excludedTimeRanges.append(
            {qint64(range[u"StartTime"].toDouble()), qint64(range[u"EndTime"].toDouble())});
    return detector;
}

QString definitionJson(const Alarm &alarm)
{
    QJsonObject object{{u"Arn"_s, alarm.arn},
        {u"Description"_s, alarm.description},
        {u"ActionsEnabled"_s, alarm.actionsEnabled},
        {u"OKActions"_s, toJson(alarm.okActions)},
        {u"AlarmActions"_s, toJson(alarm.alarmActions)},
        {u"InsufficientDataActions"_s, toJson(alarm.insufficientDataActions)},
        {u"Metric"_s, metricToJson(alarm.metric)},
        {u"Statistic"_s, alarm.statistic},
        {u"ExtendedStatistic"_s, alarm.extendedStatistic},
        {u"Period"_s, alarm.period},
        {u"Unit"_s, alarm.unit},
        {u"EvaluationPeriods"_s, alarm.evaluationPeriods},
        {u"ComparisonOperator"_s, alarm.comparisonOperator},
        {u"TreatMissingData"_s, alarm.treatMissingData},
        {u"EvaluateLowSampleCountPercentile"_s, alarm.evaluateLowSampleCountPercentile},
        {u"ThresholdMetricId"_s, alarm.thresholdMetricId},
        {u"AlarmRule"_s, alarm.alarmRule}};
    if (alarm.datapointsToAlarm)
        object.insert(u"DatapointsToAlarm"_s, *alarm.datapointsToAlarm);
    if (alarm.threshold)
        object.insert(u"Threshold"_s, *alarm.threshold);
    object.insert(u"Metrics"_s, queriesToJson(alarm.metrics));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void readDefinition(const QString &text, Alarm &alarm)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    alarm.arn = object[u"Arn"].toString();
    alarm.description = object[u"Description"].toString();
    alarm.actionsEnabled = object[u"ActionsEnabled"].toBool(true);
    alarm.okActions = stringList(object[u"OKActions"]);
    alarm.alarmActions = stringList(object[u"AlarmActions"]);
    alarm.insufficientDataActions = stringList(object[u"InsufficientDataActions"]);
    alarm.metric = metricFromJson(object[u"Metric"]);
    alarm.statistic = object[u"Statistic"].toString();
    alarm.extendedStatistic = object[u"ExtendedStatistic"].toString();
    alarm.period = object[u"Period"].toInt();
    alarm.unit = object[u"Unit"].toString();
    alarm.evaluationPeriods = object[u"EvaluationPeriods"].toInt();
    alarm.comparisonOperator = object[u"ComparisonOperator"].toString();
    alarm.treatMissingData = object[u"TreatMissingData"].toString();
    alarm.evaluateLowSampleCountPercentile = object[u"EvaluateLowSampleCountPercentile"].toString();
    alarm.thresholdMetricId = object[u"ThresholdMetricId"].toString();
    alarm.alarmRule = object[u"AlarmRule"].toString();
    if (object.contains(u"DatapointsToAlarm"))
        alarm.datapointsToAlarm = object[u"DatapointsToAlarm"].toInt();
    if (object.contains(u"Threshold"))
        alarm.threshold = object[u"Threshold"].toDouble();
    alarm.metrics = queriesFromJson(object[u"Metrics"]);
}

QString tagsJson(const QList<Tag> &tags)
{
    QJsonArray array;
    for (const Tag &tag : tags)
        array.append(QJsonObject{{u"Key"_s, tag.key}, {u"Value"_s, tag.value}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<Tag> tagsFromJson(const QString &text)
{
    QList<Tag> tags;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        tags.append({value[u"Key"].toString(), value[u"Value"].toString()});
    return tags;
}

constexpr auto AlarmColumns =
    u"name, kind, definition, state_value, state_reason, state_reason_data, "
    u"state_updated_ms, state_transitioned_ms, configuration_updated_ms, "
    u"next_evaluation_ms, tags";

Alarm readAlarm(const QSqlQuery &query)
{
    Alarm alarm;
    alarm.name = query.value(0).toString();
    alarm.kind =
        query.value(1).toString() == u"CompositeAlarm" ? AlarmKind::Composite : AlarmKind::Metric;
    readDefinition(query.value(2).toString(), alarm);
    alarm.stateValue = query.value(3).toString();
    alarm.stateReason = query.value(4).toString();
    alarm.stateReasonData = query.value(5).toString();
    alarm.stateUpdatedMs = query.value(6).toLongLong();
    alarm.stateTransitionedMs = query.value(7).toLongLong();
    alarm.configurationUpdatedMs = query.value(8).toLongLong();
    alarm.nextEvaluationMs = query.value(9).toLongLong();
    alarm.tags = tagsFromJson(query.value(10).toString());
    return alarm;
}

} // namespace

AlarmStore::AlarmStore(Storage::Database &database)
    : m_database(database)
{}

std::optional<Alarm> AlarmStore::alarm(const QString &name) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM cw_alarms WHERE name = ?"_s.arg(QStringView(AlarmColumns)));
    query.addBindValue(text(name));
    std::optional<Alarm> result;
    if (query.exec() && query.next())
        result = readAlarm(query);
    query.finish();
    return result;
}

QList<Alarm> AlarmStore::alarms() const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM cw_alarms ORDER BY name"_s.arg(QStringView(AlarmColumns)));
    QList<Alarm> result;
    if (query.exec()) {
        while (query.next())
            result.append(readAlarm(query));
    }
    query.finish();
    return result;
}

bool AlarmStore::save(const Alarm &alarm)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO cw_alarms (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
            QStringView(AlarmColumns)));
    query.addBindValue(text(alarm.name));
    query.addBindValue(alarm.kind == AlarmKind::Composite ? u"CompositeAlarm"_s : u"MetricAlarm"_s);
    query.addBindValue(definitionJson(alarm));
    query.addBindValue(text(alarm.stateValue));
    query.addBindValue(text(alarm.stateReason));
    query.addBindValue(text(alarm.stateReasonData));
    query.addBindValue(alarm.stateUpdatedMs);
    query.addBindValue(alarm.stateTransitionedMs);
    query.addBindValue(alarm.configurationUpdatedMs);
    query.addBindValue(alarm.nextEvaluationMs);
    query.addBindValue(tagsJson(alarm.tags));
    const bool ok = query.exec();
    if (!ok)
        qCWarning(lcCore) << "cw_alarms save failed:" << Storage::Database::lastErrorText(query);
    query.finish();
    return ok;
}

bool AlarmStore::remove(const QString &name)
{
    QSqlQuery &query = m_database.prepared(u"DELETE FROM cw_alarms WHERE name = ?"_s);
    query.addBindValue(text(name));
    const bool ok = query.exec();
    query.finish();
    return ok;
}

QList<AnomalyDetector> AlarmStore::anomalyDetectors() const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT definition FROM cw_anomaly_detectors ORDER BY rowid"_s);
    QList<AnomalyDetector> result;
    if (query.exec()) {
        while (query.next())
            result.append(detectorFromJson(
                QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object()));
    }
    query.finish();
    return result;
}

QString AlarmStore::anomalyDetectorKey(const AnomalyDetector &detector)
{
    QJsonObject object = detectorToJson(detector);
    object.remove(u"Configuration"_s);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool AlarmStore::saveAnomalyDetector(const AnomalyDetector &detector, qint64 createdMs)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO cw_anomaly_detectors (detector_key, definition, created_ms) VALUES (?, ?, ?) "
        u"ON CONFLICT (detector_key) DO UPDATE SET definition = excluded.definition"_s);
    query.addBindValue(anomalyDetectorKey(detector));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(detectorToJson(detector)).toJson(QJsonDocument::Compact)));
    query.addBindValue(createdMs);
    const bool ok = query.exec();
    if (!ok)
        qCWarning(lcCore) << "cw_anomaly_detectors save failed:"
                          << Storage::Database::lastErrorText(query);
    query.finish();
    return ok;
}

bool AlarmStore::removeAnomalyDetector(const QString &key)
{
    QSqlQuery &query =
        m_database.prepared(u"DELETE FROM cw_anomaly_detectors WHERE detector_key = ?"_s);
    query.addBindValue(key);
    const bool ok = query.exec() && query.numRowsAffected() > 0;
    query.finish();
    return ok;
}

bool AlarmStore::addHistory(const AlarmHistoryItem &item)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO cw_alarm_history (alarm_name, alarm_type, ts_ms, item_type, summary, data) "
        u"VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(text(item.alarmName));
    query.addBindValue(text(item.alarmType));
    query.addBindValue(item.timestampMs);
    query.addBindValue(text(item.historyItemType));
    query.addBindValue(text(item.historySummary));
    query.addBindValue(text(item.historyData));
    const bool ok = query.exec();
    if (!ok)
        qCWarning(lcCore) << "cw_alarm_history insert failed:"
                          << Storage::Database::lastErrorText(query);
    query.finish();
    return ok;
}

QList<std::pair<qint64, AlarmHistoryItem>> AlarmStore::history(
    const DescribeAlarmHistoryRequest &request, qint64 cursor, int limit) const
{
    const bool ascending = request.scanBy == u"TimestampAscending";
    QSqlQuery &query = m_database.prepared(
        u"SELECT id, alarm_name, alarm_type, ts_ms, item_type, summary, data FROM cw_alarm_history "
        u"WHERE (ifnull(?, '') = '' OR alarm_name = ?) AND (ifnull(?, '') = '' OR item_type = ?) "
        u"AND ts_ms >= ? AND ts_ms < ? "
        u"AND (ifnull(?, '') = '' OR instr(?, alarm_type) > 0) AND %1 ORDER BY id %2 LIMIT ?"_s.arg(
            ascending ? u"id > ?"_s : u"id < ?"_s, ascending ? u"ASC"_s : u"DESC"_s));
    const QString types = request.alarmTypes.join(u',');
    query.addBindValue(text(request.alarmName));
    query.addBindValue(text(request.alarmName));
    query.addBindValue(text(request.historyItemType));
    query.addBindValue(text(request.historyItemType));
    query.addBindValue(request.startMs.value_or(std::numeric_limits<qint64>::min()));
    query.addBindValue(request.endMs.value_or(std::numeric_limits<qint64>::max()));
    query.addBindValue(text(types));
    query.addBindValue(text(types));
    query.addBindValue(cursor);
    query.addBindValue(limit);
    QList<std::pair<qint64, AlarmHistoryItem>> result;
    if (query.exec()) {
        while (query.next()) {
            AlarmHistoryItem item{query.value(1).toString(),
                query.value(2).toString(),
                query.value(3).toLongLong(),
                query.value(4).toString(),
                query.value(5).toString(),
                query.value(6).toString()};
            result.append({query.value(0).toLongLong(), std::move(item)});
        }
    } else {
        qCWarning(lcCore) << "cw_alarm_history query failed:"
                          << Storage::Database::lastErrorText(query);
    }
    query.finish();
    return result;
}

} // namespace Core::CloudWatch
