// SPDX-License-Identifier: MIT
// SqsService: parked long polls (ReceiveMessage WaitTimeSeconds) and message move tasks (DLQ
// redrive). Both run from timers and signals on the core thread; nothing sleeps.
#include "core/sqs/sqsservice.h"

#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/common/logging.h"
#include "core/sqs/sqserrors.h"
#include "core/sqs/sqsstore.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Core::Sqs {

void SqsService::receiveMessageWait(
    const QString &queueName, const ReceiveMessageInput &input, ReceiveCallback done)
{
    auto first = checkedReceive(queueName, input);
    const Queue *queue = findQueue(queueName);
    const int wait = input.waitTimeSeconds.value_or(queue ? queue->receiveWaitSeconds() : 0);
    if (!first || !first->isEmpty() || wait <= 0) {
        reportReceive(queueName, first);
        done(std::move(first));
        return;
    }
    // ReceiveMessage: WaitTimeSeconds > 0 parks the request; answered by serveWaiters() when a
    // message becomes available, or empty when the timer fires.
    Waiter &waiter = m_waiters.emplace_back();
    waiter.id = m_nextWaiterId++;
    waiter.queueName = queueName;
    waiter.input = input;
    // The metrics count the call once, by what it finally answered.
    waiter.done = [this, queueName, done = std::move(done)](Result<QList<Message>> result) {
        reportReceive(queueName, result);
        done(std::move(result));
    };
    waiter.timer = std::make_unique<QTimer>();
    waiter.timer->setSingleShot(true);
    waiter.timer->setTimerType(Qt::PreciseTimer);
    const quint64 id = waiter.id;
    connect(waiter.timer.get(), &QTimer::timeout, this, [this, id] { finishWaiter(id, true); });
    waiter.timer->start(wait * 1000);
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
}

void SqsService::finishWaiter(quint64 id, bool timedOut)
{
    for (auto it = m_waiters.begin(); it != m_waiters.end(); ++it) {
        if (it->id != id)
            continue;
        ReceiveCallback done = std::move(it->done);
        const QString queueName = it->queueName;
        const ReceiveMessageInput input = it->input;
        it->timer.release()->deleteLater(); // we are inside its timeout signal
        m_waiters.erase(it);
        if (m_waiters.empty())
            m_pollTimer.stop();
        // At the end of the wait, one last look (a message may have become visible by time).
        if (timedOut && findQueue(queueName))
            done(receiveNow(*findQueue(queueName), input));
        else if (timedOut)
            done(std::unexpected(Errors::queueDoesNotExist()));
        else
            done(QList<Message>());
        return;
    }
}

void SqsService::finishWaits()
{
    while (!m_waiters.empty()) {
        ReceiveCallback done = std::move(m_waiters.front().done);
        m_waiters.pop_front();
        done(QList<Message>());
    }
    m_pollTimer.stop();
}

void SqsService::wakeWaiters(const QString &queueName)
{
    if (m_waiters.empty() || m_wakePending.contains(queueName))
        return;
    m_wakePending.insert(queueName);
    // Served after the current request's transaction is committed.
    QMetaObject::invokeMethod(
        this,
        [this, queueName] {
            m_wakePending.remove(queueName);
            serveWaiters(queueName);
        },
        Qt::QueuedConnection);
}

void SqsService::serveWaiters(const QString &queueName)
{
    const Queue *queue = findQueue(queueName);
    auto it = m_waiters.begin();
    while (it != m_waiters.end()) {
        if (it->queueName != queueName) {
            ++it;
            continue;
        }
        if (!queue) {
            ReceiveCallback done = std::move(it->done);
            it = m_waiters.erase(it);
            done(std::unexpected(Errors::queueDoesNotExist()));
            continue;
        }
        if (!m_store->hasVisible(queue->id, nowMs()))
            break;
        auto result = receiveNow(*queue, it->input);
        if (result && result->isEmpty())
            break; // e.g. every FIFO group is in flight
        ReceiveCallback done = std::move(it->done);
        it = m_waiters.erase(it);
        done(std::move(result));
    }
    if (m_waiters.empty())
        m_pollTimer.stop();
}

void SqsService::pollWaiters()
{
    QSet<QString> names;
    for (const Waiter &waiter : m_waiters)
        names.insert(waiter.queueName);
    for (const QString &name : names)
        serveWaiters(name);
}

Result<QString> SqsService::startMessageMoveTask(const QString &sourceArn,
    const QString &destinationArn,
    std::optional<int> maxNumberOfMessagesPerSecond)
{
    if (sourceArn.isEmpty())
        return std::unexpected(Errors::missingParameter(u"SourceArn"_s));
    const Queue *source = findQueueByArn(sourceArn);
    if (!source)
        return std::unexpected(Errors::resourceNotFound(
            u"The resource that you specified for the SourceArn parameter doesn't exist."_s));
    bool isDeadLetterQueue = false;
    for (const Queue &queue : m_queues)
        isDeadLetterQueue = isDeadLetterQueue || queue.deadLetterTargetArn() == sourceArn;
    if (!isDeadLetterQueue)
        return std::unexpected(Errors::invalidParameterValue(
            u"Source queue must be configured as a Dead Letter Queue."_s));
    if (!destinationArn.isEmpty()) {
        const Queue *destination = findQueueByArn(destinationArn);
        if (!destination)
            return std::unexpected(Errors::resourceNotFound(
                u"The resource that you specified for the DestinationArn parameter doesn't "
                u"exist."_s));
        // A FIFO message has a group and a sequence number a standard queue cannot keep, and
        // the other way round: AWS redrives only between queues of one type.
        if (destination->fifo != source->fifo)
            return std::unexpected(Errors::invalidParameterValue(
                u"The source queue and the destination queue must be of the same queue type."_s));
    }
    if (maxNumberOfMessagesPerSecond
        && (*maxNumberOfMessagesPerSecond < 1 || *maxNumberOfMessagesPerSecond > 500))
        return std::unexpected(Errors::invalidParameterValue(
            u"Value %1 for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: Must be "
            u"between 1 and 500."_s.arg(*maxNumberOfMessagesPerSecond)));
    for (const MessageMoveTask &task : m_moveTasks) {
        if (task.sourceArn == sourceArn && task.status == u"RUNNING"_s)
            return std::unexpected(Errors::unsupportedOperation(
                u"There is already a task running. Only one active task is allowed for a source "
                u"queue arn at a given time."_s));
    }
    MessageMoveTask task;
    task.taskHandle = QString::fromLatin1(
        QJsonDocument(QJsonObject{{u"taskId"_s, Ids::randomHex(32)}, {u"sourceArn"_s, sourceArn}})
            .toJson(QJsonDocument::Compact)
            .toBase64());
    task.status = u"RUNNING"_s;
    task.sourceArn = sourceArn;
    task.destinationArn = destinationArn;
    task.maxNumberOfMessagesPerSecond = maxNumberOfMessagesPerSecond.value_or(0);
    task.approximateNumberOfMessagesToMove = m_store->messageCount(source->id);
    task.startedTimestamp = nowMs();
    m_moveTasks.prepend(task);
    saveMoveTask(task);
    if (!m_moveTimer.isActive())
        m_moveTimer.start();
    touchQueues();
    return task.taskHandle;
}

Result<qint64> SqsService::cancelMessageMoveTask(const QString &taskHandle)
{
    if (taskHandle.isEmpty())
        return std::unexpected(Errors::missingParameter(u"TaskHandle"_s));
    for (MessageMoveTask &task : m_moveTasks) {
        if (task.taskHandle != taskHandle)
            continue;
        if (task.status != u"RUNNING"_s)
            return std::unexpected(
                Errors::unsupportedOperation(u"Only active tasks can be cancelled."_s));
        task.status = u"CANCELLED"_s;
        saveMoveTask(task);
        touchQueues();
        return task.approximateNumberOfMessagesMoved;
    }
    return std::unexpected(Errors::resourceNotFound(u"Task does not exist."_s));
}

Result<QList<MessageMoveTask>> SqsService::listMessageMoveTasks(
    const QString &sourceArn, int maxResults) const
{
    if (sourceArn.isEmpty())
        return std::unexpected(Errors::missingParameter(u"SourceArn"_s));
    if (!findQueueByArn(sourceArn))
        return std::unexpected(Errors::resourceNotFound(
            u"The resource that you specified for the SourceArn parameter doesn't exist."_s));
    if (maxResults < 1 || maxResults > 10)
        return std::unexpected(Errors::invalidParameterValue(
            u"Value %1 for parameter MaxResults is invalid. Reason: Must be between 1 and 10."_s
                .arg(maxResults)));
    QList<MessageMoveTask> tasks;
    for (const MessageMoveTask &task : m_moveTasks) {
        if (task.sourceArn == sourceArn && tasks.size() < maxResults)
            tasks.append(task);
    }
    return tasks;
}

void SqsService::saveMoveTask(const MessageMoveTask &task)
{
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->saveMoveTask(task) || !transaction.commit())
        qCWarning(lcCore).noquote() << "SQS: could not save message move task" << task.taskHandle;
}

void SqsService::moveTick()
{
    bool running = false;
    const qint64 now = nowMs();
    for (MessageMoveTask &task : m_moveTasks) {
        if (task.status != u"RUNNING"_s)
            continue;
        const Queue *source = findQueueByArn(task.sourceArn);
        if (!source) {
            task.status = u"FAILED"_s;
            task.failureReason = u"AWS.SimpleQueueService.NonExistentQueue"_s;
            saveMoveTask(task);
            continue;
        }
        // Ten ticks a second; without a rate AWS moves as fast as it can (we do 1,000/s).
        const int perTick = task.maxNumberOfMessagesPerSecond > 0
            ? std::max(1, task.maxNumberOfMessagesPerSecond / 10)
            : 100;
        Storage::SqlTransaction transaction(m_database.connection());
        const QList<Message> batch = m_store->messages(source->id, 0, perTick);
        QSet<QString> touched;
        for (const Message &message : batch) {
            const QString targetArn =
                task.destinationArn.isEmpty() ? message.deadLetterSourceArn : task.destinationArn;
            const Queue *target = findQueueByArn(targetArn);
            if (!target || target->id == source->id) {
                task.status = u"FAILED"_s;
                task.failureReason = u"AWS.SimpleQueueService.NonExistentQueue"_s;
                break;
            }
            // Redriven messages are new messages: a new id and enqueue time, never received
            // (AWS: "Configure a dead-letter queue redrive").
            SqsStore::Move move;
            move.toQueueId = target->id;
            move.visibleAtMs = now;
            move.expiresAtMs = now + qint64(target->retentionSeconds()) * 1000;
            move.asNewMessage = true;
            move.messageId = Ids::uuid();
            move.sentMs = now;
            if (target->fifo)
                move.sequence = m_store->nextSequence(target->id);
            m_store->moveMessage(message.rowId, move);
            touched.insert(target->name);
            ++task.approximateNumberOfMessagesMoved;
        }
        if (task.status == u"RUNNING"_s
            && (batch.size() < perTick
                || task.approximateNumberOfMessagesMoved >= task.approximateNumberOfMessagesToMove))
            task.status = u"COMPLETED"_s;
        // The task's progress commits with the moves it counts.
        saveMoveTask(task);
        transaction.commit();
        touchMessages(source->name);
        for (const QString &name : touched) {
            touchMessages(name);
            wakeWaiters(name);
        }
        running = running || task.status == u"RUNNING"_s;
        touchQueues();
    }
    if (!running)
        m_moveTimer.stop();
}

} // namespace Core::Sqs
