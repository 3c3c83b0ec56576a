// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Core::S3 {

// S3-01: general purpose bucket naming rules (3-63 characters; lower-case letters, digits, dots
// and hyphens; starts and ends with a letter or digit; no "..", no IP address form; reserved
// prefixes and suffixes).
bool isValidBucketName(const QString &name);

constexpr qsizetype MaxKeyBytes = 1024;

} // namespace Core::S3
