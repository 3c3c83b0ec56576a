// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <limits>

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

// A NextToken Cloudbench issued: a number of at least `minimum`, or `absent` when there is no
// token; InvalidNextToken otherwise.
inline Result<qint64> tokenNumber(
    const QString &token, qint64 absent, qint64 minimum = std::numeric_limits<qint64>::min())
{
    if (token.isEmpty())
        return absent;
    bool ok = false;
    const qint64 value = token.toLongLong(&ok);
    if (!ok || value < minimum)
        return fail(QStringLiteral("InvalidNextToken"),
            QStringLiteral(
                "The service couldn't process your request because the NextToken is invalid."));
    return value;
}

} // namespace Core::CloudWatch::CloudWatchErrors
