// SPDX-License-Identifier: MIT
#pragma once

#include "core/journal/journalentry.h"

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

    qint64 insert(const JournalDetail &detail, bool keepBodies);
    // Inserts all of them with multi-row statements and sets each entry's id; false when the
    // insert failed (then no entry has an id).
    bool insertAll(QList<JournalDetail> &details, bool keepBodies);
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
