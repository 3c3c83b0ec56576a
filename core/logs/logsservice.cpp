// SPDX-License-Identifier: MIT
#include "core/logs/logsservice.h"

#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/metricsink.h"
#include "core/logs/filterpattern.h"
#include "core/logs/logserrors.h"
#include "core/logs/logsstore.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QRegularExpression>
#include <QTimer>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace Core::Logs {

namespace {

constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;
constexpr qint64 TooNewMs = 2LL * 60 * 60 * 1000;
constexpr qint64 TooOldMs = 14 * DayMs;
constexpr int MaxBatchEvents = 10000;
constexpr qint64 MaxBatchBytes = 1048576;
constexpr int EventOverheadBytes = 26;
constexpr int MaxEventBytes = 1048550;
constexpr int FilterScanBatch = 1000;
constexpr int FilterScanMax = 50000;
constexpr int MaxMetricFilters = 100;
constexpr std::array RetentionDays = {1,
    3,
    5,
    7,
    14,
    30,
    60,
    90,
    120,
    150,
    180,
    365,
    400,
    545,
    731,
    1096,
    1827,
    2192,
    2557,
    2922,
    3288,
    3653};

QString retentionList()
{
    QStringList values;
    for (int days : RetentionDays)
        values.append(QString::number(days));
    return u"["_s + values.join(u", "_s) + u']';
}

Status checkName(const QString &value, const QString &field, int maxLength, bool isGroup)
{
    if (value.isEmpty() || value.size() > maxLength)
        return std::unexpected(Errors::validation(
            value, field, u"Member must have length less than or equal to %1"_s.arg(maxLength)));
    static const QRegularExpression groupPattern(u"^[\\.\\-_/#A-Za-z0-9]+$"_s);
    static const QRegularExpression streamPattern(u"^[^:*]*$"_s);
    const QRegularExpression &pattern = isGroup ? groupPattern : streamPattern;
    if (!pattern.match(value).hasMatch())
        return std::unexpected(Errors::validation(value,
            field,
            u"Member must satisfy regular expression pattern: "_s
                + (isGroup ? u"[\\.\\-_/#A-Za-z0-9]+"_s : u"[^:*]*"_s)));
    return {};
}

Status checkLimit(std::optional<int> limit, int max)
{
    if (limit && (*limit < 1 || *limit > max))
        return std::unexpected(Errors::validation(QString::number(*limit),
            u"limit"_s,
            *limit < 1 ? u"Member must have value greater than or equal to 1"_s
                       : u"Member must have value less than or equal to %1"_s.arg(max)));
    return {};
}

QString eventToken(QChar direction, qint64 id)
{
    return direction + u'/' + u"%1"_s.arg(id, 56, 10, QChar(u'0'));
}

// A GetLogEvents token: f/<id> or b/<id>.
std::optional<std::pair<QChar, qint64>> parseEventToken(const QString &token)
{
    if (token.size() < 3 || token.at(1) != u'/' || (token.at(0) != u'f' && token.at(0) != u'b'))
        return std::nullopt;
    bool ok = false;
    const qint64 id = token.mid(2).toLongLong(&ok);
    if (!ok || id < 0)
        return std::nullopt;
    return std::pair{token.at(0), id};
}

QString encodeCursor(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

std::optional<QString> decodeCursor(const QString &token)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return QString::fromUtf8(*decoded);
}

// The row offset a paging token holds: 0 for no token, nullopt for a token we did not issue.
std::optional<qsizetype> decodeOffset(const QString &token)
{
    if (token.isEmpty())
        return 0;
    const auto cursor = decodeCursor(token);
    bool ok = false;
    const qsizetype offset = cursor ? cursor->toLongLong(&ok) : 0;
    if (!ok || offset < 0)
        return std::nullopt;
    return offset;
}

AwsError invalidToken()
{
    return Errors::invalidParameter(u"The specified nextToken is invalid."_s);
}

} // namespace

LogsService::LogsService(const Storage::Database &database,
    Clock *clock,
    QString region,
    QString accountId,
    QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<LogsStore>(database))
    , m_database(database)
    , m_clock(clock)
    , m_region(std::move(region))
    , m_accountId(std::move(accountId))
    , m_changes(new Coalescer(150, this))
{
    connect(m_changes, &Coalescer::fired, this, &LogsService::logsChanged);
    auto *sweep = new QTimer(this);
    sweep->setInterval(60 * 1000);
    connect(sweep, &QTimer::timeout, this, [this] { purgeExpired(); });
    sweep->start();
    connect(m_clock, &Clock::advanced, this, [this] { purgeExpired(); });
}

LogsService::~LogsService() = default;

QString LogsService::groupArn(const QString &name) const
{
    return u"arn:aws:logs:%1:%2:log-group:%3"_s.arg(m_region, m_accountId, name);
}

Result<QString> LogsService::groupNameFromArn(const QString &arn) const
{
    static const QRegularExpression pattern(
        u"^arn:aws:logs:[^:]*:[^:]*:log-group:([^:]+)(:\\*)?$"_s);
    const auto match = pattern.match(arn);
    if (!match.hasMatch())
        return std::unexpected(Errors::invalidParameter(u"Invalid resource ARN: %1"_s.arg(arn)));
    return match.captured(1);
}

qint64 LogsService::retentionCutoff(const std::optional<int> &retentionDays) const
{
    if (!retentionDays)
        return std::numeric_limits<qint64>::min();
    return m_clock->nowMs() - *retentionDays * DayMs;
}

Status LogsService::createLogGroup(
    const QString &name, const QString &kmsKeyId, const QMap<QString, QString> &tags)
{
    if (auto valid = checkName(name, u"logGroupName"_s, 512, true); !valid)
        return valid;
    if (m_store->group(name))
        return std::unexpected(Errors::groupExists());
    LogGroup group;
    group.name = name;
    group.creationTimeMs = m_clock->nowMs();
    group.kmsKeyId = kmsKeyId;
    group.tags = tags;
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->insertGroup(group) || !transaction.commit())
        return std::unexpected(CommonErrors::internalFailure(u"Could not store the log group."_s));
    m_changes->touch();
    return {};
}

Status LogsService::deleteLogGroup(const QString &name)
{
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->deleteGroup(name))
        return std::unexpected(Errors::groupNotFound());
    transaction.commit();
    m_filterCache.remove(name); // its filters went with it (ON DELETE CASCADE)
    m_changes->touch();
    return {};
}

Result<Page<LogGroup>> LogsService::describeLogGroups(
    const QString &prefix, const QString &nextToken, std::optional<int> limit) const
{
    if (auto valid = checkLimit(limit, 50); !valid)
        return std::unexpected(valid.error());
    QString after;
    if (!nextToken.isEmpty()) {
        const auto cursor = decodeCursor(nextToken);
        if (!cursor)
            return std::unexpected(invalidToken());
        after = *cursor;
    }
    const int pageSize = limit.value_or(50);
    Page<LogGroup> page;
    page.items = m_store->groups(prefix, after, pageSize + 1);
    if (page.items.size() > pageSize) {
        page.items.resize(pageSize);
        page.nextToken = encodeCursor(page.items.constLast().name);
    }
    return page;
}

Status LogsService::createLogStream(const QString &group, const QString &stream)
{
    if (auto valid = checkName(stream, u"logStreamName"_s, 512, false); !valid)
        return valid;
    if (!m_store->group(group))
        return std::unexpected(Errors::groupNotFound());
    if (m_store->stream(group, stream))
        return std::unexpected(Errors::streamExists());
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->insertStream({group, stream, m_clock->nowMs(), {}, {}, {}, 0})
        || !transaction.commit())
        return std::unexpected(CommonErrors::internalFailure(u"Could not store the log stream."_s));
    m_changes->touch();
    return {};
}

Status LogsService::deleteLogStream(const QString &group, const QString &stream)
{
    if (!m_store->group(group))
        return std::unexpected(Errors::groupNotFound());
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->deleteStream(group, stream))
        return std::unexpected(Errors::streamNotFound());
    transaction.commit();
    m_changes->touch();
    return {};
}

Result<Page<LogStream>> LogsService::describeLogStreams(const QString &group,
    const QString &prefix,
    const QString &orderBy,
    bool descending,
    const QString &nextToken,
    std::optional<int> limit) const
{
    if (auto valid = checkLimit(limit, 50); !valid)
        return std::unexpected(valid.error());
    if (!orderBy.isEmpty() && orderBy != u"LogStreamName"_s && orderBy != u"LastEventTime"_s)
        return std::unexpected(Errors::validation(orderBy,
            u"orderBy"_s,
            u"Member must satisfy enum value set: [LogStreamName, LastEventTime]"_s));
    const bool byTime = orderBy == u"LastEventTime"_s;
    if (byTime && !prefix.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"Cannot order by LastEventTime with a logStreamNamePrefix."_s));
    if (!m_store->group(group))
        return std::unexpected(Errors::groupNotFound());
    const auto offset = decodeOffset(nextToken);
    if (!offset || *offset > std::numeric_limits<int>::max())
        return std::unexpected(invalidToken());
    const int pageSize = limit.value_or(50);
    Page<LogStream> page;
    page.items = m_store->streams(group, prefix, byTime, descending, int(*offset), pageSize + 1);
    if (page.items.size() > pageSize) {
        page.items.resize(pageSize);
        page.nextToken = encodeCursor(QString::number(*offset + pageSize));
    }
    return page;
}

Result<PutLogEventsResult> LogsService::putLogEvents(
    const QString &group, const QString &stream, const QList<InputLogEvent> &events)
{
    if (events.isEmpty())
        return std::unexpected(Errors::validation(
            u"[]"_s, u"logEvents"_s, u"Member must have length greater than or equal to 1"_s));
    if (events.size() > MaxBatchEvents)
        return std::unexpected(Errors::validation(u"logEvents"_s,
            u"logEvents"_s,
            u"Member must have length less than or equal to 10000"_s));
    qint64 batchBytes = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const qint64 size = events.at(i).message.toUtf8().size();
        if (size > MaxEventBytes)
            return std::unexpected(Errors::invalidParameter(
                u"Log event too large: %1 bytes exceeds limit of %2"_s.arg(size).arg(
                    MaxEventBytes)));
        if (size == 0)
            return std::unexpected(Errors::validation(u""_s,
                u"logEvents.%1.member.message"_s.arg(i + 1),
                u"Member must have length greater than or equal to 1"_s));
        batchBytes += size + EventOverheadBytes;
        if (i > 0 && events.at(i).timestampMs < events.at(i - 1).timestampMs)
            return std::unexpected(Errors::invalidParameter(
                u"Log events in a single PutLogEvents request must be in chronological order."_s));
    }
    if (batchBytes > MaxBatchBytes)
        return std::unexpected(Errors::invalidParameter(
            u"Upload too large: %1 bytes exceeds limit of %2"_s.arg(batchBytes)
                .arg(MaxBatchBytes)));
    if (events.constLast().timestampMs - events.constFirst().timestampMs > DayMs)
        return std::unexpected(Errors::invalidParameter(
            u"The batch of log events in a single PutLogEvents request cannot span more than "
            u"24 hours."_s));
    const auto logGroup = m_store->group(group);
    if (!logGroup)
        return std::unexpected(Errors::groupNotFound());
    if (!m_store->stream(group, stream))
        return std::unexpected(Errors::streamNotFound());

    const qint64 now = m_clock->nowMs();
    const qint64 expiredBefore = retentionCutoff(logGroup->retentionInDays);
    PutLogEventsResult result;
    QList<InputLogEvent> accepted;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const InputLogEvent &event = events.at(i);
        const int index = int(i);
        if (event.timestampMs > now + TooNewMs) {
            if (!result.tooNewLogEventStartIndex)
                result.tooNewLogEventStartIndex = index;
        } else if (event.timestampMs < expiredBefore) {
            result.expiredLogEventEndIndex = index + 1;
        } else if (event.timestampMs < now - TooOldMs) {
            result.tooOldLogEventEndIndex = index + 1;
        } else {
            accepted.append(event);
        }
    }
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->appendEvents(group, stream, accepted, now) || !transaction.commit())
        return std::unexpected(CommonErrors::internalFailure(u"Could not store the log events."_s));
    applyMetricFilters(group, accepted);
    result.nextSequenceToken = u"%1"_s.arg(now, 56, 10, QChar(u'0'));
    m_changes->touch();
    return result;
}

Result<GetLogEventsResult> LogsService::getLogEvents(const GetLogEventsQuery &query) const
{
    if (auto valid = checkLimit(query.limit, 10000); !valid)
        return std::unexpected(valid.error());
    const auto logGroup = m_store->group(query.groupName);
    if (!logGroup)
        return std::unexpected(Errors::groupNotFound());
    if (!m_store->stream(query.groupName, query.streamName))
        return std::unexpected(Errors::streamNotFound());
    const qint64 from = std::max(query.startTime.value_or(std::numeric_limits<qint64>::min()),
        retentionCutoff(logGroup->retentionInDays));
    const qint64 to = query.endTime.value_or(std::numeric_limits<qint64>::max());
    constexpr qint64 NoId = std::numeric_limits<qint64>::max();

    bool backward = !query.startFromHead;
    qint64 afterId = 0;
    qint64 beforeId = NoId;
    if (!query.nextToken.isEmpty()) {
        const auto token = parseEventToken(query.nextToken);
        if (!token)
            return std::unexpected(invalidToken());
        backward = token->first == u'b';
        (backward ? beforeId : afterId) = token->second;
    }
    QList<LogEvent> events = m_store->streamEvents(
        query.groupName, query.streamName, from, to, afterId, beforeId, backward, query.limit);
    if (backward)
        std::reverse(events.begin(), events.end());

    GetLogEventsResult result;
    result.events = events;
    if (!events.isEmpty()) {
        result.nextForwardToken = eventToken(u'f', events.constLast().id);
        result.nextBackwardToken = eventToken(u'b', events.constFirst().id);
    } else if (!query.nextToken.isEmpty()) {
        // At either end: the same token comes back, which is how clients know to stop.
        result.nextForwardToken = backward ? eventToken(u'f', beforeId - 1) : query.nextToken;
        result.nextBackwardToken = backward ? query.nextToken : eventToken(u'b', afterId + 1);
    } else {
        const QList<LogEvent> newest = m_store->streamEvents(query.groupName,
            query.streamName,
            std::numeric_limits<qint64>::min(),
            to,
            0,
            NoId,
            true,
            1);
        const qint64 lastId = newest.isEmpty() ? 0 : newest.constFirst().id;
        result.nextForwardToken = eventToken(u'f', query.startFromHead ? 0 : lastId);
        result.nextBackwardToken = eventToken(u'b', query.startFromHead ? 1 : lastId + 1);
    }
    return result;
}

Result<Page<LogEvent>> LogsService::filterLogEvents(const FilterLogEventsQuery &query) const
{
    if (auto valid = checkLimit(query.limit, 10000); !valid)
        return std::unexpected(valid.error());
    if (!query.streamNames.isEmpty() && !query.streamNamePrefix.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"logStreamNames and logStreamNamePrefix are mutually exclusive"_s));
    QString patternError;
    const auto pattern = FilterPattern::parse(query.filterPattern, &patternError);
    if (!pattern)
        return std::unexpected(Errors::invalidParameter(patternError));
    const auto logGroup = m_store->group(query.groupName);
    if (!logGroup)
        return std::unexpected(Errors::groupNotFound());

    qint64 afterTimestamp = std::numeric_limits<qint64>::min();
    qint64 afterId = 0;
    if (!query.nextToken.isEmpty()) {
        const auto cursor = decodeCursor(query.nextToken);
        const QStringList parts = cursor ? cursor->split(u':') : QStringList();
        bool okTime = false;
        bool okId = false;
        if (parts.size() == 2) {
            afterTimestamp = parts.at(0).toLongLong(&okTime);
            afterId = parts.at(1).toLongLong(&okId);
        }
        if (!okTime || !okId)
            return std::unexpected(invalidToken());
    }
    const qint64 from = std::max(query.startTime.value_or(std::numeric_limits<qint64>::min()),
        retentionCutoff(logGroup->retentionInDays));
    const qint64 to = query.endTime.value_or(std::numeric_limits<qint64>::max());

    Page<LogEvent> page;
    int scanned = 0;
    bool exhausted = false;
    while (page.items.size() < query.limit && scanned < FilterScanMax) {
        const QList<LogEvent> batch = m_store->groupEvents(query.groupName,
            query.streamNames,
            query.streamNamePrefix,
            from,
            to,
            afterTimestamp,
            afterId,
            FilterScanBatch);
        for (const LogEvent &event : batch) {
            afterTimestamp = event.timestampMs;
            afterId = event.id;
            ++scanned;
            if (pattern->matches(event.message)) {
                page.items.append(event);
                if (page.items.size() == query.limit)
                    break;
            }
        }
        if (batch.size() < FilterScanBatch && page.items.size() < query.limit) {
            exhausted = true;
            break;
        }
    }
    if (!exhausted)
        page.nextToken = encodeCursor(u"%1:%2"_s.arg(afterTimestamp).arg(afterId));
    return page;
}

Status LogsService::putRetentionPolicy(const QString &group, int days)
{
    if (std::find(RetentionDays.begin(), RetentionDays.end(), days) == RetentionDays.end())
        return std::unexpected(Errors::validation(QString::number(days),
            u"retentionInDays"_s,
            u"Member must satisfy enum value set: "_s + retentionList()));
    if (!m_store->group(group))
        return std::unexpected(Errors::groupNotFound());
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->setRetention(group, days);
    m_store->purgeExpired(m_clock->nowMs());
    transaction.commit();
    m_changes->touch();
    return {};
}

Status LogsService::deleteRetentionPolicy(const QString &group)
{
    if (!m_store->group(group))
        return std::unexpected(Errors::groupNotFound());
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->setRetention(group, std::nullopt);
    transaction.commit();
    m_changes->touch();
    return {};
}

Status LogsService::tagLogGroup(const QString &group, const QMap<QString, QString> &tags)
{
    const auto logGroup = m_store->group(group);
    if (!logGroup)
        return std::unexpected(Errors::groupNotFound());
    QMap<QString, QString> merged = logGroup->tags;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        merged.insert(it.key(), it.value());
    if (merged.size() > 50)
        return std::unexpected(
            Errors::invalidParameter(u"A resource can have no more than 50 tags."_s));
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->setTags(group, merged);
    transaction.commit();
    return {};
}

Status LogsService::untagLogGroup(const QString &group, const QStringList &keys)
{
    const auto logGroup = m_store->group(group);
    if (!logGroup)
        return std::unexpected(Errors::groupNotFound());
    QMap<QString, QString> tags = logGroup->tags;
    for (const QString &key : keys)
        tags.remove(key);
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->setTags(group, tags);
    transaction.commit();
    return {};
}

Result<QMap<QString, QString>> LogsService::listTagsLogGroup(const QString &group) const
{
    const auto logGroup = m_store->group(group);
    if (!logGroup)
        return std::unexpected(Errors::groupNotFound());
    return logGroup->tags;
}

void LogsService::appendEvents(
    const QString &group, const QString &stream, const QList<InputLogEvent> &events)
{
    Storage::SqlTransaction transaction(m_database.connection());
    const qint64 now = m_clock->nowMs();
    if (!m_store->group(group)) {
        LogGroup logGroup;
        logGroup.name = group;
        logGroup.creationTimeMs = now;
        m_store->insertGroup(logGroup);
    }
    if (!m_store->stream(group, stream))
        m_store->insertStream({group, stream, now, {}, {}, {}, 0});
    m_store->appendEvents(group, stream, events, now);
    transaction.commit();
    applyMetricFilters(group, events);
    m_changes->touch();
}

struct LogsService::CompiledFilter
{
    MetricFilter filter;
    FilterPattern pattern;
    std::optional<double> literalValue; // metricValue when it is a number
};

namespace {

std::optional<double> literalNumber(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

// A reference a filter may use for its value or a dimension: $.selector, or $name.
bool isReference(const QString &text)
{
    return text.size() > 1 && text.startsWith(u'$');
}

Status checkTransformation(const MetricTransformation &t, const FilterPattern &pattern)
{
    static const QRegularExpression metricPattern(u"^[^:*$]*$"_s);
    const std::pair<QString, QString> names[] = {
        {t.metricName, u"metricTransformations.1.member.metricName"_s},
        {t.metricNamespace, u"metricTransformations.1.member.metricNamespace"_s},
    };
    for (const auto &[value, field] : names) {
        if (value.isEmpty())
            return std::unexpected(Errors::validation(
                value, field, u"Member must have length greater than or equal to 1"_s));
        if (value.size() > 255)
            return std::unexpected(Errors::validation(
                value, field, u"Member must have length less than or equal to 255"_s));
        if (!metricPattern.match(value).hasMatch())
            return std::unexpected(Errors::validation(
                value, field, u"Member must satisfy regular expression pattern: [^:*$]*"_s));
    }
    if (t.metricValue.isEmpty() || t.metricValue.size() > 100)
        return std::unexpected(Errors::validation(t.metricValue,
            u"metricTransformations.1.member.metricValue"_s,
            u"Member must have length less than or equal to 100"_s));
    if (!literalNumber(t.metricValue)) {
        if (!isReference(t.metricValue))
            return std::unexpected(Errors::invalidParameter(
                u"Invalid metric value: '%1'. The metric value must be a number or a field "
                u"reference such as $.latency or $size."_s.arg(t.metricValue)));
        if (!pattern.isJson() && !pattern.isSpaceDelimited())
            return std::unexpected(Errors::invalidParameter(
                u"Invalid metric value: '%1'. Field references need a JSON or space-delimited "
                u"filter pattern."_s.arg(t.metricValue)));
    }
    if (t.dimensions.size() > 3)
        return std::unexpected(
            Errors::invalidParameter(u"A metric filter can have at most 3 dimensions."_s));
    for (auto it = t.dimensions.cbegin(); it != t.dimensions.cend(); ++it) {
        if (it.key().isEmpty() || it.key().size() > 255 || it.value().size() > 255)
            return std::unexpected(Errors::validation(it.key(),
                u"metricTransformations.1.member.dimensions"_s,
                u"Map keys and values must have length between 1 and 255"_s));
        if (!isReference(it.value()) || (!pattern.isJson() && !pattern.isSpaceDelimited()))
            return std::unexpected(Errors::invalidParameter(
                u"Invalid dimension value: '%1'. A dimension value must be a field of a JSON or "
                u"space-delimited filter pattern, such as $.status or $status."_s.arg(it.value())));
    }
    if (!t.unit.isEmpty() && !MetricSink::standardUnits().contains(t.unit))
        return std::unexpected(Errors::validation(t.unit,
            u"metricTransformations.1.member.unit"_s,
            u"Member must satisfy enum value set: ["_s + MetricSink::standardUnits().join(u", "_s)
                + u']'));
    return {};
}

} // namespace

Status LogsService::putMetricFilter(const MetricFilter &filter)
{
    static const QRegularExpression namePattern(u"^[^:*]*$"_s);
    if (filter.name.isEmpty() || filter.name.size() > 512)
        return std::unexpected(Errors::validation(
            filter.name, u"filterName"_s, u"Member must have length less than or equal to 512"_s));
    if (!namePattern.match(filter.name).hasMatch())
        return std::unexpected(Errors::validation(filter.name,
            u"filterName"_s,
            u"Member must satisfy regular expression pattern: [^:*]*"_s));
    if (filter.pattern.size() > 1024)
        return std::unexpected(Errors::validation(filter.pattern.left(64),
            u"filterPattern"_s,
            u"Member must have length less than or equal to 1024"_s));
    QString patternError;
    const auto pattern = FilterPattern::parse(filter.pattern, &patternError);
    if (!pattern)
        return std::unexpected(Errors::invalidParameter(patternError));
    if (auto ok = checkTransformation(filter.transformation, *pattern); !ok)
        return ok;
    if (!m_store->group(filter.groupName))
        return std::unexpected(Errors::groupNotFound());
    const QList<MetricFilter> existing = m_store->metricFilters(filter.groupName);
    const bool replacing = std::any_of(existing.cbegin(),
        existing.cend(),
        [&filter](const MetricFilter &other) { return other.name == filter.name; });
    if (!replacing && existing.size() >= MaxMetricFilters)
        return std::unexpected(AwsError{u"LimitExceededException"_s,
            u"Resource limit exceeded: a log group can have at most 100 metric filters."_s});
    MetricFilter stored = filter;
    stored.creationTimeMs = m_clock->nowMs();
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->putMetricFilter(stored) || !transaction.commit())
        return std::unexpected(
            CommonErrors::internalFailure(u"Could not store the metric filter."_s));
    m_filterCache.remove(filter.groupName);
    m_changes->touch();
    return {};
}

Status LogsService::deleteMetricFilter(const QString &group, const QString &name)
{
    if (!m_store->group(group))
        return std::unexpected(Errors::groupNotFound());
    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->deleteMetricFilter(group, name))
        return std::unexpected(AwsError{
            u"ResourceNotFoundException"_s, u"The specified metric filter does not exist."_s});
    transaction.commit();
    m_filterCache.remove(group);
    m_changes->touch();
    return {};
}

Result<Page<MetricFilter>> LogsService::describeMetricFilters(const QString &group,
    const QString &namePrefix,
    const QString &metricName,
    const QString &metricNamespace,
    const QString &nextToken,
    std::optional<int> limit) const
{
    if (auto valid = checkLimit(limit, 50); !valid)
        return std::unexpected(valid.error());
    if (!namePrefix.isEmpty() && group.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"If you specify a filter name prefix, you must specify the log group name."_s));
    if (metricName.isEmpty() != metricNamespace.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"metricName and metricNamespace must be specified together."_s));
    if (!group.isEmpty() && !m_store->group(group))
        return std::unexpected(Errors::groupNotFound());
    const auto offset = decodeOffset(nextToken);
    if (!offset)
        return std::unexpected(invalidToken());
    QList<MetricFilter> matching;
    for (const MetricFilter &filter : m_store->metricFilters(group)) {
        if (!filter.name.startsWith(namePrefix))
            continue;
        if (!metricName.isEmpty()
            && (filter.transformation.metricName != metricName
                || filter.transformation.metricNamespace != metricNamespace))
            continue;
        matching.append(filter);
    }
    const qsizetype pageSize = limit.value_or(50);
    Page<MetricFilter> page;
    page.items = matching.mid(*offset, pageSize);
    if (*offset + pageSize < matching.size())
        page.nextToken = encodeCursor(QString::number(*offset + pageSize));
    return page;
}

Result<QList<MetricFilterMatch>> LogsService::testMetricFilter(
    const QString &pattern, const QStringList &messages) const
{
    if (messages.isEmpty() || messages.size() > 50)
        return std::unexpected(Errors::validation(u"logEventMessages"_s,
            u"logEventMessages"_s,
            u"Member must have length between 1 and 50"_s));
    QString patternError;
    const auto compiled = FilterPattern::parse(pattern, &patternError);
    if (!compiled)
        return std::unexpected(Errors::invalidParameter(patternError));
    QList<MetricFilterMatch> matches;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const auto match = compiled->match(messages.at(i));
        if (!match)
            continue;
        MetricFilterMatch record;
        record.eventNumber = int(i + 1);
        record.eventMessage = messages.at(i);
        // AWS lists the fields a space-delimited pattern names as $name, and for JSON the
        // selectors the pattern tests are not listed: the event itself is shown.
        for (auto it = match->fields.cbegin(); it != match->fields.cend(); ++it)
            record.extractedValues.insert(u'$' + it.key(), it.value());
        matches.append(record);
    }
    return matches;
}

void LogsService::applyMetricFilters(const QString &group, const QList<InputLogEvent> &events)
{
    if (!m_metricSink || events.isEmpty())
        return;
    auto cached = m_filterCache.find(group);
    if (cached == m_filterCache.end()) {
        QList<std::shared_ptr<const CompiledFilter>> compiled;
        for (const MetricFilter &filter : m_store->metricFilters(group)) {
            QString error;
            auto pattern = FilterPattern::parse(filter.pattern, &error);
            if (!pattern)
                continue;
            compiled.append(std::make_shared<const CompiledFilter>(CompiledFilter{
                filter, std::move(*pattern), literalNumber(filter.transformation.metricValue)}));
        }
        cached = m_filterCache.insert(group, compiled);
    }
    for (const auto &compiled : std::as_const(*cached)) {
        const MetricTransformation &t = compiled->filter.transformation;
        const QString unit = t.unit.isEmpty() ? u"None"_s : t.unit;
        for (const InputLogEvent &event : events) {
            const auto match = compiled->pattern.match(event.message);
            if (!match) {
                if (t.defaultValue)
                    m_metricSink->putMetric(t.metricNamespace,
                        t.metricName,
                        {},
                        *t.defaultValue,
                        unit,
                        event.timestampMs);
                continue;
            }
            std::optional<double> value = compiled->literalValue;
            if (!value) {
                const auto text = match->value(t.metricValue);
                value = text ? literalNumber(*text) : std::nullopt;
            }
            if (!value)
                continue; // the referenced field is missing or not a number: no datapoint
            MetricSink::MetricDimensions dimensions;
            bool complete = true;
            for (auto it = t.dimensions.cbegin(); it != t.dimensions.cend() && complete; ++it) {
                const auto dimension = match->value(it.value());
                complete = dimension.has_value() && !dimension->isEmpty();
                if (complete)
                    dimensions.append({it.key(), *dimension});
            }
            if (complete)
                m_metricSink->putMetric(
                    t.metricNamespace, t.metricName, dimensions, *value, unit, event.timestampMs);
        }
    }
}

int LogsService::purgeExpired()
{
    Storage::SqlTransaction transaction(m_database.connection());
    const int purged = m_store->purgeExpired(m_clock->nowMs());
    transaction.commit();
    if (purged > 0)
        m_changes->touch();
    return purged;
}

} // namespace Core::Logs
