// SPDX-License-Identifier: MIT
#pragma once

#include "core/sqs/message.h"
#include "core/sqs/queue.h"

#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::Sqs {

struct MessageCounts
{
    qint64 available = 0;
    qint64 inFlight = 0;
    qint64 delayed = 0;
};

// The only SQL touching the sqs_* tables. Every hot query walks an index (see 020_sqs.sql), so a
// receive costs the same at a depth of 1k and 1M messages. Used on the core thread only.
class SqsStore final
{
public:
    explicit SqsStore(const Storage::Database &database);

    QList<Queue> loadQueues() const;
    bool insertQueue(Queue &queue) const;
    bool updateQueue(const Queue &queue) const;
    bool deleteQueue(qint64 queueId) const;
    qint64 nextSequence(qint64 queueId) const;

    bool insertMessage(qint64 queueId, Message &message) const;
    std::optional<Message> message(qint64 rowId) const;
    bool deleteMessage(qint64 rowId) const;
    // Deletes the message if `receipt` is still its current receipt handle (one statement, no
    // read first). Returns whether it was deleted; nullopt on a storage failure.
    std::optional<bool> deleteReceived(qint64 rowId, qint64 queueId, const QString &receipt) const;
    bool markReceived(const Message &message) const;
    bool setVisibleAt(qint64 rowId, qint64 visibleAtMs) const;
    // Moves a message to another queue (dead-lettering, redrive). Empty or zero fields of `move`
    // keep the message's own value.
    struct Move
    {
        qint64 toQueueId = 0;
        qint64 visibleAtMs = 0;
        qint64 expiresAtMs = 0;
        QString deadLetterSource; // empty: cleared
        bool asNewMessage = false; // redrive: new id, sent now, never received
        QString messageId; // with asNewMessage
        qint64 sentMs = 0; // with asNewMessage
        QString dedupId; // empty: kept
        qint64 sequence = 0; // 0: kept
    };
    bool moveMessage(qint64 rowId, const Move &move) const;
    qint64 purge(qint64 queueId) const;
    qint64 deleteExpired(qint64 queueId, qint64 nowMs) const;

    // Standard: the first visible messages. FIFO: visible heads of message groups, then the
    // visible messages following a head in its group.
    QList<Message> visibleMessages(qint64 queueId, qint64 nowMs, int limit) const;
    QList<Message> fifoGroupHeads(qint64 queueId, qint64 nowMs, int limit) const;
    QList<Message> groupFollowers(
        qint64 queueId, const QString &groupId, qint64 afterRowId, int limit) const;
    bool hasVisible(qint64 queueId, qint64 nowMs) const;
    std::optional<qint64> nextVisibleAt(qint64 queueId, qint64 nowMs) const;
    // Oldest first, any state (message move tasks, the peek view).
    QList<Message> messages(qint64 queueId, qint64 afterRowId, int limit) const;
    QList<Message> peek(qint64 queueId, int offset, int limit) const;
    MessageCounts counts(qint64 queueId, qint64 nowMs) const;
    qint64 messageCount(qint64 queueId) const;
    qint64 inFlightCount(qint64 queueId, qint64 nowMs) const;
    // The send time of the message that expires first: the oldest one while the retention
    // period has not changed (ApproximateAgeOfOldestMessage).
    std::optional<qint64> oldestSentMs(qint64 queueId) const;

    QList<MessageMoveTask> loadMoveTasks() const;
    bool saveMoveTask(const MessageMoveTask &task) const;

    struct Dedup
    {
        QString messageId;
        qint64 sequence = 0;
    };
    std::optional<Dedup> dedup(qint64 queueId, const QString &key, qint64 nowMs) const;
    bool insertDedup(
        qint64 queueId, const QString &key, qint64 expiresMs, const Dedup &dedup) const;

    static QString attributesToJson(const MessageAttributes &attributes);
    static MessageAttributes attributesFromJson(const QString &json);

private:
    const Storage::Database &m_database;
};

} // namespace Core::Sqs
