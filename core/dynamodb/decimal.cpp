// SPDX-License-Identifier: MIT
#include "core/dynamodb/decimal.h"

#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

namespace {

constexpr int MaxDigits = 38;
constexpr int MaxExponent = 125;
constexpr int MinExponent = -130;
constexpr int ExponentBias = 1000;

void setError(Decimal::ParseError *error, Decimal::ParseError value)
{
    if (error)
        *error = value;
}

} // namespace

QString Decimal::errorMessage(ParseError error)
{
    switch (error) {
    case ParseError::None:
        return {};
    case ParseError::NotANumber:
        return u"A value provided cannot be converted into a number"_s;
    case ParseError::TooManyDigits:
        return u"Attempting to store more than 38 significant digits in a Number"_s;
    case ParseError::Overflow:
        return u"Number overflow. Attempting to store a number with magnitude larger than "
               u"supported range"_s;
    case ParseError::Underflow:
        return u"Number underflow. Attempting to store a number with magnitude smaller than "
               u"supported range"_s;
    }
    return {};
}

std::optional<Decimal> Decimal::normalized(
    bool negative, QByteArray digits, int exponent, ParseError *error)
{
    qsizetype lead = 0;
    while (lead < digits.size() && digits.at(lead) == '0')
        ++lead;
    digits.remove(0, lead);
    exponent -= int(lead);
    while (!digits.isEmpty() && digits.back() == '0')
        digits.chop(1);
    Decimal value;
    setError(error, ParseError::None);
    if (digits.isEmpty())
        return value;
    if (digits.size() > MaxDigits) {
        setError(error, ParseError::TooManyDigits);
        return std::nullopt;
    }
    if (exponent > MaxExponent) {
        setError(error, ParseError::Overflow);
        return std::nullopt;
    }
    if (exponent < MinExponent) {
        setError(error, ParseError::Underflow);
        return std::nullopt;
    }
    value.m_negative = negative;
    value.m_digits = std::move(digits);
    value.m_exponent = exponent;
    return value;
}

std::optional<Decimal> Decimal::parse(const QString &text, ParseError *error)
{
    const QString trimmed = text.trimmed();
    qsizetype i = 0;
    const qsizetype n = trimmed.size();
    bool negative = false;
    if (i < n && (trimmed[i] == u'-' || trimmed[i] == u'+'))
        negative = trimmed[i++] == u'-';
    QByteArray digits;
    int pointPosition = -1;
    bool sawDigit = false;
    for (; i < n; ++i) {
        const QChar c = trimmed[i];
        if (c.isDigit() && c.unicode() < 128) {
            digits.append(char(c.unicode()));
            sawDigit = true;
        } else if (c == u'.' && pointPosition < 0) {
            pointPosition = int(digits.size());
        } else {
            break;
        }
    }
    if (!sawDigit) {
        setError(error, ParseError::NotANumber);
        return std::nullopt;
    }
    long long exponentPart = 0;
    if (i < n && (trimmed[i] == u'e' || trimmed[i] == u'E')) {
        ++i;
        bool expNegative = false;
        if (i < n && (trimmed[i] == u'-' || trimmed[i] == u'+'))
            expNegative = trimmed[i++] == u'-';
        bool sawExpDigit = false;
        for (; i < n && trimmed[i].isDigit() && trimmed[i].unicode() < 128; ++i) {
            sawExpDigit = true;
            if (exponentPart < 100000)
                exponentPart = exponentPart * 10 + (trimmed[i].unicode() - u'0');
        }
        if (!sawExpDigit) {
            setError(error, ParseError::NotANumber);
            return std::nullopt;
        }
        if (expNegative)
            exponentPart = -exponentPart;
    }
    if (i != n) {
        setError(error, ParseError::NotANumber);
        return std::nullopt;
    }
    if (pointPosition < 0)
        pointPosition = int(digits.size());
    // value = 0.digits * 10^pointPosition * 10^exponentPart; first digit's power is one less.
    const int exponent = int(pointPosition + exponentPart - 1);
    return normalized(negative, std::move(digits), exponent, error);
}

Decimal Decimal::fromInteger(qint64 value)
{
    return *parse(QString::number(value));
}

QString Decimal::toString() const
{
    if (isZero())
        return u"0"_s;
    QString text;
    if (m_negative)
        text += u'-';
    const QString digits = QString::fromLatin1(m_digits);
    const int length = int(m_digits.size());
    if (m_exponent >= length - 1) {
        text += digits + QString(m_exponent - length + 1, u'0');
    } else if (m_exponent < 0) {
        text += u"0."_s + QString(-m_exponent - 1, u'0') + digits;
    } else {
        text += digits.left(m_exponent + 1) + u'.' + digits.mid(m_exponent + 1);
    }
    return text;
}

QByteArray Decimal::sortableBytes() const
{
    QByteArray bytes;
    if (isZero()) {
        bytes.append(char(0x02));
        return bytes;
    }
    const int biased = m_exponent + ExponentBias;
    if (!m_negative) {
        bytes.append(char(0x03));
        bytes.append(char((biased >> 8) & 0xff));
        bytes.append(char(biased & 0xff));
        bytes.append(m_digits);
        return bytes;
    }
    const int inverted = 0xffff - biased;
    bytes.append(char(0x01));
    bytes.append(char((inverted >> 8) & 0xff));
    bytes.append(char(inverted & 0xff));
    for (const char digit : m_digits)
        bytes.append(char('9' - digit + '0'));
    bytes.append(char(0xff)); // a longer negative mantissa is smaller: terminator sorts last
    return bytes;
}

double Decimal::toDouble() const
{
    return toString().toDouble();
}

Decimal Decimal::negated() const
{
    Decimal copy = *this;
    if (!copy.isZero())
        copy.m_negative = !copy.m_negative;
    return copy;
}

int compare(const Decimal &a, const Decimal &b)
{
    const int signA = a.isZero() ? 0 : (a.m_negative ? -1 : 1);
    const int signB = b.isZero() ? 0 : (b.m_negative ? -1 : 1);
    if (signA != signB)
        return signA < signB ? -1 : 1;
    if (signA == 0)
        return 0;
    int magnitude = 0;
    if (a.m_exponent != b.m_exponent)
        magnitude = a.m_exponent < b.m_exponent ? -1 : 1;
    else
        magnitude = std::clamp(a.m_digits.compare(b.m_digits), -1, 1);
    return signA < 0 ? -magnitude : magnitude;
}

std::optional<Decimal> Decimal::add(const Decimal &a, const Decimal &b, ParseError *error)
{
    if (a.isZero())
        return normalized(b.m_negative, b.m_digits, b.m_exponent, error);
    if (b.isZero())
        return normalized(a.m_negative, a.m_digits, a.m_exponent, error);
    const int low = std::min(
        a.m_exponent - int(a.m_digits.size()) + 1, b.m_exponent - int(b.m_digits.size()) + 1);
    const int high = std::max(a.m_exponent, b.m_exponent) + 1;
    const int width = high - low + 1;
    // Little-endian digit vectors from 10^low upwards.
    const auto spread = [low, width](const Decimal &d) {
        QList<int> out(width, 0);
        for (int i = 0; i < int(d.m_digits.size()); ++i)
            out[d.m_exponent - i - low] = d.m_digits.at(i) - '0';
        return out;
    };
    QList<int> x = spread(a);
    QList<int> y = spread(b);
    bool negative = a.m_negative;
    QList<int> result(width, 0);
    if (a.m_negative == b.m_negative) {
        int carry = 0;
        for (int i = 0; i < width; ++i) {
            const int sum = x[i] + y[i] + carry;
            result[i] = sum % 10;
            carry = sum / 10;
        }
    } else {
        Decimal absA = a;
        Decimal absB = b;
        absA.m_negative = absB.m_negative = false;
        if (compare(absA, absB) < 0) {
            std::swap(x, y);
            negative = b.m_negative;
        }
        int borrow = 0;
        for (int i = 0; i < width; ++i) {
            int diff = x[i] - y[i] - borrow;
            borrow = diff < 0 ? 1 : 0;
            result[i] = diff + borrow * 10;
        }
    }
    QByteArray digits;
    digits.reserve(width);
    for (int i = width - 1; i >= 0; --i)
        digits.append(char('0' + result[i]));
    return normalized(negative, digits, high, error);
}

} // namespace Core::DynamoDb
