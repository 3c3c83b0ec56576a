// SPDX-License-Identifier: MIT
// S3 replication (S3-38): PutBucketReplication / GetBucketReplication / DeleteBucketReplication.
// The configuration is parsed and checked by core/s3 and stored as a bucket document; the
// copying itself runs in S3Service.
#include "core/api/handlers/s3handler.h"

#include "core/s3/replicationconfig.h"
#include "core/s3/s3errors.h"
#include "core/s3/s3service.h"

using namespace Qt::StringLiterals;

namespace Core::Api {

void S3Handler::getBucketReplication(Call &call)
{
    const auto config = m_service->getBucketReplication(call.target.bucket);
    if (!config)
        return fail(call, config.error());
    if (!config->has_value())
        return fail(call, S3::Errors::noSuchReplicationConfiguration(call.target.bucket));
    ok(call, (*config)->toXml());
}

void S3Handler::putBucketReplication(Call &call)
{
    const auto config = S3::ReplicationConfig::parse(call.request.http.bodyBytes());
    if (!config)
        return fail(call, config.error());
    if (auto done = m_service->putBucketReplication(call.target.bucket, *config); !done)
        return fail(call, done.error());
    ok(call);
}

void S3Handler::deleteBucketReplication(Call &call)
{
    if (auto done = m_service->putBucketReplication(call.target.bucket, std::nullopt); !done)
        return fail(call, done.error());
    ok(call, {}, 204);
}

} // namespace Core::Api
