// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Core::S3 {

// One destination of a bucket's event notification configuration (S3-32..S3-34): a queue, a
// Lambda function or a topic, the events it wants (s3:ObjectCreated:*, s3:ObjectRemoved:Delete
// ...) and the key filter (prefix and suffix rules).
struct NotificationTarget
{
    enum class Kind {
        Topic,
        Queue,
        Function,
    };
    Kind kind = Kind::Queue;
    QString id;
    QString arn;
    QStringList events;
    QString prefix;
    QString suffix;

    // Whether an event such as "ObjectCreated:Put" on `key` goes to this destination.
    bool matches(const QString &eventName, const QString &key) const;
    // Whether it wants events of this kind at all, whatever the key.
    bool wants(const QString &eventName) const;
};

// A validated PutBucketNotificationConfiguration body.
struct NotificationConfig
{
    QList<NotificationTarget> targets;
    bool eventBridge = false;

    bool isEmpty() const { return targets.isEmpty() && !eventBridge; }
    // Whether any destination wants events of this kind.
    bool wants(const QString &eventName) const;
    // The document GetBucketNotificationConfiguration returns: every destination with its id
    // (generated where the request had none) and its filter rules as AWS spells them.
    QString toXml() const;

    // Parses and validates with AWS's errors: MalformedXML for a body that is not a
    // NotificationConfiguration or a destination without its ARN or events; InvalidArgument for
    // an event S3 does not know, a filter rule name other than prefix/suffix, two prefix (or
    // suffix) rules in one filter, and two destinations whose events and key filters overlap
    // ("Configuration is ambiguously defined"). Destinations are checked by the service.
    static Result<NotificationConfig> parse(const QByteArray &xml);
};

// What happened to an object, as an event record tells it.
struct ObjectEvent
{
    QString eventName; // without "s3:": ObjectCreated:Put, ObjectRemoved:DeleteMarkerCreated ...
    QString bucket;
    QString key;
    qint64 size = -1; // -1: not in the record (removals)
    QString etag; // without quotes; empty: not in the record
    QString versionId; // empty or "null": not in the record
    qint64 timeMs = 0;
    QString sequencer;
    // ObjectRestore:Completed: when the restored copy expires, and the object's storage class.
    qint64 restoreExpiryMs = -1;
    QString storageClass;
};

// The message S3 sends for one event to one destination: {"Records":[{...}]} in the event
// message structure version 2.1, the key URL-encoded as AWS does (a space becomes '+').
QByteArray eventMessage(const ObjectEvent &event,
    const QString &configurationId,
    const QString &region,
    const QString &account,
    const QString &requestId);

// The s3:TestEvent S3 sends to a queue when a configuration naming it is stored.
QByteArray testEventMessage(const QString &bucket, qint64 timeMs, const QString &requestId);

} // namespace Core::S3
