// SPDX-License-Identifier: MIT
// Pins DynamoDB backups and point-in-time recovery (DDB-39) against AWS: on-demand backups
// (names, errors, listing by type and table, deletion), restores into new tables (the backup's
// items and indexes; no streams, TTL or tags; overrides; an existing target refused), point in
// time recovery (the window from when it was turned on to five minutes ago, a restore that undoes
// later changes, history dropped when it is turned off), and the SYSTEM backup a deleted table
// with point-in-time recovery leaves.
#include "core/common/clock.h"
#include "core/dynamodb/dynamodbservice.h"
#include "tests/support/tempdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::DynamoDb::DynamoDbService;

namespace {

constexpr qint64 Minute = 60'000;

QJsonObject json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(text, &error).object();
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "json", text.constData());
    return object;
}

QString errorOf(const Core::Result<QJsonObject> &response)
{
    return response ? QString() : response.error().code;
}

} // namespace

class tst_DynamoDbBackups final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TempDatabase> m_temp;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<DynamoDbService> m_service;

    QJsonObject ok(const Core::Result<QJsonObject> &response)
    {
        if (!response) {
            qWarning("unexpected error %s: %s",
                qPrintable(response.error().code),
                qPrintable(response.error().message));
            return {};
        }
        return *response;
    }

    // A table "music" (pk, sk) with a GSI on sk, a stream, TTL and a tag.
    void createTable()
    {
        ok(m_service->createTable(json(
            R"({"TableName":"music","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[
            {"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],
            "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
            "GlobalSecondaryIndexes":[{"IndexName":"bySk","KeySchema":[{"AttributeName":"sk",
            "KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}],
            "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"},
            "Tags":[{"Key":"team","Value":"a"}]})")));
        ok(m_service->updateTimeToLive(json(R"({"TableName":"music","TimeToLiveSpecification":
            {"Enabled":true,"AttributeName":"expires"}})")));
    }

    void put(const QByteArray &sk, const QByteArray &value = "1")
    {
        ok(m_service->putItem(json(R"({"TableName":"music","Item":{"pk":{"S":"p"},"sk":{"S":")" + sk
            + R"("},"v":{"N":")" + value + R"("}}})")));
    }

    void remove(const QByteArray &sk)
    {
        ok(m_service->deleteItem(
            json(R"({"TableName":"music","Key":{"pk":{"S":"p"},"sk":{"S":")" + sk + R"("}}})")));
    }

    // sk=v of every item of `table`, in key order.
    QStringList contents(const QString &table)
    {
        QStringList result;
        const QJsonObject scanned = ok(m_service->scan(QJsonObject{{u"TableName"_s, table}}));
        for (const QJsonValue &item : scanned[u"Items"_s].toArray())
            result.append(
                item[u"sk"_s][u"S"_s].toString() + u'=' + item[u"v"_s][u"N"_s].toString());
        result.sort();
        return result;
    }

    QJsonObject restorePointInTime(const QString &target, const QJsonValue &when)
    {
        QJsonObject request{{u"SourceTableName"_s, u"music"_s}, {u"TargetTableName"_s, target}};
        if (when.isBool())
            request.insert(u"UseLatestRestorableTime"_s, true);
        else
            request.insert(u"RestoreDateTime"_s, when);
        return ok(m_service->restoreTableToPointInTime(request));
    }

private slots:
    void init()
    {
        QTest::failOnWarning(QRegularExpression(u".*"_s));
        m_temp = std::make_unique<Tests::TempDatabase>();
        QVERIFY(m_temp->isOpen());
        m_clock = std::make_unique<Core::ManualClock>();
        m_service = std::make_unique<DynamoDbService>(
            m_temp->database(), m_clock.get(), u"us-east-1"_s, u"000000000000"_s);
    }

    void cleanup()
    {
        m_service.reset();
        m_clock.reset();
        m_temp.reset();
    }

    void onDemandBackups()
    {
        createTable();
        put("a");
        put("b");
        QCOMPARE(
            errorOf(m_service->createBackup(json(R"({"TableName":"music","BackupName":"x"})"))),
            u"ValidationException"_s);
        QCOMPARE(errorOf(m_service->createBackup(
                     json(R"({"TableName":"nothing","BackupName":"first"})"))),
            u"TableNotFoundException"_s);
        const QJsonObject details = ok(m_service->createBackup(
            json(R"({"TableName":"music","BackupName":"first"})")))[u"BackupDetails"_s]
                                        .toObject();
        const QString arn = details[u"BackupArn"_s].toString();
        QVERIFY(arn.startsWith(u"arn:aws:dynamodb:us-east-1:000000000000:table/music/backup/"_s));
        QCOMPARE(details[u"BackupStatus"_s].toString(), u"AVAILABLE"_s);
        QCOMPARE(details[u"BackupType"_s].toString(), u"USER"_s);

        const QJsonObject description = ok(
            m_service->describeBackup(QJsonObject{{u"BackupArn"_s, arn}}))[u"BackupDescription"_s]
                                            .toObject();
        QCOMPARE(description[u"SourceTableDetails"_s][u"ItemCount"_s].toInt(), 2);
        QCOMPARE(description[u"SourceTableFeatureDetails"_s][u"GlobalSecondaryIndexes"_s][0]
                            [u"IndexName"_s]
                                .toString(),
            u"bySk"_s);
        QCOMPARE(errorOf(m_service->describeBackup(
                     QJsonObject{{u"BackupArn"_s, QString(arn + u"0"_s)}})),
            u"BackupNotFoundException"_s);

        // The backup holds the items as they were; later writes do not reach it.
        remove("a");
        put("c");
        const QJsonObject restored = ok(m_service->restoreTableFromBackup(
            QJsonObject{{u"TargetTableName"_s, u"copy"_s}, {u"BackupArn"_s, arn}}));
        const QJsonObject table = restored[u"TableDescription"_s].toObject();
        QCOMPARE(table[u"RestoreSummary"_s][u"SourceBackupArn"_s].toString(), arn);
        QCOMPARE(table[u"ItemCount"_s].toInt(), 2);
        QCOMPARE(contents(u"copy"_s), (QStringList{u"a=1"_s, u"b=1"_s}));
        // The index is there and filled; streams, TTL and tags are not restored (AWS).
        const QJsonObject byIndex = ok(m_service->query(json(
            R"({"TableName":"copy","IndexName":"bySk","KeyConditionExpression":"sk = :s",
            "ExpressionAttributeValues":{":s":{"S":"a"}}})")));
        QCOMPARE(byIndex[u"Count"_s].toInt(), 1);
        const QJsonObject copy =
            ok(m_service->describeTable(json(R"({"TableName":"copy"})")))[u"Table"_s].toObject();
        QVERIFY(!copy.contains(u"StreamSpecification"_s));
        QCOMPARE(copy[u"RestoreSummary"_s][u"RestoreInProgress"_s].toBool(), false);
        QCOMPARE(ok(m_service->describeTimeToLive(json(
                     R"({"TableName":"copy"})")))[u"TimeToLiveDescription"_s][u"TimeToLiveStatus"_s]
                     .toString(),
            u"DISABLED"_s);
        QVERIFY(ok(m_service->listTagsOfResource(
            QJsonObject{{u"ResourceArn"_s, copy[u"TableArn"_s].toString()}}))[u"Tags"_s]
                    .toArray()
                    .isEmpty());
        QCOMPARE(errorOf(m_service->restoreTableFromBackup(
                     QJsonObject{{u"TargetTableName"_s, u"copy"_s}, {u"BackupArn"_s, arn}})),
            u"TableAlreadyExistsException"_s);
        // Overrides: provisioned billing needs throughput; an empty GSI list drops the index.
        QCOMPARE(
            errorOf(m_service->restoreTableFromBackup(QJsonObject{{u"TargetTableName"_s, u"prov"_s},
                {u"BackupArn"_s, arn},
                {u"BillingModeOverride"_s, u"PROVISIONED"_s}})),
            u"ValidationException"_s);
        const QJsonObject lean =
            ok(m_service->restoreTableFromBackup(QJsonObject{{u"TargetTableName"_s, u"lean"_s},
                {u"BackupArn"_s, arn},
                {u"GlobalSecondaryIndexOverride"_s, QJsonArray{}}}))[u"TableDescription"_s]
                .toObject();
        QVERIFY(!lean.contains(u"GlobalSecondaryIndexes"_s));

        const QJsonArray listed =
            ok(m_service->listBackups(json(R"({"TableName":"music"})")))[u"BackupSummaries"_s]
                .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0][u"BackupName"_s].toString(), u"first"_s);
        QCOMPARE(ok(m_service->deleteBackup(QJsonObject{{u"BackupArn"_s,
                     arn}}))[u"BackupDescription"_s][u"BackupDetails"_s][u"BackupStatus"_s]
                     .toString(),
            u"DELETED"_s);
        QVERIFY(ok(m_service->listBackups({}))[u"BackupSummaries"_s].toArray().isEmpty());
    }

    void pointInTimeRecovery()
    {
        createTable();
        put("before");
        QCOMPARE(
            errorOf(m_service->restoreTableToPointInTime(json(
                R"({"SourceTableName":"music","TargetTableName":"x","UseLatestRestorableTime":true})"))),
            u"PointInTimeRecoveryUnavailableException"_s);
        QCOMPARE(ok(m_service->describeContinuousBackups(
                     json(R"({"TableName":"music"})")))[u"ContinuousBackupsDescription"_s]
                                                       [u"PointInTimeRecoveryDescription"_s]
                                                       [u"PointInTimeRecoveryStatus"_s]
                                                           .toString(),
            u"DISABLED"_s);
        const qint64 enabledMs = m_clock->nowMs();
        ok(m_service->updateContinuousBackups(json(R"({"TableName":"music",
            "PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})")));
        put("a", "1");
        put("b", "1");
        m_clock->advance(10 * Minute);
        const qint64 checkpoint = m_clock->nowMs();
        m_clock->advance(1000); // a restore to a time keeps what was written at that time
        put("a", "2");
        remove("b");
        put("c", "1");
        m_clock->advance(10 * Minute);

        const QJsonObject window = ok(m_service->describeContinuousBackups(
            json(R"({"TableName":"music"})")))[u"ContinuousBackupsDescription"_s]
                                              [u"PointInTimeRecoveryDescription"_s]
                                                  .toObject();
        QCOMPARE(window[u"EarliestRestorableDateTime"_s].toDouble(), enabledMs / 1000.0);
        QCOMPARE(window[u"LatestRestorableDateTime"_s].toDouble(),
            (m_clock->nowMs() - DynamoDbService::PitrLatencyMs) / 1000.0);

        // Back to the checkpoint: a=1 and b again, c not yet.
        restorePointInTime(u"atCheckpoint"_s, checkpoint / 1000.0);
        QCOMPARE(contents(u"atCheckpoint"_s), (QStringList{u"a=1"_s, u"b=1"_s, u"before=1"_s}));
        restorePointInTime(u"latest"_s, true);
        QCOMPARE(contents(u"latest"_s), (QStringList{u"a=2"_s, u"before=1"_s, u"c=1"_s}));
        // Outside the window: before it was turned on, or within the last five minutes.
        for (const double when :
            {(enabledMs - Minute) / 1000.0, (m_clock->nowMs() - Minute) / 1000.0})
            QCOMPARE(errorOf(m_service->restoreTableToPointInTime(
                         QJsonObject{{u"SourceTableName"_s, u"music"_s},
                             {u"TargetTableName"_s, u"late"_s},
                             {u"RestoreDateTime"_s, when}})),
                u"InvalidRestoreTimeException"_s);

        // Turning it off forgets the history.
        ok(m_service->updateContinuousBackups(json(R"({"TableName":"music",
            "PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":false}})")));
        QCOMPARE(
            errorOf(m_service->restoreTableToPointInTime(json(
                R"({"SourceTableName":"music","TargetTableName":"y","UseLatestRestorableTime":true})"))),
            u"PointInTimeRecoveryUnavailableException"_s);
    }

    void deletedTableLeavesSystemBackup()
    {
        createTable();
        put("a");
        ok(m_service->updateContinuousBackups(json(R"({"TableName":"music",
            "PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})")));
        ok(m_service->deleteTable(json(R"({"TableName":"music"})")));
        QVERIFY(ok(m_service->listBackups({}))[u"BackupSummaries"_s].toArray().isEmpty());
        const QJsonArray system =
            ok(m_service->listBackups(json(R"({"BackupType":"SYSTEM"})")))[u"BackupSummaries"_s]
                .toArray();
        QCOMPARE(system.size(), 1);
        QCOMPARE(system[0][u"BackupName"_s].toString(), u"music$DeletedTableBackup"_s);
        QVERIFY(system[0].toObject().contains(u"BackupExpiryDateTime"_s));
        ok(m_service->restoreTableFromBackup(QJsonObject{{u"TargetTableName"_s, u"music"_s},
            {u"BackupArn"_s, system[0][u"BackupArn"_s].toString()}}));
        QCOMPARE(contents(u"music"_s), QStringList{u"a=1"_s});
        // Kept 35 days.
        m_clock->advance(36LL * 24 * 60 * Minute);
        m_service->sweepExpiredItems();
        QVERIFY(ok(m_service->listBackups(json(R"({"BackupType":"ALL"})")))[u"BackupSummaries"_s]
                    .toArray()
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DynamoDbBackups)
#include "tst_dynamodbbackups.moc"
