// SPDX-License-Identifier: MIT
#include "core/api/handlers/sqshandler.h"

#include "core/api/handlers/sqswire.h"
#include "core/api/protocols/jsonprotocol.h"
#include "core/api/protocols/queryprotocol.h"
#include "core/api/serviceinfo.h"
#include "core/sqs/sqsattributes.h"
#include "core/sqs/sqserrors.h"
#include "core/sqs/sqsservice.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::Api {

SqsHandler::SqsHandler(Sqs::SqsService *service, QObject *parent)
    : ServiceHandler(parent)
    , m_service(service)
{}

SqsHandler::~SqsHandler()
{
    // Parked long polls are answered (empty) while the dispatcher still exists.
    m_service->finishWaits();
}

QString SqsHandler::service() const
{
    return u"sqs"_s;
}

const QHash<QString, SqsHandler::Operation> &SqsHandler::operationTable()
{
    static const QHash<QString, Operation> table{
        {u"AddPermission"_s, &SqsHandler::addPermission},
        {u"CancelMessageMoveTask"_s, &SqsHandler::cancelMessageMoveTask},
        {u"ChangeMessageVisibility"_s, &SqsHandler::changeMessageVisibility},
        {u"ChangeMessageVisibilityBatch"_s, &SqsHandler::changeMessageVisibilityBatch},
        {u"CreateQueue"_s, &SqsHandler::createQueue},
        {u"DeleteMessage"_s, &SqsHandler::deleteMessage},
        {u"DeleteMessageBatch"_s, &SqsHandler::deleteMessageBatch},
        {u"DeleteQueue"_s, &SqsHandler::deleteQueue},
        {u"GetQueueAttributes"_s, &SqsHandler::getQueueAttributes},
        {u"GetQueueUrl"_s, &SqsHandler::getQueueUrl},
        {u"ListDeadLetterSourceQueues"_s, &SqsHandler::listDeadLetterSourceQueues},
        {u"ListMessageMoveTasks"_s, &SqsHandler::listMessageMoveTasks},
        {u"ListQueueTags"_s, &SqsHandler::listQueueTags},
        {u"ListQueues"_s, &SqsHandler::listQueues},
        {u"PurgeQueue"_s, &SqsHandler::purgeQueue},
        {u"ReceiveMessage"_s, &SqsHandler::receiveMessage},
        {u"RemovePermission"_s, &SqsHandler::removePermission},
        {u"SendMessage"_s, &SqsHandler::sendMessage},
        {u"SendMessageBatch"_s, &SqsHandler::sendMessageBatch},
        {u"SetQueueAttributes"_s, &SqsHandler::setQueueAttributes},
        {u"StartMessageMoveTask"_s, &SqsHandler::startMessageMoveTask},
        {u"TagQueue"_s, &SqsHandler::tagQueue},
        {u"UntagQueue"_s, &SqsHandler::untagQueue},
    };
    return table;
}

QStringList SqsHandler::operations() const
{
    return operationTable().keys();
}

void SqsHandler::handle(const AwsRequest &request, Responder responder)
{
    Call call{request, responder, request.route.operation, {}};
    const auto it = operationTable().constFind(call.operation);
    if (it == operationTable().cend()) {
        fail(call,
            call.operation.isEmpty() ? Sqs::Errors::missingParameter(u"Action"_s)
                                     : CommonErrors::invalidAction(call.operation));
        return;
    }
    if (request.route.protocol == Protocol::Query) {
        auto parsed =
            SqsWire::structureFromQuery(QueryProtocol::parameters(request.http), call.operation);
        if (!parsed) {
            fail(call, parsed.error());
            return;
        }
        call.input = *parsed;
    } else {
        auto parsed = JsonProtocol::parseBody(request.http);
        if (!parsed) {
            fail(call, parsed.error());
            return;
        }
        call.input = *parsed;
    }
    (this->*(*it))(call);
}

void SqsHandler::reply(Call &call, const QJsonObject &result)
{
    const AwsRequest &request = call.request;
    if (request.route.protocol == Protocol::Query) {
        call.responder.send(call.operation,
            QueryProtocol::result(call.operation,
                serviceById(u"sqs")->queryXmlns,
                request.requestId,
                [&](QXmlStreamWriter &xml) {
                    SqsWire::writeQueryResult(xml, result, call.operation);
                }));
        return;
    }
    call.responder.send(
        call.operation, JsonProtocol::result(result, request.route.protocol, request.requestId));
}

void SqsHandler::fail(Call &call, const AwsError &error)
{
    const AwsRequest &request = call.request;
    const QString queryCode = Sqs::Errors::queryErrorCode(error.code);
    const ServiceInfo *info = serviceById(u"sqs");
    if (request.route.protocol == Protocol::Json10 || request.route.protocol == Protocol::Json11) {
        call.responder.send(call.operation,
            JsonProtocol::error(
                error, request.route.protocol, info->jsonErrorPrefix, request.requestId, queryCode),
            error.code);
        return;
    }
    AwsError queryError = error;
    queryError.code = queryCode;
    call.responder.send(call.operation,
        QueryProtocol::error(queryError, info->queryXmlns, request.requestId),
        queryCode);
}

QString SqsHandler::queueUrl(const Call &call, const QString &name) const
{
    QString host = QString::fromLatin1(call.request.http.header("host"));
    if (host.isEmpty())
        host = u"localhost"_s;
    return u"http://%1/%2/%3"_s.arg(host, m_service->accountId(), name);
}

Result<QString> SqsHandler::queueName(const Call &call) const
{
    QString url = call.input.value(u"QueueUrl"_s).toString();
    if (url.isEmpty()) {
        // Query clients may post to the queue URL itself: /<account>/<name>.
        const QStringList parts = call.request.http.decodedPath().split(u'/', Qt::SkipEmptyParts);
        if (parts.size() == 2)
            return parts.at(1);
        return std::unexpected(Sqs::Errors::missingParameter(u"QueueUrl"_s));
    }
    while (url.endsWith(u'/'))
        url.chop(1);
    // The last path segment names the queue. A URL whose path steps elsewhere
    // (/000000000000/../q1) or whose last segment is no queue name names no queue.
    const qsizetype scheme = url.indexOf(u"://"_s);
    const qsizetype pathStart = scheme < 0 ? 0 : url.indexOf(u'/', scheme + 3);
    const QStringList segments = pathStart < 0 ? QStringList() : url.mid(pathStart).split(u'/');
    for (const QString &segment : segments) {
        const QString decoded = percentDecode(segment.toUtf8(), false);
        if (decoded == u"."_s || decoded == u".."_s)
            return std::unexpected(Sqs::Errors::queueDoesNotExist());
    }
    const QString name = segments.isEmpty() ? QString() : segments.last();
    if (name.isEmpty()
        || !Sqs::Rules::validateQueueName(name, name.endsWith(u".fifo"_s)).has_value())
        return std::unexpected(Sqs::Errors::queueDoesNotExist());
    return name;
}

void SqsHandler::createQueue(Call &call)
{
    CB_SQS_TRY(name, SqsWire::string(call.input, u"QueueName"_s, true));
    CB_SQS_TRY(attributes, SqsWire::stringMap(call.input, u"Attributes"_s));
    CB_SQS_TRY(tags, SqsWire::stringMap(call.input, u"tags"_s));
    CB_SQS_TRY(queue, m_service->createQueue(*name, *attributes, *tags));
    reply(call, {{u"QueueUrl"_s, queueUrl(call, queue->name)}});
}

void SqsHandler::getQueueUrl(Call &call)
{
    CB_SQS_TRY(name, SqsWire::string(call.input, u"QueueName"_s, true));
    CB_SQS_TRY(queue, m_service->queue(*name));
    reply(call, {{u"QueueUrl"_s, queueUrl(call, queue->name)}});
}

void SqsHandler::listQueues(Call &call)
{
    CB_SQS_TRY(prefix, SqsWire::string(call.input, u"QueueNamePrefix"_s));
    CB_SQS_TRY(maxResults, SqsWire::integer(call.input, u"MaxResults"_s));
    CB_SQS_TRY(token, SqsWire::string(call.input, u"NextToken"_s));
    if (*maxResults && (**maxResults < 1 || **maxResults > 1000)) {
        fail(call,
            Sqs::Errors::invalidParameterValue(
                u"Value %1 for parameter MaxResults is invalid. Reason: MaxResults must be an "
                u"integer between 1 and 1000."_s.arg(**maxResults)));
        return;
    }
    QString after;
    if (!token->isEmpty()) {
        after = QString::fromUtf8(QByteArray::fromBase64(token->toLatin1()));
        if (after.isEmpty()) {
            fail(call, Sqs::Errors::invalidParameterValue(u"Invalid NextToken value."_s));
            return;
        }
    }
    const int limit = maxResults->value_or(1000);
    QJsonArray urls;
    QString last;
    bool more = false;
    for (const Sqs::Queue &queue : m_service->listQueues(*prefix)) {
        if (!after.isEmpty() && queue.name <= after)
            continue;
        if (urls.size() == limit) {
            more = true;
            break;
        }
        urls.append(queueUrl(call, queue.name));
        last = queue.name;
    }
    QJsonObject result;
    if (!urls.isEmpty())
        result.insert(u"QueueUrls"_s, urls);
    // Without MaxResults AWS answers up to 1,000 URLs and no token.
    if (more && *maxResults)
        result.insert(u"NextToken"_s, QString::fromLatin1(last.toUtf8().toBase64()));
    reply(call, result);
}

void SqsHandler::deleteQueue(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(deleted, m_service->deleteQueue(*name));
    reply(call, {});
}

void SqsHandler::getQueueAttributes(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(names, SqsWire::stringList(call.input, u"AttributeNames"_s));
    CB_SQS_TRY(attributes, m_service->getQueueAttributes(*name, *names));
    QJsonObject result;
    if (!attributes->isEmpty())
        result.insert(u"Attributes"_s, SqsWire::stringMapToJson(*attributes));
    reply(call, result);
}

void SqsHandler::setQueueAttributes(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(attributes, SqsWire::stringMap(call.input, u"Attributes"_s));
    if (!call.input.contains(u"Attributes"_s)) {
        fail(call, Sqs::Errors::missingParameter(u"Attributes"_s));
        return;
    }
    CB_SQS_TRY(set, m_service->setQueueAttributes(*name, *attributes));
    reply(call, {});
}

void SqsHandler::tagQueue(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(tags, SqsWire::stringMap(call.input, u"Tags"_s));
    CB_SQS_TRY(tagged, m_service->tagQueue(*name, *tags));
    reply(call, {});
}

void SqsHandler::untagQueue(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(keys, SqsWire::stringList(call.input, u"TagKeys"_s));
    CB_SQS_TRY(untagged, m_service->untagQueue(*name, *keys));
    reply(call, {});
}

void SqsHandler::listQueueTags(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(tags, m_service->listQueueTags(*name));
    QJsonObject result;
    if (!tags->isEmpty())
        result.insert(u"Tags"_s, SqsWire::stringMapToJson(*tags));
    reply(call, result);
}

void SqsHandler::purgeQueue(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    auto purged = m_service->purgeQueue(*name);
    if (!purged) {
        AwsError error = purged.error();
        if (error.code == u"PurgeQueueInProgress"_s)
            error = Sqs::Errors::purgeQueueInProgress(queueUrl(call, *name));
        fail(call, error);
        return;
    }
    reply(call, {});
}

void SqsHandler::listDeadLetterSourceQueues(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(maxResults, SqsWire::integer(call.input, u"MaxResults"_s));
    CB_SQS_TRY(token, SqsWire::string(call.input, u"NextToken"_s));
    CB_SQS_TRY(sources, m_service->listDeadLetterSourceQueues(*name));
    if (*maxResults && (**maxResults < 1 || **maxResults > 1000)) {
        fail(call,
            Sqs::Errors::invalidParameterValue(
                u"Value %1 for parameter MaxResults is invalid. Reason: MaxResults must be an "
                u"integer between 1 and 1000."_s.arg(**maxResults)));
        return;
    }
    const QString after = QString::fromUtf8(QByteArray::fromBase64(token->toLatin1()));
    const int limit = maxResults->value_or(1000);
    QJsonArray urls;
    QString last;
    bool more = false;
    for (const QString &source : *sources) {
        if (!after.isEmpty() && source <= after)
            continue;
        if (urls.size() == limit) {
            more = true;
            break;
        }
        urls.append(queueUrl(call, source));
        last = source;
    }
    QJsonObject result{{u"queueUrls"_s, urls}};
    if (more && *maxResults)
        result.insert(u"NextToken"_s, QString::fromLatin1(last.toUtf8().toBase64()));
    reply(call, result);
}

void SqsHandler::startMessageMoveTask(Call &call)
{
    CB_SQS_TRY(source, SqsWire::string(call.input, u"SourceArn"_s, true));
    CB_SQS_TRY(destination, SqsWire::string(call.input, u"DestinationArn"_s));
    CB_SQS_TRY(rate, SqsWire::integer(call.input, u"MaxNumberOfMessagesPerSecond"_s));
    CB_SQS_TRY(handle, m_service->startMessageMoveTask(*source, *destination, *rate));
    reply(call, {{u"TaskHandle"_s, *handle}});
}

void SqsHandler::listMessageMoveTasks(Call &call)
{
    CB_SQS_TRY(source, SqsWire::string(call.input, u"SourceArn"_s, true));
    CB_SQS_TRY(maxResults, SqsWire::integer(call.input, u"MaxResults"_s));
    CB_SQS_TRY(tasks, m_service->listMessageMoveTasks(*source, maxResults->value_or(1)));
    QJsonArray results;
    for (const Sqs::MessageMoveTask &task : *tasks) {
        QJsonObject entry{
            {u"Status"_s, task.status},
            {u"SourceArn"_s, task.sourceArn},
            {u"ApproximateNumberOfMessagesMoved"_s, task.approximateNumberOfMessagesMoved},
            {u"ApproximateNumberOfMessagesToMove"_s, task.approximateNumberOfMessagesToMove},
            {u"StartedTimestamp"_s, task.startedTimestamp},
        };
        if (task.status == u"RUNNING"_s)
            entry.insert(u"TaskHandle"_s, task.taskHandle);
        if (!task.destinationArn.isEmpty())
            entry.insert(u"DestinationArn"_s, task.destinationArn);
        if (task.maxNumberOfMessagesPerSecond > 0)
            entry.insert(u"MaxNumberOfMessagesPerSecond"_s, task.maxNumberOfMessagesPerSecond);
        if (!task.failureReason.isEmpty())
            entry.insert(u"FailureReason"_s, task.failureReason);
        results.append(entry);
    }
    reply(call, {{u"Results"_s, results}});
}

void SqsHandler::cancelMessageMoveTask(Call &call)
{
    CB_SQS_TRY(handle, SqsWire::string(call.input, u"TaskHandle"_s, true));
    CB_SQS_TRY(moved, m_service->cancelMessageMoveTask(*handle));
    reply(call, {{u"ApproximateNumberOfMessagesMoved"_s, *moved}});
}

// AddPermission / RemovePermission edit the queue's Policy attribute, one statement per label.
void SqsHandler::addPermission(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(label, SqsWire::string(call.input, u"Label"_s, true));
    CB_SQS_TRY(accounts, SqsWire::stringList(call.input, u"AWSAccountIds"_s));
    CB_SQS_TRY(actions, SqsWire::stringList(call.input, u"Actions"_s));
    if (accounts->isEmpty() || actions->isEmpty()) {
        fail(call,
            Sqs::Errors::missingParameter(accounts->isEmpty() ? u"AWSAccountIds"_s : u"Actions"_s));
        return;
    }
    CB_SQS_TRY(current, m_service->getQueueAttributes(*name, {u"Policy"_s}));
    const QString arn = m_service->queueArn(*name);
    QJsonObject policy = QJsonDocument::fromJson(current->value(u"Policy"_s).toUtf8()).object();
    if (policy.isEmpty())
        policy = QJsonObject{{u"Version"_s, u"2012-10-17"_s},
            {u"Id"_s, QString(arn + u"/SQSDefaultPolicy"_s)},
            {u"Statement"_s, QJsonArray()}};
    QJsonArray statements = policy.value(u"Statement"_s).toArray();
    for (const QJsonValue &statement : statements) {
        if (statement.toObject().value(u"Sid"_s).toString() == *label) {
            fail(call,
                Sqs::Errors::invalidParameterValue(
                    u"Value %1 for parameter Label is invalid. Reason: Already exists."_s.arg(
                        *label)));
            return;
        }
    }
    QJsonArray principals;
    for (const QString &account : *accounts)
        principals.append(u"arn:aws:iam::%1:root"_s.arg(account));
    QJsonArray actionList;
    for (const QString &action : *actions)
        actionList.append(QString(u"SQS:"_s + action));
    statements.append(QJsonObject{{u"Sid"_s, *label},
        {u"Effect"_s, u"Allow"_s},
        {u"Principal"_s, QJsonObject{{u"AWS"_s, principals}}},
        {u"Action"_s, actionList},
        {u"Resource"_s, arn}});
    policy.insert(u"Statement"_s, statements);
    CB_SQS_TRY(set,
        m_service->setQueueAttributes(*name,
            {{u"Policy"_s,
                QString::fromUtf8(QJsonDocument(policy).toJson(QJsonDocument::Compact))}}));
    reply(call, {});
}

void SqsHandler::removePermission(Call &call)
{
    CB_SQS_TRY(name, queueName(call));
    CB_SQS_TRY(label, SqsWire::string(call.input, u"Label"_s, true));
    CB_SQS_TRY(current, m_service->getQueueAttributes(*name, {u"Policy"_s}));
    QJsonObject policy = QJsonDocument::fromJson(current->value(u"Policy"_s).toUtf8()).object();
    QJsonArray statements = policy.value(u"Statement"_s).toArray();
    QJsonArray kept;
    for (const QJsonValue &statement : statements) {
        if (statement.toObject().value(u"Sid"_s).toString() != *label)
            kept.append(statement);
    }
    if (kept.size() == statements.size()) {
        fail(call,
            Sqs::Errors::invalidParameterValue(
                u"Value %1 for parameter Label is invalid. Reason: can't find label on existing "
                u"policy."_s.arg(*label)));
        return;
    }
    policy.insert(u"Statement"_s, kept);
    const QString text = kept.isEmpty()
        ? QString()
        : QString::fromUtf8(QJsonDocument(policy).toJson(QJsonDocument::Compact));
    CB_SQS_TRY(set, m_service->setQueueAttributes(*name, {{u"Policy"_s, text}}));
    reply(call, {});
}

} // namespace Core::Api
