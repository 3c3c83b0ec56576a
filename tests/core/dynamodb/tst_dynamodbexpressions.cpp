// SPDX-License-Identifier: MIT
// Pins DynamoDB's type system and expression languages: exact 38-digit decimals compared
// numerically, set rules, item sizes, and the parser/evaluator for condition, update,
// projection and key-condition expressions with AWS's error messages.
#include "core/dynamodb/attributevalue.h"
#include "core/dynamodb/decimal.h"
#include "core/dynamodb/expressionevaluator.h"
#include "core/dynamodb/expressionparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::DynamoDb;

namespace {

Item parseItem(const char *json)
{
    auto item = itemFromJson(QJsonDocument::fromJson(QByteArray(json)).object());
    Q_ASSERT(item);
    return *item;
}

QHash<QString, AttributeValue> parseValues(const char *json)
{
    QHash<QString, AttributeValue> values;
    const Item item = parseItem(json);
    for (auto it = item.cbegin(); it != item.cend(); ++it)
        values.insert(it.key(), it.value());
    return values;
}

QHash<QString, QString> parseNames(const char *json)
{
    QHash<QString, QString> names;
    const QJsonObject object = QJsonDocument::fromJson(QByteArray(json)).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        names.insert(it.key(), it.value().toString());
    return names;
}

const char *SampleItem =
    "{ \"pk\": {\"S\": \"user#1\"}, \"age\": {\"N\": \"42\"}, \"name\": {\"S\": \"Ada Lovelace\"}, "
    "\"tags\": {\"SS\": [\"a\", \"b\"]}, \"scores\": {\"NS\": [\"1\", \"2.5\"]}, \"profile\": "
    "{\"M\": {\"city\": {\"S\": \"London\"}, \"langs\": {\"L\": [{\"S\": \"en\"}, {\"S\": "
    "\"fr\"}]}}}, \"active\": {\"BOOL\": true}, \"nothing\": {\"NULL\": true}, \"lst\": {\"L\": "
    "[{\"N\": \"1\"}, {\"S\": \"x\"}]} }";

} // namespace

class tst_DynamoDbExpressions final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void decimalParsing_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("error");
        const int ok = int(Decimal::ParseError::None);
        QTest::newRow("integer") << u"42"_s << u"42"_s << ok;
        QTest::newRow("trailing zeros") << u"1.500"_s << u"1.5"_s << ok;
        QTest::newRow("leading zeros") << u"007"_s << u"7"_s << ok;
        QTest::newRow("negative") << u"-0.25"_s << u"-0.25"_s << ok;
        QTest::newRow("exponent") << u"1.5e3"_s << u"1500"_s << ok;
        QTest::newRow("negative exponent") << u"25E-3"_s << u"0.025"_s << ok;
        QTest::newRow("minus zero") << u"-0"_s << u"0"_s << ok;
        QTest::newRow("38 digits") << u"12345678901234567890123456789012345678"_s
                                   << u"12345678901234567890123456789012345678"_s << ok;
        QTest::newRow("39 digits") << u"123456789012345678901234567890123456789"_s << QString()
                                   << int(Decimal::ParseError::TooManyDigits);
        QTest::newRow("39 digits with trailing zeros are fine")
            << u"1234567890123456789012345678901234567800"_s
            << u"1234567890123456789012345678901234567800"_s << ok;
        QTest::newRow("overflow") << u"1E126"_s << QString() << int(Decimal::ParseError::Overflow);
        QTest::newRow("max") << u"9.9999999999999999999999999999999999999E+125"_s
                             << u"99999999999999999999999999999999999999"_s + QString(88, u'0')
                             << ok;
        QTest::newRow("underflow")
            << u"1E-131"_s << QString() << int(Decimal::ParseError::Underflow);
        QTest::newRow("letters") << u"12a"_s << QString() << int(Decimal::ParseError::NotANumber);
        QTest::newRow("empty") << u""_s << QString() << int(Decimal::ParseError::NotANumber);
        QTest::newRow("nan") << u"NaN"_s << QString() << int(Decimal::ParseError::NotANumber);
    }

    void decimalParsing()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(int, error);
        Decimal::ParseError actual = Decimal::ParseError::None;
        const auto value = Decimal::parse(input, &actual);
        QCOMPARE(int(actual), error);
        if (error == int(Decimal::ParseError::None))
            QCOMPARE(value->toString(), canonical);
        else
            QVERIFY(!value);
    }

    void decimalOrderIsNumericAndMatchesSortableBytes_data()
    {
        QTest::addColumn<QString>("smaller");
        QTest::addColumn<QString>("larger");
        QTest::newRow("ints") << u"9"_s << u"10"_s;
        QTest::newRow("negatives") << u"-10"_s << u"-9"_s;
        QTest::newRow("negative prefix") << u"-1.55"_s << u"-1.5"_s;
        QTest::newRow("positive prefix") << u"1.5"_s << u"1.55"_s;
        QTest::newRow("zero") << u"-0.0001"_s << u"0"_s;
        QTest::newRow("zero and positive") << u"0"_s << u"1E-130"_s;
        QTest::newRow("beyond double precision") << u"12345678901234567890123456789012345677"_s
                                                 << u"12345678901234567890123456789012345678"_s;
        QTest::newRow("exponents") << u"9.99E10"_s << u"1E11"_s;
    }

    void decimalOrderIsNumericAndMatchesSortableBytes()
    {
        QFETCH(QString, smaller);
        QFETCH(QString, larger);
        const Decimal a = *Decimal::parse(smaller);
        const Decimal b = *Decimal::parse(larger);
        QVERIFY(a < b);
        QVERIFY(!(b < a));
        QVERIFY(a.sortableBytes() < b.sortableBytes());
        QVERIFY(*Decimal::parse(u"1.0"_s) == *Decimal::parse(u"1"_s));
        QCOMPARE(
            Decimal::parse(u"1.0"_s)->sortableBytes(), Decimal::parse(u"1"_s)->sortableBytes());
    }

    void decimalArithmeticIsExact_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("sum");
        QTest::newRow("tenths") << u"0.1"_s << u"0.2"_s << u"0.3"_s;
        QTest::newRow("carry") << u"99999999999999999999999999999999999999"_s << u"-1"_s
                               << u"99999999999999999999999999999999999998"_s;
        QTest::newRow("negative result") << u"1"_s << u"-2.5"_s << u"-1.5"_s;
        QTest::newRow("cancel") << u"5.5"_s << u"-5.5"_s << u"0"_s;
    }

    void decimalArithmeticIsExact()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, sum);
        Decimal::ParseError error = Decimal::ParseError::None;
        const auto result = Decimal::add(*Decimal::parse(a), *Decimal::parse(b), &error);
        QVERIFY(result);
        QCOMPARE(result->toString(), sum);
        const auto tooPrecise =
            Decimal::add(*Decimal::parse(u"99999999999999999999999999999999999999"_s),
                *Decimal::parse(u"0.1"_s),
                &error);
        QVERIFY(!tooPrecise);
        QCOMPARE(error, Decimal::ParseError::TooManyDigits);
    }

    void attributeValidation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty")
            << QByteArray(R"({})")
            << u"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"_s;
        QTest::newRow("two types")
            << QByteArray(R"({"S":"a","N":"1"})")
            << u"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"_s;
        QTest::newRow("empty string set")
            << QByteArray(R"({"SS":[]})")
            << u"One or more parameter values were invalid: An string set  may not be empty"_s;
        QTest::newRow("empty number set")
            << QByteArray(R"({"NS":[]})")
            << u"One or more parameter values were invalid: An number set  may not be empty"_s;
        QTest::newRow("duplicate strings")
            << QByteArray(R"({"SS":["a","a"]})")
            << u"One or more parameter values were invalid: Input collection [a, a] contains duplicates."_s;
        QTest::newRow("numerically equal numbers")
            << QByteArray(R"({"NS":["1","1.0"]})")
            << u"One or more parameter values were invalid: Input collection [1, 1.0] contains duplicates."_s;
        QTest::newRow("39 digit number")
            << QByteArray(R"({"N":"123456789012345678901234567890123456789"})")
            << u"Attempting to store more than 38 significant digits in a Number"_s;
        QTest::newRow("not a number") << QByteArray(R"({"N":"abc"})")
                                      << u"A value provided cannot be converted into a number"_s;
        QTest::newRow("null false")
            << QByteArray(R"({"NULL":false})")
            << u"One or more parameter values were invalid: Null attribute value types must have the value of true"_s;
        QByteArray deep = R"({"S":"leaf"})";
        for (int i = 0; i < 33; ++i)
            deep = i % 2 ? QByteArray(R"({"L":[)" + deep + "]}")
                         : QByteArray(R"({"M":{"k":)" + deep + "}}");
        QTest::newRow("33 levels of maps and lists")
            << deep << u"Nesting Levels have exceeded supported limits"_s;
    }

    void attributeValidation()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto value = attributeFromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!value);
        QCOMPARE(value.error().code, u"ValidationException"_s);
        QCOMPARE(value.error().message, message);
    }

    void setsCompareAsSetsAndRoundTrip()
    {
        const Item a = parseItem(R"({"s":{"SS":["x","y"]},"n":{"NS":["1","2"]}})");
        const Item b = parseItem(R"({"s":{"SS":["y","x"]},"n":{"NS":["2.0","1"]}})");
        QVERIFY(a == b);
        const Item round = *itemFromJson(itemToJson(a));
        QVERIFY(round == a);
        QCOMPARE(itemToJson(parseItem(R"({"n":{"N":"01.50"}})")).value(u"n"_s)[u"N"].toString(),
            u"1.5"_s);
    }

    void itemSizeFollowsAws()
    {
        // Names and strings in UTF-8 bytes; numbers ~1 byte per two digits + 1; BOOL/NULL 1;
        // maps and lists 3 bytes + 1 per element.
        QCOMPARE(itemSize(parseItem(R"({"pk":{"S":"abc"}})")), 5);
        QCOMPARE(itemSize(parseItem(R"({"n":{"N":"12345"}})")), 1 + 4);
        QCOMPARE(itemSize(parseItem(R"({"é":{"S":"ü"}})")), 4);
        QCOMPARE(itemSize(parseItem(R"({"b":{"BOOL":true},"z":{"NULL":true}})")), 4);
        QCOMPARE(itemSize(parseItem(R"({"m":{"M":{"a":{"S":"xy"}}}})")), 1 + 3 + 1 + 1 + 2);
        QCOMPARE(itemSize(parseItem(R"({"l":{"L":[{"S":"xy"},{"N":"1"}]}})")),
            1 + 3 + (1 + 2) + (1 + 2));
    }

    void conditions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("names");
        QTest::addColumn<QByteArray>("values");
        QTest::addColumn<bool>("expected");
        const QByteArray none = "{}";
        QTest::newRow("equal") << u"age = :v"_s << none << QByteArray(R"({":v":{"N":"42.0"}})")
                               << true;
        QTest::newRow("numeric not lexical")
            << u"age > :v"_s << none << QByteArray(R"({":v":{"N":"9"}})") << true;
        QTest::newRow("type mismatch is false")
            << u"age > :v"_s << none << QByteArray(R"({":v":{"S":"1"}})") << false;
        QTest::newRow("not equal missing")
            << u"absent <> :v"_s << none << QByteArray(R"({":v":{"N":"1"}})") << true;
        QTest::newRow("between") << u"age BETWEEN :a AND :b"_s << none
                                 << QByteArray(R"({":a":{"N":"40"},":b":{"N":"42"}})") << true;
        QTest::newRow("in") << u"age IN (:a, :b)"_s << none
                            << QByteArray(R"({":a":{"N":"1"},":b":{"N":"42"}})") << true;
        QTest::newRow("and or not precedence")
            << u"NOT age = :a OR active = :t AND age = :b"_s << none
            << QByteArray(R"({":a":{"N":"42"},":b":{"N":"42"},":t":{"BOOL":true}})") << true;
        QTest::newRow("parentheses")
            << u"(NOT age = :a OR active = :t) AND age = :b"_s << none
            << QByteArray(R"({":a":{"N":"42"},":b":{"N":"1"},":t":{"BOOL":true}})") << false;
        QTest::newRow("attribute_exists nested")
            << u"attribute_exists(profile.city)"_s << none << none << true;
        QTest::newRow("attribute_not_exists")
            << u"attribute_not_exists(pk)"_s << none << none << false;
        QTest::newRow("list index")
            << u"profile.langs[1] = :v"_s << none << QByteArray(R"({":v":{"S":"fr"}})") << true;
        QTest::newRow("index out of range")
            << u"attribute_exists(profile.langs[5])"_s << none << none << false;
        QTest::newRow("begins_with") << u"begins_with(#n, :p)"_s << QByteArray("{\"#n\":\"name\"}")
                                     << QByteArray(R"({":p":{"S":"Ada"}})") << true;
        QTest::newRow("contains string") << u"contains(#n, :p)"_s << QByteArray("{\"#n\":\"name\"}")
                                         << QByteArray(R"({":p":{"S":"Love"}})") << true;
        QTest::newRow("contains set")
            << u"contains(tags, :p)"_s << none << QByteArray(R"({":p":{"S":"b"}})") << true;
        QTest::newRow("contains number set")
            << u"contains(scores, :p)"_s << none << QByteArray(R"({":p":{"N":"2.50"}})") << true;
        QTest::newRow("contains list")
            << u"contains(lst, :p)"_s << none << QByteArray(R"({":p":{"S":"x"}})") << true;
        QTest::newRow("size string") << u"size(#n) = :v"_s << QByteArray("{\"#n\":\"name\"}")
                                     << QByteArray(R"({":v":{"N":"12"}})") << true;
        QTest::newRow("size set") << u"size(tags) > :v"_s << none
                                  << QByteArray(R"({":v":{"N":"1"}})") << true;
        QTest::newRow("attribute_type") << u"attribute_type(nothing, :t)"_s << none
                                        << QByteArray(R"({":t":{"S":"NULL"}})") << true;
        QTest::newRow("reserved word via placeholder")
            << u"#s = :v"_s << QByteArray("{\"#s\":\"status\"}")
            << QByteArray(R"({":v":{"S":"x"}})") << false;
        QTest::newRow("keywords any case")
            << u"age between :a and :b"_s << none
            << QByteArray(R"({":a":{"N":"1"},":b":{"N":"100"}})") << true;
    }

    void conditions()
    {
        QFETCH(QString, expression);
        QFETCH(QByteArray, names);
        QFETCH(QByteArray, values);
        QFETCH(bool, expected);
        ExpressionContext context;
        context.names = parseNames(names.constData());
        context.values = parseValues(values.constData());
        auto node = ExpressionParser::parseCondition(expression, u"ConditionExpression"_s, context);
        QVERIFY2(node, qPrintable(node ? QString() : node.error().message));
        QVERIFY(context.checkAllUsed());
        auto result = ExpressionEvaluator::evaluateCondition(
            *node, parseItem(SampleItem), u"ConditionExpression"_s);
        QVERIFY(result);
        QCOMPARE(*result, expected);
    }

    void expressionErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("names");
        QTest::addColumn<QByteArray>("values");
        QTest::addColumn<QString>("message");
        const QByteArray none = "{}";
        const QByteArray v = R"({":v":{"N":"1"}})";
        QTest::newRow("reserved word")
            << u"ConditionExpression"_s << u"status = :v"_s << none << v
            << u"Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"_s;
        QTest::newRow("missing value")
            << u"ConditionExpression"_s << u"a = :x"_s << none << none
            << u"Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x"_s;
        QTest::newRow("missing name")
            << u"ConditionExpression"_s << u"#x = :v"_s << none << v
            << u"Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x"_s;
        QTest::newRow("syntax error")
            << u"ConditionExpression"_s << u"a = = :v"_s << none << v
            << u"Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\""_s;
        QTest::newRow("eof")
            << u"ConditionExpression"_s << u"a ="_s << none << none
            << u"Invalid ConditionExpression: Syntax error; token: <EOF>, near: \"=\""_s;
        QTest::newRow("empty")
            << u"ConditionExpression"_s << u"  "_s << none << none
            << u"Invalid ConditionExpression: The expression can not be empty;"_s;
        QTest::newRow("unknown function")
            << u"ConditionExpression"_s << u"foo(a)"_s << none << none
            << u"Invalid ConditionExpression: Invalid function name; function: foo"_s;
        QTest::newRow("operand count")
            << u"ConditionExpression"_s << u"begins_with(a)"_s << none << none
            << u"Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1"_s;
        QTest::newRow("begins_with number")
            << u"FilterExpression"_s << u"begins_with(a, :v)"_s << none << v
            << u"Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"_s;
        QTest::newRow("attribute_exists needs path")
            << u"ConditionExpression"_s << u"attribute_exists(:v)"_s << none << v
            << u"Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists"_s;
        QTest::newRow("bad attribute type")
            << u"ConditionExpression"_s << u"attribute_type(a, :t)"_s << none
            << QByteArray(R"({":t":{"S":"STRING"}})")
            << u"Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"_s;
        QTest::newRow("update function in condition")
            << u"ConditionExpression"_s << u"if_not_exists(a, :v) = :v"_s << none << v
            << u"Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: if_not_exists"_s;
        QTest::newRow("invalid character")
            << u"ConditionExpression"_s << u"a ! :v"_s << none << v
            << u"Invalid ConditionExpression: Syntax error; token: \"!\", near: \"a ! :v\""_s;
        // Thousands of nested parentheses once overflowed the parser's stack.
        QTest::newRow("over 4 KB")
            << u"ConditionExpression"_s
            << QString(QString(2100, u'(') + u"a = :v"_s + QString(2100, u')')) << none << v
            << u"Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4206"_s;
        QTest::newRow("nested too deep")
            << u"FilterExpression"_s
            << QString(QString(300, u'(') + u"a = :v"_s + QString(300, u')')) << none << v
            << u"Invalid FilterExpression: The expression has more than 256 nested levels of parentheses or NOT"_s;
        QString nots;
        for (int i = 0; i < 300; ++i)
            nots += u"NOT "_s;
        QTest::newRow("NOT too deep")
            << u"ConditionExpression"_s << QString(nots + u"a = :v"_s) << none << v
            << u"Invalid ConditionExpression: The expression has more than 256 nested levels of parentheses or NOT"_s;
    }

    void expressionErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expression);
        QFETCH(QByteArray, names);
        QFETCH(QByteArray, values);
        QFETCH(QString, message);
        ExpressionContext context;
        context.names = parseNames(names.constData());
        context.values = parseValues(values.constData());
        auto node = ExpressionParser::parseCondition(expression, kind, context);
        QVERIFY(!node);
        QCOMPARE(node.error().code, u"ValidationException"_s);
        QCOMPARE(node.error().message, message);
    }

    void unusedPlaceholdersAreRejected()
    {
        ExpressionContext context;
        context.names = parseNames("{\"#a\":\"a\",\"#b\":\"b\"}");
        context.values = parseValues(R"({":v":{"N":"1"},":w":{"N":"2"}})");
        QVERIFY(ExpressionParser::parseCondition(u"#a = :v"_s, u"ConditionExpression"_s, context));
        auto used = context.checkAllUsed();
        QVERIFY(!used);
        QCOMPARE(used.error().message,
            u"Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}"_s);
        context.names.remove(u"#b"_s);
        used = context.checkAllUsed();
        QCOMPARE(used.error().message,
            u"Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"_s);
    }

    void updates_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("values");
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::newRow("set and arithmetic")
            << u"SET a = :v, n = n + :one, m = n - :one"_s
            << QByteArray(R"({":v":{"S":"x"},":one":{"N":"1"}})")
            << QByteArray(R"({"n":{"N":"0.1"}})")
            << QByteArray(R"({"a":{"S":"x"},"n":{"N":"1.1"},"m":{"N":"-0.9"}})");
        QTest::newRow("if_not_exists")
            << u"SET c = if_not_exists(c, :zero) + :one, d = if_not_exists(d, :zero)"_s
            << QByteArray(R"({":zero":{"N":"0"},":one":{"N":"1"}})")
            << QByteArray(R"({"d":{"N":"7"}})") << QByteArray(R"({"c":{"N":"1"},"d":{"N":"7"}})");
        QTest::newRow("list_append and index")
            << u"SET l = list_append(l, :more), m.x[0] = :v"_s
            << QByteArray(R"({":more":{"L":[{"N":"3"}]},":v":{"S":"new"}})")
            << QByteArray(R"({"l":{"L":[{"N":"1"}]},"m":{"M":{"x":{"L":[{"S":"old"}]}}}})")
            << QByteArray(
                   R"({"l":{"L":[{"N":"1"},{"N":"3"}]},"m":{"M":{"x":{"L":[{"S":"new"}]}}}})");
        QTest::newRow("remove and list shift")
            << u"REMOVE a, l[0]"_s << QByteArray("{}")
            << QByteArray(R"({"a":{"S":"x"},"l":{"L":[{"N":"1"},{"N":"2"}]}})")
            << QByteArray(R"({"l":{"L":[{"N":"2"}]}})");
        QTest::newRow("add number and set")
            << u"ADD n :two, s :more"_s
            << QByteArray(R"({":two":{"N":"2"},":more":{"SS":["b","c"]}})")
            << QByteArray(R"({"n":{"N":"40"},"s":{"SS":["a","b"]}})")
            << QByteArray(R"({"n":{"N":"42"},"s":{"SS":["a","b","c"]}})");
        QTest::newRow("add creates") << u"ADD n :two"_s << QByteArray(R"({":two":{"N":"2"}})")
                                     << QByteArray("{}") << QByteArray(R"({"n":{"N":"2"}})");
        QTest::newRow("delete from set, empty removes")
            << u"DELETE s :x, t :y"_s << QByteArray(R"({":x":{"SS":["a"]},":y":{"NS":["1"]}})")
            << QByteArray(R"({"s":{"SS":["a","b"]},"t":{"NS":["1"]}})")
            << QByteArray(R"({"s":{"SS":["b"]}})");
        QTest::newRow("all sections lower case")
            << u"set a = :v remove b add n :v delete s :s"_s
            << QByteArray(R"({":v":{"N":"1"},":s":{"SS":["z"]}})")
            << QByteArray(R"({"b":{"S":"x"},"s":{"SS":["z","y"]}})")
            << QByteArray(R"({"a":{"N":"1"},"n":{"N":"1"},"s":{"SS":["y"]}})");
    }

    void updates()
    {
        QFETCH(QString, expression);
        QFETCH(QByteArray, values);
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        ExpressionContext context;
        context.values = parseValues(values.constData());
        auto actions = ExpressionParser::parseUpdate(expression, context);
        QVERIFY2(actions, qPrintable(actions ? QString() : actions.error().message));
        QVERIFY(context.checkAllUsed());
        auto result = ExpressionEvaluator::applyUpdate(parseItem(before.constData()), *actions);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(QJsonDocument(itemToJson(*result)).toJson(QJsonDocument::Compact),
            QJsonDocument(itemToJson(parseItem(after.constData()))).toJson(QJsonDocument::Compact));
    }

    void updateErrors_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("values");
        QTest::addColumn<QByteArray>("item");
        QTest::addColumn<QString>("message");
        QTest::newRow("overlap")
            << u"SET a = :v, a.b = :v"_s << QByteArray(R"({":v":{"N":"1"}})") << QByteArray("{}")
            << u"Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"_s;
        QTest::newRow("section twice")
            << u"SET a = :v SET b = :v"_s << QByteArray(R"({":v":{"N":"1"}})") << QByteArray("{}")
            << u"Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;"_s;
        QTest::newRow("add string")
            << u"ADD a :v"_s << QByteArray(R"({":v":{"S":"x"}})") << QByteArray("{}")
            << u"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"_s;
        QTest::newRow("delete number")
            << u"DELETE a :v"_s << QByteArray(R"({":v":{"N":"1"}})") << QByteArray("{}")
            << u"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"_s;
        QTest::newRow("plus on string value")
            << u"SET a = b + :v"_s << QByteArray(R"({":v":{"S":"x"}})") << QByteArray("{}")
            << u"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: +, operand type: STRING"_s;
        QTest::newRow("plus on string attribute")
            << u"SET a = b + :v"_s << QByteArray(R"({":v":{"N":"1"}})")
            << QByteArray(R"({"b":{"S":"x"}})")
            << u"An operand in the update expression has an incorrect data type"_s;
        QTest::newRow("missing operand attribute")
            << u"SET a = b + :v"_s << QByteArray(R"({":v":{"N":"1"}})") << QByteArray("{}")
            << u"The provided expression refers to an attribute that does not exist in the item"_s;
        QTest::newRow("missing parent map")
            << u"SET m.x = :v"_s << QByteArray(R"({":v":{"N":"1"}})") << QByteArray("{}")
            << u"The document path provided in the update expression is invalid for update"_s;
        QTest::newRow("size in update")
            << u"SET a = size(b)"_s << QByteArray("{}") << QByteArray("{}")
            << u"Invalid UpdateExpression: The function is not allowed in an update expression; function: size"_s;
    }

    void updateErrors()
    {
        QFETCH(QString, expression);
        QFETCH(QByteArray, values);
        QFETCH(QByteArray, item);
        QFETCH(QString, message);
        ExpressionContext context;
        context.values = parseValues(values.constData());
        auto actions = ExpressionParser::parseUpdate(expression, context);
        QString actual;
        if (!actions) {
            actual = actions.error().message;
        } else {
            auto result = ExpressionEvaluator::applyUpdate(parseItem(item.constData()), *actions);
            QVERIFY(!result);
            actual = result.error().message;
        }
        QCOMPARE(actual, message);
    }

    void projections()
    {
        ExpressionContext context;
        context.names = parseNames("{\"#n\":\"name\"}");
        auto paths =
            ExpressionParser::parseProjection(u"#n, profile.langs[1], absent, lst[0]"_s, context);
        QVERIFY(paths);
        const Item projected = ExpressionEvaluator::project(parseItem(SampleItem), *paths);
        QCOMPARE(QJsonDocument(itemToJson(projected)).toJson(QJsonDocument::Compact),
            QJsonDocument(
                itemToJson(parseItem(
                    R"({"name":{"S":"Ada Lovelace"}, "profile":{"M":{"langs":{"L":[{"S":"fr"}]}}},"lst":{"L":[{"N":"1"}]}})")))
                .toJson(QJsonDocument::Compact));
    }

    void keyConditions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("error");
        QTest::newRow("hash only") << u"pk = :p"_s << QString();
        QTest::newRow("begins_with") << u"pk = :p AND begins_with(sk, :s)"_s << QString();
        QTest::newRow("between reversed order")
            << u"sk BETWEEN :s AND :t AND pk = :p"_s << QString();
        QTest::newRow("missing hash")
            << u"sk = :s"_s << u"Query condition missed key schema element: pk"_s;
        QTest::newRow("or") << u"pk = :p OR sk = :s"_s
                            << u"Invalid operator used in KeyConditionExpression: OR"_s;
        QTest::newRow("not equal") << u"pk = :p AND sk <> :s"_s
                                   << u"Invalid operator used in KeyConditionExpression: <>"_s;
        QTest::newRow("contains") << u"pk = :p AND contains(sk, :s)"_s
                                  << u"Invalid operator used in KeyConditionExpression: contains"_s;
        QTest::newRow("hash range op") << u"pk > :p"_s << u"Query key condition not supported"_s;
        QTest::newRow("non key") << u"pk = :p AND extra = :s"_s
                                 << u"Query key condition not supported"_s;
        QTest::newRow("type mismatch")
            << u"pk = :n"_s
            << u"One or more parameter values were invalid: Condition parameter type does not match schema type"_s;
        QTest::newRow("two on range")
            << u"pk = :p AND sk > :s AND sk < :t"_s
            << u"KeyConditionExpressions must only contain one condition per key"_s;
        QTest::newRow("bad between")
            << u"pk = :p AND sk BETWEEN :t AND :s"_s
            << u"Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}"_s;
    }

    void keyConditions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, error);
        ExpressionContext context;
        context.values =
            parseValues(R"({":p":{"S":"u"},":s":{"S":"a"},":t":{"S":"b"},":n":{"N":"1"}})");
        auto condition = ExpressionParser::parseKeyCondition(
            expression, {u"pk"_s, AttributeType::S, u"sk"_s, AttributeType::S}, context);
        if (error.isEmpty()) {
            QVERIFY2(condition, qPrintable(condition ? QString() : condition.error().message));
            QCOMPARE(condition->hashName, u"pk"_s);
        } else {
            QVERIFY(!condition);
            QCOMPARE(condition.error().message, error);
        }
    }
};

QTEST_GUILESS_MAIN(tst_DynamoDbExpressions)
#include "tst_dynamodbexpressions.moc"
