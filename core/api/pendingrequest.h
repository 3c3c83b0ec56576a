// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/awsrequest.h"
#include "core/api/httpresponse.h"

#include <QElapsedTimer>

#include <atomic>
#include <functional>

namespace Core::Api {

// Receives finished requests (records them in the journal, then releases the HTTP thread).
class ResponseSink
{
public:
    virtual ~ResponseSink() = default;
    virtual void complete(const std::shared_ptr<PendingRequest> &pending,
        const QString &operation,
        HttpResponse response,
        const QString &errorCode) = 0;
};

// Shared between the HTTP server, which is waiting for `reply`, and the core thread answering it.
struct PendingRequest
{
    AwsRequest request;
    std::function<void(HttpResponse)> reply; // hands the answer to the HTTP server
    std::atomic<bool> answered = false; // the server has its response
    std::atomic<bool> completed = false; // a handler answered (it may still wait for commit)
    QElapsedTimer elapsed;
    ResponseSink *sink = nullptr;

    PendingRequest() = default;
    ~PendingRequest();
    PendingRequest(const PendingRequest &) = delete;
    PendingRequest &operator=(const PendingRequest &) = delete;

    // Hands the response to the HTTP server. Returns false if it was answered already.
    bool deliver(HttpResponse response);
};

} // namespace Core::Api
