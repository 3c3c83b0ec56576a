// SPDX-License-Identifier: MIT
#include "core/api/handlers/dynamodbhandler.h"

#include "core/api/protocols/errorresponse.h"
#include "core/api/protocols/jsonprotocol.h"
#include "core/dynamodb/dynamodbservice.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

// GetItem/Query/Scan: the stored items are DynamoDB JSON text already and go into the body as
// they are, in place of the empty "Item" object or "Items" array the service left. Keys are
// sorted, so the first occurrence is the top-level one.
void spliceItems(QByteArray &body, const QString &operation, const QList<QByteArray> &rawItems)
{
    if (rawItems.isEmpty())
        return;
    const bool single = operation == u"GetItem";
    const QByteArray placeholder = single ? "\"Item\":{}"_ba : "\"Items\":[]"_ba;
    const qsizetype at = body.indexOf(placeholder);
    if (at < 0)
        return;
    const QByteArray items = single ? rawItems.first() : QByteArray("[" + rawItems.join(',') + "]");
    body.replace(at + placeholder.size() - 2, 2, items);
}

} // namespace

using Service = DynamoDb::DynamoDbService;

DynamoDbHandler::DynamoDbHandler(DynamoDb::DynamoDbService *service, QObject *parent)
    : ServiceHandler(parent)
    , m_service(service)
{}

QString DynamoDbHandler::service() const
{
    return u"dynamodb"_s;
}

const QHash<QString, DynamoDbHandler::Operation> &DynamoDbHandler::operationTable()
{
    static const QHash<QString, Operation> table{
        {u"CreateTable"_s, &Service::createTable},
        {u"DescribeTable"_s, &Service::describeTable},
        {u"ListTables"_s, &Service::listTables},
        {u"UpdateTable"_s, &Service::updateTable},
        {u"DeleteTable"_s, &Service::deleteTable},
        {u"UpdateTimeToLive"_s, &Service::updateTimeToLive},
        {u"DescribeTimeToLive"_s, &Service::describeTimeToLive},
        {u"TagResource"_s, &Service::tagResource},
        {u"UntagResource"_s, &Service::untagResource},
        {u"ListTagsOfResource"_s, &Service::listTagsOfResource},
        {u"DescribeLimits"_s, &Service::describeLimits},
        {u"DescribeEndpoints"_s, &Service::describeEndpoints},
        {u"PutItem"_s, &Service::putItem},
        {u"GetItem"_s, &Service::getItem},
        {u"UpdateItem"_s, &Service::updateItem},
        {u"DeleteItem"_s, &Service::deleteItem},
        {u"Query"_s, &Service::query},
        {u"Scan"_s, &Service::scan},
        {u"BatchGetItem"_s, &Service::batchGetItem},
        {u"BatchWriteItem"_s, &Service::batchWriteItem},
        {u"TransactWriteItems"_s, &Service::transactWriteItems},
        {u"TransactGetItems"_s, &Service::transactGetItems},
        {u"ExecuteStatement"_s, &Service::executeStatement},
        {u"BatchExecuteStatement"_s, &Service::batchExecuteStatement},
        {u"ExecuteTransaction"_s, &Service::executeTransaction},
        {u"CreateBackup"_s, &Service::createBackup},
        {u"DescribeBackup"_s, &Service::describeBackup},
        {u"ListBackups"_s, &Service::listBackups},
        {u"DeleteBackup"_s, &Service::deleteBackup},
        {u"RestoreTableFromBackup"_s, &Service::restoreTableFromBackup},
        {u"UpdateContinuousBackups"_s, &Service::updateContinuousBackups},
        {u"DescribeContinuousBackups"_s, &Service::describeContinuousBackups},
        {u"RestoreTableToPointInTime"_s, &Service::restoreTableToPointInTime},
    };
    return table;
}

QStringList DynamoDbHandler::operations() const
{
    return operationTable().keys();
}

void DynamoDbHandler::handle(const AwsRequest &request, Responder responder)
{
    const QString &operation = request.route.operation;
    const auto it = operationTable().constFind(operation);
    if (it == operationTable().cend()) {
        responder.fail(operation,
            operation.isEmpty() ? CommonErrors::missingParameter(u"Action"_s)
                                : AwsError{u"UnknownOperationException"_s, QString(), 400, true});
        return;
    }
    auto body = JsonProtocol::parseBody(request.http);
    if (!body) {
        responder.fail(operation, body.error());
        return;
    }
    QList<QByteArray> rawItems;
    const Result<QJsonObject> result = m_service->call(operation, *it, *body, &rawItems);
    if (result) {
        HttpResponse response =
            JsonProtocol::result(*result, request.route.protocol, request.requestId);
        spliceItems(response.body, operation, rawItems);
        responder.send(operation, response);
        return;
    }
    const AwsError &error = result.error();
    if (error.extra.isEmpty()) {
        responder.fail(operation, error);
        return;
    }
    // Item (ConditionalCheckFailedException) and CancellationReasons (TransactionCanceled-
    // Exception) are JSON documents beside the message.
    AwsError plain = error;
    plain.extra.clear();
    HttpResponse response =
        errorResponse(request.route.protocol, u"dynamodb"_s, plain, request.requestId);
    QJsonObject object = QJsonDocument::fromJson(response.body).object();
    for (const auto &[name, value] : error.extra)
        object.insert(name,
            QJsonDocument::fromJson(value.toUtf8()).isArray()
                ? QJsonValue(QJsonDocument::fromJson(value.toUtf8()).array())
                : QJsonValue(QJsonDocument::fromJson(value.toUtf8()).object()));
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    responder.send(operation, response, error.code);
}

} // namespace Core::Api
