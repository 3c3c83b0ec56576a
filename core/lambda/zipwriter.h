// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/zipreader.h"

namespace Core::Lambda {

// Builds a deployment package from files (the console's inline editor saves through it):
// deflated entries, UTF-8 names, no ZIP64. Pure function, any thread.
class ZipWriter final
{
public:
    static QByteArray write(const QList<ZipReader::Entry> &entries);
};

} // namespace Core::Lambda
