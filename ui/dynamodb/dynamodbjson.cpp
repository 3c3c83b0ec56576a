// SPDX-License-Identifier: MIT
#include "ui/dynamodb/dynamodbjson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb::DynamoDbJson {

namespace {

QJsonValue plainValue(const QJsonObject &value)
{
    const QString type = value.begin().key();
    const QJsonValue payload = value.begin().value();
    if (type == u"N" || type == u"NS") {
        if (type == u"N")
            return payload.toString().toDouble();
        QJsonArray numbers;
        for (const QJsonValue &n : payload.toArray())
            numbers.append(n.toString().toDouble());
        return numbers;
    }
    if (type == u"NULL")
        return QJsonValue::Null;
    if (type == u"M")
        return toPlain(payload.toObject());
    if (type == u"L") {
        QJsonArray list;
        for (const QJsonValue &element : payload.toArray())
            list.append(plainValue(element.toObject()));
        return list;
    }
    return payload; // S, B (base64), BOOL, SS, BS
}

QJsonObject typedValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return {{u"BOOL"_s, value.toBool()}};
    case QJsonValue::Double:
        return {{u"N"_s, QString::number(value.toDouble(), 'g', 17)}};
    case QJsonValue::String:
        return {{u"S"_s, value.toString()}};
    case QJsonValue::Array: {
        QJsonArray list;
        for (const QJsonValue &element : value.toArray())
            list.append(typedValue(element));
        return {{u"L"_s, list}};
    }
    case QJsonValue::Object:
        return {{u"M"_s, fromPlain(value.toObject())}};
    default:
        return {{u"NULL"_s, true}};
    }
}

} // namespace

QJsonObject toPlain(const QJsonObject &item)
{
    QJsonObject plain;
    for (auto it = item.begin(); it != item.end(); ++it)
        plain.insert(it.key(), plainValue(it.value().toObject()));
    return plain;
}

QJsonObject fromPlain(const QJsonObject &plain)
{
    QJsonObject item;
    for (auto it = plain.begin(); it != plain.end(); ++it)
        item.insert(it.key(), typedValue(it.value()));
    return item;
}

QString typeOf(const QJsonObject &attributeValue)
{
    return attributeValue.isEmpty() ? QString() : attributeValue.begin().key();
}

QString displayText(const QJsonObject &attributeValue)
{
    if (attributeValue.isEmpty())
        return {};
    const QString type = attributeValue.begin().key();
    const QJsonValue payload = attributeValue.begin().value();
    if (type == u"S" || type == u"N" || type == u"B")
        return payload.toString();
    if (type == u"BOOL")
        return payload.toBool() ? u"true"_s : u"false"_s;
    if (type == u"NULL")
        return u"null"_s;
    if (payload.isArray())
        return QString::fromUtf8(
            QJsonDocument(plainValue(attributeValue).toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(
        QJsonDocument(plainValue(attributeValue).toObject()).toJson(QJsonDocument::Compact));
}

} // namespace Gui::DynamoDb::DynamoDbJson
