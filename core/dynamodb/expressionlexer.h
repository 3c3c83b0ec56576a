// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace Core::DynamoDb {

// Tokens of DynamoDB's expression languages.
struct ExpressionToken
{
    enum class Type {
        Identifier,
        NamePlaceholder,
        ValuePlaceholder,
        Integer,
        LeftParen,
        RightParen,
        LeftBracket,
        RightBracket,
        Comma,
        Dot,
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Plus,
        Minus,
        Invalid,
        End,
    };
    Type type = Type::End;
    QString text;
    qsizetype start = 0;
    qsizetype end = 0;

    // Identifier equal to a keyword, ignoring case (AND, BETWEEN, SET ...).
    bool isKeyword(QStringView keyword) const;
};

QList<ExpressionToken> tokenizeExpression(const QString &text);

} // namespace Core::DynamoDb
