// SPDX-License-Identifier: MIT
#include "core/lambda/lambdastore.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStorage) << "lambda:" << query.lastError().text();
    return false;
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// One row addressed by two keys: the version or alias tables.
bool deleteKeyedRow(const Storage::Database &database,
    const QString &sql,
    const QString &first,
    const QString &second)
{
    QSqlQuery &query = database.prepared(sql);
    query.addBindValue(first);
    query.addBindValue(second);
    return run(query) && query.numRowsAffected() > 0;
}

std::optional<QJsonObject> keyedConfig(const Storage::Database &database,
    const QString &sql,
    const QString &first,
    const QString &second)
{
    QSqlQuery &query = database.prepared(sql);
    query.addBindValue(first);
    query.addBindValue(second);
    if (!run(query) || !query.next())
        return std::nullopt;
    const QString text = query.value(0).toString();
    query.finish();
    return parseJson(text);
}

QString column(LambdaStore::Document which)
{
    switch (which) {
    case LambdaStore::Document::Tags:
        return u"tags"_s;
    case LambdaStore::Document::Policy:
        return u"policy"_s;
    }
    return u"tags"_s;
}

} // namespace

LambdaStore::LambdaStore(const Storage::Database &database)
    : m_database(database)
{}

bool LambdaStore::insertFunction(const QString &name, qint64 createdMs)
{
    QSqlQuery &query =
        m_database.prepared(u"INSERT INTO lambda_functions (name, created_ms) VALUES (?, ?)"_s);
    query.addBindValue(name);
    query.addBindValue(createdMs);
    return run(query);
}

bool LambdaStore::deleteFunction(const QString &name)
{
    QSqlQuery &query = m_database.prepared(u"DELETE FROM lambda_functions WHERE name = ?"_s);
    query.addBindValue(name);
    return run(query) && query.numRowsAffected() > 0;
}

bool LambdaStore::functionExists(const QString &name) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT 1 FROM lambda_functions WHERE name = ?"_s);
    query.addBindValue(name);
    const bool exists = run(query) && query.next();
    query.finish();
    return exists;
}

int LambdaStore::nextVersionNumber(const QString &name)
{
    QSqlQuery &update = m_database.prepared(
        u"UPDATE lambda_functions SET last_version = last_version + 1 WHERE name = ? "
        u"RETURNING last_version"_s);
    update.addBindValue(name);
    if (!run(update) || !update.next())
        return 0;
    const int number = update.value(0).toInt();
    update.finish();
    return number;
}

bool LambdaStore::putVersion(const FunctionConfiguration &config)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO lambda_versions (function_name, version, config) VALUES (?, ?, ?)"_s);
    query.addBindValue(config.functionName);
    query.addBindValue(config.version);
    query.addBindValue(jsonText(config.toJson()));
    return run(query);
}

bool LambdaStore::deleteVersion(const QString &name, const QString &version)
{
    return deleteKeyedRow(m_database,
        u"DELETE FROM lambda_versions WHERE function_name = ? AND version = ?"_s,
        name,
        version);
}

std::optional<FunctionConfiguration> LambdaStore::version(
    const QString &name, const QString &version) const
{
    const auto config = keyedConfig(m_database,
        u"SELECT config FROM lambda_versions WHERE function_name = ? AND version = ?"_s,
        name,
        version);
    if (!config)
        return std::nullopt;
    return FunctionConfiguration::fromJson(*config);
}

QList<FunctionConfiguration> LambdaStore::versions(const QString &name) const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT config FROM lambda_versions WHERE function_name = ? ORDER BY "
                            u"version = '$LATEST' DESC, CAST(version AS INTEGER)"_s);
    query.addBindValue(name);
    QList<FunctionConfiguration> list;
    if (!run(query))
        return list;
    while (query.next())
        list.append(FunctionConfiguration::fromJson(parseJson(query.value(0).toString())));
    query.finish();
    return list;
}

QList<FunctionConfiguration> LambdaStore::latest(const QString &after, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT config FROM lambda_versions WHERE version = '$LATEST' AND function_name > ? "
        u"ORDER BY function_name LIMIT ?"_s);
    query.addBindValue(after.isNull() ? u""_s : after);
    query.addBindValue(limit);
    QList<FunctionConfiguration> list;
    if (!run(query))
        return list;
    while (query.next())
        list.append(FunctionConfiguration::fromJson(parseJson(query.value(0).toString())));
    query.finish();
    return list;
}

std::optional<int> LambdaStore::reservedConcurrency(const QString &name) const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT reserved_concurrency FROM lambda_functions WHERE name = ?"_s);
    query.addBindValue(name);
    if (!run(query) || !query.next())
        return std::nullopt;
    const QVariant value = query.value(0);
    query.finish();
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

QString LambdaStore::recursiveLoop(const QString &name) const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT recursive_loop FROM lambda_functions WHERE name = ?"_s);
    query.addBindValue(name);
    if (!run(query) || !query.next())
        return {};
    const QString value = query.value(0).toString();
    query.finish();
    return value;
}

bool LambdaStore::setRecursiveLoop(const QString &name, const QString &value)
{
    QSqlQuery &query =
        m_database.prepared(u"UPDATE lambda_functions SET recursive_loop = ? WHERE name = ?"_s);
    query.addBindValue(value);
    query.addBindValue(name);
    return run(query);
}

void LambdaStore::setReservedConcurrency(const QString &name, std::optional<int> value)
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE lambda_functions SET reserved_concurrency = ? WHERE name = ?"_s);
    query.addBindValue(value ? QVariant(*value) : QVariant());
    query.addBindValue(name);
    run(query);
}

qint64 LambdaStore::totalReservedConcurrency(const QString &exceptName) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT COALESCE(SUM(reserved_concurrency), 0) FROM lambda_functions WHERE name <> ?"_s);
    query.addBindValue(exceptName.isNull() ? u""_s : exceptName);
    if (!run(query) || !query.next())
        return 0;
    const qint64 total = query.value(0).toLongLong();
    query.finish();
    return total;
}

int LambdaStore::functionCount() const
{
    QSqlQuery &query = m_database.prepared(u"SELECT COUNT(*) FROM lambda_functions"_s);
    if (!run(query) || !query.next())
        return 0;
    const int count = query.value(0).toInt();
    query.finish();
    return count;
}

qint64 LambdaStore::totalCodeSize() const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT COALESCE(SUM(json_extract(config, '$.CodeSize')), 0) FROM lambda_versions"_s);
    if (!run(query) || !query.next())
        return 0;
    const qint64 total = query.value(0).toLongLong();
    query.finish();
    return total;
}

QJsonObject LambdaStore::document(const QString &name, Document which) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT "_s + column(which) + u" FROM lambda_functions WHERE name = ?"_s);
    query.addBindValue(name);
    if (!run(query) || !query.next())
        return {};
    const QString text = query.value(0).toString();
    query.finish();
    return parseJson(text);
}

void LambdaStore::setDocument(const QString &name, Document which, const QJsonObject &value)
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE lambda_functions SET "_s + column(which) + u" = ? WHERE name = ?"_s);
    query.addBindValue(value.isEmpty() && which != Document::Tags ? u""_s : jsonText(value));
    query.addBindValue(name);
    run(query);
}

bool LambdaStore::putAlias(const QString &function, const AliasConfiguration &alias)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO lambda_aliases (function_name, name, config) VALUES (?, ?, ?)"_s);
    query.addBindValue(function);
    query.addBindValue(alias.name);
    query.addBindValue(jsonText(alias.toJson()));
    return run(query);
}

bool LambdaStore::deleteAlias(const QString &function, const QString &alias)
{
    return deleteKeyedRow(m_database,
        u"DELETE FROM lambda_aliases WHERE function_name = ? AND name = ?"_s,
        function,
        alias);
}

std::optional<AliasConfiguration> LambdaStore::alias(
    const QString &function, const QString &alias) const
{
    const auto config = keyedConfig(m_database,
        u"SELECT config FROM lambda_aliases WHERE function_name = ? AND name = ?"_s,
        function,
        alias);
    if (!config)
        return std::nullopt;
    return AliasConfiguration::fromJson(*config);
}

QList<AliasConfiguration> LambdaStore::aliases(const QString &function) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT config FROM lambda_aliases WHERE function_name = ? ORDER BY name"_s);
    query.addBindValue(function);
    QList<AliasConfiguration> list;
    if (!run(query))
        return list;
    while (query.next())
        list.append(AliasConfiguration::fromJson(parseJson(query.value(0).toString())));
    query.finish();
    return list;
}

bool LambdaStore::putMapping(
    const QString &uuid, const QString &function, const QJsonObject &config)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO lambda_event_source_mappings (uuid, function_name, config) "
        u"VALUES (?, ?, ?)"_s);
    query.addBindValue(uuid);
    query.addBindValue(function);
    query.addBindValue(jsonText(config));
    return run(query);
}

bool LambdaStore::deleteMapping(const QString &uuid)
{
    QSqlQuery &query =
        m_database.prepared(u"DELETE FROM lambda_event_source_mappings WHERE uuid = ?"_s);
    query.addBindValue(uuid);
    return run(query) && query.numRowsAffected() > 0;
}

std::optional<QJsonObject> LambdaStore::mapping(const QString &uuid) const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT config FROM lambda_event_source_mappings WHERE uuid = ?"_s);
    query.addBindValue(uuid);
    if (!run(query) || !query.next())
        return std::nullopt;
    const QString text = query.value(0).toString();
    query.finish();
    return parseJson(text);
}

QList<QJsonObject> LambdaStore::mappings(const QString &function) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT config FROM lambda_event_source_mappings WHERE ? = '' OR function_name = ? "
        u"ORDER BY uuid"_s);
    query.addBindValue(function.isNull() ? u""_s : function);
    query.addBindValue(function.isNull() ? u""_s : function);
    QList<QJsonObject> list;
    if (!run(query))
        return list;
    while (query.next())
        list.append(parseJson(query.value(0).toString()));
    query.finish();
    return list;
}

void LambdaStore::insertInvocation(const InvocationRecord &record)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO lambda_invocations (function_name, time_ms, version, request_id, status, "
        u"duration_ms, init_ms, memory_mb, log_stream) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(record.functionName);
    query.addBindValue(record.timeMs);
    query.addBindValue(record.version);
    query.addBindValue(record.requestId);
    query.addBindValue(record.status);
    query.addBindValue(record.durationMs);
    query.addBindValue(record.initDurationMs ? QVariant(*record.initDurationMs) : QVariant());
    query.addBindValue(record.maxMemoryUsedMb);
    query.addBindValue(record.logStream.isNull() ? u""_s : record.logStream);
    run(query);
    QSqlQuery &prune = m_database.prepared(
        u"DELETE FROM lambda_invocations WHERE function_name = ? AND id <= "
        u"(SELECT MAX(id) FROM lambda_invocations WHERE function_name = ?) - 500"_s);
    prune.addBindValue(record.functionName);
    prune.addBindValue(record.functionName);
    run(prune);
}

QList<InvocationRecord> LambdaStore::recentInvocations(const QString &function, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT time_ms, function_name, version, request_id, status, duration_ms, init_ms, "
        u"memory_mb, log_stream FROM lambda_invocations WHERE function_name = ? "
        u"ORDER BY id DESC LIMIT ?"_s);
    query.addBindValue(function);
    query.addBindValue(limit);
    QList<InvocationRecord> list;
    if (!run(query))
        return list;
    while (query.next()) {
        InvocationRecord record;
        record.timeMs = query.value(0).toLongLong();
        record.functionName = query.value(1).toString();
        record.version = query.value(2).toString();
        record.requestId = query.value(3).toString();
        record.status = query.value(4).toString();
        record.durationMs = query.value(5).toDouble();
        if (!query.value(6).isNull())
            record.initDurationMs = query.value(6).toDouble();
        record.maxMemoryUsedMb = query.value(7).toInt();
        record.logStream = query.value(8).toString();
        list.append(record);
    }
    query.finish();
    return list;
}

void LambdaStore::insertEventFailure(const QString &function,
    qint64 timeMs,
    const QString &requestId,
    const QString &destination,
    const QByteArray &payload,
    const QString &error)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO lambda_event_failures (function_name, time_ms, request_id, destination, "
        u"payload, error) VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(function);
    query.addBindValue(timeMs);
    query.addBindValue(requestId);
    query.addBindValue(destination.isNull() ? u""_s : destination);
    query.addBindValue(payload.isNull() ? QByteArray("") : payload);
    query.addBindValue(error.isNull() ? u""_s : error);
    run(query);
}

int LambdaStore::eventFailureCount(const QString &function) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT COUNT(*) FROM lambda_event_failures WHERE function_name = ?"_s);
    query.addBindValue(function);
    if (!run(query) || !query.next())
        return 0;
    const int count = query.value(0).toInt();
    query.finish();
    return count;
}

QJsonObject LambdaStore::eventInvokeConfig(const QString &name, const QString &qualifier) const
{
    return keyedConfig(m_database,
        u"SELECT config FROM lambda_event_invoke_configs WHERE function_name = ? AND "
        u"qualifier = ?"_s,
        name,
        qualifier)
        .value_or(QJsonObject());
}

bool LambdaStore::putEventInvokeConfig(
    const QString &name, const QString &qualifier, const QJsonObject &config)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO lambda_event_invoke_configs (function_name, qualifier, config) "
        u"VALUES (?, ?, ?)"_s);
    query.addBindValue(name);
    query.addBindValue(qualifier);
    query.addBindValue(jsonText(config));
    return run(query);
}

bool LambdaStore::deleteEventInvokeConfig(const QString &name, const QString &qualifier)
{
    return deleteKeyedRow(m_database,
        u"DELETE FROM lambda_event_invoke_configs WHERE function_name = ? AND qualifier = ?"_s,
        name,
        qualifier);
}

QList<std::pair<QString, QJsonObject>> LambdaStore::eventInvokeConfigs(const QString &name) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT qualifier, config FROM lambda_event_invoke_configs WHERE function_name = ? "
        u"ORDER BY qualifier"_s);
    query.addBindValue(name);
    QList<std::pair<QString, QJsonObject>> configs;
    if (!run(query))
        return configs;
    while (query.next())
        configs.append({query.value(0).toString(), parseJson(query.value(1).toString())});
    query.finish();
    return configs;
}

bool LambdaStore::putTestEvent(
    const QString &function, const QString &name, const QString &event, qint64 ms)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO lambda_test_events (function_name, name, event, modified_ms) VALUES (?, ?, "
        u"?, ?) ON CONFLICT (function_name, name) DO UPDATE SET event = excluded.event, "
        u"modified_ms = excluded.modified_ms"_s);
    query.addBindValue(function);
    query.addBindValue(name);
    query.addBindValue(event);
    query.addBindValue(ms);
    return run(query);
}

bool LambdaStore::deleteTestEvent(const QString &function, const QString &name)
{
    return deleteKeyedRow(m_database,
        u"DELETE FROM lambda_test_events WHERE function_name = ? AND name = ?"_s,
        function,
        name);
}

QList<std::pair<QString, QString>> LambdaStore::testEvents(const QString &function) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT name, event FROM lambda_test_events WHERE function_name = ? ORDER BY name"_s);
    query.addBindValue(function);
    QList<std::pair<QString, QString>> events;
    if (!run(query))
        return events;
    while (query.next())
        events.append({query.value(0).toString(), query.value(1).toString()});
    query.finish();
    return events;
}

bool LambdaStore::putQueuedEvent(const StoredEvent &event)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO lambda_event_queue (request_id, function_name, qualifier, "
        u"payload, attempts, enqueued_ms, due_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(event.requestId);
    query.addBindValue(event.functionName);
    query.addBindValue(event.qualifier.isNull() ? u""_s : event.qualifier);
    query.addBindValue(event.payload.isNull() ? QByteArray("") : event.payload);
    query.addBindValue(event.attempts);
    query.addBindValue(event.enqueuedMs);
    query.addBindValue(event.dueMs);
    return run(query);
}

bool LambdaStore::deleteQueuedEvent(const QString &requestId)
{
    QSqlQuery &query =
        m_database.prepared(u"DELETE FROM lambda_event_queue WHERE request_id = ?"_s);
    query.addBindValue(requestId);
    return run(query);
}

QList<StoredEvent> LambdaStore::queuedEvents() const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT request_id, function_name, qualifier, payload, attempts, enqueued_ms, due_ms "
        u"FROM lambda_event_queue ORDER BY enqueued_ms, request_id"_s);
    QList<StoredEvent> events;
    if (!run(query))
        return events;
    while (query.next())
        events.append({query.value(0).toString(),
            query.value(1).toString(),
            query.value(2).toString(),
            query.value(3).toByteArray(),
            query.value(4).toInt(),
            query.value(5).toLongLong(),
            query.value(6).toLongLong()});
    query.finish();
    return events;
}

} // namespace Core::Lambda
