// SPDX-License-Identifier: MIT
#include "core/s3/xmlelement.h"

#include <QXmlStreamReader>

namespace Core::S3 {

namespace {

bool readElement(QXmlStreamReader &reader, XmlElement &element, int depth)
{
    element.name = reader.name().toString();
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            if (depth > 16)
                return false;
            XmlElement child;
            if (!readElement(reader, child, depth + 1))
                return false;
            element.children.append(std::move(child));
        } else if (reader.isCharacters()) {
            element.text += reader.text();
        } else if (reader.isEndElement()) {
            element.text = element.text.trimmed();
            return true;
        }
    }
    return false;
}

} // namespace

const XmlElement *XmlElement::child(QStringView wanted) const
{
    for (const XmlElement &element : children) {
        if (element.name == wanted)
            return &element;
    }
    return nullptr;
}

QList<const XmlElement *> XmlElement::all(QStringView wanted) const
{
    QList<const XmlElement *> found;
    for (const XmlElement &element : children) {
        if (element.name == wanted)
            found.append(&element);
    }
    return found;
}

QString XmlElement::childText(QStringView wanted) const
{
    const XmlElement *element = child(wanted);
    return element ? element->text : QString();
}

std::optional<XmlElement> XmlElement::parse(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd() && !reader.isStartElement())
        reader.readNext();
    if (!reader.isStartElement())
        return std::nullopt;
    XmlElement root;
    if (!readElement(reader, root, 0))
        return std::nullopt;
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError())
        return std::nullopt;
    return root;
}

} // namespace Core::S3
