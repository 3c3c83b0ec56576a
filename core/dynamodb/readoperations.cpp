// SPDX-License-Identifier: MIT
// Query and Scan: pages of at most Limit evaluated items and 1 MB, FilterExpression applied after
// the limit, read capacity from the bytes read.
#include "core/dynamodb/dynamodbservice.h"

#include "core/common/clock.h"

#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/dynamodbstore.h"
#include "core/dynamodb/expressionevaluator.h"
#include "core/dynamodb/expressionparser.h"
#include "core/dynamodb/requestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

constexpr qint64 PageBytes = 1024 * 1024;
constexpr int FetchChunk = 256;

struct ReadPlan
{
    TableInfo table;
    std::optional<SecondaryIndex> index;
    std::optional<ExpressionNode> filter;
    std::optional<QList<DocumentPath>> projection;
    QString select;
    int limit = 0;
    bool consistent = false;
    Capacity::Mode mode = Capacity::Mode::None;
    std::optional<StartAfter> start;
    // Set: items that go out as stored are collected here as DynamoDB JSON text, and "Items"
    // is left an empty array for the caller to fill (DynamoDbService::call).
    QList<QByteArray> *rawItems = nullptr;
};

void collectNames(const ExpressionNode &node, QSet<QString> &names)
{
    if (node.kind == ExpressionNode::Kind::Path && !node.path.isEmpty())
        names.insert(node.path[0].name);
    for (const ExpressionNode &child : node.children)
        collectNames(child, names);
}

AwsError badStartKey()
{
    return Errors::validation(u"The provided starting key is invalid: The provided key element "
                              u"does not match the schema"_s);
}

// Common parameters of Query and Scan; fills plan (all but start).
Status parseReadRequest(const QJsonObject &request,
    ReadPlan &plan,
    ExpressionContext &context,
    const std::function<Result<TableInfo>()> &loadTable)
{
    auto table = loadTable();
    if (!table)
        return std::unexpected(table.error());
    if (auto modern = RequestSupport::rejectLegacyParameters(request); !modern)
        return modern;
    plan.table = *table;
    auto mode = RequestSupport::capacityMode(request);
    if (!mode)
        return std::unexpected(mode.error());
    plan.mode = *mode;
    if (request.contains(u"IndexName"_s)) {
        const QString name = request.value(u"IndexName"_s).toString();
        const SecondaryIndex *index = plan.table.index(name);
        if (!index)
            return std::unexpected(
                Errors::validation(u"The table does not have the specified index: %1"_s.arg(name)));
        plan.index = *index;
    }
    plan.consistent = request.value(u"ConsistentRead"_s).toBool();
    if (plan.consistent && plan.index && plan.index->global)
        return std::unexpected(Errors::validation(
            u"Consistent reads are not supported on global secondary indexes"_s));
    if (request.contains(u"Limit"_s)) {
        plan.limit = request.value(u"Limit"_s).toInt();
        if (plan.limit < 1)
            return std::unexpected(Errors::validation(
                u"1 validation error detected: Value '%1' at 'limit' failed to satisfy "
                u"constraint: Member must have value greater than or equal to 1"_s.arg(
                    plan.limit)));
    }
    if (request.contains(u"FilterExpression"_s)) {
        auto filter = ExpressionParser::parseCondition(
            request.value(u"FilterExpression"_s).toString(), u"FilterExpression"_s, context);
        if (!filter)
            return std::unexpected(filter.error());
        plan.filter = *filter;
    }
    if (request.contains(u"ProjectionExpression"_s)) {
        auto paths = ExpressionParser::parseProjection(
            request.value(u"ProjectionExpression"_s).toString(), context);
        if (!paths)
            return std::unexpected(paths.error());
        plan.projection = *paths;
    } else if (request.contains(u"AttributesToGet"_s)) {
        QList<DocumentPath> paths;
        for (const QJsonValue &name : request.value(u"AttributesToGet"_s).toArray())
            paths.append(DocumentPath{PathElement{name.toString(), -1}});
        plan.projection = paths;
    }
    const QString defaultSelect = plan.projection ? u"SPECIFIC_ATTRIBUTES"_s
        : plan.index                              ? u"ALL_PROJECTED_ATTRIBUTES"_s
                                                  : u"ALL_ATTRIBUTES"_s;
    plan.select = request.value(u"Select"_s).toString(defaultSelect);
    static const QStringList selects{
        u"ALL_ATTRIBUTES"_s, u"ALL_PROJECTED_ATTRIBUTES"_s, u"SPECIFIC_ATTRIBUTES"_s, u"COUNT"_s};
    if (!selects.contains(plan.select))
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'select' failed to satisfy constraint: "
            u"Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, "
            u"ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]"_s.arg(plan.select)));
    if (plan.projection && plan.select != u"SPECIFIC_ATTRIBUTES")
        return std::unexpected(Errors::validation(
            u"Cannot specify the ProjectionExpression when choosing to get %1"_s.arg(
                plan.select == u"COUNT" ? u"only the Count"_s : plan.select)));
    if (plan.select == u"SPECIFIC_ATTRIBUTES" && !plan.projection)
        return std::unexpected(Errors::validation(
            u"ProjectionExpression must be specified when Select is SPECIFIC_ATTRIBUTES"_s));
    if (plan.select == u"ALL_PROJECTED_ATTRIBUTES" && !plan.index)
        return std::unexpected(Errors::validation(
            u"ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"_s));
    if (plan.select == u"ALL_ATTRIBUTES" && plan.index && plan.index->global
        && plan.index->projection != ProjectionType::All)
        return std::unexpected(Errors::invalidParameter(
            u"Select type ALL_ATTRIBUTES is not supported for global secondary index %1 because "
            u"its projection type is not ALL"_s.arg(plan.index->name)));
    return {};
}

// ExclusiveStartKey: the table's key plus, on an index, the index's key.
Result<std::optional<StartAfter>> parseStartKey(const QJsonObject &request, const ReadPlan &plan)
{
    if (!request.contains(u"ExclusiveStartKey"_s))
        return std::optional<StartAfter>();
    auto item = itemFromJson(request.value(u"ExclusiveStartKey"_s));
    if (!item)
        return std::unexpected(item.error());
    Item tableKey;
    for (const QString &name : {plan.table.key.hashName, plan.table.key.rangeName})
        if (!name.isEmpty() && item->contains(name))
            tableKey.insert(name, item->value(name));
    auto key = KeyCodec::fromKey(tableKey, plan.table.key);
    if (!key)
        return std::unexpected(badStartKey());
    StartAfter start;
    start.hashKey = key->hash;
    start.rangeKey = key->range;
    start.indexHash = key->hash;
    start.indexRange = key->range;
    QSet<QString> allowed{plan.table.key.hashName, plan.table.key.rangeName};
    if (plan.index) {
        auto indexKey = KeyCodec::indexKey(*item, *plan.index);
        if (!indexKey || !*indexKey)
            return std::unexpected(badStartKey());
        start.indexHash = (*indexKey)->hash;
        start.indexRange = (*indexKey)->range;
        allowed.insert(plan.index->key.hashName);
        allowed.insert(plan.index->key.rangeName);
    }
    for (auto it = item->cbegin(); it != item->cend(); ++it)
        if (!allowed.contains(it.key()))
            return std::unexpected(badStartKey());
    start.segment = KeyCodec::segmentOf(start.indexHash);
    return std::optional<StartAfter>(start);
}

using Fetch = std::function<QList<StoredItem>(const std::optional<StartAfter> &, int)>;

DynamoDbService::Response runPages(const ReadPlan &plan, const Fetch &fetch, bool scanOrder)
{
    qint64 bytes = 0;
    int evaluated = 0;
    int count = 0;
    QJsonArray items;
    std::optional<QByteArray> lastStored;
    // An LSI query for attributes the index does not project fetches each item from the table:
    // the index is charged for what it holds, the table for each fetch, rounded up per item
    // (AWS: "Local secondary indexes", provisioned throughput considerations).
    const bool fetchesFromTable = plan.index && !plan.index->global
        && plan.index->projection != ProjectionType::All && plan.select == u"ALL_ATTRIBUTES";
    double fetchUnits = 0;
    const bool passThrough = !plan.filter && !plan.projection && !fetchesFromTable
        && !(plan.index && plan.select != u"ALL_ATTRIBUTES");
    bool stoppedEarly = false;
    std::optional<StartAfter> start = plan.start;
    while (!stoppedEarly) {
        const int chunk = plan.limit ? std::min(plan.limit - evaluated, FetchChunk) : FetchChunk;
        const QList<StoredItem> batch = fetch(start, chunk);
        for (const StoredItem &stored : batch) {
            // Stored items are canonical DynamoDB JSON: without a filter or projection they go
            // out as stored; only the page's last item is decoded (for LastEvaluatedKey).
            if (passThrough) {
                bytes += stored.size;
                ++evaluated;
                ++count;
                lastStored = stored.item;
                if (plan.select != u"COUNT") {
                    if (plan.rawItems)
                        plan.rawItems->append(stored.item);
                    else
                        items.append(QJsonDocument::fromJson(stored.item).object());
                }
            } else {
                auto parsed = itemFromJson(QJsonDocument::fromJson(stored.item).object());
                if (!parsed)
                    continue;
                Item item = *parsed;
                if (plan.index && plan.select != u"ALL_ATTRIBUTES")
                    item = RequestSupport::projectForIndex(item, plan.table, *plan.index);
                if (fetchesFromTable) {
                    bytes +=
                        itemSize(RequestSupport::projectForIndex(item, plan.table, *plan.index));
                    fetchUnits += Capacity::readUnits(stored.size, plan.consistent);
                } else {
                    bytes += plan.index ? itemSize(item) : stored.size;
                }
                ++evaluated;
                lastStored = stored.item;
                bool keep = true;
                if (plan.filter) {
                    auto holds = ExpressionEvaluator::evaluateCondition(
                        *plan.filter, item, u"FilterExpression"_s);
                    if (!holds)
                        return std::unexpected(holds.error());
                    keep = *holds;
                }
                if (keep) {
                    ++count;
                    if (plan.select != u"COUNT")
                        items.append(itemToJson(plan.projection
                                ? ExpressionEvaluator::project(item, *plan.projection)
                                : item));
                }
            }
            if ((plan.limit && evaluated == plan.limit) || bytes >= PageBytes) {
                stoppedEarly = true;
                break;
            }
        }
        if (stoppedEarly || batch.size() < chunk)
            break;
        const StoredItem &last = batch.back();
        StartAfter next;
        next.hashKey = last.hashKey;
        next.rangeKey = last.rangeKey;
        next.indexHash = last.indexHash;
        next.indexRange = last.indexRange;
        next.segment = KeyCodec::segmentOf(last.indexHash);
        start = next;
    }
    Q_UNUSED(scanOrder);
    QJsonObject response{{u"Count"_s, count}, {u"ScannedCount"_s, evaluated}};
    if (plan.select != u"COUNT")
        response.insert(u"Items"_s, items);
    std::optional<Item> lastItem;
    if (stoppedEarly && lastStored)
        if (auto parsed = itemFromJson(QJsonDocument::fromJson(*lastStored).object()))
            lastItem = *parsed;
    if (stoppedEarly && lastItem) {
        Item key = KeyCodec::keyAttributes(*lastItem, plan.table.key);
        if (plan.index) {
            key.insert(plan.index->key.hashName, lastItem->value(plan.index->key.hashName));
            if (plan.index->key.hasRange())
                key.insert(plan.index->key.rangeName, lastItem->value(plan.index->key.rangeName));
        }
        response.insert(u"LastEvaluatedKey"_s, itemToJson(key));
    }
    if (plan.mode != Capacity::Mode::None) {
        Capacity capacity;
        capacity.tableName = plan.table.name;
        const double units = Capacity::readUnits(bytes, plan.consistent);
        if (plan.index)
            (plan.index->global ? capacity.global : capacity.local).insert(plan.index->name, units);
        else
            capacity.table = units;
        capacity.table += fetchUnits;
        response.insert(u"ConsumedCapacity"_s, capacity.toJson(plan.mode, true));
    }
    return response;
}

} // namespace

DynamoDbService::Response DynamoDbService::query(const QJsonObject &request)
{
    return queryImpl(request, false);
}

DynamoDbService::Response DynamoDbService::queryImpl(
    const QJsonObject &request, bool keyFilterAllowed)
{
    ReadPlan plan;
    auto context = RequestSupport::expressionContext(request);
    if (!context)
        return std::unexpected(context.error());
    if (auto ok =
            parseReadRequest(request, plan, *context, [&] { return tableFromRequest(request); });
        !ok)
        return std::unexpected(ok.error());
    if (plan.index && plan.index->backfilling(m_clock->nowMs()))
        return std::unexpected(Errors::validation(
            u"Cannot read from backfilling global secondary index: %1"_s.arg(plan.index->name)));
    if (!request.contains(u"KeyConditionExpression"_s))
        return std::unexpected(Errors::validation(
            u"Either the KeyConditions or KeyConditionExpression parameter must be specified in "
            u"the request."_s));
    const KeySchema &schema = plan.index ? plan.index->key : plan.table.key;
    auto condition =
        ExpressionParser::parseKeyCondition(request.value(u"KeyConditionExpression"_s).toString(),
            {schema.hashName, schema.hashType, schema.rangeName, schema.rangeType},
            *context);
    if (!condition)
        return std::unexpected(condition.error());
    if (plan.filter && !keyFilterAllowed) {
        QSet<QString> names;
        collectNames(*plan.filter, names);
        for (const QString &name : {schema.hashName, schema.rangeName})
            if (!name.isEmpty() && names.contains(name))
                return std::unexpected(Errors::validation(
                    u"Filter Expression can only contain non-primary key attributes: Primary key "
                    u"attribute: %1"_s.arg(name)));
    }
    if (auto used = context->checkAllUsed(); !used)
        return std::unexpected(used.error());
    auto start = parseStartKey(request, plan);
    if (!start)
        return std::unexpected(start.error());
    plan.start = *start;
    const bool forward = request.value(u"ScanIndexForward"_s).toBool(true);

    RangeBounds bounds;
    if (!condition->rangeName.isEmpty()) {
        const QByteArray value = KeyCodec::encode(condition->rangeValue);
        switch (condition->rangeOp) {
        case KeyCondition::Op::Equal:
            bounds.lower = bounds.upper = value;
            break;
        case KeyCondition::Op::Less:
            bounds.upper = value;
            bounds.upperInclusive = false;
            break;
        case KeyCondition::Op::LessOrEqual:
            bounds.upper = value;
            break;
        case KeyCondition::Op::Greater:
            bounds.lower = value;
            bounds.lowerInclusive = false;
            break;
        case KeyCondition::Op::GreaterOrEqual:
            bounds.lower = value;
            break;
        case KeyCondition::Op::Between:
            bounds.lower = value;
            bounds.upper = KeyCodec::encode(condition->rangeUpper);
            break;
        case KeyCondition::Op::BeginsWith:
            bounds.lower = value;
            bounds.upper = KeyCodec::prefixEnd(value);
            bounds.upperInclusive = false;
            break;
        }
    }
    const QByteArray hash = KeyCodec::encode(condition->hashValue);
    const QString indexName = plan.index ? plan.index->name : QString();
    const qint64 tableId = plan.table.id;
    plan.rawItems = m_rawItems;
    return runPages(
        plan,
        [&](const std::optional<StartAfter> &after, int chunk) {
            return m_store->query(tableId, indexName, hash, bounds, forward, after, chunk);
        },
        false);
}

DynamoDbService::Response DynamoDbService::scan(const QJsonObject &request)
{
    ReadPlan plan;
    auto context = RequestSupport::expressionContext(request);
    if (!context)
        return std::unexpected(context.error());
    if (auto ok =
            parseReadRequest(request, plan, *context, [&] { return tableFromRequest(request); });
        !ok)
        return std::unexpected(ok.error());
    if (plan.index && plan.index->backfilling(m_clock->nowMs()))
        return std::unexpected(Errors::validation(
            u"Cannot read from backfilling global secondary index: %1"_s.arg(plan.index->name)));
    if (auto used = context->checkAllUsed(); !used)
        return std::unexpected(used.error());
    const bool hasSegment = request.contains(u"Segment"_s);
    const bool hasTotal = request.contains(u"TotalSegments"_s);
    qint64 segmentLow = 0;
    qint64 segmentHigh = KeyCodec::SegmentSpace;
    if (hasSegment != hasTotal)
        return std::unexpected(Errors::validation(hasSegment
                ? u"The TotalSegments parameter is required but was not present in the request "
                  u"when Segment parameter is present"_s
                : u"The Segment parameter is required but was not present in the request when "
                  u"parameter TotalSegments is present"_s));
    if (hasSegment) {
        const qint64 segment = request.value(u"Segment"_s).toInteger();
        const qint64 total = request.value(u"TotalSegments"_s).toInteger();
        if (total < 1 || total > 1000000)
            return std::unexpected(Errors::validation(
                u"1 validation error detected: Value '%1' at 'totalSegments' failed to satisfy "
                u"constraint: Member must have value %2"_s.arg(total)
                    .arg(total < 1 ? u"greater than or equal to 1"_s
                                   : u"less than or equal to 1000000"_s)));
        if (segment < 0 || segment >= total)
            return std::unexpected(Errors::validation(
                u"The Segment parameter is zero-based and must be less than parameter "
                u"TotalSegments: Segment: %1 is not less than TotalSegments: %2"_s.arg(segment)
                    .arg(total)));
        segmentLow = segment * KeyCodec::SegmentSpace / total;
        segmentHigh = (segment + 1) * KeyCodec::SegmentSpace / total;
    }
    auto start = parseStartKey(request, plan);
    if (!start)
        return std::unexpected(start.error());
    plan.start = *start;
    const QString indexName = plan.index ? plan.index->name : QString();
    const qint64 tableId = plan.table.id;
    plan.rawItems = m_rawItems;
    return runPages(
        plan,
        [&](const std::optional<StartAfter> &after, int chunk) {
            return m_store->scan(
                tableId, indexName, int(segmentLow), int(segmentHigh), after, chunk);
        },
        true);
}

} // namespace Core::DynamoDb
