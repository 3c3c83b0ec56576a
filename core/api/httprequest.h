// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace Core::Api {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One HTTP request as the server (httpserver.cpp) parsed it off the wire. A large body is spooled
// to bodyFile (under the state folder) instead of memory; whoever consumes it may rename that file,
// the server removes it otherwise.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: percent-encoded path and query
    QByteArray path; // target before '?', still percent-encoded
    QByteArray rawQuery;
    HttpHeaders headers;
    QByteArray body;
    QString bodyFile;
    qint64 bodySize = 0;
    // MD5 (16 raw bytes) of a PUT body as received, computed by the HTTP worker while reading it
    // so that S3 need not hash uploads again on the core thread; empty when not computed.
    QByteArray bodyMd5;
    QString clientAddress;
    int clientPort = 0;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // Decoded value of a query parameter ("" when absent or valueless); see hasQueryItem.
    QString queryItem(QStringView name) const;
    bool hasQueryItem(QStringView name) const;
    QList<std::pair<QString, QString>> queryItems() const;
    QString decodedPath() const;
    // The whole body, read from bodyFile if it was spooled.
    QByteArray bodyBytes() const;
};

// Splits "a=1&b=x%20y" with form rules ('+' is a space).
QList<std::pair<QString, QString>> parseFormEncoded(QByteArrayView text);
QString percentDecode(QByteArrayView text, bool plusAsSpace);
QByteArray percentDecodeBytes(QByteArrayView text, bool plusAsSpace);
// Whether the bytes are well-formed UTF-8 (percentDecode turns any other byte into U+FFFD).
bool isValidUtf8(QByteArrayView bytes);
// Whether every name and value of "a=1&b=x%20y" percent-decodes to well-formed UTF-8.
bool isValidFormEncodedUtf8(QByteArrayView text);

} // namespace Core::Api
