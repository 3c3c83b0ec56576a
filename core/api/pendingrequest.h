// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/awsrequest.h"
#include "core/api/httpresponse.h"

#include <QElapsedTimer>

#include <atomic>
#include <future>

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

// Shared between the HTTP worker thread waiting on `promise` and the core thread answering it.
struct PendingRequest
{
    AwsRequest request;
    std::promise<HttpResponse> promise;
    std::atomic<bool> answered = false; // the worker has its response
    std::atomic<bool> completed = false; // a handler answered (it may still wait for commit)
    QElapsedTimer elapsed;
    ResponseSink *sink = nullptr;

    PendingRequest() = default;
    ~PendingRequest();
    PendingRequest(const PendingRequest &) = delete;
    PendingRequest &operator=(const PendingRequest &) = delete;

    // Hands the response to the waiting worker. Returns false if it was answered already.
    bool deliver(HttpResponse response);
};

} // namespace Core::Api
