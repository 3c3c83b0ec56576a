// SPDX-License-Identifier: MIT
#include "core/dynamodb/attributevalue.h"

#include "core/dynamodb/dynamodberrors.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

QString typeName(AttributeType type)
{
    switch (type) {
    case AttributeType::S:
        return u"S"_s;
    case AttributeType::N:
        return u"N"_s;
    case AttributeType::B:
        return u"B"_s;
    case AttributeType::Bool:
        return u"BOOL"_s;
    case AttributeType::Null:
        return u"NULL"_s;
    case AttributeType::M:
        return u"M"_s;
    case AttributeType::L:
        return u"L"_s;
    case AttributeType::SS:
        return u"SS"_s;
    case AttributeType::NS:
        return u"NS"_s;
    case AttributeType::BS:
        return u"BS"_s;
    }
    return {};
}

AttributeValue AttributeValue::string(const QString &value)
{
    AttributeValue v;
    v.type = AttributeType::S;
    v.s = value;
    return v;
}

AttributeValue AttributeValue::number(const Decimal &value)
{
    AttributeValue v;
    v.type = AttributeType::N;
    v.n = value;
    return v;
}

AttributeValue AttributeValue::binary(const QByteArray &value)
{
    AttributeValue v;
    v.type = AttributeType::B;
    v.b = value;
    return v;
}

AttributeValue AttributeValue::fromBool(bool value)
{
    AttributeValue v;
    v.type = AttributeType::Bool;
    v.boolean = value;
    return v;
}

AttributeValue AttributeValue::null()
{
    AttributeValue v;
    v.type = AttributeType::Null;
    v.boolean = true;
    return v;
}

bool AttributeValue::isSet() const
{
    return type == AttributeType::SS || type == AttributeType::NS || type == AttributeType::BS;
}

bool AttributeValue::isScalarKeyType() const
{
    return type == AttributeType::S || type == AttributeType::N || type == AttributeType::B;
}

int AttributeValue::setSize() const
{
    switch (type) {
    case AttributeType::SS:
        return int(ss.size());
    case AttributeType::NS:
        return int(ns.size());
    case AttributeType::BS:
        return int(bs.size());
    default:
        return 0;
    }
}

namespace {

template<typename T> bool sameElements(const QList<T> &a, const QList<T> &b)
{
    if (a.size() != b.size())
        return false;
    return std::all_of(a.cbegin(), a.cend(), [&b](const T &x) { return b.contains(x); });
}

} // namespace

bool operator==(const AttributeValue &a, const AttributeValue &b)
{
    if (a.type != b.type)
        return false;
    switch (a.type) {
    case AttributeType::S:
        return a.s == b.s;
    case AttributeType::N:
        return a.n == b.n;
    case AttributeType::B:
        return a.b == b.b;
    case AttributeType::Bool:
        return a.boolean == b.boolean;
    case AttributeType::Null:
        return true;
    case AttributeType::M:
        return a.m == b.m;
    case AttributeType::L:
        return a.l == b.l;
    case AttributeType::SS:
        return sameElements(a.ss, b.ss);
    case AttributeType::NS:
        return sameElements(a.ns, b.ns);
    case AttributeType::BS:
        return sameElements(a.bs, b.bs);
    }
    return false;
}

int compareScalars(const AttributeValue &a, const AttributeValue &b)
{
    switch (a.type) {
    case AttributeType::S:
        return std::clamp(a.s.toUtf8().compare(b.s.toUtf8()), -1, 1);
    case AttributeType::N:
        return compare(a.n, b.n);
    case AttributeType::B:
        return std::clamp(a.b.compare(b.b), -1, 1);
    default:
        return 0;
    }
}

namespace {

Result<Decimal> parseNumber(const QJsonValue &json)
{
    if (!json.isString())
        return std::unexpected(Errors::serialization(json));
    Decimal::ParseError error = Decimal::ParseError::None;
    const auto value = Decimal::parse(json.toString(), &error);
    if (!value)
        return std::unexpected(Errors::validation(Decimal::errorMessage(error)));
    return *value;
}

Result<QByteArray> parseBinary(const QJsonValue &json)
{
    if (!json.isString())
        return std::unexpected(Errors::serialization(json));
    const auto decoded = QByteArray::fromBase64Encoding(
        json.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::unexpected(Errors::serialization(json));
    return decoded.decoded;
}

QString setTypeWord(AttributeType type)
{
    switch (type) {
    case AttributeType::SS:
        return u"string"_s;
    case AttributeType::NS:
        return u"number"_s;
    default:
        return u"binary"_s;
    }
}

Status checkDuplicates(const QStringList &shown, qsizetype distinct)
{
    if (distinct == shown.size())
        return {};
    return std::unexpected(Errors::invalidParameter(
        u"Input collection [%1] contains duplicates."_s.arg(shown.join(u", "_s))));
}

Result<AttributeValue> parseSet(AttributeType type, const QJsonValue &json)
{
    if (!json.isArray())
        return std::unexpected(Errors::serialization(json));
    const QJsonArray array = json.toArray();
    if (array.isEmpty())
        return std::unexpected(
            Errors::invalidParameter(u"An %1 set  may not be empty"_s.arg(setTypeWord(type))));
    AttributeValue value;
    value.type = type;
    QStringList shown;
    for (const QJsonValue &element : array) {
        if (!element.isString())
            return std::unexpected(Errors::serialization(element));
        shown.append(element.toString());
        if (type == AttributeType::SS) {
            value.ss.append(element.toString());
        } else if (type == AttributeType::NS) {
            auto number = parseNumber(element);
            if (!number)
                return std::unexpected(number.error());
            value.ns.append(*number);
        } else {
            auto bytes = parseBinary(element);
            if (!bytes)
                return std::unexpected(bytes.error());
            value.bs.append(*bytes);
        }
    }
    qsizetype distinct = 0;
    if (type == AttributeType::SS) {
        distinct = QSet<QString>(value.ss.cbegin(), value.ss.cend()).size();
    } else if (type == AttributeType::BS) {
        distinct = QSet<QByteArray>(value.bs.cbegin(), value.bs.cend()).size();
    } else {
        QList<Decimal> sorted = value.ns;
        std::sort(sorted.begin(), sorted.end());
        distinct = std::unique(sorted.begin(), sorted.end()) - sorted.begin();
    }
    if (auto ok = checkDuplicates(shown, distinct); !ok)
        return std::unexpected(ok.error());
    return value;
}

} // namespace

namespace {

// AWS: documents nest up to 32 levels of maps and lists.
constexpr int MaxNestingLevels = 32;

Result<AttributeValue> attributeFromJsonAt(const QJsonValue &json, int depth)
{
    if (!json.isObject())
        return std::unexpected(Errors::serialization(json));
    const QJsonObject object = json.toObject();
    if (object.isEmpty())
        return std::unexpected(Errors::validation(
            u"Supplied AttributeValue is empty, must contain exactly one of the supported "
            u"datatypes"_s));
    if (object.size() > 1)
        return std::unexpected(Errors::validation(
            u"Supplied AttributeValue has more than one datatypes set, must contain exactly one "
            u"of the supported datatypes"_s));
    const QString key = object.begin().key();
    const QJsonValue payload = object.begin().value();
    AttributeValue value;
    if (key == u"S") {
        if (!payload.isString())
            return std::unexpected(Errors::serialization(payload));
        return AttributeValue::string(payload.toString());
    }
    if (key == u"N") {
        auto number = parseNumber(payload);
        if (!number)
            return std::unexpected(number.error());
        return AttributeValue::number(*number);
    }
    if (key == u"B") {
        auto bytes = parseBinary(payload);
        if (!bytes)
            return std::unexpected(bytes.error());
        return AttributeValue::binary(*bytes);
    }
    if (key == u"BOOL") {
        if (!payload.isBool())
            return std::unexpected(Errors::serialization(payload));
        return AttributeValue::fromBool(payload.toBool());
    }
    if (key == u"NULL") {
        if (!payload.isBool())
            return std::unexpected(Errors::serialization(payload));
        if (!payload.toBool())
            return std::unexpected(Errors::invalidParameter(
                u"Null attribute value types must have the value of true"_s));
        return AttributeValue::null();
    }
    if ((key == u"M" || key == u"L") && depth >= MaxNestingLevels)
        return std::unexpected(
            Errors::validation(u"Nesting Levels have exceeded supported limits"_s));
    if (key == u"M") {
        if (!payload.isObject())
            return std::unexpected(Errors::serialization(payload));
        value.type = AttributeType::M;
        const QJsonObject map = payload.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            auto element = attributeFromJsonAt(it.value(), depth + 1);
            if (!element)
                return std::unexpected(element.error());
            value.m.insert(it.key(), *element);
        }
        return value;
    }
    if (key == u"L") {
        if (!payload.isArray())
            return std::unexpected(Errors::serialization(payload));
        value.type = AttributeType::L;
        for (const QJsonValue &entry : payload.toArray()) {
            auto element = attributeFromJsonAt(entry, depth + 1);
            if (!element)
                return std::unexpected(element.error());
            value.l.append(*element);
        }
        return value;
    }
    if (key == u"SS")
        return parseSet(AttributeType::SS, payload);
    if (key == u"NS")
        return parseSet(AttributeType::NS, payload);
    if (key == u"BS")
        return parseSet(AttributeType::BS, payload);
    return std::unexpected(Errors::validation(
        u"Supplied AttributeValue is empty, must contain exactly one of the supported "
        u"datatypes"_s));
}

} // namespace

Result<AttributeValue> attributeFromJson(const QJsonValue &json)
{
    return attributeFromJsonAt(json, 0);
}

Result<Item> itemFromJson(const QJsonValue &json)
{
    if (!json.isObject())
        return std::unexpected(Errors::serialization(json));
    Item item;
    const QJsonObject object = json.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        auto value = attributeFromJson(it.value());
        if (!value)
            return std::unexpected(value.error());
        item.insert(it.key(), *value);
    }
    return item;
}

QJsonObject attributeToJson(const AttributeValue &value)
{
    switch (value.type) {
    case AttributeType::S:
        return {{u"S"_s, value.s}};
    case AttributeType::N:
        return {{u"N"_s, value.n.toString()}};
    case AttributeType::B:
        return {{u"B"_s, QString::fromLatin1(value.b.toBase64())}};
    case AttributeType::Bool:
        return {{u"BOOL"_s, value.boolean}};
    case AttributeType::Null:
        return {{u"NULL"_s, true}};
    case AttributeType::M:
        return {{u"M"_s, itemToJson(value.m)}};
    case AttributeType::L: {
        QJsonArray array;
        for (const AttributeValue &element : value.l)
            array.append(attributeToJson(element));
        return {{u"L"_s, array}};
    }
    case AttributeType::SS:
        return {{u"SS"_s, QJsonArray::fromStringList(value.ss)}};
    case AttributeType::NS: {
        QJsonArray array;
        for (const Decimal &element : value.ns)
            array.append(element.toString());
        return {{u"NS"_s, array}};
    }
    case AttributeType::BS: {
        QJsonArray array;
        for (const QByteArray &element : value.bs)
            array.append(QString::fromLatin1(element.toBase64()));
        return {{u"BS"_s, array}};
    }
    }
    return {};
}

QJsonObject itemToJson(const Item &item)
{
    QJsonObject object;
    for (auto it = item.cbegin(); it != item.cend(); ++it)
        object.insert(it.key(), attributeToJson(it.value()));
    return object;
}

namespace {

qint64 numberSize(const Decimal &value)
{
    return (value.significantDigits() + 1) / 2 + 1;
}

} // namespace

qint64 attributeSize(const AttributeValue &value)
{
    switch (value.type) {
    case AttributeType::S:
        return value.s.toUtf8().size();
    case AttributeType::N:
        return numberSize(value.n);
    case AttributeType::B:
        return value.b.size();
    case AttributeType::Bool:
    case AttributeType::Null:
        return 1;
    case AttributeType::M: {
        qint64 size = 3;
        for (auto it = value.m.cbegin(); it != value.m.cend(); ++it)
            size += 1 + it.key().toUtf8().size() + attributeSize(it.value());
        return size;
    }
    case AttributeType::L: {
        qint64 size = 3;
        for (const AttributeValue &element : value.l)
            size += 1 + attributeSize(element);
        return size;
    }
    case AttributeType::SS: {
        qint64 size = 0;
        for (const QString &element : value.ss)
            size += element.toUtf8().size();
        return size;
    }
    case AttributeType::NS: {
        qint64 size = 0;
        for (const Decimal &element : value.ns)
            size += numberSize(element);
        return size;
    }
    case AttributeType::BS: {
        qint64 size = 0;
        for (const QByteArray &element : value.bs)
            size += element.size();
        return size;
    }
    }
    return 0;
}

qint64 itemSize(const Item &item)
{
    qint64 size = 0;
    for (auto it = item.cbegin(); it != item.cend(); ++it)
        size += it.key().toUtf8().size() + attributeSize(it.value());
    return size;
}

} // namespace Core::DynamoDb
