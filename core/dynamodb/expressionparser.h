// SPDX-License-Identifier: MIT
#pragma once

#include "core/dynamodb/expression.h"

namespace Core::DynamoDb::ExpressionParser {

// Parsers for DynamoDB's expression languages (tokenizer + recursive descent), with AWS's
// reserved words and error messages. "kind" names the request parameter in messages
// ("ConditionExpression", "FilterExpression").
Result<ExpressionNode> parseCondition(
    const QString &text, const QString &kind, ExpressionContext &context);
Result<QList<DocumentPath>> parseProjection(const QString &text, ExpressionContext &context);
Result<QList<UpdateAction>> parseUpdate(const QString &text, ExpressionContext &context);

struct KeySchemaNames
{
    QString hashName;
    AttributeType hashType = AttributeType::S;
    QString rangeName; // empty: hash-only table or index
    AttributeType rangeType = AttributeType::S;
};
Result<KeyCondition> parseKeyCondition(
    const QString &text, const KeySchemaNames &schema, ExpressionContext &context);

bool isReservedWord(const QString &word);

} // namespace Core::DynamoDb::ExpressionParser
