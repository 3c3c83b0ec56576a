// SPDX-License-Identifier: MIT
#include "core/storage/checkpointer.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core::Storage {

Checkpointer::Checkpointer(const Database &database, std::chrono::milliseconds interval)
    : m_database(database)
    , m_interval(interval)
{}

Checkpointer::~Checkpointer()
{
    stop();
}

void Checkpointer::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void Checkpointer::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Checkpointer::run()
{
    bool stopping = false;
    while (!stopping) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
            stopping = m_stopping;
        }
        QSqlQuery query(m_database.connection());
        if (!query.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s)) {
            qCWarning(lcStorage) << "WAL checkpoint failed:" << query.lastError().text();
            continue;
        }
        ++m_checkpoints;
        // Columns: busy, frames in the WAL, frames copied back.
        if (!query.next() || query.value(1).toLongLong() < RestartFrames)
            continue;
        // Under a steady stream of writes a passive checkpoint never catches up with the
        // writer, so SQLite never restarts the WAL: it grows by every commit, and appending to
        // new file blocks costs the kernel far more than rewriting cached ones. The writer is
        // asked to finish the checkpoint between two of its transactions (writerIdle()).
        m_restartWanted = true;
    }
    m_database.closeThreadConnection();
}

void Checkpointer::writerIdle()
{
    if (!m_restartWanted.exchange(false))
        return;
    // No write can come in between here, so a passive checkpoint copies the few frames the
    // background one left and the next write transaction starts the WAL from its beginning.
    // Passive: a reader is never waited for. Busy or short (the background checkpoint was
    // running, or a reader needed old frames): tried again at the next call.
    QSqlQuery query(m_database.connection());
    if (query.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) && query.next()
        && query.value(0).toInt() == 0 && query.value(1) == query.value(2))
        ++m_restarts;
    else
        m_restartWanted = true;
}

} // namespace Core::Storage
