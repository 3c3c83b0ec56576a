// SPDX-License-Identifier: MIT
#include "core/common/ids.h"

#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Core::Ids {

QString requestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
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
