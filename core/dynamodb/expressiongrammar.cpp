// SPDX-License-Identifier: MIT
// Tokens, document paths and values of the expression grammar.
#include "core/dynamodb/expressiongrammar.h"

#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/expressionparser.h"

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

constexpr int MaxPathDepth = 32;

} // namespace

QString ExpressionGrammar::longTypeName(AttributeType type)
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

bool ExpressionGrammar::checkNotEmpty()
{
    // AWS: an expression string is at most 4 KB.
    if (const qsizetype size = m_text.toUtf8().size(); size > MaxExpressionBytes) {
        fail(u"Expression size has exceeded the maximum allowed size; expression size: %1"_s.arg(
            size));
        return false;
    }
    if (!m_text.trimmed().isEmpty())
        return true;
    fail(u"The expression can not be empty;"_s);
    return false;
}

bool ExpressionGrammar::enterNesting()
{
    if (++m_depth <= MaxNesting)
        return true;
    fail(u"The expression has more than %1 nested levels of parentheses or NOT"_s.arg(MaxNesting));
    return false;
}

bool ExpressionGrammar::expectEnd()
{
    if (failed())
        return false;
    if (peek().type != Type::End) {
        syntaxError();
        return false;
    }
    return true;
}

DocumentPath ExpressionGrammar::path()
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

QList<DocumentPath> ExpressionGrammar::projection()
{
    QList<DocumentPath> paths;
    do {
        paths.append(path());
    } while (!failed() && accept(Type::Comma));
    return paths;
}

void ExpressionGrammar::fail(const QString &message)
{
    if (!m_error)
        m_error = Errors::validation(u"Invalid %1: %2"_s.arg(m_kind, message));
}

const ExpressionToken &ExpressionGrammar::peek(int ahead) const
{
    return m_tokens[std::min<qsizetype>(m_pos + ahead, m_tokens.size() - 1)];
}

const ExpressionToken &ExpressionGrammar::advance()
{
    const ExpressionToken &token = peek();
    if (m_pos < m_tokens.size() - 1)
        ++m_pos;
    return token;
}

bool ExpressionGrammar::accept(Type type)
{
    if (peek().type != type)
        return false;
    advance();
    return true;
}

bool ExpressionGrammar::expect(Type type)
{
    if (accept(type))
        return true;
    syntaxError();
    return false;
}

void ExpressionGrammar::syntaxError()
{
    const ExpressionToken &token = peek();
    const QString shown = token.type == Type::End ? u"<EOF>"_s : u"\"%1\""_s.arg(token.text);
    const qsizetype from = m_pos > 0 ? m_tokens[m_pos - 1].start : token.start;
    const qsizetype to = peek(1).end;
    fail(u"Syntax error; token: %1, near: \"%2\""_s.arg(shown, m_text.mid(from, to - from)));
}

bool ExpressionGrammar::pathName(DocumentPath &path)
{
    const ExpressionToken &token = peek();
    if (token.type == Type::Identifier) {
        if (ExpressionParser::isReservedWord(token.text)) {
            fail(u"Attribute name is a reserved keyword; reserved keyword: %1"_s.arg(token.text));
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

ExpressionNode ExpressionGrammar::valueNode()
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

ExpressionNode ExpressionGrammar::valueOperand(const QString &section)
{
    if (peek().type != Type::ValuePlaceholder) {
        syntaxError();
        return {};
    }
    ExpressionNode node = valueNode();
    if (failed())
        return node;
    const bool ok = section == u"ADD" ? (node.value.type == AttributeType::N || node.value.isSet())
                                      : node.value.isSet();
    if (!ok)
        fail(u"Incorrect operand type for operator or function; operator: %1, operand type: %2"_s
                 .arg(section, longTypeName(node.value.type)));
    return node;
}

} // namespace Core::DynamoDb
