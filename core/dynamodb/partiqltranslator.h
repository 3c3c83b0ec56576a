// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Core::DynamoDb::Partiql {

// The PartiQL side of ExecuteStatement (internal to core/dynamodb): a tokenizer and a
// translator from PartiQL clauses to DynamoDB expression text with #n/:v placeholders.
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

AwsError malformed(const QString &detail); // "Statement wasn't well formed, ..."
Result<QList<Token>> tokenize(const QString &text);

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

    const Token &peek(int ahead = 0) const;
    Result<QJsonObject> value();
    QString name(const QString &attribute);
    Result<QString> path();
    bool atValue() const;
    // Translates tokens until one of the stop keywords (at depth 0) or the end.
    Result<QString> expression(const QStringList &stops);
    QString placeholder(const QJsonObject &value);
    Result<QString> tableName();
    Status checkAllParametersUsed() const;

private:
    const QList<Token> &m_tokens;
    QJsonArray m_parameters;
    int m_valueDepth = 0; // nested [ ], << >> and { } literals (value() recursion)
};

// ExpressionAttributeNames/Values of the translated clauses into request.
void addExpressionMaps(QJsonObject &request, const Translator &translator);
// Top-level equalities "path = value" of a WHERE clause (attribute -> value).
QHash<QString, QJsonObject> equalities(
    const QString &condition, const QJsonObject &names, const QJsonObject &values);

} // namespace Core::DynamoDb::Partiql
