// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/dynamodb/decimal.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Core::DynamoDb {

enum class AttributeType {
    S,
    N,
    B,
    Bool,
    Null,
    M,
    L,
    SS,
    NS,
    BS,
};

QString typeName(AttributeType type); // wire descriptor: "S", "BOOL", "NULL", "SS" ...

// One DynamoDB attribute value (the wire's {"S": "x"}). Sets keep insertion order for output
// and are compared as sets.
struct AttributeValue
{
    AttributeType type = AttributeType::Null;
    QString s;
    Decimal n;
    QByteArray b;
    bool boolean = false;
    QMap<QString, AttributeValue> m;
    QList<AttributeValue> l;
    QStringList ss;
    QList<Decimal> ns;
    QList<QByteArray> bs;

    static AttributeValue string(const QString &value);
    static AttributeValue number(const Decimal &value);
    static AttributeValue binary(const QByteArray &value);
    static AttributeValue fromBool(bool value);
    static AttributeValue null();

    bool isSet() const;
    bool isScalarKeyType() const;
    int setSize() const;

    friend bool operator==(const AttributeValue &a, const AttributeValue &b);
};

using Item = QMap<QString, AttributeValue>;

// Wire conversion. fromJson validates as AWS does (exactly one type, set rules, numbers).
Result<AttributeValue> attributeFromJson(const QJsonValue &json);
Result<Item> itemFromJson(const QJsonValue &json);
QJsonObject attributeToJson(const AttributeValue &value);
QJsonObject itemToJson(const Item &item);

// Sizes as DynamoDB bills them: names in UTF-8 bytes plus value bytes.
qint64 attributeSize(const AttributeValue &value);
qint64 itemSize(const Item &item);

// Ordering of two scalars of the same type (S by UTF-8 bytes, N numerically, B by bytes).
int compareScalars(const AttributeValue &a, const AttributeValue &b);

} // namespace Core::DynamoDb
