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

    // The entry only; bodies are kept by the service and written with saveBodies().
    qint64 insert(const JournalDetail &detail);
    // Inserts all the entries with multi-row statements and sets each one's id; false when the
    // insert failed (then no entry has an id).
    bool insertAll(QList<JournalDetail> &details);
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
