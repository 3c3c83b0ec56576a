// SPDX-License-Identifier: MIT
// PayloadFormatter makes journal bodies readable: JSON and XML indented, form bodies one decoded
// pair per line, CBOR in diagnostic notation, binary as a bounded hex dump.

#include "ui/activity/payloadformatter.h"

#include <QCborMap>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
namespace PayloadFormatter = Gui::Activity::PayloadFormatter;
using PayloadFormatter::Kind;

class tst_PayloadFormatter final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void format_data();
    void format();
    void cbor();
    void binaryPreviewIsBounded();
    void headerValue();
};

void tst_PayloadFormatter::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void tst_PayloadFormatter::format_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QByteArray() << u"application/json"_s << Kind::Empty << QString();
    QTest::newRow("json") << QByteArray(R"({"QueueUrls":["a"]})") << u"application/x-amz-json-1.0"_s
                          << Kind::Json << u"{\n    \"QueueUrls\": [\n        \"a\"\n    ]\n}"_s;
    QTest::newRow("json sniffed") << QByteArray(" [1,2]") << QString() << Kind::Json
                                  << u"[\n    1,\n    2\n]"_s;
    QTest::newRow("broken json is text")
        << QByteArray("{nope") << u"application/json"_s << Kind::Text << u"{nope"_s;
    QTest::newRow("xml") << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<A xmlns=\"x\">"
                                       "<B>1</B><C/></A>")
                         << u"text/xml"_s << Kind::Xml
                         << u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<A xmlns=\"x\">\n"
                            "  <B>1</B>\n  <C/>\n</A>"_s;
    QTest::newRow("form") << QByteArray("Action=SendMessage&MessageBody=hello+world%21&Version=1")
                          << u"application/x-www-form-urlencoded; charset=utf-8"_s << Kind::Form
                          << u"Action = SendMessage\nMessageBody = hello world!\nVersion = 1"_s;
    QTest::newRow("form sniffed") << QByteArray("a=1&b=%C3%A4") << QString() << Kind::Form
                                  << u"a = 1\nb = ä"_s;
    QTest::newRow("text") << QByteArray("hello there\n") << u"text/plain"_s << Kind::Text
                          << u"hello there\n"_s;
    QTest::newRow("binary") << QByteArray("\x00\x01"
                                          "ABC",
        5) << u"application/octet-stream"_s
                            << Kind::Binary
                            << u"00000000  00 01 41 42 43                                    "
                               "|..ABC|"_s;
}

void tst_PayloadFormatter::format()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, contentType);
    QFETCH(Kind, kind);
    QFETCH(QString, text);
    const PayloadFormatter::Formatted formatted = PayloadFormatter::format(body, contentType);
    QCOMPARE(formatted.kind, kind);
    QCOMPARE(formatted.text, text);
}

void tst_PayloadFormatter::cbor()
{
    const QByteArray body = QCborValue(QCborMap{{u"Namespace"_s, u"App"_s}}).toCbor();
    const auto formatted = PayloadFormatter::format(body, u"application/cbor");
    QCOMPARE(formatted.kind, Kind::Cbor);
    QVERIFY2(formatted.text.contains(u"\"Namespace\": \"App\""_s), qPrintable(formatted.text));
}

void tst_PayloadFormatter::binaryPreviewIsBounded()
{
    const QByteArray body(5000, '\x02');
    const auto formatted = PayloadFormatter::format(body, u"");
    QCOMPARE(formatted.kind, Kind::Binary);
    QCOMPARE(formatted.text.count(u'\n'), PayloadFormatter::HexPreviewBytes / 16);
    QVERIFY(formatted.text.contains(u"5000"_s) || formatted.text.contains(u"5,000"_s));
}

void tst_PayloadFormatter::headerValue()
{
    const QString headers = u"Host: 127.0.0.1:4566\nContent-Type: application/json\n"
                            "X-Amz-Target: DynamoDB_20120810.ListTables\n"_s;
    QCOMPARE(PayloadFormatter::headerValue(headers, u"content-type"), u"application/json"_s);
    QCOMPARE(
        PayloadFormatter::headerValue(headers, u"X-AMZ-TARGET"), u"DynamoDB_20120810.ListTables"_s);
    QCOMPARE(PayloadFormatter::headerValue(headers, u"Authorization"), QString());
}

QTEST_MAIN(tst_PayloadFormatter)
#include "tst_payloadformatter.moc"
