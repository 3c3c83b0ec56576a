// SPDX-License-Identifier: MIT
// SqsService with a manual clock: FIFO ReceiveRequestAttemptId retries, the 12-hour visibility
// limit, the 120,000 in-flight quota, the AWS/SQS metrics it reports, and message move tasks
// surviving a restart.
#include "core/common/clock.h"
#include "core/common/metricsink.h"
#include "core/sqs/sqsservice.h"
#include "tests/support/tempdatabase.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Sqs;
using Core::Result;

namespace {

struct Datum
{
    QString name;
    QString queue;
    double value = 0;
    QString unit;
};

class RecordingSink final : public Core::MetricSink
{
public:
    void putMetric(const QString &metricNamespace,
        const QString &metricName,
        const MetricDimensions &dimensions,
        double value,
        const QString &unit,
        qint64) override
    {
        if (metricNamespace != u"AWS/SQS"_s || dimensions.size() != 1
            || dimensions.first().first != u"QueueName"_s)
            qFatal("unexpected metric %s", qPrintable(metricName));
        data.append({metricName, dimensions.first().second, value, unit});
    }

    double sum(const QString &name, const QString &queue) const
    {
        double total = 0;
        for (const Datum &datum : data) {
            if (datum.name == name && datum.queue == queue)
                total += datum.value;
        }
        return total;
    }

    QList<Datum> named(const QString &name, const QString &queue) const
    {
        QList<Datum> found;
        for (const Datum &datum : data) {
            if (datum.name == name && datum.queue == queue)
                found.append(datum);
        }
        return found;
    }

    QList<Datum> data;
};

const QString DlqArn = u"arn:aws:sqs:us-east-1:000000000000:dlq"_s;
const QString SrcArn = u"arn:aws:sqs:us-east-1:000000000000:src"_s;

} // namespace

class tst_SqsOperations final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TempDatabase> m_db;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<SqsService> m_service;

    SqsService &sqs() { return *m_service; }

    void restart()
    {
        m_service.reset();
        m_service = std::make_unique<SqsService>(
            m_db->database(), m_clock.get(), u"000000000000"_s, u"us-east-1"_s);
    }

    void send(const QString &queue, const QString &body, const QString &group = {})
    {
        SendMessageInput input;
        input.body = body;
        input.groupId = group;
        if (!sqs().sendMessage(queue, input))
            qFatal("send failed");
    }

    Result<QList<Message>> receive(
        const QString &queue, const QString &attemptId = {}, int visibility = -1)
    {
        ReceiveMessageInput input;
        input.maxNumberOfMessages = 10;
        if (visibility >= 0)
            input.visibilityTimeout = visibility;
        input.receiveRequestAttemptId = attemptId;
        return sqs().receiveMessage(queue, input);
    }

    static QStringList handles(const QList<Message> &messages)
    {
        QStringList out;
        for (const Message &message : messages)
            out.append(message.receiptHandle);
        return out;
    }

    QString counts(const QString &queue)
    {
        const auto attributes = sqs().getQueueAttributes(queue, {u"All"_s});
        return u"%1/%2/%3"_s.arg(attributes->value(u"ApproximateNumberOfMessages"_s),
            attributes->value(u"ApproximateNumberOfMessagesNotVisible"_s),
            attributes->value(u"ApproximateNumberOfMessagesDelayed"_s));
    }

    // 120,000 in-flight messages straight into the table (sending and receiving them one by
    // one would take minutes).
    void fillInFlight(const QString &queue)
    {
        QSqlQuery query(m_db->database().connection());
        QVERIFY(query.prepare(
            u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000) "
            u"INSERT INTO sqs_messages (queue_id, message_id, body, attributes, md5_body, "
            u"md5_attributes, system_attributes, sent_ms, visible_at, expires_at, received, "
            u"receive_count, receipt, group_id) SELECT ?, 'm' || i, 'b', '{}', '', '', '{}', ?, ?, "
            u"?, 1, 1, 'r' || i, 'g' || i FROM n"_s));
        const qint64 now = m_clock->nowMs();
        query.addBindValue(sqs().queue(queue)->id);
        query.addBindValue(now);
        query.addBindValue(now + 3'600'000);
        query.addBindValue(now + 86'400'000);
        QVERIFY(query.exec());
    }

    void makeOneVisible(const QString &queue)
    {
        QSqlQuery query(m_db->database().connection());
        QVERIFY(query.prepare(u"UPDATE sqs_messages SET visible_at = 0 WHERE id = (SELECT MIN(id) "
                              u"FROM sqs_messages WHERE queue_id = ?)"_s));
        query.addBindValue(sqs().queue(queue)->id);
        QVERIFY(query.exec());
    }

private slots:
    void init()
    {
        QTest::failOnWarning(QRegularExpression(u".*"_s));
        m_db = std::make_unique<Tests::TempDatabase>();
        QVERIFY(m_db->isOpen());
        m_clock = std::make_unique<Core::ManualClock>();
        restart();
    }

    void cleanup()
    {
        m_service.reset();
        m_db.reset();
    }

    void receiveRequestAttemptIdRetries()
    {
        QVERIFY(sqs().createQueue(u"q.fifo"_s,
            {{u"FifoQueue"_s, u"true"_s}, {u"ContentBasedDeduplication"_s, u"true"_s}},
            {}));
        send(u"q.fifo"_s, u"a"_s, u"g1"_s);
        send(u"q.fifo"_s, u"b"_s, u"g1"_s);
        send(u"q.fifo"_s, u"c"_s, u"g2"_s);
        const auto first = receive(u"q.fifo"_s, u"attempt-1"_s);
        QVERIFY(first);
        QCOMPARE(first->size(), 3);
        // A retry within 5 minutes: the same messages and receipt handles, and the visibility
        // timeout (30 s) starts again.
        m_clock->advance(20'000);
        const auto retry = receive(u"q.fifo"_s, u"attempt-1"_s);
        QVERIFY(retry);
        QCOMPARE(handles(*retry), handles(*first));
        QCOMPARE(retry->first().receiveCount, 1);
        QVERIFY(receive(u"q.fifo"_s, u"attempt-2"_s)->isEmpty());
        m_clock->advance(20'000); // 40 s after the first receive, 20 s after the retry
        QCOMPARE(counts(u"q.fifo"_s), u"0/3/0"_s);
        m_clock->advance(10'000);
        QCOMPARE(counts(u"q.fifo"_s), u"3/0/0"_s);

        // Once a message was modified the attempt cannot be retried.
        const auto third = receive(u"q.fifo"_s, u"attempt-3"_s);
        QCOMPARE(third->size(), 3);
        QVERIFY(!handles(*third).contains(first->first().receiptHandle));
        QVERIFY(sqs().deleteMessage(u"q.fifo"_s, third->first().receiptHandle));
        const auto modified = receive(u"q.fifo"_s, u"attempt-3"_s);
        QVERIFY(!modified);
        QCOMPARE(modified.error().code, u"InvalidParameterValue"_s);
        QVERIFY(modified.error().message.contains(u"ReceiveRequestAttemptId"_s));

        // After 5 minutes the id is a new receive.
        m_clock->advance(5 * 60'000);
        const auto fresh = receive(u"q.fifo"_s, u"attempt-1"_s);
        QVERIFY(fresh);
        QCOMPARE(fresh->size(), 2);
        QCOMPARE(fresh->first().receiveCount, 3);

        const auto invalid = receive(u"q.fifo"_s, u"has space"_s);
        QCOMPARE(invalid.error().code, u"InvalidParameterValue"_s);
        QCOMPARE(receive(u"q.fifo"_s, QString(129, u'x')).error().code, u"InvalidParameterValue"_s);
    }

    void fifoHeadsBehindABacklogAndAcrossManyGroups()
    {
        QVERIFY(sqs().createQueue(u"q.fifo"_s,
            {{u"FifoQueue"_s, u"true"_s}, {u"ContentBasedDeduplication"_s, u"true"_s}},
            {}));
        for (int i = 0; i < 300; ++i)
            send(u"q.fifo"_s, u"a%1"_s.arg(i), u"A"_s);
        send(u"q.fifo"_s, u"b0"_s, u"B"_s);
        ReceiveMessageInput one;
        QCOMPARE(sqs().receiveMessage(u"q.fifo"_s, one)->first().body, u"a0"_s);
        // Group A is blocked by its in-flight head; B's head is next, then nothing.
        QCOMPARE(sqs().receiveMessage(u"q.fifo"_s, one)->first().body, u"b0"_s);
        QVERIFY(sqs().receiveMessage(u"q.fifo"_s, one)->isEmpty());

        // Past 1,000 groups the heads are looked up among the visible messages: same answer.
        QVERIFY(sqs().createQueue(u"many.fifo"_s,
            {{u"FifoQueue"_s, u"true"_s}, {u"ContentBasedDeduplication"_s, u"true"_s}},
            {}));
        for (int i = 0; i < 1'005; ++i)
            send(u"many.fifo"_s, u"m%1"_s.arg(i), u"g%1"_s.arg(i));
        send(u"many.fifo"_s, u"m0 follower"_s, u"g0"_s);
        const auto first = receive(u"many.fifo"_s);
        QCOMPARE(first->size(), 10);
        QCOMPARE(first->at(0).body, u"m0"_s);
        QCOMPARE(first->at(1).body, u"m0 follower"_s);
        QCOMPARE(first->at(2).body, u"m1"_s);
        QCOMPARE(receive(u"many.fifo"_s)->first().body, u"m9"_s);
    }

    void receiveRequestAttemptIdIgnoredOnStandardQueues()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        send(u"q"_s, u"a"_s);
        QCOMPARE(receive(u"q"_s, u"x"_s)->size(), 1);
        QVERIFY(receive(u"q"_s, u"x"_s)->isEmpty());
    }

    void visibilityLimitedToTwelveHoursFromReceive()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        send(u"q"_s, u"m"_s);
        const Message message = receive(u"q"_s, {}, 43'200)->first();
        QVERIFY(sqs().changeMessageVisibility(u"q"_s, message.receiptHandle, 43'200));
        m_clock->advance(3'600'000);
        QVERIFY(sqs().changeMessageVisibility(u"q"_s, message.receiptHandle, 39'600));
        const auto beyond = sqs().changeMessageVisibility(u"q"_s, message.receiptHandle, 39'601);
        QVERIFY(!beyond);
        QCOMPARE(beyond.error().code, u"InvalidParameterValue"_s);
        QCOMPARE(beyond.error().message,
            u"Value 39601 for parameter VisibilityTimeout is invalid. Reason: Total "
            u"VisibilityTimeout for the message is beyond the limit [43200 seconds]"_s);
        // A new receive starts a new 12 hours.
        QVERIFY(sqs().changeMessageVisibility(u"q"_s, message.receiptHandle, 0));
        const Message again = receive(u"q"_s, {}, 7'200)->first();
        m_clock->advance(3'600'000);
        QVERIFY(sqs().changeMessageVisibility(u"q"_s, again.receiptHandle, 39'600));
    }

    void inFlightQuotaStandard()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        fillInFlight(u"q"_s);
        send(u"q"_s, u"waiting"_s);
        const auto over = receive(u"q"_s);
        QVERIFY(!over);
        QCOMPARE(over.error().code, u"OverLimit"_s);
        QCOMPARE(over.error().httpStatus, 403);
        // One message back in the queue makes room for exactly one receive.
        makeOneVisible(u"q"_s);
        const auto one = receive(u"q"_s);
        QVERIFY(one);
        QCOMPARE(one->size(), 1);
        QCOMPARE(receive(u"q"_s).error().code, u"OverLimit"_s);
    }

    void inFlightQuotaFifoReturnsNothing()
    {
        QVERIFY(sqs().createQueue(u"q.fifo"_s,
            {{u"FifoQueue"_s, u"true"_s}, {u"ContentBasedDeduplication"_s, u"true"_s}},
            {}));
        fillInFlight(u"q.fifo"_s);
        send(u"q.fifo"_s, u"waiting"_s, u"other"_s);
        const auto none = receive(u"q.fifo"_s);
        QVERIFY(none);
        QVERIFY(none->isEmpty());
        makeOneVisible(u"q.fifo"_s);
        QCOMPARE(receive(u"q.fifo"_s)->size(), 1);
    }

    void metrics()
    {
        RecordingSink sink;
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        sqs().setMetricSink(&sink);
        // The gauges of the current minute are reported at once, then once a minute.
        QCOMPARE(sink.named(u"ApproximateNumberOfMessagesVisible"_s, u"q"_s).size(), 1);
        QVERIFY(sink.named(u"ApproximateAgeOfOldestMessage"_s, u"q"_s).isEmpty());

        send(u"q"_s, u"12345"_s);
        send(u"q"_s, u"123"_s);
        SendMessageInput delayed;
        delayed.body = u"later"_s;
        delayed.delaySeconds = 600;
        QVERIFY(sqs().sendMessage(u"q"_s, delayed));
        ReceiveMessageInput one;
        one.visibilityTimeout = 600;
        const auto received = sqs().receiveMessage(u"q"_s, one);
        QCOMPARE(received->size(), 1);
        QVERIFY(sqs().deleteMessage(u"q"_s, received->first().receiptHandle));
        QVERIFY(sqs().createQueue(u"empty"_s, {}, {}));
        QVERIFY(sqs().receiveMessage(u"empty"_s, one)->isEmpty());
        QCOMPARE(sqs().receiveMessage(u"q"_s, one)->size(), 1);

        QCOMPARE(sink.sum(u"NumberOfMessagesSent"_s, u"q"_s), 3.0);
        QCOMPARE(sink.sum(u"SentMessageSize"_s, u"q"_s), 13.0);
        QCOMPARE(sink.named(u"SentMessageSize"_s, u"q"_s).first().unit, u"Bytes"_s);
        QCOMPARE(sink.sum(u"NumberOfMessagesReceived"_s, u"q"_s), 2.0);
        QCOMPARE(sink.sum(u"NumberOfMessagesDeleted"_s, u"q"_s), 1.0);
        QCOMPARE(sink.sum(u"NumberOfEmptyReceives"_s, u"empty"_s), 1.0);
        QCOMPARE(sink.sum(u"NumberOfEmptyReceives"_s, u"q"_s), 0.0);

        sqs().reportGauges(); // same minute: nothing new
        QCOMPARE(sink.named(u"ApproximateNumberOfMessagesVisible"_s, u"q"_s).size(), 1);
        m_clock->advance(60'000); // the clock jump reports the next minute's gauges
        const auto gauge = [&](const QString &name) {
            const QList<Datum> found = sink.named(name, u"q"_s);
            return found.isEmpty() ? -1.0 : found.last().value;
        };
        QCOMPARE(sink.named(u"ApproximateNumberOfMessagesVisible"_s, u"q"_s).size(), 2);
        QCOMPARE(gauge(u"ApproximateNumberOfMessagesVisible"_s), 0.0);
        QCOMPARE(gauge(u"ApproximateNumberOfMessagesNotVisible"_s), 1.0);
        QCOMPARE(gauge(u"ApproximateNumberOfMessagesDelayed"_s), 1.0);
        QCOMPARE(gauge(u"ApproximateAgeOfOldestMessage"_s), 60.0);
        QCOMPARE(sink.named(u"ApproximateAgeOfOldestMessage"_s, u"q"_s).first().unit, u"Seconds"_s);

        sqs().setMetricSink(nullptr);
        const qsizetype before = sink.data.size();
        send(u"q"_s, u"unreported"_s);
        m_clock->advance(60'000);
        QCOMPARE(sink.data.size(), before);
    }

    void longPollCountsOneReceive()
    {
        RecordingSink sink;
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        sqs().setMetricSink(&sink);
        ReceiveMessageInput input;
        input.waitTimeSeconds = 5;
        QList<Message> answer;
        bool answered = false;
        sqs().receiveMessageWait(u"q"_s, input, [&](Result<QList<Message>> result) {
            answered = true;
            answer = *result;
        });
        QVERIFY(!answered);
        send(u"q"_s, u"arrives"_s);
        QTRY_VERIFY(answered);
        QCOMPARE(answer.size(), 1);
        QCOMPARE(sink.sum(u"NumberOfEmptyReceives"_s, u"q"_s), 0.0);
        QCOMPARE(sink.sum(u"NumberOfMessagesReceived"_s, u"q"_s), 1.0);
    }

    void moveTasksSurviveRestart()
    {
        QVERIFY(sqs().createQueue(u"dlq"_s, {}, {}));
        const QString policy =
            uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":1})"_s;
        QVERIFY(sqs().createQueue(u"src"_s, {{u"RedrivePolicy"_s, policy}}, {}));
        for (int i = 0; i < 3; ++i)
            send(u"dlq"_s, u"dead %1"_s.arg(i));
        const auto cancelled = sqs().startMessageMoveTask(DlqArn, SrcArn, 1);
        QVERIFY(cancelled);
        QVERIFY(sqs().cancelMessageMoveTask(*cancelled));
        m_clock->advance(1'000);
        const auto running = sqs().startMessageMoveTask(DlqArn, SrcArn);
        QVERIFY(running);

        // The engine stops before the task moved anything; after the restart it resumes.
        restart();
        auto tasks = sqs().listMessageMoveTasks(DlqArn, 10);
        QVERIFY(tasks);
        QCOMPARE(tasks->size(), 2);
        QCOMPARE(tasks->at(0).taskHandle, *running);
        QCOMPARE(tasks->at(0).status, u"RUNNING"_s);
        QCOMPARE(tasks->at(0).approximateNumberOfMessagesToMove, qint64(3));
        QCOMPARE(tasks->at(1).status, u"CANCELLED"_s);
        QCOMPARE(tasks->at(1).maxNumberOfMessagesPerSecond, 1);
        QTRY_COMPARE(sqs().listMessageMoveTasks(DlqArn, 1)->first().status, u"COMPLETED"_s);
        QCOMPARE(counts(u"src"_s), u"3/0/0"_s);

        restart();
        tasks = sqs().listMessageMoveTasks(DlqArn, 10);
        QCOMPARE(tasks->size(), 2);
        QCOMPARE(tasks->at(0).status, u"COMPLETED"_s);
        QCOMPARE(tasks->at(0).approximateNumberOfMessagesMoved, qint64(3));
        QCOMPARE(tasks->at(0).startedTimestamp, m_clock->nowMs());
    }

    void receiveRefusesNegativeTimeouts()
    {
        QVERIFY(sqs().createQueue(u"q"_s, {}, {}));
        ReceiveMessageInput input;
        input.visibilityTimeout = -1;
        auto refused = sqs().receiveMessage(u"q"_s, input);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"InvalidParameterValue"_s);
        QVERIFY2(refused.error().message.startsWith(
                     u"Value -1 for parameter VisibilityTimeout is invalid."_s),
            qPrintable(refused.error().message));
        input = {};
        input.waitTimeSeconds = -5;
        refused = sqs().receiveMessage(u"q"_s, input);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.startsWith(
                     u"Value -5 for parameter WaitTimeSeconds is invalid."_s),
            qPrintable(refused.error().message));
    }

    void fifoDeadLetterQueueRestartsRetentionAndDeduplicatesById()
    {
        QVERIFY(sqs().createQueue(u"dlq.fifo"_s,
            {{u"FifoQueue"_s, u"true"_s}, {u"MessageRetentionPeriod"_s, u"60"_s}},
            {}));
        const QString policy =
            uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq.fifo","maxReceiveCount":1})"_s;
        QVERIFY(sqs().createQueue(
            u"src.fifo"_s, {{u"FifoQueue"_s, u"true"_s}, {u"RedrivePolicy"_s, policy}}, {}));
        SendMessageInput message;
        message.body = u"late"_s;
        message.groupId = u"g"_s;
        message.deduplicationId = u"dd1"_s;
        const auto sent = sqs().sendMessage(u"src.fifo"_s, message);
        QVERIFY(sent);
        QCOMPARE(receive(u"src.fifo"_s, {}, 0)->size(), 1);
        m_clock->advance(40'000);
        // The second receive finds it over maxReceiveCount: it moves to the DLQ now.
        QVERIFY(receive(u"src.fifo"_s, {}, 0)->isEmpty());
        m_clock->advance(30'000); // 70 s after sending, 30 s after dead-lettering
        ReceiveMessageInput input;
        input.attributeNames = {u"All"_s};
        const auto dead = sqs().receiveMessage(u"dlq.fifo"_s, input);
        QVERIFY(dead);
        QCOMPARE(dead->size(), 1);
        QCOMPARE(dead->first().messageId, sent->messageId);
        QCOMPARE(dead->first().deduplicationId, sent->messageId);
    }

    void standardDeadLetterQueueKeepsTheOriginalEnqueueTime()
    {
        QVERIFY(sqs().createQueue(u"dlq"_s, {{u"MessageRetentionPeriod"_s, u"60"_s}}, {}));
        const QString policy =
            uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":1})"_s;
        QVERIFY(sqs().createQueue(u"src"_s, {{u"RedrivePolicy"_s, policy}}, {}));
        send(u"src"_s, u"old"_s);
        QCOMPARE(receive(u"src"_s, {}, 0)->size(), 1);
        m_clock->advance(40'000);
        QVERIFY(receive(u"src"_s, {}, 0)->isEmpty());
        m_clock->advance(30'000);
        QVERIFY(receive(u"dlq"_s)->isEmpty()); // expired: 70 s after it was first sent
    }

    void redrivenMessagesAreNewMessages()
    {
        QVERIFY(sqs().createQueue(u"dlq"_s, {}, {}));
        const QString policy =
            uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":1})"_s;
        QVERIFY(sqs().createQueue(u"src"_s, {{u"RedrivePolicy"_s, policy}}, {}));
        SendMessageInput message;
        message.body = u"again"_s;
        const auto sent = sqs().sendMessage(u"src"_s, message);
        QCOMPARE(receive(u"src"_s, {}, 0)->size(), 1);
        QVERIFY(receive(u"src"_s, {}, 0)->isEmpty());
        QCOMPARE(counts(u"dlq"_s), u"1/0/0"_s);
        m_clock->advance(5'000);
        const qint64 redrivenAt = m_clock->nowMs();
        QVERIFY(sqs().startMessageMoveTask(DlqArn, {}));
        QTRY_COMPARE(sqs().listMessageMoveTasks(DlqArn, 1)->first().status, u"COMPLETED"_s);
        ReceiveMessageInput input;
        input.attributeNames = {u"All"_s};
        const auto back = sqs().receiveMessage(u"src"_s, input);
        QVERIFY(back);
        QCOMPARE(back->size(), 1);
        QCOMPARE(back->first().body, u"again"_s);
        QVERIFY(back->first().messageId != sent->messageId);
        QCOMPARE(back->first().sentMs, redrivenAt);
        QCOMPARE(back->first().receiveCount, 1);
        QCOMPARE(back->first().firstReceiveMs, redrivenAt);
    }

    void moveTasksStayWithinOneQueueType()
    {
        QVERIFY(sqs().createQueue(u"dlq"_s, {}, {}));
        const QString policy =
            uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":1})"_s;
        QVERIFY(sqs().createQueue(u"src"_s, {{u"RedrivePolicy"_s, policy}}, {}));
        QVERIFY(sqs().createQueue(u"other.fifo"_s, {{u"FifoQueue"_s, u"true"_s}}, {}));
        const auto refused =
            sqs().startMessageMoveTask(DlqArn, u"arn:aws:sqs:us-east-1:000000000000:other.fifo"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"InvalidParameterValue"_s);
        const auto noRate = sqs().startMessageMoveTask(DlqArn, SrcArn, 0);
        QVERIFY(!noRate);
        QCOMPARE(noRate.error().code, u"InvalidParameterValue"_s);
    }

    void encryptionKindsExcludeEachOther()
    {
        QVERIFY(sqs().createQueue(u"kms"_s, {{u"KmsMasterKeyId"_s, u"alias/aws/sqs"_s}}, {}));
        auto attributes = sqs().getQueueAttributes(u"kms"_s, {u"All"_s});
        QCOMPARE(attributes->value(u"SqsManagedSseEnabled"_s), u"false"_s);
        QCOMPARE(attributes->value(u"KmsDataKeyReusePeriodSeconds"_s), u"300"_s);
        QVERIFY(sqs().setQueueAttributes(u"kms"_s, {{u"SqsManagedSseEnabled"_s, u"true"_s}}));
        attributes = sqs().getQueueAttributes(u"kms"_s, {u"All"_s});
        QCOMPARE(attributes->value(u"SqsManagedSseEnabled"_s), u"true"_s);
        QVERIFY(!attributes->contains(u"KmsMasterKeyId"_s));
        const auto both = sqs().createQueue(u"both"_s,
            {{u"KmsMasterKeyId"_s, u"alias/aws/sqs"_s}, {u"SqsManagedSseEnabled"_s, u"true"_s}},
            {});
        QVERIFY(!both);
        QCOMPARE(both.error().code, u"InvalidAttributeValue"_s);
    }

    void moveTaskFailsWhenItsQueueIsGoneAfterRestart()
    {
        QVERIFY(sqs().createQueue(u"dlq"_s, {}, {}));
        const QString policy =
            uR"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":1})"_s;
        QVERIFY(sqs().createQueue(u"src"_s, {{u"RedrivePolicy"_s, policy}}, {}));
        send(u"dlq"_s, u"dead"_s);
        QVERIFY(sqs().startMessageMoveTask(DlqArn, SrcArn));
        QVERIFY(sqs().deleteQueue(u"src"_s));
        restart();
        QTRY_COMPARE(sqs().listMessageMoveTasks(DlqArn, 1)->first().status, u"FAILED"_s);
        QCOMPARE(counts(u"dlq"_s), u"1/0/0"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SqsOperations)

#include "tst_sqsoperations.moc"
