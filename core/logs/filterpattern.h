// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Core::Logs {

// CloudWatch Logs filter pattern for unstructured events: terms are case-sensitive substrings;
// all plain terms must match ("ERROR Exception"), "quoted phrases" are one term, ?term makes the
// event match when any of the ? terms does, -term excludes. An empty pattern matches everything.
// JSON ({ $.x = ... }) and space-delimited ([a, b]) patterns are not supported: parse() rejects
// them so the caller can report InvalidParameterException instead of matching wrongly.
class FilterPattern final
{
public:
    static std::optional<FilterPattern> parse(const QString &pattern, QString *error);
    bool matches(const QString &message) const;

private:
    QStringList m_required;
    QStringList m_any;
    QStringList m_excluded;
};

} // namespace Core::Logs
