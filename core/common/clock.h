// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QObject>

#include <atomic>

namespace Core {

// The engine's time. Services never read the wall clock: they ask the injected Clock, so tests
// and the time-control feature can move time. Thread-safe; advanced() is emitted on the thread
// that moved a ManualClock, so receivers connect with a context object (queued across threads).
class Clock : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Clock)

public:
    explicit Clock(QObject *parent = nullptr);

    virtual qint64 nowMs() const = 0;
    QDateTime now() const;

signals:
    // Time jumped forward by more than the normal flow (a manual clock was moved).
    void advanced();
};

// A time as AWS's JSON and XML write it: ISO 8601 in UTC with milliseconds and "Z"
// (2026-11-23T17:21:23.000Z).
QString isoTime(qint64 ms);

class SystemClock final : public Clock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemClock)

public:
    explicit SystemClock(QObject *parent = nullptr);
    qint64 nowMs() const override;
};

class ManualClock final : public Clock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManualClock)

public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000, QObject *parent = nullptr);

    qint64 nowMs() const override;
    void setNowMs(qint64 ms);
    void advance(qint64 ms);

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace Core
