// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

namespace Core::Api {

// Decodes S3's aws-chunked framing as the SDKs stream it: "<hex>[;chunk-signature=<sig>]\r\n"
// <data> "\r\n" ... "0[;chunk-signature=..]\r\n" then optional trailers ("name:value\r\n",
// e.g. x-amz-checksum-crc32) and a final "\r\n". Incremental: feed() any slicing of the input;
// decoded bytes go to the sink. Signatures are not verified (any credentials are accepted).
class AwsChunkedDecoder final
{
public:
    using Sink = std::function<bool(QByteArrayView)>;

    explicit AwsChunkedDecoder(Sink sink);

    // false once the framing is malformed or the sink refused data; see error().
    bool feed(QByteArrayView data);
    // true when the final chunk and trailer section were complete (input may end right after
    // the zero chunk's trailers without the last CRLF, as some clients do).
    bool finish();
    bool isComplete() const { return m_state == State::Done; }
    const QString &error() const { return m_error; }
    qint64 decodedSize() const { return m_decodedSize; }
    const QList<std::pair<QByteArray, QByteArray>> &trailers() const { return m_trailers; }

private:
    enum class State {
        SizeLine,
        Data,
        DataEnd,
        Trailer,
        Done,
    };

    bool fail(const QString &message);
    bool takeLine(QByteArrayView &data, QByteArray *line);
    bool handleSizeLine(const QByteArray &line);
    bool handleTrailerLine(const QByteArray &line);

    Sink m_sink;
    State m_state = State::SizeLine;
    QByteArray m_line;
    qint64 m_remaining = 0;
    qint64 m_decodedSize = 0;
    QString m_error;
    QList<std::pair<QByteArray, QByteArray>> m_trailers;
};

} // namespace Core::Api
