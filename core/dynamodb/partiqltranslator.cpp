// SPDX-License-Identifier: MIT
#include "core/dynamodb/partiqltranslator.h"

#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/expressionparser.h"

#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb::Partiql {

AwsError malformed(const QString &detail)
{
    return Errors::validation(u"Statement wasn't well formed, can't be processed: "_s + detail);
}

Result<QList<Token>> tokenize(const QString &text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token token;
        if (c.isLetter() || c == u'_') {
            qsizetype j = i;
            while (j < n && (text[j].isLetterOrNumber() || text[j] == u'_'))
                ++j;
            token = {Token::Type::Identifier, text.mid(i, j - i)};
            i = j;
        } else if (c.isDigit()
            || (c == u'-' && i + 1 < n && text[i + 1].isDigit() && !tokens.isEmpty()
                && tokens.back().type == Token::Type::Punct && !tokens.back().punct(u")")
                && !tokens.back().punct(u"]"))) {
            qsizetype j = i + 1;
            while (j < n
                && (text[j].isDigit() || text[j] == u'.' || text[j] == u'e' || text[j] == u'E'
                    || ((text[j] == u'-' || text[j] == u'+')
                        && (text[j - 1] == u'e' || text[j - 1] == u'E'))))
                ++j;
            token = {Token::Type::Number, text.mid(i, j - i)};
            i = j;
        } else if (c == u'\'' || c == u'"') {
            QString value;
            qsizetype j = i + 1;
            bool closed = false;
            while (j < n) {
                if (text[j] == c) {
                    if (j + 1 < n && text[j + 1] == c) {
                        value += c;
                        j += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                value += text[j++];
            }
            if (!closed)
                return std::unexpected(malformed(u"Unterminated quoted text"_s));
            token = {c == u'\'' ? Token::Type::String : Token::Type::Quoted, value};
            i = j + 1;
        } else if (c == u'?') {
            token = {Token::Type::Parameter, u"?"_s};
            ++i;
        } else {
            static const QStringList two{u"<>"_s, u"!="_s, u"<="_s, u">="_s, u"<<"_s, u">>"_s};
            const QString pair = text.mid(i, 2);
            if (two.contains(pair)) {
                token = {Token::Type::Punct, pair};
                i += 2;
            } else if (QStringView(u"()[]{},.:=<>+-*").contains(c)) {
                token = {Token::Type::Punct, QString(c)};
                ++i;
            } else {
                return std::unexpected(malformed(u"Unexpected character: %1"_s.arg(c)));
            }
        }
        tokens.append(token);
    }
    tokens.append(Token{Token::Type::End, {}});
    return tokens;
}

const Token &Translator::peek(int ahead) const
{
    return m_tokens[std::min(pos + ahead, m_tokens.size() - 1)];
}

Result<QJsonObject> Translator::value()
{
    const Token token = peek();
    ++pos;
    if (token.type == Token::Type::Parameter) {
        if (parametersUsed >= m_parameters.size())
            return std::unexpected(Errors::validation(
                u"Number of parameters in request and statement don't match."_s));
        return m_parameters[parametersUsed++].toObject();
    }
    if (token.type == Token::Type::String)
        return QJsonObject{{u"S"_s, token.text}};
    if (token.type == Token::Type::Number)
        return QJsonObject{{u"N"_s, token.text}};
    if (token.is(u"TRUE") || token.is(u"FALSE"))
        return QJsonObject{{u"BOOL"_s, token.is(u"TRUE")}};
    if (token.is(u"NULL"))
        return QJsonObject{{u"NULL"_s, true}};
    const bool nests = token.punct(u"[") || token.punct(u"<<") || token.punct(u"{");
    if (nests && m_valueDepth >= 32)
        return std::unexpected(
            Errors::validation(u"Nesting Levels have exceeded supported limits"_s));
    ++m_valueDepth;
    const auto leave = qScopeGuard([this] { --m_valueDepth; });
    if (token.punct(u"[") || token.punct(u"<<")) {
        const QString close = token.punct(u"[") ? u"]"_s : u">>"_s;
        QJsonArray elements;
        while (!peek().punct(close)) {
            auto element = value();
            if (!element)
                return element;
            elements.append(*element);
            if (!peek().punct(u","))
                break;
            ++pos;
        }
        if (!peek().punct(close))
            return std::unexpected(malformed(u"Expected %1"_s.arg(close)));
        ++pos;
        if (close == u"]")
            return QJsonObject{{u"L"_s, elements}};
        QJsonArray members;
        QString setType = u"SS"_s;
        for (const QJsonValue &element : elements) {
            const QJsonObject object = element.toObject();
            setType = object.contains(u"N"_s) ? u"NS"_s
                : object.contains(u"B"_s)     ? u"BS"_s
                                              : u"SS"_s;
            members.append(object.begin().value());
        }
        return QJsonObject{{setType, members}};
    }
    if (token.punct(u"{")) {
        QJsonObject map;
        while (!peek().punct(u"}")) {
            const Token key = peek();
            if (key.type != Token::Type::String && key.type != Token::Type::Quoted)
                return std::unexpected(malformed(u"Expected a quoted attribute name"_s));
            ++pos;
            if (!peek().punct(u":"))
                return std::unexpected(malformed(u"Expected :"_s));
            ++pos;
            auto element = value();
            if (!element)
                return element;
            map.insert(key.text, *element);
            if (!peek().punct(u","))
                break;
            ++pos;
        }
        if (!peek().punct(u"}"))
            return std::unexpected(malformed(u"Expected }"_s));
        ++pos;
        return QJsonObject{{u"M"_s, map}};
    }
    return std::unexpected(malformed(u"Unexpected token: %1"_s.arg(token.text)));
}

QString Translator::name(const QString &attribute)
{
    for (auto it = names.begin(); it != names.end(); ++it)
        if (it.value().toString() == attribute)
            return it.key();
    const QString placeholder = u"#n%1"_s.arg(names.size());
    names.insert(placeholder, attribute);
    return placeholder;
}

Result<QString> Translator::path()
{
    QString text;
    if (peek().type != Token::Type::Identifier && peek().type != Token::Type::Quoted)
        return std::unexpected(malformed(u"Expected an attribute name"_s));
    text += name(peek().text);
    ++pos;
    while (true) {
        if (peek().punct(u".")
            && (peek(1).type == Token::Type::Identifier || peek(1).type == Token::Type::Quoted)) {
            text += u'.' + name(peek(1).text);
            pos += 2;
        } else if (peek().punct(u"[") && peek(1).type == Token::Type::Number
            && peek(2).punct(u"]")) {
            text += u'[' + peek(1).text + u']';
            pos += 3;
        } else {
            return text;
        }
    }
}

bool Translator::atValue() const
{
    const Token &token = peek();
    return token.type == Token::Type::Parameter || token.type == Token::Type::String
        || token.type == Token::Type::Number || token.is(u"TRUE") || token.is(u"FALSE")
        || token.is(u"NULL") || token.punct(u"[") || token.punct(u"{") || token.punct(u"<<");
}

Result<QString> Translator::expression(const QStringList &stops)
{
    QStringList out;
    qsizetype lastPathStart = -1;
    int depth = 0;
    while (peek().type != Token::Type::End) {
        const Token token = peek();
        if (depth == 0 && std::any_of(stops.cbegin(), stops.cend(), [&](const QString &stop) {
                return token.is(stop);
            }))
            break;
        if (token.is(u"AND") || token.is(u"OR") || token.is(u"NOT") || token.is(u"BETWEEN")) {
            out.append(token.text.toUpper());
            ++pos;
        } else if (token.is(u"IN")) {
            out.append(u"IN"_s);
            ++pos;
            if (peek().punct(u"[") || peek().punct(u"(")) {
                const QString close = peek().punct(u"[") ? u"]"_s : u")"_s;
                ++pos;
                QStringList members;
                while (!peek().punct(close)) {
                    auto member = value();
                    if (!member)
                        return std::unexpected(member.error());
                    members.append(placeholder(*member));
                    if (!peek().punct(u","))
                        break;
                    ++pos;
                }
                if (!peek().punct(close))
                    return std::unexpected(malformed(u"Expected %1"_s.arg(close)));
                ++pos;
                out.append(u"("_s + members.join(u", "_s) + u")"_s);
            }
        } else if (token.is(u"IS")) {
            ++pos;
            const bool negated = peek().is(u"NOT");
            if (negated)
                ++pos;
            if (!peek().is(u"MISSING") || lastPathStart < 0)
                return std::unexpected(malformed(u"Only IS [NOT] MISSING is supported"_s));
            ++pos;
            const QString target = out.mid(lastPathStart).join(u' ');
            out = out.mid(0, lastPathStart);
            out.append(
                (negated ? u"attribute_exists("_s : u"attribute_not_exists("_s) + target + u')');
        } else if (atValue()) {
            auto literal = value();
            if (!literal)
                return std::unexpected(literal.error());
            out.append(placeholder(*literal));
        } else if (token.type == Token::Type::Identifier && peek(1).punct(u"(")) {
            out.append(token.text + u'(');
            pos += 2;
            ++depth;
        } else if (token.type == Token::Type::Identifier || token.type == Token::Type::Quoted) {
            lastPathStart = out.size();
            auto text = path();
            if (!text)
                return text;
            out.append(*text);
        } else if (token.punct(u"!=")) {
            out.append(u"<>"_s);
            ++pos;
        } else if (token.punct(u"(")) {
            out.append(u"("_s);
            ++depth;
            ++pos;
        } else if (token.punct(u")")) {
            out.append(u")"_s);
            --depth;
            ++pos;
        } else if (token.type == Token::Type::Punct
            && QStringList{u"="_s,
                u"<>"_s,
                u"<"_s,
                u"<="_s,
                u">"_s,
                u">="_s,
                u","_s,
                u"+"_s,
                u"-"_s}
                   .contains(token.text)) {
            out.append(token.text);
            ++pos;
        } else {
            return std::unexpected(malformed(u"Unexpected token: %1"_s.arg(token.text)));
        }
    }
    return out.join(u' ');
}

QString Translator::placeholder(const QJsonObject &value)
{
    const QString key = u":v%1"_s.arg(values.size());
    values.insert(key, value);
    return key;
}

Result<QString> Translator::tableName()
{
    if (peek().type != Token::Type::Identifier && peek().type != Token::Type::Quoted)
        return std::unexpected(malformed(u"Expected a table name"_s));
    return m_tokens[pos++].text;
}

Status Translator::checkAllParametersUsed() const
{
    if (parametersUsed != m_parameters.size())
        return std::unexpected(
            Errors::validation(u"Number of parameters in request and statement don't match."_s));
    return {};
}

void addExpressionMaps(QJsonObject &request, const Translator &translator)
{
    if (!translator.names.isEmpty())
        request.insert(u"ExpressionAttributeNames"_s, translator.names);
    if (!translator.values.isEmpty())
        request.insert(u"ExpressionAttributeValues"_s, translator.values);
}

QHash<QString, QJsonObject> equalities(
    const QString &condition, const QJsonObject &names, const QJsonObject &values)
{
    ExpressionContext context;
    for (auto it = names.begin(); it != names.end(); ++it)
        context.names.insert(it.key(), it.value().toString());
    for (auto it = values.begin(); it != values.end(); ++it)
        if (auto value = attributeFromJson(it.value()))
            context.values.insert(it.key(), *value);
    QHash<QString, QJsonObject> result;
    auto node = ExpressionParser::parseCondition(condition, u"WHERE"_s, context);
    if (!node)
        return result;
    QList<const ExpressionNode *> pending{&*node};
    while (!pending.isEmpty()) {
        const ExpressionNode *current = pending.takeLast();
        if (current->kind == ExpressionNode::Kind::And) {
            for (const ExpressionNode &child : current->children)
                pending.append(&child);
        } else if (current->kind == ExpressionNode::Kind::Compare
            && current->comparator == ExpressionNode::Comparator::Equal
            && current->children[0].kind == ExpressionNode::Kind::Path
            && current->children[0].path.size() == 1
            && current->children[1].kind == ExpressionNode::Kind::Value) {
            result.insert(
                current->children[0].path[0].name, attributeToJson(current->children[1].value));
        }
    }
    return result;
}

} // namespace Core::DynamoDb::Partiql
