// SPDX-License-Identifier: MIT
#include "core/s3/eventnotifications.h"

#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/s3/s3errors.h"
#include "core/s3/xmlelement.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

// The Event enumeration of the S3 API (botocore's s3 model).
const QStringList &knownEvents()
{
    static const QStringList events = {
        u"s3:ReducedRedundancyLostObject"_s,
        u"s3:ObjectCreated:*"_s,
        u"s3:ObjectCreated:Put"_s,
        u"s3:ObjectCreated:Post"_s,
        u"s3:ObjectCreated:Copy"_s,
        u"s3:ObjectCreated:CompleteMultipartUpload"_s,
        u"s3:ObjectRemoved:*"_s,
        u"s3:ObjectRemoved:Delete"_s,
        u"s3:ObjectRemoved:DeleteMarkerCreated"_s,
        u"s3:ObjectRestore:*"_s,
        u"s3:ObjectRestore:Post"_s,
        u"s3:ObjectRestore:Completed"_s,
        u"s3:ObjectRestore:Delete"_s,
        u"s3:Replication:*"_s,
        u"s3:Replication:OperationFailedReplication"_s,
        u"s3:Replication:OperationNotTracked"_s,
        u"s3:Replication:OperationMissedThreshold"_s,
        u"s3:Replication:OperationReplicatedAfterThreshold"_s,
        u"s3:LifecycleTransition"_s,
        u"s3:IntelligentTiering"_s,
        u"s3:ObjectAcl:Put"_s,
        u"s3:LifecycleExpiration:*"_s,
        u"s3:LifecycleExpiration:Delete"_s,
        u"s3:LifecycleExpiration:DeleteMarkerCreated"_s,
        u"s3:ObjectTagging:*"_s,
        u"s3:ObjectTagging:Put"_s,
        u"s3:ObjectTagging:Delete"_s,
    };
    return events;
}

// Whether a configured event (possibly a wildcard) covers the event type `name` ("s3:...").
bool covers(const QString &configured, const QString &name)
{
    if (configured == name)
        return true;
    return configured.endsWith(u":*"_s) && name.startsWith(configured.chopped(1));
}

bool eventsOverlap(const QString &a, const QString &b)
{
    return covers(a, b) || covers(b, a);
}

struct Kind
{
    NotificationTarget::Kind kind;
    const char16_t *element;
    const char16_t *arnElement;
};

constexpr Kind Kinds[] = {
    {NotificationTarget::Kind::Topic, u"TopicConfiguration", u"Topic"},
    {NotificationTarget::Kind::Queue, u"QueueConfiguration", u"Queue"},
    {NotificationTarget::Kind::Function, u"CloudFunctionConfiguration", u"CloudFunction"},
};

Status readFilter(const XmlElement &filter, NotificationTarget &target)
{
    const XmlElement *key = filter.child(u"S3Key");
    if (!key)
        return {};
    bool havePrefix = false;
    bool haveSuffix = false;
    for (const XmlElement *rule : key->all(u"FilterRule")) {
        const QString name = rule->childText(u"Name");
        const QString value = rule->childText(u"Value");
        if (value.size() > 1024)
            return std::unexpected(Errors::invalidArgument(
                u"The filter rule value is too long."_s, u"FilterRule.Value"_s, value.left(64)));
        const bool prefix = name.compare(u"prefix"_s, Qt::CaseInsensitive) == 0;
        if (!prefix && name.compare(u"suffix"_s, Qt::CaseInsensitive) != 0)
            return std::unexpected(Errors::invalidArgument(
                u"filter rule name must be either prefix or suffix"_s, u"FilterRule.Name"_s, name));
        bool &seen = prefix ? havePrefix : haveSuffix;
        if (seen)
            return std::unexpected(
                Errors::invalidArgument(u"Cannot specify more than one %1 rule in a filter."_s.arg(
                                            prefix ? u"prefix"_s : u"suffix"_s),
                    u"FilterRule.Name"_s,
                    name));
        seen = true;
        (prefix ? target.prefix : target.suffix) = value;
    }
    return {};
}

bool overlaps(const NotificationTarget &a, const NotificationTarget &b)
{
    const bool prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
    const bool suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
    if (!prefixes || !suffixes)
        return false;
    for (const QString &x : a.events) {
        for (const QString &y : b.events) {
            if (eventsOverlap(x, y))
                return true;
        }
    }
    return false;
}

} // namespace

bool NotificationTarget::matches(const QString &eventName, const QString &key) const
{
    return key.startsWith(prefix) && key.endsWith(suffix) && wants(eventName);
}

bool NotificationTarget::wants(const QString &eventName) const
{
    const QString name = u"s3:"_s + eventName;
    for (const QString &configured : events) {
        if (covers(configured, name))
            return true;
    }
    return false;
}

bool NotificationConfig::wants(const QString &eventName) const
{
    return std::any_of(targets.cbegin(), targets.cend(), [&eventName](const NotificationTarget &t) {
        return t.wants(eventName);
    });
}

Result<NotificationConfig> NotificationConfig::parse(const QByteArray &xml)
{
    const auto root = XmlElement::parse(xml);
    if (!root || root->name != u"NotificationConfiguration"_s)
        return std::unexpected(Errors::malformedXml());
    NotificationConfig config;
    config.eventBridge = root->child(u"EventBridgeConfiguration") != nullptr;
    QStringList ids;
    for (const Kind &kind : Kinds) {
        for (const XmlElement *element : root->all(QStringView(kind.element))) {
            NotificationTarget target;
            target.kind = kind.kind;
            target.id = element->childText(u"Id");
            target.arn = element->childText(QStringView(kind.arnElement));
            for (const XmlElement *event : element->all(u"Event"))
                target.events.append(event->text);
            if (target.arn.isEmpty() || target.events.isEmpty())
                return std::unexpected(Errors::malformedXml());
            for (const QString &event : std::as_const(target.events)) {
                if (!knownEvents().contains(event))
                    return std::unexpected(Errors::invalidArgument(
                        u"The event is not supported for notifications"_s, u"Event"_s, event));
            }
            if (const XmlElement *filter = element->child(u"Filter")) {
                if (auto ok = readFilter(*filter, target); !ok)
                    return std::unexpected(ok.error());
            }
            if (target.id.isEmpty())
                target.id = QString::fromLatin1(Ids::uuid().toLatin1().toBase64(
                    QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
            if (ids.contains(target.id))
                return std::unexpected(Errors::invalidArgument(
                    u"Configurations must have unique ids"_s, u"Id"_s, target.id));
            ids.append(target.id);
            for (const NotificationTarget &other : std::as_const(config.targets)) {
                if (overlaps(other, target))
                    return std::unexpected(Errors::invalidArgument(
                        u"Configuration is ambiguously defined. Cannot have overlapping "
                        u"suffixes in two rules if the prefixes are overlapping for the same "
                        u"event type."_s));
            }
            config.targets.append(std::move(target));
        }
    }
    return config;
}

QString NotificationConfig::toXml() const
{
    QString xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true); // people read it in the bucket's properties
    writer.writeStartDocument();
    writer.writeStartElement(u"NotificationConfiguration"_s);
    writer.writeDefaultNamespace(u"http://s3.amazonaws.com/doc/2006-03-01/"_s);
    for (const Kind &kind : Kinds) {
        for (const NotificationTarget &target : targets) {
            if (target.kind != kind.kind)
                continue;
            writer.writeStartElement(QString::fromUtf16(kind.element));
            writer.writeTextElement(u"Id"_s, target.id);
            writer.writeTextElement(QString::fromUtf16(kind.arnElement), target.arn);
            for (const QString &event : target.events)
                writer.writeTextElement(u"Event"_s, event);
            if (!target.prefix.isEmpty() || !target.suffix.isEmpty()) {
                writer.writeStartElement(u"Filter"_s);
                writer.writeStartElement(u"S3Key"_s);
                const std::pair<QString, QString> rules[] = {
                    {u"Prefix"_s, target.prefix}, {u"Suffix"_s, target.suffix}};
                for (const auto &[name, value] : rules) {
                    if (value.isEmpty())
                        continue;
                    writer.writeStartElement(u"FilterRule"_s);
                    writer.writeTextElement(u"Name"_s, name);
                    writer.writeTextElement(u"Value"_s, value);
                    writer.writeEndElement();
                }
                writer.writeEndElement();
                writer.writeEndElement();
            }
            writer.writeEndElement();
        }
    }
    if (eventBridge)
        writer.writeEmptyElement(u"EventBridgeConfiguration"_s);
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

QByteArray eventMessage(const ObjectEvent &event,
    const QString &configurationId,
    const QString &region,
    const QString &account,
    const QString &requestId)
{
    QString key = QString::fromLatin1(QUrl::toPercentEncoding(event.key, "/*"));
    key.replace(u"%20"_s, u"+"_s);
    QJsonObject object{{u"key"_s, key}};
    if (event.size >= 0)
        object.insert(u"size"_s, event.size);
    if (!event.etag.isEmpty())
        object.insert(u"eTag"_s, event.etag);
    if (!event.versionId.isEmpty() && event.versionId != u"null"_s)
        object.insert(u"versionId"_s, event.versionId);
    object.insert(u"sequencer"_s, event.sequencer);
    const QJsonObject owner{{u"principalId"_s, account}};
    QJsonObject s3{
        {u"s3SchemaVersion"_s, u"1.0"_s},
        {u"configurationId"_s, configurationId},
        {u"bucket"_s,
            QJsonObject{{u"name"_s, event.bucket},
                {u"ownerIdentity"_s, owner},
                {u"arn"_s, QString(u"arn:aws:s3:::"_s + event.bucket)}}},
        {u"object"_s, object},
    };
    QJsonObject record{
        {u"eventVersion"_s, u"2.1"_s},
        {u"eventSource"_s, u"aws:s3"_s},
        {u"awsRegion"_s, region},
        {u"eventTime"_s, isoTime(event.timeMs)},
        {u"eventName"_s, event.eventName},
        {u"userIdentity"_s, QJsonObject{{u"principalId"_s, QString(u"AWS:"_s + account)}}},
        {u"requestParameters"_s, QJsonObject{{u"sourceIPAddress"_s, u"127.0.0.1"_s}}},
        {u"responseElements"_s,
            QJsonObject{{u"x-amz-request-id"_s, requestId},
                {u"x-amz-id-2"_s,
                    QString::fromLatin1(requestId.toLatin1().repeated(4).toBase64())}}},
        {u"s3"_s, s3},
    };
    if (event.restoreExpiryMs >= 0)
        record.insert(u"glacierEventData"_s,
            QJsonObject{{u"restoreEventData"_s,
                QJsonObject{{u"lifecycleRestorationExpiryTime"_s, isoTime(event.restoreExpiryMs)},
                    {u"lifecycleRestoreStorageClass"_s, event.storageClass}}}});
    return QJsonDocument(QJsonObject{{u"Records"_s, QJsonArray{record}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray testEventMessage(const QString &bucket, qint64 timeMs, const QString &requestId)
{
    return QJsonDocument(
        QJsonObject{
            {u"Service"_s, u"Amazon S3"_s},
            {u"Event"_s, u"s3:TestEvent"_s},
            {u"Time"_s, isoTime(timeMs)},
            {u"Bucket"_s, bucket},
            {u"RequestId"_s, requestId},
            {u"HostId"_s, QString::fromLatin1(requestId.toLatin1().repeated(4).toBase64())},
        })
        .toJson(QJsonDocument::Compact);
}

} // namespace Core::S3
