// SPDX-License-Identifier: MIT
// Pins S3 server access logging (S3-36): the BucketLoggingStatus document, the log object keys
// (simple and partitioned), the record line in AWS's format, the service's checks (the target
// bucket must exist in the same region), and delivery: records of a logging bucket become one log
// object in the target bucket; buckets that do not log keep nothing.
#include "core/common/clock.h"
#include "core/s3/accesslog.h"
#include "core/s3/s3service.h"
#include "tests/support/tempdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::S3;

namespace {

QByteArray status(const QString &inner)
{
    return (u"<BucketLoggingStatus xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"_s + inner
        + u"</BucketLoggingStatus>"_s)
        .toUtf8();
}

AccessLogEntry entry(const QString &bucket, const QString &key)
{
    AccessLogEntry record;
    record.bucketOwner = u"owner"_s;
    record.bucket = bucket;
    record.timeMs = 1'549'411'238'000; // 06/Feb/2019:00:00:38 UTC
    record.remoteIp = u"192.0.2.3"_s;
    record.requestId = u"3E57427F3EXAMPLE"_s;
    record.operation = u"REST.GET.OBJECT"_s;
    record.key = key;
    record.requestUri = u"GET /"_s + bucket + u'/' + key + u" HTTP/1.1"_s;
    record.status = 200;
    record.bytesSent = 113;
    record.objectSize = 113;
    record.totalTimeMs = 7;
    record.userAgent = u"aws-cli/2.9"_s;
    record.signatureVersion = u"SigV4"_s;
    record.authType = u"AuthHeader"_s;
    record.hostHeader = u"127.0.0.1:4566"_s;
    return record;
}

} // namespace

class tst_S3AccessLog final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void documentRoundTrip()
    {
        const auto off = LoggingConfig::parse(status({}));
        QVERIFY(off && !off->has_value());
        QCOMPARE(LoggingConfig::parse("<Nope/>").error().code, u"MalformedXML"_s);
        QCOMPARE(
            LoggingConfig::parse(
                status(u"<LoggingEnabled><TargetBucket>logs</TargetBucket></LoggingEnabled>"_s))
                .error()
                .code,
            u"MalformedXML"_s);
        const auto on = LoggingConfig::parse(
            status(u"<LoggingEnabled><TargetBucket>logs</TargetBucket><TargetPrefix>web/"
                   u"</TargetPrefix><TargetObjectKeyFormat><PartitionedPrefix>"
                   u"<PartitionDateSource>DeliveryTime</PartitionDateSource></PartitionedPrefix>"
                   u"</TargetObjectKeyFormat></LoggingEnabled>"_s));
        QVERIFY(on && on->has_value());
        QCOMPARE((*on)->targetBucket, u"logs"_s);
        QVERIFY((*on)->partitioned);
        QCOMPARE(LoggingConfig::parse(LoggingConfig::toXml(*on)).value(), *on);
    }

    void objectKeys()
    {
        LoggingConfig config;
        config.targetPrefix = u"web/"_s;
        const qint64 event = 1'549'411'238'000;
        const qint64 delivered = event + 3'600'000;
        QCOMPARE(config.objectKey(
                     u"000000000000"_s, u"us-east-1"_s, u"site"_s, event, delivered, u"ABC"_s),
            u"web/2019-02-06-01-00-38-ABC"_s);
        config.partitioned = true;
        QCOMPARE(config.objectKey(
                     u"000000000000"_s, u"us-east-1"_s, u"site"_s, event, delivered, u"ABC"_s),
            u"web/000000000000/us-east-1/site/2019/02/06/2019-02-06-01-00-38-ABC"_s);
    }

    void recordLine()
    {
        QCOMPARE(entry(u"site"_s, u"index.html"_s).toLine(),
            u"owner site [06/Feb/2019:00:00:38 +0000] 192.0.2.3 - 3E57427F3EXAMPLE "
            u"REST.GET.OBJECT index.html \"GET /site/index.html HTTP/1.1\" 200 - 113 113 7 - "
            u"\"-\" \"aws-cli/2.9\" - - SigV4 - AuthHeader 127.0.0.1:4566 - - -"_s);
        QCOMPARE(AccessLogEntry::operationName(u"PutObject"_s, "PUT", true), u"REST.PUT.OBJECT"_s);
        QCOMPARE(
            AccessLogEntry::operationName(u"ListObjectsV2"_s, "GET", false), u"REST.GET.BUCKET"_s);
        QCOMPARE(AccessLogEntry::operationName(u"GetBucketVersioning"_s, "GET", false),
            u"REST.GET.VERSIONING"_s);
        QCOMPARE(AccessLogEntry::operationName(u"CompleteMultipartUpload"_s, "POST", true),
            u"REST.POST.UPLOAD"_s);
        QCOMPARE(
            AccessLogEntry::operationName(u"Website GET"_s, "GET", true), u"WEBSITE.GET.OBJECT"_s);
    }

    void serviceConfigurationAndDelivery()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"site"_s, {}).has_value());
        QVERIFY(service.createBucket(u"logs"_s, {}).has_value());
        QVERIFY(service.createBucket(u"far"_s, u"eu-west-1"_s).has_value());
        LoggingConfig config;
        config.targetBucket = u"missing"_s;
        config.targetPrefix = u"site/"_s;
        QCOMPARE(service.putBucketLogging(u"site"_s, config).error().code,
            u"InvalidTargetBucketForLogging"_s);
        config.targetBucket = u"far"_s;
        QCOMPARE(service.putBucketLogging(u"site"_s, config).error().code,
            u"CrossLocationLoggingProhibitted"_s);
        QVERIFY(!service.logsAccess(u"site"_s));
        config.targetBucket = u"logs"_s;
        QVERIFY(service.putBucketLogging(u"site"_s, config).has_value());
        QCOMPARE(service.getBucketLogging(u"site"_s).value(), std::optional(config));
        QVERIFY(service.logsAccess(u"site"_s));
        QVERIFY(!service.logsAccess(u"logs"_s));

        service.logAccess(entry(u"site"_s, u"a.html"_s));
        service.logAccess(entry(u"site"_s, u"b.html"_s));
        service.logAccess(entry(u"logs"_s, u"ignored"_s)); // "logs" does not log
        QCOMPARE(service.deliverAccessLogs(), 1);
        ListObjectsQuery query;
        query.prefix = u"site/"_s;
        const auto listed = service.listObjects(u"logs"_s, query).value();
        QCOMPARE(listed.contents.size(), 1);
        const S3Object log = service.getObject(u"logs"_s, listed.contents.constFirst().key).value();
        const QList<QByteArray> lines = log.inlineData.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].contains(" REST.GET.OBJECT a.html "));
        QVERIFY(lines[1].contains(" REST.GET.OBJECT b.html "));
        QCOMPARE(service.deliverAccessLogs(), 0); // nothing new

        QVERIFY(service.putBucketLogging(u"site"_s, std::nullopt).has_value());
        QVERIFY(!service.logsAccess(u"site"_s));
    }
};

QTEST_GUILESS_MAIN(tst_S3AccessLog)
#include "tst_s3accesslog.moc"
