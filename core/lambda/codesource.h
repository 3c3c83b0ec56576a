// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QByteArray>
#include <QString>

namespace Core::Lambda {

// Code.S3Bucket / S3Key / S3ObjectVersion of CreateFunction and UpdateFunctionCode.
struct S3CodeLocation
{
    QString bucket;
    QString key;
    QString objectVersion;
    bool isEmpty() const { return bucket.isEmpty() && key.isEmpty() && objectVersion.isEmpty(); }
};

// Where Lambda reads deployment packages stored in S3. The engine wires S3 to it (an adapter over
// S3Service); Lambda depends only on this interface. Core thread. fetch() answers the object's
// bytes, or S3's own error (code and message), which Lambda wraps as AWS does.
class CodeSource
{
public:
    virtual ~CodeSource() = default;
    virtual Result<QByteArray> fetch(const S3CodeLocation &location, const QString &region) = 0;
};

} // namespace Core::Lambda
