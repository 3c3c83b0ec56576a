// SPDX-License-Identifier: MIT
// Conditions: comparisons, BETWEEN, IN, AND/OR/NOT and the functions.
#include "core/dynamodb/expressiongrammar.h"

#include "core/dynamodb/dynamodberrors.h"

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

int ExpressionGrammar::expectedArguments(const QString &function)
{
    if (function == u"attribute_exists" || function == u"attribute_not_exists"
        || function == u"size")
        return 1;
    if (function == u"attribute_type" || function == u"begins_with" || function == u"contains"
        || function == u"if_not_exists" || function == u"list_append")
        return 2;
    return -1;
}

ExpressionNode ExpressionGrammar::function(bool inUpdate)
{
    const QString name = advance().text;
    ExpressionNode node;
    const int arity = expectedArguments(name);
    if (arity < 0) {
        fail(u"Invalid function name; function: %1"_s.arg(name));
        return node;
    }
    const bool updateFunction = name == u"if_not_exists" || name == u"list_append";
    if (updateFunction != inUpdate && name != u"size") {
        fail(inUpdate
                ? u"The function is not allowed in an update expression; function: %1"_s.arg(name)
                : u"The function is not allowed to be used this way in an expression; function: %1"_s
                      .arg(name));
        return node;
    }
    if (inUpdate && name == u"size") {
        fail(u"The function is not allowed in an update expression; function: size"_s);
        return node;
    }
    advance(); // '('
    do {
        node.children.push_back(inUpdate ? setOperand() : operand());
    } while (!failed() && accept(Type::Comma));
    if (failed() || !expect(Type::RightParen))
        return node;
    if (int(node.children.size()) != arity) {
        fail(u"Incorrect number of operands for operator or function; operator or function: "
             u"%1, number of operands: %2"_s.arg(name)
                 .arg(node.children.size()));
        return node;
    }
    const auto requirePath = [&](int index) {
        if (node.children[size_t(index)].kind != Kind::Path) {
            fail(u"Operator or function requires a document path; operator or function: %1"_s.arg(
                name));
            return false;
        }
        return true;
    };
    if (name == u"attribute_exists" || name == u"attribute_not_exists" || name == u"size"
        || name == u"if_not_exists" || name == u"attribute_type") {
        if (!requirePath(0))
            return node;
    }
    if (name == u"attribute_exists") {
        node.kind = Kind::AttributeExists;
    } else if (name == u"attribute_not_exists") {
        node.kind = Kind::AttributeNotExists;
    } else if (name == u"size") {
        node.kind = Kind::Size;
    } else if (name == u"if_not_exists") {
        node.kind = Kind::IfNotExists;
    } else if (name == u"list_append") {
        node.kind = Kind::ListAppend;
    } else if (name == u"contains") {
        node.kind = Kind::Contains;
    } else if (name == u"begins_with") {
        node.kind = Kind::BeginsWith;
        for (const ExpressionNode &child : node.children) {
            if (child.kind == Kind::Value && child.value.type != AttributeType::S
                && child.value.type != AttributeType::B) {
                fail(u"Incorrect operand type for operator or function; operator or function: "
                     u"begins_with, operand type: %1"_s.arg(typeName(child.value.type)));
                return node;
            }
        }
    } else if (name == u"attribute_type") {
        node.kind = Kind::AttributeType;
        const ExpressionNode &type = node.children[1];
        static const QSet<QString> valid{u"S"_s,
            u"SS"_s,
            u"N"_s,
            u"NS"_s,
            u"B"_s,
            u"BS"_s,
            u"BOOL"_s,
            u"NULL"_s,
            u"L"_s,
            u"M"_s};
        if (type.kind != Kind::Value || type.value.type != AttributeType::S) {
            fail(u"Incorrect operand type for operator or function; operator or function: "
                 u"attribute_type, operand type: %1"_s.arg(
                     type.kind == Kind::Value ? typeName(type.value.type) : u"PATH"_s));
            return node;
        }
        if (!valid.contains(type.value.s)) {
            fail(u"Invalid attribute type name found; type: %1, valid types: "
                 u"{B,NULL,SS,BOOL,L,BS,N,NS,S,M}"_s.arg(type.value.s));
            return node;
        }
    }
    return node;
}

bool ExpressionGrammar::atFunction() const
{
    return peek().type == Type::Identifier && peek(1).type == Type::LeftParen;
}

ExpressionNode ExpressionGrammar::operand()
{
    if (peek().type == Type::ValuePlaceholder)
        return valueNode();
    if (atFunction()) {
        ExpressionNode node = function(false);
        if (!failed() && node.kind != Kind::Size)
            fail(u"The function is not allowed to be used this way in an expression; "
                 u"function: %1"_s.arg(m_tokens[m_pos - 1].text));
        return node;
    }
    ExpressionNode node;
    node.kind = Kind::Path;
    node.path = path();
    return node;
}

ExpressionNode ExpressionGrammar::orExpression()
{
    ExpressionNode left = andExpression();
    while (!failed() && peek().isKeyword(u"OR")) {
        advance();
        ExpressionNode node;
        node.kind = Kind::Or;
        node.children.push_back(std::move(left));
        node.children.push_back(andExpression());
        left = std::move(node);
    }
    return left;
}

ExpressionNode ExpressionGrammar::andExpression()
{
    ExpressionNode left = notExpression();
    while (!failed() && peek().isKeyword(u"AND")) {
        advance();
        ExpressionNode node;
        node.kind = Kind::And;
        node.children.push_back(std::move(left));
        node.children.push_back(notExpression());
        left = std::move(node);
    }
    return left;
}

ExpressionNode ExpressionGrammar::notExpression()
{
    if (peek().isKeyword(u"NOT")) {
        advance();
        ExpressionNode node;
        node.kind = Kind::Not;
        if (enterNesting())
            node.children.push_back(notExpression());
        leaveNesting();
        return node;
    }
    return primary();
}

ExpressionNode ExpressionGrammar::primary()
{
    if (accept(Type::LeftParen)) {
        ExpressionNode inner;
        if (enterNesting())
            inner = orExpression();
        leaveNesting();
        if (!failed())
            expect(Type::RightParen);
        return inner;
    }
    ExpressionNode left;
    if (atFunction()) {
        left = function(false);
        if (failed() || left.kind != Kind::Size)
            return left;
    } else {
        left = operand();
    }
    if (failed())
        return left;
    const ExpressionToken &token = peek();
    ExpressionNode node;
    if (token.isKeyword(u"BETWEEN")) {
        advance();
        node.kind = Kind::Between;
        node.children.push_back(std::move(left));
        node.children.push_back(operand());
        if (failed() || !peek().isKeyword(u"AND")) {
            if (!failed())
                syntaxError();
            return node;
        }
        advance();
        node.children.push_back(operand());
        return node;
    }
    if (token.isKeyword(u"IN")) {
        advance();
        node.kind = Kind::In;
        node.children.push_back(std::move(left));
        if (!expect(Type::LeftParen))
            return node;
        do {
            node.children.push_back(operand());
        } while (!failed() && accept(Type::Comma));
        if (!failed())
            expect(Type::RightParen);
        if (!failed() && node.children.size() > 101)
            fail(
                u"The IN operator is provided with too many operands; number of operands: %1"_s.arg(
                    node.children.size() - 1));
        return node;
    }
    std::optional<ExpressionNode::Comparator> comparator;
    switch (token.type) {
    case Type::Equal:
        comparator = ExpressionNode::Comparator::Equal;
        break;
    case Type::NotEqual:
        comparator = ExpressionNode::Comparator::NotEqual;
        break;
    case Type::Less:
        comparator = ExpressionNode::Comparator::Less;
        break;
    case Type::LessOrEqual:
        comparator = ExpressionNode::Comparator::LessOrEqual;
        break;
    case Type::Greater:
        comparator = ExpressionNode::Comparator::Greater;
        break;
    case Type::GreaterOrEqual:
        comparator = ExpressionNode::Comparator::GreaterOrEqual;
        break;
    default:
        syntaxError();
        return left;
    }
    advance();
    node.kind = Kind::Compare;
    node.comparator = *comparator;
    node.children.push_back(std::move(left));
    node.children.push_back(operand());
    return node;
}

} // namespace Core::DynamoDb
