// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httpresponse.h"
#include "core/common/awserror.h"

#include <QString>
#include <QXmlStreamWriter>

#include <functional>

namespace Core::Api::QueryProtocol {

// Query protocol (form-encoded Action=...&Version=..., XML answers): STS, SQS for old clients,
// CloudWatch for old clients. Parameters come from the URL query and the form body together.
QList<std::pair<QString, QString>> parameters(const HttpRequest &request);

// <OperationResponse xmlns=...><OperationResult>...</OperationResult><ResponseMetadata>...
HttpResponse result(const QString &operation,
    const QString &xmlns,
    const QString &requestId,
    const std::function<void(QXmlStreamWriter &)> &writeResult);

// <ErrorResponse><Error><Type>Sender</Type><Code>..</Code><Message>..</Message></Error>...
HttpResponse error(const AwsError &error, const QString &xmlns, const QString &requestId);

} // namespace Core::Api::QueryProtocol
