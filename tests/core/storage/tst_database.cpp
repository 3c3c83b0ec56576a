// SPDX-License-Identifier: MIT
// Pins the storage contract: WAL and synchronous=NORMAL really on, migrations applied once and
// recorded, a newer or damaged database refused untouched with a message naming the file, and
// nested transactions rolling back only their own writes.
#include "core/storage/database.h"
#include "core/storage/migrator.h"
#include "core/storage/sqltransaction.h"
#include "tests/support/tempdatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Database final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void walAndSynchronousAreOn()
    {
        Tests::TempDatabase temp;
        QVERIFY(temp.isOpen());
        QSqlQuery query(temp.database().connection());
        QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"wal"_s);
        QVERIFY(query.exec(u"PRAGMA synchronous"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(u"PRAGMA foreign_keys"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }

    void migrationsAreRecordedAndAppliedOnce()
    {
        Tests::TempDatabase temp;
        QVERIFY(temp.isOpen());
        Core::Storage::Migrator migrator(temp.database());
        const QStringList known = migrator.knownMigrations();
        QVERIFY(known.contains(u"001_foundation"_s));
        QSqlQuery query(temp.database().connection());
        QVERIFY(query.exec(u"SELECT COUNT(*) FROM schema_version"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), known.size());
        query.finish();
        const auto again = migrator.migrate();
        QVERIFY(again.has_value());
        QVERIFY(again->isEmpty());
    }

    void newerSchemaIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"newer.db"_s);
        {
            Core::Storage::Database database(path);
            QVERIFY(database.open().has_value());
            QSqlQuery query(database.connection());
            QVERIFY(query.exec(u"INSERT INTO schema_version VALUES ('999_from_the_future', 0)"_s));
            query.finish();
            database.closeThreadConnection();
        }
        const QByteArray before = fileHash(path);
        Core::Storage::Database database(path);
        const auto opened = database.open();
        QVERIFY(!opened.has_value());
        QVERIFY2(opened.error().contains(u"newer version"_s), qPrintable(opened.error()));
        QVERIFY(opened.error().contains(path));
        database.closeThreadConnection();
        QCOMPARE(fileHash(path), before);
    }

    void foreignFileIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notes.db"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("these are my notes, not a database\n");
        file.close();
        Core::Storage::Database database(path);
        const auto opened = database.open();
        QVERIFY(!opened.has_value());
        QVERIFY(opened.error().contains(path));
        QFile check(path);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("these are my notes, not a database\n"));
    }

    void damagedDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"damaged.db"_s);
        {
            Core::Storage::Database database(path);
            QVERIFY(database.open().has_value());
            QSqlQuery query(database.connection());
            QVERIFY(query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
            query.finish();
            database.closeThreadConnection();
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        // Keep the header, scribble over the schema pages.
        file.seek(100);
        file.write(QByteArray(8000, '\xAB'));
        file.close();
        const QByteArray before = fileHash(path);
        Core::Storage::Database database(path);
        QTest::failOnWarning(QRegularExpression(u"^(?!cannot open).*"_s));
        const auto opened = database.open();
        QVERIFY(!opened.has_value());
        QVERIFY2(opened.error().contains(path), qPrintable(opened.error()));
        database.closeThreadConnection();
        QCOMPARE(fileHash(path), before);
    }

    void nestedTransactionRollsBackOnlyItsOwnWrites()
    {
        Tests::TempDatabase temp;
        QSqlDatabase db = temp.database().connection();
        {
            Core::Storage::SqlTransaction outer(db);
            QVERIFY(outer.isActive());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"INSERT INTO settings VALUES ('kept', '1')"_s));
            {
                Core::Storage::SqlTransaction inner(db);
                QVERIFY(inner.isActive());
                QVERIFY(query.exec(u"INSERT INTO settings VALUES ('dropped', '1')"_s));
                // leaves scope without commit: rolled back to its savepoint
            }
            {
                Core::Storage::SqlTransaction inner(db);
                QVERIFY(query.exec(u"INSERT INTO settings VALUES ('also kept', '1')"_s));
                QVERIFY(inner.commit());
            }
            query.finish();
            QVERIFY(outer.commit());
        }
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT key FROM settings ORDER BY key"_s));
        QStringList keys;
        while (query.next())
            keys << query.value(0).toString();
        QCOMPARE(keys, QStringList({u"also kept"_s, u"kept"_s}));
    }

    void uncommittedOuterTransactionLeavesNothing()
    {
        Tests::TempDatabase temp;
        QSqlDatabase db = temp.database().connection();
        {
            Core::Storage::SqlTransaction outer(db);
            QSqlQuery query(db);
            QVERIFY(query.exec(u"INSERT INTO settings VALUES ('gone', '1')"_s));
        }
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT COUNT(*) FROM settings"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }

private:
    static QByteArray fileHash(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
