// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine.h"

#include <QObject>
#include <QTest>
#include <QThread>

namespace Tests {

// An engine on a core thread of its own, as the application runs it, for widget tests that read
// it across threads and talk to its endpoint.
class EngineThread final
{
public:
    EngineThread() = default;
    ~EngineThread() { stop(); }
    EngineThread(const EngineThread &) = delete;
    EngineThread &operator=(const EngineThread &) = delete;

    // Starts the engine and waits for its endpoint. Returns the failure, empty on success.
    QString start(const Core::EngineOptions &options, Core::Clock *clock = nullptr)
    {
        m_engine = new Core::Engine(options, clock);
        m_engine->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
        // Received on this (the test's) thread, while waiting below.
        QObject::connect(m_engine, &Core::Engine::started, &m_receiver, [this](const QString &url) {
            m_endpointUrl = url;
        });
        QObject::connect(
            m_engine, &Core::Engine::startFailed, &m_receiver, [this](const QString &message) {
                m_failure = message;
            });
        m_thread.start();
        QMetaObject::invokeMethod(m_engine, &Core::Engine::start, Qt::QueuedConnection);
        if (!QTest::qWaitFor([this] { return !m_endpointUrl.isEmpty() || !m_failure.isEmpty(); }))
            return QStringLiteral("engine did not start");
        return m_failure;
    }

    void stop()
    {
        if (!m_thread.isRunning())
            return;
        QMetaObject::invokeMethod(m_engine, &Core::Engine::stop, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    Core::Engine *engine() const { return m_engine; }
    QString endpointUrl() const { return m_endpointUrl; }

private:
    QObject m_receiver;
    QThread m_thread;
    Core::Engine *m_engine = nullptr;
    QString m_endpointUrl;
    QString m_failure;
};

} // namespace Tests
