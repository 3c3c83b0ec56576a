// SPDX-License-Identifier: MIT
#include "core/journal/journalstore.h"

#include "core/common/logging.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Core::Journal {

namespace {

constexpr auto EntryColumns = "id, time_ms, client, service, operation, method, path, protocol, "
                              "status, error_code, duration_us, request_bytes, response_bytes, "
                              "request_id";

// Qt binds a null QString as SQL NULL; the journal's text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QString(u""_s) : value;
}

JournalEntry readEntry(const QSqlQuery &query)
{
    JournalEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.timeMs = query.value(1).toLongLong();
    entry.client = query.value(2).toString();
    entry.service = query.value(3).toString();
    entry.operation = query.value(4).toString();
    entry.method = query.value(5).toString();
    entry.path = query.value(6).toString();
    entry.protocol = query.value(7).toString();
    entry.status = query.value(8).toInt();
    entry.errorCode = query.value(9).toString();
    entry.durationUs = query.value(10).toLongLong();
    entry.requestBytes = query.value(11).toLongLong();
    entry.responseBytes = query.value(12).toLongLong();
    entry.requestId = query.value(13).toString();
    return entry;
}

constexpr auto EntryInsert = "INSERT INTO journal (id, time_ms, client, service, operation, "
                             "method, path, protocol, status, error_code, duration_us, "
                             "request_bytes, response_bytes, request_id) VALUES ";
constexpr auto EntryRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

QString multiRowSql(const char *insert, const char *row, qsizetype rows)
{
    QString sql = QLatin1StringView(insert);
    for (qsizetype i = 0; i < rows; ++i) {
        if (i > 0)
            sql += u", "_s;
        sql += QLatin1StringView(row);
    }
    return sql;
}

void bindEntry(QSqlQuery &query, const JournalEntry &entry)
{
    query.addBindValue(entry.id);
    query.addBindValue(entry.timeMs);
    query.addBindValue(text(entry.client));
    query.addBindValue(text(entry.service));
    query.addBindValue(text(entry.operation));
    query.addBindValue(text(entry.method));
    query.addBindValue(text(entry.path));
    query.addBindValue(text(entry.protocol));
    query.addBindValue(entry.status);
    query.addBindValue(text(entry.errorCode));
    query.addBindValue(entry.durationUs);
    query.addBindValue(entry.requestBytes);
    query.addBindValue(entry.responseBytes);
    query.addBindValue(text(entry.requestId));
}

void bindBodies(QSqlQuery &query, qint64 id, const JournalDetail &detail)
{
    query.addBindValue(id);
    query.addBindValue(text(detail.requestHeaders));
    query.addBindValue(detail.requestBody.isNull() ? QByteArray("") : detail.requestBody);
    query.addBindValue(detail.requestTruncated);
    query.addBindValue(text(detail.responseHeaders));
    query.addBindValue(detail.responseBody.isNull() ? QByteArray("") : detail.responseBody);
    query.addBindValue(detail.responseTruncated);
}

// Statement sizes used for multi-row inserts: a few fixed sizes keep the prepared-statement
// cache small, whatever the batch size.
constexpr std::array<qsizetype, 4> ChunkSizes = {64, 16, 4, 1};

} // namespace

JournalStore::JournalStore(const Storage::Database &database)
    : m_database(database)
{}

qint64 JournalStore::lastId() const
{
    // AUTOINCREMENT's counter: ids are never reused, not even after clear() or pruning.
    QSqlQuery &query =
        m_database.prepared(u"SELECT seq FROM sqlite_sequence WHERE name = 'journal'"_s);
    const qint64 id = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

void JournalStore::saveBodies(const std::deque<JournalDetail> &details)
{
    if (details.empty())
        return;
    Storage::SqlTransaction transaction(m_database.connection());
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO journal_bodies (journal_id, request_headers, request_body, "
        u"request_truncated, response_headers, response_body, response_truncated) "
        u"SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM journal WHERE id = ?)"_s);
    for (const JournalDetail &detail : details) {
        bindBodies(query, detail.entry.id, detail);
        query.addBindValue(detail.entry.id);
        if (!query.exec())
            qCWarning(lcStorage) << "journal bodies insert failed:" << query.lastError().text();
    }
    query.finish();
    transaction.commit();
}

bool JournalStore::insertAll(const QList<JournalEntry> &entries)
{
    Storage::SqlTransaction transaction(m_database.connection());
    qsizetype done = 0;
    while (done < entries.size()) {
        const qsizetype left = entries.size() - done;
        const qsizetype rows = *std::find_if(
            ChunkSizes.begin(), ChunkSizes.end(), [left](qsizetype size) { return size <= left; });
        QSqlQuery &query = m_database.prepared(multiRowSql(EntryInsert, EntryRow, rows));
        for (qsizetype i = 0; i < rows; ++i)
            bindEntry(query, entries[done + i]);
        if (!query.exec()) {
            qCWarning(lcStorage) << "journal insert failed:" << query.lastError().text();
            return false;
        }
        done += rows;
    }
    return transaction.commit();
}

QList<JournalEntry> JournalStore::page(
    const JournalFilter &filter, qint64 beforeId, int limit) const
{
    QString sql = u"SELECT "_s + QLatin1StringView(EntryColumns) + u" FROM journal WHERE id < ?"_s;
    if (!filter.service.isEmpty())
        sql += u" AND service = ?"_s;
    if (filter.errorsOnly)
        sql += u" AND status >= 400"_s;
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    QSqlQuery &query = m_database.prepared(sql);
    query.addBindValue(beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    if (!filter.service.isEmpty())
        query.addBindValue(filter.service);
    query.addBindValue(limit);
    QList<JournalEntry> entries;
    if (!query.exec())
        return entries;
    while (query.next())
        entries.append(readEntry(query));
    query.finish();
    return entries;
}

std::optional<JournalDetail> JournalStore::detail(qint64 id) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT "_s + QLatin1StringView(EntryColumns)
        + u", b.journal_id, b.request_headers, b.request_body, b.request_truncated, "
          u"b.response_headers, b.response_body, b.response_truncated FROM journal LEFT JOIN "
          u"journal_bodies b ON b.journal_id = journal.id WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    JournalDetail detail;
    detail.entry = readEntry(query);
    detail.bodiesKept = !query.value(14).isNull();
    detail.requestHeaders = query.value(15).toString();
    detail.requestBody = query.value(16).toByteArray();
    detail.requestTruncated = query.value(17).toBool();
    detail.responseHeaders = query.value(18).toString();
    detail.responseBody = query.value(19).toByteArray();
    detail.responseTruncated = query.value(20).toBool();
    query.finish();
    return detail;
}

void JournalStore::prune(qint64 maxEntries, qint64 keptBodies)
{
    QSqlQuery &entries =
        m_database.prepared(u"DELETE FROM journal WHERE id <= (SELECT MAX(id) FROM journal) - ?"_s);
    entries.addBindValue(maxEntries);
    entries.exec();
    QSqlQuery &bodies = m_database.prepared(
        u"DELETE FROM journal_bodies WHERE journal_id <= (SELECT MAX(id) FROM journal) - ?"_s);
    bodies.addBindValue(keptBodies);
    bodies.exec();
}

qint64 JournalStore::count() const
{
    QSqlQuery &query = m_database.prepared(u"SELECT COUNT(*) FROM journal"_s);
    if (!query.exec() || !query.next())
        return 0;
    const qint64 result = query.value(0).toLongLong();
    query.finish();
    return result;
}

void JournalStore::clear()
{
    m_database.prepared(u"DELETE FROM journal_bodies"_s).exec();
    m_database.prepared(u"DELETE FROM journal"_s).exec();
}

} // namespace Core::Journal
