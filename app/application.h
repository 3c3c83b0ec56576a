// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace Gui {
class MainWindow;
}

namespace App {

struct CommandLine
{
    Core::EngineOptions engine;
    bool headless = false;
};

// Wires the process together: the core thread with the Engine on it, the main window (unless
// headless), and the shutdown order (window, then engine on its thread, then the thread).
class Application final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    explicit Application(CommandLine commandLine, QObject *parent = nullptr);
    ~Application() override;

    // Starts the engine; exit code is delivered through QCoreApplication::exit.
    void start();
    void shutdown();

private:
    void onStarted(const QString &endpointUrl);
    void onStartFailed(const QString &message);

    CommandLine m_commandLine;
    QThread m_coreThread;
    Core::Engine *m_engine = nullptr;
    std::unique_ptr<Gui::MainWindow> m_window;
    bool m_shutDown = false;
};

} // namespace App
