// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/clock.h"
#include "core/s3/xmlelement.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QXmlStreamWriter>

#include <functional>
#include <optional>

namespace Core::Api::S3Xml {

inline constexpr auto Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

// <?xml ...?><root xmlns="...S3 namespace...">body</root>
QByteArray document(const QString &root, const std::function<void(QXmlStreamWriter &)> &body);

// A parsed request body: just enough of a DOM for S3's small configuration documents (local
// names, namespaces dropped).
using Node = S3::XmlElement;

// nullopt when the body is not well-formed XML (MalformedXML). Unlike XmlElement::parse, the
// text of leaf elements is kept as sent (object keys may begin or end with spaces).
std::optional<Node> parse(const QByteArray &body);

using Core::isoTime; // 2026-11-23T17:21:23.000Z
QByteArray httpDate(qint64 ms); // Mon, 23 Nov 2026 17:21:23 GMT
// If-Modified-Since and friends; -1 when unparsable.
qint64 parseHttpDate(const QByteArray &text);

} // namespace Core::Api::S3Xml
