// SPDX-License-Identifier: MIT
#include "core/api/httprequest.h"

#include <QFile>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Core::Api {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QList<std::pair<QString, QString>> HttpRequest::queryItems() const
{
    return parseFormEncoded(rawQuery);
}

QString HttpRequest::queryItem(QStringView name) const
{
    for (const auto &[key, value] : queryItems()) {
        if (key == name)
            return value;
    }
    return {};
}

bool HttpRequest::hasQueryItem(QStringView name) const
{
    for (const auto &item : queryItems()) {
        if (item.first == name)
            return true;
    }
    return false;
}

QString HttpRequest::decodedPath() const
{
    return percentDecode(path, false);
}

QByteArray HttpRequest::bodyBytes() const
{
    if (bodyFile.isEmpty())
        return body;
    QFile file(bodyFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QString percentDecode(QByteArrayView text, bool plusAsSpace)
{
    return QString::fromUtf8(percentDecodeBytes(text, plusAsSpace));
}

QByteArray percentDecodeBytes(QByteArrayView text, bool plusAsSpace)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plusAsSpace) {
            out += ' ';
            continue;
        }
        if (c == '%' && i + 2 < text.size()) {
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += char(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += c;
    }
    return out;
}

bool isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    return !decoder.hasError();
}

bool isValidFormEncodedUtf8(QByteArrayView text)
{
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf('&', start);
        if (end < 0)
            end = text.size();
        if (!isValidUtf8(percentDecodeBytes(text.sliced(start, end - start), true)))
            return false;
        start = end + 1;
    }
    return true;
}

QList<std::pair<QString, QString>> parseFormEncoded(QByteArrayView text)
{
    QList<std::pair<QString, QString>> items;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf('&', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView part = text.sliced(start, end - start);
        if (!part.isEmpty()) {
            const qsizetype equals = part.indexOf('=');
            if (equals < 0)
                items.append({percentDecode(part, true), QString()});
            else
                items.append({percentDecode(part.first(equals), true),
                    percentDecode(part.sliced(equals + 1), true)});
        }
        start = end + 1;
    }
    return items;
}

} // namespace Core::Api
