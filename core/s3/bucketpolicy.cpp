// SPDX-License-Identifier: MIT
#include "core/s3/bucketpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

QJsonArray asArray(const QJsonValue &value)
{
    return value.isArray() ? value.toArray() : QJsonArray{value};
}

bool wildcardMatch(const QString &pattern, const QString &text, Qt::CaseSensitivity sensitivity)
{
    QString expression;
    for (const QChar c : pattern) {
        if (c == u'*')
            expression += u".*"_s;
        else if (c == u'?')
            expression += u'.';
        else
            expression += QRegularExpression::escape(QString(c));
    }
    QRegularExpression regex(QRegularExpression::anchoredPattern(expression),
        sensitivity == Qt::CaseInsensitive ? QRegularExpression::CaseInsensitiveOption
                                           : QRegularExpression::NoPatternOption);
    return regex.match(text).hasMatch();
}

bool anyMatches(const QJsonValue &patterns, const QString &text, Qt::CaseSensitivity sensitivity)
{
    for (const QJsonValue &pattern : asArray(patterns)) {
        if (pattern.isString() && wildcardMatch(pattern.toString(), text, sensitivity))
            return true;
    }
    return false;
}

bool namesEveryone(const QJsonValue &principal)
{
    if (principal.isString())
        return principal.toString() == u"*"_s;
    const QJsonValue aws = principal.toObject().value(u"AWS");
    for (const QJsonValue &name : asArray(aws)) {
        if (name.toString() == u"*"_s)
            return true;
    }
    return false;
}

bool appliesToAnonymous(const QJsonObject &statement)
{
    if (statement.contains(u"Principal"_s))
        return namesEveryone(statement.value(u"Principal"));
    if (statement.contains(u"NotPrincipal"_s))
        return !namesEveryone(statement.value(u"NotPrincipal"));
    return false;
}

} // namespace

PolicyEffect evaluateAnonymous(
    const QString &policyJson, const QString &action, const QString &resource)
{
    const QJsonObject policy = QJsonDocument::fromJson(policyJson.toUtf8()).object();
    PolicyEffect effect = PolicyEffect::None;
    for (const QJsonValue &value : asArray(policy.value(u"Statement"))) {
        const QJsonObject statement = value.toObject();
        if (statement.contains(u"Condition"_s) || !appliesToAnonymous(statement))
            continue;
        const bool actionMatches = statement.contains(u"Action"_s)
            ? anyMatches(statement.value(u"Action"), action, Qt::CaseInsensitive)
            : statement.contains(u"NotAction"_s)
                && !anyMatches(statement.value(u"NotAction"), action, Qt::CaseInsensitive);
        const bool resourceMatches = statement.contains(u"Resource"_s)
            ? anyMatches(statement.value(u"Resource"), resource, Qt::CaseSensitive)
            : statement.contains(u"NotResource"_s)
                && !anyMatches(statement.value(u"NotResource"), resource, Qt::CaseSensitive);
        if (!actionMatches || !resourceMatches)
            continue;
        const QString kind = statement.value(u"Effect").toString();
        if (kind == u"Deny"_s)
            return PolicyEffect::Deny;
        if (kind == u"Allow"_s)
            effect = PolicyEffect::Allow;
    }
    return effect;
}

} // namespace Core::S3
