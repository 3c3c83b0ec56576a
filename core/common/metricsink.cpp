// SPDX-License-Identifier: MIT
#include "core/common/metricsink.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Core {

const QStringList &MetricSink::standardUnits()
{
    static const QStringList units{u"Seconds"_s,
        u"Microseconds"_s,
        u"Milliseconds"_s,
        u"Bytes"_s,
        u"Kilobytes"_s,
        u"Megabytes"_s,
        u"Gigabytes"_s,
        u"Terabytes"_s,
        u"Bits"_s,
        u"Kilobits"_s,
        u"Megabits"_s,
        u"Gigabits"_s,
        u"Terabits"_s,
        u"Percent"_s,
        u"Count"_s,
        u"Bytes/Second"_s,
        u"Kilobytes/Second"_s,
        u"Megabytes/Second"_s,
        u"Gigabytes/Second"_s,
        u"Terabytes/Second"_s,
        u"Bits/Second"_s,
        u"Kilobits/Second"_s,
        u"Megabits/Second"_s,
        u"Gigabits/Second"_s,
        u"Terabits/Second"_s,
        u"Count/Second"_s,
        u"None"_s};
    return units;
}

} // namespace Core
