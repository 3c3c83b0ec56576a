// SPDX-License-Identifier: MIT
#include "core/dynamodb/dynamodbservice.h"

#include "core/common/arn.h"
#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/ids.h"
#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/dynamodbstore.h"
#include "core/dynamodb/keycodec.h"
#include "core/dynamodb/requestsupport.h"
#include "core/dynamodb/streamstore.h"
#include "core/dynamodb/tabledefinition.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

constexpr int MaxListTablesLimit = 100;
constexpr int MaxTags = 50;
// TTL: AWS deletes expired items within days; here within SweepIntervalMs, and at once when the
// clock is moved forward.
constexpr int SweepIntervalMs = 10'000;
// A GSI added by UpdateTable stays CREATING this long (AWS takes minutes, even when empty):
// long enough to see in the console and in DescribeTable, short enough not to wait for.
constexpr qint64 IndexBackfillMs = 5'000;

AwsError storageError()
{
    return AwsError{u"InternalServerError"_s, u"Internal server error"_s, 500, false};
}

} // namespace

DynamoDbService::DynamoDbService(
    Storage::Database &database, Clock *clock, QString region, QString accountId, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_region(std::move(region))
    , m_accountId(std::move(accountId))
    , m_store(std::make_unique<DynamoDbStore>(database))
    , m_streamStore(std::make_unique<StreamStore>(database))
    , m_itemsCoalescer(new Coalescer(150, this))
    , m_tablesCoalescer(new Coalescer(150, this))
{
    connect(m_itemsCoalescer, &Coalescer::fired, this, [this] {
        QStringList names(m_changedTables.cbegin(), m_changedTables.cend());
        m_changedTables.clear();
        names.sort();
        emit itemsChanged(names);
    });
    connect(m_tablesCoalescer, &Coalescer::fired, this, &DynamoDbService::tablesChanged);
    auto *sweeper = new QTimer(this);
    sweeper->setInterval(SweepIntervalMs);
    connect(sweeper, &QTimer::timeout, this, [this] { sweepExpiredItems(); });
    sweeper->start();
    connect(m_clock, &Clock::advanced, this, [this] {
        sweepExpiredItems();
        noteTablesChanged(); // GSIs may have finished backfilling
    });
}

DynamoDbService::~DynamoDbService() = default;

QString DynamoDbService::tableArn(const QString &name) const
{
    return Arn{u"aws"_s, u"dynamodb"_s, m_region, m_accountId, u"table/"_s + name}.toString();
}

bool DynamoDbService::startStream(const TableInfo &table, qint64 nowMs)
{
    const QString shardId =
        u"shardId-%1-%2"_s.arg(nowMs, 20, 10, QLatin1Char('0')).arg(Ids::randomHex(8));
    return m_streamStore
        ->createStream(
            table.id, table.name, table.streamLabel, table.streamViewType, shardId, nowMs)
        .has_value();
}

void DynamoDbService::noteItemsChanged(const QString &tableName)
{
    m_changedTables.insert(tableName);
    m_itemsCoalescer->touch();
    m_tablesCoalescer->touch(); // item counts and sizes
}

void DynamoDbService::noteTablesChanged()
{
    m_tablesCoalescer->touch();
}

void DynamoDbService::forgetTable(const QString &name)
{
    m_tableCache.remove(name);
}

Result<TableInfo> DynamoDbService::loadTable(const QString &name, bool describeStyleError) const
{
    const auto cached = m_tableCache.constFind(name);
    if (cached != m_tableCache.cend())
        return *cached;
    const auto stored = m_store->table(name);
    if (!stored)
        return std::unexpected(Errors::resourceNotFound(describeStyleError ? name : QString()));
    TableInfo table = TableDefinition::fromStorage(stored->definition);
    table.id = stored->id;
    table.name = stored->name;
    table.createdMs = stored->createdMs;
    m_tableCache.insert(name, table);
    return table;
}

Result<TableInfo> DynamoDbService::tableFromRequest(
    const QJsonObject &request, bool describeStyleError) const
{
    const QString name = RequestSupport::tableNameOf(request);
    if (!request.contains(u"TableName"_s))
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value null at 'tableName' failed to satisfy "
            u"constraint: Member must not be null"_s));
    if (auto ok = TableDefinition::validateName(name, u"tableName"_s); !ok) {
        // Table ARNs are accepted wherever a name is.
        if (name.startsWith(u"arn:"))
            return tableFromArn(name);
        return std::unexpected(ok.error());
    }
    return loadTable(name, describeStyleError);
}

Result<TableInfo> DynamoDbService::tableFromArn(const QString &arnText) const
{
    const auto arn = Arn::parse(arnText);
    if (!arn || arn->service != u"dynamodb" || !arn->resource.startsWith(u"table/"))
        return std::unexpected(Errors::validation(
            u"Invalid TableArn: Invalid ResourceArn provided as input %1"_s.arg(arnText)));
    return loadTable(arn->resource.mid(6).section(u'/', 0, 0), true);
}

QList<TableInfo> DynamoDbService::tables() const
{
    QList<TableInfo> result;
    for (const StoredTable &stored : m_store->tables()) {
        TableInfo table = TableDefinition::fromStorage(stored.definition);
        table.id = stored.id;
        table.name = stored.name;
        table.createdMs = stored.createdMs;
        table.itemCount = stored.itemCount;
        table.sizeBytes = stored.sizeBytes;
        const qint64 now = m_clock->nowMs();
        table.indexBackfilling = std::any_of(table.indexes.cbegin(),
            table.indexes.cend(),
            [now](const SecondaryIndex &index) { return index.backfilling(now); });
        result.append(table);
    }
    return result;
}

DynamoDbService::Response DynamoDbService::createTable(const QJsonObject &request)
{
    auto parsed = TableDefinition::fromCreateRequest(request);
    if (!parsed)
        return std::unexpected(parsed.error());
    TableInfo table = *parsed;
    if (table.tags.size() > MaxTags)
        return std::unexpected(Errors::validation(u"The number of tags exceeds the limit of 50"_s));
    if (m_store->table(table.name))
        return std::unexpected(
            Errors::resourceInUse(u"Table already exists: %1"_s.arg(table.name)));
    table.arn = tableArn(table.name);
    table.createdMs = m_clock->nowMs();
    if (table.streamEnabled)
        table.streamLabel = QDateTime::fromMSecsSinceEpoch(table.createdMs, Qt::UTC)
                                .toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s);
    Storage::SqlTransaction transaction(m_database.connection());
    const auto id =
        m_store->insertTable(table.name, TableDefinition::toStorage(table), table.createdMs);
    if (!id)
        return std::unexpected(storageError());
    table.id = *id;
    if (table.streamEnabled && !startStream(table, table.createdMs))
        return std::unexpected(storageError());
    if (!transaction.commit())
        return std::unexpected(storageError());
    forgetTable(table.name);
    noteTablesChanged();
    // Tables are usable at once; CREATING is only what the answer to CreateTable says.
    return QJsonObject{{u"TableDescription"_s, TableDefinition::describe(table, u"CREATING"_s)}};
}

DynamoDbService::Response DynamoDbService::describeTable(const QJsonObject &request)
{
    auto table = tableFromRequest(request, true);
    if (!table)
        return std::unexpected(table.error());
    const auto stored = m_store->table(table->name);
    if (!stored)
        return std::unexpected(Errors::resourceNotFound(table->name));
    table->itemCount = stored->itemCount;
    table->sizeBytes = stored->sizeBytes;
    QHash<QString, std::pair<qint64, qint64>> stats;
    if (!table->indexes.isEmpty())
        stats = m_store->indexStats(table->id);
    const qint64 now = m_clock->nowMs();
    const bool backfilling = std::any_of(table->indexes.cbegin(),
        table->indexes.cend(),
        [now](const auto &index) { return index.backfilling(now); });
    return QJsonObject{{u"Table"_s,
        TableDefinition::describe(*table, backfilling ? u"UPDATING"_s : u"ACTIVE"_s, stats, now)}};
}

DynamoDbService::Response DynamoDbService::listTables(const QJsonObject &request)
{
    const auto limit = RequestSupport::listLimit(request, MaxListTablesLimit);
    if (!limit)
        return std::unexpected(limit.error());
    const QString start = request.value(u"ExclusiveStartTableName"_s).toString();
    QJsonArray names;
    QString last;
    bool more = false;
    for (const StoredTable &table : m_store->tables()) {
        if (!start.isEmpty() && table.name <= start)
            continue;
        if (names.size() == *limit) {
            more = true;
            break;
        }
        names.append(table.name);
        last = table.name;
    }
    QJsonObject response{{u"TableNames"_s, names}};
    if (more)
        response.insert(u"LastEvaluatedTableName"_s, last);
    return response;
}

DynamoDbService::Response DynamoDbService::deleteTable(const QJsonObject &request)
{
    auto table = tableFromRequest(request, true);
    if (!table)
        return std::unexpected(table.error());
    if (table->deletionProtection)
        return std::unexpected(Errors::validation(
            u"Resource cannot be deleted as it is currently protected against deletion. Disable "
            u"deletion protection first."_s));
    const auto stored = m_store->table(table->name);
    if (stored) {
        table->itemCount = stored->itemCount;
        table->sizeBytes = stored->sizeBytes;
    }
    Storage::SqlTransaction transaction(m_database.connection());
    // With point-in-time recovery on, AWS keeps a system backup of a deleted table for 35 days.
    if (table->pitrSinceMs >= 0
        && !writeBackup(*table, table->name + u"$DeletedTableBackup"_s, u"SYSTEM"_s))
        return std::unexpected(storageError());
    if (!m_store->deleteTable(table->id) || !m_streamStore->deleteStreams(table->id)
        || !m_store->deleteChanges(table->id, -1) || !transaction.commit())
        return std::unexpected(storageError());
    forgetTable(table->name);
    m_throughput.forget(table->name);
    noteTablesChanged();
    noteItemsChanged(table->name);
    return QJsonObject{{u"TableDescription"_s, TableDefinition::describe(*table, u"DELETING"_s)}};
}

DynamoDbService::Response DynamoDbService::updateTable(const QJsonObject &request)
{
    auto loaded = tableFromRequest(request, true);
    if (!loaded)
        return std::unexpected(loaded.error());
    TableInfo table = *loaded;
    bool changed = false;
    bool streamToggled = false;
    if (request.contains(u"BillingMode"_s)) {
        const QString billing = request.value(u"BillingMode"_s).toString();
        if (billing != u"PROVISIONED" && billing != u"PAY_PER_REQUEST")
            return std::unexpected(Errors::validation(
                u"1 validation error detected: Value '%1' at 'billingMode' failed to satisfy "
                u"constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]"_s
                    .arg(billing)));
        table.payPerRequest = billing == u"PAY_PER_REQUEST";
        if (table.payPerRequest) {
            table.readCapacity = table.writeCapacity = 0;
            for (SecondaryIndex &index : table.indexes)
                index.readCapacity = index.writeCapacity = 0;
        }
        changed = true;
    }
    if (request.contains(u"ProvisionedThroughput"_s)) {
        if (table.payPerRequest)
            return std::unexpected(Errors::invalidParameter(
                u"Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
                u"BillingMode is PAY_PER_REQUEST"_s));
        const QJsonObject throughput = request.value(u"ProvisionedThroughput"_s).toObject();
        const qint64 read = throughput.value(u"ReadCapacityUnits"_s).toInteger();
        const qint64 write = throughput.value(u"WriteCapacityUnits"_s).toInteger();
        if (read < 1 || write < 1)
            return std::unexpected(Errors::invalidParameter(
                u"ReadCapacityUnits and WriteCapacityUnits must both be greater than 0"_s));
        if (read == table.readCapacity && write == table.writeCapacity)
            return std::unexpected(Errors::validation(
                u"The provisioned throughput for the table will not change. The requested value "
                u"equals the current value. Current ReadCapacityUnits provisioned for the table: "
                u"%1. Requested ReadCapacityUnits: %2. Current WriteCapacityUnits provisioned for "
                u"the table: %3. Requested WriteCapacityUnits: %4. Refer to the Amazon DynamoDB "
                u"Developer Guide for current limits and how to request higher limits."_s
                    .arg(table.readCapacity)
                    .arg(read)
                    .arg(table.writeCapacity)
                    .arg(write)));
        table.readCapacity = read;
        table.writeCapacity = write;
        changed = true;
    } else if (!table.payPerRequest && table.readCapacity == 0) {
        return std::unexpected(Errors::invalidParameter(
            u"ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode "
            u"is PROVISIONED"_s));
    }
    if (request.contains(u"DeletionProtectionEnabled"_s)) {
        table.deletionProtection = request.value(u"DeletionProtectionEnabled"_s).toBool();
        changed = true;
    }
    if (request.contains(u"StreamSpecification"_s)) {
        const QJsonObject stream = request.value(u"StreamSpecification"_s).toObject();
        const bool enable = stream.value(u"StreamEnabled"_s).toBool();
        if (enable == table.streamEnabled)
            return std::unexpected(
                Errors::validation(enable ? u"Table already has an enabled stream: %1"_s.arg(
                                       table.arn + u"/stream/"_s + table.streamLabel)
                                          : u"Table already has stream disabled"_s));
        const QString view = stream.value(u"StreamViewType"_s).toString();
        static const QStringList views{
            u"KEYS_ONLY"_s, u"NEW_IMAGE"_s, u"OLD_IMAGE"_s, u"NEW_AND_OLD_IMAGES"_s};
        if (enable && !views.contains(view))
            return std::unexpected(Errors::validation(
                u"1 validation error detected: Value '%1' at 'streamSpecification.streamViewType' "
                u"failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, "
                u"OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]"_s.arg(view)));
        table.streamEnabled = enable;
        table.streamViewType = enable ? view : QString();
        table.streamLabel = enable ? QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC)
                                         .toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s)
                                   : QString();
        changed = true;
        streamToggled = true;
    }
    for (const QJsonValue &attribute : request.value(u"AttributeDefinitions"_s).toArray()) {
        const QString name = attribute[u"AttributeName"].toString();
        auto type = TableDefinition::parseKeyType(
            attribute[u"AttributeType"].toString(), u"attributeDefinitions.member.attributeType"_s);
        if (!type)
            return std::unexpected(type.error());
        bool known = false;
        for (const auto &[existing, existingType] : table.attributeDefinitions)
            known = known || existing == name;
        if (!known)
            table.attributeDefinitions.append({name, *type});
    }
    const QJsonArray indexUpdates = request.value(u"GlobalSecondaryIndexUpdates"_s).toArray();
    // AWS creates or deletes one GSI per UpdateTable (its backfill runs online).
    const auto createsOrDeletes =
        std::count_if(indexUpdates.cbegin(), indexUpdates.cend(), [](const QJsonValue &update) {
            return update.toObject().contains(u"Create"_s)
                || update.toObject().contains(u"Delete"_s);
        });
    const qint64 now = m_clock->nowMs();
    const bool backfilling = std::any_of(table.indexes.cbegin(),
        table.indexes.cend(),
        [now](const SecondaryIndex &index) { return index.backfilling(now); });
    if (createsOrDeletes > 1 || (createsOrDeletes == 1 && backfilling))
        return std::unexpected(Errors::limitExceeded(
            u"Subscriber limit exceeded: Only 1 online index can be created or deleted "
            u"simultaneously per table"_s));
    Storage::SqlTransaction transaction(m_database.connection());
    QStringList backfill;
    for (const QJsonValue &updateValue : indexUpdates) {
        const QJsonObject update = updateValue.toObject();
        if (update.contains(u"Create"_s)) {
            auto index =
                TableDefinition::parseIndex(update.value(u"Create"_s).toObject(), true, table);
            if (!index)
                return std::unexpected(index.error());
            if (table.index(index->name))
                return std::unexpected(Errors::validation(
                    u"One or more parameter values were invalid: Index with name %1 already "
                    u"exists"_s.arg(index->name)));
            int globals = 0;
            for (const SecondaryIndex &existing : table.indexes)
                globals += existing.global ? 1 : 0;
            if (globals >= 20)
                return std::unexpected(Errors::limitExceeded(
                    u"Subscriber limit exceeded: The number of global secondary indexes exceeds "
                    u"the limit of 20"_s));
            index->backfilledAtMs = now + IndexBackfillMs;
            table.indexes.append(*index);
            backfill.append(index->name);
            // The console shows the index turn ACTIVE.
            QTimer::singleShot(IndexBackfillMs + 50, this, [this] { noteTablesChanged(); });
        } else if (update.contains(u"Delete"_s)) {
            const QString name = update.value(u"Delete"_s)[u"IndexName"].toString();
            const SecondaryIndex *index = table.index(name);
            if (!index || !index->global)
                return std::unexpected(AwsError{u"ResourceNotFoundException"_s,
                    u"Requested resource not found: Index: %1 not found for table: %2"_s.arg(
                        name, table.name),
                    400,
                    true});
            if (!m_store->deleteIndex(table.id, name))
                return std::unexpected(storageError());
            table.indexes.removeIf([&name](const SecondaryIndex &i) { return i.name == name; });
        } else if (update.contains(u"Update"_s)) {
            const QJsonObject body = update.value(u"Update"_s).toObject();
            const QString name = body.value(u"IndexName"_s).toString();
            auto it = std::find_if(table.indexes.begin(),
                table.indexes.end(),
                [&name](const SecondaryIndex &i) { return i.name == name && i.global; });
            if (it == table.indexes.end())
                return std::unexpected(AwsError{u"ResourceNotFoundException"_s,
                    u"Requested resource not found: Index: %1 not found for table: %2"_s.arg(
                        name, table.name),
                    400,
                    true});
            const QJsonObject throughput = body.value(u"ProvisionedThroughput"_s).toObject();
            it->readCapacity = throughput.value(u"ReadCapacityUnits"_s).toInteger();
            it->writeCapacity = throughput.value(u"WriteCapacityUnits"_s).toInteger();
        }
        changed = true;
    }
    if (!changed)
        return std::unexpected(Errors::validation(
            u"At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
            u"GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required"_s));
    // A new GSI is backfilled from the existing items (AWS: CREATING, then ACTIVE).
    if (!backfill.isEmpty()) {
        std::optional<StoredItem> after;
        while (true) {
            const QList<StoredItem> batch = m_store->allItems(table.id, after, 500);
            for (const StoredItem &stored : batch) {
                const Item item = *itemFromJson(QJsonDocument::fromJson(stored.item).object());
                for (const QString &name : backfill) {
                    const SecondaryIndex *index = table.index(name);
                    auto key = KeyCodec::indexKey(item, *index);
                    if (!key || !*key)
                        continue; // items whose index key has another type stay out of the index
                    StoredItem entry = stored;
                    entry.indexHash = (*key)->hash;
                    entry.indexRange = (*key)->range;
                    if (!m_store->putIndexEntry(
                            table.id, name, entry, KeyCodec::segmentOf(entry.indexHash)))
                        return std::unexpected(storageError());
                }
            }
            if (batch.size() < 500)
                break;
            after = batch.back();
        }
    }
    // Disabling ends the stream (readable until its records expire); enabling starts a new one.
    if (streamToggled
        && !(table.streamEnabled ? startStream(table, now)
                                 : m_streamStore->endStreams(table.id, now)))
        return std::unexpected(storageError());
    if (!m_store->updateDefinition(table.id, TableDefinition::toStorage(table))
        || !transaction.commit())
        return std::unexpected(storageError());
    forgetTable(table.name);
    noteTablesChanged();
    return QJsonObject{{u"TableDescription"_s,
        TableDefinition::describe(table, u"UPDATING"_s, {}, m_clock->nowMs())}};
}

DynamoDbService::Response DynamoDbService::updateTimeToLive(const QJsonObject &request)
{
    auto loaded = tableFromRequest(request, true);
    if (!loaded)
        return std::unexpected(loaded.error());
    TableInfo table = *loaded;
    const QJsonObject specification = request.value(u"TimeToLiveSpecification"_s).toObject();
    const bool enable = specification.value(u"Enabled"_s).toBool();
    const QString attribute = specification.value(u"AttributeName"_s).toString();
    if (attribute.isEmpty() || attribute.toUtf8().size() > 255)
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'timeToLiveSpecification.attributeName' "
            u"failed to satisfy constraint: Member must have length greater than or equal to 1"_s
                .arg(attribute)));
    if (enable && table.ttlEnabled)
        return std::unexpected(Errors::validation(u"TimeToLive is already enabled"_s));
    if (!enable && !table.ttlEnabled)
        return std::unexpected(Errors::validation(u"TimeToLive is already disabled"_s));
    if (!enable && attribute != table.ttlAttribute)
        return std::unexpected(Errors::validation(
            u"TimeToLive is active on a different AttributeName: current AttributeName is %1"_s.arg(
                table.ttlAttribute)));
    table.ttlEnabled = enable;
    table.ttlAttribute = enable ? attribute : QString();
    Storage::SqlTransaction transaction(m_database.connection());
    std::optional<StoredItem> after;
    while (true) {
        const QList<StoredItem> batch = m_store->allItems(table.id, after, 500);
        for (const StoredItem &stored : batch) {
            std::optional<qint64> ttl;
            if (enable) {
                const QJsonObject value =
                    QJsonDocument::fromJson(stored.item).object().value(attribute).toObject();
                if (value.contains(u"N"_s))
                    ttl = qint64(value.value(u"N"_s).toString().toDouble());
            }
            if (!m_store->setTtl(table.id, stored.hashKey, stored.rangeKey, ttl))
                return std::unexpected(storageError());
        }
        if (batch.size() < 500)
            break;
        after = batch.back();
    }
    if (!m_store->updateDefinition(table.id, TableDefinition::toStorage(table))
        || !transaction.commit())
        return std::unexpected(storageError());
    forgetTable(table.name);
    noteTablesChanged();
    return QJsonObject{{u"TimeToLiveSpecification"_s,
        QJsonObject{{u"Enabled"_s, enable}, {u"AttributeName"_s, attribute}}}};
}

DynamoDbService::Response DynamoDbService::describeTimeToLive(const QJsonObject &request)
{
    auto table = tableFromRequest(request, true);
    if (!table)
        return std::unexpected(table.error());
    QJsonObject description{
        {u"TimeToLiveStatus"_s, table->ttlEnabled ? u"ENABLED"_s : u"DISABLED"_s}};
    if (table->ttlEnabled)
        description.insert(u"AttributeName"_s, table->ttlAttribute);
    return QJsonObject{{u"TimeToLiveDescription"_s, description}};
}

DynamoDbService::Response DynamoDbService::tagResource(const QJsonObject &request)
{
    auto loaded = tableFromArn(request.value(u"ResourceArn"_s).toString());
    if (!loaded)
        return std::unexpected(loaded.error());
    TableInfo table = *loaded;
    for (const QJsonValue &tag : request.value(u"Tags"_s).toArray()) {
        const QString key = tag[u"Key"].toString();
        table.tags.removeIf([&key](const auto &pair) { return pair.first == key; });
        table.tags.append({key, tag[u"Value"].toString()});
    }
    if (table.tags.size() > MaxTags)
        return std::unexpected(Errors::validation(u"The number of tags exceeds the limit of 50"_s));
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->updateDefinition(table.id, TableDefinition::toStorage(table))
        || !transaction.commit())
        return std::unexpected(storageError());
    forgetTable(table.name);
    noteTablesChanged();
    return QJsonObject();
}

DynamoDbService::Response DynamoDbService::untagResource(const QJsonObject &request)
{
    auto loaded = tableFromArn(request.value(u"ResourceArn"_s).toString());
    if (!loaded)
        return std::unexpected(loaded.error());
    TableInfo table = *loaded;
    for (const QJsonValue &key : request.value(u"TagKeys"_s).toArray())
        table.tags.removeIf([&key](const auto &pair) { return pair.first == key.toString(); });
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->updateDefinition(table.id, TableDefinition::toStorage(table))
        || !transaction.commit())
        return std::unexpected(storageError());
    forgetTable(table.name);
    noteTablesChanged();
    return QJsonObject();
}

DynamoDbService::Response DynamoDbService::listTagsOfResource(const QJsonObject &request)
{
    auto table = tableFromArn(request.value(u"ResourceArn"_s).toString());
    if (!table)
        return std::unexpected(table.error());
    QJsonArray tags;
    for (const auto &[key, value] : table->tags)
        tags.append(QJsonObject{{u"Key"_s, key}, {u"Value"_s, value}});
    return QJsonObject{{u"Tags"_s, tags}};
}

DynamoDbService::Response DynamoDbService::describeLimits(const QJsonObject &)
{
    return QJsonObject{{u"AccountMaxReadCapacityUnits"_s, 80000},
        {u"AccountMaxWriteCapacityUnits"_s, 80000},
        {u"TableMaxReadCapacityUnits"_s, 40000},
        {u"TableMaxWriteCapacityUnits"_s, 40000}};
}

DynamoDbService::Response DynamoDbService::describeEndpoints(const QJsonObject &)
{
    return QJsonObject{{u"Endpoints"_s,
        QJsonArray{QJsonObject{{u"Address"_s, u"dynamodb.%1.amazonaws.com"_s.arg(m_region)},
            {u"CachePeriodInMinutes"_s, 1440}}}}};
}

int DynamoDbService::sweepExpiredItems()
{
    const qint64 nowSeconds = m_clock->nowMs() / 1000;
    // AWS ignores TTL values more than five years in the past (DynamoDbStore::expired).
    int deleted = 0;
    Storage::SqlTransaction transaction(m_database.connection());
    const QList<DynamoDbStore::ExpiredItem> expired = m_store->expired(nowSeconds, 1000);
    QHash<qint64, TableInfo> tablesById;
    for (const TableInfo &table : tables())
        tablesById.insert(table.id, table);
    for (const DynamoDbStore::ExpiredItem &entry : expired) {
        const auto table = tablesById.constFind(entry.tableId);
        if (table == tablesById.cend())
            continue;
        const Item item = *itemFromJson(QJsonDocument::fromJson(entry.item.item).object());
        ItemWriter writer(
            *m_store, *m_streamStore, *table, m_clock->nowMs(), m_itemCollectionLimit);
        writer.setServiceDeletion(true);
        if (!writer.write({entry.item.hashKey, entry.item.rangeKey},
                item,
                entry.item.size,
                std::nullopt,
                nullptr))
            return 0;
        noteItemsChanged(table->name);
        ++deleted;
    }
    if (!m_streamStore->prune(m_clock->nowMs() - StreamRetentionMs))
        return 0;
    // Point-in-time recovery keeps changes for its recovery period; SYSTEM backups 35 days.
    for (const TableInfo &table : std::as_const(tablesById)) {
        if (table.pitrSinceMs >= 0
            && !m_store->deleteChanges(table.id, m_clock->nowMs() - table.pitrDays * 86'400'000LL))
            return 0;
    }
    for (const StoredBackup &backup : m_store->backups()) {
        if (backup.expiryMs >= 0 && backup.expiryMs <= m_clock->nowMs()
            && !m_store->deleteBackup(backup.arn))
            return 0;
    }
    if (!transaction.commit())
        return 0;
    return deleted;
}

} // namespace Core::DynamoDb
