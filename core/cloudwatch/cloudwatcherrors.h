// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

namespace Core::CloudWatch::CloudWatchErrors {

// CloudWatch's two most common errors, worded as AWS words them.
inline std::unexpected<AwsError> invalidValue(const QString &value, const QString &parameter)
{
    return fail(QStringLiteral("InvalidParameterValue"),
        QStringLiteral("The value %1 for parameter %2 is invalid.").arg(value, parameter));
}

inline std::unexpected<AwsError> missing(const QString &parameter)
{
    return fail(QStringLiteral("MissingParameter"),
        QStringLiteral("The parameter %1 is required.").arg(parameter));
}

} // namespace Core::CloudWatch::CloudWatchErrors
