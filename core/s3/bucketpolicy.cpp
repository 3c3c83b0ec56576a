// SPDX-License-Identifier: MIT
#include "core/s3/bucketpolicy.h"

#include "core/s3/bucketconfig.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include <optional>

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

bool appliesTo(const QJsonObject &statement, const PolicyPrincipal &principal)
{
    if (statement.contains(u"Principal"_s))
        return namesPrincipal(statement.value(u"Principal"), principal);
    if (statement.contains(u"NotPrincipal"_s))
        return !namesPrincipal(statement.value(u"NotPrincipal"), principal);
    return false;
}

QString valueText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

// A date as IAM reads it: ISO 8601, or seconds since the epoch.
std::optional<qint64> dateMs(const QString &text)
{
    if (const auto seconds = number(text); seconds && !text.contains(u'-'))
        return qint64(*seconds * 1000);
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toMSecsSinceEpoch();
}

// Numeric and Date operators after their prefix: Equals, LessThan ... nullopt: unknown.
std::optional<bool> ordered(const QString &kind, double left, double right)
{
    if (kind == u"Equals"_s)
        return left == right;
    if (kind == u"LessThan"_s)
        return left < right;
    if (kind == u"LessThanEquals"_s)
        return left <= right;
    if (kind == u"GreaterThan"_s)
        return left > right;
    if (kind == u"GreaterThanEquals"_s)
        return left >= right;
    return std::nullopt;
}

// One comparison of the request's value with one of the policy's; `base` is the operator
// without Not/IfExists (StringEquals, NumericLessThan ...). nullopt: an unknown operator.
std::optional<bool> compare(const QString &base, const QString &actual, const QString &expected)
{
    if (base == u"StringEquals"_s)
        return actual == expected;
    if (base == u"StringEqualsIgnoreCase"_s)
        return actual.compare(expected, Qt::CaseInsensitive) == 0;
    if (base == u"StringLike"_s || base == u"ArnLike"_s || base == u"ArnEquals"_s)
        return wildcardMatch(expected, actual, Qt::CaseSensitive);
    if (base == u"Bool"_s)
        return actual.compare(expected, Qt::CaseInsensitive) == 0;
    if (base == u"IpAddress"_s) {
        const QHostAddress address(actual);
        const auto subnet = QHostAddress::parseSubnet(expected.contains(u'/')
                ? expected
                : expected + (expected.contains(u':') ? u"/128"_s : u"/32"_s));
        return !address.isNull() && subnet.second >= 0 && address.isInSubnet(subnet);
    }
    if (base.startsWith(u"Numeric"_s)) {
        const auto left = number(actual);
        const auto right = number(expected);
        return left && right ? ordered(base.mid(7), *left, *right) : false;
    }
    if (base.startsWith(u"Date"_s)) {
        const auto left = dateMs(actual);
        const auto right = dateMs(expected);
        return left && right ? ordered(base.mid(4), double(*left), double(*right)) : false;
    }
    return std::nullopt;
}

// The negated operators, under the name of what they negate.
QString positiveOf(const QString &op)
{
    static const QHash<QString, QString> negated = {
        {u"StringNotEquals"_s, u"StringEquals"_s},
        {u"StringNotEqualsIgnoreCase"_s, u"StringEqualsIgnoreCase"_s},
        {u"StringNotLike"_s, u"StringLike"_s},
        {u"NumericNotEquals"_s, u"NumericEquals"_s},
        {u"DateNotEquals"_s, u"DateEquals"_s},
        {u"NotIpAddress"_s, u"IpAddress"_s},
        {u"ArnNotEquals"_s, u"ArnEquals"_s},
        {u"ArnNotLike"_s, u"ArnLike"_s},
    };
    return negated.value(op);
}

bool operatorHolds(QString op, const QJsonObject &tests, const PolicyContext &context)
{
    // Set operators on single-valued keys read as the plain operator.
    if (op.startsWith(u"ForAnyValue:"_s, Qt::CaseInsensitive)
        || op.startsWith(u"ForAllValues:"_s, Qt::CaseInsensitive))
        op = op.section(u':', 1);
    const bool ifExists = op.endsWith(u"IfExists"_s);
    if (ifExists)
        op.chop(8);
    for (auto test = tests.constBegin(); test != tests.constEnd(); ++test) {
        const auto actual = context.keys.constFind(test.key().toLower());
        const QJsonArray expected = asArray(test.value());
        if (op == u"Null"_s) {
            // "true": the key must be absent; "false": present.
            const bool wantAbsent = valueText(expected.first()).toLower() == u"true"_s;
            if (wantAbsent != (actual == context.keys.cend()))
                return false;
            continue;
        }
        const QString positive = positiveOf(op);
        const bool negatedOp = !positive.isEmpty();
        if (actual == context.keys.cend()) {
            if (ifExists || negatedOp)
                continue;
            return false;
        }
        bool anyMatch = false;
        for (const QJsonValue &value : expected) {
            const auto matched = compare(negatedOp ? positive : op, *actual, valueText(value));
            if (!matched)
                return false; // an operator Cloudbench does not know
            anyMatch = anyMatch || *matched;
        }
        if (anyMatch == negatedOp)
            return false;
    }
    return true;
}

bool conditionHolds(const QJsonValue &condition, const PolicyContext &context)
{
    const QJsonObject operators = condition.toObject();
    for (auto it = operators.constBegin(); it != operators.constEnd(); ++it) {
        if (!operatorHolds(it.key(), it.value().toObject(), context))
            return false;
    }
    return true;
}

// True when the condition restricts the statement to fixed callers (see isPublicPolicy).
bool pinsCaller(const QJsonObject &condition)
{
    static const QSet<QString> restricting = {
        u"aws:sourceip"_s,
        u"aws:sourcearn"_s,
        u"aws:sourcevpc"_s,
        u"aws:sourcevpce"_s,
        u"aws:sourceaccount"_s,
        u"aws:sourceowner"_s,
        u"aws:principalorgid"_s,
        u"aws:principalarn"_s,
        u"aws:principalaccount"_s,
        u"aws:userid"_s,
        u"s3:x-amz-server-side-encryption-aws-kms-key-id"_s,
    };
    static const QSet<QString> fixedOperators = {
        u"StringEquals"_s, u"StringEqualsIgnoreCase"_s, u"ArnEquals"_s, u"IpAddress"_s};
    for (auto op = condition.constBegin(); op != condition.constEnd(); ++op) {
        if (!fixedOperators.contains(op.key()))
            continue;
        const QJsonObject tests = op.value().toObject();
        for (auto test = tests.constBegin(); test != tests.constEnd(); ++test) {
            const QJsonArray values = asArray(test.value());
            const bool fixed = std::none_of(values.cbegin(), values.cend(), [](const auto &v) {
                const QString text = v.toString();
                return text.contains(u'*') || text.contains(u'?') || text.endsWith(u"/0"_s);
            });
            if (restricting.contains(test.key().toLower()) && fixed)
                return true;
        }
    }
    return false;
}

} // namespace

bool isPublicPolicy(const QString &json)
{
    const QJsonObject policy = QJsonDocument::fromJson(json.toUtf8()).object();
    for (const QJsonValue &value : asArray(policy.value(u"Statement"))) {
        const QJsonObject statement = value.toObject();
        if (statement.value(u"Effect").toString() == u"Allow"_s
            && namesEveryone(statement.value(u"Principal"))
            && !pinsCaller(statement.value(u"Condition").toObject()))
            return true;
    }
    return false;
}

bool namesPrincipal(const QJsonValue &principal, const PolicyPrincipal &who)
{
    if (namesEveryone(principal))
        return true;
    if (who.isAnonymous())
        return false;
    const QJsonObject names = principal.toObject();
    if (!who.service.isEmpty()) {
        for (const QJsonValue &name : asArray(names.value(u"Service"))) {
            if (name.toString() == who.service)
                return true;
        }
        return false;
    }
    const QString root = u"arn:aws:iam::"_s + who.accountId + u":root"_s;
    for (const QJsonValue &name : asArray(names.value(u"AWS"))) {
        if (name.toString() == who.accountId || name.toString() == root)
            return true;
    }
    for (const QJsonValue &name : asArray(names.value(u"CanonicalUser"))) {
        if (name.toString() == QLatin1StringView(OwnerId))
            return true;
    }
    return false;
}

PolicyEffect evaluateAnonymous(const QString &policyJson,
    const QString &action,
    const QString &resource,
    const PolicyContext &context)
{
    return evaluatePolicy(policyJson, {}, action, resource, context);
}

PolicyEffect evaluatePolicy(const QString &policyJson,
    const PolicyPrincipal &principal,
    const QString &action,
    const QString &resource,
    const PolicyContext &context)
{
    const QJsonObject policy = QJsonDocument::fromJson(policyJson.toUtf8()).object();
    PolicyEffect effect = PolicyEffect::None;
    for (const QJsonValue &value : asArray(policy.value(u"Statement"))) {
        const QJsonObject statement = value.toObject();
        if (!appliesTo(statement, principal)
            || (statement.contains(u"Condition"_s)
                && !conditionHolds(statement.value(u"Condition"), context)))
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
