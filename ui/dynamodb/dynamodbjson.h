// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace Gui::DynamoDb::DynamoDbJson {

// The console's two views of an item: DynamoDB JSON ({"n":{"N":"1"}}) and plain JSON
// ({"n":1}). Plain JSON numbers are doubles, so the editor keeps DynamoDB JSON for exact
// numbers and sets, as the AWS console does.
QJsonObject toPlain(const QJsonObject &item);
QJsonObject fromPlain(const QJsonObject &plain);
QString displayText(const QJsonObject &attributeValue);
QString typeOf(const QJsonObject &attributeValue);

} // namespace Gui::DynamoDb::DynamoDbJson
