// SPDX-License-Identifier: MIT
#pragma once

#include "core/journal/journalentry.h"

#include <deque>
#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::Journal {

// The only SQL on the journal tables. Core thread only.
class JournalStore final
{
public:
    explicit JournalStore(const Storage::Database &database);

    // The highest id ever given to an entry (0 for a new journal).
    qint64 lastId() const;
    // Inserts the entries (with the ids they carry) with multi-row statements, in one
    // transaction; bodies are kept by the service and written with saveBodies(). False when the
    // insert failed (then nothing is written).
    bool insertAll(const QList<JournalEntry> &entries);
    // Writes the bodies of these entries (those whose entry row is still there), in one
    // transaction.
    void saveBodies(const std::deque<JournalDetail> &details);
    QList<JournalEntry> page(const JournalFilter &filter, qint64 beforeId, int limit) const;
    std::optional<JournalDetail> detail(qint64 id) const;
    // Keeps the newest maxEntries rows and the bodies of the newest keptBodies.
    void prune(qint64 maxEntries, qint64 keptBodies);
    qint64 count() const;
    void clear();

private:
    const Storage::Database &m_database;
};

} // namespace Core::Journal
