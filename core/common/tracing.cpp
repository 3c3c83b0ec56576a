// SPDX-License-Identifier: MIT
#include "core/common/tracing.h"

#include "core/common/ids.h"

#include <QList>
#include <QStringView>

using namespace Qt::StringLiterals;

namespace Core::Tracing {

int lineageCount(const QString &traceHeader)
{
    int count = 0;
    for (const QStringView field : QStringView(traceHeader).split(u';')) {
        const QStringView trimmed = field.trimmed();
        if (!trimmed.startsWith(u"Lineage="))
            continue;
        for (const QStringView entry : trimmed.mid(8).split(u'|')) {
            const qsizetype colon = entry.lastIndexOf(u':');
            bool ok = false;
            const int value = colon < 0 ? 0 : entry.mid(colon + 1).toInt(&ok);
            if (ok && value > count)
                count = value;
        }
    }
    return count;
}

QString invocationTraceHeader(int count, qint64 nowMs)
{
    const qint64 seconds = nowMs / 1000;
    return u"Root=1-%1-%2;Parent=%3;Sampled=0;Lineage=%4:%5"_s.arg(
        QString::number(seconds, 16).rightJustified(8, u'0'),
        Ids::randomHex(24),
        Ids::randomHex(16),
        Ids::randomHex(8),
        QString::number(count));
}

} // namespace Core::Tracing
