// SPDX-License-Identifier: MIT
#include "core/journal/journalservice.h"

#include "core/common/clock.h"
#include "core/common/coalescer.h"

namespace Core::Journal {

namespace {

constexpr qint64 RateWindowMs = 5000;
constexpr qint64 PruneEvery = 500;

} // namespace

JournalService::JournalService(
    const Storage::Database &database, Clock *clock, Options options, QObject *parent)
    : QObject(parent)
    , m_store(database)
    , m_clock(clock)
    , m_options(options)
    , m_coalescer(new Coalescer(150, this))
{
    connect(m_coalescer, &Coalescer::fired, this, &JournalService::flush);
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &JournalService::updateRate);
    m_rateTimer.start();
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
    if (m_batching) {
        m_batch.append(std::move(detail));
        return;
    }
    detail.entry.id = m_store.insert(detail, m_options.keptBodies > 0);
    if (detail.entry.id != 0)
        recorded(detail.entry);
}

void JournalService::beginBatch()
{
    m_batching = true;
}

void JournalService::endBatch()
{
    m_batching = false;
    if (m_batch.isEmpty())
        return;
    QList<JournalDetail> batch = std::exchange(m_batch, {});
    if (!m_store.insertAll(batch, m_options.keptBodies > 0))
        return;
    for (const JournalDetail &detail : std::as_const(batch))
        recorded(detail.entry);
}

void JournalService::recorded(const JournalEntry &entry)
{
    m_unannounced.append(entry);
    m_recentTimes.push_back(entry.timeMs);
    if (++m_sincePrune >= PruneEvery) {
        m_sincePrune = 0;
        m_store.prune(m_options.maxEntries, m_options.keptBodies);
    }
    m_coalescer->touch();
}

QList<JournalEntry> JournalService::recent(
    const JournalFilter &filter, qint64 beforeId, int limit) const
{
    return m_store.page(filter, beforeId, limit);
}

std::optional<JournalDetail> JournalService::detail(qint64 id) const
{
    return m_store.detail(id);
}

qint64 JournalService::count() const
{
    return m_store.count();
}

void JournalService::clear()
{
    m_store.clear();
    m_unannounced.clear();
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
