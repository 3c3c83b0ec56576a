// SPDX-License-Identifier: MIT
#include "core/api/handlers/cloudwatchhandler.h"

#include "core/api/protocols/cborprotocol.h"
#include "core/api/protocols/jsonprotocol.h"
#include "core/api/protocols/queryprotocol.h"
#include "core/api/serviceinfo.h"
#include "core/cloudwatch/cloudwatcherrors.h"
#include "core/cloudwatch/cloudwatchservice.h"

#include <QCborArray>
#include <QHash>

#include <algorithm>
#include <cmath>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

using CloudWatchCodec::timestamp;
using Input = CloudWatchCodec::Reader;
namespace CloudWatchErrors = CloudWatch::CloudWatchErrors;

Result<qint64> requiredTimestamp(const Input &input, const QString &key)
{
    const auto value = input.timestampMs(key);
    if (!value)
        return std::unexpected(value.error());
    if (!*value)
        return CloudWatchErrors::missing(key);
    return **value;
}

// botocore's error shapes of CloudWatch: JSON and CBOR name the shape in __type and carry the
// Query code in x-amzn-query-error (awsQueryCompatible).
QString errorShape(const QString &code)
{
    static const QHash<QString, QString> shapes{
        {u"InvalidParameterValue"_s, u"InvalidParameterValueException"_s},
        {u"InvalidParameterCombination"_s, u"InvalidParameterCombinationException"_s},
        {u"MissingParameter"_s, u"MissingRequiredParameterException"_s},
        {u"LimitExceeded"_s, u"LimitExceededFault"_s},
        {u"InternalServiceError"_s, u"InternalServiceFault"_s},
        {u"InvalidFormat"_s, u"InvalidFormatFault"_s},
    };
    return shapes.value(code, code);
}

QCborArray dimensionsTree(const CloudWatch::Dimensions &dimensions)
{
    QCborArray array;
    for (const CloudWatch::Dimension &dimension : dimensions)
        array.append(QCborMap{{u"Name"_s, dimension.name}, {u"Value"_s, dimension.value}});
    return array;
}

QCborMap metricTree(const CloudWatch::Metric &metric)
{
    return {{u"Namespace"_s, metric.metricNamespace},
        {u"MetricName"_s, metric.metricName},
        {u"Dimensions"_s, dimensionsTree(metric.dimensions)}};
}

CloudWatch::Dimensions readDimensions(const Input &input, const QString &key)
{
    CloudWatch::Dimensions dimensions;
    for (const Input &item : input.list(key))
        dimensions.append({item.string(u"Name"_s), item.string(u"Value"_s)});
    return dimensions;
}

CloudWatch::Metric readMetric(const Input &input)
{
    return {input.string(u"Namespace"_s),
        input.string(u"MetricName"_s),
        readDimensions(input, u"Dimensions"_s)};
}

QCborArray stringsTree(const QStringList &strings)
{
    QCborArray array;
    for (const QString &text : strings)
        array.append(text);
    return array;
}

Result<QList<CloudWatch::MetricDataQuery>> readQueries(const Input &input, const QString &key)
{
    QList<CloudWatch::MetricDataQuery> queries;
    for (const Input &item : input.list(key)) {
        CloudWatch::MetricDataQuery query;
        query.id = item.string(u"Id"_s);
        query.expression = item.string(u"Expression"_s);
        query.label = item.string(u"Label"_s);
        const auto returnData = item.boolean(u"ReturnData"_s);
        if (!returnData)
            return std::unexpected(returnData.error());
        query.returnData = returnData->value_or(true);
        const auto period = item.integer(u"Period"_s);
        if (!period)
            return std::unexpected(period.error());
        query.period = int(period->value_or(0));
        if (item.has(u"MetricStat"_s)) {
            const Input stat = item.child(u"MetricStat"_s);
            const auto statPeriod = stat.integer(u"Period"_s);
            if (!statPeriod)
                return std::unexpected(statPeriod.error());
            if (!*statPeriod)
                return CloudWatchErrors::missing(stat.path(u"Period"_s));
            if (stat.string(u"Stat"_s).isEmpty())
                return CloudWatchErrors::missing(stat.path(u"Stat"_s));
            query.metricStat = CloudWatch::MetricStat{readMetric(stat.child(u"Metric"_s)),
                int(**statPeriod),
                stat.string(u"Stat"_s),
                stat.string(u"Unit"_s)};
        }
        queries.append(std::move(query));
    }
    return queries;
}

QCborArray queriesTree(const QList<CloudWatch::MetricDataQuery> &queries)
{
    QCborArray array;
    for (const CloudWatch::MetricDataQuery &query : queries) {
        QCborMap item{{u"Id"_s, query.id}, {u"ReturnData"_s, query.returnData}};
        if (query.metricStat) {
            QCborMap stat{{u"Metric"_s, metricTree(query.metricStat->metric)},
                {u"Period"_s, query.metricStat->period},
                {u"Stat"_s, query.metricStat->stat}};
            if (!query.metricStat->unit.isEmpty())
                stat.insert(u"Unit"_s, query.metricStat->unit);
            item.insert(u"MetricStat"_s, stat);
        }
        if (!query.expression.isEmpty())
            item.insert(u"Expression"_s, query.expression);
        if (!query.label.isEmpty())
            item.insert(u"Label"_s, query.label);
        if (query.period > 0)
            item.insert(u"Period"_s, query.period);
        array.append(item);
    }
    return array;
}

// PutAnomalyDetector / DeleteAnomalyDetector: the detector in the legacy form (Namespace,
// MetricName, Dimensions, Stat), as SingleMetricAnomalyDetector or as MetricMathAnomalyDetector;
// the forms exclude each other.
Result<CloudWatch::AnomalyDetector> readAnomalyDetector(const Input &input)
{
    CloudWatch::AnomalyDetector detector;
    const bool legacy = input.has(u"Namespace"_s) || input.has(u"MetricName"_s)
        || input.has(u"Dimensions"_s) || input.has(u"Stat"_s);
    const bool single = input.has(u"SingleMetricAnomalyDetector"_s);
    const bool math = input.has(u"MetricMathAnomalyDetector"_s);
    if (int(legacy) + int(single) + int(math) > 1)
        return fail(u"InvalidParameterCombination"_s,
            single && math ? u"SingleMetricAnomalyDetector and MetricMathAnomalyDetector are "
                             u"mutually exclusive and you have specified both."_s
                           : u"The parameters Namespace, MetricName, Dimensions and Stat cannot be "
                             u"used with SingleMetricAnomalyDetector or "
                             u"MetricMathAnomalyDetector."_s);
    if (math) {
        auto queries =
            readQueries(input.child(u"MetricMathAnomalyDetector"_s), u"MetricDataQueries"_s);
        if (!queries)
            return std::unexpected(queries.error());
        if (queries->isEmpty())
            return CloudWatchErrors::missing(u"MetricMathAnomalyDetector.MetricDataQueries"_s);
        detector.metricMathQueries = *queries;
        return detector;
    }
    const Input source = single ? input.child(u"SingleMetricAnomalyDetector"_s) : input;
    detector.metric = readMetric(source);
    detector.stat = source.string(u"Stat"_s);
    return detector;
}

QCborMap anomalyDetectorTree(const CloudWatch::AnomalyDetector &detector)
{
    QCborArray ranges;
    for (const CloudWatch::TimeRange &range : detector.configuration.excludedTimeRanges)
        ranges.append(QCborMap{
            {u"StartTime"_s, timestamp(range.startMs)}, {u"EndTime"_s, timestamp(range.endMs)}});
    QCborMap configuration{{u"ExcludedTimeRanges"_s, ranges}};
    if (!detector.configuration.metricTimezone.isEmpty())
        configuration.insert(u"MetricTimezone"_s, detector.configuration.metricTimezone);
    QCborMap tree{{u"Configuration"_s, configuration}, {u"StateValue"_s, detector.stateValue}};
    if (detector.isMetricMath()) {
        tree.insert(u"MetricMathAnomalyDetector"_s,
            QCborMap{{u"MetricDataQueries"_s, queriesTree(detector.metricMathQueries)}});
        return tree;
    }
    // The legacy members stay beside SingleMetricAnomalyDetector, as AWS still returns them.
    tree.insert(u"Namespace"_s, detector.metric.metricNamespace);
    tree.insert(u"MetricName"_s, detector.metric.metricName);
    tree.insert(u"Dimensions"_s, dimensionsTree(detector.metric.dimensions));
    tree.insert(u"Stat"_s, detector.stat);
    tree.insert(u"SingleMetricAnomalyDetector"_s,
        QCborMap{{u"Namespace"_s, detector.metric.metricNamespace},
            {u"MetricName"_s, detector.metric.metricName},
            {u"Dimensions"_s, dimensionsTree(detector.metric.dimensions)},
            {u"Stat"_s, detector.stat}});
    return tree;
}

QCborMap alarmTree(const CloudWatch::Alarm &alarm)
{
    QCborMap tree{{u"AlarmName"_s, alarm.name},
        {u"AlarmArn"_s, alarm.arn},
        {u"AlarmConfigurationUpdatedTimestamp"_s, timestamp(alarm.configurationUpdatedMs)},
        {u"ActionsEnabled"_s, alarm.actionsEnabled},
        {u"OKActions"_s, stringsTree(alarm.okActions)},
        {u"AlarmActions"_s, stringsTree(alarm.alarmActions)},
        {u"InsufficientDataActions"_s, stringsTree(alarm.insufficientDataActions)},
        {u"StateValue"_s, alarm.stateValue},
        {u"StateReason"_s, alarm.stateReason},
        {u"StateUpdatedTimestamp"_s, timestamp(alarm.stateUpdatedMs)},
        {u"StateTransitionedTimestamp"_s, timestamp(alarm.stateTransitionedMs)}};
    if (!alarm.description.isEmpty())
        tree.insert(u"AlarmDescription"_s, alarm.description);
    if (!alarm.stateReasonData.isEmpty())
        tree.insert(u"StateReasonData"_s, alarm.stateReasonData);
    if (alarm.kind == CloudWatch::AlarmKind::Composite) {
        tree.insert(u"AlarmRule"_s, alarm.alarmRule);
        return tree;
    }
    if (alarm.metrics.isEmpty()) {
        tree.insert(u"MetricName"_s, alarm.metric.metricName);
        tree.insert(u"Namespace"_s, alarm.metric.metricNamespace);
        tree.insert(u"Dimensions"_s, dimensionsTree(alarm.metric.dimensions));
        tree.insert(u"Period"_s, alarm.period);
        if (!alarm.statistic.isEmpty())
            tree.insert(u"Statistic"_s, alarm.statistic);
        if (!alarm.extendedStatistic.isEmpty())
            tree.insert(u"ExtendedStatistic"_s, alarm.extendedStatistic);
    } else {
        tree.insert(u"Dimensions"_s, QCborArray());
        tree.insert(u"Metrics"_s, queriesTree(alarm.metrics));
    }
    if (!alarm.unit.isEmpty())
        tree.insert(u"Unit"_s, alarm.unit);
    tree.insert(u"EvaluationPeriods"_s, alarm.evaluationPeriods);
    if (alarm.datapointsToAlarm)
        tree.insert(u"DatapointsToAlarm"_s, *alarm.datapointsToAlarm);
    if (alarm.threshold)
        tree.insert(u"Threshold"_s, *alarm.threshold);
    tree.insert(u"ComparisonOperator"_s, alarm.comparisonOperator);
    if (!alarm.treatMissingData.isEmpty())
        tree.insert(u"TreatMissingData"_s, alarm.treatMissingData);
    if (!alarm.evaluateLowSampleCountPercentile.isEmpty())
        tree.insert(u"EvaluateLowSampleCountPercentile"_s, alarm.evaluateLowSampleCountPercentile);
    if (!alarm.thresholdMetricId.isEmpty())
        tree.insert(u"ThresholdMetricId"_s, alarm.thresholdMetricId);
    return tree;
}

Result<QList<CloudWatch::Tag>> readTags(const Input &input)
{
    QList<CloudWatch::Tag> tags;
    for (const Input &item : input.list(u"Tags"_s)) {
        if (item.string(u"Key"_s).isEmpty())
            return CloudWatchErrors::missing(item.path(u"Key"_s));
        tags.append({item.string(u"Key"_s), item.string(u"Value"_s)});
    }
    return tags;
}

// The members every alarm type shares.
Status readAlarmCommon(const Input &input, CloudWatch::Alarm &alarm)
{
    alarm.name = input.string(u"AlarmName"_s);
    alarm.description = input.string(u"AlarmDescription"_s);
    const auto enabled = input.boolean(u"ActionsEnabled"_s);
    if (!enabled)
        return std::unexpected(enabled.error());
    alarm.actionsEnabled = enabled->value_or(true);
    alarm.okActions = input.strings(u"OKActions"_s);
    alarm.alarmActions = input.strings(u"AlarmActions"_s);
    alarm.insufficientDataActions = input.strings(u"InsufficientDataActions"_s);
    auto tags = readTags(input);
    if (!tags)
        return std::unexpected(tags.error());
    alarm.tags = *tags;
    return {};
}

// Newer SDKs gzip PutMetricData bodies above 10 KB (Content-Encoding: gzip, the requestcompression
// trait); the HTTP layer leaves bodies as sent.
constexpr qsizetype MaxInflatedBytes = 64 * 1024 * 1024;

std::optional<QByteArray> gunzip(const QByteArray &compressed)
{
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    QByteArray out;
    char buffer[64 * 1024];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof(buffer);
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END)
            break;
        out.append(buffer, qsizetype(sizeof(buffer) - stream.avail_out));
        if (out.size() > MaxInflatedBytes)
            status = Z_MEM_ERROR;
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        return std::nullopt;
    return out;
}

Result<QCborMap> empty(const Status &status)
{
    if (!status)
        return std::unexpected(status.error());
    return QCborMap();
}

} // namespace

CloudWatchHandler::CloudWatchHandler(CloudWatch::CloudWatchService *service, QObject *parent)
    : ServiceHandler(parent)
    , m_service(service)
{}

QString CloudWatchHandler::service() const
{
    return u"cloudwatch"_s;
}

const QHash<QString, CloudWatchHandler::Operation> &CloudWatchHandler::operationTable()
{
    static const QHash<QString, Operation> table{
        {u"PutMetricData"_s, &CloudWatchHandler::putMetricData},
        {u"GetMetricStatistics"_s, &CloudWatchHandler::getMetricStatistics},
        {u"GetMetricData"_s, &CloudWatchHandler::getMetricData},
        {u"ListMetrics"_s, &CloudWatchHandler::listMetrics},
        {u"PutMetricAlarm"_s, &CloudWatchHandler::putMetricAlarm},
        {u"PutCompositeAlarm"_s, &CloudWatchHandler::putCompositeAlarm},
        {u"DescribeAlarms"_s, &CloudWatchHandler::describeAlarms},
        {u"DescribeAlarmsForMetric"_s, &CloudWatchHandler::describeAlarmsForMetric},
        {u"DeleteAlarms"_s, &CloudWatchHandler::deleteAlarms},
        {u"SetAlarmState"_s, &CloudWatchHandler::setAlarmState},
        {u"EnableAlarmActions"_s, &CloudWatchHandler::enableAlarmActions},
        {u"DisableAlarmActions"_s, &CloudWatchHandler::disableAlarmActions},
        {u"DescribeAlarmHistory"_s, &CloudWatchHandler::describeAlarmHistory},
        {u"TagResource"_s, &CloudWatchHandler::tagResource},
        {u"UntagResource"_s, &CloudWatchHandler::untagResource},
        {u"ListTagsForResource"_s, &CloudWatchHandler::listTagsForResource},
        {u"PutAnomalyDetector"_s, &CloudWatchHandler::putAnomalyDetector},
        {u"DescribeAnomalyDetectors"_s, &CloudWatchHandler::describeAnomalyDetectors},
        {u"DeleteAnomalyDetector"_s, &CloudWatchHandler::deleteAnomalyDetector},
    };
    return table;
}

QStringList CloudWatchHandler::operations() const
{
    return operationTable().keys();
}

void CloudWatchHandler::handle(const AwsRequest &request, Responder responder)
{
    const QString &operation = request.route.operation;
    const auto it = operationTable().constFind(operation);
    if (it == operationTable().cend()) {
        answer(request,
            responder,
            std::unexpected(operation.isEmpty()
                    ? CommonErrors::missingParameter(u"Action"_s)
                    : CommonErrors::notImplemented(u"cloudwatch"_s, operation)));
        return;
    }
    HttpRequest http = request.http;
    if (http.header("Content-Encoding").trimmed().toLower() == "gzip") {
        const auto inflated = gunzip(http.bodyBytes());
        if (!inflated) {
            answer(request,
                responder,
                fail(u"InvalidParameterValue"_s,
                    u"The request body could not be decompressed (gzip)."_s));
            return;
        }
        http.body = *inflated;
        http.bodyFile.clear();
        http.bodySize = inflated->size();
    }
    QCborMap tree;
    switch (request.route.protocol) {
    case Protocol::Json10:
    case Protocol::Json11: {
        const auto body = JsonProtocol::parseBody(http);
        if (!body) {
            answer(request, responder, std::unexpected(body.error()));
            return;
        }
        tree = CloudWatchCodec::fromJson(*body);
        break;
    }
    case Protocol::RpcV2Cbor: {
        const auto body = CborProtocol::parseBody(http);
        if (!body) {
            answer(request, responder, std::unexpected(body.error()));
            return;
        }
        tree = *body;
        break;
    }
    default:
        tree = CloudWatchCodec::fromQuery(QueryProtocol::parameters(http));
        break;
    }
    answer(request, responder, (this->*(*it))(Input(tree, {})));
}

void CloudWatchHandler::answer(
    const AwsRequest &request, Responder &responder, const Result<QCborMap> &result)
{
    const QString &operation = request.route.operation;
    const ServiceInfo *info = serviceById(u"cloudwatch");
    switch (request.route.protocol) {
    case Protocol::Json10:
    case Protocol::Json11:
        if (!result) {
            AwsError error = result.error();
            const QString code = error.code;
            error.code = errorShape(code);
            responder.send(operation,
                JsonProtocol::error(
                    error, request.route.protocol, info->jsonErrorPrefix, request.requestId, code),
                code);
        } else {
            responder.send(operation,
                JsonProtocol::result(
                    CloudWatchCodec::toJson(*result), request.route.protocol, request.requestId));
        }
        return;
    case Protocol::RpcV2Cbor:
        if (!result) {
            AwsError error = result.error();
            const QString code = error.code;
            error.code = errorShape(code);
            HttpResponse response =
                CborProtocol::error(error, info->jsonErrorPrefix, request.requestId);
            response.setHeader("x-amzn-query-error",
                (code + (error.senderFault ? u";Sender"_s : u";Receiver"_s)).toUtf8());
            responder.send(operation, std::move(response), code);
        } else {
            HttpResponse response = CborProtocol::result({}, request.requestId);
            response.body = CloudWatchCodec::toCbor(*result);
            responder.send(operation, std::move(response));
        }
        return;
    default:
        if (!result) {
            responder.send(operation,
                QueryProtocol::error(result.error(), info->queryXmlns, request.requestId),
                result.error().code);
            return;
        }
        responder.send(operation,
            QueryProtocol::result(
                operation, info->queryXmlns, request.requestId, [&result](QXmlStreamWriter &xml) {
                    CloudWatchCodec::writeXml(xml, *result, {u"ExtendedStatistics"_s});
                }));
        return;
    }
}

Result<QCborMap> CloudWatchHandler::putMetricData(const Input &input)
{
    if (!input.has(u"Namespace"_s))
        return CloudWatchErrors::missing(u"Namespace"_s);
    QList<CloudWatch::MetricDatum> data;
    for (const Input &item : input.list(u"MetricData"_s)) {
        CloudWatch::MetricDatum datum;
        datum.metricName = item.string(u"MetricName"_s);
        datum.dimensions = readDimensions(item, u"Dimensions"_s);
        const auto time = item.timestampMs(u"Timestamp"_s);
        const auto value = item.number(u"Value"_s);
        const auto values = item.numbers(u"Values"_s);
        const auto counts = item.numbers(u"Counts"_s);
        const auto resolution = item.integer(u"StorageResolution"_s);
        for (const Status &status : {time ? Status() : std::unexpected(time.error()),
                 value ? Status() : std::unexpected(value.error()),
                 values ? Status() : std::unexpected(values.error()),
                 counts ? Status() : std::unexpected(counts.error()),
                 resolution ? Status() : std::unexpected(resolution.error())}) {
            if (!status)
                return std::unexpected(status.error());
        }
        datum.timestampMs = *time;
        datum.value = *value;
        datum.values = *values;
        datum.counts = *counts;
        datum.storageResolution = int(resolution->value_or(60));
        datum.unit = item.string(u"Unit"_s);
        if (item.has(u"StatisticValues"_s)) {
            const Input set = item.child(u"StatisticValues"_s);
            CloudWatch::StatisticSet statistics;
            const std::pair<const char16_t *, double *> members[] = {
                {u"SampleCount", &statistics.sampleCount},
                {u"Sum", &statistics.sum},
                {u"Minimum", &statistics.minimum},
                {u"Maximum", &statistics.maximum}};
            for (const auto &[name, target] : members) {
                const QString key = QString::fromUtf16(name);
                const auto number = set.number(key);
                if (!number)
                    return std::unexpected(number.error());
                if (!*number)
                    return CloudWatchErrors::missing(set.path(key));
                *target = **number;
            }
            datum.statisticValues = statistics;
        }
        data.append(std::move(datum));
    }
    return empty(m_service->putMetricData(input.string(u"Namespace"_s), data));
}

Result<QCborMap> CloudWatchHandler::getMetricStatistics(const Input &input)
{
    CloudWatch::GetMetricStatisticsRequest request;
    request.metric = readMetric(input);
    const auto start = requiredTimestamp(input, u"StartTime"_s);
    if (!start)
        return std::unexpected(start.error());
    const auto end = requiredTimestamp(input, u"EndTime"_s);
    if (!end)
        return std::unexpected(end.error());
    const auto period = input.integer(u"Period"_s);
    if (!period)
        return std::unexpected(period.error());
    if (!*period)
        return CloudWatchErrors::missing(u"Period"_s);
    request.startMs = *start;
    request.endMs = *end;
    request.period = int(**period);
    request.statistics = input.strings(u"Statistics"_s);
    request.extendedStatistics = input.strings(u"ExtendedStatistics"_s);
    request.unit = input.string(u"Unit"_s);
    const auto datapoints = m_service->getMetricStatistics(request);
    if (!datapoints)
        return std::unexpected(datapoints.error());
    QCborArray array;
    for (const CloudWatch::Datapoint &point : *datapoints) {
        QCborMap item{{u"Timestamp"_s, timestamp(point.timestampMs)}, {u"Unit"_s, point.unit}};
        const std::pair<QString, std::optional<double>> members[] = {
            {u"SampleCount"_s, point.sampleCount},
            {u"Average"_s, point.average},
            {u"Sum"_s, point.sum},
            {u"Minimum"_s, point.minimum},
            {u"Maximum"_s, point.maximum}};
        for (const auto &[name, value] : members) {
            if (value)
                item.insert(name, *value);
        }
        if (!point.extendedStatistics.isEmpty()) {
            QCborMap extended;
            for (const auto &[name, value] : point.extendedStatistics)
                extended.insert(name, value);
            item.insert(u"ExtendedStatistics"_s, extended);
        }
        array.append(item);
    }
    return QCborMap{{u"Label"_s, request.metric.metricName}, {u"Datapoints"_s, array}};
}

Result<QCborMap> CloudWatchHandler::getMetricData(const Input &input)
{
    CloudWatch::GetMetricDataRequest request;
    auto queries = readQueries(input, u"MetricDataQueries"_s);
    if (!queries)
        return std::unexpected(queries.error());
    request.queries = *queries;
    const auto start = requiredTimestamp(input, u"StartTime"_s);
    if (!start)
        return std::unexpected(start.error());
    const auto end = requiredTimestamp(input, u"EndTime"_s);
    if (!end)
        return std::unexpected(end.error());
    request.startMs = *start;
    request.endMs = *end;
    request.nextToken = input.string(u"NextToken"_s);
    if (input.has(u"ScanBy"_s))
        request.scanBy = input.string(u"ScanBy"_s);
    const auto maxDatapoints = input.integer(u"MaxDatapoints"_s);
    if (!maxDatapoints)
        return std::unexpected(maxDatapoints.error());
    request.maxDatapoints = int(maxDatapoints->value_or(100800));
    const auto response = m_service->getMetricData(request);
    if (!response)
        return std::unexpected(response.error());
    QCborArray results;
    for (const CloudWatch::MetricDataResult &result : response->results) {
        QCborArray timestamps;
        QCborArray values;
        for (qint64 ms : result.timestamps)
            timestamps.append(timestamp(ms));
        for (double value : result.values)
            values.append(value);
        results.append(QCborMap{{u"Id"_s, result.id},
            {u"Label"_s, result.label},
            {u"Timestamps"_s, timestamps},
            {u"Values"_s, values},
            {u"StatusCode"_s, result.statusCode},
            {u"Messages"_s, QCborArray()}});
    }
    QCborMap tree{{u"MetricDataResults"_s, results}, {u"Messages"_s, QCborArray()}};
    if (!response->nextToken.isEmpty())
        tree.insert(u"NextToken"_s, response->nextToken);
    return tree;
}

Result<QCborMap> CloudWatchHandler::listMetrics(const Input &input)
{
    CloudWatch::ListMetricsRequest request;
    request.metricNamespace = input.string(u"Namespace"_s);
    request.metricName = input.string(u"MetricName"_s);
    for (const Input &item : input.list(u"Dimensions"_s)) {
        CloudWatch::DimensionFilter filter{item.string(u"Name"_s), std::nullopt};
        if (item.has(u"Value"_s))
            filter.value = item.string(u"Value"_s);
        request.dimensions.append(filter);
    }
    const QString active = input.string(u"RecentlyActive"_s);
    if (!active.isEmpty() && active != u"PT3H")
        return fail(u"InvalidParameterValue"_s,
            u"The value %1 for parameter RecentlyActive is invalid."_s.arg(active));
    request.recentlyActive = !active.isEmpty();
    request.nextToken = input.string(u"NextToken"_s);
    const auto response = m_service->listMetrics(request);
    if (!response)
        return std::unexpected(response.error());
    QCborArray metrics;
    for (const CloudWatch::Metric &metric : response->metrics)
        metrics.append(metricTree(metric));
    QCborMap tree{{u"Metrics"_s, metrics}};
    if (!response->nextToken.isEmpty())
        tree.insert(u"NextToken"_s, response->nextToken);
    return tree;
}

Result<QCborMap> CloudWatchHandler::putMetricAlarm(const Input &input)
{
    CloudWatch::Alarm alarm;
    if (auto common = readAlarmCommon(input, alarm); !common)
        return std::unexpected(common.error());
    alarm.metric = readMetric(input);
    alarm.statistic = input.string(u"Statistic"_s);
    alarm.extendedStatistic = input.string(u"ExtendedStatistic"_s);
    alarm.unit = input.string(u"Unit"_s);
    alarm.comparisonOperator = input.string(u"ComparisonOperator"_s);
    alarm.treatMissingData = input.string(u"TreatMissingData"_s);
    alarm.evaluateLowSampleCountPercentile = input.string(u"EvaluateLowSampleCountPercentile"_s);
    alarm.thresholdMetricId = input.string(u"ThresholdMetricId"_s);
    const auto period = input.integer(u"Period"_s);
    const auto evaluationPeriods = input.integer(u"EvaluationPeriods"_s);
    const auto datapointsToAlarm = input.integer(u"DatapointsToAlarm"_s);
    const auto threshold = input.number(u"Threshold"_s);
    for (const Status &status : {period ? Status() : std::unexpected(period.error()),
             evaluationPeriods ? Status() : std::unexpected(evaluationPeriods.error()),
             datapointsToAlarm ? Status() : std::unexpected(datapointsToAlarm.error()),
             threshold ? Status() : std::unexpected(threshold.error())}) {
        if (!status)
            return std::unexpected(status.error());
    }
    if (!*evaluationPeriods)
        return CloudWatchErrors::missing(u"EvaluationPeriods"_s);
    if (**evaluationPeriods < 1)
        return fail(u"InvalidParameterValue"_s,
            u"The value %1 for parameter EvaluationPeriods is invalid."_s.arg(**evaluationPeriods));
    alarm.period = int(period->value_or(0));
    alarm.evaluationPeriods = int(**evaluationPeriods);
    if (*datapointsToAlarm)
        alarm.datapointsToAlarm = int(**datapointsToAlarm);
    if (*threshold && !std::isfinite(**threshold))
        return fail(u"InvalidParameterValue"_s,
            u"The value %1 for parameter Threshold is invalid."_s.arg(
                input.string(u"Threshold"_s)));
    alarm.threshold = *threshold;
    auto queries = readQueries(input, u"Metrics"_s);
    if (!queries)
        return std::unexpected(queries.error());
    alarm.metrics = *queries;
    return empty(m_service->putMetricAlarm(alarm));
}

Result<QCborMap> CloudWatchHandler::putCompositeAlarm(const Input &input)
{
    CloudWatch::Alarm alarm;
    if (auto common = readAlarmCommon(input, alarm); !common)
        return std::unexpected(common.error());
    alarm.alarmRule = input.string(u"AlarmRule"_s);
    return empty(m_service->putCompositeAlarm(alarm));
}

Result<QCborMap> CloudWatchHandler::describeAlarms(const Input &input)
{
    CloudWatch::DescribeAlarmsRequest request;
    request.alarmNames = input.strings(u"AlarmNames"_s);
    request.alarmNamePrefix = input.string(u"AlarmNamePrefix"_s);
    request.alarmTypes = input.strings(u"AlarmTypes"_s);
    request.stateValue = input.string(u"StateValue"_s);
    request.actionPrefix = input.string(u"ActionPrefix"_s);
    request.childrenOfAlarmName = input.string(u"ChildrenOfAlarmName"_s);
    request.parentsOfAlarmName = input.string(u"ParentsOfAlarmName"_s);
    request.nextToken = input.string(u"NextToken"_s);
    const auto maxRecords = input.integer(u"MaxRecords"_s);
    if (!maxRecords)
        return std::unexpected(maxRecords.error());
    request.maxRecords = int(maxRecords->value_or(50));
    const auto response = m_service->describeAlarms(request);
    if (!response)
        return std::unexpected(response.error());
    using Fields = CloudWatch::DescribeAlarmsResponse::Fields;
    const auto encode = [fields = response->fields](const CloudWatch::Alarm &alarm) {
        if (fields == Fields::All)
            return alarmTree(alarm);
        QCborMap partial{{u"AlarmName"_s, alarm.name}, {u"AlarmArn"_s, alarm.arn}};
        if (fields == Fields::NameArnState) {
            partial.insert(u"StateValue"_s, alarm.stateValue);
            partial.insert(u"StateUpdatedTimestamp"_s, timestamp(alarm.stateUpdatedMs));
        }
        return partial;
    };
    QCborArray metricAlarms;
    QCborArray compositeAlarms;
    for (const CloudWatch::Alarm &alarm : response->metricAlarms)
        metricAlarms.append(encode(alarm));
    for (const CloudWatch::Alarm &alarm : response->compositeAlarms)
        compositeAlarms.append(encode(alarm));
    QCborMap tree{{u"MetricAlarms"_s, metricAlarms}, {u"CompositeAlarms"_s, compositeAlarms}};
    if (!response->nextToken.isEmpty())
        tree.insert(u"NextToken"_s, response->nextToken);
    return tree;
}

Result<QCborMap> CloudWatchHandler::describeAlarmsForMetric(const Input &input)
{
    const auto period = input.integer(u"Period"_s);
    if (!period)
        return std::unexpected(period.error());
    const auto alarms = m_service->describeAlarmsForMetric(readMetric(input),
        input.string(u"Statistic"_s),
        input.string(u"ExtendedStatistic"_s),
        int(period->value_or(0)),
        input.string(u"Unit"_s));
    if (!alarms)
        return std::unexpected(alarms.error());
    QCborArray array;
    for (const CloudWatch::Alarm &alarm : *alarms)
        array.append(alarmTree(alarm));
    return QCborMap{{u"MetricAlarms"_s, array}};
}

Result<QCborMap> CloudWatchHandler::deleteAlarms(const Input &input)
{
    if (!input.has(u"AlarmNames"_s))
        return CloudWatchErrors::missing(u"AlarmNames"_s);
    return empty(m_service->deleteAlarms(input.strings(u"AlarmNames"_s)));
}

Result<QCborMap> CloudWatchHandler::setAlarmState(const Input &input)
{
    return empty(m_service->setAlarmState(input.string(u"AlarmName"_s),
        input.string(u"StateValue"_s),
        input.string(u"StateReason"_s),
        input.string(u"StateReasonData"_s)));
}

Result<QCborMap> CloudWatchHandler::enableAlarmActions(const Input &input)
{
    if (!input.has(u"AlarmNames"_s))
        return CloudWatchErrors::missing(u"AlarmNames"_s);
    return empty(m_service->enableAlarmActions(input.strings(u"AlarmNames"_s)));
}

Result<QCborMap> CloudWatchHandler::disableAlarmActions(const Input &input)
{
    if (!input.has(u"AlarmNames"_s))
        return CloudWatchErrors::missing(u"AlarmNames"_s);
    return empty(m_service->disableAlarmActions(input.strings(u"AlarmNames"_s)));
}

Result<QCborMap> CloudWatchHandler::describeAlarmHistory(const Input &input)
{
    CloudWatch::DescribeAlarmHistoryRequest request;
    request.alarmName = input.string(u"AlarmName"_s);
    request.alarmTypes = input.strings(u"AlarmTypes"_s);
    request.historyItemType = input.string(u"HistoryItemType"_s);
    request.nextToken = input.string(u"NextToken"_s);
    if (input.has(u"ScanBy"_s))
        request.scanBy = input.string(u"ScanBy"_s);
    const auto start = input.timestampMs(u"StartDate"_s);
    if (!start)
        return std::unexpected(start.error());
    const auto end = input.timestampMs(u"EndDate"_s);
    if (!end)
        return std::unexpected(end.error());
    const auto maxRecords = input.integer(u"MaxRecords"_s);
    if (!maxRecords)
        return std::unexpected(maxRecords.error());
    request.startMs = *start;
    request.endMs = *end;
    request.maxRecords = int(maxRecords->value_or(100));
    const auto response = m_service->describeAlarmHistory(request);
    if (!response)
        return std::unexpected(response.error());
    QCborArray items;
    for (const CloudWatch::AlarmHistoryItem &item : response->items) {
        items.append(QCborMap{{u"AlarmName"_s, item.alarmName},
            {u"AlarmType"_s, item.alarmType},
            {u"Timestamp"_s, timestamp(item.timestampMs)},
            {u"HistoryItemType"_s, item.historyItemType},
            {u"HistorySummary"_s, item.historySummary},
            {u"HistoryData"_s, item.historyData}});
    }
    QCborMap tree{{u"AlarmHistoryItems"_s, items}};
    if (!response->nextToken.isEmpty())
        tree.insert(u"NextToken"_s, response->nextToken);
    return tree;
}

Result<QCborMap> CloudWatchHandler::tagResource(const Input &input)
{
    if (!input.has(u"ResourceARN"_s))
        return CloudWatchErrors::missing(u"ResourceARN"_s);
    const auto tags = readTags(input);
    if (!tags)
        return std::unexpected(tags.error());
    return empty(m_service->tagResource(input.string(u"ResourceARN"_s), *tags));
}

Result<QCborMap> CloudWatchHandler::untagResource(const Input &input)
{
    if (!input.has(u"ResourceARN"_s))
        return CloudWatchErrors::missing(u"ResourceARN"_s);
    return empty(
        m_service->untagResource(input.string(u"ResourceARN"_s), input.strings(u"TagKeys"_s)));
}

Result<QCborMap> CloudWatchHandler::listTagsForResource(const Input &input)
{
    if (!input.has(u"ResourceARN"_s))
        return CloudWatchErrors::missing(u"ResourceARN"_s);
    const auto tags = m_service->listTagsForResource(input.string(u"ResourceARN"_s));
    if (!tags)
        return std::unexpected(tags.error());
    QCborArray array;
    for (const CloudWatch::Tag &tag : *tags)
        array.append(QCborMap{{u"Key"_s, tag.key}, {u"Value"_s, tag.value}});
    return QCborMap{{u"Tags"_s, array}};
}

Result<QCborMap> CloudWatchHandler::putAnomalyDetector(const Input &input)
{
    auto detector = readAnomalyDetector(input);
    if (!detector)
        return std::unexpected(detector.error());
    const Input configuration = input.child(u"Configuration"_s);
    detector->configuration.metricTimezone = configuration.string(u"MetricTimezone"_s);
    for (const Input &range : configuration.list(u"ExcludedTimeRanges"_s)) {
        const auto start = requiredTimestamp(range, u"StartTime"_s);
        if (!start)
            return std::unexpected(start.error());
        const auto end = requiredTimestamp(range, u"EndTime"_s);
        if (!end)
            return std::unexpected(end.error());
        detector->configuration.excludedTimeRanges.append({*start, *end});
    }
    return empty(m_service->putAnomalyDetector(*detector));
}

Result<QCborMap> CloudWatchHandler::describeAnomalyDetectors(const Input &input)
{
    CloudWatch::DescribeAnomalyDetectorsRequest request;
    request.metricNamespace = input.string(u"Namespace"_s);
    request.metricName = input.string(u"MetricName"_s);
    request.dimensions = readDimensions(input, u"Dimensions"_s);
    request.anomalyDetectorTypes = input.strings(u"AnomalyDetectorTypes"_s);
    request.nextToken = input.string(u"NextToken"_s);
    const auto maxResults = input.integer(u"MaxResults"_s);
    if (!maxResults)
        return std::unexpected(maxResults.error());
    request.maxResults = int(std::clamp<qint64>(maxResults->value_or(100), -1, 1'000'000));
    const auto response = m_service->describeAnomalyDetectors(request);
    if (!response)
        return std::unexpected(response.error());
    QCborArray detectors;
    for (const CloudWatch::AnomalyDetector &detector : response->anomalyDetectors)
        detectors.append(anomalyDetectorTree(detector));
    QCborMap tree{{u"AnomalyDetectors"_s, detectors}};
    if (!response->nextToken.isEmpty())
        tree.insert(u"NextToken"_s, response->nextToken);
    return tree;
}

Result<QCborMap> CloudWatchHandler::deleteAnomalyDetector(const Input &input)
{
    auto detector = readAnomalyDetector(input);
    if (!detector)
        return std::unexpected(detector.error());
    return empty(m_service->deleteAnomalyDetector(*detector));
}

} // namespace Core::Api
