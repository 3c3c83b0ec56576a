// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httprequest.h"
#include "core/api/protocols/protocol.h"
#include "core/api/sigv4.h"

#include <QString>

#include <optional>

namespace Core::Api {

// Where a request goes: which service, in which region, in which protocol, and (where the wire
// names it) which operation. Pure and thread-safe: the HTTP worker threads call it.
struct Route
{
    QString service; // empty when the request names no service we know
    QString region = QStringLiteral("us-east-1");
    QString accessKeyId;
    Protocol protocol = Protocol::Unknown;
    QString operation; // Query Action, X-Amz-Target suffix or CBOR path; empty for REST
    std::optional<CredentialScope> scope;
    QString rejection; // set when the request cannot be routed at all (message for the client)
};

// The url id of a Lambda function URL host (<url-id>.lambda-url.<region>.localhost, any port),
// lower-cased; empty for any other host.
QString functionUrlId(const HttpRequest &request);

class RequestRouter final
{
public:
    // Service from the SigV4 scope, then X-Amz-Target, then host and path (moto's server mode);
    // protocol from Smithy-Protocol, the JSON content types, form encoding or Action (Query),
    // otherwise the service's REST protocol (LocalStack's _matches_protocol). A function URL host
    // is Lambda's whatever the request says, signed or not.
    static Route route(const HttpRequest &request);

private:
    static QString serviceFromHostOrPath(const HttpRequest &request, const QString &action);
    static Protocol detectProtocol(const HttpRequest &request, const QString &service);
};

} // namespace Core::Api
