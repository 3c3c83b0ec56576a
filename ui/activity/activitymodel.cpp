// SPDX-License-Identifier: MIT
#include "ui/activity/activitymodel.h"

#include "core/common/async.h"
#include "core/journal/journalservice.h"
#include "ui/common/servicenames.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Gui::Activity {

using Core::Journal::JournalEntry;

ActivityModel::ActivityModel(Core::Journal::JournalService *journal, QObject *parent)
    : QAbstractTableModel(parent)
    , m_journal(journal)
{
    qRegisterMetaType<QList<JournalEntry>>();
    if (!m_journal) {
        m_exhausted = true;
        return;
    }
    connect(
        m_journal, &Core::Journal::JournalService::entriesAdded, this, &ActivityModel::addEntries);
    connect(m_journal, &Core::Journal::JournalService::cleared, this, &ActivityModel::clear);
    requestPage();
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEntry &entry = m_entries.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, column);
    case Qt::ToolTipRole:
        if (column == Time) {
            return QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(entry.timeMs), QLocale::LongFormat);
        }
        if (column == Operation)
            return u"%1 %2"_s.arg(entry.method, entry.path);
        return {};
    case Qt::ForegroundRole:
        if (column == Status || column == Error)
            return statusColor(entry.status);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Duration || column == RequestSize || column == ResponseSize)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case EntryIdRole:
        return entry.id;
    case ServiceIdRole:
        return entry.service;
    case StatusCodeRole:
        return entry.status;
    case OperationRole:
        return entry.operation;
    case ErrorCodeRole:
        return entry.errorCode;
    case SortRole:
        return sortData(entry, column);
    default:
        return {};
    }
}

QVariant ActivityModel::displayData(const JournalEntry &entry, int column) const
{
    switch (column) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(entry.timeMs).toString(u"HH:mm:ss.zzz"_s);
    case Service:
        return ServiceNames::displayName(entry.service);
    case Operation:
        return entry.operation.isEmpty() ? u"%1 %2"_s.arg(entry.method, entry.path)
                                         : entry.operation;
    case Status:
        return entry.status;
    case Error:
        return entry.errorCode;
    case Duration:
        return formatDuration(entry.durationUs);
    case Client:
        return entry.client;
    case RequestSize:
        return formatSize(entry.requestBytes);
    case ResponseSize:
        return formatSize(entry.responseBytes);
    default:
        return {};
    }
}

QVariant ActivityModel::sortData(const JournalEntry &entry, int column) const
{
    switch (column) {
    case Time:
        return entry.id;
    case Status:
        return entry.status;
    case Duration:
        return entry.durationUs;
    case RequestSize:
        return entry.requestBytes;
    case ResponseSize:
        return entry.responseBytes;
    default:
        return displayData(entry, column);
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        if (section == Duration || section == RequestSize || section == ResponseSize)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Service:
        return tr("Service");
    case Operation:
        return tr("Operation");
    case Status:
        return tr("Status");
    case Error:
        return tr("Error");
    case Duration:
        return tr("Duration");
    case Client:
        return tr("Client");
    case RequestSize:
        return tr("Request size");
    case ResponseSize:
        return tr("Response size");
    default:
        return {};
    }
}

bool ActivityModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_journal && !m_loading && !m_exhausted
        && m_entries.size() < m_maxRows;
}

void ActivityModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

const JournalEntry &ActivityModel::entryAt(int row) const
{
    return m_entries.at(row);
}

void ActivityModel::setMaxRows(int rows)
{
    m_maxRows = std::max(rows, 1);
    trimToMaxRows();
}

void ActivityModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!m_paused && !m_pending.isEmpty()) {
        addEntries(std::exchange(m_pending, {}));
        emit pendingCountChanged(0);
    }
}

void ActivityModel::addEntries(const QList<JournalEntry> &entries)
{
    if (m_paused) {
        m_pending.append(entries);
        if (m_pending.size() > m_maxRows)
            m_pending.remove(0, m_pending.size() - m_maxRows);
        emit pendingCountChanged(int(m_pending.size()));
        return;
    }
    const qint64 newestId = m_entries.isEmpty() ? 0 : m_entries.constFirst().id;
    QList<JournalEntry> fresh;
    fresh.reserve(entries.size());
    // Newest first, as the rows are; at most maxRows of them are worth inserting.
    for (auto it = entries.crbegin(); it != entries.crend() && fresh.size() < m_maxRows; ++it) {
        if (it->id > newestId)
            fresh.append(*it);
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    m_entries = fresh + m_entries;
    endInsertRows();
    trimToMaxRows();
}

void ActivityModel::clear()
{
    beginResetModel();
    m_entries.clear();
    ++m_generation;
    endResetModel();
    // The journal is empty now: there is nothing older to page in.
    m_exhausted = true;
    setLoading(false);
    if (!m_pending.isEmpty()) {
        m_pending.clear();
        emit pendingCountChanged(0);
    }
}

void ActivityModel::reload()
{
    beginResetModel();
    m_entries.clear();
    ++m_generation;
    m_exhausted = !m_journal;
    endResetModel();
    setLoading(false);
    requestPage();
}

void ActivityModel::requestPage()
{
    if (!m_journal)
        return;
    setLoading(true);
    const qint64 beforeId = m_entries.isEmpty() ? 0 : m_entries.constLast().id;
    const int limit = m_pageSize;
    const quint64 generation = m_generation;
    Core::callAsync(
        m_journal,
        this,
        [journal = m_journal, beforeId, limit] { return journal->recent({}, beforeId, limit); },
        [this, generation, limit](const QList<JournalEntry> &page) {
            if (generation == m_generation)
                appendPage(page, limit);
        });
}

void ActivityModel::appendPage(const QList<JournalEntry> &page, int limit)
{
    setLoading(false);
    if (page.size() < limit)
        m_exhausted = true;
    const qint64 oldestId =
        m_entries.isEmpty() ? std::numeric_limits<qint64>::max() : m_entries.constLast().id;
    QList<JournalEntry> older;
    for (const JournalEntry &entry : page) {
        if (older.size() + m_entries.size() >= m_maxRows)
            break;
        if (entry.id < oldestId)
            older.append(entry);
    }
    if (older.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(older.size()) - 1);
    m_entries.append(older);
    endInsertRows();
}

void ActivityModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void ActivityModel::trimToMaxRows()
{
    if (m_entries.size() <= m_maxRows)
        return;
    beginRemoveRows({}, m_maxRows, int(m_entries.size()) - 1);
    m_entries.resize(m_maxRows);
    endRemoveRows();
    m_exhausted = false;
}

QColor ActivityModel::statusColor(int status)
{
    if (status >= 500)
        return QColor(0xc6, 0x28, 0x28);
    if (status >= 400)
        return QColor(0xb2, 0x6a, 0x00);
    if (status >= 200 && status < 400)
        return QColor(0x2e, 0x7d, 0x32);
    return QColor(0x6b, 0x72, 0x80);
}

QString ActivityModel::formatDuration(qint64 microseconds)
{
    const QLocale locale;
    if (microseconds < 1000)
        return tr("%1 µs").arg(microseconds);
    if (microseconds < 1'000'000)
        return tr("%1 ms").arg(locale.toString(double(microseconds) / 1000.0, 'f', 1));
    return tr("%1 s").arg(locale.toString(double(microseconds) / 1'000'000.0, 'f', 2));
}

QString ActivityModel::formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace Gui::Activity
