// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace Core::Logs {

// A CloudWatch Logs filter pattern (FilterLogEvents, metric and subscription filters), in the
// three forms AWS documents:
// - unstructured terms: case-sensitive substrings that must all occur ("ERROR Exception"),
//   "quoted phrases", ?term (the event matches when any ? term does), -term (excludes), and
//   %regular expression% terms;
// - JSON: { $.level = "ERROR" && ($.latency > 100 || $.user.id != "bot*") } with =, !=, <, <=,
//   >, >=, IS NULL, IS TRUE, IS FALSE, NOT EXISTS, %regex% values, * wildcards in strings,
//   selectors with .key, ["key"], [n] and [*]; events that are not JSON objects never match;
// - space-delimited: [ip, user, ..., status = 4* || status = 5*, bytes > 1000], where fields are
//   separated by spaces (text in "" or [] is one field) and ... stands for any number of fields.
// An empty pattern matches everything. Immutable and cheap to copy; any thread.
class FilterPattern final
{
public:
    struct Compiled;
    // What a matching event offers a metric filter's metricValue and dimensions: the JSON
    // document of a JSON pattern ($.selector), the named fields of a space-delimited one ($name).
    struct Match
    {
        QJsonObject json;
        QHash<QString, QString> fields;

        // The text a reference names ("$.latency", "$status"); nullopt when it names nothing.
        std::optional<QString> value(const QString &reference) const;
    };

    static std::optional<FilterPattern> parse(const QString &pattern, QString *error);
    bool matches(const QString &message) const;
    std::optional<Match> match(const QString &message) const;
    bool isJson() const;
    bool isSpaceDelimited() const;

private:
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace Core::Logs
