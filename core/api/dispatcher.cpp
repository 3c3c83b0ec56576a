// SPDX-License-Identifier: MIT
#include "core/api/dispatcher.h"

#include "core/api/protocols/errorresponse.h"
#include "core/api/requestrouter.h"
#include "core/api/serviceinfo.h"
#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/journal/journalservice.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

constexpr size_t MaxBatch = 256;
// A drain takes half of what is queued (but at least this many): the first half's answers are
// then on their way to the clients, and the clients' next requests on their way in, while the
// core thread works on the second half, instead of every connection waiting for one batch.
constexpr size_t MinBatch = 8;
constexpr qint64 MaxServiceBodyBytes = 32 * 1024 * 1024; // every service but S3

QString headersText(const HttpHeaders &headers)
{
    qsizetype size = 0;
    for (const auto &[name, value] : headers)
        size += name.size() + value.size() + 3;
    QByteArray text;
    text.reserve(size);
    for (const auto &[name, value] : headers)
        text.append(name).append(": ", 2).append(value).append('\n');
    return QString::fromUtf8(text);
}

// REST requests name no operation on the wire; until a service routes them, "METHOD /path".
QString describeOperation(const AwsRequest &request)
{
    if (!request.route.operation.isEmpty())
        return request.route.operation;
    return QString::fromLatin1(request.http.method) + u' ' + request.http.decodedPath();
}

} // namespace

Dispatcher::Dispatcher(const Storage::Database &database,
    Journal::JournalService *journal,
    Clock *clock,
    QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_journal(journal)
    , m_clock(clock)
{}

Dispatcher::~Dispatcher()
{
    shutdown();
}

void Dispatcher::addHandler(ServiceHandler *handler)
{
    handler->setParent(this);
    m_handlers.insert(handler->service(), handler);
    m_services.insert(handler->service());
    QStringList names = handler->operations();
    names.sort();
    m_operations.insert(handler->service(), names);
}

void Dispatcher::handle(HttpRequest request, Reply reply)
{
    if (request.method == "GET" && request.path == "/_cloudbench/health") {
        reply(health());
        return;
    }
    if (request.method == "GET" && request.path == "/_cloudbench/operations") {
        reply(operations());
        return;
    }

    auto pending = std::make_shared<PendingRequest>();
    pending->elapsed.start();
    pending->sink = this;
    pending->reply = std::move(reply);
    pending->request.requestId = Ids::requestId();
    pending->request.receivedAtMs = m_clock->nowMs();
    pending->request.route = RequestRouter::route(request);
    pending->request.http = std::move(request);
    QMutexLocker locker(&m_mutex);
    if (m_stopping) {
        locker.unlock();
        pending->deliver(errorResponse(pending->request.route.protocol,
            pending->request.route.service,
            {u"ServiceUnavailable"_s, u"Cloudbench is shutting down."_s, 503, false},
            pending->request.requestId));
        return;
    }
    m_queue.push_back(std::move(pending));
}

void Dispatcher::flush()
{
    QMutexLocker locker(&m_mutex);
    if (m_queue.empty() || m_drainPosted)
        return;
    m_drainPosted = true;
    QMetaObject::invokeMethod(this, &Dispatcher::drain, Qt::QueuedConnection);
}

void Dispatcher::recordRejected(
    const HttpRequest &request, const HttpResponse &response, const QString &errorCode)
{
    AwsRequest aws;
    aws.http = request;
    aws.http.body.truncate(4096);
    aws.route = RequestRouter::route(request);
    aws.requestId = QString::fromLatin1(response.header("x-amzn-RequestId"));
    aws.receivedAtMs = m_clock->nowMs();
    QMetaObject::invokeMethod(
        this,
        [this, aws = std::move(aws), response, errorCode] {
            record(aws, u"(rejected)"_s, response, errorCode, 0);
        },
        Qt::QueuedConnection);
}

HttpResponse Dispatcher::health() const
{
    QJsonObject services;
    for (const ServiceInfo &info : knownServices())
        services.insert(
            info.id, m_services.contains(info.id) ? u"available"_s : u"not_implemented"_s);
    HttpResponse response;
    response.body = QJsonDocument(QJsonObject{
                                      {u"version"_s, QStringLiteral(CB_VERSION)},
                                      {u"services"_s, services},
                                  })
                        .toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json");
    return response;
}

HttpResponse Dispatcher::operations() const
{
    QJsonObject services;
    for (auto it = m_operations.cbegin(); it != m_operations.cend(); ++it)
        services.insert(it.key(), QJsonArray::fromStringList(it.value()));
    HttpResponse response;
    response.body = QJsonDocument(services).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json");
    return response;
}

void Dispatcher::drain()
{
    std::deque<std::shared_ptr<PendingRequest>> batch;
    {
        QMutexLocker locker(&m_mutex);
        const size_t take = std::clamp((m_queue.size() + 1) / 2, MinBatch, MaxBatch);
        while (!m_queue.empty() && batch.size() < take) {
            batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        if (m_queue.empty())
            m_drainPosted = false;
        else
            QMetaObject::invokeMethod(this, &Dispatcher::drain, Qt::QueuedConnection);
    }
    if (batch.empty())
        return;

    {
        Storage::SqlTransaction transaction(m_database.connection());
        m_inBatch = true;
        for (const auto &pending : batch)
            dispatch(pending);
        m_inBatch = false;
        transaction.commit();
    }
    for (auto &[pending, response] : std::exchange(m_outbox, {}))
        pending->deliver(std::move(response));
    if (m_afterBatch)
        m_afterBatch();
}

void Dispatcher::dispatch(const std::shared_ptr<PendingRequest> &pending)
{
    Responder responder(pending);
    const AwsRequest &request = pending->request;
    const Route &route = request.route;
    if (!route.rejection.isEmpty() || route.service.isEmpty()) {
        responder.fail(describeOperation(request),
            {u"UnknownService"_s,
                route.rejection.isEmpty()
                    ? u"The request does not name an AWS service Cloudbench emulates."_s
                    : route.rejection,
                400,
                true});
        return;
    }
    ServiceHandler *handler = m_handlers.value(route.service);
    if (!handler) {
        responder.fail(describeOperation(request),
            CommonErrors::notImplemented(route.service, describeOperation(request)));
        return;
    }
    if (route.service != u"s3"_s && request.http.bodySize > MaxServiceBodyBytes) {
        responder.fail(describeOperation(request),
            {u"RequestEntityTooLarge"_s,
                u"Request body of %1 bytes exceeds the maximum of %2 bytes."_s
                    .arg(request.http.bodySize)
                    .arg(MaxServiceBodyBytes),
                413,
                true});
        return;
    }
    handler->handle(request, responder);
}

void Dispatcher::complete(const std::shared_ptr<PendingRequest> &pending,
    const QString &operation,
    HttpResponse response,
    const QString &errorCode)
{
    if (pending->completed.exchange(true) || pending->answered.load())
        return;
    record(
        pending->request, operation, response, errorCode, pending->elapsed.nsecsElapsed() / 1000);
    if (m_inBatch)
        m_outbox.append({pending, std::move(response)});
    else
        pending->deliver(std::move(response));
}

void Dispatcher::record(const AwsRequest &request,
    const QString &operation,
    const HttpResponse &response,
    const QString &errorCode,
    qint64 durationUs)
{
    if (!m_journal)
        return;
    Journal::JournalDetail detail;
    Journal::JournalEntry &entry = detail.entry;
    entry.timeMs = request.receivedAtMs;
    entry.client = request.http.clientAddress + u':' + QString::number(request.http.clientPort);
    entry.service = request.route.service.isEmpty() ? u"unknown"_s : request.route.service;
    entry.operation = operation;
    entry.method = QString::fromLatin1(request.http.method);
    entry.path = QString::fromUtf8(request.http.target.left(2048));
    entry.protocol = protocolName(request.route.protocol);
    entry.status = response.status;
    entry.errorCode = errorCode;
    entry.durationUs = durationUs;
    entry.requestBytes = request.http.bodySize;
    entry.responseBytes = response.bodySize();
    entry.requestId = request.requestId;
    detail.requestHeaders = headersText(request.http.headers);
    const qint64 cap = m_journal->options().maxBodyBytes;
    if (request.http.bodyFile.isEmpty()) {
        detail.requestBody = request.http.body.left(cap + 1);
    } else {
        detail.requestBody = "[body streamed to disk]";
        detail.requestTruncated = true;
    }
    detail.responseHeaders = headersText(response.headers);
    if (response.bodyFile.isEmpty()) {
        detail.responseBody = response.body.left(cap + 1);
    } else {
        detail.responseBody = "[body streamed from disk]";
        detail.responseTruncated = true;
    }
    m_journal->record(std::move(detail));
}

void Dispatcher::shutdown()
{
    std::deque<std::shared_ptr<PendingRequest>> queued;
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        queued.swap(m_queue);
    }
    for (const auto &pending : queued) {
        pending->deliver(errorResponse(pending->request.route.protocol,
            pending->request.route.service,
            {u"ServiceUnavailable"_s, u"Cloudbench is shutting down."_s, 503, false},
            pending->request.requestId));
    }
    // Parked requests (long polls, invocations) are answered when their handlers let go.
    qDeleteAll(m_handlers);
    m_handlers.clear();
}

} // namespace Core::Api
