// SPDX-License-Identifier: MIT
#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/expressionevaluator.h"

using namespace Qt::StringLiterals;

namespace Core::DynamoDb::ExpressionEvaluator {

namespace {

using Kind = ExpressionNode::Kind;

AwsError wrongType()
{
    return Errors::validation(u"An operand in the update expression has an incorrect data type"_s);
}

AwsError invalidPath()
{
    return Errors::validation(
        u"The document path provided in the update expression is invalid for update"_s);
}

Result<AttributeValue> setValue(const ExpressionNode &node, const Item &item)
{
    switch (node.kind) {
    case Kind::Value:
        return node.value;
    case Kind::Path: {
        auto value = resolvePath(item, node.path);
        if (!value)
            return std::unexpected(Errors::validation(
                u"The provided expression refers to an attribute that does not exist in the "
                u"item"_s));
        return *value;
    }
    case Kind::IfNotExists: {
        if (auto existing = resolvePath(item, node.children[0].path))
            return *existing;
        return setValue(node.children[1], item);
    }
    case Kind::ListAppend: {
        auto left = setValue(node.children[0], item);
        if (!left)
            return left;
        auto right = setValue(node.children[1], item);
        if (!right)
            return right;
        if (left->type != AttributeType::L || right->type != AttributeType::L)
            return std::unexpected(wrongType());
        left->l.append(right->l);
        return left;
    }
    case Kind::Plus:
    case Kind::Minus: {
        auto left = setValue(node.children[0], item);
        if (!left)
            return left;
        auto right = setValue(node.children[1], item);
        if (!right)
            return right;
        if (left->type != AttributeType::N || right->type != AttributeType::N)
            return std::unexpected(wrongType());
        Decimal::ParseError error = Decimal::ParseError::None;
        const auto sum =
            Decimal::add(left->n, node.kind == Kind::Plus ? right->n : right->n.negated(), &error);
        if (!sum)
            return std::unexpected(Errors::validation(Decimal::errorMessage(error)));
        return AttributeValue::number(*sum);
    }
    default:
        return std::unexpected(wrongType());
    }
}

// The container that holds the last element of path, or null when the path cannot be written.
AttributeValue *parentOf(Item &item, const DocumentPath &path)
{
    auto top = item.find(path[0].name);
    if (top == item.end())
        return nullptr;
    AttributeValue *current = &top.value();
    for (qsizetype i = 1; i + 1 < path.size(); ++i) {
        const PathElement &element = path[i];
        if (element.isIndex()) {
            if (current->type != AttributeType::L || element.index >= current->l.size())
                return nullptr;
            current = &current->l[element.index];
        } else {
            if (current->type != AttributeType::M)
                return nullptr;
            auto it = current->m.find(element.name);
            if (it == current->m.end())
                return nullptr;
            current = &it.value();
        }
    }
    return current;
}

// written receives the path really written (an index past the end of a list appends).
Status setPath(
    Item &item, const DocumentPath &path, const AttributeValue &value, DocumentPath *written)
{
    if (written)
        *written = path;
    if (path.size() == 1) {
        item.insert(path[0].name, value);
        return {};
    }
    AttributeValue *parent = parentOf(item, path);
    const PathElement &last = path.back();
    if (!parent)
        return std::unexpected(invalidPath());
    if (last.isIndex()) {
        if (parent->type != AttributeType::L)
            return std::unexpected(invalidPath());
        if (last.index < parent->l.size()) {
            parent->l[last.index] = value;
        } else {
            if (written)
                written->back().index = int(parent->l.size());
            parent->l.append(value);
        }
        return {};
    }
    if (parent->type != AttributeType::M)
        return std::unexpected(invalidPath());
    parent->m.insert(last.name, value);
    return {};
}

void removePath(Item &item, const DocumentPath &path)
{
    if (path.size() == 1) {
        item.remove(path[0].name);
        return;
    }
    AttributeValue *parent = parentOf(item, path);
    if (!parent)
        return;
    const PathElement &last = path.back();
    if (last.isIndex() && parent->type == AttributeType::L && last.index < parent->l.size())
        parent->l.removeAt(last.index);
    else if (!last.isIndex() && parent->type == AttributeType::M)
        parent->m.remove(last.name);
}

template<typename T> void unite(QList<T> &target, const QList<T> &extra)
{
    for (const T &element : extra)
        if (!target.contains(element))
            target.append(element);
}

template<typename T> void subtract(QList<T> &target, const QList<T> &extra)
{
    for (const T &element : extra)
        target.removeAll(element);
}

Result<std::optional<AttributeValue>> addOrDelete(
    bool add, const std::optional<AttributeValue> &existing, const AttributeValue &operand)
{
    if (!existing) {
        if (add)
            return std::optional<AttributeValue>(operand);
        return std::optional<AttributeValue>();
    }
    AttributeValue result = *existing;
    if (add && existing->type == AttributeType::N && operand.type == AttributeType::N) {
        Decimal::ParseError error = Decimal::ParseError::None;
        const auto sum = Decimal::add(existing->n, operand.n, &error);
        if (!sum)
            return std::unexpected(Errors::validation(Decimal::errorMessage(error)));
        result.n = *sum;
        return std::optional<AttributeValue>(result);
    }
    if (existing->type != operand.type || !existing->isSet())
        return std::unexpected(wrongType());
    if (add) {
        unite(result.ss, operand.ss);
        unite(result.ns, operand.ns);
        unite(result.bs, operand.bs);
    } else {
        subtract(result.ss, operand.ss);
        subtract(result.ns, operand.ns);
        subtract(result.bs, operand.bs);
        if (result.setSize() == 0)
            return std::optional<AttributeValue>();
    }
    return std::optional<AttributeValue>(result);
}

} // namespace

Result<Item> applyUpdate(
    const Item &item, const QList<UpdateAction> &actions, UpdatedPaths *updated)
{
    // Every value is computed from the item as it was before the update.
    QList<std::optional<AttributeValue>> values;
    for (const UpdateAction &action : actions) {
        if (action.kind != UpdateAction::Kind::Set) {
            values.append(std::nullopt);
            continue;
        }
        auto value = setValue(action.value, item);
        if (!value)
            return std::unexpected(value.error());
        values.append(*value);
    }
    Item result = item;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const UpdateAction &action = actions[i];
        if (updated)
            updated->old.append(action.path);
        DocumentPath written;
        switch (action.kind) {
        case UpdateAction::Kind::Set:
            if (auto ok = setPath(result, action.path, *values[i], &written); !ok)
                return std::unexpected(ok.error());
            if (updated)
                updated->next.append(written);
            break;
        case UpdateAction::Kind::Remove:
            removePath(result, action.path);
            break;
        case UpdateAction::Kind::Add:
        case UpdateAction::Kind::Delete: {
            const bool add = action.kind == UpdateAction::Kind::Add;
            auto next = addOrDelete(add, resolvePath(result, action.path), action.value.value);
            if (!next)
                return std::unexpected(next.error());
            if (*next) {
                if (auto ok = setPath(result, action.path, **next, &written); !ok)
                    return std::unexpected(ok.error());
                if (updated)
                    updated->next.append(written);
            } else {
                removePath(result, action.path);
            }
            break;
        }
        }
    }
    return result;
}

} // namespace Core::DynamoDb::ExpressionEvaluator
