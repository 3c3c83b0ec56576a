// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/executionenvironment.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Core::Lambda {

// The warm execution environments of all functions, keyed by function, version and revision:
// an idle environment of the same key is reused (no Init Duration), otherwise a new process is
// started (cold start). Environments idle for five minutes, dead ones and those of an outdated
// revision are discarded. Core thread; concurrency limits are the caller's (busyCount()).
class EnvironmentPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentPool)

public:
    using Done = std::function<void(ExecutionEnvironment *, const ExecutionEnvironment::Result &)>;

    explicit EnvironmentPool(QObject *parent = nullptr);
    ~EnvironmentPool() override;

    // Runs one invocation in an idle environment for setup.key, or a new one built from setup.
    void run(const ExecutionEnvironment::Setup &setup,
        const QString &function,
        const QByteArray &contextJson,
        const QByteArray &event,
        int timeoutMs,
        Done done);
    // The log stream the next invocation of this key would use, and whether it is warm.
    ExecutionEnvironment *idleEnvironment(const QString &key) const;

    int busyCount(const QString &function) const;
    int totalBusy() const;
    int environmentCount(const QString &function) const;
    // Drops the function's idle environments (code or configuration changed, function deleted);
    // busy ones are dropped when they finish.
    void discard(const QString &function);
    void shutdown();

private:
    struct Slot
    {
        ExecutionEnvironment *environment = nullptr;
        QString function;
        QElapsedTimer idleSince;
        Done done;
        bool discardAfterRun = false;
    };

    void onFinished(ExecutionEnvironment *environment, const ExecutionEnvironment::Result &result);
    void reapIdle();
    void remove(ExecutionEnvironment *environment);

    QHash<ExecutionEnvironment *, Slot> m_slots;
    QTimer m_reaper;
};

} // namespace Core::Lambda
