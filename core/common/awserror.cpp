// SPDX-License-Identifier: MIT
#include "core/common/awserror.h"

using namespace Qt::StringLiterals;

namespace Core::CommonErrors {

AwsError internalFailure(const QString &message)
{
    return {u"InternalFailure"_s, message, 500, false};
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

AwsError notImplemented(const QString &service, const QString &operation)
{
    return {u"NotImplemented"_s,
        u"The operation %1 of service %2 is not implemented in Cloudbench yet."_s.arg(
            operation, service),
        501,
        false};
}

AwsError invalidAction(const QString &operation)
{
    return {u"InvalidAction"_s,
        u"The action or operation requested is invalid. Verify that the action is typed "
        u"correctly: %1"_s.arg(operation),
        400,
        true};
}

AwsError serialization(const QString &message)
{
    return {u"SerializationException"_s, message, 400, true};
}

AwsError malformedInput(const QString &message)
{
    return {u"MalformedInput"_s, message, 400, true};
}

} // namespace Core::CommonErrors
