// SPDX-License-Identifier: MIT
#include "core/sqs/sqsservice.h"

#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/metricsink.h"
#include "core/sqs/sqsattributes.h"
#include "core/sqs/sqserrors.h"
#include "core/sqs/sqsstore.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::Sqs {

namespace {

AwsError storageFailure()
{
    return CommonErrors::internalFailure(u"The queue store could not be written."_s);
}

} // namespace

SqsService::SqsService(const Storage::Database &database,
    Clock *clock,
    QString accountId,
    QString region,
    QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_accountId(std::move(accountId))
    , m_region(std::move(region))
    , m_store(std::make_unique<SqsStore>(database))
    , m_queuesCoalescer(new Coalescer(150, this))
    , m_messagesCoalescer(new Coalescer(150, this))
    , m_pollTimer(this)
    , m_moveTimer(this)
    , m_gaugeTimer(this)
{
    qRegisterMetaType<Queue>();
    qRegisterMetaType<QueueSummary>();
    qRegisterMetaType<Message>();
    for (Queue &queue : m_store->loadQueues())
        m_queues.insert(queue.name, queue);
    connect(m_queuesCoalescer, &Coalescer::fired, this, &SqsService::queuesChanged);
    connect(m_messagesCoalescer, &Coalescer::fired, this, [this] {
        QStringList names(m_changedQueues.cbegin(), m_changedQueues.cend());
        m_changedQueues.clear();
        emit messagesChanged(names);
    });
    // Long polls also end when time makes a message visible (delays, visibility timeouts).
    m_pollTimer.setInterval(100);
    connect(&m_pollTimer, &QTimer::timeout, this, &SqsService::pollWaiters);
    connect(m_clock, &Clock::advanced, this, &SqsService::pollWaiters);
    m_moveTimer.setInterval(100);
    connect(&m_moveTimer, &QTimer::timeout, this, &SqsService::moveTick);
    // Message move tasks outlive a restart: history is listed again and running tasks resume.
    m_moveTasks = m_store->loadMoveTasks();
    for (const MessageMoveTask &task : std::as_const(m_moveTasks)) {
        if (task.status == u"RUNNING"_s && !m_moveTimer.isActive())
            m_moveTimer.start();
    }
    m_gaugeTimer.setInterval(5000);
    connect(&m_gaugeTimer, &QTimer::timeout, this, &SqsService::reportGauges);
    connect(m_clock, &Clock::advanced, this, &SqsService::reportGauges);
}

SqsService::~SqsService()
{
    m_metricSink = nullptr;
    finishWaits();
}

void SqsService::setMetricSink(MetricSink *sink)
{
    m_metricSink = sink;
    m_gaugeMinute.clear();
    if (sink) {
        m_gaugeTimer.start();
        reportGauges();
    } else {
        m_gaugeTimer.stop();
    }
}

void SqsService::reportGauges()
{
    if (!m_metricSink)
        return;
    const qint64 now = nowMs();
    const qint64 minute = now - now % 60'000;
    for (const Queue &queue : std::as_const(m_queues)) {
        qint64 &reported = m_gaugeMinute[queue.id];
        if (reported == minute)
            continue;
        reported = minute;
        m_store->deleteExpired(queue.id, now);
        const MessageCounts counts = m_store->counts(queue.id, now);
        const auto gauge = [&](const QString &metric, double value, const QString &unit) {
            m_metricSink->putMetric(
                u"AWS/SQS"_s, metric, {{u"QueueName"_s, queue.name}}, value, unit, now);
        };
        gauge(u"ApproximateNumberOfMessagesVisible"_s, double(counts.available), u"Count"_s);
        gauge(u"ApproximateNumberOfMessagesNotVisible"_s, double(counts.inFlight), u"Count"_s);
        gauge(u"ApproximateNumberOfMessagesDelayed"_s, double(counts.delayed), u"Count"_s);
        if (counts.available + counts.inFlight + counts.delayed > 0) {
            if (const auto oldest = m_store->oldestSentMs(queue.id))
                gauge(u"ApproximateAgeOfOldestMessage"_s,
                    double(std::max<qint64>(0, now - *oldest) / 1000),
                    u"Seconds"_s);
        }
    }
}

QString SqsService::queueArn(const QString &name) const
{
    return u"arn:aws:sqs:%1:%2:%3"_s.arg(m_region, m_accountId, name);
}

qint64 SqsService::nowMs() const
{
    return m_clock->nowMs();
}

Queue *SqsService::findQueue(const QString &name)
{
    const auto it = m_queues.find(name);
    return it == m_queues.end() ? nullptr : &*it;
}

const Queue *SqsService::findQueue(const QString &name) const
{
    const auto it = m_queues.constFind(name);
    return it == m_queues.cend() ? nullptr : &*it;
}

QString SqsService::nameFromArn(const QString &arn) const
{
    const QStringList parts = arn.split(u':');
    if (parts.size() != 6 || parts.at(0) != u"arn"_s || parts.at(2) != u"sqs"_s)
        return {};
    return parts.at(5);
}

const Queue *SqsService::findQueueByArn(const QString &arn) const
{
    const Queue *queue = findQueue(nameFromArn(arn));
    return queue && queueArn(queue->name) == arn ? queue : nullptr;
}

const Queue *SqsService::findQueueById(qint64 id) const
{
    for (const Queue &queue : m_queues) {
        if (queue.id == id)
            return &queue;
    }
    return nullptr;
}

void SqsService::touchQueues()
{
    m_queuesCoalescer->touch();
}

void SqsService::touchMessages(const QString &queueName)
{
    m_changedQueues.insert(queueName);
    m_messagesCoalescer->touch();
}

Result<Queue> SqsService::createQueue(const QString &name,
    const QMap<QString, QString> &attributes,
    const QMap<QString, QString> &tags)
{
    if (name.isEmpty())
        return std::unexpected(Errors::missingParameter(u"QueueName"_s));
    const bool fifo = name.endsWith(u".fifo"_s);
    if (!fifo && attributes.value(u"FifoQueue"_s).toLower() == u"true"_s)
        return std::unexpected(Errors::invalidParameterValue(
            u"The name of a FIFO queue can only include alphanumeric characters, hyphens, or "
            u"underscores, must end with .fifo suffix and be 1 to 80 in length."_s));
    if (fifo && attributes.value(u"FifoQueue"_s).toLower() != u"true"_s)
        return std::unexpected(Errors::invalidParameterValue(
            u"Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in "
            u"length"_s));
    if (auto valid = Rules::validateQueueName(name, fifo); !valid)
        return std::unexpected(valid.error());
    const auto lookup = [this](const QString &arn) -> std::optional<bool> {
        const Queue *target = findQueueByArn(arn);
        return target ? std::optional<bool>(target->fifo) : std::nullopt;
    };
    auto applied = Rules::applyQueueAttributes({}, attributes, fifo, true, lookup);
    if (!applied)
        return std::unexpected(applied.error());
    if (tags.size() > 50)
        return std::unexpected(
            Errors::invalidParameterValue(u"Too many tags added for queue %1."_s.arg(name)));

    if (const Queue *existing = findQueue(name)) {
        // CreateQueue is idempotent while every given attribute matches the existing queue.
        for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
            if (existing->attributes.value(it.key()) != applied->value(it.key()))
                return std::unexpected(Errors::queueNameExists(it.key()));
        }
        return *existing;
    }

    const auto deleted = m_deletedAtMs.constFind(name);
    if (deleted != m_deletedAtMs.cend() && nowMs() - *deleted < 60'000)
        return std::unexpected(Errors::queueDeletedRecently());

    Queue queue;
    queue.name = name;
    queue.fifo = fifo;
    queue.attributes = *applied;
    queue.tags = tags;
    queue.createdMs = nowMs();
    queue.modifiedMs = queue.createdMs;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->insertQueue(queue) || !transaction.commit())
        return std::unexpected(storageFailure());
    m_queues.insert(name, queue);
    touchQueues();
    return queue;
}

Result<Queue> SqsService::queue(const QString &name) const
{
    const Queue *queue = findQueue(name);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    return *queue;
}

QList<Queue> SqsService::listQueues(const QString &prefix) const
{
    QList<Queue> queues;
    for (const Queue &queue : m_queues) {
        if (queue.name.startsWith(prefix))
            queues.append(queue);
    }
    std::sort(queues.begin(), queues.end(), [](const Queue &a, const Queue &b) {
        return a.name < b.name;
    });
    return queues;
}

Status SqsService::deleteQueue(const QString &name)
{
    const Queue *queue = findQueue(name);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->deleteQueue(queue->id) || !transaction.commit())
        return std::unexpected(storageFailure());
    m_gaugeMinute.remove(queue->id);
    m_queues.remove(name);
    m_deletedAtMs.insert(name, nowMs());
    touchQueues();
    touchMessages(name);
    return {};
}

Result<QMap<QString, QString>> SqsService::getQueueAttributes(
    const QString &name, const QStringList &attributeNames) const
{
    const Queue *queue = findQueue(name);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    static const QStringList fifoOnly{u"FifoQueue"_s,
        u"ContentBasedDeduplication"_s,
        u"DeduplicationScope"_s,
        u"FifoThroughputLimit"_s};
    for (const QString &attribute : attributeNames) {
        if (attribute == u"All"_s)
            continue;
        const bool known = Rules::settableAttributeNames().contains(attribute)
            || Rules::readOnlyAttributeNames().contains(attribute);
        if (!known || (!queue->fifo && fifoOnly.contains(attribute)))
            return std::unexpected(Errors::invalidAttributeName(attribute));
    }
    const bool all = attributeNames.contains(u"All"_s);
    const auto wanted = [&](const QString &attribute) {
        return all || attributeNames.contains(attribute);
    };
    QMap<QString, QString> result;
    for (auto it = queue->attributes.cbegin(); it != queue->attributes.cend(); ++it) {
        if (wanted(it.key()))
            result.insert(it.key(), it.value());
    }
    if (wanted(u"QueueArn"_s))
        result.insert(u"QueueArn"_s, queueArn(name));
    if (wanted(u"CreatedTimestamp"_s))
        result.insert(u"CreatedTimestamp"_s, QString::number(queue->createdMs / 1000));
    if (wanted(u"LastModifiedTimestamp"_s))
        result.insert(u"LastModifiedTimestamp"_s, QString::number(queue->modifiedMs / 1000));
    if (wanted(u"ApproximateNumberOfMessages"_s)
        || wanted(u"ApproximateNumberOfMessagesNotVisible"_s)
        || wanted(u"ApproximateNumberOfMessagesDelayed"_s)) {
        const qint64 now = nowMs();
        m_store->deleteExpired(queue->id, now);
        const MessageCounts counts = m_store->counts(queue->id, now);
        if (wanted(u"ApproximateNumberOfMessages"_s))
            result.insert(u"ApproximateNumberOfMessages"_s, QString::number(counts.available));
        if (wanted(u"ApproximateNumberOfMessagesNotVisible"_s))
            result.insert(
                u"ApproximateNumberOfMessagesNotVisible"_s, QString::number(counts.inFlight));
        if (wanted(u"ApproximateNumberOfMessagesDelayed"_s))
            result.insert(u"ApproximateNumberOfMessagesDelayed"_s, QString::number(counts.delayed));
    }
    return result;
}

Status SqsService::setQueueAttributes(const QString &name, const QMap<QString, QString> &attributes)
{
    Queue *queue = findQueue(name);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    const auto lookup = [this](const QString &arn) -> std::optional<bool> {
        const Queue *target = findQueueByArn(arn);
        return target ? std::optional<bool>(target->fifo) : std::nullopt;
    };
    auto applied =
        Rules::applyQueueAttributes(queue->attributes, attributes, queue->fifo, false, lookup);
    if (!applied)
        return std::unexpected(applied.error());
    Queue updated = *queue;
    updated.attributes = *applied;
    updated.modifiedMs = nowMs();
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->updateQueue(updated) || !transaction.commit())
        return std::unexpected(storageFailure());
    *queue = updated;
    touchQueues();
    wakeWaiters(name); // a shorter delay can make messages visible sooner
    return {};
}

Status SqsService::tagQueue(const QString &name, const QMap<QString, QString> &tags)
{
    Queue *queue = findQueue(name);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    if (tags.isEmpty())
        return std::unexpected(Errors::missingParameter(u"Tags"_s));
    Queue updated = *queue;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        updated.tags.insert(it.key(), it.value());
    if (updated.tags.size() > 50)
        return std::unexpected(
            Errors::invalidParameterValue(u"Too many tags added for queue %1."_s.arg(name)));
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->updateQueue(updated) || !transaction.commit())
        return std::unexpected(storageFailure());
    *queue = updated;
    touchQueues();
    return {};
}

Status SqsService::untagQueue(const QString &name, const QStringList &keys)
{
    Queue *queue = findQueue(name);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    if (keys.isEmpty())
        return std::unexpected(Errors::missingParameter(u"TagKeys"_s));
    Queue updated = *queue;
    for (const QString &key : keys)
        updated.tags.remove(key);
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->updateQueue(updated) || !transaction.commit())
        return std::unexpected(storageFailure());
    *queue = updated;
    touchQueues();
    return {};
}

Result<QMap<QString, QString>> SqsService::listQueueTags(const QString &name) const
{
    const Queue *queue = findQueue(name);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    return queue->tags;
}

Status SqsService::purgeQueue(const QString &name)
{
    Queue *queue = findQueue(name);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    const qint64 now = nowMs();
    if (queue->purgedMs > 0 && now - queue->purgedMs < Rules::PurgeIntervalMs)
        return std::unexpected(Errors::purgeQueueInProgress(name));
    Queue updated = *queue;
    updated.purgedMs = now;
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->purge(queue->id);
    if (!m_store->updateQueue(updated) || !transaction.commit())
        return std::unexpected(storageFailure());
    *queue = updated;
    touchQueues();
    touchMessages(name);
    return {};
}

Result<QStringList> SqsService::listDeadLetterSourceQueues(const QString &name) const
{
    if (!findQueue(name))
        return std::unexpected(Errors::queueDoesNotExist());
    const QString arn = queueArn(name);
    QStringList sources;
    for (const Queue &queue : m_queues) {
        if (queue.deadLetterTargetArn() == arn)
            sources.append(queue.name);
    }
    sources.sort();
    return sources;
}

QList<QueueSummary> SqsService::queueSummaries() const
{
    QSet<QString> deadLetterArns;
    for (const Queue &queue : m_queues) {
        const QString target = queue.deadLetterTargetArn();
        if (!target.isEmpty())
            deadLetterArns.insert(target);
    }
    const qint64 now = nowMs();
    QList<QueueSummary> summaries;
    for (const Queue &queue : listQueues()) {
        QueueSummary summary;
        summary.queue = queue;
        m_store->deleteExpired(queue.id, now);
        const MessageCounts counts = m_store->counts(queue.id, now);
        summary.available = counts.available;
        summary.inFlight = counts.inFlight;
        summary.delayed = counts.delayed;
        summary.deadLetterQueueName = nameFromArn(queue.deadLetterTargetArn());
        summary.isDeadLetterQueue = deadLetterArns.contains(queueArn(queue.name));
        summaries.append(summary);
    }
    return summaries;
}

Result<QList<Message>> SqsService::peekMessages(
    const QString &queueName, int offset, int limit) const
{
    const Queue *queue = findQueue(queueName);
    if (!queue)
        return std::unexpected(Errors::queueDoesNotExist());
    return m_store->peek(queue->id, offset, std::clamp(limit, 1, 1000));
}

} // namespace Core::Sqs
