// SPDX-License-Identifier: MIT
// ExecuteStatement and BatchExecuteStatement: PartiQL SELECT/INSERT/UPDATE/DELETE on one table,
// translated into the expression operations (a SELECT with an equality on the partition key
// reads that partition through the key index; anything else scans).
#include "core/dynamodb/dynamodbservice.h"

#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/expressionparser.h"
#include "core/dynamodb/requestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

struct Token
{
    enum class Type {
        Identifier,
        Quoted,
        String,
        Number,
        Parameter,
        Punct,
        End,
    };
    Type type = Type::End;
    QString text;

    bool is(QStringView keyword) const
    {
        return type == Type::Identifier && text.compare(keyword, Qt::CaseInsensitive) == 0;
    }
    bool punct(QStringView symbol) const { return type == Type::Punct && text == symbol; }
};

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

// Turns PartiQL clauses into expression text with #n/:v placeholders.
class Translator final
{
public:
    Translator(const QList<Token> &tokens, const QJsonArray &parameters)
        : m_tokens(tokens)
        , m_parameters(parameters)
    {}

    qsizetype pos = 0;
    QJsonObject names;
    QJsonObject values;
    int parametersUsed = 0;

    const Token &peek(int ahead = 0) const
    {
        return m_tokens[std::min(pos + ahead, m_tokens.size() - 1)];
    }

    Result<QJsonObject> value()
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

    QString name(const QString &attribute)
    {
        for (auto it = names.begin(); it != names.end(); ++it)
            if (it.value().toString() == attribute)
                return it.key();
        const QString placeholder = u"#n%1"_s.arg(names.size());
        names.insert(placeholder, attribute);
        return placeholder;
    }

    Result<QString> path()
    {
        QString text;
        if (peek().type != Token::Type::Identifier && peek().type != Token::Type::Quoted)
            return std::unexpected(malformed(u"Expected an attribute name"_s));
        text += name(peek().text);
        ++pos;
        while (true) {
            if (peek().punct(u".")
                && (peek(1).type == Token::Type::Identifier
                    || peek(1).type == Token::Type::Quoted)) {
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

    bool atValue() const
    {
        const Token &token = peek();
        return token.type == Token::Type::Parameter || token.type == Token::Type::String
            || token.type == Token::Type::Number || token.is(u"TRUE") || token.is(u"FALSE")
            || token.is(u"NULL") || token.punct(u"[") || token.punct(u"{") || token.punct(u"<<");
    }

    // Translates tokens until one of the stop keywords (at depth 0) or the end.
    Result<QString> expression(const QStringList &stops)
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
                out.append((negated ? u"attribute_exists("_s : u"attribute_not_exists("_s) + target
                    + u')');
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

    QString placeholder(const QJsonObject &value)
    {
        const QString key = u":v%1"_s.arg(values.size());
        values.insert(key, value);
        return key;
    }

    Result<QString> tableName()
    {
        if (peek().type != Token::Type::Identifier && peek().type != Token::Type::Quoted)
            return std::unexpected(malformed(u"Expected a table name"_s));
        return m_tokens[pos++].text;
    }

    Status checkAllParametersUsed() const
    {
        if (parametersUsed != m_parameters.size())
            return std::unexpected(Errors::validation(
                u"Number of parameters in request and statement don't match."_s));
        return {};
    }

private:
    const QList<Token> &m_tokens;
    QJsonArray m_parameters;
};

void addExpressionMaps(QJsonObject &request, const Translator &translator)
{
    if (!translator.names.isEmpty())
        request.insert(u"ExpressionAttributeNames"_s, translator.names);
    if (!translator.values.isEmpty())
        request.insert(u"ExpressionAttributeValues"_s, translator.values);
}

// Top-level equalities "path = value" of a WHERE clause (attribute -> value).
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

} // namespace

DynamoDbService::Response DynamoDbService::executeStatement(const QJsonObject &request)
{
    const QString statement = request.value(u"Statement"_s).toString();
    auto tokens = tokenize(statement);
    if (!tokens)
        return std::unexpected(tokens.error());
    Translator translator(*tokens, request.value(u"Parameters"_s).toArray());
    const Token verb = translator.peek();
    ++translator.pos;
    QJsonObject forwarded;
    for (const QString &member :
        {u"ReturnConsumedCapacity"_s, u"ReturnValuesOnConditionCheckFailure"_s})
        if (request.contains(member))
            forwarded.insert(member, request.value(member));

    if (verb.is(u"SELECT")) {
        QString projection;
        if (translator.peek().punct(u"*")) {
            ++translator.pos;
        } else {
            auto paths = translator.expression({u"FROM"_s});
            if (!paths)
                return std::unexpected(paths.error());
            projection = *paths;
        }
        if (!translator.peek().is(u"FROM"))
            return std::unexpected(malformed(u"Expected FROM"_s));
        ++translator.pos;
        auto table = translator.tableName();
        if (!table)
            return std::unexpected(table.error());
        auto info = loadTable(*table);
        if (!info)
            return std::unexpected(info.error());
        QJsonObject query = forwarded;
        query.insert(u"TableName"_s, *table);
        Core::DynamoDb::KeySchema schema = info->key;
        if (translator.peek().punct(u".")) {
            const QString index = translator.peek(1).text;
            translator.pos += 2;
            const SecondaryIndex *found = info->index(index);
            if (!found)
                return std::unexpected(Errors::validation(
                    u"The table does not have the specified index: %1"_s.arg(index)));
            schema = found->key;
            query.insert(u"IndexName"_s, index);
        }
        QString where;
        if (translator.peek().is(u"WHERE")) {
            ++translator.pos;
            auto condition = translator.expression({});
            if (!condition)
                return std::unexpected(condition.error());
            where = *condition;
        }
        if (translator.peek().type != Token::Type::End)
            return std::unexpected(
                malformed(u"Unexpected token: %1"_s.arg(translator.peek().text)));
        if (auto ok = translator.checkAllParametersUsed(); !ok)
            return std::unexpected(ok.error());
        if (!projection.isEmpty())
            query.insert(u"ProjectionExpression"_s, projection);
        if (request.contains(u"Limit"_s))
            query.insert(u"Limit"_s, request.value(u"Limit"_s));
        if (request.contains(u"ConsistentRead"_s))
            query.insert(u"ConsistentRead"_s, request.value(u"ConsistentRead"_s));
        if (request.contains(u"NextToken"_s))
            query.insert(u"ExclusiveStartKey"_s,
                QJsonDocument::fromJson(
                    QByteArray::fromBase64(request.value(u"NextToken"_s).toString().toLatin1()))
                    .object());
        const auto keys = where.isEmpty() ? QHash<QString, QJsonObject>()
                                          : equalities(where, translator.names, translator.values);
        QJsonObject names = translator.names;
        QJsonObject values = translator.values;
        if (!where.isEmpty())
            query.insert(u"FilterExpression"_s, where);
        Response response;
        if (keys.contains(schema.hashName)) {
            names.insert(u"#partiqlHash"_s, schema.hashName);
            values.insert(u":partiqlHash"_s, keys.value(schema.hashName));
            query.insert(u"KeyConditionExpression"_s, u"#partiqlHash = :partiqlHash"_s);
            query.insert(u"ExpressionAttributeNames"_s, names);
            query.insert(u"ExpressionAttributeValues"_s, values);
            response = queryImpl(query, true);
        } else {
            if (!names.isEmpty())
                query.insert(u"ExpressionAttributeNames"_s, names);
            if (!values.isEmpty())
                query.insert(u"ExpressionAttributeValues"_s, values);
            response = scan(query);
        }
        if (!response)
            return response;
        QJsonObject result{{u"Items"_s, response->value(u"Items"_s)}};
        if (response->contains(u"LastEvaluatedKey"_s)) {
            result.insert(u"LastEvaluatedKey"_s, response->value(u"LastEvaluatedKey"_s));
            result.insert(u"NextToken"_s,
                QString::fromLatin1(QJsonDocument(response->value(u"LastEvaluatedKey"_s).toObject())
                                        .toJson(QJsonDocument::Compact)
                                        .toBase64()));
        }
        if (response->contains(u"ConsumedCapacity"_s))
            result.insert(u"ConsumedCapacity"_s, response->value(u"ConsumedCapacity"_s));
        return result;
    }

    if (verb.is(u"INSERT")) {
        if (!translator.peek().is(u"INTO"))
            return std::unexpected(malformed(u"Expected INTO"_s));
        ++translator.pos;
        auto table = translator.tableName();
        if (!table)
            return std::unexpected(table.error());
        if (!translator.peek().is(u"VALUE"))
            return std::unexpected(malformed(u"Expected VALUE"_s));
        ++translator.pos;
        auto item = translator.value();
        if (!item)
            return std::unexpected(item.error());
        if (!item->contains(u"M"_s) || translator.peek().type != Token::Type::End)
            return std::unexpected(malformed(u"INSERT takes one tuple: VALUE {...}"_s));
        if (auto ok = translator.checkAllParametersUsed(); !ok)
            return std::unexpected(ok.error());
        auto info = loadTable(*table);
        if (!info)
            return std::unexpected(info.error());
        QJsonObject put = forwarded;
        put.insert(u"TableName"_s, *table);
        put.insert(u"Item"_s, item->value(u"M"_s));
        put.insert(u"ConditionExpression"_s, u"attribute_not_exists(#partiqlHash)"_s);
        put.insert(
            u"ExpressionAttributeNames"_s, QJsonObject{{u"#partiqlHash"_s, info->key.hashName}});
        auto response = putItem(put);
        if (!response && response.error().code == u"ConditionalCheckFailedException")
            return std::unexpected(AwsError{u"DuplicateItemException"_s,
                u"Duplicate primary key exists in table"_s,
                400,
                true});
        if (!response)
            return response;
        QJsonObject result{{u"Items"_s, QJsonArray()}};
        if (response->contains(u"ConsumedCapacity"_s))
            result.insert(u"ConsumedCapacity"_s, response->value(u"ConsumedCapacity"_s));
        return result;
    }

    const bool update = verb.is(u"UPDATE");
    if (!update && !verb.is(u"DELETE"))
        return std::unexpected(
            malformed(u"Unsupported statement; use SELECT, INSERT, UPDATE or DELETE"_s));
    if (!update) {
        if (!translator.peek().is(u"FROM"))
            return std::unexpected(malformed(u"Expected FROM"_s));
        ++translator.pos;
    }
    auto table = translator.tableName();
    if (!table)
        return std::unexpected(table.error());
    auto info = loadTable(*table);
    if (!info)
        return std::unexpected(info.error());
    QStringList clauses;
    while (update && (translator.peek().is(u"SET") || translator.peek().is(u"REMOVE"))) {
        const QString keyword = translator.peek().text.toUpper();
        ++translator.pos;
        auto clause = translator.expression({u"SET"_s, u"REMOVE"_s, u"WHERE"_s});
        if (!clause)
            return std::unexpected(clause.error());
        clauses.append(keyword + u' ' + *clause);
    }
    if (update && clauses.isEmpty())
        return std::unexpected(malformed(u"Expected SET or REMOVE"_s));
    if (!translator.peek().is(u"WHERE"))
        return std::unexpected(malformed(u"Expected WHERE"_s));
    ++translator.pos;
    auto where = translator.expression({});
    if (!where)
        return std::unexpected(where.error());
    if (auto ok = translator.checkAllParametersUsed(); !ok)
        return std::unexpected(ok.error());
    const auto keys = equalities(*where, translator.names, translator.values);
    QJsonObject key;
    for (const QString &name : {info->key.hashName, info->key.rangeName}) {
        if (name.isEmpty())
            continue;
        if (!keys.contains(name))
            return std::unexpected(Errors::validation(
                u"Where clause does not contain a mandatory equality on all key attributes"_s));
        key.insert(name, keys.value(name));
    }
    QJsonObject write = forwarded;
    write.insert(u"TableName"_s, *table);
    write.insert(u"Key"_s, key);
    write.insert(u"ConditionExpression"_s, *where);
    if (update)
        write.insert(u"UpdateExpression"_s, clauses.join(u' '));
    addExpressionMaps(write, translator);
    auto response = update ? updateItem(write) : deleteItem(write);
    if (!response)
        return response;
    QJsonObject result{{u"Items"_s, QJsonArray()}};
    if (response->contains(u"ConsumedCapacity"_s))
        result.insert(u"ConsumedCapacity"_s, response->value(u"ConsumedCapacity"_s));
    return result;
}

DynamoDbService::Response DynamoDbService::batchExecuteStatement(const QJsonObject &request)
{
    const QJsonArray statements = request.value(u"Statements"_s).toArray();
    if (statements.isEmpty() || statements.size() > 25)
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value at 'statements' failed to satisfy constraint: "
            u"Member must have length %1"_s.arg(statements.isEmpty()
                    ? u"greater than or equal to 1"_s
                    : u"less than or equal to 25"_s)));
    QJsonArray responses;
    for (const QJsonValue &entry : statements) {
        QJsonObject single = entry.toObject();
        const QString text = single.value(u"Statement"_s).toString();
        auto response = executeStatement(single);
        QJsonObject answer;
        if (const auto tokens = tokenize(text)) {
            for (qsizetype i = 0; i + 1 < tokens->size(); ++i) {
                const Token &token = (*tokens)[i];
                if (token.is(u"FROM") || token.is(u"INTO") || (i == 0 && token.is(u"UPDATE"))) {
                    answer.insert(u"TableName"_s, (*tokens)[i + 1].text);
                    break;
                }
            }
        }
        if (!response) {
            QString code = response.error().code;
            if (code.endsWith(u"Exception"))
                code.chop(9);
            answer.insert(u"Error"_s,
                QJsonObject{{u"Code"_s, code}, {u"Message"_s, response.error().message}});
        } else {
            const QJsonArray items = response->value(u"Items"_s).toArray();
            if (!items.isEmpty())
                answer.insert(u"Item"_s, items.first());
        }
        responses.append(answer);
    }
    return QJsonObject{{u"Responses"_s, responses}};
}

} // namespace Core::DynamoDb
