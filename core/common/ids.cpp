// SPDX-License-Identifier: MIT
#include "core/common/ids.h"

#include <QRandomGenerator>

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Core::Ids {

QString uuid()
{
    quint64 words[2];
    QRandomGenerator::global()->fillRange(words);
    std::array<uchar, 16> bytes;
    std::memcpy(bytes.data(), words, bytes.size());
    bytes[6] = uchar((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = uchar((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    static constexpr char Digits[] = "0123456789abcdef";
    QString out(36, Qt::Uninitialized);
    int at = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[at++] = u'-';
        out[at++] = QLatin1Char(Digits[bytes[i] >> 4]);
        out[at++] = QLatin1Char(Digits[bytes[i] & 0x0f]);
    }
    return out;
}

QString requestId()
{
    return uuid();
}

QString randomHex(int length)
{
    static constexpr char Digits[] = "0123456789abcdef";
    QString out(length, Qt::Uninitialized);
    auto *generator = QRandomGenerator::global();
    for (int i = 0; i < length; ++i)
        out[i] = QLatin1Char(Digits[generator->bounded(16)]);
    return out;
}

QString randomAlphanumeric(int length)
{
    static constexpr char Alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out(length, Qt::Uninitialized);
    auto *generator = QRandomGenerator::global();
    for (int i = 0; i < length; ++i)
        out[i] = QLatin1Char(Alphabet[generator->bounded(62)]);
    return out;
}

} // namespace Core::Ids
