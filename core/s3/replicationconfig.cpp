// SPDX-License-Identifier: MIT
#include "core/s3/replicationconfig.h"

#include "core/common/ids.h"
#include "core/s3/rulexml.h"
#include "core/s3/s3errors.h"
#include "core/s3/xmlelement.h"

#include <QHash>
#include <QSet>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr int MaxRules = 1000;
constexpr QStringView BucketArnPrefix = u"arn:aws:s3:::";

QString schemaMessage(const QString &what)
{
    return what
        + u" for this version of Cross Region Replication configuration schema. Please refer to "
          u"S3 Developer Guide for more information."_s;
}

// <Filter>: one of Prefix, Tag, or And (Prefix and Tags).
Status readFilter(const XmlElement &filter, ReplicationRule &rule)
{
    if (filter.children.size() > 1)
        return std::unexpected(Errors::malformedXml());
    for (const XmlElement &part : filter.children) {
        if (part.name == u"Prefix"_s) {
            rule.prefix = part.text;
        } else if (part.name == u"Tag"_s) {
            auto tag = readTag(part);
            if (!tag)
                return std::unexpected(tag.error());
            rule.tags = *tag;
        } else if (part.name == u"And"_s) {
            for (const XmlElement &inner : part.children) {
                if (inner.name == u"Prefix"_s) {
                    rule.prefix = inner.text;
                } else if (inner.name == u"Tag"_s) {
                    auto tag = readTag(inner);
                    if (!tag)
                        return std::unexpected(tag.error());
                    rule.tags.append(tag->constFirst());
                } else {
                    return std::unexpected(Errors::malformedXml());
                }
            }
        } else {
            return std::unexpected(Errors::malformedXml());
        }
    }
    return {};
}

std::optional<bool> readStatus(const XmlElement *element)
{
    if (!element)
        return std::nullopt;
    const QString status = element->childText(u"Status");
    if (status == u"Enabled"_s)
        return true;
    if (status == u"Disabled"_s)
        return false;
    return std::nullopt;
}

Result<ReplicationRule> readRule(const XmlElement &element)
{
    const auto head = readRuleHead(element);
    if (!head)
        return std::unexpected(head.error());
    ReplicationRule rule;
    rule.id = head->id;
    rule.enabled = head->enabled;
    const XmlElement *filter = head->filter;
    const XmlElement *prefix = head->prefix;
    rule.legacy = !filter;
    if (prefix)
        rule.prefix = prefix->text;
    if (filter) {
        if (auto ok = readFilter(*filter, rule); !ok)
            return std::unexpected(ok.error());
    }

    const XmlElement *priority = element.child(u"Priority");
    if (priority) {
        bool ok = false;
        rule.priority = priority->text.toInt(&ok);
        if (!ok || rule.priority < 0)
            return std::unexpected(Errors::malformedXml());
    }
    const XmlElement *deleteMarkers = element.child(u"DeleteMarkerReplication");
    if (deleteMarkers) {
        const auto enabled = readStatus(deleteMarkers);
        if (!enabled)
            return std::unexpected(Errors::malformedXml());
        rule.deleteMarkerReplication = *enabled;
    }
    if (rule.legacy) {
        if (deleteMarkers)
            return std::unexpected(
                Errors::invalidRequest(schemaMessage(u"DeleteMarkerReplication cannot be used"_s)));
        if (priority)
            return std::unexpected(
                Errors::invalidRequest(schemaMessage(u"Priority cannot be used"_s)));
        rule.deleteMarkerReplication = true; // the V1 schema always replicates them
    } else {
        if (!priority)
            return std::unexpected(
                Errors::invalidRequest(schemaMessage(u"Priority must be specified"_s)));
        if (!deleteMarkers)
            return std::unexpected(Errors::invalidRequest(
                schemaMessage(u"DeleteMarkerReplication must be specified"_s)));
        // Delete markers are not replicated for rules that filter on tags (AWS).
        if (rule.deleteMarkerReplication && !rule.tags.isEmpty())
            return std::unexpected(Errors::invalidRequest(
                u"Delete marker replication is not supported if any Tag filter is specified. "
                u"Please refer to S3 Developer Guide for more information."_s));
    }

    const XmlElement *destination = element.child(u"Destination");
    if (!destination || !destination->child(u"Bucket"))
        return std::unexpected(Errors::malformedXml());
    const QString arn = destination->childText(u"Bucket");
    if (!arn.startsWith(BucketArnPrefix) || arn.size() == BucketArnPrefix.size())
        return std::unexpected(Errors::invalidArgument(u"Invalid bucket ARN."_s, u"Bucket"_s, arn));
    rule.destinationBucket = arn.mid(BucketArnPrefix.size());
    rule.destinationAccount = destination->childText(u"Account");
    rule.storageClass = destination->childText(u"StorageClass");
    static const QSet<QString> classes = {u"STANDARD"_s,
        u"REDUCED_REDUNDANCY"_s,
        u"STANDARD_IA"_s,
        u"ONEZONE_IA"_s,
        u"INTELLIGENT_TIERING"_s,
        u"GLACIER"_s,
        u"DEEP_ARCHIVE"_s,
        u"GLACIER_IR"_s};
    if (!rule.storageClass.isEmpty() && !classes.contains(rule.storageClass))
        return std::unexpected(Errors::malformedXml());
    return rule;
}

} // namespace

bool ReplicationRule::matches(const QString &key, const Tags &objectTags) const
{
    if (!key.startsWith(prefix))
        return false;
    return std::all_of(tags.cbegin(), tags.cend(), [&objectTags](const auto &tag) {
        return objectTags.contains(tag);
    });
}

Result<ReplicationConfig> ReplicationConfig::parse(const QByteArray &xml)
{
    const auto root = XmlElement::parse(xml);
    if (!root || root->name != u"ReplicationConfiguration"_s)
        return std::unexpected(Errors::malformedXml());
    ReplicationConfig config;
    const XmlElement *role = root->child(u"Role");
    if (!role)
        return std::unexpected(Errors::malformedXml());
    config.role = role->text;
    const QList<const XmlElement *> rules = root->all(u"Rule");
    if (rules.isEmpty())
        return std::unexpected(Errors::malformedXml());
    if (rules.size() > MaxRules)
        return std::unexpected(Errors::invalidArgument(
            u"Number of rules exceeds the allowed limit of 1000."_s, u"Rule"_s, {}));
    for (const XmlElement *element : rules) {
        auto rule = readRule(*element);
        if (!rule)
            return std::unexpected(rule.error());
        config.rules.append(*rule);
    }
    const bool legacy = config.rules.constFirst().legacy;
    QSet<QString> ids;
    QSet<std::pair<QString, int>> priorities;
    for (ReplicationRule &rule : config.rules) {
        if (rule.legacy != legacy)
            return std::unexpected(Errors::invalidRequest(
                u"Rules must use either Prefix or Filter, not both kinds in one "
                u"configuration."_s));
        if (rule.id.isEmpty())
            rule.id = Ids::randomAlphanumeric(48);
        if (ids.contains(rule.id))
            return std::unexpected(
                Errors::invalidArgument(u"Rule Id must be unique."_s, u"ID"_s, rule.id));
        ids.insert(rule.id);
        if (!legacy) {
            const std::pair<QString, int> slot{rule.destinationBucket, rule.priority};
            if (priorities.contains(slot))
                return std::unexpected(Errors::invalidRequest(
                    u"Found overlapping priority %1 for destination bucket %2."_s.arg(
                        QString::number(rule.priority), rule.destinationBucket)));
            priorities.insert(slot);
        }
    }
    return config;
}

QByteArray ReplicationConfig::toXml() const
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartDocument();
    writer.writeStartElement(u"ReplicationConfiguration"_s);
    writer.writeDefaultNamespace(u"http://s3.amazonaws.com/doc/2006-03-01/"_s);
    writer.writeTextElement(u"Role"_s, role);
    const auto status = [](bool enabled) {
        return enabled ? u"Enabled"_s : u"Disabled"_s;
    };
    const auto writeTag = [&writer](const std::pair<QString, QString> &tag) {
        writer.writeStartElement(u"Tag"_s);
        writer.writeTextElement(u"Key"_s, tag.first);
        writer.writeTextElement(u"Value"_s, tag.second);
        writer.writeEndElement();
    };
    for (const ReplicationRule &rule : rules) {
        writer.writeStartElement(u"Rule"_s);
        writer.writeTextElement(u"ID"_s, rule.id);
        if (rule.legacy) {
            writer.writeTextElement(u"Prefix"_s, rule.prefix);
        } else {
            writer.writeTextElement(u"Priority"_s, QString::number(rule.priority));
            writer.writeStartElement(u"Filter"_s);
            if (rule.tags.isEmpty()) {
                writer.writeTextElement(u"Prefix"_s, rule.prefix);
            } else if (rule.tags.size() == 1 && rule.prefix.isEmpty()) {
                writeTag(rule.tags.constFirst());
            } else {
                writer.writeStartElement(u"And"_s);
                if (!rule.prefix.isEmpty())
                    writer.writeTextElement(u"Prefix"_s, rule.prefix);
                for (const auto &tag : rule.tags)
                    writeTag(tag);
                writer.writeEndElement();
            }
            writer.writeEndElement();
        }
        writer.writeTextElement(u"Status"_s, status(rule.enabled));
        writer.writeStartElement(u"Destination"_s);
        writer.writeTextElement(u"Bucket"_s, BucketArnPrefix.toString() + rule.destinationBucket);
        if (!rule.destinationAccount.isEmpty())
            writer.writeTextElement(u"Account"_s, rule.destinationAccount);
        if (!rule.storageClass.isEmpty())
            writer.writeTextElement(u"StorageClass"_s, rule.storageClass);
        writer.writeEndElement();
        if (!rule.legacy) {
            writer.writeStartElement(u"DeleteMarkerReplication"_s);
            writer.writeTextElement(u"Status"_s, status(rule.deleteMarkerReplication));
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

QList<ReplicationRule> ReplicationConfig::rulesFor(const QString &key, const Tags &objectTags) const
{
    QHash<QString, const ReplicationRule *> chosen;
    QStringList order;
    for (const ReplicationRule &rule : rules) {
        if (!rule.enabled || !rule.matches(key, objectTags))
            continue;
        const ReplicationRule *&best = chosen[rule.destinationBucket];
        if (!best) {
            order.append(rule.destinationBucket);
            best = &rule;
        } else if (!rule.legacy && rule.priority > best->priority) {
            best = &rule;
        }
    }
    QList<ReplicationRule> result;
    for (const QString &bucket : std::as_const(order))
        result.append(*chosen.value(bucket));
    return result;
}

} // namespace Core::S3
