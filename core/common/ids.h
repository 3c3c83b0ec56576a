// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Core::Ids {

// A random (version 4) UUID, lower case, with dashes: request and message ids. From Qt's seeded
// generator, not the system's: QUuid::createUuid() makes a system call for every id.
QString uuid();
// A request id in AWS's shape (a UUID).
QString requestId();
// Random lower-case hex of the given length, for version ids, receipt handles and the like.
QString randomHex(int length);
// Random URL-safe alphanumerics of the given length.
QString randomAlphanumeric(int length);

} // namespace Core::Ids
