// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/sqs/message.h"
#include "core/sqs/queue.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <list>
#include <memory>
#include <optional>

namespace Core {
class Clock;
class Coalescer;
class MetricSink;
} // namespace Core
namespace Core::Storage {
class Database;
}

namespace Core::Sqs {

class SqsStore;

// Amazon SQS: queues, messages, visibility, delays, retention, FIFO groups and deduplication,
// dead-letter redrive and message move tasks. Lives on the core thread and owns the sqs_* tables
// through SqsStore; queues are cached in memory. All time comes from the Clock. Long polls are
// parked callbacks answered when a message becomes available or their wait ends; nothing blocks.
// queuesChanged() / messagesChanged() are coalesced (at most one per 150 ms).
class SqsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqsService)

public:
    SqsService(const Storage::Database &database,
        Clock *clock,
        QString accountId,
        QString region,
        QObject *parent = nullptr);
    ~SqsService() override;

    const QString &accountId() const { return m_accountId; }
    const QString &region() const { return m_region; }
    QString queueArn(const QString &name) const;
    qint64 nowMs() const;

    // AWS/SQS metrics go to `sink` (null: none are reported). Counts are reported per event; the
    // Approximate* gauges once a minute per queue, from a timer and when the clock jumps.
    void setMetricSink(MetricSink *sink);
    void reportGauges();

    // Queues
    Result<Queue> createQueue(const QString &name,
        const QMap<QString, QString> &attributes,
        const QMap<QString, QString> &tags);
    Result<Queue> queue(const QString &name) const;
    QList<Queue> listQueues(const QString &prefix = {}) const;
    Status deleteQueue(const QString &name);
    Result<QMap<QString, QString>> getQueueAttributes(
        const QString &name, const QStringList &attributeNames) const;
    Status setQueueAttributes(const QString &name, const QMap<QString, QString> &attributes);
    Status tagQueue(const QString &name, const QMap<QString, QString> &tags);
    Status untagQueue(const QString &name, const QStringList &keys);
    Result<QMap<QString, QString>> listQueueTags(const QString &name) const;
    Status purgeQueue(const QString &name);
    Result<QStringList> listDeadLetterSourceQueues(const QString &name) const;

    // Messages
    Result<SendMessageOutput> sendMessage(const QString &queueName, const SendMessageInput &input);
    // Batch-level checks shared by the three batch operations (count, ids).
    static Status validateBatch(const QStringList &entryIds, const QString &entryName);
    Result<QList<Message>> receiveMessage(
        const QString &queueName, const ReceiveMessageInput &input);
    Status deleteMessage(const QString &queueName, const QString &receiptHandle);
    Status changeMessageVisibility(
        const QString &queueName, const QString &receiptHandle, int visibilityTimeout);

    // ReceiveMessage with long polling: answers at once when messages are there or the wait is
    // 0, otherwise parks `done` until a message becomes available or WaitTimeSeconds pass.
    using ReceiveCallback = std::function<void(Result<QList<Message>>)>;
    void receiveMessageWait(
        const QString &queueName, const ReceiveMessageInput &input, ReceiveCallback done);
    // Answers every parked long poll with what is there now (shutdown).
    void finishWaits();
    int waitingCount() const { return int(m_waiters.size()); }

    // Dead-letter queue redrive (StartMessageMoveTask ...)
    Result<QString> startMessageMoveTask(const QString &sourceArn,
        const QString &destinationArn,
        std::optional<int> maxNumberOfMessagesPerSecond = std::nullopt);
    Result<qint64> cancelMessageMoveTask(const QString &taskHandle);
    Result<QList<MessageMoveTask>> listMessageMoveTasks(
        const QString &sourceArn, int maxResults) const;

    // The console: counters and a look at every message without changing its state.
    QList<QueueSummary> queueSummaries() const;
    Result<QList<Message>> peekMessages(const QString &queueName, int offset, int limit) const;

signals:
    void queuesChanged();
    void messagesChanged(const QStringList &queueNames);

private:
    struct Waiter
    {
        quint64 id = 0;
        QString queueName;
        ReceiveMessageInput input;
        ReceiveCallback done;
        std::unique_ptr<QTimer> timer;
    };

    Queue *findQueue(const QString &name);
    const Queue *findQueue(const QString &name) const;
    const Queue *findQueueByArn(const QString &arn) const;
    const Queue *findQueueById(qint64 id) const;
    QString nameFromArn(const QString &arn) const;
    void touchQueues();
    void touchMessages(const QString &queueName);
    void wakeWaiters(const QString &queueName);
    void serveWaiters(const QString &queueName);
    void pollWaiters();
    void finishWaiter(quint64 id, bool timedOut);
    void moveTick();
    Result<QList<Message>> checkedReceive(
        const QString &queueName, const ReceiveMessageInput &input);
    Result<QList<Message>> receiveNow(const Queue &queue, const ReceiveMessageInput &input);
    std::optional<Result<QList<Message>>> retryReceive(
        const Queue &queue, const ReceiveMessageInput &input, qint64 nowMs);
    void rememberReceive(const Queue &queue,
        const ReceiveMessageInput &input,
        const QList<Message> &messages,
        qint64 nowMs);
    void reportReceive(const QString &queueName, const Result<QList<Message>> &result);
    void reportMetric(
        const QString &queueName, const QString &metric, double value, const QString &unit);
    void saveMoveTask(const MessageMoveTask &task);
    bool redriveToDeadLetterQueue(const Queue &queue, Message &message, qint64 nowMs);
    Message presentMessage(Message message, const ReceiveMessageInput &input) const;

    const Storage::Database &m_database;
    Clock *m_clock;
    QString m_accountId;
    QString m_region;
    std::unique_ptr<SqsStore> m_store;
    QHash<QString, Queue> m_queues;
    QHash<QString, qint64> m_deletedAtMs; // CreateQueue: QueueDeletedRecently for 60 s
    Coalescer *m_queuesCoalescer;
    Coalescer *m_messagesCoalescer;
    QSet<QString> m_changedQueues;

    std::list<Waiter> m_waiters;
    quint64 m_nextWaiterId = 1;
    QSet<QString> m_wakePending;
    QTimer m_pollTimer;

    QList<MessageMoveTask> m_moveTasks;
    QTimer m_moveTimer;

    // ReceiveMessage ReceiveRequestAttemptId (FIFO): what a receive returned, for 5 minutes.
    struct ReceiveAttempt
    {
        qint64 expiresMs = 0;
        struct Entry
        {
            qint64 rowId = 0;
            QString receiptHandle;
            qint64 visibleAtMs = 0;
        };
        QList<Entry> entries;
    };
    QHash<QString, ReceiveAttempt> m_receiveAttempts; // "<queue id>\n<attempt id>"

    MetricSink *m_metricSink = nullptr;
    QHash<qint64, qint64> m_gaugeMinute; // queue id -> the minute its gauges were last reported
    QTimer m_gaugeTimer;
};

} // namespace Core::Sqs
