// SPDX-License-Identifier: MIT
#pragma once

#include "core/journal/journalentry.h"
#include "core/journal/journalstore.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <optional>

namespace Core {
class Clock;
class Coalescer;
} // namespace Core

namespace Core::Journal {

// The activity journal: every API request, kept in the database and bounded (the oldest rows go
// beyond maxEntries). Entries get their ids at once but reach the database in a transaction of
// their own at most 50 ms later, at most 256 rows at a time (or before any read of the journal),
// rather than in every batch of requests; small writes keep the pause they cause short (p99 of
// STS 4.6 -> 1.7 ms). A crash loses at most those 50 ms of the journal, never service state.
// Headers and bodies are kept for the newest keptBodies requests, each body capped at
// maxBodyBytes, in memory while the engine runs and written to the database when it stops:
// writing them with every request (and deleting them 500 requests later) cost more than the
// request itself for large answers such as a Query's. Lives on the core thread. New entries are
// announced in batches through entriesAdded (coalesced), never once per request;
// requestRateChanged follows the rate.
class JournalService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalService)

public:
    struct Options
    {
        qint64 maxEntries = 100'000;
        qint64 keptBodies = 500;
        qint64 maxBodyBytes = 16 * 1024;
    };

    JournalService(const Storage::Database &database,
        Clock *clock,
        Options options,
        QObject *parent = nullptr);
    ~JournalService() override;

    const Options &options() const { return m_options; }
    void record(JournalDetail detail);
    // The reads write what is pending first.
    QList<JournalEntry> recent(const JournalFilter &filter, qint64 beforeId, int limit);
    std::optional<JournalDetail> detail(qint64 id);
    qint64 count();
    void clear();
    double requestRate() const { return m_rate; }

signals:
    void entriesAdded(const QList<Core::Journal::JournalEntry> &entries);
    void cleared();
    void requestRateChanged(double requestsPerSecond);

private:
    void writePending();
    void flush();
    void updateRate();
    void recorded(const JournalEntry &entry);
    void keepBodies(JournalDetail &&detail);

    JournalStore m_store;
    Clock *m_clock;
    Options m_options;
    Coalescer *m_coalescer;
    QTimer m_rateTimer;
    QTimer m_writeTimer;
    qint64 m_nextId;
    QList<JournalEntry> m_pending; // recorded, not yet in the database
    QList<JournalEntry> m_unannounced;
    std::deque<JournalDetail> m_keptBodies; // the newest keptBodies, by id ascending
    std::deque<qint64> m_recentTimes;
    double m_rate = 0;
    qint64 m_sincePrune = 0;
};

} // namespace Core::Journal
