// SPDX-License-Identifier: MIT
// Pins the HTTP server's life cycle: a stop() right after listen() ends the accept loop (a
// SIGTERM straight after start must not hang shutdown), and a stopped server frees its port.
#include "core/api/httpserver.h"

#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <future>

using namespace Qt::StringLiterals;
using Core::Api::HttpRequest;
using Core::Api::HttpResponse;
using Core::Api::HttpServer;

class tst_HttpServer final : public QObject
{
    Q_OBJECT

private:
    static HttpServer::Options options(const QString &spoolDir)
    {
        HttpServer::Options result;
        result.port = 0;
        result.spoolDir = spoolDir;
        result.poolSize = 2;
        return result;
    }

private slots:
    void stop_right_after_listen_returns()
    {
        QTemporaryDir spool;
        QVERIFY(spool.isValid());
        for (int round = 0; round < 200; ++round) {
            HttpServer server(
                options(spool.path()),
                [](HttpRequest) { return HttpResponse{}; },
                [](const HttpRequest &, const HttpResponse &, const QString &) {});
            const auto port = server.listen();
            if (!port)
                QFAIL(qPrintable(port.error()));
            auto stopped = std::async(std::launch::async, [&server] { server.stop(); });
            QVERIFY2(stopped.wait_for(std::chrono::seconds(10)) == std::future_status::ready,
                qPrintable(u"stop() hung in round %1"_s.arg(round)));
        }
    }

    void stopped_server_refuses_connections()
    {
        QTemporaryDir spool;
        HttpServer server(
            options(spool.path()),
            [](HttpRequest) { return HttpResponse{}; },
            [](const HttpRequest &, const HttpResponse &, const QString &) {});
        const auto port = server.listen();
        QVERIFY(port.has_value());
        server.stop();
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, quint16(*port));
        QVERIFY(!socket.waitForConnected(2000));
    }
};

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
