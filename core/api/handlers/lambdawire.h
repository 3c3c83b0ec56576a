// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httprequest.h"
#include "core/common/awserror.h"
#include "core/lambda/lambdatypes.h"

#include <QJsonObject>
#include <QMap>

#include <optional>

// Lambda's REST-JSON shapes shared by the LambdaHandler files: replies, FunctionConfiguration on
// the wire, the optional members of request bodies, and the operations not emulated.
namespace Core::Api::LambdaWire {

using Reply = Result<std::pair<int, QJsonObject>>;

Reply ok(int status, QJsonObject object = {});
QJsonObject wire(const Lambda::FunctionConfiguration &config);
QMap<QString, QString> stringMap(const QJsonValue &value);
QStringList stringList(const QJsonValue &value);
// RoutingConfig.AdditionalVersionWeights of CreateAlias / UpdateAlias.
QMap<QString, double> weightMap(const QJsonValue &routingConfig);
std::optional<int> optionalInt(const QJsonObject &object, const QString &key);
std::optional<QString> optionalString(const QJsonObject &object, const QString &key);

// The Lambda operation Cloudbench does not emulate that a request is for, by botocore's routes
// (empty for none): it is answered 501 NotImplemented like other services' unemulated operations.
QString unemulatedOperation(const QByteArray &method, const QString &path, const HttpRequest &http);

template<typename T> Reply withConfig(const Result<T> &result, int status)
{
    if (!result)
        return std::unexpected(result.error());
    return ok(status, wire(*result));
}

} // namespace Core::Api::LambdaWire
