// SPDX-License-Identifier: MIT
// SQS's validation rules: queue attribute ranges and names, queue names, body characters, message
// attributes, and the MD5 of message attributes computed with AWS's documented algorithm.
#include "core/sqs/sqsattributes.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Sqs;

class tst_SqsRules final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void queueAttributes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("fifo");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("stored");

        QTest::newRow("visibility min")
            << u"VisibilityTimeout"_s << u"0"_s << false << u""_s << u"0"_s;
        QTest::newRow("visibility max")
            << u"VisibilityTimeout"_s << u"43200"_s << false << u""_s << u"43200"_s;
        QTest::newRow("visibility over")
            << u"VisibilityTimeout"_s << u"43201"_s << false << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("visibility negative")
            << u"VisibilityTimeout"_s << u"-1"_s << false << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("visibility text")
            << u"VisibilityTimeout"_s << u"ten"_s << false << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("retention min")
            << u"MessageRetentionPeriod"_s << u"60"_s << false << u""_s << u"60"_s;
        QTest::newRow("retention under") << u"MessageRetentionPeriod"_s << u"59"_s << false
                                         << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("retention max")
            << u"MessageRetentionPeriod"_s << u"1209600"_s << false << u""_s << u"1209600"_s;
        QTest::newRow("retention over") << u"MessageRetentionPeriod"_s << u"1209601"_s << false
                                        << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("delay max") << u"DelaySeconds"_s << u"900"_s << false << u""_s << u"900"_s;
        QTest::newRow("delay over")
            << u"DelaySeconds"_s << u"901"_s << false << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("wait max") << u"ReceiveMessageWaitTimeSeconds"_s << u"20"_s << false << u""_s
                                  << u"20"_s;
        QTest::newRow("wait over") << u"ReceiveMessageWaitTimeSeconds"_s << u"21"_s << false
                                   << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("size min") << u"MaximumMessageSize"_s << u"1024"_s << false << u""_s
                                  << u"1024"_s;
        QTest::newRow("size under")
            << u"MaximumMessageSize"_s << u"1023"_s << false << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("size over") << u"MaximumMessageSize"_s << u"1048577"_s << false
                                   << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("unknown") << u"Colour"_s << u"red"_s << false << u"InvalidAttributeName"_s
                                 << u""_s;
        QTest::newRow("read-only")
            << u"QueueArn"_s << u"x"_s << false << u"InvalidAttributeName"_s << u""_s;
        QTest::newRow("content dedup on standard") << u"ContentBasedDeduplication"_s << u"true"_s
                                                   << false << u"InvalidAttributeName"_s << u""_s;
        QTest::newRow("content dedup on fifo")
            << u"ContentBasedDeduplication"_s << u"TRUE"_s << true << u""_s << u"true"_s;
        QTest::newRow("content dedup not bool") << u"ContentBasedDeduplication"_s << u"yes"_s
                                                << true << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("dedup scope")
            << u"DeduplicationScope"_s << u"messageGroup"_s << true << u""_s << u"messageGroup"_s;
        QTest::newRow("dedup scope bad") << u"DeduplicationScope"_s << u"global"_s << true
                                         << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("throughput needs group scope")
            << u"FifoThroughputLimit"_s << u"perMessageGroupId"_s << true
            << u"InvalidAttributeValue"_s << u""_s;
        QTest::newRow("redrive not json")
            << u"RedrivePolicy"_s << u"{"_s << false << u"InvalidParameterValue"_s << u""_s;
        QTest::newRow("redrive missing target")
            << u"RedrivePolicy"_s
            << uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:none","maxReceiveCount":3})"_s
            << false << u"InvalidParameterValue"_s << u""_s;
        QTest::newRow("redrive count over")
            << u"RedrivePolicy"_s
            << uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":1001})"_s
            << false << u"InvalidParameterValue"_s << u""_s;
        QTest::newRow("redrive type mismatch")
            << u"RedrivePolicy"_s
            << uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":"5"})"_s
            << true << u"InvalidParameterValue"_s << u""_s;
        QTest::newRow("redrive ok")
            << u"RedrivePolicy"_s
            << uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":"5"})"_s
            << false << u""_s
            << uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":5})"_s;
        QTest::newRow("policy not json")
            << u"Policy"_s << u"nope"_s << false << u"InvalidAttributeValue"_s << u""_s;
    }

    void queueAttributes()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, fifo);
        QFETCH(QString, error);
        QFETCH(QString, stored);
        const Rules::QueueLookup lookup = [](const QString &arn) -> std::optional<bool> {
            if (arn == u"arn:aws:sqs:us-east-1:000000000000:dlq"_s)
                return false;
            return std::nullopt;
        };
        const auto result = Rules::applyQueueAttributes({}, {{name, value}}, fifo, true, lookup);
        if (error.isEmpty()) {
            QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
            QCOMPARE(result->value(name), stored);
        } else {
            QVERIFY(!result.has_value());
            QCOMPARE(result.error().code, error);
            QCOMPARE(result.error().httpStatus, 400);
        }
    }

    void defaults()
    {
        const auto standard = Rules::defaultAttributes(false);
        QCOMPARE(standard.value(u"VisibilityTimeout"_s), u"30"_s);
        QCOMPARE(standard.value(u"MessageRetentionPeriod"_s), u"345600"_s);
        QCOMPARE(standard.value(u"DelaySeconds"_s), u"0"_s);
        QCOMPARE(standard.value(u"ReceiveMessageWaitTimeSeconds"_s), u"0"_s);
        QVERIFY(!standard.contains(u"FifoQueue"_s));
        const auto fifo = Rules::defaultAttributes(true);
        QCOMPARE(fifo.value(u"FifoQueue"_s), u"true"_s);
        QCOMPARE(fifo.value(u"ContentBasedDeduplication"_s), u"false"_s);
        QCOMPARE(fifo.value(u"DeduplicationScope"_s), u"queue"_s);
    }

    void queueNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("fifo");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << u"orders"_s << false << true;
        QTest::newRow("dash underscore") << u"a-b_C9"_s << false << true;
        QTest::newRow("80 chars") << QString(80, u'a') << false << true;
        QTest::newRow("81 chars") << QString(81, u'a') << false << false;
        QTest::newRow("space") << u"a b"_s << false << false;
        QTest::newRow("dot") << u"a.b"_s << false << false;
        QTest::newRow("fifo") << u"a.fifo"_s << true << true;
        QTest::newRow("fifo 80") << QString(75, u'a') + u".fifo"_s << true << true;
        QTest::newRow("fifo 81") << QString(76, u'a') + u".fifo"_s << true << false;
        QTest::newRow("empty") << u""_s << false << false;
    }

    void queueNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, fifo);
        QFETCH(bool, valid);
        QCOMPARE(Rules::validateQueueName(name, fifo).has_value(), valid);
    }

    void body_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << u"hello"_s << true;
        QTest::newRow("tab newline cr") << u"a\tb\nc\rd"_s << true;
        QTest::newRow("nul") << QString(QChar(0)) << false;
        QTest::newRow("bell") << u"\u0007"_s << false;
        QTest::newRow("umlaut") << u"grüße"_s << true;
        QTest::newRow("emoji") << u"😀"_s << true;
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << false;
        QTest::newRow("fffe") << QString(QChar(0xFFFE)) << false;
    }

    void body()
    {
        QFETCH(QString, body);
        QFETCH(bool, valid);
        const auto result = Rules::validateBody(body);
        QCOMPARE(result.has_value(), valid);
        if (!valid)
            QCOMPARE(result.error().code, u"InvalidMessageContents"_s);
    }

    void messageAttributes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("string") << u"a"_s << u"String"_s << u"x"_s << true;
        QTest::newRow("custom string") << u"a"_s << u"String.json"_s << u"{}"_s << true;
        QTest::newRow("number") << u"a"_s << u"Number"_s << u"-1.5e3"_s << true;
        QTest::newRow("not a number") << u"a"_s << u"Number"_s << u"1,5"_s << false;
        // Numbers: up to 38 significant digits, magnitude from 10^-128 to below 10^126.
        QTest::newRow("number 1e99999") << u"a"_s << u"Number"_s << u"1e99999"_s << false;
        QTest::newRow("number -1e126") << u"a"_s << u"Number"_s << u"-1e126"_s << false;
        QTest::newRow("number 9.9e125") << u"a"_s << u"Number"_s << u"9.9e125"_s << true;
        QTest::newRow("number 127 digits")
            << u"a"_s << u"Number"_s << (u"1"_s + QString(126, u'0')) << false;
        QTest::newRow("number 1e-128") << u"a"_s << u"Number"_s << u"1e-128"_s << true;
        QTest::newRow("number 0.1e-128") << u"a"_s << u"Number"_s << u"0.1e-128"_s << false;
        QTest::newRow("number huge exponent")
            << u"a"_s << u"Number"_s << u"1e99999999999999999999"_s << false;
        QTest::newRow("number zero, huge exponent")
            << u"a"_s << u"Number"_s << u"0.000e99999"_s << true;
        QTest::newRow("number 38 digits")
            << u"a"_s << u"Number"_s << u"00012345678901234567890123456789012345678.000"_s << true;
        QTest::newRow("number 39 digits")
            << u"a"_s << u"Number"_s << u"1.23456789012345678901234567890123456789"_s << false;
        QTest::newRow("number .5") << u"a"_s << u"Number"_s << u".5"_s << true;
        QTest::newRow("number 5.") << u"a"_s << u"Number"_s << u"+5."_s << true;
        QTest::newRow("number .") << u"a"_s << u"Number"_s << u"."_s << false;
        QTest::newRow("number e5") << u"a"_s << u"Number"_s << u"e5"_s << false;
        QTest::newRow("bad type") << u"a"_s << u"Integer"_s << u"1"_s << false;
        QTest::newRow("empty type") << u"a"_s << u""_s << u"1"_s << false;
        QTest::newRow("empty value") << u"a"_s << u"String"_s << u""_s << false;
        QTest::newRow("aws prefix") << u"AWS.x"_s << u"String"_s << u"v"_s << false;
        QTest::newRow("amazon prefix") << u"amazon.x"_s << u"String"_s << u"v"_s << false;
        QTest::newRow("double dot") << u"a..b"_s << u"String"_s << u"v"_s << false;
        QTest::newRow("space in name") << u"a b"_s << u"String"_s << u"v"_s << false;
    }

    void messageAttributes()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        MessageAttributes attributes;
        attributes.insert(name, MessageAttributeValue{type, value, {}, {}, {}});
        const auto result = Rules::validateMessageAttributes(attributes);
        QCOMPARE(result.has_value(), valid);
        if (!valid && type == u"Number"_s)
            QCOMPARE(result.error().message,
                u"Can't cast the value of message (user) attribute 'a' to a number."_s);
    }

    void tooManyAttributes()
    {
        MessageAttributes attributes;
        for (int i = 0; i < 11; ++i)
            attributes.insert(
                u"a%1"_s.arg(i), MessageAttributeValue{u"String"_s, u"v"_s, {}, {}, {}});
        const auto result = Rules::validateMessageAttributes(attributes);
        QVERIFY(!result);
        QCOMPARE(result.error().message,
            u"Number of message attributes [11] exceeds the allowed maximum [10]."_s);
    }

    // Reference digests computed with AWS's documented algorithm (independently, in Python).
    void md5OfAttributes()
    {
        MessageAttributes one;
        one.insert(u"k"_s, MessageAttributeValue{u"String"_s, u"v"_s, {}, {}, {}});
        QCOMPARE(Rules::md5OfMessageAttributes(one), u"0a77b0642718c3d9dd47090567d11e0d"_s);
        MessageAttributes mixed;
        mixed.insert(u"z"_s, MessageAttributeValue{u"String"_s, u"ünï"_s, {}, {}, {}});
        mixed.insert(u"b"_s,
            MessageAttributeValue{u"Binary"_s, {}, QByteArray("\x00\x01\x02\xff", 4), {}, {}});
        mixed.insert(u"a"_s, MessageAttributeValue{u"Number.int"_s, u"42"_s, {}, {}, {}});
        QCOMPARE(Rules::md5OfMessageAttributes(mixed), u"68454c5688bb85b8555e491ca5467e54"_s);
        QCOMPARE(Rules::md5OfMessageAttributes({}), QString());
        QCOMPARE(Rules::md5OfBody(u"hello"_s), u"5d41402abc4b2a76b9719d911017c592"_s);
        QCOMPARE(Rules::contentDeduplicationId(u"hello"_s),
            u"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"_s);
    }

    void attributeSelectors()
    {
        QVERIFY(Rules::attributeNameSelected({u"All"_s}, u"x"_s));
        QVERIFY(Rules::attributeNameSelected({u".*"_s}, u"x"_s));
        QVERIFY(Rules::attributeNameSelected({u"order.*"_s}, u"order.id"_s));
        QVERIFY(!Rules::attributeNameSelected({u"order.*"_s}, u"orders"_s));
        QVERIFY(Rules::attributeNameSelected({u"a"_s, u"b"_s}, u"b"_s));
        QVERIFY(!Rules::attributeNameSelected({}, u"b"_s));
    }
};

QTEST_GUILESS_MAIN(tst_SqsRules)
#include "tst_sqsrules.moc"
