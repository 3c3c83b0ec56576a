// SPDX-License-Identifier: MIT
// Pins the trace headers of Lambda's recursive loop detection, table-driven: the Lineage count
// read from an X-Amzn-Trace-Id (absent, several entries, malformed), and the header an
// invocation gets (Root time from the engine clock, Sampled=0, its count).
#include "core/common/tracing.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Tracing final : public QObject
{
    Q_OBJECT

private slots:
    void lineageCount_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("count");
        QTest::newRow("none") << QString() << 0;
        QTest::newRow("no lineage") << u"Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"_s << 0;
        QTest::newRow("lineage") << u"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42c"
                                    u"d8ad8;Sampled=0;Lineage=a87bd80c:3"_s
                                 << 3;
        QTest::newRow("spaces") << u"Root=1-1-2; Lineage=a87bd80c:12"_s << 12;
        QTest::newRow("several, the largest") << u"Root=1-1-2;Lineage=a87bd80c:2|b1c2d3e4:7"_s << 7;
        QTest::newRow("not a number") << u"Root=1-1-2;Lineage=a87bd80c:x"_s << 0;
        QTest::newRow("no colon") << u"Lineage=a87bd80c"_s << 0;
    }
    void lineageCount()
    {
        QFETCH(QString, header);
        QFETCH(int, count);
        QCOMPARE(Core::Tracing::lineageCount(header), count);
    }

    void invocationHeaderRoundTrips()
    {
        const QString header = Core::Tracing::invocationTraceHeader(5, 1'700'000'000'000);
        QVERIFY2(QRegularExpression(u"^Root=1-6553f100-[0-9a-f]{24};Parent=[0-9a-f]{16};"
                                    u"Sampled=0;Lineage=[0-9a-f]{8}:5$"_s)
                     .match(header)
                     .hasMatch(),
            qPrintable(header));
        QCOMPARE(Core::Tracing::lineageCount(header), 5);
    }
};

QTEST_GUILESS_MAIN(tst_Tracing)
#include "tst_tracing.moc"
