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

// Whether the HTTP server should hand this request's body over as a spool file although it was
// read into memory: a PutObject or UploadPart whose body S3 stores as a file (over
// S3Service::InlineLimit), sent whole (not aws-chunked, which is decoded first) and without a
// flexible checksum to compute over it. readS3Body() then adopts the file as is. Thread-safe.
bool wantsBodyAsFile(const HttpRequest &request);

// Content-Encoding as stored: the transfer framing "aws-chunked" removed.
QString storedContentEncoding(const HttpRequest &request);

} // namespace Core::Api
