// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QJsonValue>

namespace Core::DynamoDb::Errors {

// DynamoDB's errors with AWS's codes and message wording.
AwsError validation(const QString &message);
// "One or more parameter values were invalid: <message>"
AwsError invalidParameter(const QString &message);
AwsError serialization(const QJsonValue &unexpected);
// "1 validation error detected: Value at '<member>' failed to satisfy constraint: Member must
// have length ..." for a list of `size` members where 1..max are allowed.
AwsError listLength(const QString &member, qsizetype size, qsizetype max);
AwsError resourceNotFound(const QString &tableName = {});
AwsError resourceInUse(const QString &message);
AwsError conditionalCheckFailed();
AwsError limitExceeded(const QString &message);
AwsError idempotentParameterMismatch();
// A table with an LSI: one partition key's items grew past 10 GB.
AwsError itemCollectionSizeLimitExceeded();
// globalIndex: a GSI of the table, not the table, is out of capacity.
AwsError provisionedThroughputExceeded(bool globalIndex = false);

} // namespace Core::DynamoDb::Errors
