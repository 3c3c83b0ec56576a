// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <expected>

namespace Core::Storage {

// The one SQLite file under the state folder. Connections are per thread (Qt's rule: a connection
// is used only on the thread that opened it): connection() opens this thread's on first use with
// WAL, synchronous=NORMAL, foreign keys and a busy timeout, and fetches it by name afterwards.
// Call closeThreadConnection() on each thread before it ends.
class Database final
{
public:
    explicit Database(QString filePath);

    const QString &filePath() const { return m_filePath; }

    // Opens the file, checks it is a usable SQLite database, enables WAL (verified) and applies
    // pending migrations. The error text names the file and is meant for the user.
    std::expected<void, QString> open();

    QSqlDatabase connection() const;
    // A prepared query cached per thread and connection: prepare once, bind and exec many times.
    QSqlQuery &prepared(const QString &sql) const;
    void closeThreadConnection() const;
    // Automatic WAL checkpoints on this thread's connection (on by default); see Checkpointer.
    void setAutoCheckpoint(bool enabled) const;

    static QString lastErrorText(const QSqlQuery &query);

private:
    QString connectionName() const;
    std::expected<void, QString> openAndMigrate();

    QString m_filePath;
};

// Database::prepared() for a connection already at hand (same per-thread cache, cleared by
// closeThreadConnection()).
QSqlQuery &preparedOn(const QSqlDatabase &db, const QString &sql);

} // namespace Core::Storage
