// SPDX-License-Identifier: MIT
#include "core/api/protocols/restjsonprotocol.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::Api::RestJsonProtocol {

HttpResponse json(int status, const QJsonObject &object, const QString &requestId)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json");
    response.setHeader("x-amzn-RequestId", requestId.toLatin1());
    return response;
}

HttpResponse error(const AwsError &error, const QString &requestId)
{
    QJsonObject object{
        {u"Type"_s, error.senderFault ? u"User"_s : u"Service"_s},
        {u"message"_s, error.message},
    };
    for (const auto &[name, value] : error.extra)
        object.insert(name, value);
    HttpResponse response = json(error.httpStatus, object, requestId);
    response.setHeader("x-amzn-ErrorType", error.code.toUtf8());
    return response;
}

} // namespace Core::Api::RestJsonProtocol
