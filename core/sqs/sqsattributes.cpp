// SPDX-License-Identifier: MIT
#include "core/sqs/sqsattributes.h"

#include "core/sqs/sqserrors.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Core::Sqs::Rules {

namespace {

struct IntRange
{
    QString name;
    int min;
    int max;
};

const QList<IntRange> &intRanges()
{
    static const QList<IntRange> ranges{
        {u"DelaySeconds"_s, 0, 900},
        {u"MaximumMessageSize"_s, 1024, MaxMessageSizeLimit},
        {u"MessageRetentionPeriod"_s, 60, 1'209'600},
        {u"ReceiveMessageWaitTimeSeconds"_s, 0, 20},
        {u"VisibilityTimeout"_s, 0, 43'200},
        {u"KmsDataKeyReusePeriodSeconds"_s, 60, 86'400},
    };
    return ranges;
}

const QStringList &fifoOnlyAttributeNames()
{
    static const QStringList names{
        u"ContentBasedDeduplication"_s, u"DeduplicationScope"_s, u"FifoThroughputLimit"_s};
    return names;
}

std::optional<QString> normaliseBool(const QString &value)
{
    const QString lower = value.toLower();
    if (lower == u"true"_s || lower == u"false"_s)
        return lower;
    return std::nullopt;
}

Status validateRedrivePolicy(const QString &value, bool fifo, const QueueLookup &lookup)
{
    const auto invalid = [&value](const QString &reason) {
        return std::unexpected(Errors::invalidParameterValue(
            u"Value %1 for parameter RedrivePolicy is invalid. Reason: %2"_s.arg(value, reason)));
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(u"Redrive policy is not a valid JSON map."_s);
    const QJsonObject policy = document.object();
    const QJsonValue arn = policy.value(u"deadLetterTargetArn"_s);
    const QJsonValue count = policy.value(u"maxReceiveCount"_s);
    if (!arn.isString() || count.isUndefined())
        return invalid(
            u"Redrive policy does not contain mandatory attribute: deadLetterTargetArn, maxReceiveCount."_s);
    bool ok = count.isDouble();
    int receiveCount = count.toInt();
    if (count.isString())
        receiveCount = count.toString().toInt(&ok);
    if (!ok || receiveCount < 1 || receiveCount > 1000)
        return invalid(u"Invalid value for maxReceiveCount: %1, valid values are from 1 to 1000 "
                       u"both inclusive."_s.arg(
                           count.isString() ? count.toString() : QString::number(receiveCount)));
    const std::optional<bool> targetFifo = lookup ? lookup(arn.toString()) : std::nullopt;
    if (!targetFifo)
        return invalid(u"Dead letter target does not exist."_s);
    if (*targetFifo != fifo)
        return invalid(u"Dead-letter queue must be same type of queue as the source."_s);
    return {};
}

Status validateRedriveAllowPolicy(const QString &value)
{
    const auto invalid = [&value](const QString &reason) {
        return std::unexpected(Errors::invalidParameterValue(
            u"Value %1 for parameter RedriveAllowPolicy is invalid. Reason: %2"_s.arg(
                value, reason)));
    };
    const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8());
    if (!document.isObject())
        return invalid(u"Redrive allow policy is not a valid JSON map."_s);
    const QString permission = document.object().value(u"redrivePermission"_s).toString();
    if (permission != u"allowAll"_s && permission != u"denyAll"_s && permission != u"byQueue"_s)
        return invalid(u"Invalid value for redrivePermission."_s);
    const QJsonArray sources = document.object().value(u"sourceQueueArns"_s).toArray();
    if (permission == u"byQueue"_s && (sources.isEmpty() || sources.size() > 10))
        return invalid(u"Amazon SQS can't create the redrive allow policy, as it’s in an "
                       u"unsupported format."_s);
    return {};
}

void appendLengthPrefixed(QByteArray &out, const QByteArray &bytes)
{
    quint32 length = qToBigEndian(quint32(bytes.size()));
    out.append(reinterpret_cast<const char *>(&length), 4);
    out.append(bytes);
}

} // namespace

const QStringList &settableAttributeNames()
{
    static const QStringList names{u"DelaySeconds"_s,
        u"MaximumMessageSize"_s,
        u"MessageRetentionPeriod"_s,
        u"Policy"_s,
        u"ReceiveMessageWaitTimeSeconds"_s,
        u"VisibilityTimeout"_s,
        u"RedrivePolicy"_s,
        u"RedriveAllowPolicy"_s,
        u"KmsMasterKeyId"_s,
        u"KmsDataKeyReusePeriodSeconds"_s,
        u"SqsManagedSseEnabled"_s,
        u"FifoQueue"_s,
        u"ContentBasedDeduplication"_s,
        u"DeduplicationScope"_s,
        u"FifoThroughputLimit"_s};
    return names;
}

const QStringList &readOnlyAttributeNames()
{
    static const QStringList names{u"QueueArn"_s,
        u"ApproximateNumberOfMessages"_s,
        u"ApproximateNumberOfMessagesNotVisible"_s,
        u"ApproximateNumberOfMessagesDelayed"_s,
        u"CreatedTimestamp"_s,
        u"LastModifiedTimestamp"_s};
    return names;
}

QMap<QString, QString> defaultAttributes(bool fifo)
{
    QMap<QString, QString> attributes{
        {u"DelaySeconds"_s, u"0"_s},
        {u"MaximumMessageSize"_s, QString::number(MaxMessageSizeLimit)},
        {u"MessageRetentionPeriod"_s, u"345600"_s},
        {u"ReceiveMessageWaitTimeSeconds"_s, u"0"_s},
        {u"VisibilityTimeout"_s, u"30"_s},
        {u"SqsManagedSseEnabled"_s, u"true"_s},
    };
    if (fifo) {
        attributes.insert(u"FifoQueue"_s, u"true"_s);
        attributes.insert(u"ContentBasedDeduplication"_s, u"false"_s);
        attributes.insert(u"DeduplicationScope"_s, u"queue"_s);
        attributes.insert(u"FifoThroughputLimit"_s, u"perQueue"_s);
    }
    return attributes;
}

Result<QMap<QString, QString>> applyQueueAttributes(const QMap<QString, QString> &existing,
    const QMap<QString, QString> &given,
    bool fifo,
    bool creating,
    const QueueLookup &lookup)
{
    QMap<QString, QString> result = existing.isEmpty() ? defaultAttributes(fifo) : existing;
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        const QString &name = it.key();
        QString value = it.value();
        if (!settableAttributeNames().contains(name))
            return std::unexpected(Errors::invalidAttributeName(name));
        if (!fifo && fifoOnlyAttributeNames().contains(name))
            return std::unexpected(Errors::invalidAttributeName(name));
        const auto range = std::find_if(intRanges().cbegin(),
            intRanges().cend(),
            [&name](const IntRange &r) { return r.name == name; });
        if (range != intRanges().cend()) {
            bool ok = false;
            const int number = value.trimmed().toInt(&ok);
            if (!ok || number < range->min || number > range->max)
                return std::unexpected(Errors::invalidAttributeValue(name));
            value = QString::number(number);
        } else if (name == u"FifoQueue"_s) {
            const auto flag = normaliseBool(value);
            if (!flag)
                return std::unexpected(Errors::invalidAttributeValue(name));
            if (!creating)
                return std::unexpected(Errors::invalidAttributeValue(
                    name, u"Modifying queue type is not supported."_s));
            if (*flag == u"true"_s && !fifo)
                return std::unexpected(Errors::invalidParameterValue(
                    u"The name of a FIFO queue can only include alphanumeric characters, hyphens, "
                    u"or underscores, must end with .fifo suffix and be 1 to 80 in length."_s));
            if (*flag == u"false"_s && fifo)
                return std::unexpected(Errors::invalidAttributeValue(name));
            if (*flag == u"false"_s)
                continue; // a standard queue does not list FifoQueue
            value = *flag;
        } else if (name == u"ContentBasedDeduplication"_s || name == u"SqsManagedSseEnabled"_s) {
            const auto flag = normaliseBool(value);
            if (!flag)
                return std::unexpected(Errors::invalidAttributeValue(name));
            value = *flag;
        } else if (name == u"DeduplicationScope"_s) {
            if (value != u"messageGroup"_s && value != u"queue"_s)
                return std::unexpected(Errors::invalidAttributeValue(name));
        } else if (name == u"FifoThroughputLimit"_s) {
            if (value != u"perQueue"_s && value != u"perMessageGroupId"_s)
                return std::unexpected(Errors::invalidAttributeValue(name));
        } else if (name == u"RedrivePolicy"_s) {
            if (value.isEmpty()) {
                result.remove(name);
                continue;
            }
            if (auto valid = validateRedrivePolicy(value, fifo, lookup); !valid)
                return std::unexpected(valid.error());
            // Stored normalised: maxReceiveCount as a number, as AWS answers it.
            QJsonObject policy = QJsonDocument::fromJson(value.toUtf8()).object();
            const QJsonValue count = policy.value(u"maxReceiveCount"_s);
            policy.insert(
                u"maxReceiveCount"_s, count.isString() ? count.toString().toInt() : count.toInt());
            value = QString::fromUtf8(QJsonDocument(policy).toJson(QJsonDocument::Compact));
        } else if (name == u"RedriveAllowPolicy"_s) {
            if (value.isEmpty()) {
                result.remove(name);
                continue;
            }
            if (auto valid = validateRedriveAllowPolicy(value); !valid)
                return std::unexpected(valid.error());
        } else if (name == u"Policy"_s && !value.isEmpty()) {
            if (!QJsonDocument::fromJson(value.toUtf8()).isObject())
                return std::unexpected(Errors::invalidAttributeValue(name));
        }
        if (value.isEmpty() && (name == u"Policy"_s || name == u"KmsMasterKeyId"_s))
            result.remove(name);
        else
            result.insert(name, value);
    }
    // SSE-KMS and SSE-SQS exclude each other: naming a KMS key switches SSE-SQS off (with the
    // default data key reuse period), switching SSE-SQS on drops the key; both at once is refused.
    const bool kmsGiven = !given.value(u"KmsMasterKeyId"_s).isEmpty();
    const bool sqsSseGiven = result.value(u"SqsManagedSseEnabled"_s) == u"true"_s
        && given.contains(u"SqsManagedSseEnabled"_s);
    if (kmsGiven && sqsSseGiven)
        return std::unexpected(Errors::invalidAttributeValue(u"SqsManagedSseEnabled"_s,
            u"You can use one type of server-side encryption (SSE) at one time. You can either "
            u"enable KMS SSE or SQS SSE."_s));
    if (kmsGiven) {
        result.insert(u"SqsManagedSseEnabled"_s, u"false"_s);
        if (!result.contains(u"KmsDataKeyReusePeriodSeconds"_s))
            result.insert(u"KmsDataKeyReusePeriodSeconds"_s, u"300"_s);
    } else if (sqsSseGiven) {
        result.remove(u"KmsMasterKeyId"_s);
        result.remove(u"KmsDataKeyReusePeriodSeconds"_s);
    }
    if (fifo && result.value(u"FifoThroughputLimit"_s) == u"perMessageGroupId"_s
        && result.value(u"DeduplicationScope"_s) != u"messageGroup"_s)
        return std::unexpected(Errors::invalidAttributeValue(u"FifoThroughputLimit"_s,
            u"The perMessageGroupId value is allowed only when the value for "
            u"DeduplicationScope is messageGroup."_s));
    return result;
}

Status validateQueueName(const QString &name, bool fifo)
{
    static const QRegularExpression standard(u"^[A-Za-z0-9_-]{1,80}$"_s);
    static const QRegularExpression fifoName(u"^[A-Za-z0-9_-]{1,75}\\.fifo$"_s);
    if (fifo ? !fifoName.match(name).hasMatch() : !standard.match(name).hasMatch()) {
        return std::unexpected(Errors::invalidParameterValue(fifo
                ? u"The name of a FIFO queue can only include alphanumeric characters, hyphens, "
                  u"or underscores, must end with .fifo suffix and be 1 to 80 in length."_s
                : u"Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in "
                  u"length"_s));
    }
    return {};
}

Status validateBody(const QString &body)
{
    for (auto it = body.cbegin(); it != body.cend(); ++it) {
        char32_t code = it->unicode();
        if (it->isHighSurrogate() && it + 1 != body.cend() && (it + 1)->isLowSurrogate()) {
            code = QChar::surrogateToUcs4(*it, *(it + 1));
            ++it;
        } else if (it->isSurrogate()) {
            return std::unexpected(Errors::invalidMessageContents(uint(code)));
        }
        const bool allowed = code == 0x9 || code == 0xA || code == 0xD
            || (code >= 0x20 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD)
            || (code >= 0x10000 && code <= 0x10FFFF);
        if (!allowed)
            return std::unexpected(Errors::invalidMessageContents(uint(code)));
    }
    return {};
}

namespace {

// SendMessage: a Number attribute has up to 38 significant digits and a magnitude between
// 10^-128 and 10^+126 (0 included); anything else "can't cast ... to a number".
bool isNumberInRange(const QString &text)
{
    static const QRegularExpression number(u"^[+-]?(\\d*)(?:\\.(\\d*))?(?:[eE]([+-]?\\d+))?$"_s);
    const QRegularExpressionMatch match = number.match(text);
    const QString whole = match.captured(1);
    const QString fraction = match.captured(2);
    if (!match.hasMatch() || (whole.isEmpty() && fraction.isEmpty()))
        return false;
    const QString digits = whole + fraction;
    qsizetype first = 0;
    while (first < digits.size() && digits[first] == u'0')
        ++first;
    if (first == digits.size())
        return true; // zero, whatever its exponent
    qsizetype last = digits.size() - 1;
    while (digits[last] == u'0')
        --last;
    if (last - first + 1 > 38)
        return false;
    // The exponent is bounded before it is added, so that 1e99999999999999999999 does not wrap.
    QString exponentText = match.captured(3);
    if (exponentText.startsWith(u'+'))
        exponentText.remove(0, 1);
    bool ok = false;
    const qint64 exponent = exponentText.isEmpty() ? 0 : exponentText.toLongLong(&ok);
    if (!exponentText.isEmpty() && (!ok || exponent > 1000000 || exponent < -1000000))
        return false;
    // The power of ten of the leading digit: 1 <= |x| / 10^magnitude < 10.
    const qint64 magnitude = qint64(whole.size()) - first - 1 + exponent;
    return magnitude >= -128 && magnitude < 126;
}

} // namespace

Status validateMessageAttributes(const MessageAttributes &attributes, bool system)
{
    if (attributes.size() > MaxMessageAttributes)
        return std::unexpected(Errors::invalidParameterValue(
            u"Number of message attributes [%1] exceeds the allowed maximum [%2]."_s
                .arg(attributes.size())
                .arg(MaxMessageAttributes)));
    static const QRegularExpression namePattern(u"^[A-Za-z0-9_.-]{1,256}$"_s);
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        const QString &name = it.key();
        const MessageAttributeValue &value = it.value();
        if (system) {
            if (name != u"AWSTraceHeader"_s)
                return std::unexpected(Errors::invalidParameterValue(
                    u"Message system attribute name '%1' is invalid."_s.arg(name)));
        } else if (!namePattern.match(name).hasMatch() || name.contains(u".."_s)
            || name.startsWith(u'.') || name.endsWith(u'.')
            || name.startsWith(u"AWS."_s, Qt::CaseInsensitive)
            || name.startsWith(u"Amazon."_s, Qt::CaseInsensitive)) {
            return std::unexpected(Errors::invalidParameterValue(
                u"Message (user) attribute name '%1' is invalid."_s.arg(name)));
        }
        const QString type = value.dataType;
        const QString base = type.section(u'.', 0, 0);
        if (type.isEmpty())
            return std::unexpected(Errors::invalidParameterValue(
                u"The message attribute '%1' must contain non-empty message attribute type."_s.arg(
                    name)));
        if (base != u"String"_s && base != u"Number"_s && base != u"Binary"_s)
            return std::unexpected(Errors::invalidParameterValue(
                u"The type of message (user) attribute '%1' is invalid. You must use only the "
                u"following supported type prefixes: Binary, Number, String."_s.arg(name)));
        if (type.size() > 256)
            return std::unexpected(Errors::invalidParameterValue(
                u"Message (user) attribute '%1' type must be less than 256 characters."_s.arg(
                    name)));
        const bool binary = base == u"Binary"_s;
        if (binary ? value.binaryValue.isEmpty() : value.stringValue.isEmpty())
            return std::unexpected(Errors::invalidParameterValue(
                u"Message (user) attribute '%1' must contain a non-empty value of type '%2'."_s.arg(
                    name, base)));
        if (!binary) {
            if (auto valid = validateBody(value.stringValue); !valid)
                return std::unexpected(Errors::invalidParameterValue(
                    u"Message (user) attribute '%1' contains an invalid character."_s.arg(name)));
        }
        if (base == u"Number"_s) {
            if (!isNumberInRange(value.stringValue.trimmed()))
                return std::unexpected(Errors::invalidParameterValue(
                    u"Can't cast the value of message (user) attribute '%1' to a number."_s.arg(
                        name)));
        }
    }
    return {};
}

qint64 messageSize(const QString &body, const MessageAttributes &attributes)
{
    qint64 size = body.toUtf8().size();
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        size += it.key().toUtf8().size() + it->dataType.toUtf8().size();
        size += it->isBinary() ? it->binaryValue.size() : it->stringValue.toUtf8().size();
    }
    return size;
}

QString md5OfMessageAttributes(const MessageAttributes &attributes)
{
    if (attributes.isEmpty())
        return {};
    QByteArray stream;
    // QMap iterates in key order; AWS sorts names by their UTF-8 bytes, which for the allowed
    // name characters (ASCII) is the same order.
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        appendLengthPrefixed(stream, it.key().toUtf8());
        appendLengthPrefixed(stream, it->dataType.toUtf8());
        if (it->isBinary()) {
            stream.append(char(2));
            appendLengthPrefixed(stream, it->binaryValue);
        } else {
            stream.append(char(1));
            appendLengthPrefixed(stream, it->stringValue.toUtf8());
        }
    }
    return QString::fromLatin1(QCryptographicHash::hash(stream, QCryptographicHash::Md5).toHex());
}

QString md5OfBody(const QString &body)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Md5).toHex());
}

QString contentDeduplicationId(const QString &body)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool isValidBatchEntryId(const QString &id)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_-]{1,80}$"_s);
    return pattern.match(id).hasMatch();
}

bool attributeNameSelected(const QStringList &selectors, const QString &name)
{
    for (const QString &selector : selectors) {
        if (selector == u"All"_s || selector == u".*"_s || selector == name)
            return true;
        if (selector.endsWith(u".*"_s) && name.startsWith(selector.chopped(1)))
            return true;
    }
    return false;
}

} // namespace Core::Sqs::Rules
