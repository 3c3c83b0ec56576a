// SPDX-License-Identifier: MIT
#include "core/api/handlers/dynamodbstreamshandler.h"

#include "core/api/protocols/jsonprotocol.h"
#include "core/dynamodb/dynamodbstreamsservice.h"

#include <QHash>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Core::Api {

using Service = DynamoDb::DynamoDbStreamsService;

DynamoDbStreamsHandler::DynamoDbStreamsHandler(
    DynamoDb::DynamoDbStreamsService *service, QObject *parent)
    : ServiceHandler(parent)
    , m_service(service)
{}

QString DynamoDbStreamsHandler::service() const
{
    return u"dynamodbstreams"_s;
}

const QHash<QString, DynamoDbStreamsHandler::Operation> &DynamoDbStreamsHandler::operationTable()
{
    static const QHash<QString, Operation> table{
        {u"ListStreams"_s, &Service::listStreams},
        {u"DescribeStream"_s, &Service::describeStream},
        {u"GetShardIterator"_s, &Service::getShardIterator},
        {u"GetRecords"_s, &Service::getRecords},
    };
    return table;
}

QStringList DynamoDbStreamsHandler::operations() const
{
    return operationTable().keys();
}

void DynamoDbStreamsHandler::handle(const AwsRequest &request, Responder responder)
{
    const QString &operation = request.route.operation;
    const auto it = operationTable().constFind(operation);
    if (it == operationTable().cend()) {
        responder.fail(operation, AwsError{u"UnknownOperationException"_s, QString(), 400, true});
        return;
    }
    auto body = JsonProtocol::parseBody(request.http);
    if (!body) {
        responder.fail(operation, body.error());
        return;
    }
    const Result<QJsonObject> result = (m_service->**it)(*body);
    if (!result) {
        responder.fail(operation, result.error());
        return;
    }
    responder.send(
        operation, JsonProtocol::result(*result, request.route.protocol, request.requestId));
}

} // namespace Core::Api
