// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httpresponse.h"
#include "core/api/protocols/protocol.h"
#include "core/common/awserror.h"

namespace Core::Api {

// An AWS error framed the way the request's protocol frames errors for that service.
HttpResponse errorResponse(Protocol protocol,
    const QString &service,
    const AwsError &error,
    const QString &requestId,
    bool isHead = false);

} // namespace Core::Api
