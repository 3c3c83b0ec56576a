// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/sqs/message.h"

#include <QJsonObject>
#include <QXmlStreamWriter>

#include <optional>

// SQS on the wire, one structure for both protocols: Query parameters become the JSON protocol's
// request structure (Attribute.1.Name -> Attributes, SendMessageBatchRequestEntry.1.Id ->
// Entries[0].Id, MessageAttribute.1.Value.StringValue -> MessageAttributes.x.StringValue), and
// one result structure is written either as JSON or as Query XML with botocore's element names.
// Inside an SqsHandler operation: unwraps a Result into `var`, or fails the call and returns.
#define CB_SQS_TRY(var, expression)                                                                \
    auto var = (expression);                                                                       \
    if (!var) {                                                                                    \
        fail(call, var.error());                                                                   \
        return;                                                                                    \
    }

namespace Core::Api::SqsWire {

// The Query parameters as the structure JSON clients send: "a.1.b" = v becomes {a: [{b: v}]}.
Result<QJsonObject> structureFromQuery(
    const QList<std::pair<QString, QString>> &parameters, const QString &operation);
void writeQueryResult(QXmlStreamWriter &xml, const QJsonObject &result, const QString &operation);

// Typed reads of a request structure; absent members give the empty value / nullopt.
Result<QString> string(const QJsonObject &input, const QString &name, bool required = false);
Result<std::optional<int>> integer(const QJsonObject &input, const QString &name);
Result<QMap<QString, QString>> stringMap(const QJsonObject &input, const QString &name);
Result<QStringList> stringList(const QJsonObject &input, const QString &name);
Result<Sqs::MessageAttributes> messageAttributes(const QJsonObject &input, const QString &name);
Result<QList<QJsonObject>> entries(const QJsonObject &input);
// StringListValues / BinaryListValues in a message's attributes: reserved by AWS, which rejects
// them with UnsupportedOperation.
bool hasListValues(const QJsonObject &input);

QJsonObject messageAttributesToJson(const Sqs::MessageAttributes &attributes);
QJsonObject messageToJson(const Sqs::Message &message);
QJsonObject stringMapToJson(const QMap<QString, QString> &map);

} // namespace Core::Api::SqsWire
