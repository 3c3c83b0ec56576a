// SPDX-License-Identifier: MIT
// Pins the aws-chunked decoder: signed and unsigned framing, trailers, any slicing of the input,
// and malformed framing (bad sizes, short data, missing CRLF, truncation) rejected.
#include "core/api/handlers/awschunkeddecoder.h"
#include "core/s3/bodydigest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Core::Api::AwsChunkedDecoder;

class tst_AwsChunked final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void decodes_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("decoded");
        QTest::addColumn<QByteArray>("trailer");
        const QByteArray sig = ";chunk-signature=" + QByteArray(64, 'a');
        QTest::newRow("signed") << QByteArray(
            "5" + sig + "\r\nhello\r\n6" + sig + "\r\n world\r\n0" + sig + "\r\n\r\n")
                                << QByteArray("hello world") << QByteArray();
        QTest::newRow("unsigned with trailer")
            << QByteArray("b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n")
            << QByteArray("hello world") << QByteArray("DUoRhQ==");
        QTest::newRow("trailer without final CRLF")
            << QByteArray("3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n") << QByteArray("abc")
            << QByteArray("NSRBwg==");
        QTest::newRow("empty body") << QByteArray("0\r\n\r\n") << QByteArray() << QByteArray();
        QTest::newRow("upper-case hex") << QByteArray("A\r\n0123456789\r\n0\r\n\r\n")
                                        << QByteArray("0123456789") << QByteArray();
    }

    void decodes()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, decoded);
        QFETCH(QByteArray, trailer);
        // Every split point: the decoder is incremental.
        for (qsizetype split = 0; split <= input.size(); ++split) {
            QByteArray out;
            AwsChunkedDecoder decoder([&out](QByteArrayView data) {
                out.append(data);
                return true;
            });
            QVERIFY(decoder.feed(QByteArrayView(input).first(split)));
            QVERIFY(decoder.feed(QByteArrayView(input).sliced(split)));
            QVERIFY2(decoder.finish(), qPrintable(decoder.error()));
            QCOMPARE(out, decoded);
            QCOMPARE(decoder.decodedSize(), decoded.size());
            if (!trailer.isEmpty()) {
                QCOMPARE(decoder.trailers().size(), 1);
                QCOMPARE(decoder.trailers().first().first, QByteArray("x-amz-checksum-crc32"));
                QCOMPARE(decoder.trailers().first().second, trailer);
            }
        }
    }

    void trailerChecksumMatchesCrc32()
    {
        Core::S3::BodyDigest digest(u"CRC32"_s);
        digest.addData("hello world");
        QCOMPARE(digest.checksumBase64(), u"DUoRhQ=="_s);
        Core::S3::BodyDigest crc32c(u"crc32c"_s);
        crc32c.addData("hello world");
        QCOMPARE(crc32c.checksumBase64(), u"yZRlqg=="_s);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("not hex") << QByteArray("zz\r\nabc\r\n0\r\n\r\n");
        QTest::newRow("empty size") << QByteArray("\r\nabc\r\n0\r\n\r\n");
        QTest::newRow("data longer than size") << QByteArray("2\r\nabc\r\n0\r\n\r\n");
        QTest::newRow("missing CRLF after data") << QByteArray("3\r\nabcX0\r\n\r\n");
        QTest::newRow("bare LF") << QByteArray("3\nabc\r\n0\r\n\r\n");
        QTest::newRow("truncated data") << QByteArray("10\r\nabc");
        QTest::newRow("no final chunk") << QByteArray("3\r\nabc\r\n");
        QTest::newRow("bad extension") << QByteArray("3;foo=bar\r\nabc\r\n0\r\n\r\n");
        QTest::newRow("garbage after end") << QByteArray("0\r\n\r\nextra");
        QTest::newRow("bad trailer") << QByteArray("0\r\nnocolon\r\n\r\n");
        QTest::newRow("huge line") << QByteArray(5000, '1');
    }

    void rejectsMalformed()
    {
        QFETCH(QByteArray, input);
        AwsChunkedDecoder decoder([](QByteArrayView) { return true; });
        const bool fed = decoder.feed(input);
        QVERIFY(!fed || !decoder.finish());
        QVERIFY(!decoder.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_AwsChunked)
#include "tst_awschunked.moc"
