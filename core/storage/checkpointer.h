// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Core::Storage {

class Database;

// Takes WAL checkpoints off the writing thread. SQLite checkpoints on the committing connection
// by default, and a checkpoint fsyncs: on the core thread that stalls every request queued behind
// the commit. The engine turns automatic checkpoints off on its connection
// (Database::setAutoCheckpoint(false)), and this object's own thread, with its own connection,
// runs a PASSIVE checkpoint (it never blocks the writer or readers) every interval. SQLite then
// restarts the WAL from its beginning at the next write, so the file stays small. When writes
// never pause long enough for that (the WAL holds RestartFrames or more), the writer finishes
// the checkpoint itself at its next writerIdle().
class Checkpointer final
{
public:
    Checkpointer(const Database &database, std::chrono::milliseconds interval);
    ~Checkpointer();
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

    void start();
    // Runs a last checkpoint, then ends the thread. Called by the destructor too.
    void stop();
    // Checkpoints run so far (for tests).
    int checkpoints() const { return m_checkpoints; }
    // Called by the writing thread between two transactions: finishes a checkpoint when the
    // background thread found the WAL too long. Cheap when it did not.
    void writerIdle();
    // Checkpoints finished by the writer under load (for tests).
    int restarts() const { return m_restarts; }

    // WAL frames (pages) beyond which a checkpoint restarts the WAL: 16 MiB of 4 KiB pages.
    static constexpr qint64 RestartFrames = 4096;

private:
    void run();

    const Database &m_database;
    std::chrono::milliseconds m_interval;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::atomic<int> m_checkpoints{0};
    std::atomic<int> m_restarts{0};
    std::atomic<bool> m_restartWanted{false};
};

} // namespace Core::Storage
