// SPDX-License-Identifier: MIT
#pragma once

#include "core/dynamodb/expression.h"
#include "core/dynamodb/expressionlexer.h"

#include <optional>

namespace Core::DynamoDb {

// The recursive-descent grammar behind ExpressionParser (internal to core/dynamodb): token
// handling, document paths and values in expressiongrammar.cpp, conditions in
// conditiongrammar.cpp, update expressions in updategrammar.cpp. The first error wins and is
// reported with the request parameter's name ("Invalid ConditionExpression: ...").
class ExpressionGrammar final
{
public:
    using Type = ExpressionToken::Type;
    using Kind = ExpressionNode::Kind;

    ExpressionGrammar(const QString &text, const QString &kind, ExpressionContext &context)
        : m_text(text)
        , m_kind(kind)
        , m_context(context)
        , m_tokens(tokenizeExpression(text))
    {}
    bool failed() const { return m_error.has_value(); }
    const AwsError &error() const { return *m_error; }
    bool checkNotEmpty();
    bool expectEnd();
    ExpressionNode condition() { return orExpression(); }
    DocumentPath path();
    QList<DocumentPath> projection();
    QList<UpdateAction> update();
    void fail(const QString &message);

    static constexpr qsizetype MaxExpressionBytes = 4096;
    // Parentheses and NOTs nest by recursion: bounded well below what the stack holds.
    static constexpr int MaxNesting = 256;

private:
    // Before descending into a nested condition; false (and failed) past MaxNesting. Every
    // call is paired with leaveNesting().
    bool enterNesting();
    void leaveNesting() { --m_depth; }
    static QString longTypeName(AttributeType type); // "NUMBER", as in AWS's messages
    const ExpressionToken &peek(int ahead = 0) const;
    const ExpressionToken &advance();
    bool accept(Type type);
    bool expect(Type type);
    void syntaxError();
    bool pathName(DocumentPath &path);
    ExpressionNode valueNode();
    // ADD/DELETE operand: a value placeholder of a number or set (ADD) or a set (DELETE).
    ExpressionNode valueOperand(const QString &section);
    static int expectedArguments(const QString &function);
    // name '(' args ')': the arguments parsed with argument().
    ExpressionNode function(bool inUpdate);
    bool atFunction() const;
    // Condition operand: path, :value or size(path).
    ExpressionNode operand();
    // SET operand: path, :value, if_not_exists(...), list_append(...).
    ExpressionNode setOperand();
    ExpressionNode setValue();
    ExpressionNode orExpression();
    ExpressionNode andExpression();
    ExpressionNode notExpression();
    ExpressionNode primary();
    static QString pathForMessage(const DocumentPath &path);
    void checkOverlaps(const QList<UpdateAction> &actions);

    const QString &m_text;
    QString m_kind;
    ExpressionContext &m_context;
    QList<ExpressionToken> m_tokens;
    qsizetype m_pos = 0;
    int m_depth = 0;
    std::optional<AwsError> m_error;
};

} // namespace Core::DynamoDb
