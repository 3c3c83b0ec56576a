// SPDX-License-Identifier: MIT
#include "core/api/handlers/awschunkeddecoder.h"

#include <cctype>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

constexpr qsizetype MaxLine = 4096;
constexpr qint64 MaxChunk = 5LL * 1024 * 1024 * 1024;

} // namespace

AwsChunkedDecoder::AwsChunkedDecoder(Sink sink)
    : m_sink(std::move(sink))
{}

bool AwsChunkedDecoder::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    m_state = State::Done;
    return false;
}

// Accumulates up to CRLF; true with *line set when a whole line was taken.
bool AwsChunkedDecoder::takeLine(QByteArrayView &data, QByteArray *line)
{
    const qsizetype end = data.indexOf('\n');
    if (end < 0) {
        m_line.append(data);
        data = {};
        if (m_line.size() > MaxLine)
            fail(u"chunk header line too long"_s);
        return false;
    }
    m_line.append(data.first(end + 1));
    data = data.sliced(end + 1);
    if (m_line.size() > MaxLine + 2) {
        fail(u"chunk header line too long"_s);
        return false;
    }
    if (!m_line.endsWith("\r\n")) {
        fail(u"chunk header line not terminated by CRLF"_s);
        return false;
    }
    m_line.chop(2);
    *line = std::exchange(m_line, {});
    return true;
}

bool AwsChunkedDecoder::handleSizeLine(const QByteArray &line)
{
    const qsizetype semicolon = line.indexOf(';');
    const QByteArray sizeText = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
    if (sizeText.isEmpty() || sizeText.size() > 16)
        return fail(u"invalid chunk size"_s);
    for (const char c : sizeText) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return fail(u"invalid chunk size"_s);
    }
    if (semicolon >= 0 && !line.mid(semicolon + 1).trimmed().startsWith("chunk-signature="))
        return fail(u"invalid chunk extension"_s);
    bool ok = false;
    const qint64 size = sizeText.toLongLong(&ok, 16);
    if (!ok || size < 0 || size > MaxChunk)
        return fail(u"invalid chunk size"_s);
    m_remaining = size;
    m_state = size == 0 ? State::Trailer : State::Data;
    return true;
}

bool AwsChunkedDecoder::handleTrailerLine(const QByteArray &line)
{
    if (line.isEmpty()) {
        m_state = State::Done;
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(u"invalid trailer"_s);
    m_trailers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    return true;
}

bool AwsChunkedDecoder::feed(QByteArrayView data)
{
    while (!data.isEmpty()) {
        switch (m_state) {
        case State::Done:
            if (!m_error.isEmpty())
                return false;
            return fail(u"data after the final chunk"_s);
        case State::SizeLine: {
            QByteArray line;
            if (!takeLine(data, &line))
                return m_error.isEmpty();
            if (!handleSizeLine(line))
                return false;
            break;
        }
        case State::Data: {
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, data.size()));
            if (!m_sink(data.first(take)))
                return fail(u"the decoded body could not be stored"_s);
            m_decodedSize += take;
            m_remaining -= take;
            data = data.sliced(take);
            if (m_remaining == 0)
                m_state = State::DataEnd;
            break;
        }
        case State::DataEnd: {
            QByteArray line;
            if (!takeLine(data, &line))
                return m_error.isEmpty();
            if (!line.isEmpty())
                return fail(u"chunk data longer than its declared size"_s);
            m_state = State::SizeLine;
            break;
        }
        case State::Trailer: {
            QByteArray line;
            if (!takeLine(data, &line))
                return m_error.isEmpty();
            if (!handleTrailerLine(line))
                return false;
            break;
        }
        }
    }
    return true;
}

bool AwsChunkedDecoder::finish()
{
    if (!m_error.isEmpty())
        return false;
    if (m_state == State::Trailer && m_line.isEmpty())
        m_state = State::Done; // trailers (if any) ended without the closing empty line
    if (m_state != State::Done)
        return fail(u"the body ended inside a chunk"_s);
    return true;
}

} // namespace Core::Api
