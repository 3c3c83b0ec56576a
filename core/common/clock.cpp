// SPDX-License-Identifier: MIT
#include "core/common/clock.h"

#include <QTimeZone>

namespace Core {

Clock::Clock(QObject *parent)
    : QObject(parent)
{}

QDateTime Clock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

SystemClock::SystemClock(QObject *parent)
    : Clock(parent)
{}

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

ManualClock::ManualClock(qint64 startMs, QObject *parent)
    : Clock(parent)
    , m_nowMs(startMs)
{}

qint64 ManualClock::nowMs() const
{
    return m_nowMs.load();
}

void ManualClock::setNowMs(qint64 ms)
{
    m_nowMs.store(ms);
    emit advanced();
}

void ManualClock::advance(qint64 ms)
{
    m_nowMs.fetch_add(ms);
    emit advanced();
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace Core
