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
// restarts the WAL from its beginning at the next write, so the file stays small.
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

private:
    void run();

    const Database &m_database;
    std::chrono::milliseconds m_interval;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::atomic<int> m_checkpoints{0};
};

} // namespace Core::Storage
