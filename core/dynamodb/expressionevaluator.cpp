// SPDX-License-Identifier: MIT
#include "core/dynamodb/expressionevaluator.h"

#include "core/dynamodb/dynamodberrors.h"

using namespace Qt::StringLiterals;

namespace Core::DynamoDb::ExpressionEvaluator {

namespace {

using Kind = ExpressionNode::Kind;
using Comparator = ExpressionNode::Comparator;

std::optional<AttributeValue> operandValue(const ExpressionNode &node, const Item &item)
{
    switch (node.kind) {
    case Kind::Value:
        return node.value;
    case Kind::Path:
        return resolvePath(item, node.path);
    case Kind::Size: {
        const auto target = resolvePath(item, node.children[0].path);
        if (!target)
            return std::nullopt;
        qint64 size = 0;
        switch (target->type) {
        case AttributeType::S:
            size = target->s.toUtf8().size();
            break;
        case AttributeType::B:
            size = target->b.size();
            break;
        case AttributeType::M:
            size = target->m.size();
            break;
        case AttributeType::L:
            size = target->l.size();
            break;
        case AttributeType::SS:
        case AttributeType::NS:
        case AttributeType::BS:
            size = target->setSize();
            break;
        default:
            return std::nullopt;
        }
        return AttributeValue::number(Decimal::fromInteger(size));
    }
    default:
        return std::nullopt;
    }
}

bool isOrderable(const AttributeValue &value)
{
    return value.type == AttributeType::S || value.type == AttributeType::N
        || value.type == AttributeType::B;
}

bool compareValues(Comparator comparator,
    const std::optional<AttributeValue> &a,
    const std::optional<AttributeValue> &b)
{
    if (comparator == Comparator::Equal)
        return a && b && *a == *b;
    if (comparator == Comparator::NotEqual)
        return !(a && b && *a == *b);
    if (!a || !b || a->type != b->type || !isOrderable(*a))
        return false;
    const int order = compareScalars(*a, *b);
    switch (comparator) {
    case Comparator::Less:
        return order < 0;
    case Comparator::LessOrEqual:
        return order <= 0;
    case Comparator::Greater:
        return order > 0;
    case Comparator::GreaterOrEqual:
        return order >= 0;
    default:
        return false;
    }
}

bool containsValue(const AttributeValue &haystack, const AttributeValue &needle)
{
    switch (haystack.type) {
    case AttributeType::S:
        return needle.type == AttributeType::S && haystack.s.contains(needle.s);
    case AttributeType::B:
        return needle.type == AttributeType::B && haystack.b.contains(needle.b);
    case AttributeType::SS:
        return needle.type == AttributeType::S && haystack.ss.contains(needle.s);
    case AttributeType::NS:
        return needle.type == AttributeType::N && haystack.ns.contains(needle.n);
    case AttributeType::BS:
        return needle.type == AttributeType::B && haystack.bs.contains(needle.b);
    case AttributeType::L:
        return haystack.l.contains(needle);
    default:
        return false;
    }
}

} // namespace

QString shortValueText(const AttributeValue &value)
{
    switch (value.type) {
    case AttributeType::S:
        return u"{S:%1}"_s.arg(value.s);
    case AttributeType::N:
        return u"{N:%1}"_s.arg(value.n.toString());
    case AttributeType::B:
        return u"{B:%1}"_s.arg(QString::fromLatin1(value.b.toBase64()));
    default:
        return u"{%1}"_s.arg(typeName(value.type));
    }
}

Status checkBetweenBounds(
    const AttributeValue &low, const AttributeValue &high, const QString &kind)
{
    if (low.type == high.type && isOrderable(low) && compareScalars(low, high) > 0)
        return std::unexpected(Errors::validation(
            u"Invalid %1: The BETWEEN operator requires upper bound to be greater than or equal "
            u"to lower bound; lower bound operand: AttributeValue: %2, upper bound operand: "
            u"AttributeValue: %3"_s.arg(kind, shortValueText(low), shortValueText(high))));
    return {};
}

std::optional<AttributeValue> resolvePath(const Item &item, const DocumentPath &path)
{
    if (path.isEmpty() || path[0].isIndex())
        return std::nullopt;
    const auto top = item.constFind(path[0].name);
    if (top == item.cend())
        return std::nullopt;
    const AttributeValue *current = &top.value();
    for (qsizetype i = 1; i < path.size(); ++i) {
        const PathElement &element = path[i];
        if (element.isIndex()) {
            if (current->type != AttributeType::L || element.index >= current->l.size())
                return std::nullopt;
            current = &current->l[element.index];
        } else {
            if (current->type != AttributeType::M)
                return std::nullopt;
            const auto it = current->m.constFind(element.name);
            if (it == current->m.cend())
                return std::nullopt;
            current = &it.value();
        }
    }
    return *current;
}

Result<bool> evaluateCondition(const ExpressionNode &node, const Item &item, const QString &kind)
{
    switch (node.kind) {
    case Kind::And: {
        auto left = evaluateCondition(node.children[0], item, kind);
        if (!left || !*left)
            return left;
        return evaluateCondition(node.children[1], item, kind);
    }
    case Kind::Or: {
        auto left = evaluateCondition(node.children[0], item, kind);
        if (!left || *left)
            return left;
        return evaluateCondition(node.children[1], item, kind);
    }
    case Kind::Not: {
        auto inner = evaluateCondition(node.children[0], item, kind);
        if (!inner)
            return inner;
        return !*inner;
    }
    case Kind::Compare:
        return compareValues(node.comparator,
            operandValue(node.children[0], item),
            operandValue(node.children[1], item));
    case Kind::Between: {
        const auto value = operandValue(node.children[0], item);
        const auto low = operandValue(node.children[1], item);
        const auto high = operandValue(node.children[2], item);
        if (low && high) {
            if (auto ok = checkBetweenBounds(*low, *high, kind); !ok)
                return std::unexpected(ok.error());
        }
        return compareValues(Comparator::GreaterOrEqual, value, low)
            && compareValues(Comparator::LessOrEqual, value, high);
    }
    case Kind::In: {
        const auto value = operandValue(node.children[0], item);
        if (!value)
            return false;
        for (size_t i = 1; i < node.children.size(); ++i) {
            const auto candidate = operandValue(node.children[i], item);
            if (candidate && *candidate == *value)
                return true;
        }
        return false;
    }
    case Kind::AttributeExists:
        return resolvePath(item, node.children[0].path).has_value();
    case Kind::AttributeNotExists:
        return !resolvePath(item, node.children[0].path).has_value();
    case Kind::AttributeType: {
        const auto value = resolvePath(item, node.children[0].path);
        return value && typeName(value->type) == node.children[1].value.s;
    }
    case Kind::BeginsWith: {
        const auto value = operandValue(node.children[0], item);
        const auto prefix = operandValue(node.children[1], item);
        if (!value || !prefix || value->type != prefix->type)
            return false;
        if (value->type == AttributeType::S)
            return value->s.toUtf8().startsWith(prefix->s.toUtf8());
        if (value->type == AttributeType::B)
            return value->b.startsWith(prefix->b);
        return false;
    }
    case Kind::Contains: {
        const auto value = operandValue(node.children[0], item);
        const auto needle = operandValue(node.children[1], item);
        return value && needle && containsValue(*value, *needle);
    }
    default:
        return false;
    }
}

namespace {

// Copies the part of source addressed by path[from..] into target (same shape).
void projectInto(
    AttributeValue &target, const AttributeValue &source, const DocumentPath &path, qsizetype from)
{
    if (from == path.size()) {
        target = source;
        return;
    }
    const PathElement &element = path[from];
    if (element.isIndex()) {
        if (source.type != AttributeType::L || element.index >= source.l.size())
            return;
        if (target.type != AttributeType::L) {
            target = AttributeValue();
            target.type = AttributeType::L;
        }
        // Projected list elements keep their relative order; store by source index.
        AttributeValue child;
        projectInto(child, source.l[element.index], path, from + 1);
        target.m.insert(QString::number(element.index).rightJustified(10, u'0'), child);
        return;
    }
    if (source.type != AttributeType::M)
        return;
    const auto it = source.m.constFind(element.name);
    if (it == source.m.cend())
        return;
    if (target.type != AttributeType::M) {
        target = AttributeValue();
        target.type = AttributeType::M;
    }
    AttributeValue &child = target.m[element.name];
    projectInto(child, it.value(), path, from + 1);
}

// Lists were collected in m keyed by padded source index; turn them back into lists.
void finishLists(AttributeValue &value)
{
    if (value.type == AttributeType::L && !value.m.isEmpty()) {
        value.l.clear();
        for (auto it = value.m.begin(); it != value.m.end(); ++it) {
            finishLists(it.value());
            value.l.append(it.value());
        }
        value.m.clear();
    } else if (value.type == AttributeType::M) {
        for (auto it = value.m.begin(); it != value.m.end(); ++it)
            finishLists(it.value());
    }
}

} // namespace

Item project(const Item &item, const QList<DocumentPath> &paths)
{
    Item result;
    for (const DocumentPath &path : paths) {
        const auto top = item.constFind(path[0].name);
        if (top == item.cend())
            continue;
        if (path.size() == 1) {
            result.insert(path[0].name, top.value());
            continue;
        }
        // A path that does not resolve projects nothing (not an empty map on the way to it).
        if (!resolvePath(item, path))
            continue;
        AttributeValue &target = result[path[0].name];
        projectInto(target, top.value(), path, 1);
        if (target.type == AttributeType::Null && !target.boolean)
            result.remove(path[0].name);
    }
    for (auto it = result.begin(); it != result.end(); ++it)
        finishLists(it.value());
    return result;
}

} // namespace Core::DynamoDb::ExpressionEvaluator
