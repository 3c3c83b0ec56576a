// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <expected>
#include <utility>

namespace Core {

// An error as AWS reports it: the code and message are wire strings, sent verbatim and never
// translated. The protocol layer decides how they are framed (XML, JSON, CBOR).
struct AwsError
{
    QString code;
    QString message;
    int httpStatus = 400;
    bool senderFault = true;
    // Extra elements some services put beside Code and Message (S3's <Key>, <BucketName>).
    QList<std::pair<QString, QString>> extra = {};
};

template<typename T> using Result = std::expected<T, AwsError>;
using Status = std::expected<void, AwsError>;

inline std::unexpected<AwsError> fail(
    const QString &code, const QString &message, int httpStatus = 400, bool senderFault = true)
{
    return std::unexpected(AwsError{code, message, httpStatus, senderFault});
}

// Errors every service shares (the "common errors" of the AWS API references).
namespace CommonErrors {
AwsError internalFailure(const QString &message);
AwsError invalidParameterValue(const QString &message);
AwsError missingParameter(const QString &name);
AwsError notImplemented(const QString &service, const QString &operation);
AwsError invalidAction(const QString &operation);
AwsError serialization(const QString &message);
// Query protocol: a parameter name the deserializer cannot place ("MessageAttribute.0.Name").
AwsError malformedInput(const QString &message);
} // namespace CommonErrors

} // namespace Core
