// SPDX-License-Identifier: MIT
#include "core/api/handlers/stshandler.h"

#include "core/api/protocols/jsonprotocol.h"
#include "core/api/protocols/queryprotocol.h"
#include "core/api/serviceinfo.h"
#include "core/sts/stsservice.h"

#include <QHash>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Core::Api {

StsHandler::StsHandler(Sts::StsService *service, QObject *parent)
    : ServiceHandler(parent)
    , m_service(service)
{}

QString StsHandler::service() const
{
    return u"sts"_s;
}

const QHash<QString, StsHandler::Operation> &StsHandler::operationTable()
{
    static const QHash<QString, Operation> table{
        {u"GetCallerIdentity"_s, &StsHandler::getCallerIdentity},
    };
    return table;
}

QStringList StsHandler::operations() const
{
    return operationTable().keys();
}

void StsHandler::handle(const AwsRequest &request, Responder responder)
{
    const QString &operation = request.route.operation;
    const auto it = operationTable().constFind(operation);
    if (it == operationTable().cend()) {
        responder.fail(operation,
            operation.isEmpty() ? CommonErrors::missingParameter(u"Action"_s)
                                : CommonErrors::notImplemented(u"sts"_s, operation));
        return;
    }
    (this->*(*it))(request, responder);
}

void StsHandler::getCallerIdentity(const AwsRequest &request, Responder &responder)
{
    const Sts::CallerIdentity identity = m_service->getCallerIdentity(request.route.accessKeyId);
    const QString operation = u"GetCallerIdentity"_s;
    if (request.route.protocol == Protocol::Json10 || request.route.protocol == Protocol::Json11) {
        responder.send(operation,
            JsonProtocol::result({{u"Account"_s, identity.account},
                                     {u"Arn"_s, identity.arn},
                                     {u"UserId"_s, identity.userId}},
                request.route.protocol,
                request.requestId));
        return;
    }
    responder.send(operation,
        QueryProtocol::result(operation,
            serviceById(u"sts")->queryXmlns,
            request.requestId,
            [&identity](QXmlStreamWriter &xml) {
                xml.writeTextElement(u"Arn"_s, identity.arn);
                xml.writeTextElement(u"UserId"_s, identity.userId);
                xml.writeTextElement(u"Account"_s, identity.account);
            }));
}

} // namespace Core::Api
