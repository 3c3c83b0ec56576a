// SPDX-License-Identifier: MIT
#include "core/api/responder.h"

#include "core/api/pendingrequest.h"
#include "core/api/protocols/errorresponse.h"

using namespace Qt::StringLiterals;

namespace Core::Api {

PendingRequest::~PendingRequest()
{
    if (!answered.exchange(true) && reply) {
        reply(errorResponse(request.route.protocol,
            request.route.service,
            CommonErrors::internalFailure(u"The request was dropped without an answer."_s),
            request.requestId));
    }
}

bool PendingRequest::deliver(HttpResponse response)
{
    if (answered.exchange(true))
        return false;
    if (reply)
        reply(std::move(response));
    return true;
}

Responder::Responder(std::shared_ptr<PendingRequest> pending)
    : m_pending(std::move(pending))
{}

const AwsRequest &Responder::request() const
{
    return m_pending->request;
}

bool Responder::isAnswered() const
{
    return !m_pending || m_pending->completed.load() || m_pending->answered.load();
}

void Responder::send(const QString &operation, HttpResponse response, const QString &errorCode)
{
    if (isAnswered())
        return;
    if (m_pending->sink)
        m_pending->sink->complete(m_pending, operation, std::move(response), errorCode);
    else
        m_pending->deliver(std::move(response));
}

void Responder::fail(const QString &operation, const AwsError &error)
{
    if (!m_pending)
        return;
    const AwsRequest &request = m_pending->request;
    send(operation,
        errorResponse(request.route.protocol,
            request.route.service,
            error,
            request.requestId,
            request.http.method == "HEAD"),
        error.code);
}

} // namespace Core::Api
