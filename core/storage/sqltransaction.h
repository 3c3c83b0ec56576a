// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Core::Storage {

// RAII write transaction. The outermost one on a connection is BEGIN IMMEDIATE ... COMMIT; nested
// ones become savepoints, so one failed operation inside the engine's group commit rolls back only
// its own writes. Not committed by the end of scope means rolled back.
class SqlTransaction final
{
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();
    void rollback();

    // Rollbacks (and failed commits) on this thread so far: a cache of what the database holds
    // compares it to know that rows it remembers may be gone.
    static quint64 rollbacks();

private:
    QSqlDatabase m_db;
    QString m_savepoint;
    bool m_active = false;
};

} // namespace Core::Storage
