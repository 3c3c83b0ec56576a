// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Core::Logs {

struct FilterToken
{
    enum class Type {
        LeftParen,
        RightParen,
        And,
        Or,
        Comma,
        Operator, // = != < <= > >=
        String, // "quoted", unescaped
        Regex, // %...%, without the %
        Word, // selector, field name, keyword, number or bare value
    };
    Type type;
    QString text;
};

// The conditions of JSON ({ $.a = 1 && ($.b > 2 || $.c IS NULL) }) and space-delimited
// ([a, b > 1 || b = x*]) filter patterns: the tokenizer, a parser for && (binding tighter), ||
// and parentheses over comparisons, and their evaluation against a JSON document or the named
// fields of an event. FilterPattern builds on it. Immutable once parsed; any thread.
class FilterCondition final
{
public:
    struct Node;

    static std::optional<QList<FilterToken>> tokenize(const QString &text, QString *error);
    // json: comparisons start with $ selectors; otherwise with field names.
    static std::unique_ptr<FilterCondition> parse(
        const QList<FilterToken> &tokens, bool json, QString *error);
    // Both conditions must hold (the fields of a space-delimited pattern).
    static std::unique_ptr<FilterCondition> both(
        std::unique_ptr<FilterCondition> left, std::unique_ptr<FilterCondition> right);
    ~FilterCondition();

    bool matches(const QJsonValue &document) const;
    bool matches(const QHash<QString, QString> &fields) const;
    // The first value a selector ($.a.b[0]) names in a document; nullopt for a selector that is
    // not valid or names nothing.
    static std::optional<QJsonValue> select(const QJsonValue &document, const QString &selector);

private:
    explicit FilterCondition(std::unique_ptr<Node> root);

    std::unique_ptr<Node> m_root;
};

} // namespace Core::Logs
