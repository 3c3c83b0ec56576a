// SPDX-License-Identifier: MIT
#include "core/common/coalescer.h"

namespace Core {

Coalescer::Coalescer(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Coalescer::fired);
}

void Coalescer::touch()
{
    if (!m_timer.isActive())
        m_timer.start();
}

} // namespace Core
