// SPDX-License-Identifier: MIT
#include "core/storage/migrator.h"

#include "core/storage/database.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core::Storage {

namespace {

// Splits a script into statements. Our scripts keep one statement per ';'-terminated block and
// use no triggers with inner semicolons unless wrapped in BEGIN ... END; handled below.
QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const QStringList lines = script.split(u'\n');
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.startsWith(u"--"_s) || line.isEmpty())
            continue;
        current += line + u'\n';
        if (line.startsWith(u"CREATE TRIGGER"_s, Qt::CaseInsensitive))
            inTrigger = true;
        if (inTrigger) {
            if (line.compare(u"END;"_s, Qt::CaseInsensitive) == 0) {
                statements << current.trimmed();
                current.clear();
                inTrigger = false;
            }
            continue;
        }
        if (line.endsWith(u';')) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

} // namespace

Migrator::Migrator(const Database &database, QString resourceDir)
    : m_database(database)
    , m_resourceDir(std::move(resourceDir))
{}

QStringList Migrator::knownMigrations() const
{
    QStringList names = QDir(m_resourceDir).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (QString &name : names)
        name.chop(4);
    return names;
}

std::expected<QStringList, QString> Migrator::migrate()
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery query(db);
    if (!query.exec(u"CREATE TABLE IF NOT EXISTS schema_version (migration TEXT PRIMARY KEY, "
                    u"applied_at INTEGER NOT NULL)"_s))
        return std::unexpected(u"Cannot prepare the schema of %1: %2"_s.arg(
            m_database.filePath(), query.lastError().text()));

    QSet<QString> applied;
    if (!query.exec(u"SELECT migration FROM schema_version"_s))
        return std::unexpected(query.lastError().text());
    while (query.next())
        applied.insert(query.value(0).toString());

    const QStringList known = knownMigrations();
    const QSet<QString> knownSet(known.cbegin(), known.cend());
    for (const QString &name : std::as_const(applied)) {
        if (!knownSet.contains(name))
            return std::unexpected(
                u"The database %1 was written by a newer version of Cloudbench (it has schema "
                u"migration %2, which this version does not know). It was left untouched; use "
                u"the newer version or another --state-dir."_s.arg(m_database.filePath(), name));
    }

    QStringList pending;
    for (const QString &name : known) {
        if (!applied.contains(name))
            pending << name;
    }
    if (pending.isEmpty())
        return pending;

    if (!db.transaction())
        return std::unexpected(db.lastError().text());
    for (const QString &name : std::as_const(pending)) {
        QFile file(m_resourceDir + u'/' + name + u".sql"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            db.rollback();
            return std::unexpected(u"Missing migration script %1"_s.arg(name));
        }
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                const QString error = query.lastError().text();
                query.finish();
                db.rollback();
                return std::unexpected(
                    u"Migration %1 of %2 failed: %3"_s.arg(name, m_database.filePath(), error));
            }
        }
        query.prepare(u"INSERT INTO schema_version (migration, applied_at) VALUES (?, "
                      u"strftime('%s','now'))"_s);
        query.addBindValue(name);
        if (!query.exec()) {
            const QString error = query.lastError().text();
            query.finish();
            db.rollback();
            return std::unexpected(error);
        }
    }
    query.finish();
    if (!db.commit())
        return std::unexpected(db.lastError().text());
    return pending;
}

} // namespace Core::Storage
