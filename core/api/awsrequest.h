// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httprequest.h"
#include "core/api/requestrouter.h"

namespace Core::Api {

// A routed request on its way to a service handler.
struct AwsRequest
{
    HttpRequest http;
    Route route;
    QString requestId;
    qint64 receivedAtMs = 0; // engine clock
};

} // namespace Core::Api
