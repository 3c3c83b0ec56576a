// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/handlers/servicehandler.h"
#include "core/common/awserror.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace Core::Lambda {
class LambdaService;
}

namespace Core::Api {

// Lambda on the endpoint: REST-JSON under /2015-03-31/... (and the dated paths of concurrency,
// tags and event invoke config). Invoke parks the Responder and answers from the service's
// callback once the handler process has replied.
class LambdaHandler final : public ServiceHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LambdaHandler)

public:
    explicit LambdaHandler(Lambda::LambdaService *service, QObject *parent = nullptr);

    QString service() const override;
    QStringList operations() const override;
    void handle(const AwsRequest &request, Responder responder) override;

private:
    // Synchronous operations: input (body + path captures + query) in, (status, JSON) out.
    struct Call
    {
        const AwsRequest &request;
        QJsonObject body;
        QStringList captures;
    };
    using Operation = Result<std::pair<int, QJsonObject>> (LambdaHandler::*)(const Call &);
    struct Route
    {
        QByteArray method;
        QRegularExpression path;
        QString operation;
        Operation function;
    };
    static const QList<Route> &routes();

    void invoke(const AwsRequest &request, Responder &responder, const QString &function);
    void invokeAsync(const AwsRequest &request, Responder &responder, const QString &function);
    // A request to a function URL host (lambdaurlhandler.cpp).
    void serveFunctionUrl(const AwsRequest &request, Responder &responder, const QString &urlId);
    void downloadCode(Responder &responder, const QString &function, const QString &version);

    Result<std::pair<int, QJsonObject>> createFunction(const Call &call);
    Result<std::pair<int, QJsonObject>> getFunction(const Call &call);
    Result<std::pair<int, QJsonObject>> getFunctionConfiguration(const Call &call);
    Result<std::pair<int, QJsonObject>> listFunctions(const Call &call);
    Result<std::pair<int, QJsonObject>> updateFunctionCode(const Call &call);
    Result<std::pair<int, QJsonObject>> updateFunctionConfiguration(const Call &call);
    Result<std::pair<int, QJsonObject>> deleteFunction(const Call &call);
    Result<std::pair<int, QJsonObject>> publishVersion(const Call &call);
    Result<std::pair<int, QJsonObject>> listVersionsByFunction(const Call &call);
    Result<std::pair<int, QJsonObject>> createAlias(const Call &call);
    Result<std::pair<int, QJsonObject>> getAlias(const Call &call);
    Result<std::pair<int, QJsonObject>> updateAlias(const Call &call);
    Result<std::pair<int, QJsonObject>> deleteAlias(const Call &call);
    Result<std::pair<int, QJsonObject>> listAliases(const Call &call);
    Result<std::pair<int, QJsonObject>> putFunctionConcurrency(const Call &call);
    Result<std::pair<int, QJsonObject>> getFunctionConcurrency(const Call &call);
    Result<std::pair<int, QJsonObject>> putFunctionRecursionConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> getFunctionRecursionConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> deleteFunctionConcurrency(const Call &call);
    Result<std::pair<int, QJsonObject>> putFunctionEventInvokeConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> updateFunctionEventInvokeConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> getFunctionEventInvokeConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> deleteFunctionEventInvokeConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> listFunctionEventInvokeConfigs(const Call &call);
    Result<std::pair<int, QJsonObject>> addPermission(const Call &call);
    Result<std::pair<int, QJsonObject>> removePermission(const Call &call);
    Result<std::pair<int, QJsonObject>> getPolicy(const Call &call);
    Result<std::pair<int, QJsonObject>> tagResource(const Call &call);
    Result<std::pair<int, QJsonObject>> untagResource(const Call &call);
    Result<std::pair<int, QJsonObject>> listTags(const Call &call);
    Result<std::pair<int, QJsonObject>> getAccountSettings(const Call &call);
    Result<std::pair<int, QJsonObject>> createFunctionUrlConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> getFunctionUrlConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> updateFunctionUrlConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> deleteFunctionUrlConfig(const Call &call);
    Result<std::pair<int, QJsonObject>> listFunctionUrlConfigs(const Call &call);
    Result<std::pair<int, QJsonObject>> createEventSourceMapping(const Call &call);
    Result<std::pair<int, QJsonObject>> getEventSourceMapping(const Call &call);
    Result<std::pair<int, QJsonObject>> updateEventSourceMapping(const Call &call);
    Result<std::pair<int, QJsonObject>> deleteEventSourceMapping(const Call &call);
    Result<std::pair<int, QJsonObject>> listEventSourceMappings(const Call &call);

    Lambda::LambdaService *m_service;
};

} // namespace Core::Api
