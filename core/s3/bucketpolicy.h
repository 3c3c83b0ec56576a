// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Core::S3 {

enum class PolicyEffect {
    None,
    Allow,
    Deny,
};

// What a bucket policy says about an anonymous (unsigned) request for `action` (s3:GetObject)
// on `resource` (arn:aws:s3:::bucket or arn:aws:s3:::bucket/key): Deny when a Deny statement
// matches, else Allow when an Allow statement matches, else None. A statement applies to the
// anonymous principal when its Principal is "*" (or {"AWS": "*"}), or when it has a
// NotPrincipal that does not list "*". Action/NotAction and Resource/NotResource take AWS's
// wildcards (* and ?; actions are case-insensitive). Statements with a Condition are not
// evaluated (Cloudbench has no request context for them) and never match.
PolicyEffect evaluateAnonymous(
    const QString &policyJson, const QString &action, const QString &resource);

} // namespace Core::S3
