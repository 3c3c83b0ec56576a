// SPDX-License-Identifier: MIT
// LambdaStore: the lambda_function_urls table (function URLs).
#include "core/lambda/lambdastore.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

constexpr auto UrlColumns = "function_name, qualifier, url_id, auth_type, cors, invoke_mode, "
                            "created_ms, modified_ms";

bool runUrlQuery(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStorage) << "lambda urls:" << query.lastError().text();
    return false;
}

FunctionUrlConfig urlFromRow(const QSqlQuery &query)
{
    FunctionUrlConfig config;
    config.functionName = query.value(0).toString();
    config.qualifier = query.value(1).toString();
    config.urlId = query.value(2).toString();
    config.authType = query.value(3).toString();
    config.cors = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    config.invokeMode = query.value(5).toString();
    config.creationMs = query.value(6).toLongLong();
    config.lastModifiedMs = query.value(7).toLongLong();
    return config;
}

QList<FunctionUrlConfig> selectUrls(QSqlQuery &query)
{
    QList<FunctionUrlConfig> configs;
    if (!runUrlQuery(query))
        return configs;
    while (query.next())
        configs.append(urlFromRow(query));
    query.finish();
    return configs;
}

} // namespace

bool LambdaStore::putFunctionUrl(const FunctionUrlConfig &config)
{
    QSqlQuery &query = m_database.prepared(u"INSERT OR REPLACE INTO lambda_function_urls ("_s
        + QLatin1StringView(UrlColumns) + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(config.functionName);
    query.addBindValue(config.qualifier);
    query.addBindValue(config.urlId);
    query.addBindValue(config.authType);
    query.addBindValue(config.cors.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(config.cors).toJson(QJsonDocument::Compact)));
    query.addBindValue(config.invokeMode);
    query.addBindValue(config.creationMs);
    query.addBindValue(config.lastModifiedMs);
    return runUrlQuery(query);
}

bool LambdaStore::deleteFunctionUrl(const QString &function, const QString &qualifier)
{
    QSqlQuery &query = m_database.prepared(
        u"DELETE FROM lambda_function_urls WHERE function_name = ? AND qualifier = ?"_s);
    query.addBindValue(function);
    query.addBindValue(qualifier);
    return runUrlQuery(query) && query.numRowsAffected() > 0;
}

std::optional<FunctionUrlConfig> LambdaStore::functionUrl(
    const QString &function, const QString &qualifier) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT "_s + QLatin1StringView(UrlColumns)
        + u" FROM lambda_function_urls WHERE function_name = ? AND qualifier = ?"_s);
    query.addBindValue(function);
    query.addBindValue(qualifier);
    const QList<FunctionUrlConfig> found = selectUrls(query);
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

std::optional<FunctionUrlConfig> LambdaStore::functionUrlById(const QString &urlId) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT "_s + QLatin1StringView(UrlColumns)
        + u" FROM lambda_function_urls WHERE url_id = ?"_s);
    query.addBindValue(urlId);
    const QList<FunctionUrlConfig> found = selectUrls(query);
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

QList<FunctionUrlConfig> LambdaStore::functionUrls(const QString &function) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT "_s + QLatin1StringView(UrlColumns)
        + u" FROM lambda_function_urls WHERE function_name = ? ORDER BY qualifier"_s);
    query.addBindValue(function);
    return selectUrls(query);
}

} // namespace Core::Lambda
