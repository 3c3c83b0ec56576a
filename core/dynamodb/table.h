// SPDX-License-Identifier: MIT
#pragma once

#include "core/dynamodb/attributevalue.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <utility>

namespace Core::DynamoDb {

struct KeySchema
{
    QString hashName;
    AttributeType hashType = AttributeType::S;
    QString rangeName; // empty: simple primary key
    AttributeType rangeType = AttributeType::S;

    bool hasRange() const { return !rangeName.isEmpty(); }
};

enum class ProjectionType {
    All,
    KeysOnly,
    Include,
};

struct SecondaryIndex
{
    QString name;
    bool global = true;
    KeySchema key;
    ProjectionType projection = ProjectionType::All;
    QStringList nonKeyAttributes;
    qint64 readCapacity = 0;
    qint64 writeCapacity = 0;
    // A GSI added by UpdateTable is CREATING (backfilling) until this time; 0: always ACTIVE.
    qint64 backfilledAtMs = 0;

    bool backfilling(qint64 nowMs) const { return backfilledAtMs > nowMs; }
};

// A table as DescribeTable shows it (value snapshot; crosses threads by copy).
struct TableInfo
{
    qint64 id = 0;
    QString name;
    QString arn;
    KeySchema key;
    QList<std::pair<QString, AttributeType>> attributeDefinitions;
    QList<SecondaryIndex> indexes;
    bool payPerRequest = false;
    qint64 readCapacity = 0;
    qint64 writeCapacity = 0;
    bool streamEnabled = false;
    QString streamViewType;
    QString streamLabel;
    bool deletionProtection = false;
    QString ttlAttribute;
    bool ttlEnabled = false;
    QString tableClass = QStringLiteral("STANDARD");
    QList<std::pair<QString, QString>> tags;
    qint64 createdMs = 0;
    bool indexBackfilling = false; // tables(): a GSI is still CREATING (the table is UPDATING)
    // Point-in-time recovery: on since this time (-1: off), for this many days back.
    qint64 pitrSinceMs = -1;
    int pitrDays = 35;
    // A table made by RestoreTableFromBackup or RestoreTableToPointInTime (RestoreSummary).
    QString restoredFromBackup;
    QString restoredFromTable;
    qint64 restoredAtMs = -1; // the point in time it holds; -1: not a restored table
    qint64 itemCount = 0;
    qint64 sizeBytes = 0;

    const SecondaryIndex *index(const QString &indexName) const;
};

} // namespace Core::DynamoDb

Q_DECLARE_METATYPE(Core::DynamoDb::TableInfo)
