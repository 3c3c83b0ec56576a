// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httpresponse.h"
#include "core/common/awserror.h"

#include <QCborMap>

namespace Core::Api::CborProtocol {

// Smithy RPC v2 CBOR (newest CloudWatch clients): POST /service/<S>/operation/<Op>, CBOR maps in
// both directions, smithy-protocol: rpc-v2-cbor on every response.
Result<QCborMap> parseBody(const HttpRequest &request);
HttpResponse result(const QCborMap &map, const QString &requestId);
HttpResponse error(const AwsError &error, const QString &errorPrefix, const QString &requestId);

} // namespace Core::Api::CborProtocol
