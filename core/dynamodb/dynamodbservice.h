// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/dynamodb/dynamodbstore.h"
#include "core/dynamodb/table.h"
#include "core/dynamodb/throughputlimiter.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

namespace Core {
class Clock;
class Coalescer;
class MetricSink;
} // namespace Core
namespace Core::Storage {
class Database;
}

namespace Core::DynamoDb {

class DynamoDbStore;
class ItemWriter;
class StreamStore;

// DynamoDB: tables, items, queries, transactions and TTL. Lives on the core thread and owns the
// ddb_* tables through DynamoDbStore. Operations take and return the API's JSON documents
// (DynamoDB JSON is the service's own data model, and the console edits it too); every write
// runs in a SqlTransaction so a failed operation leaves nothing behind. tablesChanged() and
// itemsChanged() announce changes, coalesced to at most one per 150 ms. Requests made through
// call() report AWS/DynamoDB metrics to the MetricSink.
class DynamoDbService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DynamoDbService)

public:
    DynamoDbService(Storage::Database &database,
        Clock *clock,
        QString region,
        QString accountId,
        QObject *parent = nullptr);
    ~DynamoDbService() override;

    using Response = Result<QJsonObject>;
    using Operation = Response (DynamoDbService::*)(const QJsonObject &);

    // Null: report nothing.
    void setMetricSink(MetricSink *sink) { m_metricSink = sink; }
    // Runs one API request (operationName as on the wire, "PutItem"): throttles PROVISIONED
    // tables (and their GSIs) past their capacity (ProvisionedThroughputExceededException;
    // batches leave the excess in UnprocessedItems/UnprocessedKeys, transactions are cancelled)
    // and reports the request's metrics: consumed capacity, latency, returned
    // items and errors.
    // With rawItems, GetItem, Query and Scan may answer the stored items as DynamoDB JSON text
    // (saves decoding and encoding them again): "Item" is then an empty object, "Items" an
    // empty array, and the caller splices rawItems into the encoded answer.
    Response call(const QString &operationName,
        Operation operation,
        const QJsonObject &request,
        QList<QByteArray> *rawItems = nullptr);

    Response createTable(const QJsonObject &request);
    Response describeTable(const QJsonObject &request);
    Response listTables(const QJsonObject &request);
    Response updateTable(const QJsonObject &request);
    Response deleteTable(const QJsonObject &request);
    Response updateTimeToLive(const QJsonObject &request);
    Response describeTimeToLive(const QJsonObject &request);
    Response tagResource(const QJsonObject &request);
    Response untagResource(const QJsonObject &request);
    Response listTagsOfResource(const QJsonObject &request);
    Response describeLimits(const QJsonObject &request);
    Response describeEndpoints(const QJsonObject &request);

    Response putItem(const QJsonObject &request);
    Response getItem(const QJsonObject &request);
    Response updateItem(const QJsonObject &request);
    Response deleteItem(const QJsonObject &request);
    Response query(const QJsonObject &request);
    Response scan(const QJsonObject &request);
    Response batchGetItem(const QJsonObject &request);
    Response batchWriteItem(const QJsonObject &request);
    Response transactWriteItems(const QJsonObject &request);
    Response transactGetItems(const QJsonObject &request);
    Response executeStatement(const QJsonObject &request);
    Response batchExecuteStatement(const QJsonObject &request);
    Response executeTransaction(const QJsonObject &request);
    // Backups and point-in-time recovery (backupoperations.cpp, DDB-39). A restore makes a new
    // table with the source's keys, indexes and billing (overrides allowed), but not its
    // streams, TTL, tags or point-in-time recovery, as in AWS.
    Response createBackup(const QJsonObject &request);
    Response describeBackup(const QJsonObject &request);
    Response listBackups(const QJsonObject &request);
    Response deleteBackup(const QJsonObject &request);
    Response restoreTableFromBackup(const QJsonObject &request);
    Response updateContinuousBackups(const QJsonObject &request);
    Response describeContinuousBackups(const QJsonObject &request);
    Response restoreTableToPointInTime(const QJsonObject &request);
    // AWS: the newest point a restore may choose lies about five minutes back.
    static constexpr qint64 PitrLatencyMs = 5LL * 60 * 1000;

    // Snapshots for the console.
    QList<TableInfo> tables() const;

    // Deletes items whose TTL attribute lies in the past; returns how many. Also drops stream
    // records older than 24 hours and disabled streams whose records have all expired, changes
    // older than point-in-time recovery keeps, and SYSTEM backups past their expiry.
    int sweepExpiredItems();
    static constexpr qint64 StreamRetentionMs = 24LL * 3600 * 1000;

    // The item collection limit of tables with an LSI (AWS: 10 GB); tests lower it.
    void setItemCollectionSizeLimit(qint64 bytes) { m_itemCollectionLimit = bytes; }

signals:
    void tablesChanged();
    void itemsChanged(const QStringList &tableNames);

private:
    friend class ItemWriter;
    struct LoadedTable;
    struct PartiqlStatement;
    Result<PartiqlStatement> translateStatement(const QJsonObject &request) const;

    Result<TableInfo> loadTable(const QString &name, bool describeStyleError = false) const;
    Result<TableInfo> tableFromRequest(
        const QJsonObject &request, bool describeStyleError = false) const;
    void forgetTable(const QString &name);
    void noteItemsChanged(const QString &tableName);
    void noteTablesChanged();
    Response writeOne(const QJsonObject &request, const QString &operation);
    // One item of a request that found its table or a GSI out of capacity: one
    // ReadThrottleEvents / WriteThrottleEvents per resource.
    struct ThrottleEvent
    {
        QString table;
        QString globalIndex; // empty: the table itself
        bool read = false;
    };
    // Records the throttle events of the request call() is running (none outside call()).
    void noteThrottled(
        const QString &table, bool read, const ThroughputLimiter::Exhausted &exhausted);
    void reportMetrics(const QString &operationName,
        const QJsonObject &request,
        const Response &response,
        double latencyMs,
        const QList<ThrottleEvent> &throttleEvents);
    // Query whose FilterExpression may name key attributes (PartiQL SELECT's WHERE).
    Response queryImpl(const QJsonObject &request, bool keyFilterAllowed);
    QString tableArn(const QString &name) const;
    // A new stream for the table (CreateTable or UpdateTable enabling it); in a transaction.
    bool startStream(const TableInfo &table, qint64 nowMs);
    Result<TableInfo> tableFromArn(const QString &arn) const;
    // Backups (backupoperations.cpp).
    Result<StoredBackup> writeBackup(
        const TableInfo &table, const QString &name, const QString &type);
    QJsonObject backupDetails(const StoredBackup &backup) const;
    QJsonObject backupDescription(const StoredBackup &backup) const;
    // A new table `target` made from `source`'s definition with the restore's overrides,
    // holding `items` (DynamoDB JSON).
    Response restoreInto(const QString &target,
        TableInfo source,
        const QJsonObject &request,
        const QList<QByteArray> &items,
        const QString &backupArn,
        qint64 pointInTimeMs);
    // The table for a backup or PITR request: TableNotFoundException when there is none.
    Result<TableInfo> backupTable(const QString &nameOrArn) const;

    Storage::Database &m_database;
    Clock *m_clock;
    QString m_region;
    QString m_accountId;
    std::unique_ptr<DynamoDbStore> m_store;
    std::unique_ptr<StreamStore> m_streamStore;
    mutable QHash<QString, TableInfo> m_tableCache;
    Coalescer *m_itemsCoalescer;
    Coalescer *m_tablesCoalescer;
    QSet<QString> m_changedTables;
    qint64 m_itemCollectionLimit = 10LL * 1024 * 1024 * 1024;
    MetricSink *m_metricSink = nullptr;
    ThroughputLimiter m_throughput;
    QList<QByteArray> *m_rawItems = nullptr; // set by call() around GetItem, Query and Scan
    QList<ThrottleEvent> *m_throttleEvents = nullptr; // set by call() around metered requests
};

} // namespace Core::DynamoDb
