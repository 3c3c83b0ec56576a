// SPDX-License-Identifier: MIT
// SqsService against a real database and a manual clock: visibility timeouts, delays, retention,
// dead-letter redrive, FIFO group order and five-minute deduplication, purge interval, receipt
// handles, long polls woken by a send, and the peek view leaving state alone.
#include "core/common/clock.h"
#include "core/sqs/sqsservice.h"
#include "tests/support/tempdatabase.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Sqs;

class tst_SqsService final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TempDatabase> m_db;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<SqsService> m_service;

    SqsService &sqs() { return *m_service; }

    SendMessageOutput send(const QString &queue,
        const QString &body,
        const QString &group = {},
        const QString &dedup = {})
    {
        SendMessageInput input;
        input.body = body;
        input.groupId = group;
        input.deduplicationId = dedup;
        auto output = sqs().sendMessage(queue, input);
        if (!output)
            qFatal("send failed: %s", qPrintable(output.error().message));
        return *output;
    }

    QList<Message> receive(const QString &queue, int max = 10, int visibility = -1)
    {
        ReceiveMessageInput input;
        input.maxNumberOfMessages = max;
        if (visibility >= 0)
            input.visibilityTimeout = visibility;
        input.attributeNames = {u"All"_s};
        auto messages = sqs().receiveMessage(queue, input);
        if (!messages)
            qFatal("receive failed: %s", qPrintable(messages.error().message));
        return *messages;
    }

    QStringList bodies(const QList<Message> &messages)
    {
        QStringList out;
        for (const Message &message : messages)
            out.append(message.body);
        return out;
    }

    QString counts(const QString &queue)
    {
        const auto attributes = sqs().getQueueAttributes(queue, {u"All"_s});
        return u"%1/%2/%3"_s.arg(attributes->value(u"ApproximateNumberOfMessages"_s),
            attributes->value(u"ApproximateNumberOfMessagesNotVisible"_s),
            attributes->value(u"ApproximateNumberOfMessagesDelayed"_s));
    }

private slots:
    void init()
    {
        QTest::failOnWarning(QRegularExpression(u".*"_s));
        m_db = std::make_unique<Tests::TempDatabase>();
        QVERIFY(m_db->isOpen());
        m_clock = std::make_unique<Core::ManualClock>();
        m_service = std::make_unique<SqsService>(
            m_db->database(), m_clock.get(), u"000000000000"_s, u"us-east-1"_s);
    }

    void cleanup()
    {
        m_service.reset();
        m_db.reset();
    }

    void visibilityTimeoutHidesUntilItExpires()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {{u"VisibilityTimeout"_s, u"30"_s}}, {}));
        const QString id = send(u"q"_s, u"m"_s).messageId;
        const QList<Message> first = receive(u"q"_s);
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first().receiveCount, 1);
        QCOMPARE(first.first().systemAttributeValues.value(u"ApproximateFirstReceiveTimestamp"_s),
            QString::number(m_clock->nowMs()));
        QCOMPARE(counts(u"q"_s), u"0/1/0"_s);
        QVERIFY(receive(u"q"_s).isEmpty());
        m_clock->advance(29'999);
        QVERIFY(receive(u"q"_s).isEmpty());
        m_clock->advance(1);
        QCOMPARE(counts(u"q"_s), u"1/0/0"_s);
        const QList<Message> second = receive(u"q"_s);
        QCOMPARE(second.size(), 1);
        QCOMPARE(second.first().messageId, id);
        QCOMPARE(second.first().receiveCount, 2);
        QVERIFY(second.first().receiptHandle != first.first().receiptHandle);
        // The first consumer's handle is stale: delete "succeeds" and the message stays.
        QVERIFY(sqs().deleteMessage(u"q"_s, first.first().receiptHandle));
        QCOMPARE(counts(u"q"_s), u"0/1/0"_s);
        const auto stale = sqs().changeMessageVisibility(u"q"_s, first.first().receiptHandle, 5);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, u"InvalidParameterValue"_s);
        QVERIFY(sqs().deleteMessage(u"q"_s, second.first().receiptHandle));
        QCOMPARE(counts(u"q"_s), u"0/0/0"_s);
    }

    void changeMessageVisibility()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        send(u"q"_s, u"m"_s);
        const Message message = receive(u"q"_s, 1, 100).first();
        QVERIFY(sqs().changeMessageVisibility(u"q"_s, message.receiptHandle, 5));
        m_clock->advance(5'000);
        const auto notInFlight = sqs().changeMessageVisibility(u"q"_s, message.receiptHandle, 5);
        QVERIFY(!notInFlight);
        QCOMPARE(notInFlight.error().code, u"MessageNotInflight"_s);
        const auto invalid = sqs().changeMessageVisibility(u"q"_s, u"%%%"_s, 5);
        QCOMPARE(invalid.error().code, u"ReceiptHandleIsInvalid"_s);
        const auto range = sqs().changeMessageVisibility(u"q"_s, message.receiptHandle, 43201);
        QCOMPARE(range.error().code, u"InvalidParameterValue"_s);
    }

    void delaysAndRetention()
    {
        QVERIFY(sqs().createQueue(
            u"q"_s, {{u"DelaySeconds"_s, u"10"_s}, {u"MessageRetentionPeriod"_s, u"60"_s}}, {}));
        send(u"q"_s, u"queue delay"_s);
        SendMessageInput now;
        now.body = u"no delay"_s;
        now.delaySeconds = 0;
        QVERIFY(sqs().sendMessage(u"q"_s, now));
        QCOMPARE(counts(u"q"_s), u"1/0/1"_s);
        QCOMPARE(bodies(receive(u"q"_s, 10, 0)), QStringList{u"no delay"_s});
        m_clock->advance(10'000);
        QCOMPARE(counts(u"q"_s), u"2/0/0"_s);
        m_clock->advance(50'000);
        QCOMPARE(counts(u"q"_s), u"0/0/0"_s); // retention expired
        QVERIFY(receive(u"q"_s).isEmpty());
    }

    void redriveToDeadLetterQueue()
    {
        QVERIFY(sqs().createQueue(u"dlq"_s, {}, {}));
        const QString policy =
            uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":2})"_s;
        QVERIFY(sqs().createQueue(u"src"_s, {{u"RedrivePolicy"_s, policy}}, {}));
        const QString id = send(u"src"_s, u"poison"_s).messageId;
        QCOMPARE(receive(u"src"_s, 1, 0).size(), 1);
        QCOMPARE(receive(u"src"_s, 1, 0).size(), 1);
        QVERIFY(receive(u"src"_s, 1, 0).isEmpty()); // the third receive moves it
        QCOMPARE(counts(u"src"_s), u"0/0/0"_s);
        const QList<Message> dead = receive(u"dlq"_s);
        QCOMPARE(dead.size(), 1);
        QCOMPARE(dead.first().messageId, id);
        QCOMPARE(dead.first().systemAttributeValues.value(u"DeadLetterQueueSourceArn"_s),
            u"arn:aws:sqs:us-east-1:000000000000:src"_s);
        QCOMPARE(*sqs().listDeadLetterSourceQueues(u"dlq"_s), QStringList{u"src"_s});
        const auto summaries = sqs().queueSummaries();
        QCOMPARE(summaries.size(), 2);
        QVERIFY(summaries.at(0).isDeadLetterQueue);
        QCOMPARE(summaries.at(1).deadLetterQueueName, u"dlq"_s);
    }

    void fifoOrderPerGroup()
    {
        QVERIFY(sqs().createQueue(u"q.fifo"_s, {{u"FifoQueue"_s, u"true"_s}}, {}));
        send(u"q.fifo"_s, u"a1"_s, u"A"_s, u"1"_s);
        send(u"q.fifo"_s, u"b1"_s, u"B"_s, u"2"_s);
        send(u"q.fifo"_s, u"a2"_s, u"A"_s, u"3"_s);
        send(u"q.fifo"_s, u"a3"_s, u"A"_s, u"4"_s);
        const QList<Message> first = receive(u"q.fifo"_s, 1);
        QCOMPARE(bodies(first), QStringList{u"a1"_s});
        // Group A is blocked by its in-flight head; B is free.
        QCOMPARE(bodies(receive(u"q.fifo"_s, 10)), QStringList{u"b1"_s});
        QVERIFY(receive(u"q.fifo"_s, 10).isEmpty());
        QVERIFY(sqs().deleteMessage(u"q.fifo"_s, first.first().receiptHandle));
        QCOMPARE(bodies(receive(u"q.fifo"_s, 10)), (QStringList{u"a2"_s, u"a3"_s}));
    }

    void fifoDeduplicationWindow()
    {
        QVERIFY(sqs().createQueue(u"q.fifo"_s,
            {{u"FifoQueue"_s, u"true"_s}, {u"ContentBasedDeduplication"_s, u"true"_s}},
            {}));
        const SendMessageOutput first = send(u"q.fifo"_s, u"same"_s, u"g"_s);
        m_clock->advance(4 * 60'000);
        const SendMessageOutput duplicate = send(u"q.fifo"_s, u"same"_s, u"g"_s);
        QCOMPARE(duplicate.messageId, first.messageId);
        QCOMPARE(duplicate.sequenceNumber, first.sequenceNumber);
        QCOMPARE(counts(u"q.fifo"_s), u"1/0/0"_s);
        m_clock->advance(60'000); // five minutes after the first send
        const SendMessageOutput later = send(u"q.fifo"_s, u"same"_s, u"g"_s);
        QVERIFY(later.messageId != first.messageId);
        QVERIFY(later.sequenceNumber > first.sequenceNumber);
        QCOMPARE(counts(u"q.fifo"_s), u"2/0/0"_s);

        SendMessageInput noGroup;
        noGroup.body = u"x"_s;
        QCOMPARE(sqs().sendMessage(u"q.fifo"_s, noGroup).error().code, u"MissingParameter"_s);
        SendMessageInput delayed;
        delayed.body = u"x"_s;
        delayed.groupId = u"g"_s;
        delayed.delaySeconds = 1;
        QCOMPARE(sqs().sendMessage(u"q.fifo"_s, delayed).error().code, u"InvalidParameterValue"_s);
    }

    void fifoNeedsDeduplicationId()
    {
        QVERIFY(sqs().createQueue(u"q.fifo"_s, {{u"FifoQueue"_s, u"true"_s}}, {}));
        SendMessageInput input;
        input.body = u"x"_s;
        input.groupId = u"g"_s;
        QCOMPARE(sqs().sendMessage(u"q.fifo"_s, input).error().code, u"InvalidParameterValue"_s);
        QCOMPARE(
            sqs().createQueue(u"plain.fifo"_s, {}, {}).error().code, u"InvalidParameterValue"_s);
        QCOMPARE(sqs().createQueue(u"plain"_s, {{u"FifoQueue"_s, u"true"_s}}, {}).error().code,
            u"InvalidParameterValue"_s);
    }

    void createQueueIdempotence()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {{u"DelaySeconds"_s, u"5"_s}}, {}));
        QVERIFY(sqs().createQueue(u"q"_s, {{u"DelaySeconds"_s, u"5"_s}}, {}));
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        QCOMPARE(sqs().createQueue(u"q"_s, {{u"DelaySeconds"_s, u"6"_s}}, {}).error().code,
            u"QueueNameExists"_s);
    }

    void recreateAfterDeleteWaitsAMinute()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        send(u"q"_s, u"m"_s);
        QVERIFY(sqs().deleteQueue(u"q"_s));
        QCOMPARE(sqs().queue(u"q"_s).error().code, u"QueueDoesNotExist"_s);
        QCOMPARE(sqs().createQueue(u"q"_s, {}, {}).error().code, u"QueueDeletedRecently"_s);
        m_clock->advance(60'000);
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        QCOMPARE(counts(u"q"_s), u"0/0/0"_s); // the old messages went with the old queue
    }

    void purgeOncePerMinute()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        send(u"q"_s, u"m"_s);
        QVERIFY(sqs().purgeQueue(u"q"_s));
        QCOMPARE(counts(u"q"_s), u"0/0/0"_s);
        const auto again = sqs().purgeQueue(u"q"_s);
        QCOMPARE(again.error().code, u"PurgeQueueInProgress"_s);
        QCOMPARE(again.error().httpStatus, 403);
        m_clock->advance(60'000);
        QVERIFY(sqs().purgeQueue(u"q"_s));
    }

    void badInputStoresNothing()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {{u"MaximumMessageSize"_s, u"1024"_s}}, {}));
        SendMessageInput big;
        big.body = QString(1025, u'x');
        QCOMPARE(sqs().sendMessage(u"q"_s, big).error().code, u"InvalidParameterValue"_s);
        SendMessageInput control;
        control.body = u"a\u0001b"_s;
        QCOMPARE(sqs().sendMessage(u"q"_s, control).error().code, u"InvalidMessageContents"_s);
        QCOMPARE(counts(u"q"_s), u"0/0/0"_s);
        QCOMPARE(sqs().sendMessage(u"none"_s, big).error().code, u"QueueDoesNotExist"_s);
    }

    void longPollWokenBySend()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        std::optional<Core::Result<QList<Message>>> answer;
        ReceiveMessageInput input;
        input.waitTimeSeconds = 20;
        sqs().receiveMessageWait(
            u"q"_s, input, [&answer](Core::Result<QList<Message>> result) { answer = result; });
        QVERIFY(!answer);
        QCOMPARE(sqs().waitingCount(), 1);
        send(u"q"_s, u"wake"_s);
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->has_value());
        QCOMPARE(bodies(**answer), QStringList{u"wake"_s});
        QCOMPARE(sqs().waitingCount(), 0);
    }

    void longPollWokenByTime()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {{u"DelaySeconds"_s, u"30"_s}}, {}));
        send(u"q"_s, u"later"_s);
        std::optional<Core::Result<QList<Message>>> answer;
        ReceiveMessageInput input;
        input.waitTimeSeconds = 20;
        sqs().receiveMessageWait(
            u"q"_s, input, [&answer](Core::Result<QList<Message>> result) { answer = result; });
        QVERIFY(!answer);
        m_clock->advance(30'000); // the delay ends: the parked poll answers
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(bodies(**answer), QStringList{u"later"_s});
    }

    void peekLeavesStateAlone()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        send(u"q"_s, u"one"_s);
        send(u"q"_s, u"two"_s);
        receive(u"q"_s, 1);
        const auto peeked = sqs().peekMessages(u"q"_s, 0, 100);
        QVERIFY(peeked);
        QCOMPARE(peeked->size(), 2);
        QCOMPARE(messageState(peeked->at(0), m_clock->nowMs()), MessageState::Available);
        QCOMPARE(messageState(peeked->at(1), m_clock->nowMs()), MessageState::InFlight);
        QCOMPARE(peeked->at(1).receiveCount, 1);
        QCOMPARE(counts(u"q"_s), u"1/1/0"_s);
        QCOMPARE(sqs().peekMessages(u"q"_s, 0, 100)->at(1).receiveCount, 1);
    }

    void persistsAcrossRestart()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {{u"VisibilityTimeout"_s, u"99"_s}}, {{u"t"_s, u"1"_s}}));
        send(u"q"_s, u"kept"_s);
        m_service = std::make_unique<SqsService>(
            m_db->database(), m_clock.get(), u"000000000000"_s, u"us-east-1"_s);
        QCOMPARE(sqs().queue(u"q"_s)->visibilityTimeout(), 99);
        QCOMPARE(sqs().listQueueTags(u"q"_s)->value(u"t"_s), u"1"_s);
        QCOMPARE(bodies(receive(u"q"_s)), QStringList{u"kept"_s});
    }

    void batchValidation()
    {
        QCOMPARE(SqsService::validateBatch({}, u"E"_s).error().code, u"EmptyBatchRequest"_s);
        QCOMPARE(SqsService::validateBatch({u"a"_s, u"a"_s}, u"E"_s).error().code,
            u"BatchEntryIdsNotDistinct"_s);
        QCOMPARE(
            SqsService::validateBatch({u"a b"_s}, u"E"_s).error().code, u"InvalidBatchEntryId"_s);
        QStringList eleven;
        for (int i = 0; i < 11; ++i)
            eleven.append(QString::number(i));
        QCOMPARE(SqsService::validateBatch(eleven, u"E"_s).error().code,
            u"TooManyEntriesInBatchRequest"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SqsService)
#include "tst_sqsservice.moc"
