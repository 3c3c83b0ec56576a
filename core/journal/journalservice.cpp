// SPDX-License-Identifier: MIT
#include "core/journal/journalservice.h"

#include "core/common/clock.h"
#include "core/common/coalescer.h"

#include <algorithm>

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

JournalService::~JournalService()
{
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
    if (m_batching) {
        m_batch.append(std::move(detail));
        return;
    }
    detail.entry.id = m_store.insert(detail);
    if (detail.entry.id == 0)
        return;
    recorded(detail.entry);
    keepBodies(std::move(detail));
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
    if (!m_store.insertAll(batch))
        return;
    for (JournalDetail &detail : batch) {
        recorded(detail.entry);
        keepBodies(std::move(detail));
    }
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
    const auto kept = std::lower_bound(m_keptBodies.cbegin(),
        m_keptBodies.cend(),
        id,
        [](const JournalDetail &detail, qint64 wanted) { return detail.entry.id < wanted; });
    if (kept != m_keptBodies.cend() && kept->entry.id == id)
        return *kept;
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
