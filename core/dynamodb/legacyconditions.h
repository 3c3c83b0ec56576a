// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QJsonObject>
#include <QStringList>

namespace Core::DynamoDb::LegacyConditions {

// The pre-2014 condition parameters (KeyConditions, QueryFilter, ScanFilter, Expected,
// AttributeUpdates, with ConditionalOperator), which older SDK code, the Java DynamoDBMapper and
// many tutorials still send, rewritten into the expression parameters that replaced them
// (AWS: "Legacy conditional parameters"). A request without them comes back unchanged; one that
// mixes them with expression parameters is refused as AWS refuses it. AttributesToGet stays: it
// is served as it is.
Result<QJsonObject> toExpressions(const QJsonObject &request);
// The legacy condition parameters the request holds (AttributesToGet is not one of them).
QStringList conditionParameters(const QJsonObject &request);

} // namespace Core::DynamoDb::LegacyConditions
