// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/s3/bucket.h"
#include "core/s3/xmlelement.h"

namespace Core::S3 {

// What the rules of lifecycle and replication configurations share: an ID of at most 255
// characters (InvalidArgument), Status Enabled or Disabled, and a Prefix of their own or a
// Filter, not both (MalformedXML otherwise).
struct RuleHead
{
    QString id;
    bool enabled = false;
    const XmlElement *prefix = nullptr; // the rule's own <Prefix> (the older schema)
    const XmlElement *filter = nullptr;
};

Result<RuleHead> readRuleHead(const XmlElement &rule);
// <Tag><Key>..</Key><Value>..</Value></Tag>: both are required.
Result<Tags> readTag(const XmlElement &tag);

} // namespace Core::S3
