// SPDX-License-Identifier: MIT
#include "core/common/ids.h"

#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Core::Ids {

QString uuid()
{
    quint64 words[2];
    QRandomGenerator::global()->fillRange(words);
    QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
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
