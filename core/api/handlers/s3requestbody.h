// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httprequest.h"
#include "core/common/awserror.h"
#include "core/s3/s3service.h"

namespace Core::Api {

// An upload's body as S3 stores it: aws-chunked framing removed (signed or unsigned, trailing
// checksum read), MD5 and the requested flexible checksum computed, Content-MD5 and
// x-amz-checksum-* verified (BadDigest / InvalidDigest / InvalidRequest), decoded length checked
// against x-amz-decoded-content-length (IncompleteBody). Large bodies stay in files: a spooled
// upload is adopted as is, a chunked one is decoded into a staging file.
Result<S3::ObjectBody> readS3Body(const HttpRequest &request, const S3::ObjectFiles &files);

// Content-Encoding as stored: the transfer framing "aws-chunked" removed.
QString storedContentEncoding(const HttpRequest &request);

} // namespace Core::Api
