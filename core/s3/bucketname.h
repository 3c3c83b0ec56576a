// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Core::S3 {

// S3-01: general purpose bucket naming rules (3-63 characters; lower-case letters, digits, dots
// and hyphens; starts and ends with a letter or digit; no "..", no IP address form; reserved
// prefixes and suffixes).
bool isValidBucketName(const QString &name);

// CreateBucket: whether a LocationConstraint names an AWS Region S3 creates buckets in (the
// aws, aws-cn and aws-us-gov partitions, and the legacy "EU"). us-east-1 is a Region but no
// constraint: AWS refuses it in the body (InvalidLocationConstraint) as any unknown name.
bool isLocationConstraint(const QString &constraint);

constexpr qsizetype MaxKeyBytes = 1024;

} // namespace Core::S3
