// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Core::S3 {

// A parsed XML element for the bucket configurations core/s3 validates itself (lifecycle rules,
// event notifications): name, trimmed text and children, at most 16 levels deep. Plain value;
// any thread.
struct XmlElement
{
    QString name;
    QString text;
    QList<XmlElement> children;

    const XmlElement *child(QStringView wanted) const;
    QList<const XmlElement *> all(QStringView wanted) const;
    QString childText(QStringView wanted) const;

    // The document's root element; nullopt for malformed XML (the caller's MalformedXML).
    static std::optional<XmlElement> parse(const QByteArray &xml);
};

} // namespace Core::S3
