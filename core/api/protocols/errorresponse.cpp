// SPDX-License-Identifier: MIT
#include "core/api/protocols/errorresponse.h"

#include "core/api/protocols/cborprotocol.h"
#include "core/api/protocols/jsonprotocol.h"
#include "core/api/protocols/queryprotocol.h"
#include "core/api/protocols/restjsonprotocol.h"
#include "core/api/protocols/restxmlprotocol.h"
#include "core/api/serviceinfo.h"

namespace Core::Api {

HttpResponse errorResponse(Protocol protocol,
    const QString &service,
    const AwsError &error,
    const QString &requestId,
    bool isHead)
{
    const ServiceInfo *info = serviceById(service);
    const QString xmlns = info ? info->queryXmlns : QString();
    const QString prefix = info ? info->jsonErrorPrefix : QString();
    switch (protocol) {
    case Protocol::Query:
        return QueryProtocol::error(error, xmlns, requestId);
    case Protocol::Json10:
    case Protocol::Json11:
        return JsonProtocol::error(error, protocol, prefix, requestId);
    case Protocol::RpcV2Cbor:
        return CborProtocol::error(error, prefix, requestId);
    case Protocol::RestJson:
        return RestJsonProtocol::error(error, requestId);
    case Protocol::RestXml:
    case Protocol::Unknown:
        break;
    }
    return RestXmlProtocol::error(error, requestId, isHead);
}

} // namespace Core::Api
