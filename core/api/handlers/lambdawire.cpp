// SPDX-License-Identifier: MIT
#include "core/api/handlers/lambdawire.h"

using namespace Qt::StringLiterals;

namespace Core::Api::LambdaWire {

Reply ok(int status, QJsonObject object)
{
    return std::pair{status, std::move(object)};
}

QJsonObject wire(const Lambda::FunctionConfiguration &config)
{
    QJsonObject object = config.toJson();
    object.remove(u"_LastModifiedMs"_s);
    return object;
}

QMap<QString, QString> stringMap(const QJsonValue &value)
{
    QMap<QString, QString> map;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QMap<QString, double> weightMap(const QJsonValue &routingConfig)
{
    QMap<QString, double> map;
    const QJsonObject object =
        routingConfig.toObject().value(u"AdditionalVersionWeights"_s).toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toDouble());
    return map;
}

std::optional<int> optionalInt(const QJsonObject &object, const QString &key)
{
    if (!object.value(key).isDouble())
        return std::nullopt;
    return object.value(key).toInt();
}

std::optional<QString> optionalString(const QJsonObject &object, const QString &key)
{
    if (!object.contains(key))
        return std::nullopt;
    return object.value(key).toString();
}

} // namespace Core::Api::LambdaWire
