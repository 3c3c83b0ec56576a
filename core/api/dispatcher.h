// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/handlers/servicehandler.h"
#include "core/api/httpresponse.h"
#include "core/api/pendingrequest.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <deque>
#include <functional>
#include <memory>

namespace Core {
class Clock;
}
namespace Core::Journal {
class JournalService;
}
namespace Core::Storage {
class Database;
}

namespace Core::Api {

// Moves requests from the HTTP server's event thread to the service handlers on the core thread
// and back. The server queues requests and flushes once per round; the core thread drains
// whatever has queued in one write transaction (group commit: DESIGN.md), records each request
// in the journal, commits, and only then hands the answers back. Lives on the core thread.
class Dispatcher final : public QObject, public ResponseSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Dispatcher)

public:
    Dispatcher(const Storage::Database &database,
        Journal::JournalService *journal,
        Clock *clock,
        QObject *parent = nullptr);
    ~Dispatcher() override;

    // Before the server starts: the handler becomes a child of the dispatcher.
    void addHandler(ServiceHandler *handler);
    bool hasHandler(const QString &service) const { return m_handlers.contains(service); }

    using Reply = std::function<void(HttpResponse)>;
    // HTTP thread: queues the request (health and operations are answered at once); `reply`
    // gets the answer, from the core thread, after the batch that ran it has committed.
    void handle(HttpRequest request, Reply reply);
    // HTTP thread: wakes the core thread for what handle() queued since the last flush.
    void flush();
    // HTTP thread: a request the HTTP layer refused before routing (malformed, too large).
    void recordRejected(
        const HttpRequest &request, const HttpResponse &response, const QString &errorCode);
    // Core thread: runs after each batch has committed and its answers are out (the engine
    // lets the WAL checkpointer finish a checkpoint there).
    void setAfterBatch(std::function<void()> hook) { m_afterBatch = std::move(hook); }
    // Core thread: answer everything queued with 503 and refuse what still comes.
    void shutdown();

    void complete(const std::shared_ptr<PendingRequest> &pending,
        const QString &operation,
        HttpResponse response,
        const QString &errorCode) override;

private:
    HttpResponse health() const;
    HttpResponse operations() const;
    void drain();
    void dispatch(const std::shared_ptr<PendingRequest> &pending);
    void record(const AwsRequest &request,
        const QString &operation,
        const HttpResponse &response,
        const QString &errorCode,
        qint64 durationUs);

    const Storage::Database &m_database;
    Journal::JournalService *m_journal;
    Clock *m_clock;
    QHash<QString, ServiceHandler *> m_handlers;
    // Written before listening, read by workers after.
    QSet<QString> m_services;
    QHash<QString, QStringList> m_operations;

    QMutex m_mutex;
    std::deque<std::shared_ptr<PendingRequest>> m_queue;
    bool m_drainPosted = false;
    bool m_stopping = false;

    bool m_inBatch = false;
    QList<std::pair<std::shared_ptr<PendingRequest>, HttpResponse>> m_outbox;
    std::function<void()> m_afterBatch;
};

} // namespace Core::Api
