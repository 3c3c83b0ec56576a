// SPDX-License-Identifier: MIT
#include "core/logs/filterpattern.h"

#include "core/logs/filterexpression.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Core::Logs {

namespace {

// A space-delimited event's fields: text in "" or [] is one field (without its delimiters).
QStringList splitFields(const QString &message)
{
    QStringList fields;
    qsizetype i = 0;
    const qsizetype n = message.size();
    while (i < n) {
        const QChar c = message.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'"' || c == u'[') {
            const QChar close = c == u'"' ? u'"' : u']';
            const qsizetype end = message.indexOf(close, i + 1);
            if (end > 0) {
                fields.append(message.mid(i + 1, end - i - 1));
                i = end + 1;
                continue;
            }
        }
        const qsizetype start = i;
        while (i < n && !message.at(i).isSpace())
            ++i;
        fields.append(message.mid(start, i - start));
    }
    return fields;
}

struct Term
{
    QString text;
    std::optional<QRegularExpression> regex;

    bool foundIn(const QString &message) const
    {
        return regex ? regex->match(message).hasMatch() : message.contains(text);
    }
};

} // namespace

struct FilterPattern::Compiled
{
    enum class Kind {
        Terms,
        Json,
        SpaceDelimited,
    };
    Kind kind = Kind::Terms;
    QList<Term> required;
    QList<Term> any;
    QList<Term> excluded;
    std::unique_ptr<FilterCondition> condition; // JSON, or the space-delimited ones (or null)
    QStringList fields; // space-delimited names; "..." for any number of fields

    bool bind(const QStringList &values,
        qsizetype field,
        qsizetype value,
        QHash<QString, QString> *bound) const
    {
        if (field == fields.size()) {
            if (value != values.size())
                return false;
            return !condition || condition->matches(*bound);
        }
        if (fields.at(field) == u"..."_s) {
            for (qsizetype skip = value; skip <= values.size(); ++skip) {
                if (bind(values, field + 1, skip, bound))
                    return true;
            }
            return false;
        }
        if (value >= values.size())
            return false;
        const QString name = fields.at(field);
        const auto previous = bound->value(name);
        const bool had = bound->contains(name);
        bound->insert(name, values.at(value));
        if (bind(values, field + 1, value + 1, bound))
            return true;
        if (had)
            bound->insert(name, previous);
        else
            bound->remove(name);
        return false;
    }
};

std::optional<FilterPattern> FilterPattern::parse(const QString &pattern, QString *error)
{
    auto compiled = std::make_shared<Compiled>();
    const QString text = pattern.trimmed();
    error->clear();
    if (text.startsWith(u'{')) {
        if (!text.endsWith(u'}')) {
            *error = u"Invalid filter pattern: a JSON pattern must end with '}'."_s;
            return std::nullopt;
        }
        auto tokens = FilterCondition::tokenize(text.mid(1, text.size() - 2), error);
        if (!tokens)
            return std::nullopt;
        if (tokens->isEmpty()) {
            *error = u"Invalid filter pattern: empty JSON pattern."_s;
            return std::nullopt;
        }
        compiled->kind = Compiled::Kind::Json;
        compiled->condition = FilterCondition::parse(*tokens, true, error);
        if (!compiled->condition)
            return std::nullopt;
    } else if (text.startsWith(u'[')) {
        if (!text.endsWith(u']')) {
            *error = u"Invalid filter pattern: a space-delimited pattern must end with ']'."_s;
            return std::nullopt;
        }
        auto tokens = FilterCondition::tokenize(text.mid(1, text.size() - 2), error);
        if (!tokens)
            return std::nullopt;
        compiled->kind = Compiled::Kind::SpaceDelimited;
        QList<QList<FilterToken>> elements{{}};
        for (const FilterToken &token : *tokens) {
            if (token.type == FilterToken::Type::Comma)
                elements.append(QList<FilterToken>());
            else
                elements.last().append(token);
        }
        for (const QList<FilterToken> &element : elements) {
            if (element.isEmpty() || element.first().type != FilterToken::Type::Word) {
                *error = u"Invalid filter pattern: each field of a space-delimited pattern needs "
                         u"a name."_s;
                return std::nullopt;
            }
            compiled->fields.append(element.first().text);
            if (element.size() == 1)
                continue;
            if (element.first().text == u"..."_s) {
                *error = u"Invalid filter pattern: '...' cannot have a condition."_s;
                return std::nullopt;
            }
            auto condition = FilterCondition::parse(element, false, error);
            if (!condition)
                return std::nullopt;
            compiled->condition = compiled->condition
                ? FilterCondition::both(std::move(compiled->condition), std::move(condition))
                : std::move(condition);
        }
    } else {
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
            Term term;
            if (i < text.size() && text.at(i) == u'"') {
                const qsizetype end = text.indexOf(u'"', i + 1);
                if (end < 0) {
                    *error = u"Invalid filter pattern: unterminated quoted term."_s;
                    return std::nullopt;
                }
                term.text = text.mid(i + 1, end - i - 1);
                i = end + 1;
            } else if (i < text.size() && text.at(i) == u'%') {
                const qsizetype end = text.indexOf(u'%', i + 1);
                if (end < 0) {
                    *error = u"Invalid filter pattern: unterminated regular expression."_s;
                    return std::nullopt;
                }
                term.text = text.mid(i + 1, end - i - 1);
                term.regex = QRegularExpression(term.text);
                if (!term.regex->isValid()) {
                    *error = u"Invalid filter pattern: invalid regular expression %%1%."_s.arg(
                        term.text);
                    return std::nullopt;
                }
                i = end + 1;
            } else {
                const qsizetype start = i;
                while (i < text.size() && !text.at(i).isSpace())
                    ++i;
                term.text = text.mid(start, i - start);
            }
            if (term.text.isEmpty())
                continue;
            if (prefix == u'?')
                compiled->any.append(term);
            else if (prefix == u'-')
                compiled->excluded.append(term);
            else
                compiled->required.append(term);
        }
    }
    FilterPattern result;
    result.m_compiled = std::move(compiled);
    return result;
}

bool FilterPattern::isJson() const
{
    return m_compiled->kind == Compiled::Kind::Json;
}

bool FilterPattern::isSpaceDelimited() const
{
    return m_compiled->kind == Compiled::Kind::SpaceDelimited;
}

std::optional<QString> FilterPattern::Match::value(const QString &reference) const
{
    if (reference.startsWith(u"$."_s) || reference.startsWith(u"$["_s)) {
        const auto selected = FilterCondition::select(json, reference);
        if (!selected || selected->isObject() || selected->isArray() || selected->isNull()
            || selected->isUndefined())
            return std::nullopt;
        if (selected->isDouble())
            return QString::number(selected->toDouble(), 'g', 17);
        if (selected->isBool())
            return selected->toBool() ? u"true"_s : u"false"_s;
        return selected->toString();
    }
    if (reference.startsWith(u'$')) {
        const auto field = fields.constFind(reference.mid(1));
        if (field == fields.cend())
            return std::nullopt;
        return *field;
    }
    return std::nullopt;
}

bool FilterPattern::matches(const QString &message) const
{
    return match(message).has_value();
}

std::optional<FilterPattern::Match> FilterPattern::match(const QString &message) const
{
    const Compiled &compiled = *m_compiled;
    switch (compiled.kind) {
    case Compiled::Kind::Json: {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(message.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()
            || !compiled.condition->matches(document.object()))
            return std::nullopt;
        return Match{document.object(), {}};
    }
    case Compiled::Kind::SpaceDelimited: {
        Match match;
        if (!compiled.bind(splitFields(message), 0, 0, &match.fields))
            return std::nullopt;
        return match;
    }
    case Compiled::Kind::Terms:
        break;
    }
    for (const Term &term : compiled.excluded) {
        if (term.foundIn(message))
            return std::nullopt;
    }
    for (const Term &term : compiled.required) {
        if (!term.foundIn(message))
            return std::nullopt;
    }
    if (compiled.any.isEmpty())
        return Match{};
    for (const Term &term : compiled.any) {
        if (term.foundIn(message))
            return Match{};
    }
    return std::nullopt;
}

} // namespace Core::Logs
