// SPDX-License-Identifier: MIT
#include "core/dynamodb/keycodec.h"

#include "core/dynamodb/dynamodberrors.h"

using namespace Qt::StringLiterals;

namespace Core::DynamoDb::KeyCodec {

QByteArray encode(const AttributeValue &value)
{
    switch (value.type) {
    case AttributeType::S:
        return value.s.toUtf8();
    case AttributeType::N:
        return value.n.sortableBytes();
    case AttributeType::B:
        return value.b;
    default:
        return {};
    }
}

QByteArray noRange()
{
    return QByteArray(1, '\0');
}

int segmentOf(const QByteArray &hashKey)
{
    quint32 hash = 2166136261u;
    for (const char byte : hashKey) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return int(hash % quint32(SegmentSpace));
}

namespace {

bool isEmptyValue(const AttributeValue &value)
{
    return (value.type == AttributeType::S && value.s.isEmpty())
        || (value.type == AttributeType::B && value.b.isEmpty());
}

AwsError emptyKey(const QString &name, const AttributeValue &value)
{
    return Errors::validation(
        u"One or more parameter values are not valid. The AttributeValue for a key attribute "
        u"cannot contain an empty %1 value. Key: %2"_s.arg(
            value.type == AttributeType::S ? u"string"_s : u"binary"_s, name));
}

} // namespace

Result<EncodedKey> fromItem(const Item &item, const KeySchema &schema)
{
    EncodedKey key;
    for (int part = 0; part < (schema.hasRange() ? 2 : 1); ++part) {
        const QString &name = part == 0 ? schema.hashName : schema.rangeName;
        const AttributeType type = part == 0 ? schema.hashType : schema.rangeType;
        const auto it = item.constFind(name);
        if (it == item.cend())
            return std::unexpected(
                Errors::invalidParameter(u"Missing the key %1 in the item"_s.arg(name)));
        if (it->type != type)
            return std::unexpected(
                Errors::invalidParameter(u"Type mismatch for key %1 expected: %2 actual: %3"_s.arg(
                    name, typeName(type), typeName(it->type))));
        if (isEmptyValue(*it))
            return std::unexpected(emptyKey(name, *it));
        (part == 0 ? key.hash : key.range) = encode(*it);
    }
    if (!schema.hasRange())
        key.range = noRange();
    return key;
}

Result<EncodedKey> fromKey(const Item &keyItem, const KeySchema &schema)
{
    const auto mismatch = [] {
        return std::unexpected(
            Errors::validation(u"The provided key element does not match the schema"_s));
    };
    if (keyItem.size() != (schema.hasRange() ? 2 : 1))
        return mismatch();
    EncodedKey key;
    for (int part = 0; part < (schema.hasRange() ? 2 : 1); ++part) {
        const QString &name = part == 0 ? schema.hashName : schema.rangeName;
        const AttributeType type = part == 0 ? schema.hashType : schema.rangeType;
        const auto it = keyItem.constFind(name);
        if (it == keyItem.cend() || it->type != type)
            return mismatch();
        if (isEmptyValue(*it))
            return std::unexpected(emptyKey(name, *it));
        (part == 0 ? key.hash : key.range) = encode(*it);
    }
    if (!schema.hasRange())
        key.range = noRange();
    return key;
}

Result<std::optional<EncodedKey>> indexKey(const Item &item, const SecondaryIndex &index)
{
    EncodedKey key;
    for (int part = 0; part < (index.key.hasRange() ? 2 : 1); ++part) {
        const QString &name = part == 0 ? index.key.hashName : index.key.rangeName;
        const AttributeType type = part == 0 ? index.key.hashType : index.key.rangeType;
        const auto it = item.constFind(name);
        if (it == item.cend())
            return std::optional<EncodedKey>();
        if (it->type != type)
            return std::unexpected(Errors::invalidParameter(
                u"Type mismatch for Index Key %1 Expected: %2 Actual: %3 IndexName: %4"_s.arg(
                    name, typeName(type), typeName(it->type), index.name)));
        if (isEmptyValue(*it))
            return std::unexpected(Errors::validation(
                u"One or more parameter values are not valid. A value specified for a secondary "
                u"index key is not supported. The AttributeValue for a key attribute cannot "
                u"contain an empty %1 value. IndexName: %2, IndexKey: %3"_s.arg(
                    it->type == AttributeType::S ? u"string"_s : u"binary"_s, index.name, name)));
        (part == 0 ? key.hash : key.range) = encode(*it);
    }
    if (!index.key.hasRange())
        key.range = noRange();
    return std::optional<EncodedKey>(key);
}

Item keyAttributes(const Item &item, const KeySchema &schema)
{
    Item key;
    key.insert(schema.hashName, item.value(schema.hashName));
    if (schema.hasRange())
        key.insert(schema.rangeName, item.value(schema.rangeName));
    return key;
}

std::optional<QByteArray> prefixEnd(QByteArray prefix)
{
    while (!prefix.isEmpty()) {
        const quint8 last = quint8(prefix.back());
        if (last < 0xff) {
            prefix.back() = char(last + 1);
            return prefix;
        }
        prefix.chop(1);
    }
    return std::nullopt;
}

} // namespace Core::DynamoDb::KeyCodec
