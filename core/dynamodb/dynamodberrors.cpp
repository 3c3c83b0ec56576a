// SPDX-License-Identifier: MIT
#include "core/dynamodb/dynamodberrors.h"

using namespace Qt::StringLiterals;

namespace Core::DynamoDb::Errors {

AwsError validation(const QString &message)
{
    return AwsError{u"ValidationException"_s, message, 400, true};
}

AwsError invalidParameter(const QString &message)
{
    return validation(u"One or more parameter values were invalid: "_s + message);
}

AwsError listLength(const QString &member, qsizetype size, qsizetype max)
{
    return validation(
        u"1 validation error detected: Value at '%1' failed to satisfy constraint: "
        u"Member must have length %2"_s.arg(member,
            size < 1 ? u"greater than or equal to 1"_s : u"less than or equal to %1"_s.arg(max)));
}

AwsError serialization(const QJsonValue &unexpected)
{
    QString kind = u"NULL_VALUE"_s;
    if (unexpected.isString())
        kind = u"STRING_VALUE"_s;
    else if (unexpected.isDouble())
        kind = u"NUMBER_VALUE"_s;
    else if (unexpected.isBool())
        kind = u"BOOLEAN_VALUE"_s;
    else if (unexpected.isArray())
        kind = u"START_ARRAY"_s;
    else if (unexpected.isObject())
        kind = u"START_OBJECT"_s;
    return AwsError{u"SerializationException"_s,
        u"Unexpected token received from parser: %1"_s.arg(kind),
        400,
        true};
}

AwsError resourceNotFound(const QString &tableName)
{
    return AwsError{u"ResourceNotFoundException"_s,
        tableName.isEmpty() ? u"Requested resource not found"_s
                            : u"Requested resource not found: Table: %1 not found"_s.arg(tableName),
        400,
        true};
}

AwsError resourceInUse(const QString &message)
{
    return AwsError{u"ResourceInUseException"_s, message, 400, true};
}

AwsError conditionalCheckFailed()
{
    return AwsError{
        u"ConditionalCheckFailedException"_s, u"The conditional request failed"_s, 400, true};
}

AwsError limitExceeded(const QString &message)
{
    return AwsError{u"LimitExceededException"_s, message, 400, true};
}

AwsError idempotentParameterMismatch()
{
    return AwsError{u"IdempotentParameterMismatchException"_s,
        u"The request uses the same client token as a previous, but non-identical request."_s,
        400,
        true};
}

AwsError itemCollectionSizeLimitExceeded()
{
    return AwsError{
        u"ItemCollectionSizeLimitExceededException"_s, u"Collection size exceeded."_s, 400, true};
}

AwsError provisionedThroughputExceeded(bool globalIndex)
{
    return AwsError{u"ProvisionedThroughputExceededException"_s,
        globalIndex
            ? u"The level of configured provisioned throughput for one or more global secondary "
              u"indexes of the table was exceeded. Consider increasing your provisioning level "
              u"for the under-provisioned global secondary indexes with the UpdateTable API."_s
            : u"The level of configured provisioned throughput for the table was exceeded. "
              u"Consider increasing your provisioning level with the UpdateTable API."_s,
        400,
        true};
}

} // namespace Core::DynamoDb::Errors
