// SPDX-License-Identifier: MIT
#include "core/api/protocols/protocol.h"

using namespace Qt::StringLiterals;

namespace Core::Api {

QString protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Query:
        return u"query"_s;
    case Protocol::Json10:
        return u"json-1.0"_s;
    case Protocol::Json11:
        return u"json-1.1"_s;
    case Protocol::RestJson:
        return u"rest-json"_s;
    case Protocol::RestXml:
        return u"rest-xml"_s;
    case Protocol::RpcV2Cbor:
        return u"rpc-v2-cbor"_s;
    case Protocol::Unknown:
        break;
    }
    return u"unknown"_s;
}

} // namespace Core::Api
