// SPDX-License-Identifier: MIT
#include "core/sqs/sqsstore.h"

#include "core/common/logging.h"
#include "core/storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::Sqs {

namespace {

constexpr auto MessageColumns =
    "id, message_id, body, attributes, md5_body, md5_attributes, system_attributes, sent_ms, "
    "visible_at, expires_at, received, receive_count, first_receive_ms, receipt, group_id, "
    "dedup_id, sequence, dead_letter_source, receipt_ms";

QString messageSelect(const char *tail)
{
    return u"SELECT "_s + QLatin1StringView(MessageColumns) + u" FROM sqs_messages "_s
        + QLatin1StringView(tail);
}

QString mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> mapFromJson(const QString &json)
{
    QMap<QString, QString> map;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

Message readMessage(const QSqlQuery &query)
{
    Message message;
    message.rowId = query.value(0).toLongLong();
    message.messageId = query.value(1).toString();
    message.body = query.value(2).toString();
    message.attributes = SqsStore::attributesFromJson(query.value(3).toString());
    message.md5OfBody = query.value(4).toString();
    message.md5OfAttributes = query.value(5).toString();
    message.systemAttributes = SqsStore::attributesFromJson(query.value(6).toString());
    message.sentMs = query.value(7).toLongLong();
    message.visibleAtMs = query.value(8).toLongLong();
    message.expiresAtMs = query.value(9).toLongLong();
    message.received = query.value(10).toBool();
    message.receiveCount = query.value(11).toInt();
    message.firstReceiveMs = query.value(12).toLongLong();
    message.receiptHandle = query.value(13).toString();
    message.groupId = query.value(14).toString();
    message.deduplicationId = query.value(15).toString();
    const qint64 sequence = query.value(16).toLongLong();
    if (sequence > 0)
        message.sequenceNumber = QString::number(sequence).rightJustified(20, u'0');
    message.deadLetterSourceArn = query.value(17).toString();
    message.receiptMs = query.value(18).toLongLong();
    return message;
}

bool execute(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcCore).noquote() << "SQS store:" << Storage::Database::lastErrorText(query);
    query.finish();
    return false;
}

QList<Message> readMessages(QSqlQuery &query)
{
    QList<Message> messages;
    if (!execute(query))
        return messages;
    while (query.next())
        messages.append(readMessage(query));
    query.finish();
    return messages;
}

qint64 scalar(QSqlQuery &query)
{
    qint64 value = 0;
    if (execute(query) && query.next())
        value = query.value(0).toLongLong();
    query.finish();
    return value;
}

QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

} // namespace

SqsStore::SqsStore(const Storage::Database &database)
    : m_database(database)
{}

QString SqsStore::attributesToJson(const MessageAttributes &attributes)
{
    if (attributes.isEmpty())
        return u"{}"_s;
    QJsonObject object;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        QJsonObject value{{u"t"_s, it->dataType}};
        if (it->isBinary())
            value.insert(u"b"_s, QString::fromLatin1(it->binaryValue.toBase64()));
        else
            value.insert(u"s"_s, it->stringValue);
        object.insert(it.key(), value);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

MessageAttributes SqsStore::attributesFromJson(const QString &json)
{
    MessageAttributes attributes;
    if (json.size() <= 2)
        return attributes;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject value = it.value().toObject();
        MessageAttributeValue attribute;
        attribute.dataType = value.value(u"t"_s).toString();
        if (value.contains(u"b"_s))
            attribute.binaryValue =
                QByteArray::fromBase64(value.value(u"b"_s).toString().toLatin1());
        else
            attribute.stringValue = value.value(u"s"_s).toString();
        attributes.insert(it.key(), attribute);
    }
    return attributes;
}

QList<Queue> SqsStore::loadQueues() const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT id, name, fifo, attributes, tags, created_ms, modified_ms, purged_ms "
        u"FROM sqs_queues ORDER BY name"_s);
    QList<Queue> queues;
    if (!execute(query))
        return queues;
    while (query.next()) {
        Queue queue;
        queue.id = query.value(0).toLongLong();
        queue.name = query.value(1).toString();
        queue.fifo = query.value(2).toBool();
        queue.attributes = mapFromJson(query.value(3).toString());
        queue.tags = mapFromJson(query.value(4).toString());
        queue.createdMs = query.value(5).toLongLong();
        queue.modifiedMs = query.value(6).toLongLong();
        queue.purgedMs = query.value(7).toLongLong();
        queues.append(queue);
    }
    query.finish();
    return queues;
}

bool SqsStore::insertQueue(Queue &queue) const
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO sqs_queues (name, fifo, attributes, tags, created_ms, modified_ms) "
        u"VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(queue.name);
    query.addBindValue(queue.fifo ? 1 : 0);
    query.addBindValue(mapToJson(queue.attributes));
    query.addBindValue(mapToJson(queue.tags));
    query.addBindValue(queue.createdMs);
    query.addBindValue(queue.modifiedMs);
    if (!execute(query))
        return false;
    queue.id = query.lastInsertId().toLongLong();
    query.finish();
    return true;
}

bool SqsStore::updateQueue(const Queue &queue) const
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE sqs_queues SET attributes = ?, tags = ?, modified_ms = ?, purged_ms = ? "
        u"WHERE id = ?"_s);
    query.addBindValue(mapToJson(queue.attributes));
    query.addBindValue(mapToJson(queue.tags));
    query.addBindValue(queue.modifiedMs);
    query.addBindValue(queue.purgedMs);
    query.addBindValue(queue.id);
    const bool ok = execute(query);
    query.finish();
    return ok;
}

bool SqsStore::deleteQueue(qint64 queueId) const
{
    // Messages first by their index; the cascade would do it row by row the same way.
    for (const QString &sql : {u"DELETE FROM sqs_messages WHERE queue_id = ?"_s,
             u"DELETE FROM sqs_dedup WHERE queue_id = ?"_s,
             u"DELETE FROM sqs_queues WHERE id = ?"_s}) {
        QSqlQuery &query = m_database.prepared(sql);
        query.addBindValue(queueId);
        if (!execute(query))
            return false;
        query.finish();
    }
    return true;
}

qint64 SqsStore::nextSequence(qint64 queueId) const
{
    QSqlQuery &query =
        m_database.prepared(u"UPDATE sqs_queues SET next_sequence = next_sequence + 1 WHERE id = ? "
                            u"RETURNING next_sequence"_s);
    query.addBindValue(queueId);
    return scalar(query);
}

bool SqsStore::insertMessage(qint64 queueId, Message &message) const
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO sqs_messages (queue_id, message_id, body, attributes, md5_body, "
        u"md5_attributes, system_attributes, sent_ms, visible_at, expires_at, group_id, dedup_id, "
        u"sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(queueId);
    query.addBindValue(message.messageId);
    query.addBindValue(text(message.body));
    query.addBindValue(attributesToJson(message.attributes));
    query.addBindValue(message.md5OfBody);
    query.addBindValue(text(message.md5OfAttributes));
    query.addBindValue(attributesToJson(message.systemAttributes));
    query.addBindValue(message.sentMs);
    query.addBindValue(message.visibleAtMs);
    query.addBindValue(message.expiresAtMs);
    query.addBindValue(text(message.groupId));
    query.addBindValue(text(message.deduplicationId));
    query.addBindValue(message.sequenceNumber.isEmpty() ? 0 : message.sequenceNumber.toLongLong());
    if (!execute(query))
        return false;
    message.rowId = query.lastInsertId().toLongLong();
    query.finish();
    return true;
}

std::optional<Message> SqsStore::message(qint64 rowId) const
{
    QSqlQuery &query = m_database.prepared(messageSelect("WHERE id = ?"));
    query.addBindValue(rowId);
    const QList<Message> found = readMessages(query);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

bool SqsStore::deleteMessage(qint64 rowId) const
{
    QSqlQuery &query = m_database.prepared(u"DELETE FROM sqs_messages WHERE id = ?"_s);
    query.addBindValue(rowId);
    const bool ok = execute(query);
    query.finish();
    return ok;
}

std::optional<bool> SqsStore::deleteReceived(
    qint64 rowId, qint64 queueId, const QString &receipt) const
{
    QSqlQuery &query = m_database.prepared(
        u"DELETE FROM sqs_messages WHERE id = ? AND queue_id = ? AND receipt = ?"_s);
    query.addBindValue(rowId);
    query.addBindValue(queueId);
    query.addBindValue(receipt);
    if (!execute(query))
        return std::nullopt;
    const bool deleted = query.numRowsAffected() > 0;
    query.finish();
    return deleted;
}

bool SqsStore::markReceived(const Message &message) const
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE sqs_messages SET received = 1, receive_count = ?, first_receive_ms = ?, "
        u"receipt = ?, receipt_ms = ?, visible_at = ? WHERE id = ?"_s);
    query.addBindValue(message.receiveCount);
    query.addBindValue(message.firstReceiveMs);
    query.addBindValue(message.receiptHandle);
    query.addBindValue(message.receiptMs);
    query.addBindValue(message.visibleAtMs);
    query.addBindValue(message.rowId);
    const bool ok = execute(query);
    query.finish();
    return ok;
}

bool SqsStore::setVisibleAt(qint64 rowId, qint64 visibleAtMs) const
{
    QSqlQuery &query =
        m_database.prepared(u"UPDATE sqs_messages SET visible_at = ? WHERE id = ?"_s);
    query.addBindValue(visibleAtMs);
    query.addBindValue(rowId);
    const bool ok = execute(query);
    query.finish();
    return ok;
}

bool SqsStore::moveMessage(qint64 rowId, const Move &move) const
{
    QSqlQuery &query = m_database.prepared(
        u"UPDATE sqs_messages SET queue_id = ?, visible_at = ?, expires_at = ?, receipt = '', "
        u"received = 0, dead_letter_source = ?, "
        u"receive_count = CASE WHEN ? THEN 0 ELSE receive_count END, "
        u"first_receive_ms = CASE WHEN ? THEN 0 ELSE first_receive_ms END, "
        u"message_id = CASE WHEN ? THEN ? ELSE message_id END, "
        u"sent_ms = CASE WHEN ? THEN ? ELSE sent_ms END, "
        u"dedup_id = CASE WHEN ? <> '' THEN ? ELSE dedup_id END, "
        u"sequence = CASE WHEN ? > 0 THEN ? ELSE sequence END WHERE id = ?"_s);
    const int asNew = move.asNewMessage ? 1 : 0;
    for (const QVariant &value : {QVariant(move.toQueueId),
             QVariant(move.visibleAtMs),
             QVariant(move.expiresAtMs),
             QVariant(text(move.deadLetterSource)),
             QVariant(asNew),
             QVariant(asNew),
             QVariant(asNew),
             QVariant(text(move.messageId)),
             QVariant(asNew),
             QVariant(move.sentMs),
             QVariant(text(move.dedupId)),
             QVariant(text(move.dedupId)),
             QVariant(move.sequence),
             QVariant(move.sequence),
             QVariant(rowId)})
        query.addBindValue(value);
    const bool ok = execute(query);
    query.finish();
    return ok;
}

qint64 SqsStore::purge(qint64 queueId) const
{
    QSqlQuery &query = m_database.prepared(u"DELETE FROM sqs_messages WHERE queue_id = ?"_s);
    query.addBindValue(queueId);
    if (!execute(query))
        return 0;
    const qint64 removed = query.numRowsAffected();
    query.finish();
    return removed;
}

qint64 SqsStore::deleteExpired(qint64 queueId, qint64 nowMs) const
{
    QSqlQuery &query =
        m_database.prepared(u"DELETE FROM sqs_messages WHERE queue_id = ? AND expires_at <= ?"_s);
    query.addBindValue(queueId);
    query.addBindValue(nowMs);
    if (!execute(query))
        return 0;
    const qint64 removed = query.numRowsAffected();
    query.finish();
    return removed;
}

QList<Message> SqsStore::visibleMessages(qint64 queueId, qint64 nowMs, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        messageSelect("WHERE queue_id = ? AND visible_at <= ? ORDER BY visible_at LIMIT ?"));
    query.addBindValue(queueId);
    query.addBindValue(nowMs);
    query.addBindValue(limit);
    return readMessages(query);
}

QList<Message> SqsStore::fifoGroupHeads(qint64 queueId, qint64 nowMs, int limit) const
{
    // A group is available when its oldest message (the head) is visible; an in-flight head
    // blocks the whole group. Up to MaxWalkedGroups groups, walk the groups (a loose index scan
    // of sqs_messages_group), so a deep backlog behind an in-flight head costs nothing; past
    // that, look for heads among the visible messages.
    constexpr int MaxWalkedGroups = 1000;
    QSqlQuery &walk = m_database.prepared(
        u"WITH RECURSIVE groups(g) AS (SELECT (SELECT group_id FROM sqs_messages WHERE queue_id = "
        u"? ORDER BY group_id LIMIT 1) UNION ALL SELECT (SELECT group_id FROM sqs_messages WHERE "
        u"queue_id = ? AND group_id > groups.g ORDER BY group_id LIMIT 1) FROM groups WHERE "
        u"groups.g IS NOT NULL LIMIT ?) SELECT h.id, h.visible_at FROM groups JOIN sqs_messages "
        u"AS h ON h.id = (SELECT id FROM sqs_messages WHERE queue_id = ? AND group_id = groups.g "
        u"ORDER BY group_id, id LIMIT 1)"_s);
    walk.addBindValue(queueId);
    walk.addBindValue(queueId);
    walk.addBindValue(MaxWalkedGroups + 2); // one more group than allowed, plus the final NULL
    walk.addBindValue(queueId);
    QList<qint64> heads;
    int groups = 0;
    if (!execute(walk))
        return {};
    while (walk.next()) {
        ++groups;
        if (walk.value(1).toLongLong() <= nowMs)
            heads.append(walk.value(0).toLongLong());
    }
    walk.finish();
    if (groups <= MaxWalkedGroups) {
        std::sort(heads.begin(), heads.end());
        QList<Message> messages;
        for (qint64 rowId : std::as_const(heads)) {
            if (messages.size() >= limit)
                break;
            if (auto head = message(rowId))
                messages.append(*head);
        }
        return messages;
    }
    QSqlQuery &query = m_database.prepared(
        messageSelect("AS m WHERE queue_id = ? AND visible_at <= ? AND NOT EXISTS (SELECT 1 FROM "
                      "sqs_messages AS x WHERE x.queue_id = m.queue_id AND x.group_id = "
                      "m.group_id AND x.id < m.id) ORDER BY id LIMIT ?"));
    query.addBindValue(queueId);
    query.addBindValue(nowMs);
    query.addBindValue(limit);
    return readMessages(query);
}

QList<Message> SqsStore::groupFollowers(
    qint64 queueId, const QString &groupId, qint64 afterRowId, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        messageSelect("WHERE queue_id = ? AND group_id = ? AND id > ? ORDER BY id LIMIT ?"));
    query.addBindValue(queueId);
    query.addBindValue(groupId);
    query.addBindValue(afterRowId);
    query.addBindValue(limit);
    return readMessages(query);
}

bool SqsStore::hasVisible(qint64 queueId, qint64 nowMs) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT 1 FROM sqs_messages WHERE queue_id = ? AND visible_at <= ? LIMIT 1"_s);
    query.addBindValue(queueId);
    query.addBindValue(nowMs);
    return scalar(query) == 1;
}

std::optional<qint64> SqsStore::nextVisibleAt(qint64 queueId, qint64 nowMs) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT MIN(visible_at) FROM sqs_messages WHERE queue_id = ? AND visible_at > ?"_s);
    query.addBindValue(queueId);
    query.addBindValue(nowMs);
    std::optional<qint64> result;
    if (execute(query) && query.next() && !query.value(0).isNull())
        result = query.value(0).toLongLong();
    query.finish();
    return result;
}

QList<Message> SqsStore::messages(qint64 queueId, qint64 afterRowId, int limit) const
{
    QSqlQuery &query =
        m_database.prepared(messageSelect("WHERE queue_id = ? AND id > ? ORDER BY id LIMIT ?"));
    query.addBindValue(queueId);
    query.addBindValue(afterRowId);
    query.addBindValue(limit);
    return readMessages(query);
}

QList<Message> SqsStore::peek(qint64 queueId, int offset, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        messageSelect("WHERE queue_id = ? ORDER BY queue_id, visible_at, id LIMIT ? OFFSET ?"));
    query.addBindValue(queueId);
    query.addBindValue(limit);
    query.addBindValue(offset);
    return readMessages(query);
}

MessageCounts SqsStore::counts(qint64 queueId, qint64 nowMs) const
{
    MessageCounts counts;
    QSqlQuery &hidden = m_database.prepared(
        u"SELECT COUNT(*) FROM sqs_messages WHERE queue_id = ? AND received = ? AND "
        u"visible_at > ?"_s);
    for (int received : {1, 0}) {
        hidden.addBindValue(queueId);
        hidden.addBindValue(received);
        hidden.addBindValue(nowMs);
        (received ? counts.inFlight : counts.delayed) = scalar(hidden);
    }
    counts.available =
        std::max<qint64>(0, messageCount(queueId) - counts.inFlight - counts.delayed);
    return counts;
}

qint64 SqsStore::messageCount(qint64 queueId) const
{
    // Kept by triggers (021_sqs_counts.sql): no scan of the queue's messages.
    QSqlQuery &query = m_database.prepared(u"SELECT message_count FROM sqs_queues WHERE id = ?"_s);
    query.addBindValue(queueId);
    return scalar(query);
}

qint64 SqsStore::inFlightCount(qint64 queueId, qint64 nowMs) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT COUNT(*) FROM sqs_messages WHERE queue_id = ? AND received = 1 AND "
        u"visible_at > ?"_s);
    query.addBindValue(queueId);
    query.addBindValue(nowMs);
    return scalar(query);
}

std::optional<qint64> SqsStore::oldestSentMs(qint64 queueId) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT sent_ms FROM sqs_messages WHERE queue_id = ? ORDER BY expires_at LIMIT 1"_s);
    query.addBindValue(queueId);
    std::optional<qint64> result;
    if (execute(query) && query.next())
        result = query.value(0).toLongLong();
    query.finish();
    return result;
}

QList<MessageMoveTask> SqsStore::loadMoveTasks() const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT task_handle, source_arn, destination_arn, status, max_per_second, moved, "
        u"to_move, failure_reason, started_ms FROM sqs_move_tasks ORDER BY started_ms DESC, "
        u"rowid DESC"_s);
    QList<MessageMoveTask> tasks;
    if (!execute(query))
        return tasks;
    while (query.next()) {
        MessageMoveTask task;
        task.taskHandle = query.value(0).toString();
        task.sourceArn = query.value(1).toString();
        task.destinationArn = query.value(2).toString();
        task.status = query.value(3).toString();
        task.maxNumberOfMessagesPerSecond = query.value(4).toInt();
        task.approximateNumberOfMessagesMoved = query.value(5).toLongLong();
        task.approximateNumberOfMessagesToMove = query.value(6).toLongLong();
        task.failureReason = query.value(7).toString();
        task.startedTimestamp = query.value(8).toLongLong();
        tasks.append(task);
    }
    query.finish();
    return tasks;
}

bool SqsStore::saveMoveTask(const MessageMoveTask &task) const
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO sqs_move_tasks (task_handle, source_arn, destination_arn, status, "
        u"max_per_second, moved, to_move, failure_reason, started_ms) VALUES (?, ?, ?, ?, ?, ?, "
        u"?, ?, ?) ON CONFLICT (task_handle) DO UPDATE SET status = excluded.status, moved = "
        u"excluded.moved, failure_reason = excluded.failure_reason"_s);
    query.addBindValue(task.taskHandle);
    query.addBindValue(task.sourceArn);
    query.addBindValue(text(task.destinationArn));
    query.addBindValue(task.status);
    query.addBindValue(task.maxNumberOfMessagesPerSecond);
    query.addBindValue(task.approximateNumberOfMessagesMoved);
    query.addBindValue(task.approximateNumberOfMessagesToMove);
    query.addBindValue(text(task.failureReason));
    query.addBindValue(task.startedTimestamp);
    const bool ok = execute(query);
    query.finish();
    return ok;
}

std::optional<SqsStore::Dedup> SqsStore::dedup(
    qint64 queueId, const QString &key, qint64 nowMs) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT message_id, sequence FROM sqs_dedup WHERE queue_id = ? AND dedup_key = ? AND "
        u"expires_ms > ?"_s);
    query.addBindValue(queueId);
    query.addBindValue(key);
    query.addBindValue(nowMs);
    std::optional<Dedup> result;
    if (execute(query) && query.next())
        result = Dedup{query.value(0).toString(), query.value(1).toLongLong()};
    query.finish();
    return result;
}

bool SqsStore::insertDedup(
    qint64 queueId, const QString &key, qint64 expiresMs, const Dedup &dedup) const
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT OR REPLACE INTO sqs_dedup (queue_id, dedup_key, expires_ms, message_id, sequence) "
        u"VALUES (?, ?, ?, ?, ?)"_s);
    query.addBindValue(queueId);
    query.addBindValue(key);
    query.addBindValue(expiresMs);
    query.addBindValue(dedup.messageId);
    query.addBindValue(dedup.sequence);
    const bool ok = execute(query);
    query.finish();
    return ok;
}

} // namespace Core::Sqs
