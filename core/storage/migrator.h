// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <expected>

namespace Core::Storage {

class Database;

// Applies the numbered scripts under :/sql (NNN_<what>.sql) that the database has not seen, in
// order, in one transaction, and records each in schema_version. A database that records a
// migration this build does not know comes from a newer Cloudbench and is refused untouched.
class Migrator final
{
public:
    explicit Migrator(const Database &database, QString resourceDir = QStringLiteral(":/sql"));

    std::expected<QStringList, QString> migrate();
    QStringList knownMigrations() const;

private:
    const Database &m_database;
    QString m_resourceDir;
};

} // namespace Core::Storage
