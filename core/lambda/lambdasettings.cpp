// SPDX-License-Identifier: MIT
// LambdaService: aliases, concurrency, event invoke configuration, resource policy, tags and
// the console's saved test events.
#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/ids.h"
#include "core/lambda/lambdaerrors.h"
#include "core/lambda/lambdaservice.h"
#include "core/lambda/lambdastore.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

Status checkAliasName(const QString &name)
{
    static const QRegularExpression pattern(u"^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$"_s);
    if (name.isEmpty() || name.size() > 128 || !pattern.match(name).hasMatch())
        return std::unexpected(Errors::validation(name,
            u"name"_s,
            u"Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)"_s));
    return {};
}

Status checkAliasVersion(const QString &version)
{
    static const QRegularExpression pattern(u"^(\\$LATEST|[0-9]+)$"_s);
    if (version.isEmpty() || version.size() > 1024 || !pattern.match(version).hasMatch())
        return std::unexpected(Errors::validation(version,
            u"functionVersion"_s,
            u"Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)"_s));
    return {};
}

// An alias with a RoutingConfig shifts traffic between two published versions, never $LATEST.
Status checkAliasRouting(const QString &version, const QMap<QString, double> &weights)
{
    if (version == u"$LATEST"_s && !weights.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"$LATEST is not supported for an alias pointing to more than 1 version"_s));
    return {};
}

} // namespace

Result<AliasConfiguration> LambdaService::createAlias(
    const QString &function, const AliasConfiguration &request)
{
    const auto name = resolveName(function, nullptr);
    if (!name)
        return std::unexpected(name.error());
    if (auto valid = checkAliasName(request.name); !valid)
        return std::unexpected(valid.error());
    if (auto valid = checkAliasVersion(request.functionVersion); !valid)
        return std::unexpected(valid.error());
    if (auto valid = checkAliasRouting(request.functionVersion, request.additionalVersionWeights);
        !valid)
        return std::unexpected(valid.error());
    if (!m_store->functionExists(*name))
        return std::unexpected(Errors::functionNotFound(functionArn(*name)));
    if (m_store->alias(*name, request.name))
        return std::unexpected(
            Errors::conflict(u"Alias already exists: "_s + functionArn(*name, request.name)));
    if (!m_store->version(*name, request.functionVersion))
        return std::unexpected(
            Errors::functionNotFound(functionArn(*name, request.functionVersion)));
    for (auto it = request.additionalVersionWeights.cbegin();
         it != request.additionalVersionWeights.cend();
         ++it) {
        if (it.value() < 0 || it.value() > 1)
            return std::unexpected(Errors::validation(QString::number(it.value()),
                u"routingConfig.additionalVersionWeights"_s,
                u"Map value must satisfy constraint: [Member must have value less than or equal "
                u"to 1.0, Member must have value greater than or equal to 0.0]"_s));
        if (!m_store->version(*name, it.key()))
            return std::unexpected(Errors::functionNotFound(functionArn(*name, it.key())));
        if (it.key() == request.functionVersion)
            return std::unexpected(Errors::invalidParameter(
                u"Invalid function version %1. Function version %1 is already included in "
                u"routing configuration."_s.arg(it.key())));
    }
    AliasConfiguration alias = request;
    alias.aliasArn = functionArn(*name, alias.name);
    alias.revisionId = Ids::requestId();
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putAlias(*name, alias);
    transaction.commit();
    m_changes->touch();
    return alias;
}

Result<AliasConfiguration> LambdaService::getAlias(
    const QString &function, const QString &alias) const
{
    const auto name = resolveName(function, nullptr);
    if (!name)
        return std::unexpected(name.error());
    auto found = m_store->alias(*name, alias);
    if (!found)
        return std::unexpected(
            Errors::notFound(u"Cannot find alias arn: "_s + functionArn(*name, alias)));
    return *found;
}

Result<AliasConfiguration> LambdaService::updateAlias(const QString &function,
    const QString &aliasName,
    const std::optional<QString> &version,
    const std::optional<QString> &description,
    const std::optional<QMap<QString, double>> &weights,
    const QString &revisionId)
{
    if (version) {
        if (auto valid = checkAliasVersion(*version); !valid)
            return std::unexpected(valid.error());
    }
    auto alias = getAlias(function, aliasName);
    if (!alias)
        return alias;
    if (!revisionId.isEmpty() && revisionId != alias->revisionId)
        return std::unexpected(Errors::preconditionFailed());
    const QString name = *resolveName(function, nullptr);
    AliasConfiguration updated = *alias;
    if (version)
        updated.functionVersion = *version;
    if (description)
        updated.description = *description;
    if (weights)
        updated.additionalVersionWeights = *weights;
    if (auto valid = checkAliasRouting(updated.functionVersion, updated.additionalVersionWeights);
        !valid)
        return std::unexpected(valid.error());
    if (!m_store->version(name, updated.functionVersion))
        return std::unexpected(
            Errors::functionNotFound(functionArn(name, updated.functionVersion)));
    for (auto it = updated.additionalVersionWeights.cbegin();
         it != updated.additionalVersionWeights.cend();
         ++it) {
        if (it.value() < 0 || it.value() > 1 || !m_store->version(name, it.key()))
            return std::unexpected(Errors::invalidParameter(
                u"Invalid routing configuration for version %1."_s.arg(it.key())));
    }
    updated.revisionId = Ids::requestId();
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putAlias(name, updated);
    transaction.commit();
    m_changes->touch();
    return updated;
}

Status LambdaService::deleteAlias(const QString &function, const QString &alias)
{
    const auto name = resolveName(function, nullptr);
    if (!name)
        return std::unexpected(name.error());
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->deleteAlias(*name, alias); // AWS: deleting a missing alias succeeds
    m_store->deleteEventInvokeConfig(*name, alias);
    m_store->deleteFunctionUrl(*name, alias);
    transaction.commit();
    m_changes->touch();
    return {};
}

Result<QList<AliasConfiguration>> LambdaService::listAliases(const QString &function) const
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    return m_store->aliases(*name);
}

AccountUsage LambdaService::accountUsage() const
{
    return {int(AccountConcurrencyLimit - m_store->totalReservedConcurrency({})),
        m_store->functionCount(),
        m_store->totalCodeSize()};
}

Result<int> LambdaService::putFunctionConcurrency(const QString &function, int reserved)
{
    const auto name = resolveName(function, nullptr);
    if (!name)
        return std::unexpected(name.error());
    if (reserved < 0)
        return std::unexpected(Errors::validation(QString::number(reserved),
            u"reservedConcurrentExecutions"_s,
            u"Member must have value greater than or equal to 0"_s));
    if (!m_store->functionExists(*name))
        return std::unexpected(Errors::functionNotFound(functionArn(*name)));
    const qint64 others = m_store->totalReservedConcurrency(*name);
    if (others + reserved > AccountConcurrencyLimit - UnreservedMinimum)
        return std::unexpected(Errors::invalidParameter(
            u"Specified ReservedConcurrentExecutions for function decreases account's "
            u"UnreservedConcurrentExecution below its minimum value of [%1]."_s.arg(
                UnreservedMinimum)));
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->setReservedConcurrency(*name, reserved);
    transaction.commit();
    m_changes->touch();
    return reserved;
}

Result<std::optional<int>> LambdaService::getFunctionConcurrency(const QString &function) const
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    return m_store->reservedConcurrency(*name);
}

Result<QString> LambdaService::getFunctionRecursionConfig(const QString &function) const
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    return m_store->recursiveLoop(*name);
}

Result<QString> LambdaService::putFunctionRecursionConfig(
    const QString &function, const QString &loop)
{
    if (loop != u"Allow"_s && loop != u"Terminate"_s)
        return std::unexpected(Errors::validation(
            loop, u"recursiveLoop"_s, u"Member must satisfy enum value set: [Allow, Terminate]"_s));
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->setRecursiveLoop(*name, loop) || !transaction.commit())
        return std::unexpected(CommonErrors::internalFailure(u"Could not store the setting."_s));
    return loop;
}

Status LambdaService::deleteFunctionConcurrency(const QString &function)
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->setReservedConcurrency(*name, std::nullopt);
    transaction.commit();
    m_changes->touch();
    return {};
}

Result<std::pair<QString, QString>> LambdaService::eventInvokeKey(
    const QString &function, const QString &qualifierIn) const
{
    QString qualifier = qualifierIn;
    const auto name = resolveName(function, &qualifier);
    if (!name)
        return std::unexpected(name.error());
    if (!m_store->functionExists(*name))
        return std::unexpected(Errors::functionNotFound(functionArn(*name)));
    if (qualifier.isEmpty())
        qualifier = u"$LATEST"_s;
    if (!m_store->version(*name, qualifier) && !m_store->alias(*name, qualifier))
        return std::unexpected(Errors::functionNotFound(functionArn(*name, qualifier)));
    return std::pair{*name, qualifier};
}

Result<QJsonObject> LambdaService::putFunctionEventInvokeConfig(
    const QString &function, const QString &qualifier, const QJsonObject &config)
{
    const auto key = eventInvokeKey(function, qualifier);
    if (!key)
        return std::unexpected(key.error());
    const QJsonValue retries = config.value(u"MaximumRetryAttempts"_s);
    if (!retries.isUndefined() && (retries.toInt(-1) < 0 || retries.toInt(-1) > 2))
        return std::unexpected(Errors::validation(QString::number(retries.toDouble()),
            u"maximumRetryAttempts"_s,
            u"Member must have value less than or equal to 2"_s));
    const QJsonValue age = config.value(u"MaximumEventAgeInSeconds"_s);
    if (!age.isUndefined() && (age.toInt(0) < 60 || age.toInt(0) > 21600))
        return std::unexpected(Errors::validation(QString::number(age.toDouble()),
            u"maximumEventAgeInSeconds"_s,
            age.toInt(0) < 60 ? u"Member must have value greater than or equal to 60"_s
                              : u"Member must have value less than or equal to 21600"_s));
    QJsonObject stored{
        {u"FunctionArn"_s, functionArn(key->first, key->second)},
        {u"LastModified"_s, double(m_clock->nowMs()) / 1000.0},
        {u"DestinationConfig"_s,
            config.value(u"DestinationConfig"_s).toObject().isEmpty()
                ? QJsonObject{{u"OnSuccess"_s, QJsonObject()}, {u"OnFailure"_s, QJsonObject()}}
                : config.value(u"DestinationConfig"_s).toObject()},
    };
    if (!retries.isUndefined())
        stored.insert(u"MaximumRetryAttempts"_s, retries.toInt());
    if (!age.isUndefined())
        stored.insert(u"MaximumEventAgeInSeconds"_s, age.toInt());
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putEventInvokeConfig(key->first, key->second, stored);
    transaction.commit();
    return stored;
}

Result<QJsonObject> LambdaService::updateFunctionEventInvokeConfig(
    const QString &function, const QString &qualifier, const QJsonObject &changes)
{
    QJsonObject merged;
    if (const auto current = getFunctionEventInvokeConfig(function, qualifier))
        merged = *current;
    for (const QString &field : {u"MaximumRetryAttempts"_s, u"MaximumEventAgeInSeconds"_s}) {
        if (changes.contains(field))
            merged.insert(field, changes.value(field));
    }
    if (changes.contains(u"DestinationConfig"_s)) {
        QJsonObject destinations = merged.value(u"DestinationConfig"_s).toObject();
        const QJsonObject given = changes.value(u"DestinationConfig"_s).toObject();
        for (auto it = given.begin(); it != given.end(); ++it)
            destinations.insert(it.key(), it.value());
        merged.insert(u"DestinationConfig"_s, destinations);
    }
    return putFunctionEventInvokeConfig(function, qualifier, merged);
}

Result<QJsonObject> LambdaService::getFunctionEventInvokeConfig(
    const QString &function, const QString &qualifier) const
{
    const auto key = eventInvokeKey(function, qualifier);
    if (!key)
        return std::unexpected(key.error());
    QJsonObject config = m_store->eventInvokeConfig(key->first, key->second);
    if (config.isEmpty())
        return std::unexpected(
            Errors::notFound(u"The function %1 doesn't have an EventInvokeConfig"_s.arg(
                functionArn(key->first, key->second))));
    // Configs carried over from before they were kept per qualifier named the bare function.
    config.insert(u"FunctionArn"_s, functionArn(key->first, key->second));
    return config;
}

Status LambdaService::deleteFunctionEventInvokeConfig(
    const QString &function, const QString &qualifier)
{
    const auto key = eventInvokeKey(function, qualifier);
    if (!key)
        return std::unexpected(key.error());
    Storage::SqlTransaction transaction(m_database.connection());
    const bool deleted = m_store->deleteEventInvokeConfig(key->first, key->second);
    transaction.commit();
    if (!deleted)
        return std::unexpected(
            Errors::notFound(u"The function %1 doesn't have an EventInvokeConfig"_s.arg(
                functionArn(key->first, key->second))));
    return {};
}

Result<QList<QJsonObject>> LambdaService::listFunctionEventInvokeConfigs(
    const QString &function) const
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    QList<QJsonObject> configs;
    for (auto [qualifier, config] : m_store->eventInvokeConfigs(*name)) {
        config.insert(u"FunctionArn"_s, functionArn(*name, qualifier));
        configs.append(config);
    }
    return configs;
}

Result<QJsonObject> LambdaService::addPermission(const QString &function, const QJsonObject &input)
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    const QString sid = input.value(u"StatementId"_s).toString();
    QJsonObject policy = m_store->document(*name, LambdaStore::Document::Policy);
    QJsonArray statements = policy.value(u"Statement"_s).toArray();
    for (const QJsonValue &statement : statements) {
        if (statement.toObject().value(u"Sid"_s).toString() == sid)
            return std::unexpected(Errors::conflict(
                u"The statement id (%1) provided already exists. Please provide a new statement "
                u"id, or remove the existing statement."_s.arg(sid)));
    }
    const QString principal = input.value(u"Principal"_s).toString();
    QJsonObject statement{
        {u"Sid"_s, sid},
        {u"Effect"_s, u"Allow"_s},
        {u"Principal"_s,
            principal.contains(u'.') ? QJsonObject{{u"Service"_s, principal}}
                                     : QJsonObject{{u"AWS"_s, principal}}},
        {u"Action"_s, input.value(u"Action"_s).toString()},
        {u"Resource"_s, functionArn(*name, input.value(u"Qualifier"_s).toString())},
    };
    QJsonObject condition;
    if (input.contains(u"SourceArn"_s))
        condition.insert(u"ArnLike"_s,
            QJsonObject{{u"AWS:SourceArn"_s, input.value(u"SourceArn"_s).toString()}});
    if (input.contains(u"SourceAccount"_s))
        condition.insert(u"StringEquals"_s,
            QJsonObject{{u"AWS:SourceAccount"_s, input.value(u"SourceAccount"_s).toString()}});
    if (!condition.isEmpty())
        statement.insert(u"Condition"_s, condition);
    statements.append(statement);
    policy = QJsonObject{
        {u"Version"_s, u"2012-10-17"_s}, {u"Id"_s, u"default"_s}, {u"Statement"_s, statements}};
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->setDocument(*name, LambdaStore::Document::Policy, policy);
    transaction.commit();
    return statement;
}

Status LambdaService::removePermission(const QString &function, const QString &statementId)
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    QJsonObject policy = m_store->document(*name, LambdaStore::Document::Policy);
    QJsonArray statements = policy.value(u"Statement"_s).toArray();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (statements.at(i).toObject().value(u"Sid"_s).toString() == statementId) {
            statements.removeAt(i);
            policy.insert(u"Statement"_s, statements);
            Storage::SqlTransaction transaction(m_database.connection());
            m_store->setDocument(*name,
                LambdaStore::Document::Policy,
                statements.isEmpty() ? QJsonObject() : policy);
            transaction.commit();
            return {};
        }
    }
    return std::unexpected(
        Errors::notFound(u"Statement %1 is not found in resource policy."_s.arg(statementId)));
}

Result<QJsonObject> LambdaService::getPolicy(const QString &function) const
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    const QJsonObject policy = m_store->document(*name, LambdaStore::Document::Policy);
    if (policy.isEmpty())
        return std::unexpected(Errors::notFound(u"The resource you requested does not exist."_s));
    return policy;
}

Status LambdaService::tagResource(const QString &arn, const QMap<QString, QString> &tags)
{
    const auto name = existingFunction(arn);
    if (!name)
        return std::unexpected(name.error());
    QJsonObject current = m_store->document(*name, LambdaStore::Document::Tags);
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        current.insert(it.key(), it.value());
    if (current.size() > 50)
        return std::unexpected(
            Errors::invalidParameter(u"Number of tags exceeds resource tag limit."_s));
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->setDocument(*name, LambdaStore::Document::Tags, current);
    transaction.commit();
    return {};
}

Status LambdaService::untagResource(const QString &arn, const QStringList &keys)
{
    const auto name = existingFunction(arn);
    if (!name)
        return std::unexpected(name.error());
    QJsonObject current = m_store->document(*name, LambdaStore::Document::Tags);
    for (const QString &key : keys)
        current.remove(key);
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->setDocument(*name, LambdaStore::Document::Tags, current);
    transaction.commit();
    return {};
}

Result<QMap<QString, QString>> LambdaService::listTags(const QString &arn) const
{
    const auto name = existingFunction(arn);
    if (!name)
        return std::unexpected(name.error());
    QMap<QString, QString> tags;
    const QJsonObject object = m_store->document(*name, LambdaStore::Document::Tags);
    for (auto it = object.begin(); it != object.end(); ++it)
        tags.insert(it.key(), it.value().toString());
    return tags;
}

Status LambdaService::saveTestEvent(
    const QString &function, const QString &name, const QByteArray &event)
{
    static const QRegularExpression namePattern(u"^[A-Za-z0-9_-]{1,25}$"_s);
    const auto config = latestOf(function);
    if (!config)
        return std::unexpected(config.error());
    if (!namePattern.match(name).hasMatch())
        return std::unexpected(Errors::invalidParameter(
            u"Event name must be 1 to 25 characters: letters, digits, '-' or '_'."_s));
    QJsonParseError error;
    QJsonDocument::fromJson("[" + event + "]", &error);
    if (event.trimmed().isEmpty() || error.error != QJsonParseError::NoError)
        return std::unexpected(Errors::invalidParameter(u"The event is not valid JSON."_s));
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->putTestEvent(
            config->functionName, name, QString::fromUtf8(event), m_clock->nowMs())
        || !transaction.commit())
        return std::unexpected(CommonErrors::internalFailure(u"Could not store the event."_s));
    return {};
}

Status LambdaService::deleteTestEvent(const QString &function, const QString &name)
{
    const auto config = latestOf(function);
    if (!config)
        return std::unexpected(config.error());
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->deleteTestEvent(config->functionName, name))
        return std::unexpected(Errors::notFound(u"Test event not found: "_s + name));
    transaction.commit();
    return {};
}

Result<QList<std::pair<QString, QString>>> LambdaService::testEvents(const QString &function) const
{
    const auto config = latestOf(function);
    if (!config)
        return std::unexpected(config.error());
    return m_store->testEvents(config->functionName);
}

} // namespace Core::Lambda
