// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

namespace Core::Logs::Errors {

// Codes and messages as CloudWatch Logs sends them.
inline AwsError groupNotFound()
{
    return {QStringLiteral("ResourceNotFoundException"),
        QStringLiteral("The specified log group does not exist.")};
}

inline AwsError streamNotFound()
{
    return {QStringLiteral("ResourceNotFoundException"),
        QStringLiteral("The specified log stream does not exist.")};
}

inline AwsError groupExists()
{
    return {QStringLiteral("ResourceAlreadyExistsException"),
        QStringLiteral("The specified log group already exists")};
}

inline AwsError streamExists()
{
    return {QStringLiteral("ResourceAlreadyExistsException"),
        QStringLiteral("The specified log stream already exists")};
}

inline AwsError invalidParameter(const QString &message)
{
    return {QStringLiteral("InvalidParameterException"), message};
}

// "1 validation error detected: Value 'x' at 'field' failed to satisfy constraint: ..."
inline AwsError validation(const QString &value, const QString &field, const QString &constraint)
{
    return invalidParameter(
        QStringLiteral("1 validation error detected: Value '%1' at '%2' failed to satisfy "
                       "constraint: %3")
            .arg(value, field, constraint));
}

} // namespace Core::Logs::Errors
