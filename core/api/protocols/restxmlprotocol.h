// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httpresponse.h"
#include "core/common/awserror.h"

namespace Core::Api::RestXmlProtocol {

// S3's REST-XML. A 200 always carries XML or an empty body (botocore turns a 200 with a non-XML
// body into a retried 500, DESIGN.md).
HttpResponse xml(int status, QByteArray body, const QString &requestId);

// <Error><Code>..</Code><Message>..</Message>[extra]<RequestId>..</RequestId><HostId>..</HostId>
// For HEAD requests AWS sends no body; the caller passes isHead.
HttpResponse error(const AwsError &error, const QString &requestId, bool isHead = false);

} // namespace Core::Api::RestXmlProtocol
