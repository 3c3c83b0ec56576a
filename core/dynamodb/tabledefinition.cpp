// SPDX-License-Identifier: MIT
#include "core/dynamodb/tabledefinition.h"

#include "core/dynamodb/dynamodberrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

const SecondaryIndex *TableInfo::index(const QString &indexName) const
{
    for (const SecondaryIndex &candidate : indexes)
        if (candidate.name == indexName)
            return &candidate;
    return nullptr;
}

namespace TableDefinition {

namespace {

constexpr int MaxGlobalIndexes = 20;
constexpr int MaxLocalIndexes = 5;

AwsError constraint(const QString &value, const QString &member, const QString &rule)
{
    return Errors::validation(
        u"1 validation error detected: Value '%1' at '%2' failed to satisfy constraint: %3"_s.arg(
            value, member, rule));
}

QString projectionName(ProjectionType type)
{
    switch (type) {
    case ProjectionType::All:
        return u"ALL"_s;
    case ProjectionType::KeysOnly:
        return u"KEYS_ONLY"_s;
    case ProjectionType::Include:
        return u"INCLUDE"_s;
    }
    return {};
}

// KeySchema [{AttributeName, KeyType}] with types looked up in the attribute definitions.
Result<KeySchema> parseKeySchema(const QJsonValue &json,
    const QHash<QString, AttributeType> &definitions,
    QSet<QString> &usedAttributes)
{
    const QJsonArray array = json.toArray();
    if (array.isEmpty() || array.size() > 2)
        return std::unexpected(array.isEmpty()
                ? Errors::validation(u"1 validation error detected: Value null at 'keySchema' "
                                     u"failed to satisfy constraint: Member must not be null"_s)
                : Errors::validation(u"1 validation error detected: Value at 'keySchema' failed "
                                     u"to satisfy constraint: Member must have length less than "
                                     u"or equal to 2"_s));
    KeySchema key;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject element = array[i].toObject();
        const QString name = element.value(u"AttributeName"_s).toString();
        const QString type = element.value(u"KeyType"_s).toString();
        if (name.isEmpty() || name.toUtf8().size() > 255)
            return std::unexpected(constraint(name,
                u"keySchema.%1.member.attributeName"_s.arg(i + 1),
                name.isEmpty() ? u"Member must have length greater than or equal to 1"_s
                               : u"Member must have length less than or equal to 255"_s));
        if (type != u"HASH" && type != u"RANGE")
            return std::unexpected(constraint(type,
                u"keySchema.%1.member.keyType"_s.arg(i + 1),
                u"Member must satisfy enum value set: [HASH, RANGE]"_s));
        if ((i == 0) != (type == u"HASH"))
            return std::unexpected(Errors::invalidParameter(i == 0
                    ? u"Invalid KeySchema: The first KeySchemaElement is not a HASH key type"_s
                    : u"Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"_s));
        if (!definitions.contains(name))
            return std::unexpected(Errors::invalidParameter(
                u"Some index key attributes are not defined in AttributeDefinitions. Keys: [%1], "
                u"AttributeDefinitions: [%2]"_s.arg(
                    name, QStringList(definitions.keys()).join(u", "_s))));
        usedAttributes.insert(name);
        if (i == 0) {
            key.hashName = name;
            key.hashType = definitions.value(name);
        } else {
            if (name == key.hashName)
                return std::unexpected(Errors::invalidParameter(
                    u"Both the Hash Key and the Range Key element in the KeySchema have the same "
                    u"name"_s));
            key.rangeName = name;
            key.rangeType = definitions.value(name);
        }
    }
    return key;
}

Result<std::pair<qint64, qint64>> parseThroughput(
    const QJsonValue &json, bool payPerRequest, const QString &what)
{
    if (payPerRequest) {
        if (!json.isUndefined() && !json.isNull())
            return std::unexpected(Errors::invalidParameter(
                u"Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
                u"BillingMode is PAY_PER_REQUEST"_s));
        return std::make_pair(qint64(0), qint64(0));
    }
    const QJsonObject object = json.toObject();
    if (!object.contains(u"ReadCapacityUnits"_s) || !object.contains(u"WriteCapacityUnits"_s))
        return std::unexpected(Errors::invalidParameter(what.isEmpty()
                ? u"ReadCapacityUnits and WriteCapacityUnits must both be specified "
                  u"when BillingMode is PROVISIONED"_s
                : u"ProvisionedThroughput should not be empty for index: %1"_s.arg(what)));
    const qint64 read = qint64(object.value(u"ReadCapacityUnits"_s).toDouble());
    const qint64 write = qint64(object.value(u"WriteCapacityUnits"_s).toDouble());
    if (read < 1 || write < 1)
        return std::unexpected(Errors::validation(
            u"One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits "
            u"must both be greater than 0"_s));
    return std::make_pair(read, write);
}

} // namespace

Status validateName(const QString &value, const QString &member)
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_.-]+$"_s);
    if (value.size() < 3)
        return std::unexpected(
            constraint(value, member, u"Member must have length greater than or equal to 3"_s));
    if (value.size() > 255)
        return std::unexpected(
            constraint(value, member, u"Member must have length less than or equal to 255"_s));
    if (!pattern.match(value).hasMatch())
        return std::unexpected(constraint(
            value, member, u"Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"_s));
    return {};
}

Result<AttributeType> parseKeyType(const QString &text, const QString &member)
{
    if (text == u"S")
        return AttributeType::S;
    if (text == u"N")
        return AttributeType::N;
    if (text == u"B")
        return AttributeType::B;
    return std::unexpected(
        constraint(text, member, u"Member must satisfy enum value set: [B, N, S]"_s));
}

Result<SecondaryIndex> parseIndex(const QJsonObject &json, bool global, const TableInfo &table)
{
    SecondaryIndex index;
    index.global = global;
    index.name = json.value(u"IndexName"_s).toString();
    if (auto ok = validateName(index.name, u"indexName"_s); !ok)
        return std::unexpected(ok.error());
    QHash<QString, AttributeType> definitions;
    for (const auto &[name, type] : table.attributeDefinitions)
        definitions.insert(name, type);
    QSet<QString> used;
    auto key = parseKeySchema(json.value(u"KeySchema"_s), definitions, used);
    if (!key)
        return std::unexpected(key.error());
    index.key = *key;
    if (!global) {
        if (!table.key.hasRange())
            return std::unexpected(Errors::invalidParameter(
                u"Table KeySchema does not have a range key, which is required when specifying a "
                u"LocalSecondaryIndex"_s));
        if (index.key.hashName != table.key.hashName)
            return std::unexpected(Errors::invalidParameter(
                u"Index KeySchema does not have the same leading hash key as table KeySchema for "
                u"index: %1. index hash key: %2, table hash key: %3"_s.arg(
                    index.name, index.key.hashName, table.key.hashName)));
        if (!index.key.hasRange())
            return std::unexpected(Errors::invalidParameter(
                u"Index KeySchema must have a range key for index: %1"_s.arg(index.name)));
    }
    const QJsonObject projection = json.value(u"Projection"_s).toObject();
    const QString type = projection.value(u"ProjectionType"_s).toString();
    if (type == u"ALL" || type.isEmpty())
        index.projection = ProjectionType::All;
    else if (type == u"KEYS_ONLY")
        index.projection = ProjectionType::KeysOnly;
    else if (type == u"INCLUDE")
        index.projection = ProjectionType::Include;
    else
        return std::unexpected(constraint(type,
            u"projection.projectionType"_s,
            u"Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]"_s));
    for (const QJsonValue &name : projection.value(u"NonKeyAttributes"_s).toArray())
        index.nonKeyAttributes.append(name.toString());
    if (index.projection == ProjectionType::Include && index.nonKeyAttributes.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"ProjectionType is INCLUDE, but NonKeyAttributes is not specified"_s));
    if (index.projection != ProjectionType::Include && !index.nonKeyAttributes.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"ProjectionType is %1, but NonKeyAttributes is specified"_s.arg(
                projectionName(index.projection))));
    if (global) {
        auto throughput = parseThroughput(
            json.value(u"ProvisionedThroughput"_s), table.payPerRequest, index.name);
        if (!throughput)
            return std::unexpected(throughput.error());
        index.readCapacity = throughput->first;
        index.writeCapacity = throughput->second;
    }
    return index;
}

Result<TableInfo> fromCreateRequest(const QJsonObject &request)
{
    TableInfo table;
    if (!request.contains(u"TableName"_s))
        return std::unexpected(Errors::validation(u"1 validation error detected: Value null at "
                                                  u"'tableName' failed to satisfy constraint: "
                                                  u"Member must not be null"_s));
    table.name = request.value(u"TableName"_s).toString();
    if (auto ok = validateName(table.name, u"tableName"_s); !ok)
        return std::unexpected(ok.error());
    QHash<QString, AttributeType> definitions;
    const QJsonArray definitionArray = request.value(u"AttributeDefinitions"_s).toArray();
    for (qsizetype i = 0; i < definitionArray.size(); ++i) {
        const QJsonObject definition = definitionArray[i].toObject();
        const QString name = definition.value(u"AttributeName"_s).toString();
        auto type = parseKeyType(definition.value(u"AttributeType"_s).toString(),
            u"attributeDefinitions.%1.member.attributeType"_s.arg(i + 1));
        if (!type)
            return std::unexpected(type.error());
        if (definitions.contains(name))
            return std::unexpected(Errors::invalidParameter(
                u"Duplicate AttributeName in AttributeDefinitions: %1"_s.arg(name)));
        definitions.insert(name, *type);
        table.attributeDefinitions.append({name, *type});
    }
    QSet<QString> used;
    auto key = parseKeySchema(request.value(u"KeySchema"_s), definitions, used);
    if (!key)
        return std::unexpected(key.error());
    table.key = *key;

    const QString billing = request.value(u"BillingMode"_s).toString(u"PROVISIONED"_s);
    if (billing != u"PROVISIONED" && billing != u"PAY_PER_REQUEST")
        return std::unexpected(constraint(billing,
            u"billingMode"_s,
            u"Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]"_s));
    table.payPerRequest = billing == u"PAY_PER_REQUEST";
    auto throughput =
        parseThroughput(request.value(u"ProvisionedThroughput"_s), table.payPerRequest, {});
    if (!throughput)
        return std::unexpected(throughput.error());
    table.readCapacity = throughput->first;
    table.writeCapacity = throughput->second;

    const QJsonArray globals = request.value(u"GlobalSecondaryIndexes"_s).toArray();
    const QJsonArray locals = request.value(u"LocalSecondaryIndexes"_s).toArray();
    if (globals.size() > MaxGlobalIndexes)
        return std::unexpected(Errors::invalidParameter(
            u"GlobalSecondaryIndex count exceeds the per-table limit of %1"_s.arg(
                MaxGlobalIndexes)));
    if (locals.size() > MaxLocalIndexes)
        return std::unexpected(Errors::invalidParameter(
            u"Number of LocalSecondaryIndexes exceeds per-table limit of %1"_s.arg(
                MaxLocalIndexes)));
    QSet<QString> indexNames;
    for (int pass = 0; pass < 2; ++pass) {
        for (const QJsonValue &json : pass == 0 ? locals : globals) {
            auto index = parseIndex(json.toObject(), pass == 1, table);
            if (!index)
                return std::unexpected(index.error());
            if (indexNames.contains(index->name))
                return std::unexpected(
                    Errors::invalidParameter(u"Duplicate index name: %1"_s.arg(index->name)));
            indexNames.insert(index->name);
            used.insert(index->key.hashName);
            if (index->key.hasRange())
                used.insert(index->key.rangeName);
            table.indexes.append(*index);
        }
    }
    if (used.size() != definitions.size())
        return std::unexpected(Errors::invalidParameter(
            u"Number of attributes in KeySchema does not exactly match number of attributes "
            u"defined in AttributeDefinitions"_s));

    const QJsonObject stream = request.value(u"StreamSpecification"_s).toObject();
    table.streamEnabled = stream.value(u"StreamEnabled"_s).toBool();
    if (table.streamEnabled) {
        table.streamViewType = stream.value(u"StreamViewType"_s).toString();
        static const QSet<QString> views{
            u"KEYS_ONLY"_s, u"NEW_IMAGE"_s, u"OLD_IMAGE"_s, u"NEW_AND_OLD_IMAGES"_s};
        if (!views.contains(table.streamViewType))
            return std::unexpected(Errors::validation(
                u"1 validation error detected: Value '%1' at 'streamSpecification.streamViewType' "
                u"failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, "
                u"OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]"_s.arg(table.streamViewType)));
    }
    table.deletionProtection = request.value(u"DeletionProtectionEnabled"_s).toBool();
    table.tableClass = request.value(u"TableClass"_s).toString(u"STANDARD"_s);
    for (const QJsonValue &tag : request.value(u"Tags"_s).toArray())
        table.tags.append({tag[u"Key"].toString(), tag[u"Value"].toString()});
    return table;
}

namespace {

QJsonObject keySchemaStorage(const KeySchema &key)
{
    return {{u"hash"_s, key.hashName},
        {u"hashType"_s, typeName(key.hashType)},
        {u"range"_s, key.rangeName},
        {u"rangeType"_s, typeName(key.rangeType)}};
}

AttributeType typeFromName(const QString &name)
{
    return name == u"N" ? AttributeType::N : name == u"B" ? AttributeType::B : AttributeType::S;
}

KeySchema keySchemaFromStorage(const QJsonObject &json)
{
    return {json[u"hash"].toString(),
        typeFromName(json[u"hashType"].toString()),
        json[u"range"].toString(),
        typeFromName(json[u"rangeType"].toString())};
}

ProjectionType projectionFromName(const QString &name)
{
    return name == u"KEYS_ONLY" ? ProjectionType::KeysOnly
        : name == u"INCLUDE"    ? ProjectionType::Include
                                : ProjectionType::All;
}

} // namespace

QByteArray toStorage(const TableInfo &table)
{
    QJsonArray definitions;
    for (const auto &[name, type] : table.attributeDefinitions)
        definitions.append(QJsonObject{{u"name"_s, name}, {u"type"_s, typeName(type)}});
    QJsonArray indexes;
    for (const SecondaryIndex &index : table.indexes)
        indexes.append(QJsonObject{{u"name"_s, index.name},
            {u"global"_s, index.global},
            {u"key"_s, keySchemaStorage(index.key)},
            {u"projection"_s, projectionName(index.projection)},
            {u"nonKey"_s, QJsonArray::fromStringList(index.nonKeyAttributes)},
            {u"rcu"_s, index.readCapacity},
            {u"wcu"_s, index.writeCapacity},
            {u"backfilledAt"_s, index.backfilledAtMs}});
    QJsonArray tags;
    for (const auto &[key, value] : table.tags)
        tags.append(QJsonObject{{u"Key"_s, key}, {u"Value"_s, value}});
    const QJsonObject json{{u"arn"_s, table.arn},
        {u"key"_s, keySchemaStorage(table.key)},
        {u"definitions"_s, definitions},
        {u"indexes"_s, indexes},
        {u"payPerRequest"_s, table.payPerRequest},
        {u"rcu"_s, table.readCapacity},
        {u"wcu"_s, table.writeCapacity},
        {u"streamEnabled"_s, table.streamEnabled},
        {u"streamViewType"_s, table.streamViewType},
        {u"streamLabel"_s, table.streamLabel},
        {u"deletionProtection"_s, table.deletionProtection},
        {u"ttlAttribute"_s, table.ttlAttribute},
        {u"ttlEnabled"_s, table.ttlEnabled},
        {u"tableClass"_s, table.tableClass},
        {u"tags"_s, tags},
        {u"pitrSince"_s, table.pitrSinceMs},
        {u"pitrDays"_s, table.pitrDays},
        {u"restoredFromBackup"_s, table.restoredFromBackup},
        {u"restoredFromTable"_s, table.restoredFromTable},
        {u"restoredAt"_s, table.restoredAtMs}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

TableInfo fromStorage(const QByteArray &data)
{
    const QJsonObject json = QJsonDocument::fromJson(data).object();
    TableInfo table;
    table.arn = json[u"arn"].toString();
    table.key = keySchemaFromStorage(json[u"key"].toObject());
    for (const QJsonValue &definition : json[u"definitions"].toArray())
        table.attributeDefinitions.append(
            {definition[u"name"].toString(), typeFromName(definition[u"type"].toString())});
    for (const QJsonValue &value : json[u"indexes"].toArray()) {
        SecondaryIndex index;
        index.name = value[u"name"].toString();
        index.global = value[u"global"].toBool();
        index.key = keySchemaFromStorage(value[u"key"].toObject());
        index.projection = projectionFromName(value[u"projection"].toString());
        for (const QJsonValue &name : value[u"nonKey"].toArray())
            index.nonKeyAttributes.append(name.toString());
        index.readCapacity = value[u"rcu"].toInteger();
        index.writeCapacity = value[u"wcu"].toInteger();
        index.backfilledAtMs = value[u"backfilledAt"].toInteger();
        table.indexes.append(index);
    }
    table.payPerRequest = json[u"payPerRequest"].toBool();
    table.readCapacity = json[u"rcu"].toInteger();
    table.writeCapacity = json[u"wcu"].toInteger();
    table.streamEnabled = json[u"streamEnabled"].toBool();
    table.streamViewType = json[u"streamViewType"].toString();
    table.streamLabel = json[u"streamLabel"].toString();
    table.deletionProtection = json[u"deletionProtection"].toBool();
    table.ttlAttribute = json[u"ttlAttribute"].toString();
    table.ttlEnabled = json[u"ttlEnabled"].toBool();
    table.tableClass = json[u"tableClass"].toString();
    for (const QJsonValue &tag : json[u"tags"].toArray())
        table.tags.append({tag[u"Key"].toString(), tag[u"Value"].toString()});
    table.pitrSinceMs = json[u"pitrSince"].toInteger(-1);
    table.pitrDays = int(json[u"pitrDays"].toInteger(35));
    table.restoredFromBackup = json[u"restoredFromBackup"].toString();
    table.restoredFromTable = json[u"restoredFromTable"].toString();
    table.restoredAtMs = json[u"restoredAt"].toInteger(-1);
    return table;
}

QString tableId(qint64 id)
{
    return QString::fromLatin1(QByteArray::number(id).rightJustified(8, '0'))
        + u"-0000-4000-8000-000000000000"_s;
}

QJsonArray keySchemaJson(const KeySchema &key)
{
    QJsonArray array{QJsonObject{{u"AttributeName"_s, key.hashName}, {u"KeyType"_s, u"HASH"_s}}};
    if (key.hasRange())
        array.append(QJsonObject{{u"AttributeName"_s, key.rangeName}, {u"KeyType"_s, u"RANGE"_s}});
    return array;
}

QJsonObject describe(const TableInfo &table,
    const QString &status,
    const QHash<QString, std::pair<qint64, qint64>> &indexStats,
    qint64 nowMs)
{
    const auto throughput = [](qint64 read, qint64 write) {
        return QJsonObject{{u"NumberOfDecreasesToday"_s, 0},
            {u"ReadCapacityUnits"_s, read},
            {u"WriteCapacityUnits"_s, write}};
    };
    QJsonArray definitions;
    for (const auto &[name, type] : table.attributeDefinitions)
        definitions.append(
            QJsonObject{{u"AttributeName"_s, name}, {u"AttributeType"_s, typeName(type)}});
    QJsonObject description{
        {u"AttributeDefinitions"_s, definitions},
        {u"TableName"_s, table.name},
        {u"KeySchema"_s, keySchemaJson(table.key)},
        {u"TableStatus"_s, status},
        {u"CreationDateTime"_s, double(table.createdMs) / 1000.0},
        {u"ProvisionedThroughput"_s, throughput(table.readCapacity, table.writeCapacity)},
        {u"TableSizeBytes"_s, table.sizeBytes},
        {u"ItemCount"_s, table.itemCount},
        {u"TableArn"_s, table.arn},
        {u"TableId"_s, tableId(table.id)},
        {u"DeletionProtectionEnabled"_s, table.deletionProtection},
    };
    if (table.payPerRequest)
        description.insert(u"BillingModeSummary"_s,
            QJsonObject{{u"BillingMode"_s, u"PAY_PER_REQUEST"_s},
                {u"LastUpdateToPayPerRequestDateTime"_s, double(table.createdMs) / 1000.0}});
    if (table.restoredAtMs >= 0) {
        QJsonObject summary{{u"SourceTableArn"_s, table.restoredFromTable},
            {u"RestoreDateTime"_s, double(table.restoredAtMs) / 1000.0},
            {u"RestoreInProgress"_s, status == u"CREATING"}};
        if (!table.restoredFromBackup.isEmpty())
            summary.insert(u"SourceBackupArn"_s, table.restoredFromBackup);
        description.insert(u"RestoreSummary"_s, summary);
    }
    if (table.tableClass != u"STANDARD")
        description.insert(
            u"TableClassSummary"_s, QJsonObject{{u"TableClass"_s, table.tableClass}});
    QJsonArray globals;
    QJsonArray locals;
    for (const SecondaryIndex &index : table.indexes) {
        QJsonObject projection{{u"ProjectionType"_s, projectionName(index.projection)}};
        if (!index.nonKeyAttributes.isEmpty())
            projection.insert(
                u"NonKeyAttributes"_s, QJsonArray::fromStringList(index.nonKeyAttributes));
        const auto stats = indexStats.value(index.name);
        QJsonObject json{{u"IndexName"_s, index.name},
            {u"KeySchema"_s, keySchemaJson(index.key)},
            {u"Projection"_s, projection},
            {u"IndexSizeBytes"_s, stats.second},
            {u"ItemCount"_s, stats.first},
            {u"IndexArn"_s, QString(table.arn + u"/index/"_s + index.name)}};
        if (index.global) {
            const bool backfilling = index.backfilling(nowMs);
            json.insert(u"IndexStatus"_s, backfilling ? u"CREATING"_s : u"ACTIVE"_s);
            if (backfilling)
                json.insert(u"Backfilling"_s, true);
            json.insert(
                u"ProvisionedThroughput"_s, throughput(index.readCapacity, index.writeCapacity));
            globals.append(json);
        } else {
            locals.append(json);
        }
    }
    if (!globals.isEmpty())
        description.insert(u"GlobalSecondaryIndexes"_s, globals);
    if (!locals.isEmpty())
        description.insert(u"LocalSecondaryIndexes"_s, locals);
    if (table.streamEnabled) {
        description.insert(u"StreamSpecification"_s,
            QJsonObject{{u"StreamEnabled"_s, true}, {u"StreamViewType"_s, table.streamViewType}});
        description.insert(u"LatestStreamLabel"_s, table.streamLabel);
        description.insert(
            u"LatestStreamArn"_s, QString(table.arn + u"/stream/"_s + table.streamLabel));
    }
    return description;
}

} // namespace TableDefinition

} // namespace Core::DynamoDb
