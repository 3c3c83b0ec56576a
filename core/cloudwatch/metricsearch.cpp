// SPDX-License-Identifier: MIT
#include "core/cloudwatch/metricsearch.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch {

struct MetricSearch::Node
{
    enum Kind {
        Term,
        And,
        Or,
        Not,
    } kind = Term;
    QString designator; // Term: empty, MetricName, Namespace or a dimension name
    QString value;
    bool exact = false; // Term: a quoted value
    std::shared_ptr<const Node> left;
    std::shared_ptr<const Node> right; // And, Or; Not uses left
};

namespace {

using Node = MetricSearch::Node;
using NodePtr = std::shared_ptr<const Node>;

struct Token
{
    enum Kind {
        Term,
        Schema,
        Open,
        Close,
        And,
        Or,
        Not,
        End,
    } kind = End;
    QString designator;
    QString value;
    bool exact = false;
    QStringList schema;
};

Token makeToken(Token::Kind kind, QString designator = {}, QString value = {}, bool exact = false)
{
    Token token;
    token.kind = kind;
    token.designator = std::move(designator);
    token.value = std::move(value);
    token.exact = exact;
    return token;
}

Status invalid(const QString &why)
{
    return std::unexpected(
        AwsError{u"ValidationError"_s, u"Invalid search expression: %1"_s.arg(why), 400, true});
}

QString unquote(QString text)
{
    text = text.trimmed();
    if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"'))
        return text.mid(1, text.size() - 2);
    return text;
}

Result<QList<Token>> tokenize(const QString &text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const auto quoted = [&](qsizetype from) -> std::optional<std::pair<QString, qsizetype>> {
        const qsizetype close = text.indexOf(u'"', from + 1);
        if (close < 0)
            return std::nullopt;
        return std::pair{text.mid(from + 1, close - from - 1), close + 1};
    };
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'{') {
            const qsizetype close = text.indexOf(u'}', i);
            if (close < 0)
                return std::unexpected(invalid(u"'}' expected"_s).error());
            Token token = makeToken(Token::Schema);
            for (const QString &part : text.mid(i + 1, close - i - 1).split(u','))
                token.schema.append(unquote(part));
            if (token.schema.isEmpty() || token.schema.front().isEmpty())
                return std::unexpected(invalid(u"the schema names no namespace"_s).error());
            tokens.append(token);
            i = close + 1;
        } else if (c == u'(' || c == u')') {
            tokens.append(makeToken(c == u'(' ? Token::Open : Token::Close));
            ++i;
        } else if (c == u'"') {
            const auto phrase = quoted(i);
            if (!phrase)
                return std::unexpected(invalid(u"unterminated quote"_s).error());
            tokens.append(makeToken(Token::Term, {}, phrase->first, true));
            i = phrase->second;
        } else {
            qsizetype j = i;
            while (j < text.size() && !text.at(j).isSpace() && text.at(j) != u'('
                && text.at(j) != u')' && text.at(j) != u'=')
                ++j;
            const QString word = text.mid(i, j - i);
            if (j < text.size() && text.at(j) == u'=') {
                Token token = makeToken(Token::Term, word);
                if (j + 1 < text.size() && text.at(j + 1) == u'"') {
                    const auto phrase = quoted(j + 1);
                    if (!phrase)
                        return std::unexpected(invalid(u"unterminated quote"_s).error());
                    token.value = phrase->first;
                    token.exact = true;
                    i = phrase->second;
                } else {
                    qsizetype k = j + 1;
                    while (k < text.size() && !text.at(k).isSpace() && text.at(k) != u'('
                        && text.at(k) != u')')
                        ++k;
                    token.value = text.mid(j + 1, k - j - 1);
                    i = k;
                }
                if (word.isEmpty() || token.value.isEmpty())
                    return std::unexpected(invalid(u"'=' needs a name and a value"_s).error());
                tokens.append(token);
                continue;
            }
            if (word == u"AND")
                tokens.append(makeToken(Token::And));
            else if (word == u"OR")
                tokens.append(makeToken(Token::Or));
            else if (word == u"NOT")
                tokens.append(makeToken(Token::Not));
            else
                tokens.append(makeToken(Token::Term, {}, word));
            i = j;
        }
    }
    tokens.append(makeToken(Token::End));
    return tokens;
}

class Parser
{
public:
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    {}

    Result<NodePtr> parseOr()
    {
        auto left = parseAnd();
        if (!left)
            return left;
        while (peek().kind == Token::Or) {
            ++m_position;
            auto right = parseAnd();
            if (!right)
                return right;
            left = join(Node::Or, *left, *right);
        }
        return left;
    }

    const Token &peek() const { return m_tokens.at(m_position); }

private:
    static NodePtr join(Node::Kind kind, NodePtr left, NodePtr right)
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    Result<NodePtr> parseAnd()
    {
        auto left = parseUnary();
        if (!left)
            return left;
        for (;;) {
            const Token::Kind next = peek().kind;
            if (next == Token::And)
                ++m_position;
            else if (next != Token::Term && next != Token::Not && next != Token::Open)
                return left;
            auto right = parseUnary();
            if (!right)
                return right;
            left = join(Node::And, *left, *right);
        }
    }

    Result<NodePtr> parseUnary()
    {
        const Token &token = peek();
        if (token.kind == Token::Not) {
            ++m_position;
            auto inner = parseUnary();
            if (!inner)
                return inner;
            return join(Node::Not, *inner, nullptr);
        }
        if (token.kind == Token::Open) {
            ++m_position;
            auto inner = parseOr();
            if (!inner)
                return inner;
            if (peek().kind != Token::Close)
                return std::unexpected(invalid(u"')' expected"_s).error());
            ++m_position;
            return inner;
        }
        if (token.kind != Token::Term)
            return std::unexpected(
                invalid(token.kind == Token::End ? u"a search term expected at the end"_s
                                                 : u"a search term expected"_s)
                    .error());
        ++m_position;
        auto node = std::make_shared<Node>();
        node->designator = token.designator;
        node->value = token.value;
        node->exact = token.exact;
        return NodePtr(node);
    }

    QList<Token> m_tokens;
    qsizetype m_position = 0;
};

bool valueMatches(const QString &candidate, const Node &term)
{
    return term.exact ? candidate == term.value
                      : candidate.contains(term.value, Qt::CaseInsensitive);
}

bool termMatches(const Node &term, const Metric &metric)
{
    if (term.designator == u"MetricName")
        return valueMatches(metric.metricName, term);
    if (term.designator == u"Namespace")
        return valueMatches(metric.metricNamespace, term);
    if (!term.designator.isEmpty()) {
        return std::any_of(metric.dimensions.cbegin(),
            metric.dimensions.cend(),
            [&term](const Dimension &dimension) {
                return dimension.name == term.designator && valueMatches(dimension.value, term);
            });
    }
    if (valueMatches(metric.metricName, term) || valueMatches(metric.metricNamespace, term))
        return true;
    return std::any_of(
        metric.dimensions.cbegin(), metric.dimensions.cend(), [&term](const Dimension &dimension) {
            return valueMatches(dimension.name, term) || valueMatches(dimension.value, term);
        });
}

bool nodeMatches(const Node &node, const Metric &metric)
{
    switch (node.kind) {
    case Node::Term:
        return termMatches(node, metric);
    case Node::And:
        return nodeMatches(*node.left, metric) && nodeMatches(*node.right, metric);
    case Node::Or:
        return nodeMatches(*node.left, metric) || nodeMatches(*node.right, metric);
    case Node::Not:
        return !nodeMatches(*node.left, metric);
    }
    return false;
}

} // namespace

Result<MetricSearch> MetricSearch::parse(const QString &text)
{
    auto tokens = tokenize(text);
    if (!tokens)
        return std::unexpected(tokens.error());
    MetricSearch search;
    if (!tokens->isEmpty() && tokens->front().kind == Token::Schema) {
        search.m_hasSchema = true;
        search.m_schemaNamespace = tokens->front().schema.front();
        search.m_schemaDimensions = tokens->front().schema.mid(1);
        search.m_schemaDimensions.sort();
        tokens->removeFirst();
    }
    if (std::any_of(tokens->cbegin(), tokens->cend(), [](const Token &token) {
            return token.kind == Token::Schema;
        }))
        return std::unexpected(invalid(u"the schema must come first"_s).error());
    if (tokens->size() == 1) { // End only
        if (!search.m_hasSchema)
            return std::unexpected(invalid(u"the expression is empty"_s).error());
        return search;
    }
    Parser parser(*tokens);
    auto root = parser.parseOr();
    if (!root)
        return std::unexpected(root.error());
    if (parser.peek().kind != Token::End)
        return std::unexpected(invalid(u"unexpected ')'"_s).error());
    search.m_root = *root;
    return search;
}

bool MetricSearch::matches(const Metric &metric) const
{
    if (m_hasSchema) {
        if (metric.metricNamespace != m_schemaNamespace)
            return false;
        QStringList names;
        for (const Dimension &dimension : metric.dimensions)
            names.append(dimension.name);
        names.sort();
        if (names != m_schemaDimensions)
            return false;
    }
    return !m_root || nodeMatches(*m_root, metric);
}

} // namespace Core::CloudWatch
