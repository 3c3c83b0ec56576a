// SPDX-License-Identifier: MIT
// Pins the HTTP/1.1 server on the wire, driven by a raw socket so that every byte the server
// sends is seen: keep-alive and pipelining, HTTP/1.0, bodies inline / spooled / chunked / behind
// `Expect: 100-continue`, answers given later from another thread, large and file-backed
// answers, HEAD, the refusals it answers itself (400, 413, 414, 431), clients that leave early,
// timeouts, and the life cycle (stop right after listen, stop with clients connected).
#include "core/api/httpserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using Core::Api::HttpRequest;
using Core::Api::HttpResponse;
using Core::Api::HttpServer;

namespace {

// A blocking client socket with a receive timeout, so that a server that fails to answer
// fails the test instead of hanging it.
class Client final
{
public:
    explicit Client(int port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        timeval timeout{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
        int yes = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected =
            ::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
    }
    ~Client() { close(); }
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    bool connected() const { return m_connected; }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    void shutdownWrite() { ::shutdown(m_fd, SHUT_WR); }

    bool send(const QByteArray &bytes)
    {
        qsizetype sent = 0;
        while (sent < bytes.size()) {
            const ssize_t count =
                ::send(m_fd, bytes.data() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
            if (count <= 0)
                return false;
            sent += count;
        }
        return true;
    }

    // Reads until `count` bytes are buffered; false on timeout or end of stream.
    bool fill(qsizetype count)
    {
        while (m_buffer.size() < count) {
            char chunk[65536];
            const ssize_t got = ::recv(m_fd, chunk, sizeof(chunk), 0);
            if (got <= 0)
                return false;
            m_buffer.append(chunk, qsizetype(got));
        }
        return true;
    }

    // Reads until `marker` is buffered and takes everything up to and including it.
    QByteArray takeThrough(QByteArrayView marker)
    {
        qsizetype at = m_buffer.indexOf(marker);
        while (at < 0) {
            if (!fill(m_buffer.size() + 1))
                return {};
            at = m_buffer.indexOf(marker);
        }
        const QByteArray taken = m_buffer.left(at + marker.size());
        m_buffer.remove(0, at + marker.size());
        return taken;
    }

    struct Response
    {
        int status = 0;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(QByteArrayView name) const
        {
            for (const auto &[key, value] : headers) {
                if (key.compare(name, Qt::CaseInsensitive) == 0)
                    return value;
            }
            return {};
        }
    };

    // Reads one response; status 0 when none came. `headRequest`: no body follows.
    Response read(bool headRequest = false)
    {
        Response response;
        const QByteArray head = takeThrough("\r\n\r\n");
        if (head.isEmpty())
            return response;
        const QList<QByteArray> lines = head.chopped(4).split('\n');
        response.status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        const qint64 length = response.header("Content-Length").toLongLong();
        if (headRequest || response.status == 204 || response.status == 304
            || response.status < 200)
            return response;
        if (!fill(length))
            return {};
        response.body = m_buffer.left(length);
        m_buffer.remove(0, length);
        return response;
    }

    // True when the server closed the connection (end of stream within the timeout).
    bool closedByServer()
    {
        if (!m_buffer.isEmpty())
            return false;
        char byte = 0;
        return ::recv(m_fd, &byte, 1, 0) == 0;
    }

private:
    int m_fd = -1;
    bool m_connected = false;
    QByteArray m_buffer;
};

QByteArray request(const QByteArray &method,
    const QByteArray &target,
    const QByteArray &body = {},
    const QByteArray &extraHeaders = {})
{
    QByteArray text = method + ' ' + target + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders;
    if (!body.isEmpty())
        text += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return text + "\r\n" + body;
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + (i * 7 + i / 251) % 26);
    return bytes;
}

} // namespace

class tst_HttpServer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HttpServer> m_server;
    int m_port = 0;
    std::mutex m_mutex;
    std::vector<HttpServer::Reply> m_held; // answers the /hold handler keeps back
    QStringList m_rejected; // error codes the server refused requests with
    QString m_lastBodyFile; // where the last spooled body was, seen by the handler

    static HttpServer::Options options(const QString &spoolDir)
    {
        HttpServer::Options result;
        result.port = 0;
        result.spoolDir = spoolDir;
        return result;
    }

    // Answers with what it saw: "METHOD target size=N md5=HEX spooled=0|1". Special targets:
    // /later answers from another thread after 50 ms, /big?n=N answers N bytes, /file answers
    // bytes 3..7 of a file, /head-length answers HEAD with a length of 1234, /hold keeps the
    // answer back in m_held, /empty answers 204, /twice answers twice.
    void handle(HttpRequest request, HttpServer::Reply reply)
    {
        const QByteArray path = request.path;
        if (path == "/hold") {
            std::lock_guard lock(m_mutex);
            m_held.push_back(std::move(reply));
            return;
        }
        HttpResponse response;
        response.setHeader("Content-Type", "text/plain");
        if (path == "/big") {
            response.body = pattern(request.queryItem(u"n").toLongLong());
        } else if (path == "/file") {
            response.bodyFile = m_dir.filePath(u"answer.bin"_s);
            response.bodyFileOffset = 3;
            response.bodyFileLength = 5;
        } else if (path == "/head-length") {
            response.headContentLength = 1234;
        } else if (path == "/empty") {
            response.status = 204;
        } else if (path == "/split") {
            response.setHeader("X-Kept", "tab\tinside");
            response.setHeader("X-Crlf", "a\r\nX-Injected: yes\r\n\r\nBODY");
            response.setHeader("X-Lf", "a\nX-Injected: yes");
            response.setHeader("X-Nul", QByteArray("a\0b", 3));
            response.setHeader("X-Bad Name", "value");
            response.setHeader("X-Injected: yes\r\nX-Name", "value");
            response.body = "split";
        } else {
            const bool spooled = !request.bodyFile.isEmpty();
            if (spooled) {
                std::lock_guard lock(m_mutex);
                m_lastBodyFile = request.bodyFile;
            }
            const QByteArray bytes = request.bodyBytes();
            response.body = request.method + ' ' + request.target
                + " size=" + QByteArray::number(request.bodySize)
                + " md5=" + QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex()
                + " received-md5=" + request.bodyMd5.toHex() + " spooled=" + (spooled ? "1" : "0")
                + " x=" + request.header("X-Test");
        }
        if (path == "/twice") { // a handler that breaks the once-only contract
            reply(response);
            response.body = "second answer";
            reply(std::move(response));
            return;
        }
        if (path == "/later") {
            std::thread([reply = std::move(reply), response = std::move(response)] {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                reply(response);
            }).detach();
            return;
        }
        reply(std::move(response));
    }

    void start(HttpServer::Options serverOptions)
    {
        m_server = std::make_unique<HttpServer>(
            std::move(serverOptions),
            [this](HttpRequest request, HttpServer::Reply reply) {
                handle(std::move(request), std::move(reply));
            },
            [this](const HttpRequest &, const HttpResponse &, const QString &code) {
                std::lock_guard lock(m_mutex);
                m_rejected.append(code);
            });
        const auto port = m_server->listen();
        if (!port) // error() only when there is one: reading it otherwise is undefined
            QFAIL(qPrintable(port.error()));
        m_port = *port;
    }

    // A server that keeps worker-read bodies up to 1 MiB in memory (as the engine's does).
    void restartForUploads(std::function<bool(const HttpRequest &)> bodyAsFile = {})
    {
        m_server.reset();
        HttpServer::Options serverOptions = options(m_dir.filePath(u"spool"_s));
        serverOptions.memoryBodyLimit = 1024 * 1024;
        serverOptions.inlineBodyLimit = 1024;
        serverOptions.bodyAsFile = std::move(bodyAsFile);
        start(serverOptions);
    }

    size_t heldCount()
    {
        std::lock_guard lock(m_mutex);
        return m_held.size();
    }

    QStringList rejected()
    {
        std::lock_guard lock(m_mutex);
        return m_rejected;
    }

    static QByteArray echo(QByteArrayView method,
        QByteArrayView target,
        QByteArrayView body,
        bool spooled,
        QByteArrayView x = {})
    {
        return method.toByteArray() + ' ' + target.toByteArray()
            + " size=" + QByteArray::number(body.size()) + " md5="
            + QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex() + " received-md5="
            + (method == "PUT" ? QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex()
                               : QByteArray())
            + " spooled=" + (spooled ? "1" : "0") + " x=" + x.toByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile file(m_dir.filePath(u"answer.bin"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("0123456789");
    }

    void init()
    {
        m_rejected.clear();
        m_held.clear();
        m_lastBodyFile.clear();
        HttpServer::Options serverOptions = options(m_dir.filePath(u"spool"_s));
        serverOptions.memoryBodyLimit = 4096;
        serverOptions.inlineBodyLimit = 1024;
        serverOptions.maxBodyBytes = 1024 * 1024;
        start(serverOptions);
    }

    void cleanup()
    {
        m_server.reset();
        m_held.clear();
    }

    void stop_right_after_listen_returns()
    {
        for (int round = 0; round < 200; ++round) {
            HttpServer server(
                options(m_dir.path()),
                [](HttpRequest, HttpServer::Reply reply) { reply(HttpResponse{}); },
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
        m_server->stop();
        Client client(m_port);
        QVERIFY(!client.connected());
    }

    void second_server_cannot_take_the_port()
    {
        HttpServer::Options same = options(m_dir.path());
        same.port = m_port;
        HttpServer second(
            same,
            [](HttpRequest, HttpServer::Reply reply) { reply(HttpResponse{}); },
            [](const HttpRequest &, const HttpResponse &, const QString &) {});
        const auto port = second.listen();
        QVERIFY(!port.has_value());
        QVERIFY2(port.error().contains(u"--port"_s), qPrintable(port.error()));
    }

    void keep_alive_connection_serves_requests_in_turn()
    {
        Client client(m_port);
        QVERIFY(client.connected());
        for (int i = 0; i < 3; ++i) {
            const QByteArray target = "/item?i=" + QByteArray::number(i);
            QVERIFY(client.send(request("GET", target, {}, "X-Test: v\r\n")));
            const auto response = client.read();
            QCOMPARE(response.status, 200);
            QCOMPARE(response.body, echo("GET", target, {}, false, "v"));
            QCOMPARE(response.header("Content-Type"), "text/plain");
            QVERIFY(response.header("Connection").isEmpty());
        }
    }

    void pipelined_requests_are_answered_in_order()
    {
        Client client(m_port);
        // The first answer comes late from another thread; the ones behind it must wait.
        QVERIFY(client.send(
            request("GET", "/later") + request("POST", "/b", "hello") + request("DELETE", "/c")));
        QCOMPARE(client.read().body, echo("GET", "/later", {}, false));
        QCOMPARE(client.read().body, echo("POST", "/b", "hello", false));
        QCOMPARE(client.read().body, echo("DELETE", "/c", {}, false));
    }

    void request_split_into_single_bytes_is_parsed()
    {
        Client client(m_port);
        const QByteArray whole = request("POST", "/slow", "abc");
        for (char byte : whole) {
            QVERIFY(client.send(QByteArray(1, byte)));
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        QCOMPARE(client.read().body, echo("POST", "/slow", "abc", false));
    }

    void http10_closes_unless_keep_alive_is_asked()
    {
        Client plain(m_port);
        QVERIFY(plain.send("GET /old HTTP/1.0\r\n\r\n"));
        const auto first = plain.read();
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("Connection"), "close");
        QVERIFY(plain.closedByServer());

        Client kept(m_port);
        QVERIFY(kept.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        QCOMPARE(kept.read().header("Connection"), "keep-alive");
        QVERIFY(kept.send("GET /again HTTP/1.0\r\n\r\n"));
        QCOMPARE(kept.read().body, echo("GET", "/again", {}, false));
        QVERIFY(kept.closedByServer());
    }

    void connection_close_ends_the_connection_after_the_answer()
    {
        Client client(m_port);
        QVERIFY(client.send(request("GET", "/x", {}, "Connection: close\r\n")));
        const auto response = client.read();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Connection"), "close");
        QVERIFY(client.closedByServer());
    }

    void client_that_stops_sending_gets_its_answer_and_the_end()
    {
        Client client(m_port);
        QVERIFY(client.send(request("GET", "/last")));
        client.shutdownWrite();
        QCOMPARE(client.read().body, echo("GET", "/last", {}, false));
        QVERIFY(client.closedByServer());
    }

    void bodies_are_kept_in_memory_or_spooled_and_hashed()
    {
        Client client(m_port);
        const QByteArray small = pattern(1000); // read by the event thread
        QVERIFY(client.send(request("PUT", "/small", small)));
        QCOMPARE(client.read().body, echo("PUT", "/small", small, false));

        const QByteArray medium = pattern(3000); // read by a worker, kept in memory
        QVERIFY(client.send(request("POST", "/medium", medium)));
        QCOMPARE(client.read().body, echo("POST", "/medium", medium, false));

        const QByteArray large = pattern(300'000); // spooled to a file, hashed while read
        QVERIFY(client.send(request("PUT", "/large", large) + request("GET", "/after")));
        QCOMPARE(client.read().body, echo("PUT", "/large", large, true));
        QCOMPARE(client.read().body, echo("GET", "/after", {}, false));
        // The spool file the handler did not keep is removed once the answer is out.
        QTRY_VERIFY(!QFile::exists(m_lastBodyFile));
        QVERIFY(QDir(m_dir.filePath(u"spool"_s)).isEmpty(QDir::Files));
    }

    void worker_bodies_can_be_handed_over_as_files()
    {
        // bodyAsFile: a body a worker read into memory reaches the handler as a spool file (S3
        // object uploads), with the same digest; bodies it declines, and bodies the event thread
        // reads, stay in memory.
        restartForUploads(
            [](const HttpRequest &request) { return request.path.startsWith("/as-file"); });
        Client client(m_port);
        const QByteArray body = pattern(200'000);
        QVERIFY(client.send(request("PUT", "/as-file", body)));
        QCOMPARE(client.read().body, echo("PUT", "/as-file", body, true));
        QVERIFY(client.send(request("PUT", "/in-memory", body)));
        QCOMPARE(client.read().body, echo("PUT", "/in-memory", body, false));
        const QByteArray small = pattern(500); // read by the event thread: never a file
        QVERIFY(client.send(request("PUT", "/as-file-small", small)));
        QCOMPARE(client.read().body, echo("PUT", "/as-file-small", small, false));
        QTRY_VERIFY(QDir(m_dir.filePath(u"spool"_s)).isEmpty(QDir::Files));
    }

    void concurrent_uploads_get_their_own_digests()
    {
        // Bodies read by workers at once are hashed together (Md5::hashShared): each answer must
        // carry the digest of its own body.
        restartForUploads();
        constexpr int Clients = 12;
        std::vector<std::thread> threads;
        std::atomic<int> matched = 0;
        for (int i = 0; i < Clients; ++i) {
            threads.emplace_back([this, i, &matched] {
                Client client(m_port);
                for (int round = 0; round < 4; ++round) {
                    const QByteArray body = pattern(100'000 + i * 4096 + round * 77).toBase64();
                    const QByteArray target = "/upload-" + QByteArray::number(i);
                    if (!client.send(request("PUT", target, body)))
                        return;
                    if (client.read().body == echo("PUT", target, body, false))
                        ++matched;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(matched.load(), Clients * 4);
    }

    void chunked_body_is_decoded_with_extensions_and_trailers()
    {
        Client client(m_port);
        const QByteArray body = pattern(5000);
        QByteArray wire = "PUT /chunked HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n";
        wire += "10;name=value\r\n" + body.left(16) + "\r\n";
        wire += QByteArray::number(body.size() - 16, 16).toUpper() + "\r\n" + body.mid(16) + "\r\n";
        wire += "0\r\nx-amz-checksum-crc32: AAAAAA==\r\n\r\n";
        QVERIFY(client.send(wire + request("GET", "/next")));
        QCOMPARE(client.read().body, echo("PUT", "/chunked", body, true));
        QCOMPARE(client.read().body, echo("GET", "/next", {}, false));
    }

    void bad_chunk_framing_is_refused()
    {
        Client client(m_port);
        QVERIFY(client.send(
            "PUT /bad HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"));
        QCOMPARE(client.read().status, 400);
        QVERIFY(client.closedByServer());
        QCOMPARE(rejected(), QStringList{u"IncompleteBody"_s});
    }

    void expect_continue_is_answered_before_the_body_is_sent()
    {
        for (const qsizetype size : {qsizetype(500), qsizetype(200'000)}) {
            Client client(m_port);
            const QByteArray body = pattern(size);
            QVERIFY(client.send("PUT /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n"
                                "Content-Length: "
                + QByteArray::number(size) + "\r\n\r\n"));
            QCOMPARE(client.takeThrough("\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
            QVERIFY(client.send(body));
            QCOMPARE(client.read().body, echo("PUT", "/up", body, size > 4096));
        }
    }

    void oversized_body_is_refused_before_100_continue()
    {
        Client client(m_port);
        QVERIFY(client.send("PUT /huge HTTP/1.1\r\nExpect: 100-continue\r\n"
                            "Content-Length: 2000000\r\n\r\n"));
        const auto response = client.read();
        QCOMPARE(response.status, 413);
        QVERIFY(response.body.contains("<Code>EntityTooLarge</Code>"));
        QCOMPARE(response.header("Connection"), "close");
        QVERIFY(client.closedByServer());
        QCOMPARE(rejected(), QStringList{u"EntityTooLarge"_s});
    }

    void chunked_body_beyond_the_limit_is_refused()
    {
        Client client(m_port);
        QVERIFY(client.send("PUT /huge HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"));
        const QByteArray chunk = "10000\r\n" + pattern(0x10000) + "\r\n";
        for (int i = 0; i < 17; ++i) {
            if (!client.send(chunk))
                break; // the server may close while the rest is in flight
        }
        QCOMPARE(client.read().status, 413);
        QCOMPARE(rejected(), QStringList{u"EntityTooLarge"_s});
        QTRY_VERIFY(QDir(m_dir.filePath(u"spool"_s)).isEmpty(QDir::Files));
    }

    void malformed_requests_get_400_and_the_connection_closes_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400 << u"BadRequest"_s;
        QTest::newRow("lower-case method")
            << QByteArray("get / HTTP/1.1\r\n\r\n") << 400 << u"BadRequest"_s;
        QTest::newRow("unknown version")
            << QByteArray("GET / HTTP/2.0\r\n\r\n") << 400 << u"BadRequest"_s;
        QTest::newRow("field without colon")
            << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400 << u"BadRequest"_s;
        QTest::newRow("folded field")
            << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400 << u"BadRequest"_s;
        QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n")
                                    << 400 << u"BadRequest"_s;
        QTest::newRow("two lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << 400 << u"BadRequest"_s;
        QTest::newRow("unknown transfer coding")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 400
            << u"BadRequest"_s;
        QTest::newRow("long target") << ("GET /" + QByteArray(20000, 'a') + " HTTP/1.1\r\n\r\n")
                                     << 414 << u"RequestURITooLong"_s;
        QTest::newRow("long head")
            << ("GET / HTTP/1.1\r\nX-Big: " + QByteArray(70000, 'b') + "\r\n\r\n") << 431
            << u"RequestHeaderSectionTooLarge"_s;
    }
    void malformed_requests_get_400_and_the_connection_closes()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        QFETCH(QString, code);
        Client client(m_port);
        client.send(wire); // the server may answer and close before all of it is sent
        const auto response = client.read();
        QCOMPARE(response.status, status);
        QVERIFY2(response.body.contains(QByteArray("<Code>" + code.toUtf8() + "</Code>")),
            response.body);
        QCOMPARE(response.header("Connection"), "close");
        QVERIFY(client.closedByServer());
        QCOMPARE(rejected(), QStringList{code});
        // The server goes on serving others.
        Client next(m_port);
        QVERIFY(next.send(request("GET", "/ok")));
        QCOMPARE(next.read().status, 200);
    }

    void body_cut_short_is_refused_data()
    {
        QTest::addColumn<qsizetype>("declared");
        QTest::newRow("inline") << qsizetype(100);
        QTest::newRow("worker") << qsizetype(100'000);
    }
    void body_cut_short_is_refused()
    {
        QFETCH(qsizetype, declared);
        Client client(m_port);
        QVERIFY(client.send("PUT /cut HTTP/1.1\r\nContent-Length: " + QByteArray::number(declared)
            + "\r\n\r\n0123456789"));
        client.shutdownWrite();
        const auto response = client.read();
        QCOMPARE(response.status, 400);
        QVERIFY(response.body.contains("<Code>IncompleteBody</Code>"));
        QVERIFY(client.closedByServer());
        QTRY_VERIFY(QDir(m_dir.filePath(u"spool"_s)).isEmpty(QDir::Files));
    }

    void large_answer_arrives_whole_to_a_slow_reader()
    {
        Client client(m_port);
        const qsizetype size = 24 * 1024 * 1024;
        QVERIFY(client.send(request("GET", "/big?n=" + QByteArray::number(size))));
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // socket buffers fill up
        const auto response = client.read();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body.size(), size);
        QVERIFY(response.body == pattern(size));
        QVERIFY(client.send(request("GET", "/after")));
        QCOMPARE(client.read().status, 200);
    }

    void file_answer_sends_the_byte_range()
    {
        Client client(m_port);
        QVERIFY(client.send(request("GET", "/file") + request("GET", "/file")));
        QCOMPARE(client.read().body, "34567");
        QCOMPARE(client.read().body, "34567");
    }

    void head_announces_a_length_but_sends_no_body()
    {
        Client client(m_port);
        QVERIFY(client.send(request("HEAD", "/head-length") + request("GET", "/after")));
        const auto head = client.read(true);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length"), "1234");
        // Had a body followed, this would read it instead of the next answer.
        QCOMPARE(client.read().body, echo("GET", "/after", {}, false));
    }

    void no_content_has_no_length()
    {
        Client client(m_port);
        QVERIFY(client.send(request("DELETE", "/empty") + request("GET", "/after")));
        const auto empty = client.read();
        QCOMPARE(empty.status, 204);
        QVERIFY(empty.header("Content-Length").isEmpty());
        QCOMPARE(client.read().status, 200);
    }

    // Headers whose value holds CR, LF or NUL, or whose name is no token, are dropped and
    // logged: whatever a handler sets, the server never splits its answer.
    void malformed_response_headers_are_dropped()
    {
        for (int i = 0; i < 5; ++i)
            QTest::ignoreMessage(QtWarningMsg,
                QRegularExpression(u"^Dropped a response header with a malformed name"_s));
        Client client(m_port);
        QVERIFY(client.send(request("GET", "/split") + request("GET", "/after")));
        const auto response = client.read();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, "split");
        QCOMPARE(response.header("X-Kept"), "tab\tinside");
        for (const char *name : {"X-Crlf", "X-Lf", "X-Nul", "X-Injected", "X-Bad Name"})
            QVERIFY2(response.header(name).isEmpty(), name);
        QCOMPARE(client.read().body, echo("GET", "/after", {}, false));
    }

    // A second answer to one request must not become the answer to the connection's next one.
    void second_answer_to_a_request_is_dropped()
    {
        Client client(m_port);
        QVERIFY(client.send(request("GET", "/twice") + request("GET", "/hold")));
        QCOMPARE(client.read().body, echo("GET", "/twice", {}, false));
        QTRY_COMPARE(heldCount(), size_t(1));
        HttpResponse held;
        held.body = "held answer";
        {
            std::lock_guard lock(m_mutex);
            m_held.front()(held);
        }
        QCOMPARE(client.read().body, "held answer");
    }

    void client_leaving_before_its_answer_harms_nothing()
    {
        {
            Client client(m_port);
            QVERIFY(client.send(request("GET", "/hold")));
            QTRY_COMPARE(heldCount(), size_t(1));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        HttpResponse late;
        late.body = pattern(100'000);
        m_held.front()(late); // the connection is gone: dropped
        Client next(m_port);
        QVERIFY(next.send(request("GET", "/ok")));
        QCOMPARE(next.read().status, 200);
    }

    void stop_is_prompt_with_clients_connected_and_answers_pending()
    {
        Client idle(m_port);
        QVERIFY(idle.send(request("GET", "/x")));
        QCOMPARE(idle.read().status, 200);
        Client waiting(m_port);
        QVERIFY(waiting.send(request("GET", "/hold")));
        QTRY_COMPARE(heldCount(), size_t(1));
        Client uploading(m_port);
        QVERIFY(uploading.send("PUT /u HTTP/1.1\r\nContent-Length: 500000\r\n\r\nabc"));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));

        auto stopped = std::async(std::launch::async, [this] { m_server->stop(); });
        QVERIFY(stopped.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
        QVERIFY(idle.closedByServer());
        QVERIFY(waiting.closedByServer());
        QVERIFY(uploading.closedByServer());
        m_held.front()(HttpResponse{}); // an answer after stop() is dropped
        QVERIFY(QDir(m_dir.filePath(u"spool"_s)).isEmpty(QDir::Files));
    }

    void trickled_bodies_end_with_request_timeout()
    {
        m_server.reset();
        HttpServer::Options slow = options(m_dir.filePath(u"spool"_s));
        slow.bodyGraceMs = 300;
        slow.bodyMinBytesPerSecond = 100;
        start(slow);
        // A byte every 100 ms stays behind 300 ms + 1 s per 100 bytes: cut off within a second,
        // though each byte arrives well within the I/O timeout.
        Client trickle(m_port);
        QVERIFY(trickle.send("PUT /slow HTTP/1.1\r\nContent-Length: 500000\r\n\r\n"));
        const auto started = std::chrono::steady_clock::now();
        for (int i = 0; i < 10; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (!trickle.send("x"))
                break; // cut off already
        }
        const Client::Response answer = trickle.read();
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.body.contains("<Code>RequestTimeout</Code>"));
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
        QCOMPARE(rejected(), QStringList{u"RequestTimeout"_s});
        QVERIFY(QDir(m_dir.filePath(u"spool"_s)).isEmpty(QDir::Files));

        // A body that keeps up with the rate is read whole.
        Client steady(m_port);
        const QByteArray body = pattern(200'000);
        QVERIFY(steady.send("PUT /fast HTTP/1.1\r\nContent-Length: 200000\r\n\r\n"));
        for (qsizetype at = 0; at < body.size(); at += 50'000) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            QVERIFY(steady.send(body.mid(at, 50'000)));
        }
        QCOMPARE(steady.read().status, 200);
    }

    void quiet_connections_time_out()
    {
        m_server.reset();
        HttpServer::Options quick = options(m_dir.filePath(u"spool"_s));
        quick.idleTimeoutMs = 200;
        quick.ioTimeoutMs = 200;
        start(quick);
        Client idle(m_port);
        QVERIFY(idle.send(request("GET", "/x")));
        QCOMPARE(idle.read().status, 200);
        Client halfHead(m_port);
        QVERIFY(halfHead.send("GET /x HTTP/1.1\r\nHost:"));
        const auto started = std::chrono::steady_clock::now();
        QVERIFY(idle.closedByServer());
        QVERIFY(halfHead.closedByServer());
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(4));
    }
};

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
