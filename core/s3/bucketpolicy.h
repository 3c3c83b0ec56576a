// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonValue>
#include <QString>

namespace Core::S3 {

enum class PolicyEffect {
    None,
    Allow,
    Deny,
};

// The request context a policy's Condition blocks test: condition keys (lower case, such as
// "aws:sourceip", "aws:referer", "aws:securetransport", "s3:prefix") and their values as
// the request has them. A key the request does not have is absent.
struct PolicyContext
{
    QHash<QString, QString> keys;

    void set(const QString &key, const QString &value) { keys.insert(key.toLower(), value); }
};

// Who sends a request, as a statement's Principal or NotPrincipal names it: the anonymous
// principal (unsigned requests), the root user of an account (signed requests: Cloudbench
// takes any credentials as its account's root user, as STS GetCallerIdentity reports them), or
// an AWS service (s3.amazonaws.com sending event notifications).
struct PolicyPrincipal
{
    QString accountId; // empty: anonymous
    QString service; // a service principal; accountId is then empty

    bool isAnonymous() const { return accountId.isEmpty() && service.isEmpty(); }
};

// Whether a statement's Principal (or NotPrincipal) names this principal: "*" and {"AWS": "*"}
// name everyone; {"AWS": ...} names an account's root user by account id or
// arn:aws:iam::<account>:root, {"CanonicalUser": ...} by the owner's canonical id,
// {"Service": ...} a service principal. Other principals (users, roles) are never the caller.
bool namesPrincipal(const QJsonValue &principal, const PolicyPrincipal &who);

// What a bucket policy says about a request of `principal` for `action` (s3:GetObject) on
// `resource`, as evaluateAnonymous below describes for the anonymous principal.
PolicyEffect evaluatePolicy(const QString &policyJson,
    const PolicyPrincipal &principal,
    const QString &action,
    const QString &resource,
    const PolicyContext &context = {});

// What a bucket policy says about an anonymous (unsigned) request for `action` (s3:GetObject)
// on `resource` (arn:aws:s3:::bucket or arn:aws:s3:::bucket/key): Deny when a Deny statement
// matches, else Allow when an Allow statement matches, else None. A statement applies to the
// anonymous principal when its Principal is "*" (or {"AWS": "*"}), or when it has a
// NotPrincipal that does not list "*". Action/NotAction and Resource/NotResource take AWS's
// wildcards (* and ?; actions are case-insensitive). A Condition matches when every operator
// in it holds (IAM's rules: String*, Numeric*, Date*, Bool, IpAddress/NotIpAddress, Arn*,
// Null, the ...IfExists forms; several values of one key: any of them; a key the request does
// not have fails the condition, except for the negated operators and IfExists). An operator
// Cloudbench does not know never holds.
PolicyEffect evaluateAnonymous(const QString &policyJson,
    const QString &action,
    const QString &resource,
    const PolicyContext &context = {});

// A bucket policy Block Public Access calls public: an Allow to Principal "*" (or {"AWS": "*"})
// unless its Condition pins fixed values of a key that names who may call (aws:SourceIp other
// than 0.0.0.0/0 or ::/0, aws:SourceArn, aws:SourceVpc(e), aws:SourceAccount, aws:SourceOwner,
// aws:PrincipalOrgID, aws:PrincipalArn, aws:PrincipalAccount, aws:userid, or the KMS key id),
// as AWS documents "public". A condition on aws:Referer or aws:SecureTransport leaves it public.
bool isPublicPolicy(const QString &json);

} // namespace Core::S3
