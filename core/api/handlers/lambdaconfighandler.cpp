// SPDX-License-Identifier: MIT
// LambdaHandler: aliases, concurrency, event invoke configs, resource policy, tags, account
// settings and event source mappings.
#include "core/api/handlers/lambdahandler.h"

#include "core/api/handlers/lambdawire.h"
#include "core/lambda/lambdaerrors.h"
#include "core/lambda/lambdaservice.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::Api {

using namespace LambdaWire;

Reply LambdaHandler::createAlias(const Call &call)
{
    Lambda::AliasConfiguration alias;
    alias.name = call.body.value(u"Name"_s).toString();
    alias.functionVersion = call.body.value(u"FunctionVersion"_s).toString();
    alias.description = call.body.value(u"Description"_s).toString();
    alias.additionalVersionWeights = weightMap(call.body.value(u"RoutingConfig"_s));
    const auto created = m_service->createAlias(call.captures.at(0), alias);
    if (!created)
        return std::unexpected(created.error());
    return ok(201, created->toJson());
}

Reply LambdaHandler::getAlias(const Call &call)
{
    const auto alias = m_service->getAlias(call.captures.at(0), call.captures.at(1));
    if (!alias)
        return std::unexpected(alias.error());
    return ok(200, alias->toJson());
}

Reply LambdaHandler::updateAlias(const Call &call)
{
    std::optional<QMap<QString, double>> weights;
    if (call.body.contains(u"RoutingConfig"_s))
        weights = weightMap(call.body.value(u"RoutingConfig"_s));
    const auto alias = m_service->updateAlias(call.captures.at(0),
        call.captures.at(1),
        optionalString(call.body, u"FunctionVersion"_s),
        optionalString(call.body, u"Description"_s),
        weights,
        call.body.value(u"RevisionId"_s).toString());
    if (!alias)
        return std::unexpected(alias.error());
    return ok(200, alias->toJson());
}

Reply LambdaHandler::deleteAlias(const Call &call)
{
    if (auto done = m_service->deleteAlias(call.captures.at(0), call.captures.at(1)); !done)
        return std::unexpected(done.error());
    return ok(204);
}

Reply LambdaHandler::listAliases(const Call &call)
{
    const auto aliases = m_service->listAliases(call.captures.at(0));
    if (!aliases)
        return std::unexpected(aliases.error());
    const QString version = call.request.http.queryItem(u"FunctionVersion");
    QJsonArray list;
    for (const Lambda::AliasConfiguration &alias : *aliases) {
        if (version.isEmpty() || alias.functionVersion == version)
            list.append(alias.toJson());
    }
    return ok(200, QJsonObject{{u"Aliases"_s, list}});
}

Reply LambdaHandler::putFunctionConcurrency(const Call &call)
{
    const QJsonValue value = call.body.value(u"ReservedConcurrentExecutions"_s);
    if (!value.isDouble())
        return std::unexpected(Lambda::Errors::validation(
            u"null"_s, u"reservedConcurrentExecutions"_s, u"Member must not be null"_s));
    const auto reserved = m_service->putFunctionConcurrency(call.captures.at(0), value.toInt());
    if (!reserved)
        return std::unexpected(reserved.error());
    return ok(200, QJsonObject{{u"ReservedConcurrentExecutions"_s, *reserved}});
}

Reply LambdaHandler::getFunctionConcurrency(const Call &call)
{
    const auto reserved = m_service->getFunctionConcurrency(call.captures.at(0));
    if (!reserved)
        return std::unexpected(reserved.error());
    QJsonObject output;
    if (*reserved)
        output.insert(u"ReservedConcurrentExecutions"_s, **reserved);
    return ok(200, output);
}

Reply LambdaHandler::putFunctionRecursionConfig(const Call &call)
{
    const QJsonValue value = call.body.value(u"RecursiveLoop"_s);
    if (!value.isString())
        return std::unexpected(Lambda::Errors::validation(
            u"null"_s, u"recursiveLoop"_s, u"Member must not be null"_s));
    const auto loop = m_service->putFunctionRecursionConfig(call.captures.at(0), value.toString());
    if (!loop)
        return std::unexpected(loop.error());
    return ok(200, QJsonObject{{u"RecursiveLoop"_s, *loop}});
}

Reply LambdaHandler::getFunctionRecursionConfig(const Call &call)
{
    const auto loop = m_service->getFunctionRecursionConfig(call.captures.at(0));
    if (!loop)
        return std::unexpected(loop.error());
    return ok(200, QJsonObject{{u"RecursiveLoop"_s, *loop}});
}

Reply LambdaHandler::deleteFunctionConcurrency(const Call &call)
{
    if (auto done = m_service->deleteFunctionConcurrency(call.captures.at(0)); !done)
        return std::unexpected(done.error());
    return ok(204);
}

Reply LambdaHandler::putFunctionEventInvokeConfig(const Call &call)
{
    const auto config = m_service->putFunctionEventInvokeConfig(
        call.captures.at(0), call.request.http.queryItem(u"Qualifier"), call.body);
    if (!config)
        return std::unexpected(config.error());
    return ok(200, *config);
}

Reply LambdaHandler::updateFunctionEventInvokeConfig(const Call &call)
{
    const auto config = m_service->updateFunctionEventInvokeConfig(
        call.captures.at(0), call.request.http.queryItem(u"Qualifier"), call.body);
    if (!config)
        return std::unexpected(config.error());
    return ok(200, *config);
}

Reply LambdaHandler::getFunctionEventInvokeConfig(const Call &call)
{
    const auto config = m_service->getFunctionEventInvokeConfig(
        call.captures.at(0), call.request.http.queryItem(u"Qualifier"));
    if (!config)
        return std::unexpected(config.error());
    return ok(200, *config);
}

Reply LambdaHandler::deleteFunctionEventInvokeConfig(const Call &call)
{
    if (auto done = m_service->deleteFunctionEventInvokeConfig(
            call.captures.at(0), call.request.http.queryItem(u"Qualifier"));
        !done)
        return std::unexpected(done.error());
    return ok(204);
}

Reply LambdaHandler::listFunctionEventInvokeConfigs(const Call &call)
{
    int maxItems = 50;
    if (call.request.http.hasQueryItem(u"MaxItems")) {
        const QString text = call.request.http.queryItem(u"MaxItems");
        maxItems = text.toInt();
        if (maxItems < 1 || maxItems > 50)
            return std::unexpected(Lambda::Errors::validation(text,
                u"maxItems"_s,
                maxItems < 1 ? u"Member must have value greater than or equal to 1"_s
                             : u"Member must have value less than or equal to 50"_s));
    }
    const auto configs = m_service->listFunctionEventInvokeConfigs(call.captures.at(0));
    if (!configs)
        return std::unexpected(configs.error());
    qsizetype start = 0;
    if (const QString marker = call.request.http.queryItem(u"Marker"); !marker.isEmpty()) {
        bool valid = false;
        start = QByteArray::fromBase64(marker.toLatin1()).toLongLong(&valid);
        if (!valid || start < 0)
            return std::unexpected(
                Lambda::Errors::invalidParameter(u"Invalid marker: "_s + marker));
    }
    QJsonArray list;
    for (qsizetype i = start; i < configs->size() && list.size() < maxItems; ++i)
        list.append(configs->at(i));
    QJsonObject output{{u"FunctionEventInvokeConfigs"_s, list}};
    if (start + list.size() < configs->size())
        output.insert(u"NextMarker"_s,
            QString::fromLatin1(QByteArray::number(start + list.size()).toBase64()));
    return ok(200, output);
}

Reply LambdaHandler::addPermission(const Call &call)
{
    const auto statement = m_service->addPermission(call.captures.at(0), call.body);
    if (!statement)
        return std::unexpected(statement.error());
    return ok(201,
        QJsonObject{{u"Statement"_s,
            QString::fromUtf8(QJsonDocument(*statement).toJson(QJsonDocument::Compact))}});
}

Reply LambdaHandler::removePermission(const Call &call)
{
    if (auto done = m_service->removePermission(call.captures.at(0), call.captures.at(1)); !done)
        return std::unexpected(done.error());
    return ok(204);
}

Reply LambdaHandler::getPolicy(const Call &call)
{
    const auto policy = m_service->getPolicy(call.captures.at(0));
    if (!policy)
        return std::unexpected(policy.error());
    return ok(200,
        QJsonObject{
            {u"Policy"_s, QString::fromUtf8(QJsonDocument(*policy).toJson(QJsonDocument::Compact))},
            {u"RevisionId"_s, QString()}});
}

Reply LambdaHandler::tagResource(const Call &call)
{
    if (auto done =
            m_service->tagResource(call.captures.at(0), stringMap(call.body.value(u"Tags"_s)));
        !done)
        return std::unexpected(done.error());
    return ok(204);
}

Reply LambdaHandler::untagResource(const Call &call)
{
    QStringList keys;
    for (const auto &[name, value] : call.request.http.queryItems()) {
        if (name == u"tagKeys"_s)
            keys.append(value);
    }
    if (auto done = m_service->untagResource(call.captures.at(0), keys); !done)
        return std::unexpected(done.error());
    return ok(204);
}

Reply LambdaHandler::listTags(const Call &call)
{
    const auto tags = m_service->listTags(call.captures.at(0));
    if (!tags)
        return std::unexpected(tags.error());
    QJsonObject object;
    for (auto it = tags->cbegin(); it != tags->cend(); ++it)
        object.insert(it.key(), it.value());
    return ok(200, QJsonObject{{u"Tags"_s, object}});
}

Reply LambdaHandler::getAccountSettings(const Call &)
{
    const Lambda::AccountUsage usage = m_service->accountUsage();
    return ok(200,
        QJsonObject{
            {u"AccountLimit"_s,
                QJsonObject{{u"TotalCodeSize"_s, 80530636800.0},
                    {u"CodeSizeUnzipped"_s, 262144000},
                    {u"CodeSizeZipped"_s, 52428800},
                    {u"ConcurrentExecutions"_s, Lambda::LambdaService::AccountConcurrencyLimit},
                    {u"UnreservedConcurrentExecutions"_s, usage.unreservedConcurrentExecutions}}},
            {u"AccountUsage"_s,
                QJsonObject{{u"TotalCodeSize"_s, double(usage.totalCodeSize)},
                    {u"FunctionCount"_s, usage.functionCount}}},
        });
}

Reply LambdaHandler::createEventSourceMapping(const Call &call)
{
    const auto mapping = m_service->createEventSourceMapping(call.body);
    if (!mapping)
        return std::unexpected(mapping.error());
    return ok(202, *mapping);
}

Reply LambdaHandler::getEventSourceMapping(const Call &call)
{
    const auto mapping = m_service->getEventSourceMapping(call.captures.at(0));
    if (!mapping)
        return std::unexpected(mapping.error());
    return ok(200, *mapping);
}

Reply LambdaHandler::updateEventSourceMapping(const Call &call)
{
    const auto mapping = m_service->updateEventSourceMapping(call.captures.at(0), call.body);
    if (!mapping)
        return std::unexpected(mapping.error());
    return ok(202, *mapping);
}

Reply LambdaHandler::deleteEventSourceMapping(const Call &call)
{
    const auto mapping = m_service->deleteEventSourceMapping(call.captures.at(0));
    if (!mapping)
        return std::unexpected(mapping.error());
    return ok(202, *mapping);
}

Reply LambdaHandler::listEventSourceMappings(const Call &call)
{
    const auto mappings =
        m_service->listEventSourceMappings(call.request.http.queryItem(u"FunctionName"),
            call.request.http.queryItem(u"EventSourceArn"));
    if (!mappings)
        return std::unexpected(mappings.error());
    QJsonArray list;
    for (const QJsonObject &mapping : *mappings)
        list.append(mapping);
    return ok(200, QJsonObject{{u"EventSourceMappings"_s, list}});
}

} // namespace Core::Api
