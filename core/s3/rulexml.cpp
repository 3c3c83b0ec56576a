// SPDX-License-Identifier: MIT
#include "core/s3/rulexml.h"

#include "core/s3/s3errors.h"

using namespace Qt::StringLiterals;

namespace Core::S3 {

Result<RuleHead> readRuleHead(const XmlElement &rule)
{
    RuleHead head;
    head.id = rule.childText(u"ID");
    if (head.id.size() > 255)
        return std::unexpected(
            Errors::invalidArgument(u"ID length should not exceed allowed limit of 255"_s));
    const QString status = rule.childText(u"Status");
    if (status != u"Enabled"_s && status != u"Disabled"_s)
        return std::unexpected(Errors::malformedXml());
    head.enabled = status == u"Enabled"_s;
    head.filter = rule.child(u"Filter");
    head.prefix = rule.child(u"Prefix");
    if (head.filter && head.prefix)
        return std::unexpected(Errors::malformedXml());
    return head;
}

Result<Tags> readTag(const XmlElement &tag)
{
    if (!tag.child(u"Key") || !tag.child(u"Value"))
        return std::unexpected(Errors::malformedXml());
    return Tags{{tag.childText(u"Key"), tag.childText(u"Value")}};
}

} // namespace Core::S3
