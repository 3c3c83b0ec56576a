// SPDX-License-Identifier: MIT
#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/expressionevaluator.h"
#include "core/dynamodb/expressionparser.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb::ExpressionParser {

namespace {

using Kind = ExpressionNode::Kind;

QString operatorName(const ExpressionNode &node)
{
    switch (node.kind) {
    case Kind::Or:
        return u"OR"_s;
    case Kind::Not:
        return u"NOT"_s;
    case Kind::In:
        return u"IN"_s;
    case Kind::AttributeExists:
        return u"attribute_exists"_s;
    case Kind::AttributeNotExists:
        return u"attribute_not_exists"_s;
    case Kind::AttributeType:
        return u"attribute_type"_s;
    case Kind::Contains:
        return u"contains"_s;
    case Kind::Size:
        return u"size"_s;
    case Kind::Compare:
        if (node.comparator == ExpressionNode::Comparator::NotEqual)
            return u"<>"_s;
        break;
    default:
        break;
    }
    return {};
}

void flatten(const ExpressionNode &node, QList<const ExpressionNode *> &out)
{
    if (node.kind == Kind::And) {
        for (const ExpressionNode &child : node.children)
            flatten(child, out);
        return;
    }
    out.append(&node);
}

const ExpressionNode *findInvalidOperator(const ExpressionNode &node)
{
    if (!operatorName(node).isEmpty())
        return &node;
    for (const ExpressionNode &child : node.children)
        if (const ExpressionNode *bad = findInvalidOperator(child))
            return bad;
    return nullptr;
}

} // namespace

Result<KeyCondition> parseKeyCondition(
    const QString &text, const KeySchemaNames &schema, ExpressionContext &context)
{
    const QString kind = u"KeyConditionExpression"_s;
    auto parsed = parseCondition(text, kind, context);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (const ExpressionNode *bad = findInvalidOperator(*parsed))
        return std::unexpected(Errors::validation(
            u"Invalid operator used in KeyConditionExpression: %1"_s.arg(operatorName(*bad))));
    QList<const ExpressionNode *> conditions;
    flatten(*parsed, conditions);
    const auto notSupported = [] {
        return std::unexpected(Errors::validation(u"Query key condition not supported"_s));
    };
    const auto typeMismatch = [] {
        return std::unexpected(
            Errors::invalidParameter(u"Condition parameter type does not match schema type"_s));
    };
    if (conditions.size() > 2)
        return std::unexpected(Errors::validation(
            u"KeyConditionExpressions must only contain one condition per key"_s));
    // A condition that never names the partition key is refused for that first, whatever else
    // it names ("Query condition missed key schema element", the error learners meet most).
    const bool namesHash =
        std::any_of(conditions.cbegin(), conditions.cend(), [&schema](const ExpressionNode *c) {
            return !c->children.empty() && c->children[0].kind == Kind::Path
                && c->children[0].path.size() == 1 && !c->children[0].path[0].isIndex()
                && c->children[0].path[0].name == schema.hashName;
        });
    if (!namesHash)
        return std::unexpected(Errors::validation(
            u"Query condition missed key schema element: %1"_s.arg(schema.hashName)));
    KeyCondition result;
    bool haveHash = false;
    for (const ExpressionNode *condition : conditions) {
        const auto &children = condition->children;
        if (children.empty() || children[0].kind != Kind::Path || children[0].path.size() != 1
            || children[0].path[0].isIndex())
            return notSupported();
        for (size_t i = 1; i < children.size(); ++i)
            if (children[i].kind != Kind::Value)
                return notSupported();
        const QString name = children[0].path[0].name;
        if (name == schema.hashName) {
            if (haveHash)
                return std::unexpected(Errors::validation(
                    u"KeyConditionExpressions must only contain one condition per key"_s));
            if (condition->kind != Kind::Compare
                || condition->comparator != ExpressionNode::Comparator::Equal)
                return notSupported();
            if (children[1].value.type != schema.hashType)
                return typeMismatch();
            haveHash = true;
            result.hashName = name;
            result.hashValue = children[1].value;
            continue;
        }
        if (schema.rangeName.isEmpty() || name != schema.rangeName)
            return notSupported();
        if (!result.rangeName.isEmpty())
            return std::unexpected(Errors::validation(
                u"KeyConditionExpressions must only contain one condition per key"_s));
        for (size_t i = 1; i < children.size(); ++i)
            if (children[i].value.type != schema.rangeType)
                return typeMismatch();
        result.rangeName = name;
        result.rangeValue = children[1].value;
        switch (condition->kind) {
        case Kind::BeginsWith:
            if (schema.rangeType == AttributeType::N)
                return std::unexpected(Errors::validation(
                    u"Invalid KeyConditionExpression: Incorrect operand type for operator or "
                    u"function; operator or function: begins_with, operand type: N"_s));
            result.rangeOp = KeyCondition::Op::BeginsWith;
            break;
        case Kind::Between:
            result.rangeOp = KeyCondition::Op::Between;
            result.rangeUpper = children[2].value;
            if (auto ok = ExpressionEvaluator::checkBetweenBounds(
                    result.rangeValue, result.rangeUpper, kind);
                !ok)
                return std::unexpected(ok.error());
            break;
        case Kind::Compare:
            switch (condition->comparator) {
            case ExpressionNode::Comparator::Equal:
                result.rangeOp = KeyCondition::Op::Equal;
                break;
            case ExpressionNode::Comparator::Less:
                result.rangeOp = KeyCondition::Op::Less;
                break;
            case ExpressionNode::Comparator::LessOrEqual:
                result.rangeOp = KeyCondition::Op::LessOrEqual;
                break;
            case ExpressionNode::Comparator::Greater:
                result.rangeOp = KeyCondition::Op::Greater;
                break;
            case ExpressionNode::Comparator::GreaterOrEqual:
                result.rangeOp = KeyCondition::Op::GreaterOrEqual;
                break;
            case ExpressionNode::Comparator::NotEqual:
                return notSupported();
            }
            break;
        default:
            return notSupported();
        }
    }
    if (!haveHash)
        return std::unexpected(Errors::validation(
            u"Query condition missed key schema element: %1"_s.arg(schema.hashName)));
    return result;
}

} // namespace Core::DynamoDb::ExpressionParser
