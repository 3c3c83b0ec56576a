// SPDX-License-Identifier: MIT
#pragma once

#include "core/journal/journalentry.h"

#include <QAbstractTableModel>
#include <QColor>

namespace Core::Journal {
class JournalService;
}

namespace Gui::Activity {

// The activity journal as a table, newest request first. Holds JournalEntry snapshots: batches
// from JournalService::entriesAdded (queued from the core thread) are inserted at the top, older
// requests are paged in by fetchMore() through Core::callAsync. At most maxRows() rows are held:
// when new requests arrive the oldest drop off the bottom (the journal itself keeps them).
class ActivityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityModel)

public:
    enum Column {
        Time,
        Service,
        Operation,
        Status,
        Error,
        Duration,
        Client,
        RequestSize,
        ResponseSize,
        ColumnCount,
    };
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        ServiceIdRole,
        StatusCodeRole,
        OperationRole,
        ErrorCodeRole,
        SortRole,
    };
    static constexpr int DefaultMaxRows = 5000;
    static constexpr int DefaultPageSize = 200;

    // journal may be null: the model then holds only what addEntries() gives it. Otherwise it
    // follows the journal's signals and loads the newest page at once.
    explicit ActivityModel(Core::Journal::JournalService *journal, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const Core::Journal::JournalEntry &entryAt(int row) const;
    int maxRows() const { return m_maxRows; }
    void setMaxRows(int rows);
    void setPageSize(int rows) { m_pageSize = rows; }
    bool isLoading() const { return m_loading; }
    bool isPaused() const { return m_paused; }
    // While paused, new requests wait in a queue (bounded by maxRows) instead of moving the rows.
    void setPaused(bool paused);
    int pendingCount() const { return int(m_pending.size()); }

    // New requests, oldest first (as entriesAdded delivers them). Requests already held are
    // skipped.
    void addEntries(const QList<Core::Journal::JournalEntry> &entries);
    // Forgets every row: the journal was cleared.
    void clear();
    // Forgets every row and loads the newest page from the journal again.
    void reload();

    static QColor statusColor(int status);
    static QString formatDuration(qint64 microseconds);
    static QString formatSize(qint64 bytes);

signals:
    void pendingCountChanged(int count);
    void loadingChanged(bool loading);

private:
    void requestPage();
    void appendPage(const QList<Core::Journal::JournalEntry> &page, int limit);
    void setLoading(bool loading);
    void trimToMaxRows();
    QVariant displayData(const Core::Journal::JournalEntry &entry, int column) const;
    QVariant sortData(const Core::Journal::JournalEntry &entry, int column) const;

    Core::Journal::JournalService *m_journal;
    QList<Core::Journal::JournalEntry> m_entries; // newest first
    QList<Core::Journal::JournalEntry> m_pending; // arrived while paused, oldest first
    int m_maxRows = DefaultMaxRows;
    int m_pageSize = DefaultPageSize;
    quint64 m_generation = 0; // bumped on reset, so a page requested before it is dropped
    bool m_loading = false;
    bool m_exhausted = false;
    bool m_paused = false;
};

} // namespace Gui::Activity
