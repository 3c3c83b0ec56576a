// SPDX-License-Identifier: MIT
#include "core/dynamodb/expressionlexer.h"

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

bool ExpressionToken::isKeyword(QStringView keyword) const
{
    return type == Type::Identifier && text.compare(keyword, Qt::CaseInsensitive) == 0;
}

QList<ExpressionToken> tokenizeExpression(const QString &text)
{
    using Type = ExpressionToken::Type;
    QList<ExpressionToken> tokens;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (true) {
        while (i < n && text[i].isSpace())
            ++i;
        ExpressionToken token;
        token.start = i;
        if (i >= n) {
            token.type = Type::End;
            token.end = n;
            tokens.append(token);
            return tokens;
        }
        const QChar c = text[i];
        const QChar next = i + 1 < n ? text[i + 1] : QChar();
        qsizetype length = 1;
        if (isNameStart(c)) {
            token.type = Type::Identifier;
            while (i + length < n && isNameChar(text[i + length]))
                ++length;
        } else if (isDigit(c)) {
            token.type = Type::Integer;
            while (i + length < n && isDigit(text[i + length]))
                ++length;
        } else if ((c == u'#' || c == u':') && i + 1 < n && isNameChar(next)) {
            token.type = c == u'#' ? Type::NamePlaceholder : Type::ValuePlaceholder;
            while (i + length < n && isNameChar(text[i + length]))
                ++length;
        } else if (c == u'<' && next == u'>') {
            token.type = Type::NotEqual;
            length = 2;
        } else if (c == u'<' && next == u'=') {
            token.type = Type::LessOrEqual;
            length = 2;
        } else if (c == u'>' && next == u'=') {
            token.type = Type::GreaterOrEqual;
            length = 2;
        } else {
            switch (c.unicode()) {
            case u'(':
                token.type = Type::LeftParen;
                break;
            case u')':
                token.type = Type::RightParen;
                break;
            case u'[':
                token.type = Type::LeftBracket;
                break;
            case u']':
                token.type = Type::RightBracket;
                break;
            case u',':
                token.type = Type::Comma;
                break;
            case u'.':
                token.type = Type::Dot;
                break;
            case u'=':
                token.type = Type::Equal;
                break;
            case u'<':
                token.type = Type::Less;
                break;
            case u'>':
                token.type = Type::Greater;
                break;
            case u'+':
                token.type = Type::Plus;
                break;
            case u'-':
                token.type = Type::Minus;
                break;
            default:
                token.type = Type::Invalid;
                break;
            }
        }
        token.text = text.mid(i, length);
        token.end = i + length;
        tokens.append(token);
        i += length;
        if (token.type == Type::Invalid) {
            ExpressionToken end;
            end.type = Type::End;
            end.start = end.end = n;
            tokens.append(end);
            return tokens;
        }
    }
}

} // namespace Core::DynamoDb
