// SPDX-License-Identifier: MIT
#include "core/api/httpserver.h"

#include "core/api/protocols/errorresponse.h"
#include "core/api/requestrouter.h"
#include "core/common/ids.h"
#include "core/common/logging.h"
#include "core/common/md5.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

constexpr qsizetype MaxHeadBytes = 64 * 1024;
constexpr qsizetype MaxTargetBytes = 16 * 1024;
constexpr size_t ReadChunk = 64 * 1024;
constexpr qint64 SendfileChunk = 1024 * 1024;

qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

AwsError headTooLarge()
{
    return {u"RequestHeaderSectionTooLarge"_s,
        u"Your request header section exceeds the maximum allowed size."_s,
        431,
        true};
}

AwsError targetTooLong()
{
    return {u"RequestURITooLong"_s, u"The request URI is too long."_s, 414, true};
}

AwsError entityTooLarge()
{
    return {
        u"EntityTooLarge"_s, u"Your proposed upload exceeds the maximum allowed size"_s, 413, true};
}

AwsError incompleteBody()
{
    return {u"IncompleteBody"_s, u"The request body terminated unexpectedly"_s, 400, true};
}

// A worker's status for a body that arrived too slowly (answered with RequestTimeout).
constexpr int TooSlow = 408;

AwsError requestTimeout()
{
    return {u"RequestTimeout"_s,
        u"Your socket connection to the server was not read from or written to within the "
        u"timeout period. Idle connections will be closed."_s,
        400,
        true};
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 32 || u >= 127 || std::strchr("\"(),/:;<=>?@[\\]{}", c))
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool parseLength(QByteArrayView text, qint64 *length)
{
    text = trimmed(text);
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    *length = value;
    return true;
}

// Waits until fd is readable (events = POLLIN) or writable (POLLOUT); false on timeout, error or
// when the server stops. Body workers use it on the non-blocking socket they borrowed.
bool waitFor(int fd, short events, int timeoutMs, const std::atomic<bool> &stopping)
{
    const qint64 deadline = monotonicMs() + timeoutMs;
    for (;;) {
        if (stopping.load(std::memory_order_relaxed))
            return false;
        const qint64 left = deadline - monotonicMs();
        if (left <= 0)
            return false;
        pollfd entry{fd, events, 0};
        const int ready = ::poll(&entry, 1, int(qMin<qint64>(left, 250)));
        if (ready > 0)
            return (entry.revents & (events | POLLHUP | POLLERR)) != 0;
        if (ready < 0 && errno != EINTR)
            return false;
    }
}

// Everything a request's answer needs to reach its connection, shared with the handlers' Reply
// objects so that a late answer after stop() finds a closed box instead of a freed server.
struct Mailbox
{
    struct Answer
    {
        quint64 connection;
        quint64 request; // the connection's request number: a stray second answer is dropped
        HttpResponse response;
        QString spoolFile;
    };
    std::mutex mutex;
    std::vector<Answer> answers;
    std::vector<quint64> returned; // connections whose body worker is done
    int wakeFd = -1;
    bool wakePending = false;
    bool closed = false;

    void wakeLocked()
    {
        if (wakePending || wakeFd < 0)
            return;
        wakePending = true;
        const quint64 one = 1;
        [[maybe_unused]] const auto written = ::write(wakeFd, &one, sizeof(one));
    }
    void post(quint64 connection, quint64 request, HttpResponse response, QString spoolFile)
    {
        std::lock_guard lock(mutex);
        if (closed) {
            if (!spoolFile.isEmpty())
                QFile::remove(spoolFile);
            return;
        }
        answers.push_back({connection, request, std::move(response), std::move(spoolFile)});
        wakeLocked();
    }
    void giveBack(quint64 connection)
    {
        std::lock_guard lock(mutex);
        returned.push_back(connection);
        wakeLocked();
    }
};

// A pool that runs body-reading jobs: a few threads kept, more started while none is idle (a
// class uploading at once), extra ones leaving after a minute idle.
class WorkerPool final
{
public:
    WorkerPool(int base, int max)
        : m_base(base)
        , m_max(max)
    {}
    ~WorkerPool() { shutdown(); }

    void enqueue(std::function<void()> job)
    {
        std::unique_lock lock(m_mutex);
        m_jobs.push_back(std::move(job));
        if (m_idle < int(m_jobs.size()) && m_threadCount < m_max) {
            ++m_threadCount;
            std::thread([this] { run(); }).detach();
        }
        m_wake.notify_one();
    }

    // Runs what is queued, then waits for every thread to leave.
    void shutdown()
    {
        std::unique_lock lock(m_mutex);
        m_shutdown = true;
        m_wake.notify_all();
        m_finished.wait(lock, [this] { return m_threadCount == 0; });
    }

private:
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
                break;
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

enum class ConnectionState {
    Head, // reading a request head (or idle between requests)
    Body, // reading a small body on the event thread
    Worker, // a body worker owns the socket
    Handler, // the request is with the handler; waiting for its answer
    Write, // writing an answer
    Linger, // answered and shut for writing; reading what the client still sends, then closing
    Closed, // closed; freed at the end of the event round
};

struct Connection
{
    int fd = -1;
    quint64 id = 0;
    QString peerAddress;
    int peerPort = 0;
    ConnectionState state = ConnectionState::Head;
    std::string in;
    size_t inStart = 0;
    bool readable = true; // edge-triggered: not known to be drained
    bool writable = true;
    bool peerClosed = false; // the client sent FIN: no further request can come
    bool peerShutWrite = false; // EPOLLRDHUP seen: reads end in end-of-stream, not EAGAIN
    qint64 lastProgressMs = 0;

    // The request being read.
    HttpRequest request;
    quint64 requestCount = 0; // requests handed to the handler on this connection
    qint64 contentLength = 0;
    bool chunked = false;
    bool expectContinue = false;
    bool keepAlive = true;
    bool http10 = false;
    bool isHead = false;
    // Set by the body worker before it gives the connection back.
    int workerStatus = 0; // 0: body read; else 400, 408 (too slow), 413 or 507
    QString spoolFile;

    // The answer being written.
    QByteArray head;
    QByteArray body;
    qsizetype written = 0; // of head + body
    int fileFd = -1;
    off_t fileOffset = 0;
    qint64 fileRemaining = 0;
    bool closeAfterWrite = false;

    size_t buffered() const { return in.size() - inStart; }
    void consume(size_t count)
    {
        inStart += count;
        if (inStart == in.size()) {
            in.clear();
            inStart = 0;
        } else if (inStart > 64 * 1024 && inStart > in.size() / 2) {
            in.erase(0, inStart);
            inStart = 0;
        }
    }
};

// Where a body goes while it is read: memory up to a limit, a spool file beyond it; hashed with
// MD5 for PUTs (S3 needs the digest). A body kept in memory is hashed once it is complete, by
// Md5::hashShared() on a body worker (bodies finishing together are hashed side by side in the
// CPU's vector lanes) or at once on the event thread, which must never wait; a spooled body is
// hashed as it streams through.
class BodySink final
{
public:
    // Who reads the body: the event thread (which must never wait: it hashes at once and keeps
    // the body in memory) or a body worker.
    enum class Reader {
        EventThread,
        Worker
    };

    BodySink(HttpRequest &request, const HttpServer::Options &options, Reader reader)
        : m_request(request)
        , m_options(options)
        , m_hash(request.method == "PUT")
        , m_reader(reader)
        , m_md5(QCryptographicHash::Md5)
    {}

    void reserve(qint64 declared)
    {
        if (declared > 0 && declared <= m_options.memoryBodyLimit)
            m_request.body.reserve(qsizetype(declared));
    }

    // 0 when taken, else the status to refuse the request with.
    int add(const char *data, qint64 length)
    {
        m_request.bodySize += length;
        if (m_request.bodySize > m_options.maxBodyBytes)
            return 413;
        if (!m_spool && m_request.body.size() + length > m_options.memoryBodyLimit) {
            m_spool = std::make_unique<QFile>(newSpoolPath());
            if (!m_spool->open(QIODevice::WriteOnly)
                || m_spool->write(m_request.body) != m_request.body.size())
                return 507;
            if (m_hash)
                m_md5.addData(m_request.body);
            m_request.bodyFile = m_spool->fileName();
            m_request.body.clear();
        }
        if (m_spool) {
            if (m_hash)
                m_md5.addData(QByteArrayView(data, qsizetype(length)));
            return m_spool->write(data, length) == length ? 0 : 507;
        }
        m_request.body.append(data, qsizetype(length));
        return 0;
    }

    // Room for up to `length` bytes at the end of an in-memory body, so that a reader can take
    // them from the socket without a copy through its own buffer; null when the body is spooled
    // or they would not fit in memory. taken() says how many arrived.
    char *room(qint64 length)
    {
        if (m_spool || m_request.bodySize + length > m_options.maxBodyBytes
            || m_request.body.size() + length > m_options.memoryBodyLimit)
            return nullptr;
        const qsizetype filled = m_request.body.size();
        m_request.body.resize(filled + qsizetype(length));
        return m_request.body.data() + filled;
    }

    void taken(qint64 offered, qint64 arrived)
    {
        m_request.body.chop(qsizetype(offered - arrived));
        m_request.bodySize += arrived;
    }

    // Closes the spool; on failure removes it. Returns `status` for chaining.
    int finish(int status)
    {
        if (m_spool) {
            m_spool->close();
            if (status != 0) {
                m_spool->remove();
                m_request.bodyFile.clear();
            }
        }
        if (status == 0 && m_hash) {
            m_request.bodyMd5 = m_spool      ? m_md5.result()
                : m_reader == Reader::Worker ? Md5::hashShared(m_request.body)
                                             : Md5::hash(m_request.body);
        }
        if (status == 0 && !m_spool && m_reader == Reader::Worker && m_options.bodyAsFile
            && m_options.bodyAsFile(m_request))
            handOverAsFile();
        return status;
    }

private:
    QString newSpoolPath() const
    {
        QDir().mkpath(m_options.spoolDir);
        return m_options.spoolDir + u"/upload-"_s + Ids::randomHex(24);
    }

    // Moves the body from memory into a spool file; on failure it stays in memory.
    void handOverAsFile()
    {
        QFile file(newSpoolPath());
        if (!file.open(QIODevice::WriteOnly))
            return;
        if (file.write(m_request.body) != m_request.body.size()) {
            file.remove();
            return;
        }
        file.close();
        m_request.bodyFile = file.fileName();
        m_request.body = QByteArray();
    }

    HttpRequest &m_request;
    const HttpServer::Options &m_options;
    const bool m_hash;
    const Reader m_reader;
    QCryptographicHash m_md5;
    std::unique_ptr<QFile> m_spool;
};

} // namespace

struct HttpServer::Private
{
    Options options;
    Handler handler;
    RejectHandler rejectHandler;
    FlushHandler flushHandler;

    int listenFd = -1;
    int epollFd = -1;
    int boundPort = 0;
    std::shared_ptr<Mailbox> mailbox;
    std::thread loop;
    std::atomic<bool> stopping{false};
    std::unique_ptr<WorkerPool> workers;

    std::unordered_map<quint64, std::unique_ptr<Connection>> connections;
    std::vector<quint64> closedIds;
    quint64 nextId = 1;
    bool acceptPaused = false;
    bool handedOver = false; // requests went to the handler this round
    std::vector<char> scratch = std::vector<char>(ReadChunk);

    // Event thread.
    void run();
    void acceptAll();
    void onEvent(Connection &connection, quint32 events);
    void readAvailable(Connection &connection);
    void process(Connection &connection);
    bool parseHead(Connection &connection);
    void startBody(Connection &connection);
    void dispatch(Connection &connection);
    void refuse(Connection &connection, const AwsError &error);
    void respond(Connection &connection, HttpResponse response);
    void writeOut(Connection &connection);
    void finishResponse(Connection &connection);
    void linger(Connection &connection);
    void close(Connection &connection);
    void reap();
    void drainMailbox();
    void sweep(qint64 now);

    // Body workers.
    void readBodyInWorker(Connection &connection);
    bool sendContinue(Connection &connection);

    HttpResponse reject(const HttpRequest &request, const AwsError &error);
};

// --- accepting -------------------------------------------------------------------------------

void HttpServer::Private::acceptAll()
{
    for (;;) {
        sockaddr_storage address{};
        socklen_t length = sizeof(address);
        const int fd = ::accept4(listenFd,
            reinterpret_cast<sockaddr *>(&address),
            &length,
            SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // Out of descriptors: stop watching the listener until a connection closes,
                // instead of spinning on a level-triggered accept that keeps failing.
                ::epoll_ctl(epollFd, EPOLL_CTL_DEL, listenFd, nullptr);
                acceptPaused = true;
            }
            return;
        }
        int yes = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
        auto connection = std::make_unique<Connection>();
        connection->fd = fd;
        connection->id = nextId++;
        connection->lastProgressMs = monotonicMs();
        char host[INET6_ADDRSTRLEN] = {};
        if (address.ss_family == AF_INET) {
            const auto *in4 = reinterpret_cast<const sockaddr_in *>(&address);
            ::inet_ntop(AF_INET, &in4->sin_addr, host, sizeof(host));
            connection->peerPort = ntohs(in4->sin_port);
        } else if (address.ss_family == AF_INET6) {
            const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&address);
            ::inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
            connection->peerPort = ntohs(in6->sin6_port);
        }
        connection->peerAddress = QString::fromLatin1(host);
        epoll_event event{};
        event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
        event.data.u64 = connection->id;
        if (::epoll_ctl(epollFd, EPOLL_CTL_ADD, fd, &event) != 0) {
            ::close(fd);
            continue;
        }
        connections.emplace(connection->id, std::move(connection));
    }
}

// --- reading requests ------------------------------------------------------------------------

void HttpServer::Private::onEvent(Connection &connection, quint32 events)
{
    if (connection.state == ConnectionState::Worker || connection.state == ConnectionState::Closed)
        return; // a worker polls the socket itself
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
        connection.readable = true;
    if (events & EPOLLRDHUP)
        connection.peerShutWrite = true;
    if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
        connection.writable = true;
    if ((events & EPOLLERR)
        || ((events & EPOLLHUP) && connection.state != ConnectionState::Handler)) {
        close(connection);
        return;
    }
    if (connection.state == ConnectionState::Write)
        writeOut(connection);
    else if (connection.state == ConnectionState::Linger)
        linger(connection);
    else if (connection.state == ConnectionState::Head || connection.state == ConnectionState::Body)
        process(connection);
}

// Reads what the socket has (until it would block, or a few chunks when the request is whole
// already). Sets peerClosed at end of stream.
void HttpServer::Private::readAvailable(Connection &connection)
{
    while (connection.readable && !connection.peerClosed) {
        const ssize_t count = ::read(connection.fd, scratch.data(), scratch.size());
        if (count > 0) {
            connection.in.append(scratch.data(), size_t(count));
            connection.lastProgressMs = monotonicMs();
            // A short read drained the socket, and new bytes bring a new edge; but the end of
            // stream that came with them brings none, so it is read for.
            if (size_t(count) < scratch.size() && !connection.peerShutWrite)
                connection.readable = false;
            if (connection.buffered() > size_t(MaxHeadBytes) + size_t(options.inlineBodyLimit))
                return;
            continue;
        }
        if (count == 0) {
            connection.peerClosed = true;
            connection.readable = false;
            return;
        }
        if (errno == EINTR)
            continue;
        connection.readable = false;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            connection.peerClosed = true;
        return;
    }
}

// Advances a connection in Head or Body state as far as its buffered and readable bytes allow.
void HttpServer::Private::process(Connection &connection)
{
    for (;;) {
        if (connection.state == ConnectionState::Head) {
            if (!parseHead(connection)) {
                if (connection.state != ConnectionState::Head)
                    return; // refused
                if (connection.readable && !connection.peerClosed) {
                    readAvailable(connection);
                    continue;
                }
                if (connection.peerClosed) {
                    if (connection.buffered() == 0)
                        close(connection);
                    else
                        refuse(connection,
                            {u"BadRequest"_s, u"The HTTP request is incomplete."_s, 400, true});
                }
                return;
            }
            startBody(connection);
            continue;
        }
        if (connection.state != ConnectionState::Body)
            return;
        if (connection.buffered() >= size_t(connection.contentLength)) {
            HttpRequest &request = connection.request;
            BodySink sink(request, options, BodySink::Reader::EventThread);
            sink.reserve(connection.contentLength);
            sink.add(connection.in.data() + connection.inStart, connection.contentLength);
            sink.finish(0);
            connection.consume(size_t(connection.contentLength));
            dispatch(connection);
            return;
        }
        if (connection.readable && !connection.peerClosed) {
            readAvailable(connection);
            continue;
        }
        if (connection.peerClosed) {
            refuse(connection, incompleteBody());
        }
        return;
    }
}

// Parses a whole request head out of the buffer. False when it is not whole yet (state stays
// Head) or when it was refused (state changes).
bool HttpServer::Private::parseHead(Connection &connection)
{
    const char *begin = connection.in.data() + connection.inStart;
    const size_t available = connection.buffered();
    // Blank lines before a request are allowed (RFC 9112 2.2).
    size_t skip = 0;
    while (skip + 1 < available && begin[skip] == '\r' && begin[skip + 1] == '\n')
        skip += 2;
    if (skip) {
        connection.consume(skip);
        return parseHead(connection);
    }
    const QByteArrayView buffered(begin, qsizetype(available));
    const qsizetype lineEnd = buffered.indexOf("\r\n");
    if (lineEnd < 0 && buffered.size() > MaxTargetBytes + 32) {
        refuse(connection, targetTooLong());
        return false;
    }
    const qsizetype headEnd = buffered.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (buffered.size() > MaxHeadBytes) {
            refuse(connection, headTooLarge());
        }
        return false;
    }
    const AwsError malformed{u"BadRequest"_s, u"The HTTP request is malformed."_s, 400, true};
    connection.request = HttpRequest();
    HttpRequest &request = connection.request;
    request.clientAddress = connection.peerAddress;
    request.clientPort = connection.peerPort;
    if (headEnd > MaxHeadBytes) {
        connection.consume(size_t(headEnd) + 4);
        refuse(connection, headTooLarge());
        return false;
    }

    // Request line: METHOD SP target SP HTTP/1.x
    const QByteArrayView line = buffered.first(lineEnd);
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    const QByteArrayView method = firstSpace > 0 ? line.first(firstSpace) : QByteArrayView();
    QByteArrayView target = firstSpace > 0 && lastSpace > firstSpace
        ? line.sliced(firstSpace + 1, lastSpace - firstSpace - 1)
        : QByteArrayView();
    const QByteArrayView version = lastSpace > 0 ? line.sliced(lastSpace + 1) : QByteArrayView();
    bool methodOk = isToken(method);
    for (char c : method)
        methodOk = methodOk && c >= 'A' && c <= 'Z';
    const bool http11 = version == "HTTP/1.1";
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form: the path starts after the authority
        const qsizetype authority = target.indexOf("//") + 2;
        const qsizetype slash = target.indexOf('/', authority);
        target = slash < 0 ? QByteArrayView("/") : target.sliced(slash);
    }
    request.method = method.toByteArray();
    request.target = target.toByteArray();
    if (!methodOk || target.isEmpty() || target.contains(' ')
        || (!http11 && version != "HTTP/1.0")) {
        request.path = request.target;
        connection.consume(size_t(headEnd) + 4);
        refuse(connection, malformed);
        return false;
    }
    if (target.size() > MaxTargetBytes) {
        connection.consume(size_t(headEnd) + 4);
        refuse(connection, targetTooLong());
        return false;
    }
    const qsizetype question = request.target.indexOf('?');
    request.path = question < 0 ? request.target : request.target.left(question);
    request.rawQuery = question < 0 ? QByteArray() : request.target.mid(question + 1);

    // Header fields.
    bool valid = true;
    bool hasLength = false;
    bool hasTransferEncoding = false;
    connection.contentLength = 0;
    connection.chunked = false;
    connection.expectContinue = false;
    connection.keepAlive = http11;
    connection.http10 = !http11;
    QByteArrayView rest = buffered.sliced(lineEnd + 2, headEnd - lineEnd);
    request.headers.reserve(16);
    while (!rest.isEmpty()) {
        const qsizetype end = rest.indexOf("\r\n");
        const QByteArrayView field = rest.first(end);
        rest = rest.sliced(end + 2);
        if (field.isEmpty())
            break;
        const qsizetype colon = field.indexOf(':');
        const QByteArrayView name = colon > 0 ? field.first(colon) : QByteArrayView();
        if (!isToken(name)) { // includes obsolete line folding (a leading space)
            valid = false;
            break;
        }
        const QByteArrayView value = trimmed(field.sliced(colon + 1));
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            qint64 length = 0;
            if (!parseLength(value, &length) || (hasLength && length != connection.contentLength)) {
                valid = false;
                break;
            }
            hasLength = true;
            connection.contentLength = length;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            hasTransferEncoding = true;
            const QByteArray codings = value.toByteArray().toLower();
            connection.chunked = codings.trimmed().endsWith("chunked");
        } else if (name.compare("Expect", Qt::CaseInsensitive) == 0) {
            connection.expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            const QByteArray tokens = value.toByteArray().toLower();
            if (tokens.contains("close"))
                connection.keepAlive = false;
            else if (tokens.contains("keep-alive"))
                connection.keepAlive = true;
        }
        request.headers.append({name.toByteArray(), value.toByteArray()});
    }
    connection.consume(size_t(headEnd) + 4);
    if (!valid || (hasTransferEncoding && !connection.chunked)) {
        refuse(connection, malformed);
        return false;
    }
    if (connection.chunked)
        connection.contentLength = -1;
    connection.isHead = request.method == "HEAD";
    return true;
}

// Decides who reads the body of the request just parsed.
void HttpServer::Private::startBody(Connection &connection)
{
    if (connection.contentLength > options.maxBodyBytes) {
        // Refused before a byte of the body is read (and before 100 Continue is sent).
        refuse(connection, entityTooLarge());
        return;
    }
    if (!connection.chunked && connection.contentLength == 0) {
        dispatch(connection);
        return;
    }
    if (!connection.chunked && connection.contentLength <= options.inlineBodyLimit) {
        if (connection.expectContinue && connection.buffered() == 0) {
            // A small body behind 100-continue: the interim answer fits any socket buffer.
            static constexpr char Continue[] = "HTTP/1.1 100 Continue\r\n\r\n";
            const ssize_t sent =
                ::send(connection.fd, Continue, sizeof(Continue) - 1, MSG_NOSIGNAL);
            if (sent != ssize_t(sizeof(Continue) - 1)) {
                close(connection);
                return;
            }
        }
        connection.state = ConnectionState::Body;
        return;
    }
    connection.state = ConnectionState::Worker;
    Connection *borrowed = &connection;
    workers->enqueue([this, borrowed] { readBodyInWorker(*borrowed); });
}

// --- body workers ----------------------------------------------------------------------------

namespace {

// The bytes a body worker has read and not yet consumed, over the borrowed socket.
struct WorkerInput
{
    int fd;
    const HttpServer::Options &options;
    const std::atomic<bool> &stopping;
    std::string buffer;
    size_t start = 0;
    qint64 startedMs = monotonicMs();
    qint64 received = 0;
    bool tooSlow = false; // the body fell behind the minimum rate

    // Reads what is there, up to `capacity` bytes, waiting for some if none is; 0 at end of
    // stream, error, timeout, stop, or when the body falls behind the minimum rate.
    size_t readSome(char *into, size_t capacity)
    {
        for (;;) {
            const ssize_t got = ::read(fd, into, capacity);
            if (got > 0) {
                received += got;
                return size_t(got);
            }
            if (got == 0)
                return 0;
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                return 0;
            const qint64 deadline = startedMs + options.bodyGraceMs
                + received * 1000 / qMax(1, options.bodyMinBytesPerSecond);
            const qint64 left = qMin<qint64>(options.ioTimeoutMs, deadline - monotonicMs());
            if (left <= 0 || !waitFor(fd, POLLIN, int(left), stopping)) {
                tooSlow = monotonicMs() >= deadline;
                return 0;
            }
        }
    }

    // Reads until `need` bytes from `start` are buffered. False at end of stream, error,
    // timeout or stop.
    bool fill(size_t need)
    {
        while (buffer.size() - start < need) {
            char chunk[ReadChunk];
            const size_t got = readSome(chunk, sizeof(chunk));
            if (got == 0)
                return false;
            buffer.append(chunk, got);
        }
        return true;
    }

    // Reads up to the next CRLF (at most maxLength bytes before it); the line without it.
    std::optional<std::string> line(size_t maxLength)
    {
        size_t end = buffer.find("\r\n", start);
        while (end == std::string::npos) {
            if (buffer.size() - start > maxLength || !fill(buffer.size() - start + 1))
                return std::nullopt;
            end = buffer.find("\r\n", start);
        }
        std::string text = buffer.substr(start, end - start);
        start = end + 2;
        return text;
    }

    // Moves `length` body bytes into the sink; 0, or the status to refuse the request with.
    int copy(qint64 length, BodySink &sink)
    {
        while (length > 0) {
            if (buffer.size() == start) {
                buffer.clear();
                start = 0;
                // Straight from the socket into the body where it stays in memory.
                if (char *into = sink.room(length)) {
                    const size_t got = readSome(into, size_t(length));
                    sink.taken(length, qint64(got));
                    if (got == 0)
                        return 400;
                    length -= qint64(got);
                    continue;
                }
                if (!fill(1))
                    return 400;
            }
            const qint64 take = qMin<qint64>(length, qint64(buffer.size() - start));
            if (const int status = sink.add(buffer.data() + start, take))
                return status;
            start += size_t(take);
            length -= take;
        }
        if (start > 1024 * 1024) {
            buffer.erase(0, start);
            start = 0;
        }
        return 0;
    }
};

// A chunk-size line: hex digits, optionally followed by ";extensions". -1 when malformed.
qint64 chunkSize(const std::string &line)
{
    const QByteArrayView hex =
        trimmed(QByteArrayView(line).first(qsizetype(qMin(line.find(';'), line.size()))));
    if (hex.isEmpty() || hex.size() > 15)
        return -1;
    qint64 size = 0;
    for (char c : hex) {
        const int digit = c >= '0' && c <= '9' ? c - '0'
            : c >= 'a' && c <= 'f'             ? c - 'a' + 10
            : c >= 'A' && c <= 'F'             ? c - 'A' + 10
                                               : -1;
        if (digit < 0)
            return -1;
        size = size * 16 + digit;
    }
    return size;
}

// chunked: size in hex [; extensions] CRLF, data CRLF ... 0 CRLF [trailer fields] CRLF.
int readChunked(WorkerInput &input, BodySink &sink)
{
    for (;;) {
        const std::optional<std::string> sizeLine = input.line(4096);
        const qint64 size = sizeLine ? chunkSize(*sizeLine) : -1;
        if (size < 0)
            return 400;
        if (size == 0) {
            for (;;) { // trailer fields, up to the blank line
                const std::optional<std::string> field = input.line(16384);
                if (!field)
                    return 400;
                if (field->empty())
                    return 0;
            }
        }
        if (const int status = input.copy(size, sink))
            return status;
        if (!input.fill(2) || input.buffer.compare(input.start, 2, "\r\n") != 0)
            return 400;
        input.start += 2;
    }
}

} // namespace

bool HttpServer::Private::sendContinue(Connection &connection)
{
    static constexpr char Continue[] = "HTTP/1.1 100 Continue\r\n\r\n";
    size_t sent = 0;
    while (sent < sizeof(Continue) - 1) {
        const ssize_t count =
            ::send(connection.fd, Continue + sent, sizeof(Continue) - 1 - sent, MSG_NOSIGNAL);
        if (count > 0) {
            sent += size_t(count);
            continue;
        }
        if (count == 0 || (errno != EAGAIN && errno != EINTR)
            || !waitFor(connection.fd, POLLOUT, options.ioTimeoutMs, stopping))
            return false;
    }
    return true;
}

void HttpServer::Private::readBodyInWorker(Connection &connection)
{
    HttpRequest &request = connection.request;
    BodySink sink(request, options, BodySink::Reader::Worker);
    // The input starts with what the event thread read past the head already.
    WorkerInput input{connection.fd, options, stopping, connection.in.substr(connection.inStart)};
    connection.in.clear();
    connection.inStart = 0;
    int status = connection.expectContinue && !sendContinue(connection) ? 400 : 0;
    input.startedMs = monotonicMs(); // the client may wait for 100 Continue before sending
    if (status == 0 && connection.chunked) {
        status = readChunked(input, sink);
    } else if (status == 0) {
        sink.reserve(connection.contentLength);
        status = input.copy(connection.contentLength, sink);
    }
    if (status == 400 && input.tooSlow)
        status = TooSlow;
    connection.workerStatus = sink.finish(status);
    connection.spoolFile = request.bodyFile;
    // Bytes past the body (a pipelined request) go back to the event thread.
    if (input.start < input.buffer.size())
        connection.in.assign(input.buffer, input.start, std::string::npos);
    connection.lastProgressMs = monotonicMs();
    mailbox->giveBack(connection.id);
}

// --- answering -------------------------------------------------------------------------------

void HttpServer::Private::dispatch(Connection &connection)
{
    connection.state = ConnectionState::Handler;
    const QString spool = connection.request.bodyFile;
    std::shared_ptr<Mailbox> box = mailbox;
    const quint64 id = connection.id;
    const quint64 request = ++connection.requestCount;
    handedOver = true;
    handler(std::move(connection.request), [box, id, request, spool](HttpResponse response) {
        box->post(id, request, std::move(response), spool);
    });
    connection.request = HttpRequest();
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

// Answers a request the server refuses itself and closes the connection after it: what follows
// on the wire cannot be trusted to start a request.
void HttpServer::Private::refuse(Connection &connection, const AwsError &error)
{
    HttpResponse answer = reject(connection.request, error);
    answer.setHeader("Connection", "close");
    connection.isHead = connection.request.method == "HEAD";
    connection.keepAlive = false;
    connection.request = HttpRequest();
    respond(connection, std::move(answer));
}

void HttpServer::Private::respond(Connection &connection, HttpResponse response)
{
    connection.state = ConnectionState::Write;
    connection.lastProgressMs = monotonicMs();
    const int status = response.status;
    const bool bodiless = connection.isHead || status == 204 || status == 304 || status < 200;
    bool close = !connection.keepAlive || connection.peerClosed;

    qint64 length = response.body.size();
    if (!response.bodyFile.isEmpty()) {
        length = response.bodyFileLength;
        if (!connection.isHead) {
            connection.fileFd =
                ::open(QFile::encodeName(response.bodyFile).constData(), O_RDONLY | O_CLOEXEC);
            if (connection.fileFd < 0) {
                response = HttpResponse();
                response.status = 500;
                length = 0;
            } else {
                connection.fileOffset = off_t(response.bodyFileOffset);
                connection.fileRemaining = response.bodyFileLength;
            }
        }
    }
    if (connection.isHead && response.headContentLength > 0)
        length = response.headContentLength;

    QByteArray &head = connection.head;
    head.clear();
    head.reserve(256 + response.headers.size() * 64);
    head += "HTTP/1.1 ";
    head += QByteArray::number(response.status);
    head += ' ';
    head += HttpResponse::reasonPhrase(response.status);
    head += "\r\n";
    if (status != 204 && status != 304 && status >= 200) {
        head += "Content-Length: ";
        head += QByteArray::number(length);
        head += "\r\n";
    }
    for (const auto &[name, value] : std::as_const(response.headers)) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            continue;
        if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            if (value.compare("close", Qt::CaseInsensitive) == 0)
                close = true;
            continue;
        }
        // Whatever a handler put there, a header must not end the head early or start another
        // one (response splitting): such a header is dropped, not sent.
        if (!isToken(name) || value.contains('\r') || value.contains('\n')
            || value.contains('\0')) {
            qCWarning(lcApi) << "Dropped a response header with a malformed name or value:" << name
                             << value;
            continue;
        }
        head += name;
        head += ": ";
        head += value;
        head += "\r\n";
    }
    if (close)
        head += "Connection: close\r\n";
    else if (connection.http10)
        head += "Connection: keep-alive\r\n";
    head += "\r\n";
    connection.closeAfterWrite = close;
    connection.body = bodiless || !response.bodyFile.isEmpty() ? QByteArray() : response.body;
    if (bodiless && connection.fileFd >= 0) {
        ::close(connection.fileFd);
        connection.fileFd = -1;
        connection.fileRemaining = 0;
    }
    connection.written = 0;
    writeOut(connection);
}

void HttpServer::Private::writeOut(Connection &connection)
{
    // After a write call: true to go on writing; false when the socket is full (wait for
    // EPOLLOUT) or the connection is closed (the client left, or the file shrank so that the
    // announced length cannot be kept).
    const auto settle = [this, &connection](ssize_t sent) {
        if (sent > 0) {
            connection.lastProgressMs = monotonicMs();
            return true;
        }
        if (sent < 0 && errno == EINTR)
            return true;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            connection.writable = false;
        else
            close(connection);
        return false;
    };
    while (connection.writable) {
        const qsizetype headSize = connection.head.size();
        const qsizetype total = headSize + connection.body.size();
        if (connection.written < total) {
            iovec parts[2];
            int count = 0;
            if (connection.written < headSize) {
                parts[count++] = {connection.head.data() + connection.written,
                    size_t(headSize - connection.written)};
                if (!connection.body.isEmpty())
                    parts[count++] = {connection.body.data(), size_t(connection.body.size())};
            } else {
                parts[count++] = {connection.body.data() + (connection.written - headSize),
                    size_t(total - connection.written)};
            }
            msghdr message{};
            message.msg_iov = parts;
            message.msg_iovlen = size_t(count);
            const ssize_t sent = ::sendmsg(connection.fd, &message, MSG_NOSIGNAL);
            connection.written += qMax<ssize_t>(sent, 0);
            if (!settle(sent))
                return;
            continue;
        }
        if (connection.fileRemaining > 0) {
            const ssize_t sent = ::sendfile(connection.fd,
                connection.fileFd,
                &connection.fileOffset,
                size_t(qMin(connection.fileRemaining, SendfileChunk)));
            connection.fileRemaining -= qMax<ssize_t>(sent, 0);
            if (!settle(sent))
                return;
            continue;
        }
        finishResponse(connection);
        return;
    }
}

void HttpServer::Private::finishResponse(Connection &connection)
{
    if (connection.fileFd >= 0) {
        ::close(connection.fileFd);
        connection.fileFd = -1;
    }
    connection.head.clear();
    connection.body.clear();
    connection.written = 0;
    if (connection.peerClosed && connection.buffered() == 0) {
        close(connection);
        return;
    }
    if (connection.closeAfterWrite) {
        // Closing with unread bytes (the rest of a refused upload) would reset the connection
        // and could destroy the answer before the client reads it; so the write side is shut
        // and what still comes is read and dropped until the client closes or time is up.
        ::shutdown(connection.fd, SHUT_WR);
        connection.state = ConnectionState::Linger;
        connection.lastProgressMs = monotonicMs();
        connection.in.clear();
        connection.inStart = 0;
        linger(connection);
        return;
    }
    connection.state = ConnectionState::Head;
    connection.keepAlive = true;
    process(connection);
}

void HttpServer::Private::linger(Connection &connection)
{
    while (connection.readable) {
        const ssize_t count = ::read(connection.fd, scratch.data(), scratch.size());
        if (count > 0)
            continue;
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            connection.readable = false;
            return;
        }
        close(connection);
        return;
    }
}

// Closes the socket at once; the object lives until the end of the event round, as callers up
// the stack may still look at its state.
void HttpServer::Private::close(Connection &connection)
{
    if (connection.state == ConnectionState::Worker || connection.state == ConnectionState::Closed)
        return; // a worker gives it back first
    connection.state = ConnectionState::Closed;
    if (connection.fileFd >= 0)
        ::close(connection.fileFd);
    connection.fileFd = -1;
    ::close(connection.fd); // also leaves the epoll set
    connection.fd = -1;
    if (acceptPaused && !stopping) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = 0;
        ::epoll_ctl(epollFd, EPOLL_CTL_ADD, listenFd, &event);
        acceptPaused = false;
    }
    closedIds.push_back(connection.id);
}

void HttpServer::Private::reap()
{
    for (quint64 id : closedIds)
        connections.erase(id);
    closedIds.clear();
}

void HttpServer::Private::drainMailbox()
{
    std::vector<Mailbox::Answer> answers;
    std::vector<quint64> returned;
    {
        std::lock_guard lock(mailbox->mutex);
        if (mailbox->wakePending) {
            quint64 count = 0;
            [[maybe_unused]] const auto got = ::read(mailbox->wakeFd, &count, sizeof(count));
            mailbox->wakePending = false;
        }
        answers.swap(mailbox->answers);
        returned.swap(mailbox->returned);
    }
    for (quint64 id : returned) {
        const auto it = connections.find(id);
        if (it == connections.end())
            continue;
        Connection &connection = *it->second;
        connection.state = ConnectionState::Head; // owned by the event thread again
        connection.readable = true;
        connection.writable = true;
        const int status = connection.workerStatus;
        if (status == 0) {
            dispatch(connection);
            continue;
        }
        if (!connection.spoolFile.isEmpty())
            QFile::remove(connection.spoolFile);
        connection.spoolFile.clear();
        refuse(connection,
            status == 413       ? entityTooLarge()
                : status == 507 ? CommonErrors::internalFailure(
                      u"The upload could not be written to the state folder."_s)
                : status == TooSlow ? requestTimeout()
                                    : incompleteBody());
    }
    for (Mailbox::Answer &answer : answers) {
        // A handler that kept an upload has renamed its spool file already.
        if (!answer.spoolFile.isEmpty())
            QFile::remove(answer.spoolFile);
        const auto it = connections.find(answer.connection);
        if (it == connections.end() || it->second->state != ConnectionState::Handler
            || it->second->requestCount != answer.request)
            continue; // the client left meanwhile, or a second answer to one request
        Connection &connection = *it->second;
        connection.spoolFile.clear();
        respond(connection, std::move(answer.response));
    }
}

void HttpServer::Private::sweep(qint64 now)
{
    std::vector<Connection *> expired;
    for (auto &[id, connection] : connections) {
        const qint64 quiet = now - connection->lastProgressMs;
        switch (connection->state) {
        case ConnectionState::Head:
            if (quiet > (connection->buffered() == 0 ? options.idleTimeoutMs : options.ioTimeoutMs))
                expired.push_back(connection.get());
            break;
        case ConnectionState::Linger:
            if (quiet > qMin(options.ioTimeoutMs, 2000))
                expired.push_back(connection.get());
            break;
        case ConnectionState::Body:
        case ConnectionState::Write:
            if (quiet > options.ioTimeoutMs)
                expired.push_back(connection.get());
            break;
        case ConnectionState::Worker:
        case ConnectionState::Handler:
        case ConnectionState::Closed:
            break;
        }
    }
    for (Connection *connection : expired)
        close(*connection);
}

void HttpServer::Private::run()
{
    constexpr int MaxEvents = 256;
    epoll_event events[MaxEvents];
    qint64 lastSweep = monotonicMs();
    qint64 stopDeadline = 0;
    for (;;) {
        if (stopping && stopDeadline == 0) {
            ::epoll_ctl(epollFd, EPOLL_CTL_DEL, listenFd, nullptr);
            ::close(listenFd);
            listenFd = -1;
            // Idle and half-read connections end now; answers being written get a moment.
            stopDeadline = monotonicMs() + 1000;
            drainMailbox(); // answers given already (the dispatcher's 503s) are still written
            std::vector<Connection *> idle;
            for (auto &[id, connection] : connections) {
                if (connection->state == ConnectionState::Worker)
                    ::shutdown(connection->fd, SHUT_RDWR);
                else if (connection->state != ConnectionState::Write)
                    idle.push_back(connection.get());
            }
            for (Connection *connection : idle)
                close(*connection);
            reap();
        }
        if (stopDeadline) {
            bool busy = false;
            for (auto &[id, connection] : connections)
                busy = busy || connection->state == ConnectionState::Write
                    || connection->state == ConnectionState::Worker;
            if (!busy || monotonicMs() > stopDeadline)
                break;
        }
        const int ready = ::epoll_wait(epollFd, events, MaxEvents, stopDeadline ? 50 : 1000);
        if (ready < 0 && errno != EINTR)
            break;
        for (int i = 0; i < ready; ++i) {
            const quint64 key = events[i].data.u64;
            if (key == 0) {
                if (!stopping)
                    acceptAll();
                continue;
            }
            if (key == ~quint64(0))
                continue; // the mailbox's wake-up: drained below
            const auto it = connections.find(key);
            if (it != connections.end())
                onEvent(*it->second, events[i].events);
        }
        drainMailbox();
        if (handedOver) {
            handedOver = false;
            if (flushHandler)
                flushHandler();
        }
        const qint64 now = monotonicMs();
        if (now - lastSweep >= 1000) {
            lastSweep = now;
            sweep(now);
        }
        reap();
    }
    reap();
    // Workers see their sockets shut and give them back; then everything closes.
    for (auto &[id, connection] : connections) {
        if (connection->state == ConnectionState::Worker)
            ::shutdown(connection->fd, SHUT_RDWR);
    }
    workers->shutdown();
    {
        std::lock_guard lock(mailbox->mutex);
        mailbox->closed = true;
        for (const Mailbox::Answer &answer : mailbox->answers) {
            if (!answer.spoolFile.isEmpty())
                QFile::remove(answer.spoolFile);
        }
        mailbox->answers.clear();
        for (quint64 id : mailbox->returned) {
            const auto it = connections.find(id);
            if (it != connections.end() && !it->second->spoolFile.isEmpty())
                QFile::remove(it->second->spoolFile);
        }
        mailbox->returned.clear();
        ::close(mailbox->wakeFd);
        mailbox->wakeFd = -1;
    }
    for (auto &[id, connection] : connections) {
        if (connection->state == ConnectionState::Closed)
            continue;
        if (connection->fileFd >= 0)
            ::close(connection->fileFd);
        ::close(connection->fd);
    }
    connections.clear();
    if (listenFd >= 0) {
        ::close(listenFd);
        listenFd = -1;
    }
    ::close(epollFd);
    epollFd = -1;
}

// --- public ----------------------------------------------------------------------------------

HttpServer::HttpServer(
    Options options, Handler handler, RejectHandler rejectHandler, FlushHandler flushHandler)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->handler = std::move(handler);
    d->rejectHandler = std::move(rejectHandler);
    d->flushHandler = std::move(flushHandler);
}

HttpServer::~HttpServer()
{
    stop();
}

std::expected<int, QString> HttpServer::listen()
{
    const QString where = d->options.port == 0
        ? d->options.bindAddress
        : u"%1:%2"_s.arg(d->options.bindAddress).arg(d->options.port);
    const auto failure = [&](const QString &why) {
        if (d->listenFd >= 0)
            ::close(d->listenFd);
        d->listenFd = -1;
        return std::unexpected(u"Cannot listen on %1: %2"_s.arg(where, why));
    };
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo *found = nullptr;
    const QByteArray host = d->options.bindAddress.toUtf8();
    const QByteArray service = QByteArray::number(d->options.port);
    if (::getaddrinfo(host.constData(), service.constData(), &hints, &found) != 0 || !found)
        return failure(u"the address cannot be resolved."_s);
    int error = 0;
    for (addrinfo *candidate = found; candidate; candidate = candidate->ai_next) {
        const int fd = ::socket(
            candidate->ai_family, candidate->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            continue;
        int yes = 1;
        // SO_REUSEADDR only: restart over TIME_WAIT, but never two listeners on one port.
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        if (::bind(fd, candidate->ai_addr, candidate->ai_addrlen) == 0
            && ::listen(fd, SOMAXCONN) == 0) {
            d->listenFd = fd;
            break;
        }
        error = errno;
        ::close(fd);
    }
    ::freeaddrinfo(found);
    if (d->listenFd < 0) {
        if (d->options.port == 0)
            return failure(u"no free port could be bound."_s);
        Q_UNUSED(error);
        return failure(u"the address is in use by another program (another Cloudbench?) or "
                       u"cannot be bound. Stop it or choose another port with --port."_s);
    }
    sockaddr_storage bound{};
    socklen_t length = sizeof(bound);
    ::getsockname(d->listenFd, reinterpret_cast<sockaddr *>(&bound), &length);
    d->boundPort = bound.ss_family == AF_INET6
        ? ntohs(reinterpret_cast<const sockaddr_in6 *>(&bound)->sin6_port)
        : ntohs(reinterpret_cast<const sockaddr_in *>(&bound)->sin_port);

    // A client that leaves mid-answer must cost an EPIPE, not the process (sendfile has no
    // MSG_NOSIGNAL). Left alone when the program installed its own handler.
    struct sigaction current
    {};
    if (::sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
        ::signal(SIGPIPE, SIG_IGN);

    d->epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    d->mailbox = std::make_shared<Mailbox>();
    d->mailbox->wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (d->epollFd < 0 || d->mailbox->wakeFd < 0)
        return failure(u"the event loop cannot be created."_s);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = 0;
    ::epoll_ctl(d->epollFd, EPOLL_CTL_ADD, d->listenFd, &event);
    event.data.u64 = ~quint64(0);
    ::epoll_ctl(d->epollFd, EPOLL_CTL_ADD, d->mailbox->wakeFd, &event);
    d->workers = std::make_unique<WorkerPool>(2, d->options.maxWorkers);
    d->stopping = false;
    d->loop = std::thread([p = d.get()] { p->run(); });
    return d->boundPort;
}

void HttpServer::stop()
{
    if (!d->loop.joinable())
        return;
    d->stopping = true;
    {
        std::lock_guard lock(d->mailbox->mutex);
        d->mailbox->wakeLocked();
    }
    d->loop.join();
}

} // namespace Core::Api
