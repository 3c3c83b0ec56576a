// SPDX-License-Identifier: MIT
#include "core/lambda/executionenvironment.h"

#include <QFile>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

ExecutionEnvironment::ExecutionEnvironment(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ExecutionEnvironment::onTimeout);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, [this] {
        if (m_answer)
            complete(m_answer->first, m_answer->second);
    });
}

ExecutionEnvironment::~ExecutionEnvironment()
{
    terminate();
}

void ExecutionEnvironment::start()
{
    m_process = new QProcess(this);
    m_process->setProgram(m_setup.program);
    m_process->setArguments(m_setup.arguments);
    m_process->setProcessEnvironment(m_setup.environment);
    m_process->setWorkingDirectory(m_setup.workingDirectory);
    // Own process group: the whole tree (handlers that fork) is killed together.
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ExecutionEnvironment::onStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &ExecutionEnvironment::onStderr);
    connect(m_process, &QProcess::finished, this, &ExecutionEnvironment::onExited);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_exitDescriptionOverride = u"failed to start %1"_s.arg(m_setup.program);
            onExited(-1, QProcess::CrashExit);
        }
    });
    m_clock.start();
    m_process->start();
    m_pid = m_process->processId();
}

void ExecutionEnvironment::invoke(
    const QByteArray &contextJson, const QByteArray &event, int timeoutMs)
{
    m_busy = true;
    m_markSeen = false;
    m_answer.reset();
    m_lines.clear();
    m_logBytes = 0;
    m_logTruncated = false;
    m_timeoutMs = timeoutMs;
    m_pendingFrame = invokeFrame(contextJson, event);
    if (!m_process) {
        start();
        m_timer.start(InitTimeoutMs + timeoutMs);
        return;
    }
    sendPending();
}

void ExecutionEnvironment::sendPending()
{
    if (m_pendingFrame.isEmpty() || !m_ready)
        return;
    if (m_initError) {
        m_pendingFrame.clear();
        complete(Outcome::FunctionError, *m_initError);
        return;
    }
    m_timer.start(m_timeoutMs);
    m_clock.restart();
    m_process->write(m_pendingFrame);
    m_pendingFrame.clear();
}

void ExecutionEnvironment::onStdout()
{
    m_reader.feed(m_process->readAllStandardOutput());
    while (auto message = m_reader.next()) {
        switch (message->type) {
        case BootstrapMessage::Type::Ready:
        case BootstrapMessage::Type::InitError:
            m_initDurationMs = m_clock.nsecsElapsed() / 1e6;
            m_ready = true;
            if (message->type == BootstrapMessage::Type::InitError)
                m_initError = message->payload;
            sendPending();
            break;
        case BootstrapMessage::Type::Result:
            answer(Outcome::Success, message->payload);
            break;
        case BootstrapMessage::Type::Error:
            answer(Outcome::FunctionError, message->payload);
            break;
        }
    }
    if (m_reader.isBroken() && m_busy) {
        killGroup();
    }
}

// The answer is final once the log mark has arrived on stderr (the two pipes are read
// independently); a bootstrap that never sends it is waited for LogDrainMs at most.
void ExecutionEnvironment::answer(Outcome outcome, const QByteArray &payload)
{
    if (!m_busy)
        return;
    if (m_markSeen) {
        complete(outcome, payload);
        return;
    }
    m_answer = std::pair{outcome, payload};
    m_drainTimer.start(LogDrainMs);
}

void ExecutionEnvironment::appendLog(const QByteArray &bytes)
{
    m_partialLine.append(bytes);
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_partialLine.indexOf('\n', start);
        if (newline < 0)
            break;
        QByteArray line = m_partialLine.mid(start, newline - start);
        start = newline + 1;
        if (line == LogMark) {
            m_markSeen = true;
            continue;
        }
        if (m_logBytes >= MaxLogBytesPerInvocation) {
            if (!m_logTruncated) {
                m_logTruncated = true;
                m_lines.append(u"[Cloudbench] Log output of this invocation exceeded 8 MB; the "
                               u"rest was dropped."_s);
            }
            continue;
        }
        if (line.size() > MaxLineBytes)
            line.truncate(MaxLineBytes);
        m_logBytes += line.size();
        m_lines.append(QString::fromUtf8(line));
    }
    m_partialLine.remove(0, start);
    if (m_partialLine.size() > MaxLineBytes) {
        m_partialLine.append('\n');
        appendLog({});
    }
}

void ExecutionEnvironment::onStderr()
{
    appendLog(m_process->readAllStandardError());
    if (m_markSeen && m_answer)
        complete(m_answer->first, m_answer->second);
}

int ExecutionEnvironment::readMaxMemoryMb() const
{
    QFile status(u"/proc/%1/status"_s.arg(m_pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:")) {
            const QByteArray kb = line.mid(6).trimmed().split(' ').value(0);
            return int((kb.toLongLong() + 1023) / 1024);
        }
    }
    return 0;
}

void ExecutionEnvironment::complete(Outcome outcome, QByteArray payload)
{
    if (!m_busy)
        return;
    m_timer.stop();
    m_drainTimer.stop();
    m_answer.reset();
    if (m_process)
        appendLog(m_process->readAllStandardError());
    if (!m_partialLine.isEmpty()) {
        m_partialLine.append('\n');
        appendLog({});
    }
    Result result;
    result.outcome = outcome;
    result.payload = payload;
    result.logLines = std::exchange(m_lines, {});
    result.durationMs = m_clock.nsecsElapsed() / 1e6;
    if (!m_initReported && m_initDurationMs) {
        result.initDurationMs = m_initDurationMs;
        m_initReported = true;
    }
    result.maxMemoryUsedMb = readMaxMemoryMb();
    result.exitDescription = m_exitDescription;
    m_busy = false;
    if (outcome == Outcome::Timeout || outcome == Outcome::Exited || m_initError) {
        m_dead = true;
        killGroup();
    }
    emit finished(result);
}

void ExecutionEnvironment::onTimeout()
{
    if (!m_busy)
        return;
    killGroup();
    complete(Outcome::Timeout, {});
}

void ExecutionEnvironment::onExited(int exitCode, QProcess::ExitStatus status)
{
    if (m_dead && !m_busy)
        return;
    if (!m_exitDescriptionOverride.isEmpty())
        m_exitDescription = m_exitDescriptionOverride;
    else if (status == QProcess::CrashExit)
        m_exitDescription = u"signal: killed"_s;
    else
        m_exitDescription = u"exit status %1"_s.arg(exitCode);
    m_dead = true;
    if (m_busy)
        complete(Outcome::Exited, {});
}

void ExecutionEnvironment::killGroup()
{
    if (m_pid > 0)
        ::kill(-pid_t(m_pid), SIGKILL);
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->kill();
}

void ExecutionEnvironment::terminate()
{
    m_dead = true;
    m_timer.stop();
    if (!m_process)
        return;
    disconnect(m_process, nullptr, this, nullptr);
    killGroup();
    // Reaped asynchronously: QProcess is deleted once the child has been collected. It moves to
    // this environment's owner (the pool), so a pool torn down first still deletes it.
    QProcess *process = m_process;
    m_process = nullptr;
    process->setParent(parent());
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
    } else {
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
    }
}

} // namespace Core::Lambda
