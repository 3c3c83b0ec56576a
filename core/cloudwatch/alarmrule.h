// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Core::CloudWatch {

// A composite alarm's AlarmRule: ALARM(x), OK(x), INSUFFICIENT_DATA(x), TRUE, FALSE, AND, OR,
// NOT and parentheses, where x is an alarm name or ARN, optionally in double quotes. NOT binds
// tightest, then AND, then OR.
class AlarmRule final
{
public:
    static Result<AlarmRule> parse(const QString &text);

    // Alarm names (ARNs reduced to the name) in order of appearance.
    QStringList referencedAlarms() const;
    // stateOf(name) returns the alarm's state value ("OK", "ALARM", "INSUFFICIENT_DATA").
    bool evaluate(const std::function<QString(const QString &)> &stateOf) const;

private:
    struct Node
    {
        enum Kind {
            State,
            Constant,
            Not,
            And,
            Or,
        } kind = Constant;
        QString state; // State: the state tested
        QString alarm; // State: the alarm name
        bool constant = false;
        int left = -1;
        int right = -1;
    };
    bool evaluateNode(int index, const std::function<QString(const QString &)> &stateOf) const;

    QList<Node> m_nodes;
    int m_root = -1;
    friend class AlarmRuleParser;
};

} // namespace Core::CloudWatch
