// SPDX-License-Identifier: MIT
// Pins the background checkpointer: with automatic checkpoints off on the writing connection the
// WAL grows without bound, and with the checkpointer running it is copied back and restarted, so
// it stays small while the data stays readable.
#include "core/storage/checkpointer.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"
#include "tests/support/tempdatabase.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Checkpointer final : public QObject
{
    Q_OBJECT

private:
    // Writes `rounds` transactions of 100 rows of 1 KiB each.
    static void write(Core::Storage::Database &database, int rounds)
    {
        QSqlQuery create(database.connection());
        QVERIFY(
            create.exec(u"CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, v BLOB)"_s));
        for (int round = 0; round < rounds; ++round) {
            Core::Storage::SqlTransaction transaction(database.connection());
            QSqlQuery &insert = database.prepared(u"INSERT INTO filler (v) VALUES (?)"_s);
            for (int row = 0; row < 100; ++row) {
                insert.addBindValue(QByteArray(1024, char('a' + row % 26)));
                QVERIFY(insert.exec());
            }
            transaction.commit();
        }
    }

    static int rows(const Core::Storage::Database &database)
    {
        QSqlQuery count(database.connection());
        return count.exec(u"SELECT COUNT(*) FROM filler"_s) && count.next() ? count.value(0).toInt()
                                                                            : -1;
    }

    static qint64 walSize(const Core::Storage::Database &database)
    {
        return QFileInfo(database.filePath() + u"-wal"_s).size();
    }

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void withoutCheckpointsTheWalGrows()
    {
        Tests::TempDatabase temp;
        QVERIFY(temp.isOpen());
        temp.database().setAutoCheckpoint(false);
        write(temp.database(), 60);
        QVERIFY2(walSize(temp.database()) > 5 * 1024 * 1024,
            qPrintable(QString::number(walSize(temp.database()))));
    }

    void checkpointerKeepsTheWalSmall()
    {
        Tests::TempDatabase temp;
        QVERIFY(temp.isOpen());
        temp.database().setAutoCheckpoint(false);
        Core::Storage::Checkpointer checkpointer(temp.database(), std::chrono::milliseconds(5));
        checkpointer.start();
        for (int batch = 0; batch < 60; ++batch) {
            write(temp.database(), 1);
            QTest::qWait(10);
        }
        QTRY_VERIFY(checkpointer.checkpoints() > 10);
        checkpointer.stop(); // a last checkpoint copies everything back
        write(temp.database(), 1); // the first write after a full checkpoint restarts the WAL
        QSqlQuery frames(temp.database().connection());
        QVERIFY(frames.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) && frames.next());
        QVERIFY2(frames.value(1).toInt() < 200, qPrintable(frames.value(1).toString()));
        QVERIFY2(walSize(temp.database()) < 4 * 1024 * 1024,
            qPrintable(QString::number(walSize(temp.database()))));
        QCOMPARE(rows(temp.database()), 6100);
    }

    // A writer that never pauses (a benchmark, a class sending at once): a passive checkpoint
    // never catches up with it, so the writer finishes one between its transactions when the
    // WAL has grown; without that the WAL grows by every commit.
    void walStaysBoundedUnderWritesWithoutPause()
    {
        Tests::TempDatabase temp;
        QVERIFY(temp.isOpen());
        temp.database().setAutoCheckpoint(false);
        Core::Storage::Checkpointer checkpointer(temp.database(), std::chrono::milliseconds(20));
        checkpointer.start();
        qint64 largest = 0;
        // 4000 commits, about 450 MiB of pages: without restarts the WAL would hold them all.
        // With them it stays near journal_size_limit; on a loaded machine (ctest -j2) the
        // background checkpoint can keep the writer's from finishing for a while, so the bound
        // leaves room for that and still catches a WAL that grows without end.
        for (int round = 0; round < 400; ++round) {
            write(temp.database(), 10);
            checkpointer.writerIdle();
            largest = qMax(largest, walSize(temp.database()));
        }
        checkpointer.stop();
        QVERIFY2(largest < 224 * 1024 * 1024, qPrintable(QString::number(largest)));
        QVERIFY(checkpointer.restarts() > 0);
        QCOMPARE(rows(temp.database()), 400'000);
    }

    void stopWithoutStartIsHarmless()
    {
        Tests::TempDatabase temp;
        Core::Storage::Checkpointer checkpointer(temp.database(), std::chrono::milliseconds(5));
        checkpointer.stop();
        QCOMPARE(checkpointer.checkpoints(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Checkpointer)
#include "tst_checkpointer.moc"
