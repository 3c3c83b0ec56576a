// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

namespace Core::Lambda::Errors {

// Codes, statuses and messages as the Lambda API sends them.
inline AwsError validation(const QString &value, const QString &field, const QString &constraint)
{
    return {QStringLiteral("ValidationException"),
        QStringLiteral("1 validation error detected: Value '%1' at '%2' failed to satisfy "
                       "constraint: %3")
            .arg(value, field, constraint)};
}

inline AwsError invalidParameter(const QString &message)
{
    return {QStringLiteral("InvalidParameterValueException"), message};
}

inline AwsError functionNotFound(const QString &arn)
{
    return {QStringLiteral("ResourceNotFoundException"),
        QStringLiteral("Function not found: %1").arg(arn),
        404};
}

inline AwsError notFound(const QString &message)
{
    return {QStringLiteral("ResourceNotFoundException"), message, 404};
}

// Recursive loop detection stopped an invocation.
inline AwsError recursiveInvocation()
{
    return {QStringLiteral("RecursiveInvocationException"),
        QStringLiteral("Lambda has detected your function being invoked in a recursive loop with "
                       "other AWS resources and stopped your function's invocation."),
        400};
}

inline AwsError conflict(const QString &message)
{
    return {QStringLiteral("ResourceConflictException"), message, 409};
}

// Invoke answers RequestTooLargeException, CreateFunction RequestEntityTooLargeException.
inline AwsError tooLarge(qint64 limit, const QString &operation)
{
    return {operation.startsWith(QStringLiteral("Invoke"))
            ? QStringLiteral("RequestTooLargeException")
            : QStringLiteral("RequestEntityTooLargeException"),
        QStringLiteral("Request must be smaller than %1 bytes for the %2 operation")
            .arg(limit)
            .arg(operation),
        413};
}

// Invoke with InvocationType Event over the asynchronous payload limit (AWS names it so, unlike
// the synchronous RequestTooLargeException).
inline AwsError eventPayloadTooLarge(qint64 size, qint64 limit)
{
    return {QStringLiteral("RequestEntityTooLargeException"),
        QStringLiteral(
            "%1 byte payload is too large for the Event invocation type (limit %2 bytes)")
            .arg(size)
            .arg(limit),
        413};
}

inline AwsError throttled(const QString &reason)
{
    AwsError error{
        QStringLiteral("TooManyRequestsException"), QStringLiteral("Rate Exceeded."), 429};
    error.extra = {{QStringLiteral("Reason"), reason}};
    return error;
}

inline AwsError preconditionFailed()
{
    return {QStringLiteral("PreconditionFailedException"),
        QStringLiteral("The Revision Id provided does not match the latest Revision Id. Call the "
                       "GetFunction/GetAlias API to retrieve the latest Revision Id"),
        412};
}

} // namespace Core::Lambda::Errors
