// SPDX-License-Identifier: MIT
#include "core/logs/filterexpression.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Core::Logs {

namespace {

using Token = FilterToken;

bool isWordBreak(QChar c)
{
    return c.isSpace() || c == u'(' || c == u')' || c == u'=' || c == u'!' || c == u'<' || c == u'>'
        || c == u'&' || c == u'|' || c == u',' || c == u'"';
}

std::optional<QList<Token>> tokenizeText(const QString &text, QString *error)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'(') {
            tokens.append({Token::Type::LeftParen, u"("_s});
            ++i;
        } else if (c == u')') {
            tokens.append({Token::Type::RightParen, u")"_s});
            ++i;
        } else if (c == u',') {
            tokens.append({Token::Type::Comma, u","_s});
            ++i;
        } else if (text.mid(i, 2) == u"&&"_s) {
            tokens.append({Token::Type::And, u"&&"_s});
            i += 2;
        } else if (text.mid(i, 2) == u"||"_s) {
            tokens.append({Token::Type::Or, u"||"_s});
            i += 2;
        } else if (c == u'=' || c == u'!' || c == u'<' || c == u'>') {
            QString op(c);
            if (i + 1 < n && text.at(i + 1) == u'=') {
                op += u'=';
                ++i;
            }
            ++i;
            if (op == u"!"_s) {
                *error = u"Invalid filter pattern: '!' must be followed by '='."_s;
                return std::nullopt;
            }
            tokens.append({Token::Type::Operator, op});
        } else if (c == u'"') {
            QString value;
            ++i;
            bool closed = false;
            while (i < n) {
                if (text.at(i) == u'\\' && i + 1 < n) {
                    value += text.at(i + 1);
                    i += 2;
                } else if (text.at(i) == u'"') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    value += text.at(i++);
                }
            }
            if (!closed) {
                *error = u"Invalid filter pattern: unterminated quoted string."_s;
                return std::nullopt;
            }
            tokens.append({Token::Type::String, value});
        } else if (c == u'%') {
            const qsizetype end = text.indexOf(u'%', i + 1);
            if (end < 0) {
                *error = u"Invalid filter pattern: unterminated regular expression."_s;
                return std::nullopt;
            }
            tokens.append({Token::Type::Regex, text.mid(i + 1, end - i - 1)});
            i = end + 1;
        } else if (c == u'&' || c == u'|') {
            *error = u"Invalid filter pattern: use && and || to combine conditions."_s;
            return std::nullopt;
        } else {
            // Selectors may hold brackets with quoted keys: $.a["b c"][0].
            const qsizetype start = i;
            int depth = 0;
            while (i < n) {
                const QChar d = text.at(i);
                if (d == u'[') {
                    ++depth;
                } else if (d == u']') {
                    --depth;
                } else if (depth > 0 && d == u'"') {
                    const qsizetype end = text.indexOf(u'"', i + 1);
                    i = end < 0 ? n : end + 1;
                    continue;
                } else if (depth <= 0 && isWordBreak(d)) {
                    break;
                }
                ++i;
            }
            tokens.append({Token::Type::Word, text.mid(start, i - start)});
        }
    }
    return tokens;
}

enum class Comparison {
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    IsNull,
    IsTrue,
    IsFalse,
    NotExists,
};

struct Literal
{
    enum class Type {
        String,
        Number,
        Regex,
    };
    Type type = Type::String;
    QString text;
    double number = 0;
    QRegularExpression pattern; // Regex, or a String with * wildcards (anchored)
    bool wildcard = false;

    bool matchesText(const QString &value) const
    {
        if (type == Type::Regex)
            return pattern.match(value).hasMatch();
        if (wildcard)
            return pattern.match(value).hasMatch();
        return value == text;
    }
};

struct PathStep
{
    QString key;
    int index = -1;
    bool anyIndex = false;
    bool isKey = true;
};

} // namespace

struct FilterCondition::Node
{
    enum class Type {
        And,
        Or,
        Compare,
    };
    Type type = Type::Compare;
    std::unique_ptr<Node> left;
    std::unique_ptr<Node> right;
    QString field; // space-delimited: the field name
    QList<PathStep> path; // JSON: the selector after $
    Comparison comparison = Comparison::Equal;
    Literal literal;
};

namespace {

using Node = FilterCondition::Node;

std::optional<QList<PathStep>> parseSelector(const QString &selector)
{
    if (!selector.startsWith(u'$'))
        return std::nullopt;
    QList<PathStep> steps;
    qsizetype i = 1;
    const qsizetype n = selector.size();
    while (i < n) {
        if (selector.at(i) == u'.') {
            const qsizetype start = ++i;
            while (i < n && selector.at(i) != u'.' && selector.at(i) != u'[')
                ++i;
            if (i == start)
                return std::nullopt;
            steps.append({selector.mid(start, i - start)});
        } else if (selector.at(i) == u'[') {
            const qsizetype end = selector.indexOf(u']', i);
            if (end < 0)
                return std::nullopt;
            const QString inside = selector.mid(i + 1, end - i - 1).trimmed();
            i = end + 1;
            PathStep step;
            if (inside == u"*"_s) {
                step.isKey = false;
                step.anyIndex = true;
            } else if (inside.size() >= 2 && inside.startsWith(u'"') && inside.endsWith(u'"')) {
                step.key = inside.mid(1, inside.size() - 2);
            } else {
                bool ok = false;
                step.index = inside.toInt(&ok);
                step.isKey = false;
                if (!ok || step.index < 0)
                    return std::nullopt;
            }
            steps.append(step);
        } else {
            return std::nullopt;
        }
    }
    return steps;
}

class ExpressionParser
{
public:
    ExpressionParser(QList<Token> tokens, bool json, QString *error)
        : m_tokens(std::move(tokens))
        , m_json(json)
        , m_error(error)
    {}

    std::unique_ptr<Node> parseAll()
    {
        auto node = parseOr();
        if (node && m_pos < m_tokens.size())
            return fail(u"unexpected '%1'"_s.arg(m_tokens.at(m_pos).text));
        return node;
    }

private:
    std::unique_ptr<Node> fail(const QString &what)
    {
        if (m_error->isEmpty())
            *m_error = u"Invalid filter pattern: "_s + what + u'.';
        return nullptr;
    }
    const Token *peek() const { return m_pos < m_tokens.size() ? &m_tokens.at(m_pos) : nullptr; }
    bool accept(Token::Type type)
    {
        if (peek() && peek()->type == type) {
            ++m_pos;
            return true;
        }
        return false;
    }

    std::unique_ptr<Node> combine(Node::Type type, std::unique_ptr<Node> left)
    {
        auto right = type == Node::Type::Or ? parseAnd() : parsePrimary();
        if (!right)
            return nullptr;
        auto node = std::make_unique<Node>();
        node->type = type;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    std::unique_ptr<Node> parseOr()
    {
        auto node = parseAnd();
        while (node && accept(Token::Type::Or))
            node = combine(Node::Type::Or, std::move(node));
        return node;
    }

    std::unique_ptr<Node> parseAnd()
    {
        auto node = parsePrimary();
        while (node && accept(Token::Type::And))
            node = combine(Node::Type::And, std::move(node));
        return node;
    }

    std::unique_ptr<Node> parsePrimary()
    {
        if (accept(Token::Type::LeftParen)) {
            auto node = parseOr();
            if (!node)
                return nullptr;
            if (!accept(Token::Type::RightParen))
                return fail(u"missing ')'"_s);
            return node;
        }
        const Token *subject = peek();
        if (!subject || subject->type != Token::Type::Word)
            return fail(
                m_json ? u"expected a selector such as $.field"_s : u"expected a field name"_s);
        ++m_pos;
        auto node = std::make_unique<Node>();
        if (m_json) {
            const auto path = parseSelector(subject->text);
            if (!path)
                return fail(u"invalid selector '%1'"_s.arg(subject->text));
            node->path = *path;
        } else {
            node->field = subject->text;
        }
        const Token *next = peek();
        if (!next)
            return fail(u"missing comparison after '%1'"_s.arg(subject->text));
        if (next->type == Token::Type::Word) {
            const QString keyword = next->text.toUpper();
            ++m_pos;
            const Token *second = peek();
            const QString argument =
                second && second->type == Token::Type::Word ? second->text.toUpper() : QString();
            if (keyword == u"IS"_s && argument == u"NULL"_s)
                node->comparison = Comparison::IsNull;
            else if (keyword == u"IS"_s && argument == u"TRUE"_s)
                node->comparison = Comparison::IsTrue;
            else if (keyword == u"IS"_s && argument == u"FALSE"_s)
                node->comparison = Comparison::IsFalse;
            else if (keyword == u"NOT"_s && argument == u"EXISTS"_s)
                node->comparison = Comparison::NotExists;
            else
                return fail(u"unexpected '%1'"_s.arg(next->text));
            ++m_pos;
            return node;
        }
        if (next->type != Token::Type::Operator)
            return fail(u"missing comparison after '%1'"_s.arg(subject->text));
        const QString op = next->text;
        ++m_pos;
        node->comparison = op == u"="_s ? Comparison::Equal
            : op == u"!="_s             ? Comparison::NotEqual
            : op == u"<"_s              ? Comparison::Less
            : op == u"<="_s             ? Comparison::LessEqual
            : op == u">"_s              ? Comparison::Greater
                                        : Comparison::GreaterEqual;
        const Token *value = peek();
        if (!value
            || (value->type != Token::Type::Word && value->type != Token::Type::String
                && value->type != Token::Type::Regex))
            return fail(u"missing value after '%1'"_s.arg(op));
        ++m_pos;
        Literal &literal = node->literal;
        literal.text = value->text;
        if (value->type == Token::Type::Regex) {
            literal.type = Literal::Type::Regex;
            literal.pattern = QRegularExpression(value->text);
            if (!literal.pattern.isValid())
                return fail(u"invalid regular expression %%1%"_s.arg(value->text));
        } else {
            bool numeric = false;
            const double number = value->text.toDouble(&numeric);
            if (numeric && value->type == Token::Type::Word) {
                literal.type = Literal::Type::Number;
                literal.number = number;
            } else if (value->text.contains(u'*')) {
                literal.wildcard = true;
                QStringList parts = value->text.split(u'*');
                for (QString &part : parts)
                    part = QRegularExpression::escape(part);
                literal.pattern =
                    QRegularExpression(QRegularExpression::anchoredPattern(parts.join(u".*"_s)),
                        QRegularExpression::DotMatchesEverythingOption);
            }
        }
        const bool relational =
            node->comparison != Comparison::Equal && node->comparison != Comparison::NotEqual;
        if (relational && literal.type != Literal::Type::Number)
            return fail(u"'%1' needs a numeric value"_s.arg(op));
        return node;
    }

    QList<Token> m_tokens;
    qsizetype m_pos = 0;
    bool m_json;
    QString *m_error;
};

// --- Evaluation
// ---------------------------------------------------------------------------------

void resolve(
    const QJsonValue &value, const QList<PathStep> &path, qsizetype step, QList<QJsonValue> *out)
{
    if (step == path.size()) {
        out->append(value);
        return;
    }
    const PathStep &part = path.at(step);
    if (part.isKey) {
        if (value.isObject() && value.toObject().contains(part.key))
            resolve(value.toObject().value(part.key), path, step + 1, out);
        return;
    }
    if (!value.isArray())
        return;
    const QJsonArray array = value.toArray();
    if (part.anyIndex) {
        for (const QJsonValue &element : array)
            resolve(element, path, step + 1, out);
    } else if (part.index < array.size()) {
        resolve(array.at(part.index), path, step + 1, out);
    }
}

bool compareNumber(double value, Comparison comparison, double literal)
{
    switch (comparison) {
    case Comparison::Equal:
        return value == literal;
    case Comparison::NotEqual:
        return value != literal;
    case Comparison::Less:
        return value < literal;
    case Comparison::LessEqual:
        return value <= literal;
    case Comparison::Greater:
        return value > literal;
    case Comparison::GreaterEqual:
        return value >= literal;
    default:
        return false;
    }
}

bool compareJson(const QJsonValue &value, const Node &node)
{
    const Literal &literal = node.literal;
    switch (node.comparison) {
    case Comparison::IsNull:
        return value.isNull();
    case Comparison::IsTrue:
        return value.isBool() && value.toBool();
    case Comparison::IsFalse:
        return value.isBool() && !value.toBool();
    case Comparison::NotExists:
        return false;
    case Comparison::Equal:
    case Comparison::NotEqual: {
        bool equal = false;
        if (literal.wildcard && literal.text == u"*"_s)
            equal = !value.isNull(); // "$.field = *": the field has a value, of any type
        else if (literal.type == Literal::Type::Number)
            equal = value.isDouble() && value.toDouble() == literal.number;
        else if (value.isString())
            equal = literal.matchesText(value.toString());
        else if (value.isDouble() && literal.type != Literal::Type::String)
            equal = literal.matchesText(QString::number(value.toDouble()));
        else if (value.isBool())
            equal = literal.matchesText(value.toBool() ? u"true"_s : u"false"_s);
        return node.comparison == Comparison::Equal ? equal : !equal;
    }
    default:
        return value.isDouble() && compareNumber(value.toDouble(), node.comparison, literal.number);
    }
}

bool evaluateJson(const Node &node, const QJsonValue &root)
{
    switch (node.type) {
    case Node::Type::And:
        return evaluateJson(*node.left, root) && evaluateJson(*node.right, root);
    case Node::Type::Or:
        return evaluateJson(*node.left, root) || evaluateJson(*node.right, root);
    case Node::Type::Compare:
        break;
    }
    QList<QJsonValue> values;
    resolve(root, node.path, 0, &values);
    if (node.comparison == Comparison::NotExists)
        return values.isEmpty();
    for (const QJsonValue &value : values) {
        if (compareJson(value, node))
            return true;
    }
    return false;
}

bool evaluateFields(const Node &node, const QHash<QString, QString> &fields)
{
    switch (node.type) {
    case Node::Type::And:
        return evaluateFields(*node.left, fields) && evaluateFields(*node.right, fields);
    case Node::Type::Or:
        return evaluateFields(*node.left, fields) || evaluateFields(*node.right, fields);
    case Node::Type::Compare:
        break;
    }
    const auto found = fields.constFind(node.field);
    if (node.comparison == Comparison::NotExists)
        return found == fields.cend();
    if (found == fields.cend())
        return false;
    const QString &value = *found;
    const Literal &literal = node.literal;
    bool numeric = false;
    const double number = value.toDouble(&numeric);
    switch (node.comparison) {
    case Comparison::Equal:
    case Comparison::NotEqual: {
        const bool equal = literal.type == Literal::Type::Number
            ? numeric && number == literal.number
            : literal.matchesText(value);
        return node.comparison == Comparison::Equal ? equal : !equal;
    }
    case Comparison::IsNull:
    case Comparison::IsTrue:
    case Comparison::IsFalse:
    case Comparison::NotExists:
        return false;
    default:
        return numeric && compareNumber(number, node.comparison, literal.number);
    }
}

} // namespace

FilterCondition::FilterCondition(std::unique_ptr<Node> root)
    : m_root(std::move(root))
{}

FilterCondition::~FilterCondition() = default;

std::optional<QList<FilterToken>> FilterCondition::tokenize(const QString &text, QString *error)
{
    return tokenizeText(text, error);
}

std::unique_ptr<FilterCondition> FilterCondition::parse(
    const QList<FilterToken> &tokens, bool json, QString *error)
{
    auto root = ExpressionParser(tokens, json, error).parseAll();
    if (!root)
        return nullptr;
    return std::unique_ptr<FilterCondition>(new FilterCondition(std::move(root)));
}

std::unique_ptr<FilterCondition> FilterCondition::both(
    std::unique_ptr<FilterCondition> left, std::unique_ptr<FilterCondition> right)
{
    auto node = std::make_unique<Node>();
    node->type = Node::Type::And;
    node->left = std::move(left->m_root);
    node->right = std::move(right->m_root);
    return std::unique_ptr<FilterCondition>(new FilterCondition(std::move(node)));
}

bool FilterCondition::matches(const QJsonValue &document) const
{
    return evaluateJson(*m_root, document);
}

bool FilterCondition::matches(const QHash<QString, QString> &fields) const
{
    return evaluateFields(*m_root, fields);
}

std::optional<QJsonValue> FilterCondition::select(
    const QJsonValue &document, const QString &selector)
{
    const auto path = parseSelector(selector);
    if (!path)
        return std::nullopt;
    QList<QJsonValue> values;
    resolve(document, *path, 0, &values);
    if (values.isEmpty())
        return std::nullopt;
    return values.first();
}

} // namespace Core::Logs
