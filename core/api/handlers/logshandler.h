// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/handlers/servicehandler.h"
#include "core/common/awserror.h"

#include <QJsonObject>

namespace Core::Logs {
class LogsService;
}

namespace Core::Api {

// CloudWatch Logs on the endpoint: JSON 1.1, X-Amz-Target Logs_20140328.<Operation>.
class LogsHandler final : public ServiceHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsHandler)

public:
    explicit LogsHandler(Logs::LogsService *service, QObject *parent = nullptr);

    QString service() const override;
    QStringList operations() const override;
    void handle(const AwsRequest &request, Responder responder) override;

private:
    using Operation = Result<QJsonObject> (LogsHandler::*)(const QJsonObject &);
    static const QHash<QString, Operation> &operationTable();

    Result<QJsonObject> createLogGroup(const QJsonObject &input);
    Result<QJsonObject> deleteLogGroup(const QJsonObject &input);
    Result<QJsonObject> describeLogGroups(const QJsonObject &input);
    Result<QJsonObject> createLogStream(const QJsonObject &input);
    Result<QJsonObject> deleteLogStream(const QJsonObject &input);
    Result<QJsonObject> describeLogStreams(const QJsonObject &input);
    Result<QJsonObject> putLogEvents(const QJsonObject &input);
    Result<QJsonObject> getLogEvents(const QJsonObject &input);
    Result<QJsonObject> filterLogEvents(const QJsonObject &input);
    Result<QJsonObject> putRetentionPolicy(const QJsonObject &input);
    Result<QJsonObject> deleteRetentionPolicy(const QJsonObject &input);
    Result<QJsonObject> tagResource(const QJsonObject &input);
    Result<QJsonObject> untagResource(const QJsonObject &input);
    Result<QJsonObject> listTagsForResource(const QJsonObject &input);
    Result<QJsonObject> tagLogGroup(const QJsonObject &input);
    Result<QJsonObject> untagLogGroup(const QJsonObject &input);
    Result<QJsonObject> listTagsLogGroup(const QJsonObject &input);
    Result<QJsonObject> putMetricFilter(const QJsonObject &input);
    Result<QJsonObject> deleteMetricFilter(const QJsonObject &input);
    Result<QJsonObject> describeMetricFilters(const QJsonObject &input);
    Result<QJsonObject> testMetricFilter(const QJsonObject &input);

    Logs::LogsService *m_service;
};

} // namespace Core::Api
