// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httpresponse.h"

#include <QString>

#include <expected>
#include <functional>
#include <memory>

namespace Core::Api {

// The HTTP endpoint: cpp-httplib behind project-owned request/response types, tuned as DESIGN.md
// measured (TCP_NODELAY, a pool of 64 worker threads that grows while every thread is parked in a
// long poll, 1000 requests per keep-alive connection, no SO_REUSEPORT so a second instance cannot
// share the port). Bodies over memoryBodyLimit are spooled to files under spoolDir; bodies over
// maxBodyBytes are refused with 413. The handler runs on a worker thread and may block it.
class HttpServer final
{
public:
    struct Options
    {
        QString bindAddress = QStringLiteral("127.0.0.1");
        int port = 4566; // 0: any free port
        QString spoolDir;
        qint64 maxBodyBytes = 5LL * 1024 * 1024 * 1024;
        qint64 memoryBodyLimit = 8 * 1024 * 1024;
        int poolSize = 64;
        int maxThreads = 1024;
    };
    using Handler = std::function<HttpResponse(HttpRequest request)>;
    using RejectHandler =
        std::function<void(const HttpRequest &, const HttpResponse &, const QString &errorCode)>;

    HttpServer(Options options, Handler handler, RejectHandler rejectHandler);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and starts serving on a background thread; returns the port bound.
    std::expected<int, QString> listen();
    void stop();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Core::Api
