// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

namespace Core {

// Turns many touch() calls into at most one fired() per interval, so the UI hears about a burst
// of changes once (DESIGN.md: never one queued event per request). Lives on its owner's thread.
class Coalescer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Coalescer)

public:
    explicit Coalescer(int intervalMs = 150, QObject *parent = nullptr);

    void touch();
    bool isPending() const { return m_timer.isActive(); }

signals:
    void fired();

private:
    QTimer m_timer;
};

} // namespace Core
