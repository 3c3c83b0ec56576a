// SPDX-License-Identifier: MIT
#include "core/logs/filterpattern.h"

using namespace Qt::StringLiterals;

namespace Core::Logs {

std::optional<FilterPattern> FilterPattern::parse(const QString &pattern, QString *error)
{
    FilterPattern result;
    const QString text = pattern.trimmed();
    if (text.startsWith(u'{') || text.startsWith(u'[')) {
        *error = u"Invalid filter pattern: JSON and space-delimited filter patterns are not "
                 u"supported by Cloudbench yet."_s;
        return std::nullopt;
    }
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        QChar prefix;
        if (text.at(i) == u'?' || text.at(i) == u'-') {
            prefix = text.at(i);
            ++i;
        }
        QString term;
        if (i < text.size() && text.at(i) == u'"') {
            const qsizetype end = text.indexOf(u'"', i + 1);
            if (end < 0) {
                *error = u"Invalid filter pattern: unterminated quoted term."_s;
                return std::nullopt;
            }
            term = text.mid(i + 1, end - i - 1);
            i = end + 1;
        } else {
            const qsizetype start = i;
            while (i < text.size() && !text.at(i).isSpace())
                ++i;
            term = text.mid(start, i - start);
        }
        if (term.isEmpty())
            continue;
        if (prefix == u'?')
            result.m_any.append(term);
        else if (prefix == u'-')
            result.m_excluded.append(term);
        else
            result.m_required.append(term);
    }
    return result;
}

bool FilterPattern::matches(const QString &message) const
{
    for (const QString &term : m_excluded) {
        if (message.contains(term))
            return false;
    }
    for (const QString &term : m_required) {
        if (!message.contains(term))
            return false;
    }
    if (m_any.isEmpty())
        return true;
    for (const QString &term : m_any) {
        if (message.contains(term))
            return true;
    }
    return false;
}

} // namespace Core::Logs
