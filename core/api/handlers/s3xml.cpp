// SPDX-License-Identifier: MIT
#include "core/api/handlers/s3xml.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace Core::Api::S3Xml {

QByteArray document(const QString &root, const std::function<void(QXmlStreamWriter &)> &body)
{
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.writeStartDocument();
    writer.writeStartElement(root);
    writer.writeDefaultNamespace(QLatin1StringView(Namespace));
    body(writer);
    writer.writeEndElement();
    writer.writeEndDocument();
    return out;
}

std::optional<Node> parse(const QByteArray &body)
{
    QXmlStreamReader reader(body);
    QList<Node> stack;
    std::optional<Node> root;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            if (root)
                return std::nullopt; // a second root element
            stack.append(Node{reader.name().toString(), {}, {}});
            break;
        case QXmlStreamReader::Characters:
            if (!stack.isEmpty())
                stack.last().text += reader.text();
            break;
        case QXmlStreamReader::EndElement: {
            Node node = stack.takeLast();
            node.text = node.children.isEmpty() ? node.text : node.text.trimmed();
            if (stack.isEmpty())
                root = std::move(node);
            else
                stack.last().children.append(std::move(node));
            break;
        }
        default:
            break;
        }
    }
    if (reader.hasError() || !root)
        return std::nullopt;
    return root;
}

QByteArray httpDate(qint64 ms)
{
    return QLocale::c()
               .toString(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()),
                   u"ddd, dd MMM yyyy HH:mm:ss"_s)
               .toLatin1()
        + " GMT";
}

qint64 parseHttpDate(const QByteArray &text)
{
    QString value = QString::fromLatin1(text).trimmed();
    if (value.endsWith(u" GMT"_s))
        value.chop(4);
    QDateTime time = QLocale::c().toDateTime(value, u"ddd, dd MMM yyyy HH:mm:ss"_s);
    if (!time.isValid())
        time = QDateTime::fromString(QString::fromLatin1(text).trimmed(), Qt::ISODate);
    if (!time.isValid())
        return -1;
    time.setTimeZone(QTimeZone::utc());
    return time.toMSecsSinceEpoch();
}

} // namespace Core::Api::S3Xml
