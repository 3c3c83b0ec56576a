// SPDX-License-Identifier: MIT
#include "core/api/handlers/logshandler.h"

#include "core/api/protocols/jsonprotocol.h"
#include "core/logs/logserrors.h"
#include "core/logs/logsservice.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

Result<QString> required(const QJsonObject &input, const QString &name)
{
    const QJsonValue value = input.value(name);
    if (!value.isString())
        return std::unexpected(
            Logs::Errors::validation(u"null"_s, name, u"Member must not be null"_s));
    return value.toString();
}

std::optional<int> optionalInt(const QJsonObject &input, const QString &name)
{
    const QJsonValue value = input.value(name);
    if (!value.isDouble())
        return std::nullopt;
    return value.toInt();
}

std::optional<qint64> optionalTime(const QJsonObject &input, const QString &name)
{
    const QJsonValue value = input.value(name);
    if (!value.isDouble())
        return std::nullopt;
    return qint64(value.toDouble());
}

QMap<QString, QString> tagMap(const QJsonValue &value)
{
    QMap<QString, QString> tags;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        tags.insert(it.key(), it.value().toString());
    return tags;
}

QJsonObject tagObject(const QMap<QString, QString> &tags)
{
    QJsonObject object;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QJsonObject empty()
{
    return {};
}

} // namespace

LogsHandler::LogsHandler(Logs::LogsService *service, QObject *parent)
    : ServiceHandler(parent)
    , m_service(service)
{}

QString LogsHandler::service() const
{
    return u"logs"_s;
}

const QHash<QString, LogsHandler::Operation> &LogsHandler::operationTable()
{
    static const QHash<QString, Operation> table{
        {u"CreateLogGroup"_s, &LogsHandler::createLogGroup},
        {u"DeleteLogGroup"_s, &LogsHandler::deleteLogGroup},
        {u"DescribeLogGroups"_s, &LogsHandler::describeLogGroups},
        {u"CreateLogStream"_s, &LogsHandler::createLogStream},
        {u"DeleteLogStream"_s, &LogsHandler::deleteLogStream},
        {u"DescribeLogStreams"_s, &LogsHandler::describeLogStreams},
        {u"PutLogEvents"_s, &LogsHandler::putLogEvents},
        {u"GetLogEvents"_s, &LogsHandler::getLogEvents},
        {u"FilterLogEvents"_s, &LogsHandler::filterLogEvents},
        {u"PutRetentionPolicy"_s, &LogsHandler::putRetentionPolicy},
        {u"DeleteRetentionPolicy"_s, &LogsHandler::deleteRetentionPolicy},
        {u"TagResource"_s, &LogsHandler::tagResource},
        {u"UntagResource"_s, &LogsHandler::untagResource},
        {u"ListTagsForResource"_s, &LogsHandler::listTagsForResource},
        {u"TagLogGroup"_s, &LogsHandler::tagLogGroup},
        {u"UntagLogGroup"_s, &LogsHandler::untagLogGroup},
        {u"ListTagsLogGroup"_s, &LogsHandler::listTagsLogGroup},
        {u"PutMetricFilter"_s, &LogsHandler::putMetricFilter},
        {u"DeleteMetricFilter"_s, &LogsHandler::deleteMetricFilter},
        {u"DescribeMetricFilters"_s, &LogsHandler::describeMetricFilters},
        {u"TestMetricFilter"_s, &LogsHandler::testMetricFilter},
    };
    return table;
}

QStringList LogsHandler::operations() const
{
    return operationTable().keys();
}

void LogsHandler::handle(const AwsRequest &request, Responder responder)
{
    const QString &operation = request.route.operation;
    const auto it = operationTable().constFind(operation);
    if (it == operationTable().cend()) {
        responder.fail(operation,
            operation.isEmpty() ? CommonErrors::missingParameter(u"X-Amz-Target"_s)
                                : CommonErrors::notImplemented(u"logs"_s, operation));
        return;
    }
    const auto input = JsonProtocol::parseBody(request.http);
    if (!input) {
        responder.fail(operation, input.error());
        return;
    }
    const auto output = (this->*(*it))(*input);
    if (!output) {
        responder.fail(operation, output.error());
        return;
    }
    responder.send(
        operation, JsonProtocol::result(*output, request.route.protocol, request.requestId));
}

Result<QJsonObject> LogsHandler::createLogGroup(const QJsonObject &input)
{
    const auto name = required(input, u"logGroupName"_s);
    if (!name)
        return std::unexpected(name.error());
    if (auto done = m_service->createLogGroup(
            *name, input.value(u"kmsKeyId"_s).toString(), tagMap(input.value(u"tags"_s)));
        !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::deleteLogGroup(const QJsonObject &input)
{
    const auto name = required(input, u"logGroupName"_s);
    if (!name)
        return std::unexpected(name.error());
    if (auto done = m_service->deleteLogGroup(*name); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::describeLogGroups(const QJsonObject &input)
{
    const auto page = m_service->describeLogGroups(input.value(u"logGroupNamePrefix"_s).toString(),
        input.value(u"nextToken"_s).toString(),
        optionalInt(input, u"limit"_s));
    if (!page)
        return std::unexpected(page.error());
    QJsonArray groups;
    for (const Logs::LogGroup &group : page->items) {
        QJsonObject object{
            {u"logGroupName"_s, group.name},
            {u"creationTime"_s, group.creationTimeMs},
            {u"metricFilterCount"_s, group.metricFilterCount},
            {u"arn"_s, QString(m_service->groupArn(group.name) + u":*"_s)},
            {u"logGroupArn"_s, m_service->groupArn(group.name)},
            {u"storedBytes"_s, group.storedBytes},
        };
        if (group.retentionInDays)
            object.insert(u"retentionInDays"_s, *group.retentionInDays);
        if (!group.kmsKeyId.isEmpty())
            object.insert(u"kmsKeyId"_s, group.kmsKeyId);
        groups.append(object);
    }
    QJsonObject output{{u"logGroups"_s, groups}};
    if (!page->nextToken.isEmpty())
        output.insert(u"nextToken"_s, page->nextToken);
    return output;
}

Result<QJsonObject> LogsHandler::createLogStream(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    const auto stream = required(input, u"logStreamName"_s);
    if (!group || !stream)
        return std::unexpected(!group ? group.error() : stream.error());
    if (auto done = m_service->createLogStream(*group, *stream); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::deleteLogStream(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    const auto stream = required(input, u"logStreamName"_s);
    if (!group || !stream)
        return std::unexpected(!group ? group.error() : stream.error());
    if (auto done = m_service->deleteLogStream(*group, *stream); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::describeLogStreams(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    if (!group)
        return std::unexpected(group.error());
    const auto page = m_service->describeLogStreams(*group,
        input.value(u"logStreamNamePrefix"_s).toString(),
        input.value(u"orderBy"_s).toString(),
        input.value(u"descending"_s).toBool(),
        input.value(u"nextToken"_s).toString(),
        optionalInt(input, u"limit"_s));
    if (!page)
        return std::unexpected(page.error());
    QJsonArray streams;
    for (const Logs::LogStream &stream : page->items) {
        QJsonObject object{
            {u"logStreamName"_s, stream.name},
            {u"creationTime"_s, stream.creationTimeMs},
            {u"arn"_s, QString(m_service->groupArn(*group) + u":log-stream:"_s + stream.name)},
            {u"storedBytes"_s, stream.storedBytes},
        };
        if (stream.firstEventTimestamp)
            object.insert(u"firstEventTimestamp"_s, *stream.firstEventTimestamp);
        if (stream.lastEventTimestamp)
            object.insert(u"lastEventTimestamp"_s, *stream.lastEventTimestamp);
        if (stream.lastIngestionTime)
            object.insert(u"lastIngestionTime"_s, *stream.lastIngestionTime);
        streams.append(object);
    }
    QJsonObject output{{u"logStreams"_s, streams}};
    if (!page->nextToken.isEmpty())
        output.insert(u"nextToken"_s, page->nextToken);
    return output;
}

Result<QJsonObject> LogsHandler::putLogEvents(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    const auto stream = required(input, u"logStreamName"_s);
    if (!group || !stream)
        return std::unexpected(!group ? group.error() : stream.error());
    QList<Logs::InputLogEvent> events;
    for (const QJsonValue &value : input.value(u"logEvents"_s).toArray()) {
        const QJsonObject event = value.toObject();
        events.append(
            {qint64(event.value(u"timestamp"_s).toDouble()), event.value(u"message"_s).toString()});
    }
    const auto result = m_service->putLogEvents(*group, *stream, events);
    if (!result)
        return std::unexpected(result.error());
    QJsonObject output{{u"nextSequenceToken"_s, result->nextSequenceToken}};
    QJsonObject rejected;
    if (result->tooNewLogEventStartIndex)
        rejected.insert(u"tooNewLogEventStartIndex"_s, *result->tooNewLogEventStartIndex);
    if (result->tooOldLogEventEndIndex)
        rejected.insert(u"tooOldLogEventEndIndex"_s, *result->tooOldLogEventEndIndex);
    if (result->expiredLogEventEndIndex)
        rejected.insert(u"expiredLogEventEndIndex"_s, *result->expiredLogEventEndIndex);
    if (!rejected.isEmpty())
        output.insert(u"rejectedLogEventsInfo"_s, rejected);
    return output;
}

Result<QJsonObject> LogsHandler::getLogEvents(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    const auto stream = required(input, u"logStreamName"_s);
    if (!group || !stream)
        return std::unexpected(!group ? group.error() : stream.error());
    Logs::GetLogEventsQuery query;
    query.groupName = *group;
    query.streamName = *stream;
    query.startTime = optionalTime(input, u"startTime"_s);
    query.endTime = optionalTime(input, u"endTime"_s);
    query.nextToken = input.value(u"nextToken"_s).toString();
    query.limit = optionalInt(input, u"limit"_s).value_or(10000);
    query.startFromHead = input.value(u"startFromHead"_s).toBool();
    const auto result = m_service->getLogEvents(query);
    if (!result)
        return std::unexpected(result.error());
    QJsonArray events;
    for (const Logs::LogEvent &event : result->events)
        events.append(QJsonObject{{u"timestamp"_s, event.timestampMs},
            {u"message"_s, event.message},
            {u"ingestionTime"_s, event.ingestionTimeMs}});
    return QJsonObject{{u"events"_s, events},
        {u"nextForwardToken"_s, result->nextForwardToken},
        {u"nextBackwardToken"_s, result->nextBackwardToken}};
}

Result<QJsonObject> LogsHandler::filterLogEvents(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    if (!group)
        return std::unexpected(group.error());
    Logs::FilterLogEventsQuery query;
    query.groupName = *group;
    query.streamNames = stringList(input.value(u"logStreamNames"_s));
    query.streamNamePrefix = input.value(u"logStreamNamePrefix"_s).toString();
    query.startTime = optionalTime(input, u"startTime"_s);
    query.endTime = optionalTime(input, u"endTime"_s);
    query.filterPattern = input.value(u"filterPattern"_s).toString();
    query.nextToken = input.value(u"nextToken"_s).toString();
    query.limit = optionalInt(input, u"limit"_s).value_or(10000);
    const auto page = m_service->filterLogEvents(query);
    if (!page)
        return std::unexpected(page.error());
    QJsonArray events;
    for (const Logs::LogEvent &event : page->items)
        events.append(QJsonObject{{u"logStreamName"_s, event.streamName},
            {u"timestamp"_s, event.timestampMs},
            {u"message"_s, event.message},
            {u"ingestionTime"_s, event.ingestionTimeMs},
            {u"eventId"_s, u"%1"_s.arg(event.id, 56, 10, QChar(u'0'))}});
    QJsonObject output{{u"events"_s, events}, {u"searchedLogStreams"_s, QJsonArray()}};
    if (!page->nextToken.isEmpty())
        output.insert(u"nextToken"_s, page->nextToken);
    return output;
}

Result<QJsonObject> LogsHandler::putRetentionPolicy(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    if (!group)
        return std::unexpected(group.error());
    const auto days = optionalInt(input, u"retentionInDays"_s);
    if (!days)
        return std::unexpected(Logs::Errors::validation(
            u"null"_s, u"retentionInDays"_s, u"Member must not be null"_s));
    if (auto done = m_service->putRetentionPolicy(*group, *days); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::deleteRetentionPolicy(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    if (!group)
        return std::unexpected(group.error());
    if (auto done = m_service->deleteRetentionPolicy(*group); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::tagResource(const QJsonObject &input)
{
    const auto arn = required(input, u"resourceArn"_s);
    if (!arn)
        return std::unexpected(arn.error());
    const auto group = m_service->groupNameFromArn(*arn);
    if (!group)
        return std::unexpected(group.error());
    if (auto done = m_service->tagLogGroup(*group, tagMap(input.value(u"tags"_s))); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::untagResource(const QJsonObject &input)
{
    const auto arn = required(input, u"resourceArn"_s);
    if (!arn)
        return std::unexpected(arn.error());
    const auto group = m_service->groupNameFromArn(*arn);
    if (!group)
        return std::unexpected(group.error());
    if (auto done = m_service->untagLogGroup(*group, stringList(input.value(u"tagKeys"_s))); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::listTagsForResource(const QJsonObject &input)
{
    const auto arn = required(input, u"resourceArn"_s);
    if (!arn)
        return std::unexpected(arn.error());
    const auto group = m_service->groupNameFromArn(*arn);
    if (!group)
        return std::unexpected(group.error());
    const auto tags = m_service->listTagsLogGroup(*group);
    if (!tags)
        return std::unexpected(tags.error());
    return QJsonObject{{u"tags"_s, tagObject(*tags)}};
}

Result<QJsonObject> LogsHandler::tagLogGroup(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    if (!group)
        return std::unexpected(group.error());
    if (auto done = m_service->tagLogGroup(*group, tagMap(input.value(u"tags"_s))); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::untagLogGroup(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    if (!group)
        return std::unexpected(group.error());
    if (auto done = m_service->untagLogGroup(*group, stringList(input.value(u"tags"_s))); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::listTagsLogGroup(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    if (!group)
        return std::unexpected(group.error());
    const auto tags = m_service->listTagsLogGroup(*group);
    if (!tags)
        return std::unexpected(tags.error());
    return QJsonObject{{u"tags"_s, tagObject(*tags)}};
}

namespace {

QJsonObject metricFilterJson(const Logs::MetricFilter &filter)
{
    return QJsonObject{
        {u"filterName"_s, filter.name},
        {u"filterPattern"_s, filter.pattern},
        {u"metricTransformations"_s, QJsonArray{Logs::toJson(filter.transformation)}},
        {u"creationTime"_s, filter.creationTimeMs},
        {u"logGroupName"_s, filter.groupName},
        {u"applyOnTransformedLogs"_s, false},
    };
}

} // namespace

Result<QJsonObject> LogsHandler::putMetricFilter(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    const auto name = required(input, u"filterName"_s);
    const auto pattern = required(input, u"filterPattern"_s);
    for (const auto *value : {&group, &name, &pattern}) {
        if (!*value)
            return std::unexpected(value->error());
    }
    const QJsonArray transformations = input.value(u"metricTransformations"_s).toArray();
    if (transformations.size() != 1)
        return std::unexpected(Logs::Errors::validation(u"metricTransformations"_s,
            u"metricTransformations"_s,
            u"Member must have length less than or equal to 1"_s));
    const QJsonObject t = transformations.first().toObject();
    // Members of the wrong JSON type are refused as the service's deserializer does.
    const QJsonValue defaultValue = t.value(u"defaultValue"_s);
    if (!defaultValue.isUndefined() && !defaultValue.isNull() && !defaultValue.isDouble())
        return std::unexpected(
            CommonErrors::serialization(u"STRING_VALUE can not be converted to a Double"_s));
    const QJsonValue dimensions = t.value(u"dimensions"_s);
    if (!dimensions.isUndefined() && !dimensions.isNull() && !dimensions.isObject())
        return std::unexpected(
            CommonErrors::serialization(u"Start of list found where not expected"_s));
    for (const QString &member : {u"metricName"_s, u"metricNamespace"_s, u"metricValue"_s}) {
        const QJsonValue value = t.value(member);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return std::unexpected(
                CommonErrors::serialization(u"Unexpected value type for member %1"_s.arg(member)));
    }
    Logs::MetricFilter filter;
    filter.groupName = *group;
    filter.name = *name;
    filter.pattern = *pattern;
    filter.transformation = Logs::transformationFromJson(t);
    if (auto done = m_service->putMetricFilter(filter); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::deleteMetricFilter(const QJsonObject &input)
{
    const auto group = required(input, u"logGroupName"_s);
    const auto name = required(input, u"filterName"_s);
    if (!group || !name)
        return std::unexpected(!group ? group.error() : name.error());
    if (auto done = m_service->deleteMetricFilter(*group, *name); !done)
        return std::unexpected(done.error());
    return empty();
}

Result<QJsonObject> LogsHandler::describeMetricFilters(const QJsonObject &input)
{
    const auto page = m_service->describeMetricFilters(input.value(u"logGroupName"_s).toString(),
        input.value(u"filterNamePrefix"_s).toString(),
        input.value(u"metricName"_s).toString(),
        input.value(u"metricNamespace"_s).toString(),
        input.value(u"nextToken"_s).toString(),
        optionalInt(input, u"limit"_s));
    if (!page)
        return std::unexpected(page.error());
    QJsonArray filters;
    for (const Logs::MetricFilter &filter : page->items)
        filters.append(metricFilterJson(filter));
    QJsonObject output{{u"metricFilters"_s, filters}};
    if (!page->nextToken.isEmpty())
        output.insert(u"nextToken"_s, page->nextToken);
    return output;
}

Result<QJsonObject> LogsHandler::testMetricFilter(const QJsonObject &input)
{
    const auto pattern = required(input, u"filterPattern"_s);
    if (!pattern)
        return std::unexpected(pattern.error());
    const auto matches =
        m_service->testMetricFilter(*pattern, stringList(input.value(u"logEventMessages"_s)));
    if (!matches)
        return std::unexpected(matches.error());
    QJsonArray records;
    for (const Logs::MetricFilterMatch &match : *matches)
        records.append(QJsonObject{{u"eventNumber"_s, match.eventNumber},
            {u"eventMessage"_s, match.eventMessage},
            {u"extractedValues"_s, tagObject(match.extractedValues)}});
    return QJsonObject{{u"matches"_s, records}};
}

} // namespace Core::Api
