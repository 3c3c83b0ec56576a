// SPDX-License-Identifier: MIT
// DynamoDbStore: backups and the point-in-time-recovery change log (ddb_backups,
// ddb_backup_items, ddb_pitr_changes).
#include "core/common/logging.h"
#include "core/dynamodb/dynamodbstore.h"
#include "core/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

constexpr auto BackupColumns = "arn, name, table_name, table_id, type, created_ms, expiry_ms, "
                               "definition, item_count, size_bytes";

bool exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStorage) << "dynamodb backups:" << query.lastError().text();
    return false;
}

StoredBackup readBackup(const QSqlQuery &query)
{
    StoredBackup backup;
    backup.arn = query.value(0).toString();
    backup.name = query.value(1).toString();
    backup.tableName = query.value(2).toString();
    backup.tableId = query.value(3).toLongLong();
    backup.type = query.value(4).toString();
    backup.createdMs = query.value(5).toLongLong();
    backup.expiryMs = query.isNull(6) ? -1 : query.value(6).toLongLong();
    backup.definition = query.value(7).toByteArray();
    backup.itemCount = query.value(8).toLongLong();
    backup.sizeBytes = query.value(9).toLongLong();
    return backup;
}

} // namespace

bool DynamoDbStore::insertBackup(const StoredBackup &backup)
{
    QSqlQuery &insert = m_database.prepared(
        u"INSERT INTO ddb_backups (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
            QLatin1StringView(BackupColumns)));
    insert.addBindValue(backup.arn);
    insert.addBindValue(backup.name);
    insert.addBindValue(backup.tableName);
    insert.addBindValue(backup.tableId);
    insert.addBindValue(backup.type);
    insert.addBindValue(backup.createdMs);
    insert.addBindValue(
        backup.expiryMs < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(backup.expiryMs));
    insert.addBindValue(QString::fromUtf8(backup.definition));
    insert.addBindValue(backup.itemCount);
    insert.addBindValue(backup.sizeBytes);
    if (!exec(insert))
        return false;
    QSqlQuery &copy = m_database.prepared(u"INSERT INTO ddb_backup_items (backup_arn, item) "
                                          u"SELECT ?, item FROM ddb_items WHERE table_id = ?"_s);
    copy.addBindValue(backup.arn);
    copy.addBindValue(backup.tableId);
    return exec(copy);
}

std::optional<StoredBackup> DynamoDbStore::backup(const QString &arn) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT %1 FROM ddb_backups WHERE arn = ?"_s.arg(QLatin1StringView(BackupColumns)));
    query.addBindValue(arn);
    if (!exec(query) || !query.next())
        return std::nullopt;
    StoredBackup backup = readBackup(query);
    query.finish();
    return backup;
}

QList<StoredBackup> DynamoDbStore::backups() const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT %1 FROM ddb_backups ORDER BY created_ms, arn"_s.arg(
            QLatin1StringView(BackupColumns)));
    QList<StoredBackup> backups;
    if (!exec(query))
        return backups;
    while (query.next())
        backups.append(readBackup(query));
    return backups;
}

bool DynamoDbStore::deleteBackup(const QString &arn)
{
    for (const QString &sql : {u"DELETE FROM ddb_backup_items WHERE backup_arn = ?"_s,
             u"DELETE FROM ddb_backups WHERE arn = ?"_s}) {
        QSqlQuery &query = m_database.prepared(sql);
        query.addBindValue(arn);
        if (!exec(query))
            return false;
    }
    return true;
}

QList<QByteArray> DynamoDbStore::backupItems(const QString &arn) const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT item FROM ddb_backup_items WHERE backup_arn = ?"_s);
    query.addBindValue(arn);
    QList<QByteArray> items;
    if (!exec(query))
        return items;
    while (query.next())
        items.append(query.value(0).toByteArray());
    return items;
}

bool DynamoDbStore::appendChange(qint64 tableId,
    qint64 atMs,
    const QByteArray &hashKey,
    const QByteArray &rangeKey,
    const std::optional<QByteArray> &oldItem)
{
    QSqlQuery &query =
        m_database.prepared(u"INSERT INTO ddb_pitr_changes (table_id, at_ms, "
                            u"hash_key, range_key, old_item) VALUES (?, ?, ?, ?, ?)"_s);
    query.addBindValue(tableId);
    query.addBindValue(atMs);
    query.addBindValue(hashKey);
    query.addBindValue(rangeKey);
    query.addBindValue(
        oldItem ? QVariant(QString::fromUtf8(*oldItem)) : QVariant(QMetaType::fromType<QString>()));
    return exec(query);
}

QList<StoredChange> DynamoDbStore::changesAfter(qint64 tableId, qint64 afterMs) const
{
    QSqlQuery &query = m_database.prepared(u"SELECT hash_key, range_key, old_item FROM "
                                           u"ddb_pitr_changes WHERE table_id = ? AND at_ms > ? "
                                           u"ORDER BY seq DESC"_s);
    query.addBindValue(tableId);
    query.addBindValue(afterMs);
    QList<StoredChange> changes;
    if (!exec(query))
        return changes;
    while (query.next()) {
        StoredChange change;
        change.hashKey = query.value(0).toByteArray();
        change.rangeKey = query.value(1).toByteArray();
        if (!query.isNull(2))
            change.oldItem = query.value(2).toByteArray();
        changes.append(change);
    }
    return changes;
}

bool DynamoDbStore::deleteChanges(qint64 tableId, qint64 beforeMs)
{
    QSqlQuery &query = m_database.prepared(
        u"DELETE FROM ddb_pitr_changes WHERE table_id = ? AND (? < 0 OR at_ms < ?)"_s);
    query.addBindValue(tableId);
    query.addBindValue(beforeMs);
    query.addBindValue(beforeMs);
    return exec(query);
}

} // namespace Core::DynamoDb
