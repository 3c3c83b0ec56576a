// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/handlers/servicehandler.h"

namespace Core::DynamoDb {
class DynamoDbService;
}

namespace Core::Api {

// DynamoDB on the endpoint: JSON 1.0, X-Amz-Target DynamoDB_20120810.<Operation>.
class DynamoDbHandler final : public ServiceHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DynamoDbHandler)

public:
    explicit DynamoDbHandler(DynamoDb::DynamoDbService *service, QObject *parent = nullptr);

    QString service() const override;
    QStringList operations() const override;
    void handle(const AwsRequest &request, Responder responder) override;

private:
    using Operation = Result<QJsonObject> (DynamoDb::DynamoDbService::*)(const QJsonObject &);
    static const QHash<QString, Operation> &operationTable();

    DynamoDb::DynamoDbService *m_service;
};

} // namespace Core::Api
