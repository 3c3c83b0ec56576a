// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

// SQS errors with AWS's codes and messages verbatim. `code` is the JSON protocol's short code
// (com.amazonaws.sqs#<code>); queryErrorCode() gives the code the Query protocol and the
// x-amzn-query-error header use (AWS.SimpleQueueService.NonExistentQueue ...).
namespace Core::Sqs::Errors {

QString queryErrorCode(const QString &code);

AwsError queueDoesNotExist();
AwsError queueNameExists(const QString &name);
AwsError queueDeletedRecently();
AwsError invalidAttributeName(const QString &name);
AwsError invalidAttributeValue(const QString &name, const QString &reason = {});
AwsError invalidParameterValue(const QString &message);
AwsError missingParameter(const QString &name);
AwsError receiptHandleIsInvalid(const QString &handle);
AwsError receiptHandleExpired(const QString &handle);
AwsError messageNotInflight();
AwsError purgeQueueInProgress(const QString &queueUrlOrName);
AwsError tooManyEntriesInBatchRequest(int count);
AwsError emptyBatchRequest(const QString &entryName);
AwsError batchEntryIdsNotDistinct(const QString &id);
AwsError invalidBatchEntryId();
AwsError batchRequestTooLong(qint64 size);
AwsError invalidMessageContents(uint codePoint);
AwsError unsupportedOperation(const QString &message);
AwsError resourceNotFound(const QString &message);
AwsError overLimit(const QString &message);

} // namespace Core::Sqs::Errors
