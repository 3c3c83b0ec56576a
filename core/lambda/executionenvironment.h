// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/bootstrapprotocol.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace Core::Lambda {

// One Lambda execution environment: a warm interpreter process running a bootstrap, serving one
// invocation at a time. Started and driven asynchronously (QProcess signals, never waitFor*), on
// the core thread. The process runs in its own process group so a timeout or a handler that
// forks is cleaned up as a whole. finished() reports each invocation; after a timeout, a crash
// or an init error the environment is dead and its owner discards it.
class ExecutionEnvironment final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecutionEnvironment)

public:
    struct Setup
    {
        QString program;
        QStringList arguments;
        QProcessEnvironment environment;
        QString workingDirectory;
        QString key; // function name, version and revision this environment was built for
        QString logStream;
    };

    enum class Outcome {
        Success,
        FunctionError, // the handler raised / rejected, or init failed (payload says which)
        Timeout,
        Exited, // the process ended during the invocation
    };

    struct Result
    {
        Outcome outcome = Outcome::Success;
        QByteArray payload;
        QStringList logLines; // what the process printed, one entry per line
        double durationMs = 0;
        std::optional<double> initDurationMs;
        int maxMemoryUsedMb = 0;
        QString exitDescription; // "exit status 1", "signal: killed"
    };

    static constexpr qint64 MaxLogBytesPerInvocation = 8LL * 1024 * 1024;
    static constexpr int MaxLineBytes = 256 * 1024;
    static constexpr int InitTimeoutMs = 10000;
    // The bootstraps print this line on stderr right before each answer.
    static constexpr QByteArrayView LogMark = "\x1f\x1f"
                                              "CB-END\x1f\x1f";
    static constexpr int LogDrainMs = 1000;

    explicit ExecutionEnvironment(Setup setup, QObject *parent = nullptr);
    ~ExecutionEnvironment() override;

    const QString &key() const { return m_setup.key; }
    const QString &logStream() const { return m_setup.logStream; }
    bool isBusy() const { return m_busy; }
    bool isDead() const { return m_dead; }

    // Starts the process if needed, then sends the invocation; finished() follows.
    void invoke(const QByteArray &contextJson, const QByteArray &event, int timeoutMs);
    void terminate();

signals:
    void finished(const Core::Lambda::ExecutionEnvironment::Result &result);

private:
    void start();
    void onStdout();
    void onStderr();
    void onExited(int exitCode, QProcess::ExitStatus status);
    void onTimeout();
    void sendPending();
    void answer(Outcome outcome, const QByteArray &payload);
    void complete(Outcome outcome, QByteArray payload);
    void appendLog(const QByteArray &bytes);
    int readMaxMemoryMb() const;
    void killGroup();

    Setup m_setup;
    QProcess *m_process = nullptr;
    BootstrapReader m_reader;
    QTimer m_timer;
    QTimer m_drainTimer;
    bool m_markSeen = false;
    std::optional<std::pair<Outcome, QByteArray>> m_answer;
    QElapsedTimer m_clock;
    bool m_ready = false;
    bool m_busy = false;
    bool m_dead = false;
    bool m_initReported = false;
    std::optional<QByteArray> m_initError;
    std::optional<double> m_initDurationMs;
    QByteArray m_pendingFrame;
    int m_timeoutMs = 0;
    QByteArray m_partialLine;
    QStringList m_lines;
    qint64 m_logBytes = 0;
    bool m_logTruncated = false;
    qint64 m_pid = 0;
    QString m_exitDescription;
    QString m_exitDescriptionOverride;
};

} // namespace Core::Lambda

Q_DECLARE_METATYPE(Core::Lambda::ExecutionEnvironment::Result)
