// SPDX-License-Identifier: MIT
#include "core/lambda/lambdatypes.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

QString formatLastModified(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s)
        + u"+0000"_s;
}

QJsonObject FunctionConfiguration::toJson() const
{
    QJsonObject variables;
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        variables.insert(it.key(), it.value());
    QJsonObject object{
        {u"FunctionName"_s, functionName},
        {u"FunctionArn"_s, functionArn},
        {u"Runtime"_s, runtime},
        {u"Role"_s, role},
        {u"Handler"_s, handler},
        {u"CodeSize"_s, codeSize},
        {u"Description"_s, description},
        {u"Timeout"_s, timeout},
        {u"MemorySize"_s, memorySize},
        {u"LastModified"_s, formatLastModified(lastModifiedMs)},
        {u"CodeSha256"_s, codeSha256},
        {u"Version"_s, version},
        {u"TracingConfig"_s, QJsonObject{{u"Mode"_s, u"PassThrough"_s}}},
        {u"RevisionId"_s, revisionId},
        {u"State"_s, state},
        {u"LastUpdateStatus"_s, lastUpdateStatus},
        {u"PackageType"_s, u"Zip"_s},
        {u"Architectures"_s, QJsonArray{architecture}},
        {u"EphemeralStorage"_s, QJsonObject{{u"Size"_s, ephemeralStorageMb}}},
        {u"SnapStart"_s,
            QJsonObject{{u"ApplyOn"_s, u"None"_s}, {u"OptimizationStatus"_s, u"Off"_s}}},
        {u"LoggingConfig"_s,
            QJsonObject{{u"LogFormat"_s, u"Text"_s},
                {u"LogGroup"_s, QString(u"/aws/lambda/"_s + functionName)}}},
    };
    if (!environment.isEmpty())
        object.insert(u"Environment"_s, QJsonObject{{u"Variables"_s, variables}});
    if (!deadLetterTargetArn.isEmpty())
        object.insert(u"DeadLetterConfig"_s, QJsonObject{{u"TargetArn"_s, deadLetterTargetArn}});
    // Internal: the timestamp in milliseconds, dropped before it goes on the wire.
    object.insert(u"_LastModifiedMs"_s, lastModifiedMs);
    return object;
}

FunctionConfiguration FunctionConfiguration::fromJson(const QJsonObject &object)
{
    FunctionConfiguration config;
    config.functionName = object.value(u"FunctionName"_s).toString();
    config.functionArn = object.value(u"FunctionArn"_s).toString();
    config.runtime = object.value(u"Runtime"_s).toString();
    config.role = object.value(u"Role"_s).toString();
    config.handler = object.value(u"Handler"_s).toString();
    config.description = object.value(u"Description"_s).toString();
    config.timeout = object.value(u"Timeout"_s).toInt(3);
    config.memorySize = object.value(u"MemorySize"_s).toInt(128);
    config.version = object.value(u"Version"_s).toString();
    const QJsonObject variables =
        object.value(u"Environment"_s).toObject().value(u"Variables"_s).toObject();
    for (auto it = variables.begin(); it != variables.end(); ++it)
        config.environment.insert(it.key(), it.value().toString());
    config.codeSha256 = object.value(u"CodeSha256"_s).toString();
    config.codeSize = qint64(object.value(u"CodeSize"_s).toDouble());
    config.lastModifiedMs = qint64(object.value(u"_LastModifiedMs"_s).toDouble());
    config.revisionId = object.value(u"RevisionId"_s).toString();
    config.state = object.value(u"State"_s).toString();
    config.lastUpdateStatus = object.value(u"LastUpdateStatus"_s).toString();
    config.deadLetterTargetArn =
        object.value(u"DeadLetterConfig"_s).toObject().value(u"TargetArn"_s).toString();
    config.architecture = object.value(u"Architectures"_s).toArray().at(0).toString(u"x86_64"_s);
    config.ephemeralStorageMb =
        object.value(u"EphemeralStorage"_s).toObject().value(u"Size"_s).toInt(512);
    return config;
}

QJsonObject AliasConfiguration::toJson() const
{
    QJsonObject object{
        {u"AliasArn"_s, aliasArn},
        {u"Name"_s, name},
        {u"FunctionVersion"_s, functionVersion},
        {u"Description"_s, description},
        {u"RevisionId"_s, revisionId},
    };
    if (!additionalVersionWeights.isEmpty()) {
        QJsonObject weights;
        for (auto it = additionalVersionWeights.cbegin(); it != additionalVersionWeights.cend();
             ++it)
            weights.insert(it.key(), it.value());
        object.insert(u"RoutingConfig"_s, QJsonObject{{u"AdditionalVersionWeights"_s, weights}});
    }
    return object;
}

AliasConfiguration AliasConfiguration::fromJson(const QJsonObject &object)
{
    AliasConfiguration alias;
    alias.aliasArn = object.value(u"AliasArn"_s).toString();
    alias.name = object.value(u"Name"_s).toString();
    alias.functionVersion = object.value(u"FunctionVersion"_s).toString();
    alias.description = object.value(u"Description"_s).toString();
    alias.revisionId = object.value(u"RevisionId"_s).toString();
    const QJsonObject weights =
        object.value(u"RoutingConfig"_s).toObject().value(u"AdditionalVersionWeights"_s).toObject();
    for (auto it = weights.begin(); it != weights.end(); ++it)
        alias.additionalVersionWeights.insert(it.key(), it.value().toDouble());
    return alias;
}

} // namespace Core::Lambda
