// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httprequest.h"

#include <QString>

#include <optional>

namespace Core::Api {

// The parts of a request's signature the endpoint uses. Signatures are not verified (any
// credentials are accepted, DESIGN.md); the scope names the service and region.
struct CredentialScope
{
    QString accessKeyId;
    QString date;
    QString region;
    QString service;
    bool presigned = false;
    int signatureVersion = 4;
    // Presigned URLs: when the URL stops being valid (ms since epoch), or -1.
    qint64 expiresAtMs = -1;
};

// Reads "AWS4-HMAC-SHA256 Credential=AKID/20261123/us-east-1/sqs/aws4_request, ..." from the
// Authorization header, X-Amz-Credential/X-Amz-Date/X-Amz-Expires from the query, or the SigV2
// forms ("AWS AKID:sig" and AWSAccessKeyId/Expires/Signature).
std::optional<CredentialScope> parseCredentialScope(const HttpRequest &request);

} // namespace Core::Api
