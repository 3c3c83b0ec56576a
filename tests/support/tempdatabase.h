// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/database.h"

#include <QTemporaryDir>

#include <memory>

namespace Tests {

// A fresh database with the full schema in a temporary folder, removed afterwards.
class TempDatabase final
{
public:
    TempDatabase()
        : m_database(
            std::make_unique<Core::Storage::Database>(m_dir.filePath(QStringLiteral("test.db"))))
    {
        m_opened = m_database->open().has_value();
    }
    ~TempDatabase() { m_database->closeThreadConnection(); }

    bool isOpen() const { return m_opened; }
    Core::Storage::Database &database() { return *m_database; }
    QString dirPath() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Core::Storage::Database> m_database;
    bool m_opened = false;
};

} // namespace Tests
