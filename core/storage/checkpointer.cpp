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
        if (!query.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s))
            qCWarning(lcStorage) << "WAL checkpoint failed:" << query.lastError().text();
        else
            ++m_checkpoints;
    }
    m_database.closeThreadConnection();
}

} // namespace Core::Storage
