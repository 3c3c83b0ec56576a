// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Core::Api {

// The wire protocol of one request. Chosen per request, not per service (DESIGN.md: SQS speaks
// Query to old clients and JSON to new ones, CloudWatch also speaks CBOR).
enum class Protocol {
    Unknown,
    Query,
    Json10,
    Json11,
    RestJson,
    RestXml,
    RpcV2Cbor,
};

QString protocolName(Protocol protocol);

} // namespace Core::Api
