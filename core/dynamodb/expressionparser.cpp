// SPDX-License-Identifier: MIT
#include "core/dynamodb/expressionparser.h"

#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/expressionlexer.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

QString pathToString(const DocumentPath &path)
{
    QString text;
    for (const PathElement &element : path) {
        if (element.isIndex()) {
            text += u'[' + QString::number(element.index) + u']';
        } else {
            if (!text.isEmpty())
                text += u'.';
            text += element.name;
        }
    }
    return text;
}

Status ExpressionContext::checkAllUsed() const
{
    const auto unused = [](const auto &keys, const QSet<QString> &used) {
        QStringList list;
        for (const QString &key : keys)
            if (!used.contains(key))
                list.append(key);
        list.sort();
        return list;
    };
    const QStringList unusedNames = unused(names.keys(), usedNames);
    if (!unusedNames.isEmpty())
        return std::unexpected(Errors::validation(
            u"Value provided in ExpressionAttributeNames unused in expressions: keys: {%1}"_s.arg(
                unusedNames.join(u", "_s))));
    const QStringList unusedValues = unused(values.keys(), usedValues);
    if (!unusedValues.isEmpty())
        return std::unexpected(Errors::validation(
            u"Value provided in ExpressionAttributeValues unused in expressions: keys: {%1}"_s.arg(
                unusedValues.join(u", "_s))));
    return {};
}

namespace {

using Type = ExpressionToken::Type;
using Kind = ExpressionNode::Kind;

constexpr int MaxPathDepth = 32;

QString longTypeName(AttributeType type)
{
    switch (type) {
    case AttributeType::S:
        return u"STRING"_s;
    case AttributeType::N:
        return u"NUMBER"_s;
    case AttributeType::B:
        return u"BINARY"_s;
    case AttributeType::Bool:
        return u"BOOLEAN"_s;
    case AttributeType::Null:
        return u"NULL"_s;
    case AttributeType::M:
        return u"MAP"_s;
    case AttributeType::L:
        return u"LIST"_s;
    case AttributeType::SS:
        return u"SS"_s;
    case AttributeType::NS:
        return u"NS"_s;
    case AttributeType::BS:
        return u"BS"_s;
    }
    return {};
}

class Parser final
{
public:
    Parser(const QString &text, const QString &kind, ExpressionContext &context)
        : m_text(text)
        , m_kind(kind)
        , m_context(context)
        , m_tokens(tokenizeExpression(text))
    {}

    bool failed() const { return m_error.has_value(); }
    const AwsError &error() const { return *m_error; }

    bool checkNotEmpty()
    {
        if (!m_text.trimmed().isEmpty())
            return true;
        fail(u"The expression can not be empty;"_s);
        return false;
    }

    bool expectEnd()
    {
        if (failed())
            return false;
        if (peek().type != Type::End) {
            syntaxError();
            return false;
        }
        return true;
    }

    ExpressionNode condition() { return orExpression(); }

    DocumentPath path()
    {
        DocumentPath result;
        if (!pathName(result))
            return result;
        while (!failed()) {
            if (peek().type == Type::Dot) {
                advance();
                if (!pathName(result))
                    return result;
            } else if (peek().type == Type::LeftBracket) {
                advance();
                if (peek().type != Type::Integer) {
                    syntaxError();
                    return result;
                }
                bool ok = false;
                const int index = advance().text.toInt(&ok);
                if (!ok) {
                    fail(u"List index is not within the allowable range; index: [%1]"_s.arg(
                        m_tokens[m_pos - 1].text));
                    return result;
                }
                if (!expect(Type::RightBracket))
                    return result;
                result.append(PathElement{QString(), index});
            } else {
                break;
            }
            if (result.size() > MaxPathDepth) {
                fail(u"The document path has too many nesting levels; nesting levels: %1"_s.arg(
                    result.size()));
                return result;
            }
        }
        return result;
    }

    QList<DocumentPath> projection()
    {
        QList<DocumentPath> paths;
        do {
            paths.append(path());
        } while (!failed() && accept(Type::Comma));
        return paths;
    }

    QList<UpdateAction> update()
    {
        QList<UpdateAction> actions;
        QSet<QString> seenSections;
        while (!failed() && peek().type != Type::End) {
            const ExpressionToken &keyword = peek();
            UpdateAction::Kind kind = UpdateAction::Kind::Set;
            if (keyword.isKeyword(u"SET"))
                kind = UpdateAction::Kind::Set;
            else if (keyword.isKeyword(u"REMOVE"))
                kind = UpdateAction::Kind::Remove;
            else if (keyword.isKeyword(u"ADD"))
                kind = UpdateAction::Kind::Add;
            else if (keyword.isKeyword(u"DELETE"))
                kind = UpdateAction::Kind::Delete;
            else {
                syntaxError();
                break;
            }
            const QString section = keyword.text.toUpper();
            if (seenSections.contains(section)) {
                fail(u"The \"%1\" section can only be used once in an update expression;"_s.arg(
                    section));
                break;
            }
            seenSections.insert(section);
            advance();
            do {
                UpdateAction action;
                action.kind = kind;
                action.path = path();
                if (failed())
                    break;
                if (kind == UpdateAction::Kind::Set) {
                    if (!expect(Type::Equal))
                        break;
                    action.value = setValue();
                } else if (kind != UpdateAction::Kind::Remove) {
                    action.value = valueOperand(section);
                }
                actions.append(std::move(action));
            } while (!failed() && accept(Type::Comma));
        }
        if (!failed() && actions.isEmpty())
            syntaxError();
        if (!failed())
            checkOverlaps(actions);
        return actions;
    }

    void fail(const QString &message)
    {
        if (!m_error)
            m_error = Errors::validation(u"Invalid %1: %2"_s.arg(m_kind, message));
    }

private:
    const ExpressionToken &peek(int ahead = 0) const
    {
        return m_tokens[std::min<qsizetype>(m_pos + ahead, m_tokens.size() - 1)];
    }
    const ExpressionToken &advance()
    {
        const ExpressionToken &token = peek();
        if (m_pos < m_tokens.size() - 1)
            ++m_pos;
        return token;
    }
    bool accept(Type type)
    {
        if (peek().type != type)
            return false;
        advance();
        return true;
    }
    bool expect(Type type)
    {
        if (accept(type))
            return true;
        syntaxError();
        return false;
    }

    void syntaxError()
    {
        const ExpressionToken &token = peek();
        const QString shown = token.type == Type::End ? u"<EOF>"_s : u"\"%1\""_s.arg(token.text);
        const qsizetype from = m_pos > 0 ? m_tokens[m_pos - 1].start : token.start;
        const qsizetype to = peek(1).end;
        fail(u"Syntax error; token: %1, near: \"%2\""_s.arg(shown, m_text.mid(from, to - from)));
    }

    bool pathName(DocumentPath &path)
    {
        const ExpressionToken &token = peek();
        if (token.type == Type::Identifier) {
            if (ExpressionParser::isReservedWord(token.text)) {
                fail(u"Attribute name is a reserved keyword; reserved keyword: %1"_s.arg(
                    token.text));
                return false;
            }
            path.append(PathElement{token.text, -1});
            advance();
            return true;
        }
        if (token.type == Type::NamePlaceholder) {
            const auto it = m_context.names.constFind(token.text);
            if (it == m_context.names.cend()) {
                fail(u"An expression attribute name used in the document path is not defined; "
                     u"attribute name: %1"_s.arg(token.text));
                return false;
            }
            m_context.usedNames.insert(token.text);
            path.append(PathElement{*it, -1});
            advance();
            return true;
        }
        syntaxError();
        return false;
    }

    ExpressionNode valueNode()
    {
        const ExpressionToken &token = advance();
        ExpressionNode node;
        node.kind = Kind::Value;
        const auto it = m_context.values.constFind(token.text);
        if (it == m_context.values.cend()) {
            fail(u"An expression attribute value used in expression is not defined; attribute "
                 u"value: %1"_s.arg(token.text));
            return node;
        }
        m_context.usedValues.insert(token.text);
        node.value = *it;
        return node;
    }

    // ADD/DELETE operand: a value placeholder of a number or set (ADD) or a set (DELETE).
    ExpressionNode valueOperand(const QString &section)
    {
        if (peek().type != Type::ValuePlaceholder) {
            syntaxError();
            return {};
        }
        ExpressionNode node = valueNode();
        if (failed())
            return node;
        const bool ok = section == u"ADD"
            ? (node.value.type == AttributeType::N || node.value.isSet())
            : node.value.isSet();
        if (!ok)
            fail(
                u"Incorrect operand type for operator or function; operator: %1, operand type: %2"_s
                    .arg(section, longTypeName(node.value.type)));
        return node;
    }

    static int expectedArguments(const QString &function)
    {
        if (function == u"attribute_exists" || function == u"attribute_not_exists"
            || function == u"size")
            return 1;
        if (function == u"attribute_type" || function == u"begins_with" || function == u"contains"
            || function == u"if_not_exists" || function == u"list_append")
            return 2;
        return -1;
    }

    // name '(' args ')': the arguments parsed with argument().
    ExpressionNode function(bool inUpdate)
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
                    ? u"The function is not allowed in an update expression; function: %1"_s.arg(
                        name)
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
                fail(u"Operator or function requires a document path; operator or function: %1"_s
                         .arg(name));
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

    bool atFunction() const
    {
        return peek().type == Type::Identifier && peek(1).type == Type::LeftParen;
    }

    // Condition operand: path, :value or size(path).
    ExpressionNode operand()
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

    // SET operand: path, :value, if_not_exists(...), list_append(...).
    ExpressionNode setOperand()
    {
        if (peek().type == Type::ValuePlaceholder)
            return valueNode();
        if (atFunction())
            return function(true);
        ExpressionNode node;
        node.kind = Kind::Path;
        node.path = path();
        return node;
    }

    ExpressionNode setValue()
    {
        ExpressionNode left = setOperand();
        if (failed())
            return left;
        if (peek().type != Type::Plus && peek().type != Type::Minus)
            return left;
        ExpressionNode node;
        node.kind = advance().type == Type::Plus ? Kind::Plus : Kind::Minus;
        node.children.push_back(std::move(left));
        node.children.push_back(setOperand());
        for (const ExpressionNode &child : node.children) {
            if (child.kind == Kind::Value && child.value.type != AttributeType::N) {
                fail(u"Incorrect operand type for operator or function; operator: %1, operand "
                     u"type: %2"_s.arg(node.kind == Kind::Plus ? u"+"_s : u"-"_s,
                         longTypeName(child.value.type)));
                break;
            }
        }
        return node;
    }

    ExpressionNode orExpression()
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

    ExpressionNode andExpression()
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

    ExpressionNode notExpression()
    {
        if (peek().isKeyword(u"NOT")) {
            advance();
            ExpressionNode node;
            node.kind = Kind::Not;
            node.children.push_back(notExpression());
            return node;
        }
        return primary();
    }

    ExpressionNode primary()
    {
        if (accept(Type::LeftParen)) {
            ExpressionNode inner = orExpression();
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
                fail(u"The IN operator is provided with too many operands; number of operands: %1"_s
                         .arg(node.children.size() - 1));
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

    static QString pathForMessage(const DocumentPath &path)
    {
        QStringList parts;
        for (const PathElement &element : path)
            parts.append(element.isIndex() ? u"[%1]"_s.arg(element.index) : element.name);
        return u"["_s + parts.join(u", "_s) + u']';
    }

    void checkOverlaps(const QList<UpdateAction> &actions)
    {
        for (qsizetype i = 0; i < actions.size(); ++i) {
            for (qsizetype j = i + 1; j < actions.size(); ++j) {
                const DocumentPath &a = actions[i].path;
                const DocumentPath &b = actions[j].path;
                const qsizetype common = std::min(a.size(), b.size());
                bool prefix = true;
                for (qsizetype k = 0; k < common && prefix; ++k)
                    prefix = a[k] == b[k];
                if (prefix) {
                    fail(u"Two document paths overlap with each other; must remove or rewrite one "
                         u"of these paths; path one: %1, path two: %2"_s.arg(
                             pathForMessage(a), pathForMessage(b)));
                    return;
                }
            }
        }
    }

    const QString &m_text;
    QString m_kind;
    ExpressionContext &m_context;
    QList<ExpressionToken> m_tokens;
    qsizetype m_pos = 0;
    std::optional<AwsError> m_error;
};

} // namespace

namespace ExpressionParser {

Result<ExpressionNode> parseCondition(
    const QString &text, const QString &kind, ExpressionContext &context)
{
    Parser parser(text, kind, context);
    if (!parser.checkNotEmpty())
        return std::unexpected(parser.error());
    ExpressionNode node = parser.condition();
    if (!parser.expectEnd())
        return std::unexpected(parser.error());
    return node;
}

Result<QList<DocumentPath>> parseProjection(const QString &text, ExpressionContext &context)
{
    Parser parser(text, u"ProjectionExpression"_s, context);
    if (!parser.checkNotEmpty())
        return std::unexpected(parser.error());
    QList<DocumentPath> paths = parser.projection();
    if (!parser.expectEnd())
        return std::unexpected(parser.error());
    return paths;
}

Result<QList<UpdateAction>> parseUpdate(const QString &text, ExpressionContext &context)
{
    Parser parser(text, u"UpdateExpression"_s, context);
    if (!parser.checkNotEmpty())
        return std::unexpected(parser.error());
    QList<UpdateAction> actions = parser.update();
    if (!parser.expectEnd())
        return std::unexpected(parser.error());
    return actions;
}

} // namespace ExpressionParser

} // namespace Core::DynamoDb
