// SPDX-License-Identifier: MIT
#include "core/wiring/s3lambdacode.h"

#include "core/s3/s3service.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Core::Wiring {

S3LambdaCode::S3LambdaCode(S3::S3Service *s3)
    : m_s3(s3)
{}

Result<QByteArray> S3LambdaCode::fetch(
    const Lambda::S3CodeLocation &location, const QString &region)
{
    const auto bucket = m_s3->headBucket(location.bucket);
    if (!bucket)
        return std::unexpected(bucket.error());
    // Lambda reads code only from a bucket in its own region; S3 redirects the request.
    if (!bucket->region.isEmpty() && bucket->region != region)
        return std::unexpected(AwsError{u"PermanentRedirect"_s,
            u"The bucket is in this region: %1. Please use this region to retry the request"_s.arg(
                bucket->region),
            301});
    const auto object = m_s3->getObject(location.bucket, location.key, location.objectVersion);
    if (!object)
        return std::unexpected(object.error());
    if (object->filePath.isEmpty())
        return object->inlineData;
    QFile file(object->filePath);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(AwsError{
            u"InternalError"_s, u"We encountered an internal error. Please try again."_s, 500});
    return file.readAll();
}

} // namespace Core::Wiring
