// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httpresponse.h"

#include <QString>

#include <expected>
#include <functional>
#include <memory>

namespace Core::Api {

// The HTTP/1.1 endpoint: one event thread (epoll) serves every keep-alive connection, so a
// request costs no thread switch of its own and many answers leave in one wake-up. The event
// thread reads request heads and small bodies itself; bodies that are large, chunked or behind
// `Expect: 100-continue` are read by a pool of body workers (spooled to files under spoolDir
// beyond memoryBodyLimit, hashed for S3 PUTs, refused with 413 beyond maxBodyBytes), and the
// connection returns to the event thread once the request is whole. Handlers answer
// asynchronously through a Reply, from any thread, so a long poll holds no thread. Responses are
// written whole in one call where the socket takes them; file bodies go out with sendfile.
// TCP_NODELAY; SO_REUSEADDR but not SO_REUSEPORT, so a second instance cannot share the port.
class HttpServer final
{
public:
    struct Options
    {
        QString bindAddress = QStringLiteral("127.0.0.1");
        int port = 4566; // 0: any free port
        QString spoolDir;
        qint64 maxBodyBytes = 5LL * 1024 * 1024 * 1024;
        // Bodies beyond this go to a spool file as they are read. Small enough that the AWS
        // CLI's multipart upload (ten 8 MiB parts at once) is not held in memory.
        qint64 memoryBodyLimit = 1024 * 1024;
        // Bodies up to this size (with a Content-Length and no 100-continue) are read by the
        // event thread itself; larger ones by a body worker.
        qint64 inlineBodyLimit = 64 * 1024;
        int maxWorkers = 512;
        // Asked on the body worker once a body is read whole into memory: whether to hand it
        // over as a spool file instead (S3 keeps object bodies over 64 KiB in files; writing
        // that file here rather than on the core thread keeps the copy off the one thread every
        // request passes through). Must be thread-safe. Unset: bodies stay in memory.
        std::function<bool(const HttpRequest &)> bodyAsFile;
        int idleTimeoutMs = 60'000; // an idle keep-alive connection is closed after this
        int ioTimeoutMs = 30'000; // a request or response that makes no progress for this long
        // A body read by a worker must arrive within bodyGraceMs plus one second per
        // bodyMinBytesPerSecond bytes received (Apache's mod_reqtimeout default), else the
        // request ends with S3's 400 RequestTimeout: a client that trickles a byte now and then
        // cannot hold a worker for long.
        int bodyGraceMs = 20'000;
        int bodyMinBytesPerSecond = 500;
    };
    // Answers one request; callable from any thread, once. Calls after stop() are dropped.
    using Reply = std::function<void(HttpResponse response)>;
    // Runs on the event thread for every whole request and must not block it: it queues the
    // request and answers later (or at once) through `reply`.
    using Handler = std::function<void(HttpRequest request, Reply reply)>;
    // Runs on the event thread after each round of requests handed to the handler, so that the
    // handler can wake whoever answers them once per round instead of once per request.
    using FlushHandler = std::function<void()>;
    // A request the server refused itself (malformed, too large, body cut short).
    using RejectHandler =
        std::function<void(const HttpRequest &, const HttpResponse &, const QString &errorCode)>;

    HttpServer(Options options,
        Handler handler,
        RejectHandler rejectHandler,
        FlushHandler flushHandler = {});
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and starts serving on a background thread; returns the port bound.
    std::expected<int, QString> listen();
    // Stops accepting, writes the answers already given, closes every connection and frees the
    // port. Requests still unanswered are dropped with their connections.
    void stop();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Core::Api
