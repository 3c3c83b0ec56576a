// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Core::Lambda {

// A function URL (CreateFunctionUrlConfig) of one qualifier ($LATEST or an alias). The URL itself
// is derived from urlId and the endpoint (LambdaService::functionUrl).
struct FunctionUrlConfig
{
    QString functionName;
    QString qualifier = QStringLiteral("$LATEST");
    QString urlId; // 32 lowercase alphanumerics, the URL's first host label
    QString authType; // AWS_IAM or NONE
    QJsonObject cors; // the Cors structure as sent; empty when none
    QString invokeMode = QStringLiteral("BUFFERED");
    qint64 creationMs = 0;
    qint64 lastModifiedMs = 0;
    QString functionUrl; // filled in by the service
    QString functionArn; // filled in by the service
};

} // namespace Core::Lambda

Q_DECLARE_METATYPE(Core::Lambda::FunctionUrlConfig)
