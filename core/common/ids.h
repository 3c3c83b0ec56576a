// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Core::Ids {

// A request id in AWS's shape (UUID, lower case, with dashes).
QString requestId();
// Random lower-case hex of the given length, for version ids, receipt handles and the like.
QString randomHex(int length);
// Random URL-safe alphanumerics of the given length.
QString randomAlphanumeric(int length);

} // namespace Core::Ids
