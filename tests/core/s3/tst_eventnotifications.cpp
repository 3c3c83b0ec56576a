// SPDX-License-Identifier: MIT
// Pins S3 event notification configurations, table-driven: what PutBucketNotificationConfiguration
// accepts and the AWS error for what it refuses (unknown events, filter rule names, repeated
// rules, overlapping destinations, missing ARNs); which events and keys a destination matches
// (wildcards, prefix and suffix); the stored document round-trips; and the event record's shape
// (URL-encoded key, fields per event kind, glacierEventData of a finished restore, the
// s3:TestEvent).
#include "core/s3/eventnotifications.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::S3::NotificationConfig;
using Core::S3::NotificationTarget;

namespace {

// One QueueConfiguration with the events and filter rules given ("prefix=logs/").
QString queueXml(const QString &id, const QStringList &events, const QStringList &rules = {})
{
    QString xml = u"<QueueConfiguration>"_s;
    if (!id.isEmpty())
        xml += u"<Id>"_s + id + u"</Id>"_s;
    xml += u"<Queue>arn:aws:sqs:us-east-1:000000000000:q</Queue>"_s;
    for (const QString &event : events)
        xml += u"<Event>"_s + event + u"</Event>"_s;
    if (!rules.isEmpty()) {
        xml += u"<Filter><S3Key>"_s;
        for (const QString &rule : rules) {
            const auto parts = rule.split(u'=');
            xml += u"<FilterRule><Name>%1</Name><Value>%2</Value></FilterRule>"_s.arg(
                parts.value(0), parts.value(1));
        }
        xml += u"</S3Key></Filter>"_s;
    }
    return xml + u"</QueueConfiguration>"_s;
}

QByteArray document(const QString &body)
{
    return (u"<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"_s
        + body + u"</NotificationConfiguration>"_s)
        .toUtf8();
}

} // namespace

class tst_EventNotifications : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("errorCode"); // empty: accepted
        QTest::addColumn<QString>("message");
        const QString star = u"s3:ObjectCreated:*"_s;
        QTest::newRow("empty turns off") << document({}) << QString() << QString();
        QTest::newRow("one queue") << document(queueXml(u"a"_s, {star})) << QString() << QString();
        QTest::newRow("lambda and topic")
            << document(u"<CloudFunctionConfiguration><CloudFunction>arn:aws:lambda:us-east-1:"
                        u"000000000000:function:f</CloudFunction><Event>s3:ObjectRemoved:*</Event>"
                        u"</CloudFunctionConfiguration><TopicConfiguration><Topic>arn:aws:sns:"
                        u"us-east-1:000000000000:t</Topic><Event>s3:ObjectCreated:Put</Event>"
                        u"</TopicConfiguration>"_s)
            << QString() << QString();
        QTest::newRow("eventbridge only")
            << document(u"<EventBridgeConfiguration></EventBridgeConfiguration>"_s) << QString()
            << QString();
        QTest::newRow("not xml") << QByteArray("{}") << u"MalformedXML"_s << QString();
        QTest::newRow("wrong root")
            << QByteArray("<CORSConfiguration/>") << u"MalformedXML"_s << QString();
        QTest::newRow("no events")
            << document(u"<QueueConfiguration><Queue>arn:aws:sqs:us-east-1:0:q</Queue>"
                        u"</QueueConfiguration>"_s)
            << u"MalformedXML"_s << QString();
        QTest::newRow("no arn") << document(u"<QueueConfiguration><Event>s3:ObjectCreated:*</Event>"
                                            u"</QueueConfiguration>"_s)
                                << u"MalformedXML"_s << QString();
        QTest::newRow("unknown event")
            << document(queueXml({}, {u"s3:ObjectCreated:Get"_s})) << u"InvalidArgument"_s
            << u"The event is not supported for notifications"_s;
        QTest::newRow("event without s3:")
            << document(queueXml({}, {u"ObjectCreated:Put"_s})) << u"InvalidArgument"_s
            << u"The event is not supported for notifications"_s;
        QTest::newRow("bad rule name")
            << document(queueXml({}, {star}, {u"contains=x"_s})) << u"InvalidArgument"_s
            << u"filter rule name must be either prefix or suffix"_s;
        QTest::newRow("rule names any case")
            << document(queueXml({}, {star}, {u"Prefix=a/"_s, u"SUFFIX=.txt"_s})) << QString()
            << QString();
        QTest::newRow("two prefixes")
            << document(queueXml({}, {star}, {u"prefix=a"_s, u"prefix=b"_s}))
            << u"InvalidArgument"_s << u"Cannot specify more than one prefix rule in a filter."_s;
        QTest::newRow("two suffixes")
            << document(queueXml({}, {star}, {u"suffix=a"_s, u"suffix=b"_s}))
            << u"InvalidArgument"_s << u"Cannot specify more than one suffix rule in a filter."_s;
        const QString ambiguous = u"Configuration is ambiguously defined"_s;
        QTest::newRow("same events, no filters")
            << document(queueXml(u"a"_s, {star}) + queueXml(u"b"_s, {star})) << u"InvalidArgument"_s
            << ambiguous;
        QTest::newRow("wildcard covers one, nested prefixes")
            << document(queueXml(u"a"_s, {star}, {u"prefix=logs/"_s})
                   + queueXml(u"b"_s, {u"s3:ObjectCreated:Put"_s}, {u"prefix=logs/2026/"_s}))
            << u"InvalidArgument"_s << ambiguous;
        QTest::newRow("disjoint prefixes") << document(
            queueXml(u"a"_s, {star}, {u"prefix=a/"_s}) + queueXml(u"b"_s, {star}, {u"prefix=b/"_s}))
                                           << QString() << QString();
        QTest::newRow("same prefix, disjoint suffixes")
            << document(queueXml(u"a"_s, {star}, {u"suffix=.jpg"_s})
                   + queueXml(u"b"_s, {star}, {u"suffix=.png"_s}))
            << QString() << QString();
        QTest::newRow("different event types")
            << document(queueXml(u"a"_s, {star}) + queueXml(u"b"_s, {u"s3:ObjectRemoved:Delete"_s}))
            << QString() << QString();
        QTest::newRow("duplicate ids") << document(
            queueXml(u"a"_s, {star}, {u"prefix=a/"_s}) + queueXml(u"a"_s, {star}, {u"prefix=b/"_s}))
                                       << u"InvalidArgument"_s
                                       << u"Configurations must have unique ids"_s;
    }
    void parse()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, errorCode);
        QFETCH(QString, message);
        const auto config = NotificationConfig::parse(xml);
        if (errorCode.isEmpty()) {
            QVERIFY2(config.has_value(), qPrintable(config ? QString() : config.error().message));
            // Every destination has an id, and the stored form parses to the same thing.
            const auto again = NotificationConfig::parse(config->toXml().toUtf8());
            QVERIFY(again.has_value());
            QCOMPARE(again->targets.size(), config->targets.size());
            QCOMPARE(again->eventBridge, config->eventBridge);
            for (qsizetype i = 0; i < config->targets.size(); ++i) {
                QVERIFY(!config->targets[i].id.isEmpty());
                QCOMPARE(again->targets[i].id, config->targets[i].id);
                QCOMPARE(again->targets[i].arn, config->targets[i].arn);
                QCOMPARE(again->targets[i].events, config->targets[i].events);
                QCOMPARE(again->targets[i].prefix, config->targets[i].prefix);
                QCOMPARE(again->targets[i].suffix, config->targets[i].suffix);
            }
        } else {
            QVERIFY(!config.has_value());
            QCOMPARE(config.error().code, errorCode);
            QCOMPARE(config.error().httpStatus, 400);
            QVERIFY2(config.error().message.contains(message), qPrintable(config.error().message));
        }
    }

    void matches_data()
    {
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("eventName");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("matches");
        const QStringList created{u"s3:ObjectCreated:*"_s};
        QTest::newRow("wildcard put")
            << created << QString() << QString() << u"ObjectCreated:Put"_s << u"k"_s << true;
        QTest::newRow("wildcard multipart")
            << created << QString() << QString() << u"ObjectCreated:CompleteMultipartUpload"_s
            << u"k"_s << true;
        QTest::newRow("wildcard other kind")
            << created << QString() << QString() << u"ObjectRemoved:Delete"_s << u"k"_s << false;
        QTest::newRow("exact") << QStringList{u"s3:ObjectRemoved:DeleteMarkerCreated"_s}
                               << QString() << QString() << u"ObjectRemoved:DeleteMarkerCreated"_s
                               << u"k"_s << true;
        QTest::newRow("exact, other")
            << QStringList{u"s3:ObjectRemoved:Delete"_s} << QString() << QString()
            << u"ObjectRemoved:DeleteMarkerCreated"_s << u"k"_s << false;
        QTest::newRow("prefix in") << created << u"images/"_s << QString() << u"ObjectCreated:Put"_s
                                   << u"images/a.png"_s << true;
        QTest::newRow("prefix out") << created << u"images/"_s << QString()
                                    << u"ObjectCreated:Put"_s << u"docs/a.png"_s << false;
        QTest::newRow("prefix is case-sensitive")
            << created << u"images/"_s << QString() << u"ObjectCreated:Put"_s << u"Images/a"_s
            << false;
        QTest::newRow("suffix in")
            << created << QString() << u".png"_s << u"ObjectCreated:Put"_s << u"a/b.png"_s << true;
        QTest::newRow("both, suffix out")
            << created << u"a/"_s << u".png"_s << u"ObjectCreated:Put"_s << u"a/b.jpg"_s << false;
        QTest::newRow("second event listed")
            << QStringList{u"s3:ObjectCreated:Put"_s, u"s3:ObjectTagging:*"_s} << QString()
            << QString() << u"ObjectTagging:Delete"_s << u"k"_s << true;
    }
    void matches()
    {
        QFETCH(QStringList, events);
        QFETCH(QString, prefix);
        QFETCH(QString, suffix);
        QFETCH(QString, eventName);
        QFETCH(QString, key);
        QFETCH(bool, matches);
        NotificationTarget target;
        target.events = events;
        target.prefix = prefix;
        target.suffix = suffix;
        QCOMPARE(target.matches(eventName, key), matches);
    }

    void eventRecord_data()
    {
        QTest::addColumn<QString>("eventName");
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("versionId");
        QTest::addColumn<QString>("encodedKey");
        QTest::newRow("created") << u"ObjectCreated:Put"_s << u"photos/my cat.jpg"_s << qint64(1024)
                                 << u"null"_s << u"photos/my+cat.jpg"_s;
        QTest::newRow("plus and unicode") << u"ObjectCreated:Copy"_s << u"a+b/ü.txt"_s << qint64(0)
                                          << u"v1"_s << u"a%2Bb/%C3%BC.txt"_s;
        QTest::newRow("removed") << u"ObjectRemoved:Delete"_s << u"k"_s << qint64(-1) << QString()
                                 << u"k"_s;
    }
    void eventRecord()
    {
        QFETCH(QString, eventName);
        QFETCH(QString, key);
        QFETCH(qint64, size);
        QFETCH(QString, versionId);
        QFETCH(QString, encodedKey);
        Core::S3::ObjectEvent event;
        event.eventName = eventName;
        event.bucket = u"b"_s;
        event.key = key;
        event.size = size;
        event.etag = size >= 0 ? u"d41d8cd98f00b204e9800998ecf8427e"_s : QString();
        event.versionId = versionId;
        event.timeMs = 1'700'000'000'123;
        event.sequencer = u"0055AED6DCD90281E5"_s;
        const QJsonObject message = QJsonDocument::fromJson(
            Core::S3::eventMessage(event, u"cfg"_s, u"eu-west-1"_s, u"123"_s, u"REQ"_s))
                                        .object();
        const QJsonArray records = message.value(u"Records"_s).toArray();
        QCOMPARE(records.size(), 1);
        const QJsonObject record = records.first().toObject();
        QCOMPARE(record.value(u"eventVersion"_s).toString(), u"2.1"_s);
        QCOMPARE(record.value(u"eventSource"_s).toString(), u"aws:s3"_s);
        QCOMPARE(record.value(u"awsRegion"_s).toString(), u"eu-west-1"_s);
        QCOMPARE(record.value(u"eventTime"_s).toString(), u"2023-11-14T22:13:20.123Z"_s);
        QCOMPARE(record.value(u"eventName"_s).toString(), eventName);
        QCOMPARE(record.value(u"responseElements"_s)[u"x-amz-request-id"_s].toString(), u"REQ"_s);
        const QJsonObject s3 = record.value(u"s3"_s).toObject();
        QCOMPARE(s3.value(u"configurationId"_s).toString(), u"cfg"_s);
        QCOMPARE(s3.value(u"bucket"_s)[u"arn"_s].toString(), u"arn:aws:s3:::b"_s);
        const QJsonObject object = s3.value(u"object"_s).toObject();
        QCOMPARE(object.value(u"key"_s).toString(), encodedKey);
        QCOMPARE(object.contains(u"size"_s), size >= 0);
        QCOMPARE(object.contains(u"eTag"_s), size >= 0);
        QCOMPARE(object.contains(u"versionId"_s), !versionId.isEmpty() && versionId != u"null"_s);
        QCOMPARE(object.value(u"sequencer"_s).toString(), u"0055AED6DCD90281E5"_s);
    }

    void restoreCompletedCarriesGlacierEventData()
    {
        Core::S3::ObjectEvent event;
        event.eventName = u"ObjectRestore:Completed"_s;
        event.bucket = u"b"_s;
        event.key = u"k"_s;
        event.restoreExpiryMs = 86'400'000;
        event.storageClass = u"GLACIER"_s;
        const QJsonObject record =
            QJsonDocument::fromJson(Core::S3::eventMessage(event, {}, {}, {}, {}))
                .object()[u"Records"_s][0]
                .toObject();
        const QJsonObject data = record[u"glacierEventData"_s][u"restoreEventData"_s].toObject();
        QCOMPARE(
            data[u"lifecycleRestorationExpiryTime"_s].toString(), u"1970-01-02T00:00:00.000Z"_s);
        QCOMPARE(data[u"lifecycleRestoreStorageClass"_s].toString(), u"GLACIER"_s);
        event.restoreExpiryMs = -1;
        QVERIFY(!QJsonDocument::fromJson(Core::S3::eventMessage(event, {}, {}, {}, {}))
                     .object()[u"Records"_s][0]
                     .toObject()
                     .contains(u"glacierEventData"_s));
    }

    void testEvent()
    {
        const QJsonObject message =
            QJsonDocument::fromJson(Core::S3::testEventMessage(u"b"_s, 0, u"R"_s)).object();
        QCOMPARE(message.value(u"Service"_s).toString(), u"Amazon S3"_s);
        QCOMPARE(message.value(u"Event"_s).toString(), u"s3:TestEvent"_s);
        QCOMPARE(message.value(u"Bucket"_s).toString(), u"b"_s);
        QCOMPARE(message.value(u"Time"_s).toString(), u"1970-01-01T00:00:00.000Z"_s);
    }
};

QTEST_GUILESS_MAIN(tst_EventNotifications)
#include "tst_eventnotifications.moc"
