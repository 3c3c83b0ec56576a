// SPDX-License-Identifier: MIT
#include "core/dynamodb/expressionparser.h"

#include "core/dynamodb/dynamodberrors.h"
#include "core/dynamodb/expressiongrammar.h"

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

QString pathToString(const DocumentPath &path)
{
    QString text;
    for (const PathElement &element : path) {
        if (element.isIndex()) {
            text += u'[' + QString::number(element.index) + u']';
        } else {
            if (!text.isEmpty())
                text += u'.';
            text += element.name;
        }
    }
    return text;
}

Status ExpressionContext::checkAllUsed() const
{
    const auto unused = [](const auto &keys, const QSet<QString> &used) {
        QStringList list;
        for (const QString &key : keys)
            if (!used.contains(key))
                list.append(key);
        list.sort();
        return list;
    };
    const QStringList unusedNames = unused(names.keys(), usedNames);
    if (!unusedNames.isEmpty())
        return std::unexpected(Errors::validation(
            u"Value provided in ExpressionAttributeNames unused in expressions: keys: {%1}"_s.arg(
                unusedNames.join(u", "_s))));
    const QStringList unusedValues = unused(values.keys(), usedValues);
    if (!unusedValues.isEmpty())
        return std::unexpected(Errors::validation(
            u"Value provided in ExpressionAttributeValues unused in expressions: keys: {%1}"_s.arg(
                unusedValues.join(u", "_s))));
    return {};
}

namespace ExpressionParser {

Result<ExpressionNode> parseCondition(
    const QString &text, const QString &kind, ExpressionContext &context)
{
    ExpressionGrammar parser(text, kind, context);
    if (!parser.checkNotEmpty())
        return std::unexpected(parser.error());
    ExpressionNode node = parser.condition();
    if (!parser.expectEnd())
        return std::unexpected(parser.error());
    return node;
}

Result<QList<DocumentPath>> parseProjection(const QString &text, ExpressionContext &context)
{
    ExpressionGrammar parser(text, u"ProjectionExpression"_s, context);
    if (!parser.checkNotEmpty())
        return std::unexpected(parser.error());
    QList<DocumentPath> paths = parser.projection();
    if (!parser.expectEnd())
        return std::unexpected(parser.error());
    return paths;
}

Result<QList<UpdateAction>> parseUpdate(const QString &text, ExpressionContext &context)
{
    ExpressionGrammar parser(text, u"UpdateExpression"_s, context);
    if (!parser.checkNotEmpty())
        return std::unexpected(parser.error());
    QList<UpdateAction> actions = parser.update();
    if (!parser.expectEnd())
        return std::unexpected(parser.error());
    return actions;
}

} // namespace ExpressionParser

} // namespace Core::DynamoDb
