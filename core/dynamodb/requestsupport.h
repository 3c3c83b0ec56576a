// SPDX-License-Identifier: MIT
#pragma once

#include "core/dynamodb/expression.h"
#include "core/dynamodb/keycodec.h"
#include "core/dynamodb/table.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace Core::DynamoDb {

class DynamoDbStore;

// Capacity consumed by one request on one table, per index (RCU/WCU arithmetic of AWS:
// reads in 4 KB units halved when eventually consistent, writes in 1 KB units, both doubled in
// transactions).
struct Capacity
{
    enum class Mode {
        None,
        Total,
        Indexes,
    };
    QString tableName;
    double table = 0;
    QHash<QString, double> global;
    QHash<QString, double> local;

    double total() const;
    QJsonObject toJson(Mode mode, bool read) const;

    static double readUnits(qint64 bytes, bool consistent);
    static double writeUnits(qint64 bytes);
};

namespace RequestSupport {

Result<Capacity::Mode> capacityMode(const QJsonObject &request);
// ExpressionAttributeNames / ExpressionAttributeValues, validated.
Result<ExpressionContext> expressionContext(const QJsonObject &request);
// ReturnValues: allowed is the list of values the operation accepts.
Result<QString> returnValues(const QJsonObject &request, const QStringList &allowed);
Result<Item> itemParameter(const QJsonObject &request, const QString &member);
// The attributes an index holds for an item (keys plus projection).
Item projectForIndex(const Item &item, const TableInfo &table, const SecondaryIndex &index);
QString tableNameOf(const QJsonObject &request);

} // namespace RequestSupport

// Writes (or deletes) one item with its index entries, TTL column and the table's counters,
// adding the write units to a Capacity. Callers hold a SqlTransaction.
class ItemWriter final
{
public:
    ItemWriter(DynamoDbStore &store, const TableInfo &table);

    static constexpr qint64 MaxItemSize = 400 * 1024;

    // Validates a new item (size, index key types) without writing.
    static Status validate(const Item &item, const TableInfo &table);
    Status write(const KeyCodec::EncodedKey &key,
        const std::optional<Item> &old,
        qint64 oldSize,
        const std::optional<Item> &next,
        Capacity *capacity,
        double multiplier = 1.0);

private:
    DynamoDbStore &m_store;
    const TableInfo &m_table;
};

} // namespace Core::DynamoDb
