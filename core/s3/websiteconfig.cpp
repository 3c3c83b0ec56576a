// SPDX-License-Identifier: MIT
#include "core/s3/websiteconfig.h"

#include "core/s3/s3errors.h"
#include "core/s3/xmlelement.h"

#include <QUrl>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr int MaxRoutingRules = 50;

bool hasOnly(const XmlElement &element, const QStringList &names)
{
    for (const XmlElement &child : element.children) {
        if (!names.contains(child.name))
            return false;
    }
    return true;
}

std::optional<QString> optionalText(const XmlElement &element, QStringView name)
{
    if (const XmlElement *child = element.child(name))
        return child->text;
    return std::nullopt;
}

Status checkProtocol(const QString &protocol)
{
    if (protocol.isEmpty() || protocol == u"http"_s || protocol == u"https"_s)
        return {};
    return std::unexpected(
        Errors::invalidRequest(u"Invalid protocol, protocol can be http or https. If not defined "
                               u"the protocol will be selected automatically."_s));
}

bool isCodeIn(const QString &text, int from, int to)
{
    bool valid = false;
    const int code = text.toInt(&valid);
    return valid && code >= from && code <= to;
}

Result<WebsiteRoutingRule> parseRule(const XmlElement &element)
{
    WebsiteRoutingRule rule;
    const XmlElement *redirect = element.child(u"Redirect");
    if (!redirect || !hasOnly(element, {u"Condition"_s, u"Redirect"_s})
        || !hasOnly(*redirect,
            {u"Protocol"_s,
                u"HostName"_s,
                u"ReplaceKeyPrefixWith"_s,
                u"ReplaceKeyWith"_s,
                u"HttpRedirectCode"_s}))
        return std::unexpected(Errors::malformedXml());
    if (const XmlElement *condition = element.child(u"Condition")) {
        if (!hasOnly(*condition, {u"KeyPrefixEquals"_s, u"HttpErrorCodeReturnedEquals"_s}))
            return std::unexpected(Errors::malformedXml());
        if (condition->children.isEmpty())
            return std::unexpected(Errors::invalidRequest(
                u"Condition cannot be empty. To redirect all requests without a condition, the "
                u"condition element shouldn't be present."_s));
        rule.hasCondition = true;
        rule.keyPrefixEquals = optionalText(*condition, u"KeyPrefixEquals");
        rule.httpErrorCodeReturnedEquals = condition->childText(u"HttpErrorCodeReturnedEquals");
        if (condition->child(u"HttpErrorCodeReturnedEquals")
            && !isCodeIn(rule.httpErrorCodeReturnedEquals, 400, 599))
            return std::unexpected(Errors::invalidRequest(
                u"The provided HTTP error code (%1) is not valid. Valid codes are 4XX or 5XX."_s
                    .arg(rule.httpErrorCodeReturnedEquals)));
    }
    WebsiteRedirect &to = rule.redirect;
    to.protocol = redirect->childText(u"Protocol");
    to.hostName = redirect->childText(u"HostName");
    to.replaceKeyPrefixWith = optionalText(*redirect, u"ReplaceKeyPrefixWith");
    to.replaceKeyWith = optionalText(*redirect, u"ReplaceKeyWith");
    to.httpRedirectCode = redirect->childText(u"HttpRedirectCode");
    if (to.replaceKeyPrefixWith && to.replaceKeyWith)
        return std::unexpected(Errors::invalidRequest(
            u"You can only define ReplaceKeyPrefix or ReplaceKey but not both."_s));
    if (redirect->child(u"HttpRedirectCode") && !isCodeIn(to.httpRedirectCode, 301, 399))
        return std::unexpected(Errors::invalidRequest(
            u"The provided HTTP redirect code (%1) is not valid. Valid codes are 3XX except 300."_s
                .arg(to.httpRedirectCode)));
    if (auto valid = checkProtocol(to.protocol); !valid)
        return std::unexpected(valid.error());
    return rule;
}

QString encodedKey(const QString &key)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(key, "/~"));
}

} // namespace

Result<WebsiteConfig> WebsiteConfig::parse(const QByteArray &xml)
{
    const auto root = XmlElement::parse(xml);
    if (!root || root->name != u"WebsiteConfiguration"_s
        || !hasOnly(*root,
            {u"IndexDocument"_s,
                u"ErrorDocument"_s,
                u"RedirectAllRequestsTo"_s,
                u"RoutingRules"_s}))
        return std::unexpected(Errors::malformedXml());
    WebsiteConfig config;
    if (const XmlElement *all = root->child(u"RedirectAllRequestsTo")) {
        if (root->children.size() > 1)
            return std::unexpected(Errors::invalidArgument(
                u"RedirectAllRequestsTo cannot be provided in conjunction with other Routing "
                u"Rules."_s,
                u"RedirectAllRequestsTo"_s,
                u"not null"_s));
        if (!all->child(u"HostName") || !hasOnly(*all, {u"HostName"_s, u"Protocol"_s}))
            return std::unexpected(Errors::malformedXml());
        WebsiteRedirect redirect;
        redirect.hostName = all->childText(u"HostName");
        redirect.protocol = all->childText(u"Protocol");
        if (auto valid = checkProtocol(redirect.protocol); !valid)
            return std::unexpected(valid.error());
        config.redirectAll = redirect;
        return config;
    }
    const XmlElement *index = root->child(u"IndexDocument");
    if (!index)
        return std::unexpected(Errors::invalidArgument(
            u"A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty"_s,
            u"IndexDocument"_s,
            u"null"_s));
    config.indexSuffix = index->childText(u"Suffix");
    if (config.indexSuffix.isEmpty() || config.indexSuffix.contains(u'/'))
        return std::unexpected(
            Errors::invalidArgument(u"The IndexDocument Suffix is not well formed"_s,
                u"IndexDocument"_s,
                config.indexSuffix));
    if (const XmlElement *error = root->child(u"ErrorDocument")) {
        config.errorKey = error->childText(u"Key");
        if (config.errorKey.isEmpty())
            return std::unexpected(Errors::malformedXml());
    }
    if (const XmlElement *rules = root->child(u"RoutingRules")) {
        const QList<const XmlElement *> elements = rules->all(u"RoutingRule");
        if (elements.isEmpty() || elements.size() != rules->children.size())
            return std::unexpected(Errors::malformedXml());
        if (elements.size() > MaxRoutingRules)
            return std::unexpected(Errors::invalidRequest(
                u"%1 routing rules provided, the number of routing rules "
                u"in a website configuration is limited to 50."_s.arg(elements.size())));
        for (const XmlElement *element : elements) {
            auto rule = parseRule(*element);
            if (!rule)
                return std::unexpected(rule.error());
            config.routingRules.append(*rule);
        }
    }
    return config;
}

QByteArray WebsiteConfig::toXml() const
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartDocument();
    writer.writeStartElement(u"WebsiteConfiguration"_s);
    writer.writeDefaultNamespace(u"http://s3.amazonaws.com/doc/2006-03-01/"_s);
    const auto optional = [&writer](const QString &name, const QString &value) {
        if (!value.isEmpty())
            writer.writeTextElement(name, value);
    };
    if (redirectAll) {
        writer.writeStartElement(u"RedirectAllRequestsTo"_s);
        writer.writeTextElement(u"HostName"_s, redirectAll->hostName);
        optional(u"Protocol"_s, redirectAll->protocol);
        writer.writeEndElement();
    }
    if (!indexSuffix.isEmpty()) {
        writer.writeStartElement(u"IndexDocument"_s);
        writer.writeTextElement(u"Suffix"_s, indexSuffix);
        writer.writeEndElement();
    }
    if (!errorKey.isEmpty()) {
        writer.writeStartElement(u"ErrorDocument"_s);
        writer.writeTextElement(u"Key"_s, errorKey);
        writer.writeEndElement();
    }
    if (!routingRules.isEmpty()) {
        writer.writeStartElement(u"RoutingRules"_s);
        for (const WebsiteRoutingRule &rule : routingRules) {
            writer.writeStartElement(u"RoutingRule"_s);
            if (rule.hasCondition) {
                writer.writeStartElement(u"Condition"_s);
                optional(u"HttpErrorCodeReturnedEquals"_s, rule.httpErrorCodeReturnedEquals);
                if (rule.keyPrefixEquals)
                    writer.writeTextElement(u"KeyPrefixEquals"_s, *rule.keyPrefixEquals);
                writer.writeEndElement();
            }
            const WebsiteRedirect &to = rule.redirect;
            writer.writeStartElement(u"Redirect"_s);
            optional(u"HostName"_s, to.hostName);
            optional(u"HttpRedirectCode"_s, to.httpRedirectCode);
            optional(u"Protocol"_s, to.protocol);
            if (to.replaceKeyPrefixWith)
                writer.writeTextElement(u"ReplaceKeyPrefixWith"_s, *to.replaceKeyPrefixWith);
            if (to.replaceKeyWith)
                writer.writeTextElement(u"ReplaceKeyWith"_s, *to.replaceKeyWith);
            writer.writeEndElement();
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

const WebsiteRoutingRule *WebsiteConfig::matchRule(const QString &key, int errorCode) const
{
    for (const WebsiteRoutingRule &rule : routingRules) {
        if (rule.keyPrefixEquals && !key.startsWith(*rule.keyPrefixEquals))
            continue;
        const bool onError = !rule.httpErrorCodeReturnedEquals.isEmpty();
        if (errorCode == 0 && !onError)
            return &rule;
        if (errorCode != 0 && onError && rule.httpErrorCodeReturnedEquals.toInt() == errorCode)
            return &rule;
    }
    return nullptr;
}

QString WebsiteConfig::redirectLocation(
    const WebsiteRoutingRule &rule, const QString &key, const QString &requestHost)
{
    const WebsiteRedirect &to = rule.redirect;
    QString target = key;
    if (to.replaceKeyWith) {
        target = *to.replaceKeyWith;
    } else if (to.replaceKeyPrefixWith) {
        const qsizetype matched = rule.keyPrefixEquals ? rule.keyPrefixEquals->size() : 0;
        target = *to.replaceKeyPrefixWith + key.mid(matched);
    }
    const QString protocol = to.protocol.isEmpty() ? u"http"_s : to.protocol;
    const QString host = to.hostName.isEmpty() ? requestHost : to.hostName;
    return protocol + u"://"_s + host + u'/' + encodedKey(target);
}

QString WebsiteConfig::redirectAllLocation(const QString &key) const
{
    if (!redirectAll)
        return {};
    const QString protocol = redirectAll->protocol.isEmpty() ? u"http"_s : redirectAll->protocol;
    return protocol + u"://"_s + redirectAll->hostName + u'/' + encodedKey(key);
}

int WebsiteConfig::redirectStatus(const WebsiteRedirect &redirect)
{
    return redirect.httpRedirectCode.isEmpty() ? 301 : redirect.httpRedirectCode.toInt();
}

} // namespace Core::S3
