// SPDX-License-Identifier: MIT
// S3Handler: Object Lock (S3-20): PutObjectLockConfiguration / GetObjectLockConfiguration,
// PutObjectRetention / GetObjectRetention, PutObjectLegalHold / GetObjectLegalHold.
#include "core/api/handlers/s3handler.h"

#include "core/api/handlers/s3xml.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

// The Put operations require an integrity check, as DeleteObjects does.
Status checkIntegrity(const HttpRequest &request)
{
    if (!S3Wire::hasIntegrityCheck(request))
        return std::unexpected(
            S3::Errors::invalidRequest(u"Missing required header for this request: Content-MD5"_s));
    return {};
}

} // namespace

Result<bool> S3Handler::bypassGovernance(const Call &call) const
{
    const HttpRequest &http = call.request.http;
    if (http.header("x-amz-bypass-governance-retention").trimmed().toLower() != "true")
        return false;
    const S3::PolicyPrincipal who = principal(call.request);
    if (who.isAnonymous() || m_service->hasBucketPolicy(call.target.bucket)) {
        if (auto allowed = m_service->authorize(call.target.bucket,
                call.target.key,
                http.queryItem(u"versionId"),
                u"s3:BypassGovernanceRetention"_s,
                who,
                policyContext(http, who));
            !allowed)
            return std::unexpected(allowed.error());
    }
    return true;
}

void S3Handler::getObjectLockConfiguration(Call &call)
{
    const auto config = m_service->getObjectLockConfiguration(call.target.bucket);
    if (!config)
        return fail(call, config.error());
    ok(call, config->toXml());
}

void S3Handler::putObjectLockConfiguration(Call &call)
{
    if (auto checked = checkIntegrity(call.request.http); !checked)
        return fail(call, checked.error());
    const auto config = S3::ObjectLockConfig::parse(call.request.http.bodyBytes());
    if (!config)
        return fail(call, config.error());
    if (auto done = m_service->putObjectLockConfiguration(call.target.bucket, *config); !done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::getObjectRetention(Call &call)
{
    const auto lock = m_service->getObjectLock(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"versionId"));
    if (!lock)
        return fail(call, lock.error());
    if (!lock->hasRetention())
        return fail(call, S3::Errors::noSuchObjectLockConfiguration());
    ok(call, S3Xml::document(u"Retention"_s, [&lock](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"Mode"_s, lock->mode);
        xml.writeTextElement(u"RetainUntilDate"_s, S3Xml::isoTime(lock->retainUntilMs));
    }));
}

void S3Handler::putObjectRetention(Call &call)
{
    const HttpRequest &http = call.request.http;
    if (auto checked = checkIntegrity(http); !checked)
        return fail(call, checked.error());
    const auto root = S3Xml::parse(http.bodyBytes());
    if (!root || root->name != u"Retention"_s)
        return fail(call, S3::Errors::malformedXml());
    const QString mode = root->childText(u"Mode").trimmed();
    qint64 retainUntilMs = -1;
    if (root->child(u"RetainUntilDate")) {
        retainUntilMs = S3Wire::parseIsoTime(root->childText(u"RetainUntilDate"));
        if (retainUntilMs < 0)
            return fail(call, S3::Errors::malformedXml());
    }
    const auto bypass = bypassGovernance(call);
    if (!bypass)
        return fail(call, bypass.error());
    if (auto done = m_service->putObjectRetention(call.target.bucket,
            call.target.key,
            http.queryItem(u"versionId"),
            mode,
            retainUntilMs,
            *bypass);
        !done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::getObjectLegalHold(Call &call)
{
    const auto lock = m_service->getObjectLock(
        call.target.bucket, call.target.key, call.request.http.queryItem(u"versionId"));
    if (!lock)
        return fail(call, lock.error());
    if (lock->legalHold.isEmpty())
        return fail(call, S3::Errors::noSuchObjectLockConfiguration());
    ok(call, S3Xml::document(u"LegalHold"_s, [&lock](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"Status"_s, lock->legalHold);
    }));
}

void S3Handler::putObjectLegalHold(Call &call)
{
    const HttpRequest &http = call.request.http;
    if (auto checked = checkIntegrity(http); !checked)
        return fail(call, checked.error());
    const auto root = S3Xml::parse(http.bodyBytes());
    if (!root || root->name != u"LegalHold"_s)
        return fail(call, S3::Errors::malformedXml());
    if (auto done = m_service->putObjectLegalHold(call.target.bucket,
            call.target.key,
            http.queryItem(u"versionId"),
            root->childText(u"Status").trimmed());
        !done)
        return fail(call, done.error());
    ok(call);
}

} // namespace Core::Api
