// SPDX-License-Identifier: MIT
// Pins the generated ids: UUIDs in the shape AWS's request and message ids have (version 4,
// lower case, dashes), distinct; random hex and alphanumerics of the asked length and alphabet.
#include "core/common/ids.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

class tst_Ids final : public QObject
{
    Q_OBJECT

private slots:
    void uuidsAreVersion4AndDistinct()
    {
        static const QRegularExpression shape(
            u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
        QSet<QString> seen;
        for (int i = 0; i < 20'000; ++i) {
            const QString id = i % 2 ? Core::Ids::uuid() : Core::Ids::requestId();
            QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 20'000);
        // Qt reads it as the same UUID (version and variant where RFC 4122 puts them).
        const QUuid parsed(Core::Ids::uuid());
        QCOMPARE(parsed.version(), QUuid::Random);
        QCOMPARE(parsed.variant(), QUuid::DCE);
    }

    void randomTextHasTheAskedLengthAndAlphabet()
    {
        static const QRegularExpression hex(u"^[0-9a-f]{40}$"_s);
        static const QRegularExpression alphanumeric(u"^[A-Za-z0-9]{24}$"_s);
        QVERIFY(hex.match(Core::Ids::randomHex(40)).hasMatch());
        QVERIFY(alphanumeric.match(Core::Ids::randomAlphanumeric(24)).hasMatch());
        QVERIFY(Core::Ids::randomHex(40) != Core::Ids::randomHex(40));
    }
};

QTEST_GUILESS_MAIN(tst_Ids)
#include "tst_ids.moc"
