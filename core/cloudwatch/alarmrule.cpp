// SPDX-License-Identifier: MIT
#include "core/cloudwatch/alarmrule.h"

using namespace Qt::StringLiterals;

namespace Core::CloudWatch {

namespace {

QString alarmNameOf(const QString &reference)
{
    // arn:aws:cloudwatch:<region>:<account>:alarm:<name>
    static const QString marker = u":alarm:"_s;
    if (reference.startsWith(u"arn:")) {
        const qsizetype at = reference.indexOf(marker);
        if (at >= 0)
            return reference.mid(at + marker.size());
    }
    return reference;
}

std::unexpected<AwsError> invalidRule(const QString &detail)
{
    return fail(u"ValidationError"_s, u"Invalid AlarmRule: %1"_s.arg(detail));
}

} // namespace

class AlarmRuleParser
{
public:
    AlarmRuleParser(const QString &text, AlarmRule &rule)
        : m_text(text)
        , m_rule(rule)
    {}

    Result<int> parseOr()
    {
        auto left = parseAnd();
        while (left && keyword(u"OR"_s)) {
            auto right = parseAnd();
            if (!right)
                return right;
            left = add({AlarmRule::Node::Or, {}, {}, false, *left, *right});
        }
        return left;
    }

    bool atEnd()
    {
        skipSpace();
        return m_position >= m_text.size();
    }

private:
    void skipSpace()
    {
        while (m_position < m_text.size() && m_text.at(m_position).isSpace())
            ++m_position;
    }

    bool keyword(const QString &word)
    {
        skipSpace();
        if (m_text.mid(m_position, word.size()) != word)
            return false;
        const qsizetype end = m_position + word.size();
        if (end < m_text.size() && (m_text.at(end).isLetterOrNumber() || m_text.at(end) == u'_'))
            return false;
        m_position = end;
        return true;
    }

    bool symbol(QChar c)
    {
        skipSpace();
        if (m_position < m_text.size() && m_text.at(m_position) == c) {
            ++m_position;
            return true;
        }
        return false;
    }

    int add(AlarmRule::Node node)
    {
        m_rule.m_nodes.append(std::move(node));
        return int(m_rule.m_nodes.size() - 1);
    }

    Result<int> parseAnd()
    {
        auto left = parseNot();
        while (left && keyword(u"AND"_s)) {
            auto right = parseNot();
            if (!right)
                return right;
            left = add({AlarmRule::Node::And, {}, {}, false, *left, *right});
        }
        return left;
    }

    Result<int> parseNot()
    {
        if (keyword(u"NOT"_s)) {
            auto operand = parseNot();
            if (!operand)
                return operand;
            return add({AlarmRule::Node::Not, {}, {}, false, *operand, -1});
        }
        return parsePrimary();
    }

    Result<int> parsePrimary()
    {
        if (symbol(u'(')) {
            auto inner = parseOr();
            if (inner && !symbol(u')'))
                return invalidRule(u"missing closing parenthesis"_s);
            return inner;
        }
        if (keyword(u"TRUE"_s))
            return add({AlarmRule::Node::Constant, {}, {}, true, -1, -1});
        if (keyword(u"FALSE"_s))
            return add({AlarmRule::Node::Constant, {}, {}, false, -1, -1});
        for (const QString &state : {u"ALARM"_s, u"OK"_s, u"INSUFFICIENT_DATA"_s}) {
            if (!keyword(state))
                continue;
            if (!symbol(u'('))
                return invalidRule(u"expected '(' after %1"_s.arg(state));
            skipSpace();
            QString reference;
            if (symbol(u'"')) {
                const qsizetype end = m_text.indexOf(u'"', m_position);
                if (end < 0)
                    return invalidRule(u"unterminated quoted alarm name"_s);
                reference = m_text.mid(m_position, end - m_position);
                m_position = end + 1;
            } else {
                const qsizetype end = m_text.indexOf(u')', m_position);
                if (end < 0)
                    return invalidRule(u"missing closing parenthesis"_s);
                reference = m_text.mid(m_position, end - m_position).trimmed();
                m_position = end;
            }
            if (!symbol(u')'))
                return invalidRule(u"missing closing parenthesis"_s);
            if (reference.isEmpty())
                return invalidRule(u"empty alarm name in %1()"_s.arg(state));
            return add({AlarmRule::Node::State, state, alarmNameOf(reference), false, -1, -1});
        }
        skipSpace();
        return invalidRule(m_position >= m_text.size()
                ? u"unexpected end of rule"_s
                : u"unexpected text at position %1"_s.arg(m_position + 1));
    }

    const QString &m_text;
    AlarmRule &m_rule;
    qsizetype m_position = 0;
};

Result<AlarmRule> AlarmRule::parse(const QString &text)
{
    AlarmRule rule;
    AlarmRuleParser parser(text, rule);
    auto root = parser.parseOr();
    if (!root)
        return std::unexpected(root.error());
    if (!parser.atEnd())
        return invalidRule(u"unexpected text after the rule"_s);
    rule.m_root = *root;
    return rule;
}

QStringList AlarmRule::referencedAlarms() const
{
    QStringList names;
    for (const Node &node : m_nodes) {
        if (node.kind == Node::State && !names.contains(node.alarm))
            names.append(node.alarm);
    }
    return names;
}

bool AlarmRule::evaluate(const std::function<QString(const QString &)> &stateOf) const
{
    return m_root >= 0 && evaluateNode(m_root, stateOf);
}

bool AlarmRule::evaluateNode(
    int index, const std::function<QString(const QString &)> &stateOf) const
{
    const Node &node = m_nodes.at(index);
    switch (node.kind) {
    case Node::State:
        return stateOf(node.alarm) == node.state;
    case Node::Constant:
        return node.constant;
    case Node::Not:
        return !evaluateNode(node.left, stateOf);
    case Node::And:
        return evaluateNode(node.left, stateOf) && evaluateNode(node.right, stateOf);
    case Node::Or:
        return evaluateNode(node.left, stateOf) || evaluateNode(node.right, stateOf);
    }
    return false;
}

} // namespace Core::CloudWatch
