// SPDX-License-Identifier: MIT
// The pure parts of Lambda: the ZIP reader (stored, deflated, CRC, path traversal), the ZIP
// writer round trip, handler string resolution per runtime, and the bootstrap pipe protocol.
#include "core/lambda/bootstrapprotocol.h"
#include "core/lambda/runtimes.h"
#include "core/lambda/zipreader.h"
#include "core/lambda/zipwriter.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Lambda;

namespace {

// Made with Python's zipfile: app.py + lib/util.py deflated; a.txt stored; "../evil.py";
// "/etc/evil".
constexpr auto Deflated =
    "UEsDBBQAAAAIAOuOd13rEd5lLgAAAH4AAAAGAAAAYXBwLnB5S0lNU8hIzEvJSS3SSNVRSNa04lIAgqLUktKiPIVq9dTkjH"
    "x1K4XUWq4UGqgEAFBLAwQUAAAACADrjnddDYxajAgAAAAGAAAACwAAAGxpYi91dGlsLnB5i1CwVTDkAgBQSwECFAMUAAA"
    "ACADrjndd6xHeZS4AAAB+AAAABgAAAAAAAAAAAAAAgAEAAAAAYXBwLnB5UEsBAhQDFAAAAAgA6453XQ2MWowIAAAABgAA"
    "AAsAAAAAAAAAAAAAAIABUgAAAGxpYi91dGlsLnB5UEsFBgAAAAACAAIAbQAAAIMAAAAAAA==";
constexpr auto Stored = "UEsDBBQAAAAAAOuOd12GphA2BQAAAAUAAAAFAAAAYS50eHRoZWxsb1BLAQIUAxQAAAAAAOuOd1"
                        "2GphA2BQAAAAUAAAAFAAA"
                        "AAAAAAAAAAACAAQAAAABhLnR4dFBLBQYAAAAAAQABADMAAAAoAAAAAAA=";
constexpr auto Traversal =
    "UEsDBBQAAAAIAOuOd10Az/SFBgAAAAQAAAAKAAAALi4vZXZpbC5weauwNeQCAFBLAQIUAxQAAAAIAOuOd10Az/"
    "SFBgAAAAQ"
    "AAAAKAAAAAAAAAAAAAACAAQAAAAAuLi9ldmlsLnB5UEsFBgAAAAABAAEAOAAAAC4AAAAAAA==";
constexpr auto Absolute = "UEsDBBQAAAAIAOuOd12DFtyMAwAAAAEAAAAJAAAAL2V0Yy9ldmlsqwAAUEsBAhQDFAAAAAgA"
                          "6453XYMW3IwDAAAAAQAAAAkA"
                          "AAAAAAAAAAAAAIABAAAAAC9ldGMvZXZpbFBLBQYAAAAAAQABADcAAAAqAAAAAAA=";

QByteArray decode(const char *base64)
{
    return QByteArray::fromBase64(QByteArray(base64));
}

} // namespace

class tst_LambdaParts : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void readsDeflatedAndStored()
    {
        const auto deflated = ZipReader::read(decode(Deflated));
        QVERIFY2(deflated, qPrintable(deflated ? QString() : deflated.error()));
        QCOMPARE(deflated->size(), 2);
        QCOMPARE(deflated->at(0).name, u"app.py"_s);
        QVERIFY(deflated->at(0).data.startsWith("def handler(e, c):"));
        QCOMPARE(deflated->at(1).name, u"lib/util.py"_s);
        const auto stored = ZipReader::read(decode(Stored));
        QVERIFY(stored);
        QCOMPARE(stored->at(0).data, QByteArray("hello"));

        QTemporaryDir dir;
        QVERIFY(ZipReader::extract(*deflated, dir.filePath(u"code"_s)));
        QVERIFY(QFile::exists(dir.filePath(u"code/lib/util.py"_s)));
    }

    void rejectsBadArchives_data()
    {
        QTest::addColumn<QByteArray>("zip");
        QTest::newRow("traversal") << decode(Traversal);
        QTest::newRow("absolute") << decode(Absolute);
        QTest::newRow("not a zip") << QByteArray("this is not a zip file at all, sorry");
        QTest::newRow("empty") << QByteArray();
        QByteArray truncated = decode(Deflated);
        truncated.chop(30);
        QTest::newRow("truncated") << truncated;
        QByteArray corrupt = decode(Stored);
        corrupt[qsizetype(corrupt.indexOf("hello"))] = 'j'; // CRC no longer matches
        QTest::newRow("crc") << corrupt;
    }

    void rejectsBadArchives()
    {
        QFETCH(QByteArray, zip);
        QVERIFY(!ZipReader::read(zip));
    }

    void writerRoundTrip()
    {
        QList<ZipReader::Entry> entries{
            {u"index.mjs"_s, QByteArray("export const x = 1;\n").repeated(50), false, false},
            {u"sub/run.sh"_s, QByteArray("#!/bin/sh\n"), false, true}};
        const auto read = ZipReader::read(ZipWriter::write(entries));
        QVERIFY2(read, qPrintable(read ? QString() : read.error()));
        QCOMPARE(read->size(), 2);
        QCOMPARE(read->at(0).data, entries.at(0).data);
        QCOMPARE(read->at(1).name, u"sub/run.sh"_s);
        QVERIFY(read->at(1).executable);
    }

    void parseHandler_data()
    {
        QTest::addColumn<QString>("handler");
        QTest::addColumn<bool>("node");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("function");
        QTest::newRow("python") << u"lambda_function.lambda_handler"_s << false
                                << u"lambda_function"_s << u"lambda_handler"_s;
        QTest::newRow("python dir")
            << u"src/app.handler"_s << false << u"src/app"_s << u"handler"_s;
        QTest::newRow("python dotted")
            << u"pkg.mod.handler"_s << false << u"pkg.mod"_s << u"handler"_s;
        QTest::newRow("node") << u"index.handler"_s << true << u"index"_s << u"handler"_s;
        QTest::newRow("node nested") << u"dir/index.a.b"_s << true << u"dir/index"_s << u"a.b"_s;
        QTest::newRow("no dot") << u"handler"_s << false << QString() << QString();
        QTest::newRow("trailing dot") << u"index."_s << true << QString() << QString();
        QTest::newRow("escape") << u"../x.handler"_s << false << QString() << QString();
    }

    void parseHandler()
    {
        QFETCH(QString, handler);
        QFETCH(bool, node);
        QFETCH(QString, module);
        QFETCH(QString, function);
        const auto location =
            Core::Lambda::parseHandler(handler, node ? RuntimeKind::Node : RuntimeKind::Python);
        QCOMPARE(location.has_value(), !module.isEmpty());
        if (location) {
            QCOMPARE(location->module, module);
            QCOMPARE(location->function, function);
        }
    }

    void runtimes()
    {
        QCOMPARE(runtimeInfo(u"python3.9"_s)->kind, RuntimeKind::Python);
        QCOMPARE(runtimeInfo(u"nodejs22.x"_s)->interpreter, u"node"_s);
        QCOMPARE(runtimeInfo(u"java21"_s)->kind, RuntimeKind::Unsupported);
        QVERIFY(!runtimeInfo(u"python2.7"_s));
        QVERIFY(deprecatedRuntimeMessage(u"python2.7"_s).contains(u"no longer supported"_s));
        QVERIFY(deprecatedRuntimeMessage(u"cobol"_s).isEmpty());
    }

    void protocolFrames()
    {
        BootstrapReader reader;
        const QByteArray stream = "READY 0\nRESULT 7\n{\"a\":1}ERROR 2\n{}";
        // Fed one byte at a time: frames come out whole and in order.
        QList<BootstrapMessage> messages;
        for (char c : stream) {
            reader.feed(QByteArray(1, c));
            while (auto message = reader.next())
                messages.append(*message);
        }
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).type, BootstrapMessage::Type::Ready);
        QCOMPARE(messages.at(1).type, BootstrapMessage::Type::Result);
        QCOMPARE(messages.at(1).payload, QByteArray("{\"a\":1}"));
        QCOMPARE(messages.at(2).type, BootstrapMessage::Type::Error);
        QVERIFY(!reader.isBroken());
        QCOMPARE(invokeFrame("{}", "[1]"), QByteArray("INVOKE 2 3\n{}[1]"));
    }

    void protocolRejectsGarbage()
    {
        BootstrapReader reader;
        reader.feed("HELLO world\n");
        QVERIFY(!reader.next());
        QVERIFY(reader.isBroken());
        BootstrapReader noNewline;
        noNewline.feed(QByteArray(100, 'x'));
        QVERIFY(!noNewline.next());
        QVERIFY(noNewline.isBroken());
    }
};

QTEST_GUILESS_MAIN(tst_LambdaParts)
#include "tst_lambdaparts.moc"
