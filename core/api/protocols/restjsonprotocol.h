// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httpresponse.h"
#include "core/common/awserror.h"

#include <QJsonObject>

namespace Core::Api::RestJsonProtocol {

// REST-JSON (Lambda): JSON bodies, errors named by the x-amzn-ErrorType header.
HttpResponse json(int status, const QJsonObject &object, const QString &requestId);
HttpResponse error(const AwsError &error, const QString &requestId);

} // namespace Core::Api::RestJsonProtocol
