// SPDX-License-Identifier: MIT
#include "core/journal/journalservice.h"

#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/logging.h"

#include <algorithm>

namespace Core::Journal {

namespace {

constexpr qint64 RateWindowMs = 5000;
constexpr qint64 PruneEvery = 500;
// New entries reach the database at most this long after their request, in one transaction
// of their own, or at once when this many wait.
constexpr int WriteDelayMs = 50;
constexpr qsizetype MaxPending = 256;

} // namespace

JournalService::JournalService(
    const Storage::Database &database, Clock *clock, Options options, QObject *parent)
    : QObject(parent)
    , m_store(database)
    , m_clock(clock)
    , m_options(options)
    , m_coalescer(new Coalescer(150, this))
    , m_nextId(m_store.lastId() + 1)
{
    connect(m_coalescer, &Coalescer::fired, this, &JournalService::flush);
    m_writeTimer.setSingleShot(true);
    m_writeTimer.setInterval(WriteDelayMs);
    connect(&m_writeTimer, &QTimer::timeout, this, &JournalService::writePending);
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &JournalService::updateRate);
    m_rateTimer.start();
}

JournalService::~JournalService()
{
    writePending();
    m_store.saveBodies(m_keptBodies);
}

void JournalService::record(JournalDetail detail)
{
    const qint64 cap = m_options.maxBodyBytes;
    if (detail.requestBody.size() > cap) {
        detail.requestBody.truncate(cap);
        detail.requestTruncated = true;
    }
    if (detail.responseBody.size() > cap) {
        detail.responseBody.truncate(cap);
        detail.responseTruncated = true;
    }
    detail.entry.id = m_nextId++;
    m_pending.append(detail.entry);
    if (m_pending.size() >= MaxPending)
        writePending();
    else if (!m_writeTimer.isActive())
        m_writeTimer.start();
    recorded(detail.entry);
    keepBodies(std::move(detail));
}

void JournalService::writePending()
{
    m_writeTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QList<JournalEntry> pending = std::exchange(m_pending, {});
    if (!m_store.insertAll(pending)) {
        qCWarning(lcStorage) << "journal: dropped" << pending.size() << "entries";
        return;
    }
    m_sincePrune += pending.size();
    if (m_sincePrune >= PruneEvery) {
        m_sincePrune = 0;
        m_store.prune(m_options.maxEntries, m_options.keptBodies);
    }
}

void JournalService::keepBodies(JournalDetail &&detail)
{
    if (m_options.keptBodies <= 0)
        return;
    detail.bodiesKept = true;
    m_keptBodies.push_back(std::move(detail));
    while (qint64(m_keptBodies.size()) > m_options.keptBodies)
        m_keptBodies.pop_front();
}

void JournalService::recorded(const JournalEntry &entry)
{
    m_unannounced.append(entry);
    m_recentTimes.push_back(entry.timeMs);
    m_coalescer->touch();
}

QList<JournalEntry> JournalService::recent(const JournalFilter &filter, qint64 beforeId, int limit)
{
    writePending();
    return m_store.page(filter, beforeId, limit);
}

std::optional<JournalDetail> JournalService::detail(qint64 id)
{
    const auto kept = std::lower_bound(m_keptBodies.cbegin(),
        m_keptBodies.cend(),
        id,
        [](const JournalDetail &detail, qint64 wanted) { return detail.entry.id < wanted; });
    if (kept != m_keptBodies.cend() && kept->entry.id == id)
        return *kept;
    writePending();
    return m_store.detail(id);
}

qint64 JournalService::count()
{
    writePending();
    return m_store.count();
}

void JournalService::clear()
{
    m_writeTimer.stop();
    m_pending.clear();
    m_store.clear();
    m_unannounced.clear();
    m_keptBodies.clear();
    emit cleared();
}

void JournalService::flush()
{
    if (m_unannounced.isEmpty())
        return;
    emit entriesAdded(std::exchange(m_unannounced, {}));
    updateRate();
}

void JournalService::updateRate()
{
    const qint64 now = m_clock->nowMs();
    while (!m_recentTimes.empty() && m_recentTimes.front() < now - RateWindowMs)
        m_recentTimes.pop_front();
    const double rate = double(m_recentTimes.size()) * 1000.0 / double(RateWindowMs);
    if (rate != m_rate) {
        m_rate = rate;
        emit requestRateChanged(rate);
    }
}

} // namespace Core::Journal
