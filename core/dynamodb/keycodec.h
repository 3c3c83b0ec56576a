// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/dynamodb/table.h"

#include <QByteArray>

#include <optional>

namespace Core::DynamoDb::KeyCodec {

// Storage form of keys: bytes whose memcmp order is DynamoDB's order for the key's type.
struct EncodedKey
{
    QByteArray hash;
    QByteArray range;
};

QByteArray encode(const AttributeValue &value);
QByteArray noRange(); // the range bytes of a table or index without a sort key
int segmentOf(const QByteArray &hashKey); // 0 .. SegmentSpace-1, stable
constexpr int SegmentSpace = 1 << 20;

// PutItem's Item: every key attribute present, of the schema type, not empty.
Result<EncodedKey> fromItem(const Item &item, const KeySchema &schema);
// GetItem/DeleteItem/UpdateItem's Key: exactly the key attributes.
Result<EncodedKey> fromKey(const Item &key, const KeySchema &schema);
// An index's key of an item; nullopt when the item is not in the (sparse) index. Errors for
// a wrong type or an empty value as AWS reports them for index keys.
Result<std::optional<EncodedKey>> indexKey(const Item &item, const SecondaryIndex &index);

Item keyAttributes(const Item &item, const KeySchema &schema);
// The next byte string after every string with this prefix (begins_with upper bound).
std::optional<QByteArray> prefixEnd(QByteArray prefix);

} // namespace Core::DynamoDb::KeyCodec
