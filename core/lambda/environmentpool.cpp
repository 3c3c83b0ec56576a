// SPDX-License-Identifier: MIT
#include "core/lambda/environmentpool.h"

#include <QProcess>

namespace Core::Lambda {

namespace {

constexpr qint64 IdleLifetimeMs = 5 * 60 * 1000;

} // namespace

EnvironmentPool::EnvironmentPool(QObject *parent)
    : QObject(parent)
{
    m_reaper.setInterval(30 * 1000);
    connect(&m_reaper, &QTimer::timeout, this, &EnvironmentPool::reapIdle);
    m_reaper.start();
}

EnvironmentPool::~EnvironmentPool()
{
    shutdown();
}

ExecutionEnvironment *EnvironmentPool::idleEnvironment(const QString &key) const
{
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it) {
        ExecutionEnvironment *environment = it.key();
        if (!environment->isBusy() && !environment->isDead() && !it->discardAfterRun
            && environment->key() == key)
            return environment;
    }
    return nullptr;
}

void EnvironmentPool::run(const ExecutionEnvironment::Setup &setup,
    const QString &function,
    const QByteArray &contextJson,
    const QByteArray &event,
    int timeoutMs,
    Done done)
{
    ExecutionEnvironment *environment = idleEnvironment(setup.key);
    if (!environment) {
        environment = new ExecutionEnvironment(setup, this);
        connect(environment,
            &ExecutionEnvironment::finished,
            this,
            [this, environment](
                const ExecutionEnvironment::Result &result) { onFinished(environment, result); });
        m_slots.insert(environment, Slot{environment, function, {}, {}, false});
    }
    Slot &slot = m_slots[environment];
    slot.done = std::move(done);
    environment->invoke(contextJson, event, timeoutMs);
}

void EnvironmentPool::onFinished(
    ExecutionEnvironment *environment, const ExecutionEnvironment::Result &result)
{
    auto it = m_slots.find(environment);
    if (it == m_slots.end())
        return;
    Done done = std::exchange(it->done, {});
    it->idleSince.start();
    const bool drop = it->discardAfterRun || environment->isDead();
    if (done)
        done(environment, result);
    if (drop)
        remove(environment);
}

int EnvironmentPool::busyCount(const QString &function) const
{
    int count = 0;
    for (const Slot &slot : m_slots) {
        if (slot.function == function && slot.environment->isBusy())
            ++count;
    }
    return count;
}

int EnvironmentPool::totalBusy() const
{
    int count = 0;
    for (const Slot &slot : m_slots) {
        if (slot.environment->isBusy())
            ++count;
    }
    return count;
}

int EnvironmentPool::environmentCount(const QString &function) const
{
    int count = 0;
    for (const Slot &slot : m_slots) {
        if (slot.function == function && !slot.environment->isDead())
            ++count;
    }
    return count;
}

void EnvironmentPool::discard(const QString &function)
{
    QList<ExecutionEnvironment *> idle;
    for (auto it = m_slots.begin(); it != m_slots.end(); ++it) {
        if (it->function != function)
            continue;
        if (it.key()->isBusy())
            it->discardAfterRun = true;
        else
            idle.append(it.key());
    }
    for (ExecutionEnvironment *environment : idle)
        remove(environment);
}

void EnvironmentPool::reapIdle()
{
    QList<ExecutionEnvironment *> expired;
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it) {
        if (it.key()->isBusy())
            continue;
        if (it.key()->isDead()
            || (it->idleSince.isValid() && it->idleSince.elapsed() > IdleLifetimeMs))
            expired.append(it.key());
    }
    for (ExecutionEnvironment *environment : expired)
        remove(environment);
}

void EnvironmentPool::remove(ExecutionEnvironment *environment)
{
    m_slots.remove(environment);
    environment->terminate();
    environment->deleteLater();
}

void EnvironmentPool::shutdown()
{
    const QList<ExecutionEnvironment *> all = m_slots.keys();
    m_slots.clear();
    for (ExecutionEnvironment *environment : all) {
        environment->terminate();
        delete environment;
    }
    // Processes of terminated environments wait here to be reaped (terminate() killed their
    // process group). The engine is stopping: collect them now, briefly, instead of leaking
    // them. The only waitFor* on the core thread, bounded, and at shutdown only.
    for (QProcess *process : findChildren<QProcess *>(Qt::FindDirectChildrenOnly)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(1000);
        }
        delete process;
    }
}

} // namespace Core::Lambda
