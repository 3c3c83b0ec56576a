// SPDX-License-Identifier: MIT
#include "core/dynamodb/legacyconditions.h"

#include "core/dynamodb/dynamodberrors.h"

#include <QJsonArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Core::DynamoDb::LegacyConditions {

namespace {

const QStringList &legacyNames()
{
    static const QStringList names{u"AttributesToGet"_s,
        u"AttributeUpdates"_s,
        u"ConditionalOperator"_s,
        u"Expected"_s,
        u"KeyConditions"_s,
        u"QueryFilter"_s,
        u"ScanFilter"_s};
    return names;
}

const QStringList &expressionNames()
{
    static const QStringList names{u"ConditionExpression"_s,
        u"FilterExpression"_s,
        u"KeyConditionExpression"_s,
        u"ProjectionExpression"_s,
        u"UpdateExpression"_s};
    return names;
}

AwsError invalid(const QString &detail)
{
    return Errors::validation(u"One or more parameter values were invalid: "_s + detail);
}

// Collects the placeholders of the rewritten expressions.
class Writer
{
public:
    QString name(const QString &attribute)
    {
        const QString placeholder = u"#legacy%1"_s.arg(m_names.size());
        m_names.insert(placeholder, attribute);
        return placeholder;
    }
    QString value(const QJsonValue &value)
    {
        const QString placeholder = u":legacy%1"_s.arg(m_values.size());
        m_values.insert(placeholder, value);
        return placeholder;
    }
    void addTo(QJsonObject &request) const
    {
        if (!m_names.isEmpty())
            request.insert(u"ExpressionAttributeNames"_s, m_names);
        if (!m_values.isEmpty())
            request.insert(u"ExpressionAttributeValues"_s, m_values);
    }

private:
    QJsonObject m_names;
    QJsonObject m_values;
};

QString valueType(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return object.size() == 1 ? object.begin().key() : QString();
}

// One Condition {ComparisonOperator, AttributeValueList} as expression text. keyCondition: the
// operators KeyConditions allows.
Result<QString> condition(
    Writer &writer, const QString &attribute, const QJsonObject &spec, bool keyCondition)
{
    const QString op = spec.value(u"ComparisonOperator"_s).toString();
    const QJsonArray values = spec.value(u"AttributeValueList"_s).toArray();
    static const QStringList keyOperators{
        u"EQ"_s, u"LE"_s, u"LT"_s, u"GE"_s, u"GT"_s, u"BEGINS_WITH"_s, u"BETWEEN"_s};
    static const QStringList allOperators{u"EQ"_s,
        u"NE"_s,
        u"LE"_s,
        u"LT"_s,
        u"GE"_s,
        u"GT"_s,
        u"NOT_NULL"_s,
        u"NULL"_s,
        u"CONTAINS"_s,
        u"NOT_CONTAINS"_s,
        u"BEGINS_WITH"_s,
        u"IN"_s,
        u"BETWEEN"_s};
    if (op.isEmpty())
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value null at 'comparisonOperator' failed to "
            u"satisfy constraint: Member must not be null"_s));
    if (!allOperators.contains(op))
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'comparisonOperator' failed to satisfy "
            u"constraint: Member must satisfy enum value set: [%2]"_s.arg(
                op, allOperators.join(u", "_s))));
    if (keyCondition && !keyOperators.contains(op))
        return std::unexpected(invalid(u"Unsupported operator on KeyCondition: %1"_s.arg(op)));
    const qsizetype wanted = (op == u"NOT_NULL" || op == u"NULL") ? 0
        : op == u"BETWEEN"                                        ? 2
        : op == u"IN"                                             ? -1
                                                                  : 1;
    if ((wanted >= 0 && values.size() != wanted) || (wanted < 0 && values.isEmpty()))
        return std::unexpected(
            invalid(u"Invalid number of argument(s) for the %1 ComparisonOperator"_s.arg(op)));
    for (const QJsonValue &value : values) {
        const QString type = valueType(value);
        const bool scalar = type == u"S" || type == u"N" || type == u"B";
        const bool ordered = op == u"LE" || op == u"LT" || op == u"GE" || op == u"GT"
            || op == u"BETWEEN" || op == u"IN";
        if ((ordered && !scalar) || (op == u"BEGINS_WITH" && type != u"S" && type != u"B")
            || ((op == u"CONTAINS" || op == u"NOT_CONTAINS") && !scalar))
            return std::unexpected(invalid(
                u"ComparisonOperator %1 is not valid for %2 AttributeValue type"_s.arg(op, type)));
    }
    const QString path = writer.name(attribute);
    if (op == u"NOT_NULL")
        return u"attribute_exists(%1)"_s.arg(path);
    if (op == u"NULL")
        return u"attribute_not_exists(%1)"_s.arg(path);
    if (op == u"CONTAINS")
        return u"contains(%1, %2)"_s.arg(path, writer.value(values[0]));
    if (op == u"NOT_CONTAINS")
        return u"NOT contains(%1, %2)"_s.arg(path, writer.value(values[0]));
    if (op == u"BEGINS_WITH")
        return u"begins_with(%1, %2)"_s.arg(path, writer.value(values[0]));
    if (op == u"BETWEEN")
        return u"%1 BETWEEN %2 AND %3"_s.arg(
            path, writer.value(values[0]), writer.value(values[1]));
    if (op == u"IN") {
        QStringList list;
        for (const QJsonValue &value : values)
            list.append(writer.value(value));
        return u"%1 IN (%2)"_s.arg(path, list.join(u", "_s));
    }
    static const QHash<QString, QString> comparators{{u"EQ"_s, u"="_s},
        {u"NE"_s, u"<>"_s},
        {u"LE"_s, u"<="_s},
        {u"LT"_s, u"<"_s},
        {u"GE"_s, u">="_s},
        {u"GT"_s, u">"_s}};
    return u"%1 %2 %3"_s.arg(path, comparators.value(op), writer.value(values[0]));
}

// Expected: {attribute: {Value, Exists, ComparisonOperator, AttributeValueList}}.
Result<QString> expected(Writer &writer, const QString &attribute, const QJsonObject &spec)
{
    const bool hasValue = spec.contains(u"Value"_s);
    const bool hasList = spec.contains(u"AttributeValueList"_s);
    if (spec.contains(u"ComparisonOperator"_s)) {
        if (spec.contains(u"Exists"_s))
            return std::unexpected(invalid(
                u"Exists and ComparisonOperator cannot be used together for Attribute: %1"_s.arg(
                    attribute)));
        if (hasValue && hasList)
            return std::unexpected(invalid(
                u"Value and AttributeValueList cannot be used together for Attribute: %1"_s.arg(
                    attribute)));
        QJsonObject condition = spec;
        if (hasValue) {
            condition.insert(u"AttributeValueList"_s, QJsonArray{spec.value(u"Value"_s)});
            condition.remove(u"Value"_s);
        }
        return LegacyConditions::condition(writer, attribute, condition, false);
    }
    if (hasList)
        return std::unexpected(
            invalid(u"AttributeValueList can only be used with a ComparisonOperator for "
                    u"Attribute: %1"_s.arg(attribute)));
    const bool exists = spec.value(u"Exists"_s).toBool(true);
    if (!exists) {
        if (hasValue)
            return std::unexpected(invalid(
                u"Value cannot be used when Exists is false for Attribute: %1"_s.arg(attribute)));
        return u"attribute_not_exists(%1)"_s.arg(writer.name(attribute));
    }
    if (!hasValue)
        return std::unexpected(invalid(
            u"Value must be provided when Exists is true for Attribute: %1"_s.arg(attribute)));
    return u"%1 = %2"_s.arg(writer.name(attribute), writer.value(spec.value(u"Value"_s)));
}

// A map of conditions joined by ConditionalOperator (AND unless OR).
Result<QString> conditions(Writer &writer,
    const QJsonObject &map,
    const QString &conditionalOperator,
    bool isExpected,
    bool keyCondition)
{
    QStringList parts;
    for (auto it = map.begin(); it != map.end(); ++it) {
        auto part = isExpected ? expected(writer, it.key(), it.value().toObject())
                               : condition(writer, it.key(), it.value().toObject(), keyCondition);
        if (!part)
            return std::unexpected(part.error());
        parts.append(*part);
    }
    if (parts.size() > 1)
        for (QString &part : parts)
            part = u'(' + part + u')';
    return parts.join(u' ' + conditionalOperator + u' ');
}

// AttributeUpdates: {attribute: {Value, Action: PUT | ADD | DELETE}}.
Result<QString> updates(Writer &writer, const QJsonObject &map)
{
    QStringList set;
    QStringList remove;
    QStringList add;
    QStringList del;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QJsonObject spec = it.value().toObject();
        const QString action = spec.value(u"Action"_s).toString(u"PUT"_s);
        const bool hasValue = spec.contains(u"Value"_s);
        if (action == u"PUT") {
            if (!hasValue)
                return std::unexpected(invalid(
                    u"Only DELETE action is allowed when no attribute value is specified"_s));
            set.append(u"%1 = %2"_s.arg(writer.name(it.key()), writer.value(spec[u"Value"_s])));
        } else if (action == u"DELETE") {
            if (hasValue)
                del.append(u"%1 %2"_s.arg(writer.name(it.key()), writer.value(spec[u"Value"_s])));
            else
                remove.append(writer.name(it.key()));
        } else if (action == u"ADD") {
            if (!hasValue)
                return std::unexpected(invalid(
                    u"Only DELETE action is allowed when no attribute value is specified"_s));
            add.append(u"%1 %2"_s.arg(writer.name(it.key()), writer.value(spec[u"Value"_s])));
        } else {
            return std::unexpected(Errors::validation(
                u"1 validation error detected: Value '%1' at 'attributeUpdates.%2.member.action' "
                u"failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, "
                u"DELETE]"_s.arg(action, it.key())));
        }
    }
    QStringList clauses;
    if (!set.isEmpty())
        clauses.append(u"SET "_s + set.join(u", "_s));
    if (!remove.isEmpty())
        clauses.append(u"REMOVE "_s + remove.join(u", "_s));
    if (!add.isEmpty())
        clauses.append(u"ADD "_s + add.join(u", "_s));
    if (!del.isEmpty())
        clauses.append(u"DELETE "_s + del.join(u", "_s));
    return clauses.join(u' ');
}

} // namespace

QStringList conditionParameters(const QJsonObject &request)
{
    QStringList used;
    for (const QString &name : legacyNames())
        if (name != u"AttributesToGet" && request.contains(name))
            used.append(name);
    return used;
}

Result<QJsonObject> toExpressions(const QJsonObject &request)
{
    QStringList usedLegacy;
    for (const QString &name : legacyNames())
        if (request.contains(name))
            usedLegacy.append(name);
    if (usedLegacy.isEmpty())
        return request;
    QStringList usedExpressions;
    for (const QString &name : expressionNames())
        if (request.contains(name))
            usedExpressions.append(name);
    if (!usedExpressions.isEmpty())
        return std::unexpected(Errors::validation(
            u"Can not use both expression and non-expression parameters in the same request: "
            u"Non-expression parameters: {%1} Expression parameters: {%2}"_s.arg(
                usedLegacy.join(u", "_s), usedExpressions.join(u", "_s))));
    if (usedLegacy == QStringList{u"AttributesToGet"_s})
        return request;

    const QString conditionalOperator = request.value(u"ConditionalOperator"_s).toString(u"AND"_s);
    if (conditionalOperator != u"AND" && conditionalOperator != u"OR")
        return std::unexpected(Errors::validation(
            u"1 validation error detected: Value '%1' at 'conditionalOperator' failed to satisfy "
            u"constraint: Member must satisfy enum value set: [AND, OR]"_s.arg(
                conditionalOperator)));
    if (request.contains(u"ConditionalOperator"_s) && !request.contains(u"Expected"_s)
        && !request.contains(u"QueryFilter"_s) && !request.contains(u"ScanFilter"_s))
        return std::unexpected(
            invalid(u"ConditionalOperator can only be used when Filter or Expected has two or more "
                    u"elements"_s));

    QJsonObject converted = request;
    Writer writer;
    const auto rewrite = [&](const QString &legacy,
                             const QString &expression,
                             bool isExpected,
                             bool keyCondition) -> Status {
        if (!request.contains(legacy))
            return {};
        const QJsonObject map = request.value(legacy).toObject();
        converted.remove(legacy);
        if (map.isEmpty())
            return {};
        auto text = conditions(
            writer, map, keyCondition ? u"AND"_s : conditionalOperator, isExpected, keyCondition);
        if (!text)
            return std::unexpected(text.error());
        converted.insert(expression, *text);
        return {};
    };
    if (auto ok = rewrite(u"KeyConditions"_s, u"KeyConditionExpression"_s, false, true); !ok)
        return std::unexpected(ok.error());
    if (auto ok = rewrite(u"QueryFilter"_s, u"FilterExpression"_s, false, false); !ok)
        return std::unexpected(ok.error());
    if (auto ok = rewrite(u"ScanFilter"_s, u"FilterExpression"_s, false, false); !ok)
        return std::unexpected(ok.error());
    if (auto ok = rewrite(u"Expected"_s, u"ConditionExpression"_s, true, false); !ok)
        return std::unexpected(ok.error());
    if (request.contains(u"AttributeUpdates"_s)) {
        const QJsonObject map = request.value(u"AttributeUpdates"_s).toObject();
        converted.remove(u"AttributeUpdates"_s);
        if (!map.isEmpty()) {
            auto text = updates(writer, map);
            if (!text)
                return std::unexpected(text.error());
            converted.insert(u"UpdateExpression"_s, *text);
        }
    }
    converted.remove(u"ConditionalOperator"_s);
    writer.addTo(converted);
    return converted;
}

} // namespace Core::DynamoDb::LegacyConditions
