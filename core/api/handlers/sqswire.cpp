// SPDX-License-Identifier: MIT
#include "core/api/handlers/sqswire.h"

#include "core/sqs/sqserrors.h"

#include <QJsonArray>

#include <map>

using namespace Qt::StringLiterals;

namespace Core::Api::SqsWire {

namespace {

// A dotted Query parameter tree: "a.1.b" = v becomes node a -> 1 -> b = v.
struct Node
{
    QString value;
    bool leaf = false;
    std::map<QString, Node> children;
};

struct MapSpec
{
    const char16_t *member;
    const char16_t *key;
    const char16_t *value;
};

const QHash<QString, MapSpec> &mapSpecs()
{
    static const QHash<QString, MapSpec> specs{
        {u"Attribute"_s, {u"Attributes", u"Name", u"Value"}},
        {u"Tag"_s, {u"Tags", u"Key", u"Value"}},
        {u"MessageAttribute"_s, {u"MessageAttributes", u"Name", u"Value"}},
        {u"MessageSystemAttribute"_s, {u"MessageSystemAttributes", u"Name", u"Value"}},
    };
    return specs;
}

const QHash<QString, QString> &listSpecs()
{
    static const QHash<QString, QString> specs{
        {u"AttributeName"_s, u"AttributeNames"_s},
        {u"MessageAttributeName"_s, u"MessageAttributeNames"_s},
        {u"MessageSystemAttributeName"_s, u"MessageSystemAttributeNames"_s},
        {u"TagKey"_s, u"TagKeys"_s},
        {u"SendMessageBatchRequestEntry"_s, u"Entries"_s},
        {u"DeleteMessageBatchRequestEntry"_s, u"Entries"_s},
        {u"ChangeMessageVisibilityBatchRequestEntry"_s, u"Entries"_s},
        {u"StringListValue"_s, u"StringListValues"_s},
        {u"BinaryListValue"_s, u"BinaryListValues"_s},
        {u"AWSAccountId"_s, u"AWSAccountIds"_s},
        {u"ActionName"_s, u"Actions"_s},
    };
    return specs;
}

// Query numbers list and map members from 1. Any other index (0, -1, x, beyond int) is
// malformed: AWS answers MalformedInput "0 is not a valid index"; the first is kept in
// *badIndex and its member skipped.
QList<const Node *> indexed(const Node &node, std::optional<QString> *badIndex)
{
    QList<std::pair<int, const Node *>> items;
    for (const auto &[index, child] : node.children) {
        bool ok = false;
        const int number = index.toInt(&ok);
        if (!ok || number < 1 || !index.front().isDigit()) {
            if (!*badIndex)
                *badIndex = index;
            continue;
        }
        items.append({number, &child});
    }
    std::sort(
        items.begin(), items.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<const Node *> result;
    for (const auto &item : items)
        result.append(item.second);
    return result;
}

QJsonValue convert(const Node &node, std::optional<QString> *badIndex);

QJsonObject convertStructure(const Node &node, std::optional<QString> *badIndex)
{
    QJsonObject object;
    for (const auto &[name, child] : node.children) {
        if (const auto map = mapSpecs().constFind(name); map != mapSpecs().cend() && !child.leaf) {
            QJsonObject entries;
            for (const Node *entry : indexed(child, badIndex)) {
                const auto key = entry->children.find(QString::fromUtf16(map->key));
                const auto value = entry->children.find(QString::fromUtf16(map->value));
                if (key == entry->children.end())
                    continue;
                entries.insert(key->second.value,
                    value == entry->children.end() ? QJsonValue(u""_s)
                                                   : convert(value->second, badIndex));
            }
            object.insert(QString::fromUtf16(map->member), entries);
        } else if (const auto list = listSpecs().constFind(name);
                   list != listSpecs().cend() && !child.leaf) {
            QJsonArray items;
            for (const Node *item : indexed(child, badIndex))
                items.append(convert(*item, badIndex));
            object.insert(*list, items);
        } else {
            object.insert(name, convert(child, badIndex));
        }
    }
    return object;
}

QJsonValue convert(const Node &node, std::optional<QString> *badIndex)
{
    if (node.leaf && node.children.empty())
        return node.value;
    return convertStructure(node, badIndex);
}

const QHash<QString, MapSpec> &resultMaps()
{
    static const QHash<QString, MapSpec> specs{
        {u"Attributes"_s, {u"Attribute", u"Name", u"Value"}},
        {u"Tags"_s, {u"Tag", u"Key", u"Value"}},
        {u"MessageAttributes"_s, {u"MessageAttribute", u"Name", u"Value"}},
    };
    return specs;
}

void writeMember(
    QXmlStreamWriter &xml, const QString &name, const QJsonValue &value, const QString &operation);

void writeMembers(QXmlStreamWriter &xml, const QJsonObject &object, const QString &operation)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        writeMember(xml, it.key(), it.value(), operation);
}

QString scalarText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

void writeMember(
    QXmlStreamWriter &xml, const QString &name, const QJsonValue &value, const QString &operation)
{
    if (value.isArray()) {
        static const QHash<QString, QString> elementNames{
            {u"QueueUrls"_s, u"QueueUrl"_s},
            {u"queueUrls"_s, u"QueueUrl"_s},
            {u"Messages"_s, u"Message"_s},
            {u"Failed"_s, u"BatchResultErrorEntry"_s},
            {u"Results"_s, u"ListMessageMoveTasksResultEntry"_s},
            {u"StringListValues"_s, u"StringListValue"_s},
            {u"BinaryListValues"_s, u"BinaryListValue"_s},
        };
        const QString element =
            name == u"Successful"_s ? operation + u"ResultEntry"_s : elementNames.value(name, name);
        for (const QJsonValue &item : value.toArray()) {
            if (item.isObject()) {
                xml.writeStartElement(element);
                writeMembers(xml, item.toObject(), operation);
                xml.writeEndElement();
            } else {
                xml.writeTextElement(element, scalarText(item));
            }
        }
        return;
    }
    if (value.isObject()) {
        if (const auto map = resultMaps().constFind(name); map != resultMaps().cend()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                xml.writeStartElement(QString::fromUtf16(map->member));
                xml.writeTextElement(QString::fromUtf16(map->key), it.key());
                if (it.value().isObject()) {
                    xml.writeStartElement(QString::fromUtf16(map->value));
                    writeMembers(xml, it.value().toObject(), operation);
                    xml.writeEndElement();
                } else {
                    xml.writeTextElement(QString::fromUtf16(map->value), scalarText(it.value()));
                }
                xml.writeEndElement();
            }
            return;
        }
        xml.writeStartElement(name);
        writeMembers(xml, value.toObject(), operation);
        xml.writeEndElement();
        return;
    }
    xml.writeTextElement(name, scalarText(value));
}

// Query sends an empty list or map as "Name=" (botocore), an empty string here.
bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull()
        || (value.isString() && value.toString().isEmpty());
}

AwsError wrongType(const QString &name)
{
    return CommonErrors::serialization(
        u"Unexpected value type in payload for member %1."_s.arg(name));
}

} // namespace

Result<QJsonObject> structureFromQuery(
    const QList<std::pair<QString, QString>> &parameters, const QString &operation)
{
    Node root;
    for (const auto &[key, value] : parameters) {
        if (key == u"Action"_s || key == u"Version"_s)
            continue;
        Node *node = &root;
        for (const QString &part : key.split(u'.'))
            node = &node->children[part];
        node->leaf = true;
        node->value = value;
    }
    std::optional<QString> badIndex;
    QJsonObject structure = convertStructure(root, &badIndex);
    if (badIndex)
        return std::unexpected(
            CommonErrors::malformedInput(u"%1 is not a valid index"_s.arg(*badIndex)));
    if (operation == u"CreateQueue"_s && structure.contains(u"Tags"_s)) {
        structure.insert(u"tags"_s, structure.value(u"Tags"_s));
        structure.remove(u"Tags"_s);
    }
    return structure;
}

void writeQueryResult(QXmlStreamWriter &xml, const QJsonObject &result, const QString &operation)
{
    writeMembers(xml, result, operation);
}

Result<QString> string(const QJsonObject &input, const QString &name, bool required)
{
    const QJsonValue value = input.value(name);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())) {
        if (required)
            return std::unexpected(Sqs::Errors::missingParameter(name));
        return QString();
    }
    if (!value.isString())
        return std::unexpected(wrongType(name));
    return value.toString();
}

Result<std::optional<int>> integer(const QJsonObject &input, const QString &name)
{
    const QJsonValue value = input.value(name);
    if (value.isUndefined() || value.isNull())
        return std::optional<int>();
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number != double(qint64(number)) || number > 2147483647.0 || number < -2147483648.0)
            return std::unexpected(wrongType(name));
        return std::optional<int>(int(number));
    }
    if (value.isString()) {
        bool ok = false;
        const int number = value.toString().trimmed().toInt(&ok);
        if (!ok)
            return std::unexpected(Sqs::Errors::invalidParameterValue(
                u"Value %1 for parameter %2 is invalid. Reason: Must be an integer."_s.arg(
                    value.toString(), name)));
        return std::optional<int>(number);
    }
    return std::unexpected(wrongType(name));
}

Result<QMap<QString, QString>> stringMap(const QJsonObject &input, const QString &name)
{
    QMap<QString, QString> map;
    const QJsonValue value = input.value(name);
    if (isAbsent(value))
        return map;
    if (!value.isObject())
        return std::unexpected(wrongType(name));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return std::unexpected(wrongType(name));
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

Result<QStringList> stringList(const QJsonObject &input, const QString &name)
{
    QStringList list;
    const QJsonValue value = input.value(name);
    if (isAbsent(value))
        return list;
    if (!value.isArray())
        return std::unexpected(wrongType(name));
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return std::unexpected(wrongType(name));
        list.append(item.toString());
    }
    return list;
}

Result<Sqs::MessageAttributes> messageAttributes(const QJsonObject &input, const QString &name)
{
    Sqs::MessageAttributes attributes;
    const QJsonValue value = input.value(name);
    if (isAbsent(value))
        return attributes;
    if (!value.isObject())
        return std::unexpected(wrongType(name));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isObject())
            return std::unexpected(wrongType(name));
        const QJsonObject entry = it.value().toObject();
        Sqs::MessageAttributeValue attribute;
        const QJsonValue dataType = entry.value(u"DataType"_s);
        const QJsonValue stringValue = entry.value(u"StringValue"_s);
        const QJsonValue binaryValue = entry.value(u"BinaryValue"_s);
        if ((!dataType.isUndefined() && !dataType.isString())
            || (!stringValue.isUndefined() && !stringValue.isString())
            || (!binaryValue.isUndefined() && !binaryValue.isString()))
            return std::unexpected(wrongType(name));
        attribute.dataType = dataType.toString();
        attribute.stringValue = stringValue.toString();
        if (!binaryValue.isUndefined()) {
            const auto decoded = QByteArray::fromBase64Encoding(
                binaryValue.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return std::unexpected(Sqs::Errors::invalidParameterValue(
                    u"The message attribute '%1' has an invalid BinaryValue: not base64."_s.arg(
                        it.key())));
            attribute.binaryValue = *decoded;
        }
        attributes.insert(it.key(), attribute);
    }
    return attributes;
}

bool hasListValues(const QJsonObject &input)
{
    for (const QString &member : {u"MessageAttributes"_s, u"MessageSystemAttributes"_s}) {
        const QJsonObject attributes = input.value(member).toObject();
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            const QJsonObject value = it.value().toObject();
            // JSON names the lists ...ListValues; an empty Query list stays ...ListValue.
            for (const QString &key : {u"StringListValues"_s,
                     u"BinaryListValues"_s,
                     u"StringListValue"_s,
                     u"BinaryListValue"_s}) {
                if (value.contains(key))
                    return true;
            }
        }
    }
    return false;
}

Result<QList<QJsonObject>> entries(const QJsonObject &input)
{
    QList<QJsonObject> list;
    const QJsonValue value = input.value(u"Entries"_s);
    if (isAbsent(value))
        return list;
    if (!value.isArray())
        return std::unexpected(wrongType(u"Entries"_s));
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isObject())
            return std::unexpected(wrongType(u"Entries"_s));
        list.append(item.toObject());
    }
    return list;
}

QJsonObject messageAttributesToJson(const Sqs::MessageAttributes &attributes)
{
    QJsonObject object;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        QJsonObject value{{u"DataType"_s, it->dataType}};
        if (it->isBinary())
            value.insert(u"BinaryValue"_s, QString::fromLatin1(it->binaryValue.toBase64()));
        else
            value.insert(u"StringValue"_s, it->stringValue);
        object.insert(it.key(), value);
    }
    return object;
}

QJsonObject stringMapToJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject messageToJson(const Sqs::Message &message)
{
    QJsonObject object{
        {u"MessageId"_s, message.messageId},
        {u"ReceiptHandle"_s, message.receiptHandle},
        {u"MD5OfBody"_s, message.md5OfBody},
        {u"Body"_s, message.body},
    };
    if (!message.systemAttributeValues.isEmpty())
        object.insert(u"Attributes"_s, stringMapToJson(message.systemAttributeValues));
    if (!message.attributes.isEmpty()) {
        object.insert(u"MD5OfMessageAttributes"_s, message.md5OfAttributes);
        object.insert(u"MessageAttributes"_s, messageAttributesToJson(message.attributes));
    }
    return object;
}

} // namespace Core::Api::SqsWire
