// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Core::DynamoDb {

// DynamoDB's Number: an exact decimal of up to 38 significant digits with a magnitude between
// 1E-130 and 9.9999999999999999999999999999999999999E+125, compared numerically (never a double).
class Decimal final
{
public:
    enum class ParseError {
        None,
        NotANumber,
        TooManyDigits,
        Overflow,
        Underflow,
    };

    Decimal() = default;

    // Parses AWS's number syntax ("-1.50", "1e3", "+.5"); error says which rule failed.
    static std::optional<Decimal> parse(const QString &text, ParseError *error = nullptr);
    static Decimal fromInteger(qint64 value);

    bool isZero() const { return m_digits.isEmpty(); }
    bool isNegative() const { return m_negative; }
    int significantDigits() const { return int(m_digits.size()); }

    // Canonical text as DynamoDB returns it: trailing zeros dropped, no exponent.
    QString toString() const;
    // Bytes whose memcmp order is the numeric order (used for sort keys in SQLite).
    QByteArray sortableBytes() const;
    double toDouble() const;

    // Exact sum/difference; nullopt with error set when the result leaves DynamoDB's range.
    static std::optional<Decimal> add(const Decimal &a, const Decimal &b, ParseError *error);
    Decimal negated() const;

    friend int compare(const Decimal &a, const Decimal &b);
    friend bool operator==(const Decimal &a, const Decimal &b) { return compare(a, b) == 0; }
    friend bool operator<(const Decimal &a, const Decimal &b) { return compare(a, b) < 0; }

    static QString errorMessage(ParseError error);

private:
    static std::optional<Decimal> normalized(
        bool negative, QByteArray digits, int exponent, ParseError *error);

    bool m_negative = false;
    QByteArray m_digits; // '1'..'9' first, no trailing '0'; empty for zero
    int m_exponent = 0; // power of ten of the first digit
};

} // namespace Core::DynamoDb
