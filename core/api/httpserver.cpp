// SPDX-License-Identifier: MIT
#include "core/api/httpserver.h"

#include "core/api/protocols/errorresponse.h"
#include "core/api/requestrouter.h"
#include "core/common/ids.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryFile>

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

// Renamed before httplib reads the body, so it neither inflates gzip uploads (S3 stores bytes as
// sent) nor compresses answers; restored under the real name in HttpRequest.
constexpr char HiddenContentEncoding[] = "X-Cb-Content-Encoding";
constexpr char HiddenAcceptEncoding[] = "X-Cb-Accept-Encoding";

thread_local bool t_answeredByHandler = false;

// httplib's ThreadPool has a fixed size, and each keep-alive connection holds a thread for its
// life. Long polls park threads for up to 20 s, so this queue starts `base` threads and adds
// more (up to `max`) whenever no thread is idle; extra threads leave after a minute idle.
class ElasticTaskQueue final : public httplib::TaskQueue
{
public:
    ElasticTaskQueue(int base, int max)
        : m_base(base)
        , m_max(max)
    {
        std::unique_lock lock(m_mutex);
        for (int i = 0; i < base; ++i)
            spawn();
    }

    ~ElasticTaskQueue() override { shutdown(); }

    void enqueue(std::function<void()> fn) override
    {
        std::unique_lock lock(m_mutex);
        m_jobs.push_back(std::move(fn));
        if (m_idle < int(m_jobs.size()) && m_threadCount < m_max)
            spawn();
        m_wake.notify_one();
    }

    void shutdown() override
    {
        std::unique_lock lock(m_mutex);
        m_shutdown = true;
        m_wake.notify_all();
        m_finished.wait(lock, [this] { return m_threadCount == 0; });
    }

private:
    // Called with the mutex held. Threads are detached and counted; shutdown waits for the count.
    void spawn()
    {
        ++m_threadCount;
        std::thread([this] { run(); }).detach();
    }

    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            ++m_idle;
            const auto ready = [this] {
                return m_shutdown || !m_jobs.empty();
            };
            bool woke = true;
            if (m_threadCount > m_base)
                woke = m_wake.wait_for(lock, std::chrono::seconds(60), ready);
            else
                m_wake.wait(lock, ready);
            --m_idle;
            if (!woke || m_jobs.empty())
                break; // idle extra thread, or shutting down with nothing left
            std::function<void()> job = std::move(m_jobs.front());
            m_jobs.pop_front();
            lock.unlock();
            job();
            lock.lock();
        }
        if (--m_threadCount == 0)
            m_finished.notify_all();
    }

    const int m_base;
    const int m_max;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_finished;
    std::deque<std::function<void()>> m_jobs;
    int m_threadCount = 0;
    int m_idle = 0;
    bool m_shutdown = false;
};

QByteArray toBytes(const std::string &text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

HttpRequest convertRequest(const httplib::Request &in)
{
    HttpRequest out;
    out.method = toBytes(in.method);
    out.target = toBytes(in.target);
    const qsizetype question = out.target.indexOf('?');
    out.path = question < 0 ? out.target : out.target.left(question);
    out.rawQuery = question < 0 ? QByteArray() : out.target.mid(question + 1);
    out.headers.reserve(qsizetype(in.headers.size()));
    for (const auto &[name, value] : in.headers) {
        // httplib adds its own pseudo-headers for the socket's addresses; clients never sent them.
        if (name == "LOCAL_ADDR" || name == "LOCAL_PORT" || name == "REMOTE_ADDR"
            || name == "REMOTE_PORT")
            continue;
        if (name == HiddenContentEncoding)
            out.headers.append({"Content-Encoding", toBytes(value)});
        else if (name == HiddenAcceptEncoding)
            out.headers.append({"Accept-Encoding", toBytes(value)});
        else
            out.headers.append({toBytes(name), toBytes(value)});
    }
    out.clientAddress = QString::fromStdString(in.remote_addr);
    out.clientPort = in.remote_port;
    return out;
}

void renameHeader(httplib::Request &request, const char *from, const char *to)
{
    auto it = request.headers.find(from);
    if (it == request.headers.end())
        return;
    std::string value = it->second;
    request.headers.erase(it);
    request.headers.emplace(to, std::move(value));
}

std::string takeContentType(HttpResponse &response)
{
    for (qsizetype i = 0; i < response.headers.size(); ++i) {
        if (response.headers.at(i).first.compare("content-type", Qt::CaseInsensitive) == 0) {
            std::string type = response.headers.at(i).second.toStdString();
            response.headers.removeAt(i);
            return type;
        }
    }
    return {};
}

void writeResponse(HttpResponse response, httplib::Response &out, bool isHead)
{
    out.status = response.status;
    const std::string contentType = takeContentType(response);
    for (const auto &[name, value] : std::as_const(response.headers)) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            continue;
        out.set_header(name.toStdString(), value.toStdString());
    }
    if (isHead && response.headContentLength > 0) {
        // Announce the length of the body a GET would send; httplib sends no body for HEAD.
        out.set_content_provider(size_t(response.headContentLength),
            contentType.empty() ? std::string("application/octet-stream") : contentType,
            [](size_t, size_t, httplib::DataSink &) { return false; });
        return;
    }
    if (!response.bodyFile.isEmpty()) {
        auto file = std::make_shared<QFile>(response.bodyFile);
        if (!file->open(QIODevice::ReadOnly)) {
            out.status = 500;
            out.set_content("", contentType);
            return;
        }
        const qint64 base = response.bodyFileOffset;
        out.set_content_provider(size_t(response.bodyFileLength),
            contentType.empty() ? std::string("application/octet-stream") : contentType,
            [file, base](size_t offset, size_t length, httplib::DataSink &sink) {
                constexpr qint64 Chunk = 256 * 1024;
                if (!file->seek(base + qint64(offset)))
                    return false;
                const QByteArray data = file->read(qMin(Chunk, qint64(length)));
                if (data.isEmpty())
                    return false;
                return sink.write(data.constData(), size_t(data.size()));
            });
        return;
    }
    if (contentType.empty() && response.body.isEmpty())
        return; // an empty answer carries no Content-Type (httplib would send an empty one)
    out.set_content(response.body.constData(), size_t(response.body.size()), contentType);
}

// httplib's worker keeps an idle keep-alive connection open for up to its keep-alive timeout
// and does not notice stop() meanwhile, so shutdown would wait 5 s per idle client. Shutting the
// read side of this server's accepted sockets (found by their local port) makes them see EOF at
// once, while a response still being written completes.
void endIdleConnections(int port)
{
    const QDir fds(u"/proc/self/fd"_s);
    for (const QString &entry : fds.entryList(QDir::Files | QDir::System)) {
        bool ok = false;
        const int fd = entry.toInt(&ok);
        if (!ok)
            continue;
        sockaddr_storage address{};
        socklen_t length = sizeof(address);
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            continue;
        int localPort = -1;
        if (address.ss_family == AF_INET)
            localPort = ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
        else if (address.ss_family == AF_INET6)
            localPort = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
        sockaddr_storage peer{};
        socklen_t peerLength = sizeof(peer);
        const bool connected =
            ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) == 0;
        if (localPort == port && connected)
            ::shutdown(fd, SHUT_RD);
    }
}

} // namespace

struct HttpServer::Private
{
    Options options;
    Handler handler;
    RejectHandler rejectHandler;
    httplib::Server server;
    std::thread listener;
    std::atomic<bool> listenerDone{false};
    int boundPort = 0;
    socket_t listenSocket = INVALID_SOCKET;

    void serve(const httplib::Request &request,
        httplib::Response &response,
        const httplib::ContentReader *reader);
    bool readBody(HttpRequest &target,
        const httplib::ContentReader &reader,
        qint64 declaredLength,
        int *status);
    qint64 contentLength(const httplib::Request &request) const
    {
        return QByteArray::fromStdString(request.get_header_value("Content-Length")).toLongLong();
    }
    void fillRejection(const httplib::Request &request, httplib::Response &response);
    // A request the HTTP layer refused itself: framed in its protocol, reported to the journal.
    HttpResponse reject(const HttpRequest &request, const AwsError &error);
};

bool HttpServer::Private::readBody(
    HttpRequest &target, const httplib::ContentReader &reader, qint64 declaredLength, int *status)
{
    // A body kept in memory is allocated once at its declared length: appending the slices to a
    // growing buffer re-copied a 1 MiB upload about as many times again.
    if (declaredLength > 0 && declaredLength <= options.memoryBodyLimit)
        target.body.reserve(qsizetype(declaredLength));
    std::unique_ptr<QFile> spool;
    bool tooLarge = false;
    bool writeFailed = false;
    // Only S3 uploads (PUT) use the digest; other services' requests are not hashed.
    const bool hash = target.method == "PUT";
    QCryptographicHash md5(QCryptographicHash::Md5);
    const bool ok = reader([&](const char *data, size_t length) {
        target.bodySize += qint64(length);
        if (hash)
            md5.addData(QByteArrayView(data, qsizetype(length)));
        if (target.bodySize > options.maxBodyBytes) {
            tooLarge = true;
            return false;
        }
        if (!spool && target.body.size() + qint64(length) > options.memoryBodyLimit) {
            QDir().mkpath(options.spoolDir);
            spool = std::make_unique<QFile>(options.spoolDir + u"/upload-"_s + Ids::randomHex(24));
            if (!spool->open(QIODevice::WriteOnly)
                || spool->write(target.body) != target.body.size()) {
                writeFailed = true;
                return false;
            }
            target.bodyFile = spool->fileName();
            target.body.clear();
        }
        if (spool) {
            if (spool->write(data, qint64(length)) != qint64(length)) {
                writeFailed = true;
                return false;
            }
            return true;
        }
        target.body.append(data, qsizetype(length));
        return true;
    });
    if (spool)
        spool->close();
    if (hash && ok && !tooLarge && !writeFailed)
        target.bodyMd5 = md5.result();
    if (tooLarge)
        *status = 413;
    else if (writeFailed)
        *status = 507;
    else if (!ok)
        *status = 400;
    return ok && !tooLarge && !writeFailed;
}

void HttpServer::Private::serve(const httplib::Request &request,
    httplib::Response &response,
    const httplib::ContentReader *reader)
{
    t_answeredByHandler = true;
    HttpRequest converted = convertRequest(request);
    // HTTP/1.1: a request with neither Content-Length nor chunked framing has no body. httplib
    // would read until the client closes instead (a hang); handlers see the missing length
    // (S3 answers 411 MissingContentLength).
    const bool framed = request.has_header("Content-Length")
        || QByteArray::fromStdString(request.get_header_value("Transfer-Encoding"))
               .toLower()
               .contains("chunked");
    if (reader && framed) {
        int status = 0;
        const qint64 declaredLength = contentLength(request);
        const bool declaredTooLarge = declaredLength > options.maxBodyBytes;
        if (declaredTooLarge)
            status = 413; // refused before reading a byte of it
        if (declaredTooLarge || !readBody(converted, *reader, declaredLength, &status)) {
            if (!converted.bodyFile.isEmpty())
                QFile::remove(converted.bodyFile);
            const AwsError error = status == 413 ? AwsError{u"EntityTooLarge"_s,
                                       u"Your proposed upload exceeds the maximum allowed size"_s,
                                       413,
                                       true}
                : status == 507
                ? CommonErrors::internalFailure(
                    u"The upload could not be written to the state folder."_s)
                : AwsError{
                    u"IncompleteBody"_s, u"The request body terminated unexpectedly"_s, 400, true};
            HttpResponse answer = reject(converted, error);
            answer.setHeader("Connection", "close");
            writeResponse(std::move(answer), response, false);
            return;
        }
    }
    const QString spooled = converted.bodyFile;
    const bool isHead = request.method == "HEAD";
    writeResponse(handler(std::move(converted)), response, isHead);
    if (!spooled.isEmpty())
        QFile::remove(spooled); // a handler that kept the upload has renamed it already
}

HttpResponse HttpServer::Private::reject(const HttpRequest &request, const AwsError &error)
{
    const Route route = RequestRouter::route(request);
    const Protocol protocol =
        route.protocol == Protocol::Unknown ? Protocol::RestXml : route.protocol;
    HttpResponse answer =
        errorResponse(protocol, route.service, error, Ids::requestId(), request.method == "HEAD");
    if (rejectHandler)
        rejectHandler(request, answer, error.code);
    return answer;
}

void HttpServer::Private::fillRejection(
    const httplib::Request &request, httplib::Response &response)
{
    if (t_answeredByHandler)
        return;
    const HttpRequest converted = convertRequest(request);
    AwsError error{u"BadRequest"_s, u"The HTTP request is malformed."_s, response.status, true};
    switch (response.status) {
    case 404:
    case 405:
        error = {u"MethodNotAllowed"_s,
            u"The specified method is not allowed against this resource."_s,
            405,
            true};
        break;
    case 413:
        error = {u"EntityTooLarge"_s,
            u"Your proposed upload exceeds the maximum allowed size"_s,
            413,
            true};
        break;
    case 414:
        error = {u"RequestURITooLong"_s, u"The request URI is too long."_s, 414, true};
        break;
    case 415:
        error = {u"UnsupportedMediaType"_s, u"The content encoding is not supported."_s, 415, true};
        break;
    case 431:
        error = {u"RequestHeaderSectionTooLarge"_s,
            u"Your request header section exceeds the maximum allowed size."_s,
            431,
            true};
        break;
    default:
        break;
    }
    HttpResponse answer = reject(converted, error);
    writeResponse(std::move(answer), response, request.method == "HEAD");
}

HttpServer::HttpServer(Options options, Handler handler, RejectHandler rejectHandler)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->handler = std::move(handler);
    d->rejectHandler = std::move(rejectHandler);

    httplib::Server &server = d->server;
    Private *p = d.get();
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1000);
    server.set_keep_alive_timeout(5);
    server.set_read_timeout(30, 0);
    server.set_write_timeout(30, 0);
    server.set_payload_max_length(size_t(d->options.maxBodyBytes));
    const int base = d->options.poolSize;
    const int max = d->options.maxThreads;
    server.new_task_queue = [base, max] {
        return new ElasticTaskQueue(base, max);
    };
    server.set_socket_options([p](socket_t sock) {
        int yes = 1;
        // SO_REUSEADDR only: restart over TIME_WAIT, but never two listeners on one port.
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        p->listenSocket = sock;
    });
    server.set_pre_routing_handler([](const httplib::Request &request, httplib::Response &) {
        t_answeredByHandler = false;
        // Not const in fact: httplib hands us its own request before reading the body.
        auto &mutableRequest = const_cast<httplib::Request &>(request);
        renameHeader(mutableRequest, "Content-Encoding", HiddenContentEncoding);
        renameHeader(mutableRequest, "Accept-Encoding", HiddenAcceptEncoding);
        // Range requests are the handlers' business (S3 answers 206 itself): httplib would slice
        // the already ranged answer a second time.
        mutableRequest.ranges.clear();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_expect_100_continue_handler(
        [p](const httplib::Request &request, httplib::Response &response) {
            if (p->contentLength(request) <= p->options.maxBodyBytes)
                return 100;
            response.status = 413; // filled in by the error handler, before any byte is sent
            return 413;
        });
    server.set_error_handler([p](const httplib::Request &request, httplib::Response &response) {
        p->fillRejection(request, response);
    });

    const std::string everything = "[\\s\\S]*";
    const auto plain = [p](const httplib::Request &request, httplib::Response &response) {
        p->serve(request, response, nullptr);
    };
    const auto withBody = [p](const httplib::Request &request,
                              httplib::Response &response,
                              const httplib::ContentReader &reader) {
        p->serve(request, response, &reader);
    };
    server.Get(everything, plain);
    server.Options(everything, plain);
    server.Post(everything, withBody);
    server.Put(everything, withBody);
    server.Patch(everything, withBody);
    server.Delete(everything, withBody);
}

HttpServer::~HttpServer()
{
    stop();
}

std::expected<int, QString> HttpServer::listen()
{
    const std::string host = d->options.bindAddress.toStdString();
    int port = d->options.port;
    if (port == 0) {
        port = d->server.bind_to_any_port(host);
        if (port <= 0)
            return std::unexpected(
                u"Cannot listen on %1: no free port could be bound."_s.arg(d->options.bindAddress));
    } else if (!d->server.bind_to_port(host, port)) {
        return std::unexpected(u"Cannot listen on %1:%2: the address is in use by another "
                               u"program (another Cloudbench?) or cannot be bound. Stop it or "
                               u"choose another port with --port."_s.arg(d->options.bindAddress)
                                   .arg(port));
    }
    d->boundPort = port;
    // httplib 0.11 listens with a backlog of 5: a class of 200 clients connecting at once (or
    // 200 long polls) would overflow it. listen() again on a listening socket raises it.
    if (d->listenSocket != INVALID_SOCKET)
        ::listen(d->listenSocket, SOMAXCONN);
    d->listenerDone = false;
    d->listener = std::thread([p = d.get()] {
        p->server.listen_after_bind();
        p->listenerDone = true;
    });
    // httplib's stop() does nothing until the accept loop has marked itself running: a SIGTERM
    // right after start would otherwise leave the loop running and stop() waiting forever.
    while (!d->server.is_running() && !d->listenerDone)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return port;
}

void HttpServer::stop()
{
    if (!d->listener.joinable())
        return;
    d->server.stop();
    endIdleConnections(d->boundPort);
    d->listener.join();
}

} // namespace Core::Api
