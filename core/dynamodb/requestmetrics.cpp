// SPDX-License-Identifier: MIT
// DynamoDbService::call: provisioned-throughput throttling and the AWS/DynamoDB metrics of each
// API request.
#include "core/dynamodb/dynamodbservice.h"

#include "core/common/clock.h"
#include "core/common/metricsink.h"
#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/legacyconditions.h"
#include "core/dynamodb/requestsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

constexpr QStringView Namespace = u"AWS/DynamoDB";

// Operations that take ReturnConsumedCapacity (the data plane, whose requests AWS meters).
bool metered(const QString &operation)
{
    static const QSet<QString> operations{u"PutItem"_s,
        u"GetItem"_s,
        u"UpdateItem"_s,
        u"DeleteItem"_s,
        u"Query"_s,
        u"Scan"_s,
        u"BatchGetItem"_s,
        u"BatchWriteItem"_s,
        u"TransactWriteItems"_s,
        u"TransactGetItems"_s,
        u"ExecuteStatement"_s,
        u"BatchExecuteStatement"_s};
    return operations.contains(operation);
}

// Single-table operations a PROVISIONED table throttles as a whole: true for reads, false for
// writes. Batches throttle item by item themselves (UnprocessedItems/UnprocessedKeys) and
// transactions cancel themselves; PartiQL is charged but not throttled.
std::optional<bool> throttledAsRead(const QString &operation)
{
    if (operation == u"GetItem" || operation == u"Query" || operation == u"Scan")
        return true;
    if (operation == u"PutItem" || operation == u"UpdateItem" || operation == u"DeleteItem")
        return false;
    return std::nullopt;
}

// Operations that take their consumed capacity from the limiter item by item.
bool consumesItself(const QString &operation)
{
    return operation == u"BatchWriteItem" || operation == u"BatchGetItem";
}

QJsonArray consumedList(const QJsonValue &consumed)
{
    if (consumed.isArray())
        return consumed.toArray();
    if (consumed.isObject())
        return QJsonArray{consumed};
    return {};
}

// ReturnConsumedCapacity TOTAL from an INDEXES answer: without the per-index breakdown.
QJsonValue totalsOnly(const QJsonValue &consumed)
{
    const auto strip = [](QJsonObject entry) {
        entry.remove(u"Table"_s);
        entry.remove(u"GlobalSecondaryIndexes"_s);
        entry.remove(u"LocalSecondaryIndexes"_s);
        return entry;
    };
    if (consumed.isObject())
        return strip(consumed.toObject());
    QJsonArray list;
    for (const QJsonValue &entry : consumed.toArray())
        list.append(strip(entry.toObject()));
    return list;
}

} // namespace

DynamoDbService::Response DynamoDbService::call(const QString &operationName,
    Operation operation,
    const QJsonObject &original,
    QList<QByteArray> *rawItems)
{
    auto typed = RequestSupport::checkMemberTypes(original);
    if (!typed) {
        Response refused = std::unexpected(typed.error());
        if (m_metricSink)
            reportMetrics(operationName, original, refused, 0, {});
        return refused;
    }
    const QJsonObject &request = *typed;
    if (!metered(operationName)) {
        // Control-plane requests count only in UserErrors.
        Response response = (this->*operation)(request);
        if (m_metricSink && !response)
            reportMetrics(operationName, request, response, 0, {});
        return response;
    }
    const bool raw = rawItems
        && (operationName == u"GetItem" || operationName == u"Query" || operationName == u"Scan");
    QElapsedTimer timer;
    timer.start();
    QList<ThrottleEvent> throttleEvents;
    m_throttleEvents = &throttleEvents;
    const auto stopRecording = qScopeGuard([this] { m_throttleEvents = nullptr; });
    if (const auto read = throttledAsRead(operationName)) {
        const auto table = loadTable(request.value(u"TableName"_s).toString());
        const auto exhausted = table ? m_throughput.exhausted(*table,
                                   *read,
                                   m_clock->nowMs(),
                                   *read ? request.value(u"IndexName"_s).toString() : QString())
                                     : ThroughputLimiter::Exhausted();
        if (exhausted.any()) {
            noteThrottled(table->name, *read, exhausted);
            Response throttled = std::unexpected(Errors::provisionedThroughputExceeded(
                exhausted.verdict() == ThroughputLimiter::Verdict::IndexExceeded));
            if (m_metricSink)
                reportMetrics(operationName, request, throttled, 0, throttleEvents);
            return throttled;
        }
    }
    // Capacity is consumed (and metered) whether or not the client asked to see it: ask for it
    // per index (GSIs have their own capacity), and answer what the client asked for.
    auto modern = LegacyConditions::toExpressions(request);
    if (!modern) {
        Response refused = std::unexpected(modern.error());
        if (m_metricSink)
            reportMetrics(operationName, request, refused, 0, throttleEvents);
        return refused;
    }
    const QString asked = request.value(u"ReturnConsumedCapacity"_s).toString(u"NONE"_s);
    QJsonObject withCapacity = *modern;
    if (asked == u"NONE" || asked == u"TOTAL")
        withCapacity.insert(u"ReturnConsumedCapacity"_s, u"INDEXES"_s);
    m_rawItems = raw ? rawItems : nullptr;
    Response response = (this->*operation)(withCapacity);
    m_rawItems = nullptr;
    const double latencyMs = double(timer.nsecsElapsed()) / 1e6;
    if (response && !consumesItself(operationName)) {
        for (const QJsonValue &entry : consumedList(response->value(u"ConsumedCapacity"_s))) {
            const QJsonObject consumed = entry.toObject();
            const auto table = loadTable(consumed.value(u"TableName"_s).toString());
            if (!table)
                continue;
            Capacity capacity;
            capacity.table = consumed.value(u"CapacityUnits"_s).toDouble();
            const QJsonObject globals = consumed.value(u"GlobalSecondaryIndexes"_s).toObject();
            for (auto it = globals.begin(); it != globals.end(); ++it) {
                const double units = it.value()[u"CapacityUnits"].toDouble();
                capacity.global.insert(it.key(), units);
                capacity.table -= units;
            }
            m_throughput.consume(
                *table, consumed.contains(u"ReadCapacityUnits"_s), capacity, m_clock->nowMs());
        }
    }
    if (m_metricSink)
        reportMetrics(operationName, request, response, latencyMs, throttleEvents);
    if (response && asked == u"NONE")
        response->remove(u"ConsumedCapacity"_s);
    else if (response && asked == u"TOTAL" && response->contains(u"ConsumedCapacity"_s))
        response->insert(u"ConsumedCapacity"_s, totalsOnly(response->value(u"ConsumedCapacity"_s)));
    return response;
}

void DynamoDbService::noteThrottled(
    const QString &table, bool read, const ThroughputLimiter::Exhausted &exhausted)
{
    if (!m_throttleEvents)
        return;
    if (exhausted.table)
        m_throttleEvents->append({table, QString(), read});
    for (const QString &index : exhausted.globalIndexes)
        m_throttleEvents->append({table, index, read});
}

void DynamoDbService::reportMetrics(const QString &operationName,
    const QJsonObject &request,
    const Response &response,
    double latencyMs,
    const QList<ThrottleEvent> &throttleEvents)
{
    const qint64 now = m_clock->nowMs();
    const QString tableName = request.value(u"TableName"_s).toString();
    const auto put = [this, now](const QString &metric,
                         const MetricSink::MetricDimensions &dimensions,
                         double value,
                         const QString &unit) {
        m_metricSink->putMetric(Namespace.toString(), metric, dimensions, value, unit, now);
    };
    // AWS counts every throttled event (an item of a batch, the table or a GSI of a write) in
    // Read/WriteThrottleEvents, per TableName, and per TableName + GlobalSecondaryIndexName for
    // a GSI; ThrottledRequests counts the request once, and a batch only when every item in it
    // was throttled (the request then fails with ProvisionedThroughputExceededException).
    QStringList throttledTables;
    for (const ThrottleEvent &event : throttleEvents) {
        MetricSink::MetricDimensions dimensions{{u"TableName"_s, event.table}};
        if (!event.globalIndex.isEmpty())
            dimensions.append({u"GlobalSecondaryIndexName"_s, event.globalIndex});
        put(event.read ? u"ReadThrottleEvents"_s : u"WriteThrottleEvents"_s,
            dimensions,
            1,
            u"Count"_s);
        if (!throttledTables.contains(event.table))
            throttledTables.append(event.table);
    }
    if (!response) {
        const AwsError &error = response.error();
        const bool throttled = error.code == u"ProvisionedThroughputExceededException"
            || (error.code == u"TransactionCanceledException" && !throttleEvents.isEmpty());
        if (throttled) {
            // Not a UserError: AWS counts throttled requests only in ThrottledRequests.
            for (const QString &table : std::as_const(throttledTables))
                put(u"ThrottledRequests"_s,
                    {{u"TableName"_s, table}, {u"Operation"_s, operationName}},
                    1,
                    u"Count"_s);
        } else if (error.code == u"ConditionalCheckFailedException") {
            if (!tableName.isEmpty())
                put(u"ConditionalCheckFailedRequests"_s,
                    {{u"TableName"_s, tableName}},
                    1,
                    u"Count"_s);
        } else if (error.httpStatus == 400) {
            put(u"UserErrors"_s, {}, 1, u"Count"_s);
        }
        return;
    }
    QSet<QString> tables;
    for (const QJsonValue &entry : consumedList(response->value(u"ConsumedCapacity"_s))) {
        const QJsonObject consumed = entry.toObject();
        const QString table = consumed.value(u"TableName"_s).toString();
        if (table.isEmpty())
            continue;
        tables.insert(table);
        const double units = consumed.value(u"CapacityUnits"_s).toDouble();
        const bool read = consumed.contains(u"ReadCapacityUnits"_s);
        if (units > 0)
            put(read ? u"ConsumedReadCapacityUnits"_s : u"ConsumedWriteCapacityUnits"_s,
                {{u"TableName"_s, table}},
                units,
                u"Count"_s);
    }
    if (tables.isEmpty() && !tableName.isEmpty())
        tables.insert(tableName);
    for (const QString &table : std::as_const(tables))
        put(u"SuccessfulRequestLatency"_s,
            {{u"TableName"_s, table}, {u"Operation"_s, operationName}},
            latencyMs,
            u"Milliseconds"_s);
    if ((operationName == u"Query" || operationName == u"Scan") && !tableName.isEmpty())
        put(u"ReturnedItemCount"_s,
            {{u"TableName"_s, tableName}, {u"Operation"_s, operationName}},
            response->value(u"Count"_s).toDouble(),
            u"Count"_s);
}

} // namespace Core::DynamoDb
