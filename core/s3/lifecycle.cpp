// SPDX-License-Identifier: MIT
#include "core/s3/lifecycle.h"

#include "core/s3/rulexml.h"
#include "core/s3/s3errors.h"
#include "core/s3/xmlelement.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;
constexpr int MaxRules = 1000;

// A non-negative integer element; -1 when absent, -2 when not a number.
qint64 number(const XmlElement &parent, QStringView name)
{
    const XmlElement *element = parent.child(name);
    if (!element)
        return -1;
    bool ok = false;
    const qint64 value = element->text.toLongLong(&ok);
    return ok ? value : -2;
}

bool isTransitionClass(const QString &storageClass)
{
    static const QSet<QString> classes = {u"GLACIER"_s,
        u"STANDARD_IA"_s,
        u"ONEZONE_IA"_s,
        u"INTELLIGENT_TIERING"_s,
        u"DEEP_ARCHIVE"_s,
        u"GLACIER_IR"_s};
    return classes.contains(storageClass);
}

Status readFilter(const XmlElement &filter, LifecycleRule &rule)
{
    int conditions = 0;
    for (const XmlElement &part : filter.children) {
        ++conditions;
        if (part.name == u"Prefix"_s) {
            rule.prefix = part.text;
        } else if (part.name == u"Tag"_s) {
            auto tag = readTag(part);
            if (!tag)
                return std::unexpected(tag.error());
            rule.tags += *tag;
        } else if (part.name == u"ObjectSizeGreaterThan"_s) {
            rule.sizeGreaterThan = number(filter, part.name);
        } else if (part.name == u"ObjectSizeLessThan"_s) {
            rule.sizeLessThan = number(filter, part.name);
        } else if (part.name == u"And"_s) {
            for (const XmlElement &inner : part.children) {
                if (inner.name == u"Prefix"_s) {
                    rule.prefix = inner.text;
                } else if (inner.name == u"Tag"_s) {
                    auto tag = readTag(inner);
                    if (!tag)
                        return std::unexpected(tag.error());
                    rule.tags += *tag;
                } else if (inner.name == u"ObjectSizeGreaterThan"_s) {
                    rule.sizeGreaterThan = number(part, inner.name);
                } else if (inner.name == u"ObjectSizeLessThan"_s) {
                    rule.sizeLessThan = number(part, inner.name);
                } else {
                    return std::unexpected(Errors::malformedXml());
                }
            }
        } else {
            return std::unexpected(Errors::malformedXml());
        }
    }
    if (conditions > 1 || rule.sizeGreaterThan == -2 || rule.sizeLessThan == -2)
        return std::unexpected(Errors::malformedXml());
    if (rule.sizeGreaterThan >= 0 && rule.sizeLessThan >= 0
        && rule.sizeLessThan <= rule.sizeGreaterThan)
        return std::unexpected(Errors::invalidArgument(
            u"ObjectSizeLessThan must be greater than ObjectSizeGreaterThan"_s));
    return {};
}

Result<qint64> midnightDate(const QString &text)
{
    QDateTime date = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!date.isValid())
        date = QDateTime::fromString(text, Qt::ISODate);
    if (!date.isValid())
        return std::unexpected(Errors::invalidArgument(u"Invalid date"_s));
    const qint64 ms = date.toMSecsSinceEpoch();
    if (ms % DayMs != 0)
        return std::unexpected(Errors::invalidArgument(u"'Date' must be at midnight GMT"_s));
    return ms;
}

Result<LifecycleRule> readRule(const XmlElement &element)
{
    const auto head = readRuleHead(element);
    if (!head)
        return std::unexpected(head.error());
    LifecycleRule rule;
    rule.id = head->id;
    rule.enabled = head->enabled;
    if (head->prefix)
        rule.prefix = head->prefix->text;
    if (head->filter) {
        if (auto ok = readFilter(*head->filter, rule); !ok)
            return std::unexpected(ok.error());
    }
    bool anyAction = false;
    if (const XmlElement *expiration = element.child(u"Expiration")) {
        anyAction = true;
        const qint64 days = number(*expiration, u"Days");
        const bool hasDate = expiration->child(u"Date");
        const bool marker = expiration->child(u"ExpiredObjectDeleteMarker");
        if (int(days != -1) + int(hasDate) + int(marker) != 1 || days == -2)
            return std::unexpected(Errors::malformedXml());
        if (days == 0 || days > 2147483647)
            return std::unexpected(Errors::invalidArgument(
                u"'Days' for Expiration action must be a positive integer"_s));
        rule.expirationDays = int(qMax<qint64>(0, days));
        if (hasDate) {
            auto date = midnightDate(expiration->childText(u"Date"));
            if (!date)
                return std::unexpected(date.error());
            rule.expirationDateMs = *date;
        }
        if (marker) {
            const QString value = expiration->childText(u"ExpiredObjectDeleteMarker");
            if (value != u"true"_s && value != u"false"_s)
                return std::unexpected(Errors::malformedXml());
            if (!rule.tags.isEmpty())
                return std::unexpected(Errors::invalidRequest(
                    u"ExpiredObjectDeleteMarker cannot be specified with tags."_s));
            rule.expiredObjectDeleteMarker = value == u"true"_s;
        }
    }
    for (const XmlElement *transition : element.all(u"Transition")) {
        anyAction = true;
        const QString storageClass = transition->childText(u"StorageClass");
        if (!isTransitionClass(storageClass))
            return std::unexpected(Errors::malformedXml());
        const qint64 days = number(*transition, u"Days");
        const bool hasDate = transition->child(u"Date");
        if ((days >= 0) == hasDate || days == -2)
            return std::unexpected(Errors::malformedXml());
        LifecycleTransition parsed;
        parsed.storageClass = storageClass;
        if (hasDate) {
            auto date = midnightDate(transition->childText(u"Date"));
            if (!date)
                return std::unexpected(date.error());
            parsed.dateMs = *date;
        }
        if ((storageClass == u"STANDARD_IA"_s || storageClass == u"ONEZONE_IA"_s) && days >= 0
            && days < 30)
            return std::unexpected(Errors::invalidArgument(
                u"'Days' in Transition action must be greater than or equal to 30 for "
                u"storageClass '%1'"_s.arg(storageClass)));
        parsed.days = hasDate ? -1 : int(qMin<qint64>(days, 2147483647));
        rule.transitions.append(parsed);
    }
    // An object must have transitioned before it expires.
    for (const LifecycleTransition &transition : std::as_const(rule.transitions)) {
        if (rule.expirationDays > 0 && transition.days >= 0
            && rule.expirationDays <= transition.days)
            return std::unexpected(Errors::invalidArgument(
                u"'Days' in the Expiration action for filter '(prefix=%1)' must be greater than "
                u"'Days' in the Transition action"_s.arg(rule.prefix)));
    }
    if (const XmlElement *noncurrent = element.child(u"NoncurrentVersionExpiration")) {
        anyAction = true;
        const qint64 days = number(*noncurrent, u"NoncurrentDays");
        if (days <= 0)
            return std::unexpected(Errors::invalidArgument(
                u"'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive "
                u"integer"_s));
        rule.noncurrentDays = int(qMin<qint64>(days, 2147483647));
    }
    for (const XmlElement *transition : element.all(u"NoncurrentVersionTransition")) {
        anyAction = true;
        const QString storageClass = transition->childText(u"StorageClass");
        const qint64 days = number(*transition, u"NoncurrentDays");
        if (!isTransitionClass(storageClass) || days < 0)
            return std::unexpected(Errors::malformedXml());
        if ((storageClass == u"STANDARD_IA"_s || storageClass == u"ONEZONE_IA"_s) && days < 30)
            return std::unexpected(Errors::invalidArgument(
                u"'NoncurrentDays' in NoncurrentVersionTransition action must be greater than or "
                u"equal to 30 for storageClass '%1'"_s.arg(storageClass)));
        rule.noncurrentTransitions.append({int(qMin<qint64>(days, 2147483647)), -1, storageClass});
    }
    if (const XmlElement *abort = element.child(u"AbortIncompleteMultipartUpload")) {
        anyAction = true;
        const qint64 days = number(*abort, u"DaysAfterInitiation");
        if (days <= 0)
            return std::unexpected(Errors::invalidArgument(
                u"'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a "
                u"positive integer"_s));
        if (!rule.tags.isEmpty())
            return std::unexpected(Errors::invalidRequest(
                u"AbortIncompleteMultipartUpload cannot be specified with Tags."_s));
        rule.abortIncompleteDays = int(qMin<qint64>(days, 2147483647));
    }
    if (!anyAction)
        return std::unexpected(
            Errors::invalidRequest(u"At least one action needs to be specified in a rule"_s));
    return rule;
}

} // namespace

bool LifecycleRule::matches(const S3Object &object) const
{
    if (!object.key.startsWith(prefix))
        return false;
    if (sizeGreaterThan >= 0 && object.size <= sizeGreaterThan)
        return false;
    if (sizeLessThan >= 0 && object.size >= sizeLessThan)
        return false;
    for (const auto &tag : tags) {
        if (!object.tags.contains(tag))
            return false;
    }
    return true;
}

Result<QList<LifecycleRule>> parseLifecycle(const QByteArray &xml)
{
    const auto root = XmlElement::parse(xml);
    if (!root || root->name != u"LifecycleConfiguration"_s)
        return std::unexpected(Errors::malformedXml());
    const QList<const XmlElement *> elements = root->all(u"Rule");
    if (elements.isEmpty() || elements.size() > MaxRules)
        return std::unexpected(Errors::malformedXml());
    QList<LifecycleRule> rules;
    QSet<QString> ids;
    for (const XmlElement *element : elements) {
        auto rule = readRule(*element);
        if (!rule)
            return std::unexpected(rule.error());
        if (!rule->id.isEmpty() && ids.contains(rule->id))
            return std::unexpected(Errors::invalidArgument(
                u"Rule ID must be unique. Found same ID for more than one rule"_s));
        ids.insert(rule->id);
        rules.append(std::move(*rule));
    }
    return rules;
}

int transitionRank(const QString &storageClass)
{
    static const QHash<QString, int> ranks = {{u"STANDARD"_s, 0},
        {u"REDUCED_REDUNDANCY"_s, 0},
        {u"STANDARD_IA"_s, 1},
        {u"INTELLIGENT_TIERING"_s, 2},
        {u"ONEZONE_IA"_s, 3},
        {u"GLACIER_IR"_s, 4},
        {u"GLACIER"_s, 5},
        {u"DEEP_ARCHIVE"_s, 6}};
    return ranks.value(storageClass, -1);
}

qint64 lifecycleDueMs(qint64 fromMs, int days)
{
    const qint64 due = fromMs + qint64(days) * DayMs;
    return due % DayMs == 0 ? due : (due / DayMs + 1) * DayMs;
}

} // namespace Core::S3
