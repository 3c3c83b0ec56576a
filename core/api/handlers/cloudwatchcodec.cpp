// SPDX-License-Identifier: MIT
#include "core/api/handlers/cloudwatchcodec.h"

#include "core/cloudwatch/cloudwatcherrors.h"
#include "core/cloudwatch/statistics.h"

#include <QCborArray>
#include <QCborStreamWriter>
#include <QJsonArray>
#include <QMap>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Core::Api::CloudWatchCodec {

namespace {

struct QueryNode
{
    QMap<QString, QueryNode> children;
    QString value;
    bool leaf = false;
};

QCborValue toValue(const QueryNode &node)
{
    if (node.leaf && node.children.isEmpty())
        return node.value;
    if (node.children.size() == 1 && node.children.firstKey() == u"member") {
        QMap<int, QCborValue> ordered;
        const QueryNode &members = node.children.first();
        for (auto it = members.children.cbegin(); it != members.children.cend(); ++it)
            ordered.insert(it.key().toInt(), toValue(it.value()));
        QCborArray array;
        for (const QCborValue &item : std::as_const(ordered))
            array.append(item);
        return array;
    }
    QCborMap map;
    for (auto it = node.children.cbegin(); it != node.children.cend(); ++it)
        map.insert(it.key(), toValue(it.value()));
    return map;
}

std::optional<double> parseDouble(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    if (lower == u"nan")
        return std::numeric_limits<double>::quiet_NaN();
    if (lower == u"infinity" || lower == u"inf" || lower == u"+infinity")
        return std::numeric_limits<double>::infinity();
    if (lower == u"-infinity" || lower == u"-inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

std::unexpected<AwsError> invalid(const QString &value, const QString &parameter)
{
    return Core::CloudWatch::CloudWatchErrors::invalidValue(value, parameter);
}

std::optional<qint64> timestampOf(const QCborValue &value)
{
    if (value.isDateTime())
        return value.toDateTime().toMSecsSinceEpoch();
    if (value.isTag() && value.tag() == QCborKnownTags::UnixTime_t)
        return qint64(std::llround(value.taggedValue().toDouble() * 1000.0));
    return std::nullopt;
}

void writeXmlValue(
    QXmlStreamWriter &xml, const QCborValue &value, const QStringList &mapMembers, bool isMap)
{
    if (value.isMap() && isMap) {
        const QCborMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            xml.writeStartElement(u"entry"_s);
            xml.writeTextElement(u"key"_s, it.key().toString());
            xml.writeStartElement(u"value"_s);
            writeXmlValue(xml, it.value(), mapMembers, false);
            xml.writeEndElement();
            xml.writeEndElement();
        }
    } else if (value.isMap()) {
        writeXml(xml, value.toMap(), mapMembers);
    } else if (value.isArray()) {
        for (const QCborValue &item : value.toArray()) {
            xml.writeStartElement(u"member"_s);
            writeXmlValue(xml, item, mapMembers, false);
            xml.writeEndElement();
        }
    } else if (const auto ms = timestampOf(value)) {
        xml.writeCharacters(
            QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s));
    } else if (value.isDouble()) {
        xml.writeCharacters(Core::CloudWatch::Statistics::numberText(value.toDouble()));
    } else if (value.isInteger()) {
        xml.writeCharacters(QString::number(value.toInteger()));
    } else if (value.isBool()) {
        xml.writeCharacters(value.toBool() ? u"true"_s : u"false"_s);
    } else {
        xml.writeCharacters(value.toString());
    }
}

QJsonValue toJsonValue(const QCborValue &value)
{
    if (value.isMap())
        return toJson(value.toMap());
    if (value.isArray()) {
        QJsonArray array;
        for (const QCborValue &item : value.toArray())
            array.append(toJsonValue(item));
        return array;
    }
    if (const auto ms = timestampOf(value))
        return double(*ms) / 1000.0;
    if (value.isDouble() && !std::isfinite(value.toDouble()))
        return Core::CloudWatch::Statistics::numberText(
            value.toDouble()); // JSON protocols send non-finite doubles as strings
    return value.toJsonValue();
}

} // namespace

QCborMap fromQuery(const QList<std::pair<QString, QString>> &parameters)
{
    QueryNode root;
    for (const auto &[key, value] : parameters) {
        if (key == u"Action" || key == u"Version")
            continue;
        QueryNode *node = &root;
        for (const QString &part : key.split(u'.'))
            node = &node->children[part];
        node->leaf = true;
        node->value = value;
    }
    return toValue(root).toMap();
}

QCborMap fromJson(const QJsonObject &object)
{
    return QCborMap::fromJsonObject(object);
}

QCborValue timestamp(qint64 ms)
{
    if (ms % 1000 == 0)
        return QCborValue(QCborKnownTags::UnixTime_t, QCborValue(ms / 1000));
    return QCborValue(QCborKnownTags::UnixTime_t, QCborValue(double(ms) / 1000.0));
}

void writeXml(QXmlStreamWriter &xml, const QCborMap &tree, const QStringList &mapMembers)
{
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        const QString key = it.key().toString();
        xml.writeStartElement(key);
        writeXmlValue(xml, it.value(), mapMembers, mapMembers.contains(key));
        xml.writeEndElement();
    }
}

QJsonObject toJson(const QCborMap &tree)
{
    QJsonObject object;
    for (auto it = tree.cbegin(); it != tree.cend(); ++it)
        object.insert(it.key().toString(), toJsonValue(it.value()));
    return object;
}

namespace {

// QCborValue turns tag 1 into a date-time and writes it back as tag 0 (a string); RPC v2 CBOR
// wants tag 1 with epoch seconds, so the answer is streamed by hand.
void writeCbor(QCborStreamWriter &writer, const QCborValue &value)
{
    if (const auto ms = timestampOf(value)) {
        writer.append(QCborKnownTags::UnixTime_t);
        if (*ms % 1000 == 0)
            writer.append(*ms / 1000);
        else
            writer.append(double(*ms) / 1000.0);
    } else if (value.isMap()) {
        const QCborMap map = value.toMap();
        writer.startMap(map.size());
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            writeCbor(writer, it.key());
            writeCbor(writer, it.value());
        }
        writer.endMap();
    } else if (value.isArray()) {
        const QCborArray array = value.toArray();
        writer.startArray(array.size());
        for (const QCborValue &item : array)
            writeCbor(writer, item);
        writer.endArray();
    } else {
        value.toCbor(writer);
    }
}

} // namespace

QByteArray toCbor(const QCborMap &tree)
{
    QByteArray bytes;
    QCborStreamWriter writer(&bytes);
    writeCbor(writer, tree);
    return bytes;
}

Reader::Reader(QCborValue value, QString name)
    : m_value(std::move(value))
    , m_name(std::move(name))
{}

QString Reader::path(const QString &key) const
{
    return m_name.isEmpty() ? key : m_name + u'.' + key;
}

bool Reader::has(const QString &key) const
{
    return m_value.isMap() && m_value.toMap().contains(key) && !m_value.toMap().value(key).isNull();
}

Reader Reader::child(const QString &key) const
{
    return Reader(m_value.toMap().value(key), path(key));
}

QList<Reader> Reader::list(const QString &key) const
{
    QList<Reader> items;
    const QCborArray array = m_value.toMap().value(key).toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        items.append(Reader(array.at(i), u"%1.member.%2"_s.arg(path(key)).arg(i + 1)));
    return items;
}

QString Reader::string(const QString &key) const
{
    const QCborValue value = m_value.toMap().value(key);
    if (value.isString())
        return value.toString();
    if (value.isInteger())
        return QString::number(value.toInteger());
    if (value.isDouble())
        return Core::CloudWatch::Statistics::numberText(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

QStringList Reader::strings(const QString &key) const
{
    QStringList result;
    for (const QCborValue &item : m_value.toMap().value(key).toArray())
        result.append(item.isString() ? item.toString() : item.toVariant().toString());
    return result;
}

Result<std::optional<double>> Reader::number(const QString &key) const
{
    const QCborValue value = m_value.toMap().value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<double>();
    if (value.isDouble() || value.isInteger())
        return std::optional<double>(value.toDouble());
    if (value.isString()) {
        if (const auto parsed = parseDouble(value.toString()))
            return std::optional<double>(*parsed);
        return invalid(value.toString(), path(key));
    }
    return invalid(value.toVariant().toString(), path(key));
}

Result<QList<double>> Reader::numbers(const QString &key) const
{
    QList<double> result;
    const QList<Reader> items = list(key);
    const QCborArray array = m_value.toMap().value(key).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QCborValue item = array.at(i);
        if (item.isDouble() || item.isInteger()) {
            result.append(item.toDouble());
        } else if (const auto parsed = parseDouble(item.toString()); item.isString() && parsed) {
            result.append(*parsed);
        } else {
            return invalid(item.toVariant().toString(), items.at(i).name());
        }
    }
    return result;
}

Result<std::optional<qint64>> Reader::integer(const QString &key) const
{
    const QCborValue value = m_value.toMap().value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    if (value.isInteger())
        return std::optional<qint64>(value.toInteger());
    if (value.isDouble() && std::floor(value.toDouble()) == value.toDouble()
        && std::isfinite(value.toDouble()))
        return std::optional<qint64>(qint64(value.toDouble()));
    if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return std::optional<qint64>(parsed);
        return invalid(value.toString(), path(key));
    }
    return invalid(value.toVariant().toString(), path(key));
}

Result<std::optional<bool>> Reader::boolean(const QString &key) const
{
    const QCborValue value = m_value.toMap().value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<bool>();
    if (value.isBool())
        return std::optional<bool>(value.toBool());
    if (value.isString() && (value.toString() == u"true" || value.toString() == u"false"))
        return std::optional<bool>(value.toString() == u"true");
    return invalid(value.isString() ? value.toString() : value.toVariant().toString(), path(key));
}

Result<std::optional<qint64>> Reader::timestampMs(const QString &key) const
{
    QCborValue value = m_value.toMap().value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    if (value.isDateTime())
        return std::optional<qint64>(value.toDateTime().toMSecsSinceEpoch());
    if (value.isTag() && value.tag() == QCborKnownTags::UnixTime_t)
        value = value.taggedValue();
    if (value.isDouble() || value.isInteger()) {
        const double seconds = value.toDouble();
        if (!std::isfinite(seconds))
            return invalid(Core::CloudWatch::Statistics::numberText(seconds), path(key));
        return std::optional<qint64>(qint64(std::llround(seconds * 1000.0)));
    }
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (ok)
            return std::optional<qint64>(qint64(std::llround(seconds * 1000.0)));
        QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!parsed.isValid())
            parsed = QDateTime::fromString(text, Qt::ISODate);
        if (!parsed.isValid())
            parsed = QDateTime::fromString(text, Qt::RFC2822Date);
        if (parsed.isValid()) {
            if (parsed.timeSpec() == Qt::LocalTime)
                parsed.setTimeSpec(Qt::UTC);
            return std::optional<qint64>(parsed.toMSecsSinceEpoch());
        }
        return invalid(text, path(key));
    }
    return invalid(value.toVariant().toString(), path(key));
}

} // namespace Core::Api::CloudWatchCodec
