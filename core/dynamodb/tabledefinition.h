// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/dynamodb/table.h"

#include <QByteArray>
#include <QJsonObject>

#include <limits>

namespace Core::DynamoDb::TableDefinition {

// CreateTable's request validated as AWS does (names, key schema, attribute definitions,
// indexes, billing); fills everything but id, arn and the counters.
Result<TableInfo> fromCreateRequest(const QJsonObject &request);
Result<SecondaryIndex> parseIndex(const QJsonObject &json, bool global, const TableInfo &table);
Status validateName(const QString &value, const QString &member);
Result<AttributeType> parseKeyType(const QString &text, const QString &member);

// Storage form (ddb_tables.definition).
QByteArray toStorage(const TableInfo &table);
TableInfo fromStorage(const QByteArray &json);

// DescribeTable's TableDescription. indexStats: per index name, (ItemCount, IndexSizeBytes).
// nowMs: when GSIs being backfilled still show CREATING (by default none does).
QJsonObject describe(const TableInfo &table,
    const QString &status,
    const QHash<QString, std::pair<qint64, qint64>> &indexStats = {},
    qint64 nowMs = std::numeric_limits<qint64>::max());
QJsonArray keySchemaJson(const KeySchema &key);
// The TableId DescribeTable and the backup operations show for a table's row id.
QString tableId(qint64 id);

} // namespace Core::DynamoDb::TableDefinition
