// SPDX-License-Identifier: MIT
#include "ui/activity/payloadformatter.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QStringDecoder>
#include <QUrl>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <optional>

using namespace Qt::StringLiterals;

namespace Gui::Activity::PayloadFormatter {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Gui::Activity::PayloadFormatter)
};

QByteArray trimmedStart(const QByteArray &body)
{
    qsizetype start = 0;
    while (start < body.size() && QChar::isSpace(uchar(body.at(start))))
        ++start;
    return body.mid(start, 1);
}

std::optional<QString> asText(const QByteArray &body)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(body);
    if (decoder.hasError())
        return std::nullopt;
    for (const QChar c : std::as_const(text)) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\r' && c != u'\t')
            return std::nullopt;
    }
    return text;
}

std::optional<QString> prettyJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

std::optional<QString> prettyXml(const QByteArray &body)
{
    // Without namespace processing the prefixes and xmlns attributes stay exactly as sent.
    QXmlStreamReader reader(body);
    reader.setNamespaceProcessing(false);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            writer.writeStartElement(reader.qualifiedName().toString());
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                writer.writeAttribute(
                    attribute.qualifiedName().toString(), attribute.value().toString());
            break;
        case QXmlStreamReader::EndElement:
            writer.writeEndElement();
            break;
        case QXmlStreamReader::Characters:
            if (reader.isCDATA())
                writer.writeCDATA(reader.text().toString());
            else if (!reader.isWhitespace())
                writer.writeCharacters(reader.text().toString());
            break;
        case QXmlStreamReader::Comment:
            writer.writeComment(reader.text().toString());
            break;
        case QXmlStreamReader::Invalid:
            return std::nullopt;
        default:
            break;
        }
    }
    QString declaration;
    if (body.startsWith("<?xml")) {
        const qsizetype end = body.indexOf("?>");
        if (end > 0)
            declaration = QString::fromUtf8(body.left(end + 2)) + u'\n';
    }
    return declaration + out.trimmed();
}

QString prettyForm(const QString &text)
{
    QStringList lines;
    const QStringList pairs = text.trimmed().split(u'&', Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        const auto decode = [](QString part) {
            part.replace(u'+', u' ');
            return QUrl::fromPercentEncoding(part.toUtf8());
        };
        if (equals < 0)
            lines.append(decode(pair));
        else
            lines.append(decode(pair.left(equals)) + u" = "_s + decode(pair.mid(equals + 1)));
    }
    return lines.join(u'\n');
}

bool looksLikeForm(const QString &text)
{
    if (text.isEmpty() || text.contains(u' ') || text.contains(u'\n') || !text.contains(u'='))
        return false;
    return true;
}

QString hexDump(const QByteArray &body)
{
    const QByteArray shown = body.left(HexPreviewBytes);
    QString out;
    for (qsizetype offset = 0; offset < shown.size(); offset += 16) {
        const QByteArray line = shown.mid(offset, 16);
        out += u"%1  "_s.arg(offset, 8, 16, QChar(u'0'));
        for (int i = 0; i < 16; ++i) {
            if (i < line.size())
                out += u"%1 "_s.arg(uchar(line.at(i)), 2, 16, QChar(u'0'));
            else
                out += u"   "_s;
            if (i == 7)
                out += u' ';
        }
        out += u" |"_s;
        for (const char c : line)
            out += (c >= 0x20 && c < 0x7f) ? QChar(QLatin1Char(c)) : QChar(u'.');
        out += u"|\n"_s;
    }
    out = out.trimmed();
    if (body.size() > shown.size()) {
        out += u"\n"_s
            + Tr::tr("(the first %1 of %2 bytes)")
                  .arg(QLocale().toString(shown.size()), QLocale().toString(body.size()));
    }
    return out;
}

} // namespace

Formatted format(const QByteArray &body, QStringView contentType)
{
    if (body.isEmpty())
        return {Kind::Empty, {}};
    const QString type = contentType.toString().section(u';', 0, 0).trimmed().toLower();
    if (type == u"application/cbor") {
        QCborParserError error;
        const QCborValue value = QCborValue::fromCbor(body, &error);
        if (error.error == QCborError::NoError)
            return {Kind::Cbor, value.toDiagnosticNotation(QCborValue::LineWrapped)};
    }
    const std::optional<QString> text = asText(body);
    if (!text)
        return {Kind::Binary, hexDump(body)};
    const QByteArray first = trimmedStart(body);
    if (first == "{" || first == "[" || type.contains(u"json")) {
        if (const std::optional<QString> json = prettyJson(body))
            return {Kind::Json, *json};
    }
    if (first == "<" || type.contains(u"xml")) {
        if (const std::optional<QString> xml = prettyXml(body))
            return {Kind::Xml, *xml};
    }
    if (type == u"application/x-www-form-urlencoded" || (type.isEmpty() && looksLikeForm(*text)))
        return {Kind::Form, prettyForm(*text)};
    return {Kind::Text, *text};
}

QString headerValue(QStringView headers, QStringView name)
{
    for (const QStringView line : headers.tokenize(u'\n')) {
        const qsizetype colon = line.indexOf(u':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed().toString();
    }
    return {};
}

QString kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Empty:
        return Tr::tr("Empty");
    case Kind::Json:
        return u"JSON"_s;
    case Kind::Xml:
        return u"XML"_s;
    case Kind::Form:
        return Tr::tr("Form-encoded");
    case Kind::Cbor:
        return u"CBOR"_s;
    case Kind::Text:
        return Tr::tr("Text");
    case Kind::Binary:
        return Tr::tr("Binary");
    }
    return {};
}

} // namespace Gui::Activity::PayloadFormatter
