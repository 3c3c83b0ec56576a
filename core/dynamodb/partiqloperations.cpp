// SPDX-License-Identifier: MIT
// ExecuteStatement and BatchExecuteStatement: PartiQL SELECT/INSERT/UPDATE/DELETE on one table,
// translated into the expression operations (a SELECT with an equality on the partition key
// reads that partition through the key index; anything else scans).
#include "core/dynamodb/dynamodbservice.h"

#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/expressionparser.h"
#include "core/dynamodb/partiqltranslator.h"
#include "core/dynamodb/requestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

using namespace Partiql;

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
