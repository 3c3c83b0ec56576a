// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/handlers/servicehandler.h"

namespace Core::DynamoDb {
class DynamoDbStreamsService;
}

namespace Core::Api {

// DynamoDB Streams on the endpoint: JSON 1.0, X-Amz-Target DynamoDBStreams_20120810.<Operation>,
// signed for "dynamodb" like DynamoDB itself.
class DynamoDbStreamsHandler final : public ServiceHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DynamoDbStreamsHandler)

public:
    explicit DynamoDbStreamsHandler(
        DynamoDb::DynamoDbStreamsService *service, QObject *parent = nullptr);

    QString service() const override;
    QStringList operations() const override;
    void handle(const AwsRequest &request, Responder responder) override;

private:
    using Operation = Result<QJsonObject> (DynamoDb::DynamoDbStreamsService::*)(
        const QJsonObject &);
    static const QHash<QString, Operation> &operationTable();

    DynamoDb::DynamoDbStreamsService *m_service;
};

} // namespace Core::Api
