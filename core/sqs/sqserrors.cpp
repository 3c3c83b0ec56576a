// SPDX-License-Identifier: MIT
#include "core/sqs/sqserrors.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Core::Sqs::Errors {

QString queryErrorCode(const QString &code)
{
    // botocore's awsQueryError codes of the SQS model (JSON code -> Query code).
    static const QHash<QString, QString> codes{
        {u"QueueDoesNotExist"_s, u"AWS.SimpleQueueService.NonExistentQueue"_s},
        {u"QueueNameExists"_s, u"QueueAlreadyExists"_s},
        {u"QueueDeletedRecently"_s, u"AWS.SimpleQueueService.QueueDeletedRecently"_s},
        {u"MessageNotInflight"_s, u"AWS.SimpleQueueService.MessageNotInflight"_s},
        {u"PurgeQueueInProgress"_s, u"AWS.SimpleQueueService.PurgeQueueInProgress"_s},
        {u"TooManyEntriesInBatchRequest"_s,
            u"AWS.SimpleQueueService.TooManyEntriesInBatchRequest"_s},
        {u"EmptyBatchRequest"_s, u"AWS.SimpleQueueService.EmptyBatchRequest"_s},
        {u"BatchEntryIdsNotDistinct"_s, u"AWS.SimpleQueueService.BatchEntryIdsNotDistinct"_s},
        {u"InvalidBatchEntryId"_s, u"AWS.SimpleQueueService.InvalidBatchEntryId"_s},
        {u"BatchRequestTooLong"_s, u"AWS.SimpleQueueService.BatchRequestTooLong"_s},
        {u"UnsupportedOperation"_s, u"AWS.SimpleQueueService.UnsupportedOperation"_s},
    };
    return codes.value(code, code);
}

AwsError queueDoesNotExist()
{
    return {u"QueueDoesNotExist"_s, u"The specified queue does not exist."_s, 400, true};
}

AwsError queueNameExists(const QString &name)
{
    return {u"QueueNameExists"_s,
        u"A queue already exists with the same name and a different value for attribute(s) %1"_s
            .arg(name),
        400,
        true};
}

AwsError queueDeletedRecently()
{
    return {u"QueueDeletedRecently"_s,
        u"You must wait 60 seconds after deleting a queue before you can create another queue "
        u"with the same name."_s,
        400,
        true};
}

AwsError invalidAttributeName(const QString &name)
{
    return {u"InvalidAttributeName"_s, u"Unknown Attribute %1."_s.arg(name), 400, true};
}

AwsError invalidAttributeValue(const QString &name, const QString &reason)
{
    QString message = u"Invalid value for the parameter %1."_s.arg(name);
    if (!reason.isEmpty())
        message += u" Reason: "_s + reason;
    return {u"InvalidAttributeValue"_s, message, 400, true};
}

AwsError invalidParameterValue(const QString &message)
{
    return {u"InvalidParameterValue"_s, message, 400, true};
}

AwsError missingParameter(const QString &name)
{
    return {u"MissingParameter"_s,
        u"The request must contain the parameter %1."_s.arg(name),
        400,
        true};
}

AwsError receiptHandleIsInvalid(const QString &handle)
{
    return {u"ReceiptHandleIsInvalid"_s,
        u"The input receipt handle \"%1\" is not a valid receipt handle."_s.arg(handle),
        400,
        true};
}

AwsError receiptHandleExpired(const QString &handle)
{
    return invalidParameterValue(
        u"Value %1 for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired."_s
            .arg(handle));
}

AwsError messageNotInflight()
{
    return {u"MessageNotInflight"_s, u"The message referred to isn't in flight."_s, 400, true};
}

AwsError purgeQueueInProgress(const QString &queueUrlOrName)
{
    return {u"PurgeQueueInProgress"_s,
        u"Only one PurgeQueue operation on %1 is allowed every 60 seconds."_s.arg(queueUrlOrName),
        403,
        true};
}

AwsError tooManyEntriesInBatchRequest(int count)
{
    return {u"TooManyEntriesInBatchRequest"_s,
        u"Maximum number of entries per request are 10. You have sent %1."_s.arg(count),
        400,
        true};
}

AwsError emptyBatchRequest(const QString &entryName)
{
    return {u"EmptyBatchRequest"_s,
        u"There should be at least one %1 in the request."_s.arg(entryName),
        400,
        true};
}

AwsError batchEntryIdsNotDistinct(const QString &id)
{
    return {u"BatchEntryIdsNotDistinct"_s, u"Id %1 repeated."_s.arg(id), 400, true};
}

AwsError invalidBatchEntryId()
{
    return {u"InvalidBatchEntryId"_s,
        u"A batch entry id can only contain alphanumeric characters, hyphens and underscores. "
        u"It can be at most 80 letters long."_s,
        400,
        true};
}

AwsError batchRequestTooLong(qint64 size)
{
    return {u"BatchRequestTooLong"_s,
        u"Batch requests cannot be longer than 1048576 bytes. You have sent %1 bytes."_s.arg(size),
        400,
        true};
}

AwsError invalidMessageContents(uint codePoint)
{
    return {u"InvalidMessageContents"_s,
        u"Invalid binary character '#x%1' was found in the message body, the set of allowed "
        u"characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to "
        u"#x10FFFF"_s.arg(QString::number(codePoint, 16).toUpper()),
        400,
        true};
}

AwsError unsupportedOperation(const QString &message)
{
    return {u"UnsupportedOperation"_s, message, 400, true};
}

AwsError resourceNotFound(const QString &message)
{
    return {u"ResourceNotFoundException"_s, message, 404, true};
}

AwsError overLimit(const QString &message)
{
    return {u"OverLimit"_s, message, 403, true};
}

} // namespace Core::Sqs::Errors
