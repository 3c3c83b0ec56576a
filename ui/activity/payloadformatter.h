// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Gui::Activity::PayloadFormatter {

enum class Kind {
    Empty,
    Json,
    Xml,
    Form,
    Cbor,
    Text,
    Binary,
};

struct Formatted
{
    Kind kind = Kind::Empty;
    QString text;
};

// A request or response body made readable: JSON and XML indented, form-encoded bodies one
// "key = value" per line (decoded), CBOR in diagnostic notation, other text as is, anything else
// as a hex dump of its first bytes. contentType is the Content-Type header's value (may be empty;
// the body is then sniffed).
Formatted format(const QByteArray &body, QStringView contentType);
// The value of the first header `name` (case-insensitive) in "Name: value\n" lines.
QString headerValue(QStringView headers, QStringView name);
// A short label for a kind ("JSON", "Binary"), for the detail view.
QString kindLabel(Kind kind);

constexpr int HexPreviewBytes = 1024;

} // namespace Gui::Activity::PayloadFormatter
