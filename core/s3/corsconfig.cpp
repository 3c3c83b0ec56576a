// SPDX-License-Identifier: MIT
#include "core/s3/corsconfig.h"

#include "core/s3/s3errors.h"
#include "core/s3/xmlelement.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr int MaxRules = 100;

// At most one '*' (PutBucketCors refuses more); anchored at both ends.
bool wildcardMatch(const QString &pattern, const QString &value, Qt::CaseSensitivity sensitivity)
{
    const qsizetype star = pattern.indexOf(u'*');
    if (star < 0)
        return pattern.compare(value, sensitivity) == 0;
    const QStringView head = QStringView(pattern).left(star);
    const QStringView tail = QStringView(pattern).mid(star + 1);
    return value.size() >= head.size() + tail.size() && value.startsWith(head, sensitivity)
        && value.endsWith(tail, sensitivity);
}

QStringList texts(const XmlElement &rule, QStringView name)
{
    QStringList values;
    for (const XmlElement *element : rule.all(name))
        values.append(element->text);
    return values;
}

} // namespace

bool CorsRule::allowsOrigin(const QString &origin) const
{
    for (const QString &allowed : allowedOrigins) {
        if (wildcardMatch(allowed, origin, Qt::CaseSensitive))
            return true;
    }
    return false;
}

bool CorsRule::allowsHeader(const QString &header) const
{
    for (const QString &allowed : allowedHeaders) {
        if (wildcardMatch(allowed, header, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

Result<CorsConfig> CorsConfig::parse(const QByteArray &xml)
{
    const auto root = XmlElement::parse(xml);
    if (!root || root->name != u"CORSConfiguration"_s)
        return std::unexpected(Errors::malformedXml());
    const QList<const XmlElement *> rules = root->all(u"CORSRule");
    if (rules.isEmpty() || rules.size() > MaxRules)
        return std::unexpected(Errors::malformedXml());
    static const QStringList methods = {u"GET"_s, u"PUT"_s, u"HEAD"_s, u"POST"_s, u"DELETE"_s};
    CorsConfig config;
    for (const XmlElement *element : rules) {
        CorsRule rule;
        rule.id = element->childText(u"ID");
        rule.allowedOrigins = texts(*element, u"AllowedOrigin");
        rule.allowedMethods = texts(*element, u"AllowedMethod");
        rule.allowedHeaders = texts(*element, u"AllowedHeader");
        rule.exposeHeaders = texts(*element, u"ExposeHeader");
        if (rule.allowedOrigins.isEmpty() || rule.allowedMethods.isEmpty() || rule.id.size() > 255)
            return std::unexpected(Errors::malformedXml());
        if (const XmlElement *maxAge = element->child(u"MaxAgeSeconds")) {
            bool valid = false;
            rule.maxAgeSeconds = maxAge->text.toInt(&valid);
            if (!valid || rule.maxAgeSeconds < 0)
                return std::unexpected(Errors::malformedXml());
        }
        for (const QString &method : std::as_const(rule.allowedMethods)) {
            if (!methods.contains(method))
                return std::unexpected(Errors::invalidRequest(
                    u"Found unsupported HTTP method in CORS config. Unsupported method is "_s
                    + method));
        }
        for (const QString &origin : std::as_const(rule.allowedOrigins)) {
            if (origin.count(u'*') > 1)
                return std::unexpected(Errors::invalidRequest(
                    u"AllowedOrigin \"%1\" can not have more than one wildcard."_s.arg(origin)));
        }
        for (const QString &header : std::as_const(rule.allowedHeaders)) {
            if (header.count(u'*') > 1)
                return std::unexpected(Errors::invalidRequest(
                    u"AllowedHeader \"%1\" can not have more than one wildcard."_s.arg(header)));
        }
        config.rules.append(std::move(rule));
    }
    return config;
}

const CorsRule *CorsConfig::match(
    const QString &origin, const QString &method, const QStringList &requestHeaders) const
{
    for (const CorsRule &rule : rules) {
        if (!rule.allowedMethods.contains(method) || !rule.allowsOrigin(origin))
            continue;
        if (std::all_of(requestHeaders.cbegin(),
                requestHeaders.cend(),
                [&rule](const QString &header) { return rule.allowsHeader(header); }))
            return &rule;
    }
    return nullptr;
}

QStringList parseCorsRequestHeaders(const QByteArray &header)
{
    QStringList names;
    for (const QByteArray &name : header.split(',')) {
        const QByteArray trimmed = name.trimmed().toLower();
        if (!trimmed.isEmpty())
            names.append(QString::fromLatin1(trimmed));
    }
    return names;
}

} // namespace Core::S3
