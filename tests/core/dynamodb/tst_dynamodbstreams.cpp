// SPDX-License-Identifier: MIT
// Pins DynamoDB Streams against AWS: every write path appends INSERT/MODIFY/REMOVE records with the
// images its StreamViewType asks for (TTL deletions as the dynamodb.amazonaws.com service), the
// four iterator types, paging, expiry after 15 minutes, 24-hour retention and stream lifecycle.
#include "core/common/clock.h"
#include "core/dynamodb/dynamodbservice.h"
#include "core/dynamodb/dynamodbstreamsservice.h"
#include "tests/support/tempdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::DynamoDb::DynamoDbService;
using Core::DynamoDb::DynamoDbStreamsService;

namespace {

QJsonObject json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(text, &error).object();
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "json", text.constData());
    return object;
}

QByteArray compact(const QJsonValue &value)
{
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_DynamoDbStreams final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TempDatabase> m_temp;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<DynamoDbService> m_service;
    std::unique_ptr<DynamoDbStreamsService> m_streams;

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

    QString createTable(const QByteArray &viewType, const QByteArray &name = "tab")
    {
        const QJsonObject created = ok(m_service->createTable(json("{\"TableName\":\"" + name
            + "\",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{"
              "\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{"
              "\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"StreamSpecification\":{"
              "\"StreamEnabled\":true,\"StreamViewType\":\""
            + viewType + "\"}}")));
        return created[u"TableDescription"_s][u"LatestStreamArn"_s].toString();
    }

    QString iterator(const QString &arn, const QString &type, const QString &sequence = {})
    {
        const QJsonObject description =
            ok(m_streams->describeStream(QJsonObject{{u"StreamArn"_s, arn}}));
        QJsonObject request{{u"StreamArn"_s, arn},
            {u"ShardId"_s,
                description[u"StreamDescription"_s][u"Shards"_s][0][u"ShardId"_s].toString()},
            {u"ShardIteratorType"_s, type}};
        if (!sequence.isEmpty())
            request.insert(u"SequenceNumber"_s, sequence);
        return ok(m_streams->getShardIterator(request))[u"ShardIterator"_s].toString();
    }

    QJsonArray records(const QString &arn)
    {
        return ok(m_streams->getRecords(
            QJsonObject{{u"ShardIterator"_s, iterator(arn, u"TRIM_HORIZON"_s)}}))[u"Records"_s]
            .toArray();
    }

    QStringList eventNames(const QJsonArray &list)
    {
        QStringList names;
        for (const QJsonValue &record : list)
            names.append(record[u"eventName"_s].toString());
        return names;
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
        m_streams = std::make_unique<DynamoDbStreamsService>(
            m_temp->database(), m_clock.get(), u"us-east-1"_s, u"000000000000"_s);
    }

    void cleanup()
    {
        m_streams.reset();
        m_service.reset();
        m_clock.reset();
        m_temp.reset();
    }

    void imagesFollowTheViewType_data()
    {
        QTest::addColumn<QByteArray>("viewType");
        QTest::addColumn<bool>("newImage");
        QTest::addColumn<bool>("oldImage");
        QTest::newRow("KEYS_ONLY") << QByteArray("KEYS_ONLY") << false << false;
        QTest::newRow("NEW_IMAGE") << QByteArray("NEW_IMAGE") << true << false;
        QTest::newRow("OLD_IMAGE") << QByteArray("OLD_IMAGE") << false << true;
        QTest::newRow("NEW_AND_OLD_IMAGES") << QByteArray("NEW_AND_OLD_IMAGES") << true << true;
    }

    void imagesFollowTheViewType()
    {
        QFETCH(QByteArray, viewType);
        QFETCH(bool, newImage);
        QFETCH(bool, oldImage);
        const QString arn = createTable(viewType);
        QVERIFY(arn.startsWith(u"arn:aws:dynamodb:us-east-1:000000000000:table/tab/stream/"_s));
        const auto put = [this](const QByteArray &item) {
            QVERIFY(m_service->putItem(json("{\"TableName\":\"tab\",\"Item\":" + item + "}")));
        };
        put("{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}");
        put("{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}"); // identical: still MODIFY
        QVERIFY(
            m_service->updateItem(json("{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                                       "\"UpdateExpression\":\"SET v = :v\","
                                       "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"2\"}}}")));
        QVERIFY(
            m_service->deleteItem(json("{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"a\"}}}")));
        // Deleting what is not there changes nothing, and records nothing.
        QVERIFY(
            m_service->deleteItem(json("{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"a\"}}}")));
        // A failed condition writes nothing.
        QVERIFY(!m_service->putItem(json("{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"b\"}},"
                                         "\"ConditionExpression\":\"attribute_exists(pk)\"}")));

        const QJsonArray list = records(arn);
        QCOMPARE(
            eventNames(list), (QStringList{u"INSERT"_s, u"MODIFY"_s, u"MODIFY"_s, u"REMOVE"_s}));
        QString previous;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject record = list[i].toObject();
            QCOMPARE(record[u"eventVersion"_s].toString(), u"1.1"_s);
            QCOMPARE(record[u"eventSource"_s].toString(), u"aws:dynamodb"_s);
            QCOMPARE(record[u"awsRegion"_s].toString(), u"us-east-1"_s);
            QCOMPARE(record[u"eventID"_s].toString().size(), 32);
            QVERIFY(!record.contains(u"userIdentity"_s));
            const QJsonObject dynamodb = record[u"dynamodb"_s].toObject();
            QCOMPARE(compact(dynamodb[u"Keys"_s]), QByteArray("{\"pk\":{\"S\":\"a\"}}"));
            QCOMPARE(dynamodb[u"StreamViewType"_s].toString(), QString::fromLatin1(viewType));
            QCOMPARE(dynamodb[u"ApproximateCreationDateTime"_s].toDouble(),
                double(m_clock->nowMs() / 1000));
            QVERIFY(dynamodb[u"SizeBytes"_s].toInteger() > 0);
            const QString sequence = dynamodb[u"SequenceNumber"_s].toString();
            QCOMPARE(sequence.size(), 21);
            QVERIFY(sequence > previous);
            previous = sequence;
            const bool hasNew = i < 3; // the REMOVE has no new image
            const bool hasOld = i > 0; // the INSERT has no old image
            QCOMPARE(dynamodb.contains(u"NewImage"_s), newImage && hasNew);
            QCOMPARE(dynamodb.contains(u"OldImage"_s), oldImage && hasOld);
        }
        if (newImage)
            QCOMPARE(compact(list[2][u"dynamodb"_s][u"NewImage"_s]),
                QByteArray("{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"2\"}}"));
        if (oldImage)
            QCOMPARE(compact(list[3][u"dynamodb"_s][u"OldImage"_s]),
                QByteArray("{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"2\"}}"));
    }

    void everyWritePathRecords()
    {
        const QString arn = createTable("NEW_AND_OLD_IMAGES");
        createTable("KEYS_ONLY", "other");
        QVERIFY(m_service->batchWriteItem(
            json("{\"RequestItems\":{\"tab\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b1\"}}}},"
                 "{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b2\"}}}}],"
                 "\"other\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"o\"}}}}]}}")));
        QVERIFY(m_service->transactWriteItems(json(
            "{\"TransactItems\":[{\"Put\":{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"x\"}}}},"
            "{\"Delete\":{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"b1\"}}}}]}")));
        // A cancelled transaction leaves no record.
        QVERIFY(!m_service->transactWriteItems(json(
            "{\"TransactItems\":[{\"Put\":{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"y\"}}}},"
            "{\"ConditionCheck\":{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"none\"}},"
            "\"ConditionExpression\":\"attribute_exists(pk)\"}}]}")));
        QVERIFY(m_service->executeStatement(
            json("{\"Statement\":\"INSERT INTO tab VALUE {'pk': 'p'}\"}")));
        QVERIFY(m_service->executeStatement(
            json("{\"Statement\":\"UPDATE tab SET v = 1 WHERE pk = 'p'\"}")));
        QVERIFY(m_service->executeStatement(
            json("{\"Statement\":\"DELETE FROM tab WHERE pk = 'p'\"}")));
        // TTL deletions come from the service.
        QVERIFY(
            m_service->updateTimeToLive(json("{\"TableName\":\"tab\",\"TimeToLiveSpecification\":"
                                             "{\"Enabled\":true,\"AttributeName\":\"exp\"}}")));
        QVERIFY(m_service->putItem(json("{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"ttl\"},"
                                        "\"exp\":{\"N\":\""
            + QByteArray::number(m_clock->nowMs() / 1000 - 10) + "\"}}}")));
        QCOMPARE(m_service->sweepExpiredItems(), 1);

        const QJsonArray list = records(arn);
        QStringList keys;
        for (const QJsonValue &record : list)
            keys.append(record[u"eventName"_s].toString() + u' '
                + record[u"dynamodb"_s][u"Keys"_s][u"pk"_s][u"S"_s].toString());
        QCOMPARE(keys,
            (QStringList{u"INSERT b1"_s,
                u"INSERT b2"_s,
                u"INSERT x"_s,
                u"REMOVE b1"_s,
                u"INSERT p"_s,
                u"MODIFY p"_s,
                u"REMOVE p"_s,
                u"INSERT ttl"_s,
                u"REMOVE ttl"_s}));
        QCOMPARE(compact(list.last()[u"userIdentity"_s]),
            QByteArray("{\"principalId\":\"dynamodb.amazonaws.com\",\"type\":\"Service\"}"));
        // The other table's stream has its own record only.
        const QString otherArn = ok(m_service->describeTable(
            json("{\"TableName\":\"other\"}")))[u"Table"_s][u"LatestStreamArn"_s]
                                     .toString();
        QCOMPARE(eventNames(records(otherArn)), QStringList{u"INSERT"_s});
    }

    void iteratorTypesAndPaging()
    {
        const QString arn = createTable("KEYS_ONLY");
        for (const char *key : {"a", "b", "c"})
            QVERIFY(m_service->putItem(json(
                "{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"" + QByteArray(key) + "\"}}}")));
        const QJsonArray all = records(arn);
        QCOMPARE(all.size(), 3);
        const QString second = all[1][u"dynamodb"_s][u"SequenceNumber"_s].toString();
        const auto keysFrom = [this](const QString &shardIterator) {
            QStringList keys;
            for (const QJsonValue &record : ok(m_streams->getRecords(
                     QJsonObject{{u"ShardIterator"_s, shardIterator}}))[u"Records"_s]
                                                .toArray())
                keys.append(record[u"dynamodb"_s][u"Keys"_s][u"pk"_s][u"S"_s].toString());
            return keys;
        };
        QCOMPARE(keysFrom(iterator(arn, u"AT_SEQUENCE_NUMBER"_s, second)),
            (QStringList{u"b"_s, u"c"_s}));
        QCOMPARE(keysFrom(iterator(arn, u"AFTER_SEQUENCE_NUMBER"_s, second)), QStringList{u"c"_s});
        const QString latest = iterator(arn, u"LATEST"_s);
        QVERIFY(
            m_service->putItem(json("{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"d\"}}}")));
        QCOMPARE(keysFrom(latest), QStringList{u"d"_s});

        // Limit pages; NextShardIterator continues (and stays open on an enabled stream).
        QJsonObject page = ok(m_streams->getRecords(
            QJsonObject{{u"ShardIterator"_s, iterator(arn, u"TRIM_HORIZON"_s)}, {u"Limit"_s, 3}}));
        QCOMPARE(page[u"Records"_s].toArray().size(), 3);
        page = ok(m_streams->getRecords(
            QJsonObject{{u"ShardIterator"_s, page[u"NextShardIterator"_s].toString()}}));
        QCOMPARE(page[u"Records"_s].toArray().size(), 1);
        page = ok(m_streams->getRecords(
            QJsonObject{{u"ShardIterator"_s, page[u"NextShardIterator"_s].toString()}}));
        QCOMPARE(page[u"Records"_s].toArray().size(), 0);
        QVERIFY(page.contains(u"NextShardIterator"_s));

        // Errors as AWS words them.
        const auto error = [](const Core::Result<QJsonObject> &result) {
            return result ? QString() : result.error().code + u": "_s + result.error().message;
        };
        QCOMPARE(error(m_streams->getRecords(QJsonObject{
                     {u"ShardIterator"_s, iterator(arn, u"LATEST"_s)}, {u"Limit"_s, 1001}})),
            u"ValidationException: 1 validation error detected: Value '1001' at 'limit' failed "
            u"to satisfy constraint: Member must have value less than or equal to 1000"_s);
        const QString shard = ok(m_streams->describeStream(QJsonObject{
            {u"StreamArn"_s, arn}}))[u"StreamDescription"_s][u"Shards"_s][0][u"ShardId"_s]
                                  .toString();
        QVERIFY(shard.startsWith(u"shardId-0000000"_s));
        QCOMPARE(error(m_streams->getShardIterator(QJsonObject{{u"StreamArn"_s, arn},
                     {u"ShardId"_s, shard},
                     {u"ShardIteratorType"_s, u"OLDEST"_s}})),
            u"ValidationException: 1 validation error detected: Value 'OLDEST' at "
            u"'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value "
            u"set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]"_s);
        QCOMPARE(error(m_streams->getShardIterator(QJsonObject{{u"StreamArn"_s, arn},
                     {u"ShardId"_s, u"shardId-nope"_s},
                     {u"ShardIteratorType"_s, u"LATEST"_s}})),
            u"ResourceNotFoundException: Requested resource not found: Shard does not exist"_s);
        const QString missing = arn + u"x"_s;
        QCOMPARE(error(m_streams->describeStream(QJsonObject{{u"StreamArn"_s, missing}})),
            u"ResourceNotFoundException: Requested resource not found: Stream: %1 not found"_s.arg(
                missing));

        // Iterators expire after 15 minutes.
        const QString old = iterator(arn, u"TRIM_HORIZON"_s);
        m_clock->advance(15 * 60 * 1000 + 1);
        QVERIFY(error(m_streams->getRecords(QJsonObject{{u"ShardIterator"_s, old}}))
                    .startsWith(u"ExpiredIteratorException: Iterator expired."_s));
    }

    void retentionAndLifecycle()
    {
        const QString first = createTable("NEW_IMAGE");
        QVERIFY(
            m_service->putItem(json("{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"a\"}}}")));
        const QString oldSequence =
            records(first)[0][u"dynamodb"_s][u"SequenceNumber"_s].toString();
        m_clock->advance(23 * 3600 * 1000);
        QVERIFY(
            m_service->putItem(json("{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"b\"}}}")));
        m_clock->advance(2 * 3600 * 1000); // advanced() sweeps: the first record is 25 h old
        QCOMPARE(eventNames(records(first)), QStringList{u"INSERT"_s});
        const Core::Result<QJsonObject> trimmed =
            m_streams->getShardIterator(QJsonObject{{u"StreamArn"_s, first},
                {u"ShardId"_s,
                    ok(m_streams->describeStream(QJsonObject{{u"StreamArn"_s,
                        first}}))[u"StreamDescription"_s][u"Shards"_s][0][u"ShardId"_s]
                        .toString()},
                {u"ShardIteratorType"_s, u"AT_SEQUENCE_NUMBER"_s},
                {u"SequenceNumber"_s, oldSequence}});
        QVERIFY(!trimmed);
        QCOMPARE(trimmed.error().code, u"TrimmedDataAccessException"_s);

        // Disabling ends the stream: DISABLED, a closed shard, records still readable.
        QVERIFY(m_service->updateTable(
            json("{\"TableName\":\"tab\",\"StreamSpecification\":{\"StreamEnabled\":false}}")));
        QVERIFY(
            m_service->putItem(json("{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"c\"}}}")));
        const QJsonObject description = ok(
            m_streams->describeStream(QJsonObject{{u"StreamArn"_s, first}}))[u"StreamDescription"_s]
                                            .toObject();
        QCOMPARE(description[u"StreamStatus"_s].toString(), u"DISABLED"_s);
        QCOMPARE(description[u"TableName"_s].toString(), u"tab"_s);
        QCOMPARE(compact(description[u"KeySchema"_s][0]),
            QByteArray("{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}"));
        QVERIFY(description[u"Shards"_s][0][u"SequenceNumberRange"_s].toObject().contains(
            u"EndingSequenceNumber"_s));
        const QJsonObject closed = ok(m_streams->getRecords(
            QJsonObject{{u"ShardIterator"_s, iterator(first, u"TRIM_HORIZON"_s)}}));
        QCOMPARE(closed[u"Records"_s].toArray().size(), 1);
        QVERIFY(!closed.contains(u"NextShardIterator"_s));

        // Re-enabling makes a new stream with a new label.
        m_clock->advance(1000);
        const QJsonObject updated = ok(m_service->updateTable(
            json("{\"TableName\":\"tab\",\"StreamSpecification\":{\"StreamEnabled\":true,"
                 "\"StreamViewType\":\"KEYS_ONLY\"}}")));
        const QString second = updated[u"TableDescription"_s][u"LatestStreamArn"_s].toString();
        QVERIFY(second != first);
        QVERIFY(
            m_service->putItem(json("{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"d\"}}}")));
        QCOMPARE(records(second).size(), 1);
        QJsonObject list = ok(m_streams->listStreams(QJsonObject{{u"TableName"_s, u"tab"_s}}));
        QCOMPARE(list[u"Streams"_s].toArray().size(), 2);
        list = ok(m_streams->listStreams(QJsonObject{{u"Limit"_s, 1}}));
        QCOMPARE(list[u"Streams"_s][0][u"StreamArn"_s].toString(), first);
        QCOMPARE(list[u"LastEvaluatedStreamArn"_s].toString(), first);
        list = ok(m_streams->listStreams(QJsonObject{{u"ExclusiveStartStreamArn"_s, first}}));
        QCOMPARE(list[u"Streams"_s][0][u"StreamArn"_s].toString(), second);

        // A disabled stream goes once its records have expired.
        m_clock->advance(25 * 3600 * 1000);
        list = ok(m_streams->listStreams(QJsonObject()));
        QCOMPARE(list[u"Streams"_s].toArray().size(), 1);

        // Deleting the table deletes its streams.
        QVERIFY(m_service->deleteTable(json("{\"TableName\":\"tab\"}")));
        QCOMPARE(ok(m_streams->listStreams(QJsonObject()))[u"Streams"_s].toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_DynamoDbStreams)
#include "tst_dynamodbstreams.moc"
