// SPDX-License-Identifier: MIT
// S3 server access logging (S3-36): PutBucketLogging / GetBucketLogging. The records themselves
// are made by S3Handler::logAccess for every answered request of a bucket that logs.
#include "core/api/handlers/s3handler.h"

#include "core/s3/accesslog.h"
#include "core/s3/s3service.h"

namespace Core::Api {

void S3Handler::getBucketLogging(Call &call)
{
    const auto config = m_service->getBucketLogging(call.target.bucket);
    if (!config)
        return fail(call, config.error());
    ok(call, S3::LoggingConfig::toXml(*config));
}

void S3Handler::putBucketLogging(Call &call)
{
    const auto config = S3::LoggingConfig::parse(call.request.http.bodyBytes());
    if (!config)
        return fail(call, config.error());
    if (auto done = m_service->putBucketLogging(call.target.bucket, *config); !done)
        return fail(call, done.error());
    ok(call);
}

} // namespace Core::Api
