// SPDX-License-Identifier: MIT
// DynamoDB backups and point-in-time recovery (DDB-39): CreateBackup, DescribeBackup,
// ListBackups, DeleteBackup, RestoreTableFromBackup, Update/DescribeContinuousBackups and
// RestoreTableToPointInTime. A backup copies the table's definition and items; point-in-time
// recovery keeps a change log (what each item was before each write) while it is on, and a
// restore to time T starts from the current items and undoes the changes made after T.
#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/dynamodb/attributevalue.h"
#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/dynamodbservice.h"
#include "core/dynamodb/dynamodbstore.h"
#include "core/dynamodb/keycodec.h"
#include "core/dynamodb/requestsupport.h"
#include "core/dynamodb/streamstore.h"
#include "core/dynamodb/tabledefinition.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;
constexpr int MaxRecoveryDays = 35;
constexpr int MaxListBackups = 100;

AwsError tableNotFound(const QString &name)
{
    return AwsError{u"TableNotFoundException"_s, u"Table not found: %1"_s.arg(name), 400, true};
}

AwsError backupNotFound(const QString &arn)
{
    return AwsError{u"BackupNotFoundException"_s, u"Backup not found: %1"_s.arg(arn), 400, true};
}

AwsError tableAlreadyExists(const QString &name)
{
    return AwsError{
        u"TableAlreadyExistsException"_s, u"Table already exists: %1"_s.arg(name), 400, true};
}

double seconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

// A timestamp member (epoch seconds, fractions allowed); nullopt when absent, -1 when malformed.
std::optional<qint64> timestampMs(const QJsonObject &request, const QString &member)
{
    if (!request.contains(member))
        return std::nullopt;
    const QJsonValue value = request.value(member);
    if (!value.isDouble())
        return -1;
    return qint64(std::llround(value.toDouble() * 1000.0));
}

} // namespace

Result<TableInfo> DynamoDbService::backupTable(const QString &nameOrArn) const
{
    QString name = nameOrArn;
    if (name.startsWith(u"arn:"))
        name = name.section(u":table/"_s, 1).section(u'/', 0, 0);
    auto table = loadTable(name, true);
    if (!table)
        return std::unexpected(tableNotFound(nameOrArn));
    return table;
}

Result<StoredBackup> DynamoDbService::writeBackup(
    const TableInfo &table, const QString &name, const QString &type)
{
    const auto stored = m_store->table(table.name);
    StoredBackup backup;
    backup.createdMs = m_clock->nowMs();
    backup.arn = table.arn + u"/backup/"_s
        + QString::number(backup.createdMs).rightJustified(14, u'0') + u'-' + Ids::randomHex(8);
    backup.name = name;
    backup.tableName = table.name;
    backup.tableId = table.id;
    backup.type = type;
    if (type == u"SYSTEM")
        backup.expiryMs = backup.createdMs + MaxRecoveryDays * DayMs;
    backup.definition = TableDefinition::toStorage(table);
    backup.itemCount = stored ? stored->itemCount : 0;
    backup.sizeBytes = stored ? stored->sizeBytes : 0;
    if (!m_store->insertBackup(backup))
        return std::unexpected(
            AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false});
    return backup;
}

QJsonObject DynamoDbService::backupDetails(const StoredBackup &backup) const
{
    QJsonObject details{{u"BackupArn"_s, backup.arn},
        {u"BackupName"_s, backup.name},
        {u"BackupSizeBytes"_s, backup.sizeBytes},
        {u"BackupStatus"_s, u"AVAILABLE"_s},
        {u"BackupType"_s, backup.type},
        {u"BackupCreationDateTime"_s, seconds(backup.createdMs)}};
    if (backup.expiryMs >= 0)
        details.insert(u"BackupExpiryDateTime"_s, seconds(backup.expiryMs));
    return details;
}

QJsonObject DynamoDbService::backupDescription(const StoredBackup &backup) const
{
    TableInfo table = TableDefinition::fromStorage(backup.definition);
    table.name = backup.tableName;
    table.id = backup.tableId;
    table.itemCount = backup.itemCount;
    table.sizeBytes = backup.sizeBytes;
    const QJsonObject described = TableDefinition::describe(table, u"ACTIVE"_s);
    QJsonObject source{{u"TableName"_s, backup.tableName},
        {u"TableId"_s, TableDefinition::tableId(backup.tableId)},
        {u"TableArn"_s, table.arn},
        {u"TableSizeBytes"_s, backup.sizeBytes},
        {u"KeySchema"_s, described.value(u"KeySchema"_s)},
        {u"TableCreationDateTime"_s, described.value(u"CreationDateTime"_s)},
        {u"ProvisionedThroughput"_s,
            QJsonObject{{u"ReadCapacityUnits"_s, table.readCapacity},
                {u"WriteCapacityUnits"_s, table.writeCapacity}}},
        {u"ItemCount"_s, backup.itemCount},
        {u"BillingMode"_s, table.payPerRequest ? u"PAY_PER_REQUEST"_s : u"PROVISIONED"_s}};
    QJsonObject features;
    for (const QString &member : {u"LocalSecondaryIndexes"_s, u"GlobalSecondaryIndexes"_s}) {
        QJsonArray indexes;
        for (const QJsonValue &index : described.value(member).toArray()) {
            QJsonObject kept;
            for (const QString &field : {u"IndexName"_s, u"KeySchema"_s, u"Projection"_s})
                kept.insert(field, index.toObject().value(field));
            if (member == u"GlobalSecondaryIndexes"_s)
                kept.insert(
                    u"ProvisionedThroughput"_s, index.toObject().value(u"ProvisionedThroughput"_s));
            indexes.append(kept);
        }
        if (!indexes.isEmpty())
            features.insert(member, indexes);
    }
    if (table.streamEnabled)
        features.insert(u"StreamDescription"_s,
            QJsonObject{{u"StreamEnabled"_s, true}, {u"StreamViewType"_s, table.streamViewType}});
    if (table.ttlEnabled)
        features.insert(u"TimeToLiveDescription"_s,
            QJsonObject{
                {u"TimeToLiveStatus"_s, u"ENABLED"_s}, {u"AttributeName"_s, table.ttlAttribute}});
    return QJsonObject{{u"BackupDetails"_s, backupDetails(backup)},
        {u"SourceTableDetails"_s, source},
        {u"SourceTableFeatureDetails"_s, features}};
}

DynamoDbService::Response DynamoDbService::createBackup(const QJsonObject &request)
{
    const QString name = request.value(u"BackupName"_s).toString();
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_.-]+$"_s);
    if (name.size() < 3 || name.size() > 255 || !pattern.match(name).hasMatch())
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'backupName' failed to satisfy "
            u"constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and "
            u"have length between 3 and 255"_s.arg(name)));
    auto table = backupTable(request.value(u"TableName"_s).toString());
    if (!table)
        return std::unexpected(table.error());
    Storage::SqlTransaction transaction(m_database.connection());
    auto backup = writeBackup(*table, name, u"USER"_s);
    if (!backup)
        return std::unexpected(backup.error());
    if (!transaction.commit())
        return std::unexpected(
            AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false});
    noteTablesChanged();
    return QJsonObject{{u"BackupDetails"_s, backupDetails(*backup)}};
}

DynamoDbService::Response DynamoDbService::describeBackup(const QJsonObject &request)
{
    const QString arn = request.value(u"BackupArn"_s).toString();
    const auto backup = m_store->backup(arn);
    if (!backup)
        return std::unexpected(backupNotFound(arn));
    return QJsonObject{{u"BackupDescription"_s, backupDescription(*backup)}};
}

DynamoDbService::Response DynamoDbService::listBackups(const QJsonObject &request)
{
    const auto limit = RequestSupport::listLimit(request, MaxListBackups);
    if (!limit)
        return std::unexpected(limit.error());
    const QString type = request.value(u"BackupType"_s).toString(u"USER"_s);
    if (type != u"USER" && type != u"SYSTEM" && type != u"AWS_BACKUP" && type != u"ALL")
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'backupType' failed to satisfy "
            u"constraint: Member must satisfy enum value set: [USER, SYSTEM, AWS_BACKUP, ALL]"_s
                .arg(type)));
    const auto lower = timestampMs(request, u"TimeRangeLowerBound"_s);
    const auto upper = timestampMs(request, u"TimeRangeUpperBound"_s);
    if ((lower && *lower < 0) || (upper && *upper < 0))
        return std::unexpected(Errors::validation(u"Invalid time range bound"_s));
    const QString tableName = request.value(u"TableName"_s).toString();
    const QString start = request.value(u"ExclusiveStartBackupArn"_s).toString();
    bool started = start.isEmpty();
    QJsonArray summaries;
    QString last;
    bool more = false;
    for (const StoredBackup &backup : m_store->backups()) {
        if (!started) {
            started = backup.arn == start;
            continue;
        }
        if (!tableName.isEmpty() && backup.tableName != tableName)
            continue;
        if (type != u"ALL" && backup.type != type)
            continue;
        if ((lower && backup.createdMs < *lower) || (upper && backup.createdMs >= *upper))
            continue;
        if (summaries.size() == *limit) {
            more = true;
            break;
        }
        QJsonObject summary = backupDetails(backup);
        summary.insert(u"TableName"_s, backup.tableName);
        summary.insert(u"TableArn"_s, tableArn(backup.tableName));
        summary.insert(u"TableId"_s, TableDefinition::tableId(backup.tableId));
        summaries.append(summary);
        last = backup.arn;
    }
    QJsonObject response{{u"BackupSummaries"_s, summaries}};
    if (more)
        response.insert(u"LastEvaluatedBackupArn"_s, last);
    return response;
}

DynamoDbService::Response DynamoDbService::deleteBackup(const QJsonObject &request)
{
    const QString arn = request.value(u"BackupArn"_s).toString();
    const auto backup = m_store->backup(arn);
    if (!backup)
        return std::unexpected(backupNotFound(arn));
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->deleteBackup(arn) || !transaction.commit())
        return std::unexpected(
            AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false});
    noteTablesChanged();
    QJsonObject description = backupDescription(*backup);
    QJsonObject details = description.value(u"BackupDetails"_s).toObject();
    details.insert(u"BackupStatus"_s, u"DELETED"_s);
    description.insert(u"BackupDetails"_s, details);
    return QJsonObject{{u"BackupDescription"_s, description}};
}

DynamoDbService::Response DynamoDbService::restoreInto(const QString &target,
    TableInfo source,
    const QJsonObject &request,
    const QList<QByteArray> &items,
    const QString &backupArn,
    qint64 pointInTimeMs)
{
    if (auto ok = TableDefinition::validateName(target, u"targetTableName"_s); !ok)
        return std::unexpected(ok.error());
    if (m_store->table(target))
        return std::unexpected(tableAlreadyExists(target));
    TableInfo table = std::move(source);
    const QString sourceArn = table.arn;
    table.name = target;
    table.arn = tableArn(target);
    table.createdMs = m_clock->nowMs();
    // Not restored, as in AWS: streams, TTL, tags, deletion protection, point-in-time recovery.
    table.streamEnabled = false;
    table.streamViewType.clear();
    table.streamLabel.clear();
    table.ttlEnabled = false;
    table.ttlAttribute.clear();
    table.tags.clear();
    table.deletionProtection = false;
    table.pitrSinceMs = -1;
    table.restoredFromBackup = backupArn;
    table.restoredFromTable = sourceArn;
    table.restoredAtMs = pointInTimeMs;
    for (SecondaryIndex &index : table.indexes)
        index.backfilledAtMs = 0;

    if (request.contains(u"BillingModeOverride"_s)) {
        const QString billing = request.value(u"BillingModeOverride"_s).toString();
        if (billing != u"PROVISIONED" && billing != u"PAY_PER_REQUEST")
            return std::unexpected(Errors::validation(
                u"1 validation error detected: Value '%1' at 'billingModeOverride' failed to "
                u"satisfy constraint: Member must satisfy enum value set: [PROVISIONED, "
                u"PAY_PER_REQUEST]"_s.arg(billing)));
        table.payPerRequest = billing == u"PAY_PER_REQUEST";
    }
    if (request.contains(u"ProvisionedThroughputOverride"_s)) {
        const QJsonObject throughput = request.value(u"ProvisionedThroughputOverride"_s).toObject();
        table.readCapacity = throughput.value(u"ReadCapacityUnits"_s).toInteger();
        table.writeCapacity = throughput.value(u"WriteCapacityUnits"_s).toInteger();
        if (table.readCapacity < 1 || table.writeCapacity < 1)
            return std::unexpected(Errors::validation(
                u"One or more parameter values were invalid: ReadCapacityUnits and "
                u"WriteCapacityUnits must both be specified and greater than 0"_s));
    }
    if (table.payPerRequest) {
        table.readCapacity = 0;
        table.writeCapacity = 0;
    } else if (table.readCapacity < 1 || table.writeCapacity < 1) {
        return std::unexpected(Errors::validation(
            u"One or more parameter values were invalid: ProvisionedThroughputOverride must be "
            u"specified when BillingModeOverride is PROVISIONED and the source table is "
            u"on-demand"_s));
    }
    // Index overrides replace the source's indexes of that kind with the ones given.
    for (const bool global : {true, false}) {
        const QString member =
            global ? u"GlobalSecondaryIndexOverride"_s : u"LocalSecondaryIndexOverride"_s;
        if (!request.contains(member))
            continue;
        table.indexes.removeIf(
            [global](const SecondaryIndex &index) { return index.global == global; });
        for (const QJsonValue &value : request.value(member).toArray()) {
            auto index = TableDefinition::parseIndex(value.toObject(), global, table);
            if (!index)
                return std::unexpected(index.error());
            index->backfilledAtMs = 0;
            if (table.payPerRequest) {
                index->readCapacity = 0;
                index->writeCapacity = 0;
            }
            table.indexes.append(*index);
        }
    }

    Storage::SqlTransaction transaction(m_database.connection());
    const auto id =
        m_store->insertTable(table.name, TableDefinition::toStorage(table), table.createdMs);
    if (!id)
        return std::unexpected(
            AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false});
    table.id = *id;
    ItemWriter writer(
        *m_store, *m_streamStore, table, table.createdMs, std::numeric_limits<qint64>::max());
    for (const QByteArray &text : items) {
        auto item = itemFromJson(QJsonDocument::fromJson(text).object());
        if (!item)
            continue;
        const auto key = KeyCodec::fromItem(*item, table.key);
        if (!key)
            continue;
        // Items a GSI override cannot index (wrong key type) are still restored, unindexed.
        if (auto written = writer.write(*key, std::nullopt, 0, *item, nullptr); !written)
            return std::unexpected(written.error());
    }
    if (!transaction.commit())
        return std::unexpected(
            AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false});
    forgetTable(table.name);
    noteTablesChanged();
    noteItemsChanged(table.name);
    const auto stored = m_store->table(table.name);
    table.itemCount = stored ? stored->itemCount : 0;
    table.sizeBytes = stored ? stored->sizeBytes : 0;
    return QJsonObject{{u"TableDescription"_s, TableDefinition::describe(table, u"CREATING"_s)}};
}

DynamoDbService::Response DynamoDbService::restoreTableFromBackup(const QJsonObject &request)
{
    const QString arn = request.value(u"BackupArn"_s).toString();
    const auto backup = m_store->backup(arn);
    if (!backup)
        return std::unexpected(backupNotFound(arn));
    TableInfo source = TableDefinition::fromStorage(backup->definition);
    return restoreInto(request.value(u"TargetTableName"_s).toString(),
        source,
        request,
        m_store->backupItems(arn),
        arn,
        backup->createdMs);
}

DynamoDbService::Response DynamoDbService::updateContinuousBackups(const QJsonObject &request)
{
    auto table = backupTable(request.value(u"TableName"_s).toString());
    if (!table)
        return std::unexpected(table.error());
    const QJsonObject spec = request.value(u"PointInTimeRecoverySpecification"_s).toObject();
    if (!spec.value(u"PointInTimeRecoveryEnabled"_s).isBool())
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value null at "
            u"'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy "
            u"constraint: Member must not be null"_s));
    const bool enable = spec.value(u"PointInTimeRecoveryEnabled"_s).toBool();
    int days = table->pitrDays;
    if (spec.contains(u"RecoveryPeriodInDays"_s)) {
        days = spec.value(u"RecoveryPeriodInDays"_s).toInt();
        if (days < 1 || days > MaxRecoveryDays)
            return std::unexpected(Errors::validation(
                u"1 validation error detected: Value '%1' at "
                u"'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy "
                u"constraint: Member must have value between 1 and 35"_s.arg(days)));
    }
    TableInfo updated = *table;
    updated.pitrDays = days;
    if (enable && updated.pitrSinceMs < 0)
        updated.pitrSinceMs = m_clock->nowMs();
    else if (!enable)
        updated.pitrSinceMs = -1;
    Storage::SqlTransaction transaction(m_database.connection());
    // Turning it off forgets the history: a later restore starts from when it is on again.
    if (!m_store->updateDefinition(updated.id, TableDefinition::toStorage(updated))
        || (!enable && !m_store->deleteChanges(updated.id, -1)) || !transaction.commit())
        return std::unexpected(
            AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false});
    forgetTable(updated.name);
    noteTablesChanged();
    return describeContinuousBackups(QJsonObject{{u"TableName"_s, updated.name}});
}

DynamoDbService::Response DynamoDbService::describeContinuousBackups(const QJsonObject &request)
{
    auto table = backupTable(request.value(u"TableName"_s).toString());
    if (!table)
        return std::unexpected(table.error());
    QJsonObject pitr{
        {u"PointInTimeRecoveryStatus"_s, table->pitrSinceMs >= 0 ? u"ENABLED"_s : u"DISABLED"_s},
        {u"RecoveryPeriodInDays"_s, table->pitrDays}};
    if (table->pitrSinceMs >= 0) {
        const qint64 now = m_clock->nowMs();
        const qint64 earliest = std::max(table->pitrSinceMs, now - table->pitrDays * DayMs);
        pitr.insert(u"EarliestRestorableDateTime"_s, seconds(earliest));
        pitr.insert(
            u"LatestRestorableDateTime"_s, seconds(std::max(earliest, now - PitrLatencyMs)));
    }
    return QJsonObject{{u"ContinuousBackupsDescription"_s,
        QJsonObject{{u"ContinuousBackupsStatus"_s, u"ENABLED"_s},
            {u"PointInTimeRecoveryDescription"_s, pitr}}}};
}

DynamoDbService::Response DynamoDbService::restoreTableToPointInTime(const QJsonObject &request)
{
    const QString sourceName = request.contains(u"SourceTableArn"_s)
        ? request.value(u"SourceTableArn"_s).toString()
        : request.value(u"SourceTableName"_s).toString();
    if (sourceName.isEmpty())
        return std::unexpected(
            Errors::validation(u"Either SourceTableArn or SourceTableName must be specified"_s));
    auto table = backupTable(sourceName);
    if (!table)
        return std::unexpected(table.error());
    if (table->pitrSinceMs < 0)
        return std::unexpected(AwsError{u"PointInTimeRecoveryUnavailableException"_s,
            u"Point in time recovery is not enabled for table '%1'"_s.arg(table->name),
            400,
            true});
    const qint64 now = m_clock->nowMs();
    const qint64 earliest = std::max(table->pitrSinceMs, now - table->pitrDays * DayMs);
    const qint64 latest = std::max(earliest, now - PitrLatencyMs);
    const bool useLatest = request.value(u"UseLatestRestorableTime"_s).toBool();
    const auto requested = timestampMs(request, u"RestoreDateTime"_s);
    if (useLatest && requested)
        return std::unexpected(Errors::validation(
            u"Only one of RestoreDateTime or UseLatestRestorableTime can be specified"_s));
    if (!useLatest && !requested)
        return std::unexpected(Errors::validation(
            u"Either RestoreDateTime or UseLatestRestorableTime must be specified"_s));
    const qint64 point = useLatest ? latest : *requested;
    if (point < earliest || point > latest)
        return std::unexpected(AwsError{u"InvalidRestoreTimeException"_s,
            u"Restore time must be between the EarliestRestorableDateTime and the "
            u"LatestRestorableDateTime of the table"_s,
            400,
            true});
    // The items now, with every change after the point undone, newest first.
    QMap<std::pair<QByteArray, QByteArray>, QByteArray> items;
    std::optional<StoredItem> after;
    for (;;) {
        const QList<StoredItem> batch = m_store->allItems(table->id, after, 1000);
        for (const StoredItem &item : batch)
            items.insert({item.hashKey, item.rangeKey}, item.item);
        if (batch.size() < 1000)
            break;
        after = batch.last();
    }
    for (const StoredChange &change : m_store->changesAfter(table->id, point)) {
        if (change.oldItem)
            items.insert({change.hashKey, change.rangeKey}, *change.oldItem);
        else
            items.remove({change.hashKey, change.rangeKey});
    }
    return restoreInto(
        request.value(u"TargetTableName"_s).toString(), *table, request, items.values(), {}, point);
}

} // namespace Core::DynamoDb
