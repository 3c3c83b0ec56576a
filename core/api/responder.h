// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/awsrequest.h"
#include "core/api/httpresponse.h"
#include "core/common/awserror.h"

#include <memory>

namespace Core::Api {

struct PendingRequest;

// The way back to the client for one request. Copyable; a handler may answer at once or keep it
// and answer later from a signal or timer (SQS long polls, Lambda invocations) without blocking
// the core thread. The first answer wins; if every copy is dropped unanswered the client gets a
// 500 InternalFailure rather than a hang.
class Responder final
{
public:
    Responder() = default;
    explicit Responder(std::shared_ptr<PendingRequest> pending);

    const AwsRequest &request() const;
    bool isAnswered() const;

    void send(const QString &operation, HttpResponse response, const QString &errorCode = {});
    // The error framed in the request's own protocol.
    void fail(const QString &operation, const AwsError &error);

private:
    std::shared_ptr<PendingRequest> m_pending;
};

} // namespace Core::Api
