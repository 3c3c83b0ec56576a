// SPDX-License-Identifier: MIT
// LambdaService: function URLs (Create/Get/Update/Delete/ListFunctionUrlConfigs) and the
// metrics of requests made through them.
#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/lambda/lambdaerrors.h"
#include "core/lambda/lambdaservice.h"
#include "core/lambda/lambdastore.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

constexpr int UrlIdLength = 32;
constexpr int MaxCorsAge = 86400;
constexpr int DefaultListSize = 50;

QString newUrlId()
{
    static constexpr char Alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id(UrlIdLength, Qt::Uninitialized);
    auto *generator = QRandomGenerator::global();
    for (int i = 0; i < UrlIdLength; ++i)
        id[i] = QLatin1Char(Alphabet[generator->bounded(36)]);
    return id;
}

Status checkAuthType(const QString &authType)
{
    if (authType == u"AWS_IAM"_s || authType == u"NONE"_s)
        return {};
    return std::unexpected(Errors::validation(
        authType, u"authType"_s, u"Member must satisfy enum value set: [NONE, AWS_IAM]"_s));
}

Status checkInvokeMode(const QString &mode)
{
    if (mode == u"BUFFERED"_s || mode == u"RESPONSE_STREAM"_s)
        return {};
    return std::unexpected(Errors::validation(mode,
        u"invokeMode"_s,
        u"Member must satisfy enum value set: [BUFFERED, RESPONSE_STREAM]"_s));
}

Status checkCors(const QJsonObject &cors)
{
    const QJsonValue maxAge = cors.value(u"MaxAge"_s);
    if (!maxAge.isUndefined() && (maxAge.toInt(-1) < 0 || maxAge.toInt(-1) > MaxCorsAge))
        return std::unexpected(Errors::validation(QString::number(maxAge.toDouble()),
            u"cors.maxAge"_s,
            maxAge.toInt(-1) < 0 ? u"Member must have value greater than or equal to 0"_s
                                 : u"Member must have value less than or equal to 86400"_s));
    for (const QJsonValue method : cors.value(u"AllowMethods"_s).toArray()) {
        if (method.toString().size() > 6)
            return std::unexpected(Errors::validation(method.toString(),
                u"cors.allowMethods.member"_s,
                u"Member must have length less than or equal to 6"_s));
    }
    for (const QJsonValue origin : cors.value(u"AllowOrigins"_s).toArray()) {
        if (origin.toString().isEmpty() || origin.toString().size() > 253)
            return std::unexpected(Errors::validation(origin.toString(),
                u"cors.allowOrigins.member"_s,
                u"Member must have length less than or equal to 253"_s));
    }
    return {};
}

} // namespace

QString LambdaService::functionUrl(const QString &urlId) const
{
    const int port = QUrl(m_endpointUrl).port(4566);
    return u"http://%1.lambda-url.%2.localhost:%3/"_s.arg(urlId, m_region).arg(port);
}

Result<std::pair<QString, QString>> LambdaService::functionUrlKey(
    const QString &function, const QString &qualifierIn) const
{
    QString qualifier = qualifierIn;
    const auto name = resolveName(function, &qualifier);
    if (!name)
        return std::unexpected(name.error());
    // FunctionUrlQualifier: $LATEST or an alias name, never a version number.
    static const QRegularExpression pattern(u"^((\\$LATEST)|((?!^[0-9]+$)([a-zA-Z0-9-_]+)))$"_s);
    if (!qualifier.isEmpty() && (qualifier.size() > 128 || !pattern.match(qualifier).hasMatch()))
        return std::unexpected(Errors::validation(qualifier,
            u"qualifier"_s,
            u"Member must satisfy regular expression pattern: "
            u"(^\\$LATEST$)|((?!^[0-9]+$)([a-zA-Z0-9-_]+))"_s));
    if (!m_store->functionExists(*name))
        return std::unexpected(Errors::functionNotFound(functionArn(*name, qualifier)));
    if (qualifier.isEmpty())
        qualifier = u"$LATEST"_s;
    if (qualifier != u"$LATEST"_s && !m_store->alias(*name, qualifier))
        return std::unexpected(Errors::functionNotFound(functionArn(*name, qualifier)));
    return std::pair{*name, qualifier};
}

FunctionUrlConfig LambdaService::withUrl(FunctionUrlConfig config) const
{
    config.functionUrl = functionUrl(config.urlId);
    config.functionArn = functionArn(
        config.functionName, config.qualifier == u"$LATEST"_s ? QString() : config.qualifier);
    return config;
}

Result<FunctionUrlConfig> LambdaService::createFunctionUrlConfig(
    const QString &function, const QString &qualifier, const FunctionUrlChanges &request)
{
    const auto key = functionUrlKey(function, qualifier);
    if (!key)
        return std::unexpected(key.error());
    if (!request.authType)
        return std::unexpected(AwsError{u"ValidationException"_s,
            u"1 validation error detected: Value null at 'authType' failed to satisfy "
            u"constraint: Member must not be null"_s});
    FunctionUrlConfig config;
    config.functionName = key->first;
    config.qualifier = key->second;
    config.authType = *request.authType;
    config.cors = request.cors.value_or(QJsonObject());
    config.invokeMode = request.invokeMode.value_or(u"BUFFERED"_s);
    if (auto valid = checkAuthType(config.authType); !valid)
        return std::unexpected(valid.error());
    if (auto valid = checkInvokeMode(config.invokeMode); !valid)
        return std::unexpected(valid.error());
    if (auto valid = checkCors(config.cors); !valid)
        return std::unexpected(valid.error());
    if (m_store->functionUrl(key->first, key->second))
        return std::unexpected(Errors::conflict(
            u"Failed to create function url config for [functionArn = %1]. Error message:  "
            u"FunctionUrlConfig exists for this Lambda function"_s.arg(
                withUrl(config).functionArn)));
    do
        config.urlId = newUrlId();
    while (m_store->functionUrlById(config.urlId));
    config.creationMs = m_clock->nowMs();
    config.lastModifiedMs = config.creationMs;
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putFunctionUrl(config);
    transaction.commit();
    m_changes->touch();
    return withUrl(config);
}

Result<FunctionUrlConfig> LambdaService::getFunctionUrlConfig(
    const QString &function, const QString &qualifier) const
{
    const auto key = functionUrlKey(function, qualifier);
    if (!key)
        return std::unexpected(key.error());
    const auto config = m_store->functionUrl(key->first, key->second);
    if (!config)
        return std::unexpected(Errors::notFound(u"The resource you requested does not exist."_s));
    return withUrl(*config);
}

Result<FunctionUrlConfig> LambdaService::updateFunctionUrlConfig(
    const QString &function, const QString &qualifier, const FunctionUrlChanges &request)
{
    auto config = getFunctionUrlConfig(function, qualifier);
    if (!config)
        return config;
    if (request.authType) {
        if (auto valid = checkAuthType(*request.authType); !valid)
            return std::unexpected(valid.error());
        config->authType = *request.authType;
    }
    if (request.invokeMode) {
        if (auto valid = checkInvokeMode(*request.invokeMode); !valid)
            return std::unexpected(valid.error());
        config->invokeMode = *request.invokeMode;
    }
    if (request.cors) {
        if (auto valid = checkCors(*request.cors); !valid)
            return std::unexpected(valid.error());
        config->cors = *request.cors;
    }
    config->lastModifiedMs = m_clock->nowMs();
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putFunctionUrl(*config);
    transaction.commit();
    m_changes->touch();
    return config;
}

Status LambdaService::deleteFunctionUrlConfig(const QString &function, const QString &qualifier)
{
    const auto key = functionUrlKey(function, qualifier);
    if (!key)
        return std::unexpected(key.error());
    Storage::SqlTransaction transaction(m_database.connection());
    const bool deleted = m_store->deleteFunctionUrl(key->first, key->second);
    transaction.commit();
    if (!deleted)
        return std::unexpected(Errors::notFound(u"The resource you requested does not exist."_s));
    m_changes->touch();
    return {};
}

Result<QList<FunctionUrlConfig>> LambdaService::listFunctionUrlConfigs(const QString &function,
    const QString &marker,
    std::optional<int> maxItems,
    QString *nextMarker) const
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    if (maxItems && (*maxItems < 1 || *maxItems > DefaultListSize))
        return std::unexpected(Errors::validation(QString::number(*maxItems),
            u"maxItems"_s,
            *maxItems < 1 ? u"Member must have value greater than or equal to 1"_s
                          : u"Member must have value less than or equal to 50"_s));
    const int limit = maxItems.value_or(DefaultListSize);
    QList<FunctionUrlConfig> page;
    for (const FunctionUrlConfig &config : m_store->functionUrls(*name)) {
        if (!marker.isEmpty() && config.qualifier < marker)
            continue;
        if (page.size() == limit) {
            if (nextMarker)
                *nextMarker = config.qualifier;
            break;
        }
        page.append(withUrl(config));
    }
    return page;
}

std::optional<FunctionUrlConfig> LambdaService::functionUrlById(const QString &urlId) const
{
    const auto config = m_store->functionUrlById(urlId);
    if (!config)
        return std::nullopt;
    return withUrl(*config);
}

void LambdaService::recordUrlRequest(const FunctionUrlConfig &config, int status, double latencyMs)
{
    const QString &function = config.functionName;
    reportMetric(function, config.qualifier, u"UrlRequestCount"_s, 1, u"Count"_s);
    reportMetric(function,
        config.qualifier,
        u"Url4xxCount"_s,
        status >= 400 && status < 500 ? 1 : 0,
        u"Count"_s);
    reportMetric(function, config.qualifier, u"Url5xxCount"_s, status >= 500 ? 1 : 0, u"Count"_s);
    reportMetric(function, config.qualifier, u"UrlRequestLatency"_s, latencyMs, u"Milliseconds"_s);
}

} // namespace Core::Lambda
