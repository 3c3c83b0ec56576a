// SPDX-License-Identifier: MIT
// ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: PartiQL
// SELECT/INSERT/UPDATE/DELETE on one table, translated into the expression operations (a SELECT
// with an equality on the partition key reads that partition through the key index; anything else
// scans).
#include "core/dynamodb/dynamodbservice.h"

#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/expressionparser.h"
#include "core/dynamodb/partiqltranslator.h"
#include "core/dynamodb/requestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

using namespace Partiql;

namespace {

constexpr qsizetype MaxStatementLength = 8192; // the model's PartiQLStatement

} // namespace

// A PartiQL statement translated into the request of the operation that runs it.
struct DynamoDbService::PartiqlStatement
{
    enum class Verb {
        Select,
        Insert,
        Update,
        Delete,
    };
    Verb verb = Verb::Select;
    QJsonObject request; // Query or Scan (Select), PutItem, UpdateItem or DeleteItem
    bool query = false; // Select: the WHERE names the partition key
    // Select: the primary key when the WHERE is nothing but equalities on all of it (what a
    // transaction's GetItem needs), else empty; and the projection.
    QJsonObject fullKey;
    QString projection;
    QJsonObject projectionNames;

    bool isWrite() const { return verb != Verb::Select; }
};

Result<DynamoDbService::PartiqlStatement> DynamoDbService::translateStatement(
    const QJsonObject &request) const
{
    const QString statement = request.value(u"Statement"_s).toString();
    if (statement.size() > MaxStatementLength)
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value at 'statement' failed to satisfy constraint: "
            u"Member must have length less than or equal to 8192"_s));
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
    PartiqlStatement translated;

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
        bool onIndex = false;
        if (translator.peek().punct(u".")) {
            const QString index = translator.peek(1).text;
            translator.pos += 2;
            const SecondaryIndex *found = info->index(index);
            if (!found)
                return std::unexpected(Errors::validation(
                    u"The table does not have the specified index: %1"_s.arg(index)));
            schema = found->key;
            query.insert(u"IndexName"_s, index);
            onIndex = true;
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
        // A transaction reads items by their whole primary key and nothing else.
        const qsizetype keyParts = schema.rangeName.isEmpty() ? 1 : 2;
        if (!onIndex && keys.size() == keyParts && keys.contains(schema.hashName)
            && (keyParts == 1 || keys.contains(schema.rangeName))) {
            for (const QString &name : keys.keys())
                translated.fullKey.insert(name, keys.value(name));
            translated.projection = projection;
            static const QRegularExpression placeholder(u"#[A-Za-z0-9_]+"_s);
            for (auto match = placeholder.globalMatch(projection); match.hasNext();) {
                const QString name = match.next().captured();
                translated.projectionNames.insert(name, translator.names.value(name));
            }
        }
        QJsonObject names = translator.names;
        QJsonObject values = translator.values;
        if (!where.isEmpty())
            query.insert(u"FilterExpression"_s, where);
        if (keys.contains(schema.hashName)) {
            names.insert(u"#partiqlHash"_s, schema.hashName);
            values.insert(u":partiqlHash"_s, keys.value(schema.hashName));
            query.insert(u"KeyConditionExpression"_s, u"#partiqlHash = :partiqlHash"_s);
            query.insert(u"ExpressionAttributeNames"_s, names);
            query.insert(u"ExpressionAttributeValues"_s, values);
            translated.query = true;
        } else {
            if (!names.isEmpty())
                query.insert(u"ExpressionAttributeNames"_s, names);
            if (!values.isEmpty())
                query.insert(u"ExpressionAttributeValues"_s, values);
        }
        translated.verb = PartiqlStatement::Verb::Select;
        translated.request = query;
        return translated;
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
        translated.verb = PartiqlStatement::Verb::Insert;
        translated.request = put;
        return translated;
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
    translated.verb = update ? PartiqlStatement::Verb::Update : PartiqlStatement::Verb::Delete;
    translated.request = write;
    return translated;
}

DynamoDbService::Response DynamoDbService::executeStatement(const QJsonObject &request)
{
    auto statement = translateStatement(request);
    if (!statement)
        return std::unexpected(statement.error());
    const QJsonObject &translated = statement->request;
    Response response;
    switch (statement->verb) {
    case PartiqlStatement::Verb::Select:
        response = statement->query ? queryImpl(translated, true) : scan(translated);
        break;
    case PartiqlStatement::Verb::Insert:
        response = putItem(translated);
        if (!response && response.error().code == u"ConditionalCheckFailedException")
            return std::unexpected(AwsError{u"DuplicateItemException"_s,
                u"Duplicate primary key exists in table"_s,
                400,
                true});
        break;
    case PartiqlStatement::Verb::Update:
        response = updateItem(translated);
        break;
    case PartiqlStatement::Verb::Delete:
        response = deleteItem(translated);
        break;
    }
    if (!response)
        return response;
    QJsonObject result{
        {u"Items"_s, statement->isWrite() ? QJsonArray() : response->value(u"Items"_s).toArray()}};
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

// ExecuteTransaction: up to 100 statements, all reads (SELECTs by whole primary key, run as
// TransactGetItems) or all writes (run as TransactWriteItems: all or nothing).
DynamoDbService::Response DynamoDbService::executeTransaction(const QJsonObject &request)
{
    const QJsonArray statements = request.value(u"TransactStatements"_s).toArray();
    if (statements.isEmpty() || statements.size() > 100)
        return std::unexpected(Errors::listLength(u"transactStatements"_s, statements.size(), 100));
    QList<PartiqlStatement> translated;
    for (const QJsonValue &entry : statements) {
        auto statement = translateStatement(entry.toObject());
        if (!statement)
            return std::unexpected(statement.error());
        translated.append(*statement);
    }
    const bool writes = translated.first().isWrite();
    for (const PartiqlStatement &statement : translated) {
        if (statement.isWrite() != writes)
            return std::unexpected(
                Errors::validation(u"Transaction must contain either all reads or all writes"_s));
        if (!writes && statement.fullKey.isEmpty())
            return std::unexpected(Errors::validation(
                u"Select statements in transactions must use a full primary key equality "
                u"condition"_s));
    }
    QJsonArray items;
    for (const PartiqlStatement &statement : translated) {
        QJsonObject action = statement.request;
        action.remove(u"ReturnConsumedCapacity"_s);
        if (!writes) {
            QJsonObject get{
                {u"TableName"_s, action.value(u"TableName"_s)}, {u"Key"_s, statement.fullKey}};
            if (!statement.projection.isEmpty()) {
                get.insert(u"ProjectionExpression"_s, statement.projection);
                get.insert(u"ExpressionAttributeNames"_s, statement.projectionNames);
            }
            items.append(QJsonObject{{u"Get"_s, get}});
            continue;
        }
        const QString kind = statement.verb == PartiqlStatement::Verb::Insert ? u"Put"_s
            : statement.verb == PartiqlStatement::Verb::Update                ? u"Update"_s
                                                                              : u"Delete"_s;
        items.append(QJsonObject{{kind, action}});
    }
    QJsonObject transaction{{u"TransactItems"_s, items}};
    for (const QString &member : {u"ReturnConsumedCapacity"_s, u"ClientRequestToken"_s})
        if (request.contains(member))
            transaction.insert(member, request.value(member));
    auto response = writes ? transactWriteItems(transaction) : transactGetItems(transaction);
    if (!response) {
        // An INSERT whose key exists is a DuplicateItem, not a failed condition.
        AwsError error = response.error();
        for (auto &[name, value] : error.extra) {
            if (name != u"CancellationReasons"_s)
                continue;
            QJsonArray reasons = QJsonDocument::fromJson(value.toUtf8()).array();
            QStringList codes;
            for (qsizetype i = 0; i < reasons.size(); ++i) {
                if (i < translated.size() && translated[i].verb == PartiqlStatement::Verb::Insert
                    && reasons[i][u"Code"_s].toString() == u"ConditionalCheckFailed"_s)
                    reasons[i] = QJsonObject{{u"Code"_s, u"DuplicateItem"_s},
                        {u"Message"_s, u"Duplicate primary key exists in table"_s}};
                codes.append(reasons[i][u"Code"_s].toString());
            }
            value = QString::fromUtf8(QJsonDocument(reasons).toJson(QJsonDocument::Compact));
            error.message = u"Transaction cancelled, please refer cancellation reasons for "
                            u"specific reasons [%1]"_s.arg(codes.join(u", "_s));
        }
        return std::unexpected(error);
    }
    QJsonObject result;
    if (!writes) {
        QJsonArray responses;
        for (const QJsonValue &entry : response->value(u"Responses"_s).toArray()) {
            QJsonObject answer;
            if (entry.toObject().contains(u"Item"_s))
                answer.insert(u"Item"_s, entry[u"Item"_s]);
            responses.append(answer);
        }
        result.insert(u"Responses"_s, responses);
    }
    if (response->contains(u"ConsumedCapacity"_s))
        result.insert(u"ConsumedCapacity"_s, response->value(u"ConsumedCapacity"_s));
    return result;
}

DynamoDbService::Response DynamoDbService::batchExecuteStatement(const QJsonObject &request)
{
    const QJsonArray statements = request.value(u"Statements"_s).toArray();
    if (statements.isEmpty() || statements.size() > 25)
        return std::unexpected(Errors::listLength(u"statements"_s, statements.size(), 25));
    // AWS: a batch is either all reads or all writes.
    std::optional<bool> writes;
    for (const QJsonValue &entry : statements) {
        const auto tokens = tokenize(entry[u"Statement"_s].toString());
        if (!tokens || tokens->isEmpty())
            continue;
        const bool write = !tokens->first().is(u"SELECT");
        if (writes && *writes != write)
            return std::unexpected(Errors::validation(
                u"The entire batch must consist of either read statements or write statements, "
                u"you cannot mix both in one batch."_s));
        writes = write;
    }
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
