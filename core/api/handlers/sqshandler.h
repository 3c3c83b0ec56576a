// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/handlers/servicehandler.h"
#include "core/common/awserror.h"

#include <QJsonObject>

namespace Core::Sqs {
class SqsService;
}

namespace Core::Api {

// SQS on the endpoint in both of its protocols: Query (AWS CLI v2 and boto3 from Debian) and
// JSON 1.0 (JS SDK v3, new boto3). Each operation is written once against the JSON request and
// result structures; SqsWire adapts Query parameters and XML answers. ReceiveMessage with a wait
// keeps the Responder and answers from SqsService's long-poll callback.
class SqsHandler final : public ServiceHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqsHandler)

public:
    explicit SqsHandler(Sqs::SqsService *service, QObject *parent = nullptr);
    ~SqsHandler() override;

    QString service() const override;
    QStringList operations() const override;
    void handle(const AwsRequest &request, Responder responder) override;

    struct Call
    {
        AwsRequest request;
        Responder responder;
        QString operation;
        QJsonObject input;
    };

private:
    using Operation = void (SqsHandler::*)(Call &);
    static const QHash<QString, Operation> &operationTable();

    static void reply(Call &call, const QJsonObject &result);
    static void fail(Call &call, const AwsError &error);
    QString queueUrl(const Call &call, const QString &name) const;
    // The queue a request names: its QueueUrl member, else the path it was posted to.
    Result<QString> queueName(const Call &call) const;

    void createQueue(Call &call);
    void getQueueUrl(Call &call);
    void listQueues(Call &call);
    void deleteQueue(Call &call);
    void getQueueAttributes(Call &call);
    void setQueueAttributes(Call &call);
    void tagQueue(Call &call);
    void untagQueue(Call &call);
    void listQueueTags(Call &call);
    void purgeQueue(Call &call);
    void listDeadLetterSourceQueues(Call &call);
    void startMessageMoveTask(Call &call);
    void listMessageMoveTasks(Call &call);
    void cancelMessageMoveTask(Call &call);
    void addPermission(Call &call);
    void removePermission(Call &call);
    void sendMessage(Call &call);
    void sendMessageBatch(Call &call);
    void receiveMessage(Call &call);
    void deleteMessage(Call &call);
    void deleteMessageBatch(Call &call);
    void changeMessageVisibility(Call &call);
    void changeMessageVisibilityBatch(Call &call);

    Sqs::SqsService *m_service;
};

} // namespace Core::Api
