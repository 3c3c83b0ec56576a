// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/codesource.h"

namespace Core::S3 {
class S3Service;
}

namespace Core::Wiring {

// Lets Lambda read deployment packages (Code.S3Bucket / S3Key / S3ObjectVersion) from the emulated
// S3 through S3Service's public API, without Lambda depending on S3. Owned by the engine; core
// thread only.
class S3LambdaCode final : public Lambda::CodeSource
{
public:
    explicit S3LambdaCode(S3::S3Service *s3);

    Result<QByteArray> fetch(
        const Lambda::S3CodeLocation &location, const QString &region) override;

private:
    S3::S3Service *m_s3;
};

} // namespace Core::Wiring
