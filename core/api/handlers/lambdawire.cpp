// SPDX-License-Identifier: MIT
#include "core/api/handlers/lambdawire.h"

#include <QJsonArray>
#include <QRegularExpression>

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

QString unemulatedOperation(const QByteArray &method, const QString &path, const HttpRequest &http)
{
    // botocore's method and path template, and the query parameter that tells two operations on
    // one path apart.
    struct Unemulated
    {
        QByteArray method;
        QString pathTemplate;
        QString queryItem;
        QString operation;
    };
    static const QList<Unemulated> table{
        {"GET", u"/2018-10-31/layers"_s, u"find"_s, u"GetLayerVersionByArn"_s},
        {"GET",
            u"/2019-09-30/functions/{FunctionName}/provisioned-concurrency"_s,
            u"List"_s,
            u"ListProvisionedConcurrencyConfigs"_s},
        {"POST",
            u"/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy"_s,
            u""_s,
            u"AddLayerVersionPermission"_s},
        {"POST", u"/2020-04-22/code-signing-configs"_s, u""_s, u"CreateCodeSigningConfig"_s},
        {"DELETE",
            u"/2020-04-22/code-signing-configs/{CodeSigningConfigArn}"_s,
            u""_s,
            u"DeleteCodeSigningConfig"_s},
        {"DELETE",
            u"/2020-06-30/functions/{FunctionName}/code-signing-config"_s,
            u""_s,
            u"DeleteFunctionCodeSigningConfig"_s},
        {"DELETE",
            u"/2018-10-31/layers/{LayerName}/versions/{VersionNumber}"_s,
            u""_s,
            u"DeleteLayerVersion"_s},
        {"DELETE",
            u"/2019-09-30/functions/{FunctionName}/provisioned-concurrency"_s,
            u""_s,
            u"DeleteProvisionedConcurrencyConfig"_s},
        {"GET",
            u"/2020-04-22/code-signing-configs/{CodeSigningConfigArn}"_s,
            u""_s,
            u"GetCodeSigningConfig"_s},
        {"GET",
            u"/2020-06-30/functions/{FunctionName}/code-signing-config"_s,
            u""_s,
            u"GetFunctionCodeSigningConfig"_s},
        {"GET",
            u"/2018-10-31/layers/{LayerName}/versions/{VersionNumber}"_s,
            u""_s,
            u"GetLayerVersion"_s},
        {"GET",
            u"/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy"_s,
            u""_s,
            u"GetLayerVersionPolicy"_s},
        {"GET",
            u"/2019-09-30/functions/{FunctionName}/provisioned-concurrency"_s,
            u""_s,
            u"GetProvisionedConcurrencyConfig"_s},
        {"GET", u"/2020-04-22/code-signing-configs"_s, u""_s, u"ListCodeSigningConfigs"_s},
        {"GET",
            u"/2020-04-22/code-signing-configs/{CodeSigningConfigArn}/functions"_s,
            u""_s,
            u"ListFunctionsByCodeSigningConfig"_s},
        {"GET", u"/2018-10-31/layers/{LayerName}/versions"_s, u""_s, u"ListLayerVersions"_s},
        {"GET", u"/2018-10-31/layers"_s, u""_s, u"ListLayers"_s},
        {"POST", u"/2018-10-31/layers/{LayerName}/versions"_s, u""_s, u"PublishLayerVersion"_s},
        {"PUT",
            u"/2020-06-30/functions/{FunctionName}/code-signing-config"_s,
            u""_s,
            u"PutFunctionCodeSigningConfig"_s},
        {"PUT",
            u"/2019-09-30/functions/{FunctionName}/provisioned-concurrency"_s,
            u""_s,
            u"PutProvisionedConcurrencyConfig"_s},
        {"DELETE",
            u"/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy/{StatementId}"_s,
            u""_s,
            u"RemoveLayerVersionPermission"_s},
        {"PUT",
            u"/2020-04-22/code-signing-configs/{CodeSigningConfigArn}"_s,
            u""_s,
            u"UpdateCodeSigningConfig"_s},
    };
    static const QList<QRegularExpression> patterns = [] {
        static const QRegularExpression label(u"\\{[A-Za-z]+\\}"_s);
        QList<QRegularExpression> list;
        for (const Unemulated &entry : table)
            list.append(QRegularExpression(
                u'^' + QString(entry.pathTemplate).replace(label, u"[^/]+"_s) + u"/?$"_s));
        return list;
    }();
    for (qsizetype i = 0; i < table.size(); ++i) {
        const Unemulated &entry = table.at(i);
        if (entry.method == method && patterns.at(i).match(path).hasMatch()
            && (entry.queryItem.isEmpty() || http.hasQueryItem(entry.queryItem)))
            return entry.operation;
    }
    return {};
}

} // namespace Core::Api::LambdaWire
