// SPDX-License-Identifier: MIT
#include "core/storage/sqltransaction.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core::Storage {

namespace {

thread_local quint64 rollbackCount = 0;

int &depthFor(const QString &connectionName)
{
    thread_local QHash<QString, int> depths;
    return depths[connectionName];
}

// Every request inside the engine's group commit opens and releases a savepoint: prepared once
// per connection, not parsed each time.
bool run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery &query = preparedOn(db, sql);
    const bool done = query.exec();
    query.finish();
    if (done)
        return true;
    qCWarning(lcStorage) << sql << "failed:" << query.lastError().text();
    return false;
}

} // namespace

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    int &depth = depthFor(m_db.connectionName());
    if (depth == 0) {
        m_active = run(m_db, u"BEGIN IMMEDIATE"_s);
    } else {
        m_savepoint = u"sp%1"_s.arg(depth);
        m_active = run(m_db, u"SAVEPOINT "_s + m_savepoint);
    }
    if (m_active)
        ++depth;
}

SqlTransaction::~SqlTransaction()
{
    if (m_active)
        rollback();
}

bool SqlTransaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    --depthFor(m_db.connectionName());
    const bool committed =
        run(m_db, m_savepoint.isEmpty() ? u"COMMIT"_s : u"RELEASE "_s + m_savepoint);
    if (!committed)
        ++rollbackCount;
    return committed;
}

quint64 SqlTransaction::rollbacks()
{
    return rollbackCount;
}

void SqlTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    ++rollbackCount;
    --depthFor(m_db.connectionName());
    if (m_savepoint.isEmpty()) {
        run(m_db, u"ROLLBACK"_s);
        return;
    }
    run(m_db, u"ROLLBACK TO "_s + m_savepoint);
    run(m_db, u"RELEASE "_s + m_savepoint);
}

} // namespace Core::Storage
