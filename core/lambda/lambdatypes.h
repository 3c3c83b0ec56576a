// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core::Lambda {

// One function version's configuration ($LATEST or a published number). Stored and sent in the
// wire shape of Lambda's FunctionConfiguration (toJson / fromJson).
struct FunctionConfiguration
{
    QString functionName;
    QString functionArn; // unqualified for $LATEST, ":N" for versions
    QString runtime;
    QString role;
    QString handler;
    QString description;
    int timeout = 3;
    int memorySize = 128;
    QString version = QStringLiteral("$LATEST");
    QMap<QString, QString> environment;
    QString codeSha256;
    qint64 codeSize = 0;
    qint64 lastModifiedMs = 0;
    QString revisionId;
    QString state = QStringLiteral("Active");
    QString lastUpdateStatus = QStringLiteral("Successful");
    QString deadLetterTargetArn;
    QString architecture = QStringLiteral("x86_64");
    int ephemeralStorageMb = 512;

    QJsonObject toJson() const;
    static FunctionConfiguration fromJson(const QJsonObject &object);
};

struct AliasConfiguration
{
    QString name;
    QString aliasArn;
    QString functionVersion;
    QString description;
    QMap<QString, double> additionalVersionWeights;
    QString revisionId;

    QJsonObject toJson() const;
    static AliasConfiguration fromJson(const QJsonObject &object);
};

enum class InvocationType {
    RequestResponse,
    Event,
    DryRun,
};

struct InvocationResult
{
    int statusCode = 200;
    QByteArray payload;
    QString functionError; // "Unhandled" for errors the function raised or timeouts
    QByteArray logTail; // last 4 KB of the invocation's log (for LogType=Tail)
    QString executedVersion;
    QString requestId;
    double durationMs = 0;
    qint64 billedDurationMs = 0;
    int maxMemoryUsedMb = 0;
    std::optional<double> initDurationMs; // set on a cold start
};

// A summary row per finished invocation for the Monitor tab.
struct InvocationRecord
{
    qint64 timeMs = 0;
    QString functionName;
    QString version;
    QString requestId;
    QString status; // Success, Error, Timeout, Throttled
    double durationMs = 0;
    std::optional<double> initDurationMs;
    int maxMemoryUsedMb = 0;
    QString logStream;
};

QString formatLastModified(qint64 ms);

} // namespace Core::Lambda

Q_DECLARE_METATYPE(Core::Lambda::FunctionConfiguration)
Q_DECLARE_METATYPE(Core::Lambda::InvocationResult)
Q_DECLARE_METATYPE(Core::Lambda::InvocationRecord)
