// SPDX-License-Identifier: MIT
// Pins S3Service rules without HTTP: bucket naming (S3-01), key listing with prefix, delimiter
// and pagination (table-driven), versioning with null versions and delete markers, multipart
// ETag arithmetic and part rules, that deleting frees the bytes of file-backed objects, and
// lifecycle rules (validation table, midnight rounding, expiration and transitions of current and
// noncurrent versions by the engine clock), archived objects and RestoreObject, and checksum
// types (COMPOSITE / FULL_OBJECT multipart checksums, CRC64NVME), and what anonymous requests may
// do under bucket policies, public ACLs and Block Public Access; GetObjectAttributes: the parts a
// completed multipart object keeps and their paging.
#include "core/common/clock.h"
#include "core/common/metricsink.h"
#include "core/s3/bodydigest.h"
#include "core/s3/bucketname.h"
#include "core/s3/bucketpolicy.h"
#include "core/s3/eventdestinations.h"
#include "core/s3/lifecycle.h"
#include "core/s3/s3service.h"
#include "tests/support/tempdatabase.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace Core::S3;

namespace {

ObjectBody bodyOf(const QByteArray &data)
{
    BodyDigest digest;
    digest.addData(data);
    return {data, {}, digest.size(), digest.md5Hex(), {}};
}

// Keeps what a service reports, as "Metric StorageType=value".
class RecordingSink final : public Core::MetricSink
{
public:
    void putMetric(const QString &,
        const QString &metricName,
        const MetricDimensions &dimensions,
        double value,
        const QString &,
        qint64) override
    {
        for (const auto &[name, dimension] : dimensions) {
            if (name == u"StorageType"_s)
                reported.append(u"%1 %2=%3"_s.arg(metricName, dimension).arg(qint64(value)));
        }
    }
    QStringList reported;
};

int fileCount(const QString &dir)
{
    int count = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

// A part or object body with its MD5 and CRC32 computed as the HTTP layer would.
ObjectBody crc32Part(const QByteArray &data)
{
    BodyDigest digest(u"CRC32"_s);
    digest.addData(data);
    return ObjectBody{
        data, {}, digest.size(), digest.md5Hex(), {u"CRC32"_s, digest.checksumBase64(), {}}};
}

// Records what S3 sends, as "<arn> <eventName> <key>" ("<arn> s3:TestEvent"); refuses ARNs that
// end in ":refused".
class RecordingDestinations final : public EventDestinations
{
public:
    QString refusal(const QString &arn, const QString &, const QString &) const override
    {
        return arn.endsWith(u":refused"_s) ? u"Permissions on the destination queue do not allow "
                                             u"S3 to publish notifications from this bucket"_s
                                           : QString();
    }
    bool deliver(const QString &arn, const QByteArray &message, const QString &) override
    {
        const QJsonObject json = QJsonDocument::fromJson(message).object();
        if (json.contains(u"Event"_s)) {
            sent.append(arn + u' ' + json.value(u"Event"_s).toString());
            return true;
        }
        const QJsonObject record = json.value(u"Records"_s).toArray().first().toObject();
        sent.append(arn + u' ' + record.value(u"eventName"_s).toString() + u' '
            + record.value(u"s3"_s)[u"object"_s][u"key"_s].toString());
        return true;
    }
    QStringList take() { return std::exchange(sent, {}); }

    QStringList sent;
};

} // namespace

class tst_S3Service final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void bucketNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << u"my-bucket"_s << true;
        QTest::newRow("dots") << u"my.bucket.name"_s << true;
        QTest::newRow("digits first") << u"1bucket"_s << true;
        QTest::newRow("3 chars") << u"abc"_s << true;
        QTest::newRow("63 chars") << QString(63, u'a') << true;
        QTest::newRow("2 chars") << u"ab"_s << false;
        QTest::newRow("64 chars") << QString(64, u'a') << false;
        QTest::newRow("upper case") << u"MyBucket"_s << false;
        QTest::newRow("underscore") << u"my_bucket"_s << false;
        QTest::newRow("starts with hyphen") << u"-bucket"_s << false;
        QTest::newRow("ends with dot") << u"bucket."_s << false;
        QTest::newRow("double dot") << u"my..bucket"_s << false;
        QTest::newRow("ip address") << u"192.168.5.4"_s << false;
        QTest::newRow("xn-- prefix") << u"xn--bucket"_s << false;
        QTest::newRow("-s3alias suffix") << u"bucket-s3alias"_s << false;
        QTest::newRow("space") << u"my bucket"_s << false;
    }

    void bucketNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isValidBucketName(name), valid);
    }

    void bucketLifecycle()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QCOMPARE(service.createBucket(u"Bad_Name"_s, {}).error().code, u"InvalidBucketName"_s);
        QVERIFY(service.createBucket(u"b1"_s + u"x"_s, {}).has_value());
        QCOMPARE(service.createBucket(u"b1x"_s, {}).error().code, u"BucketAlreadyOwnedByYou"_s);
        QVERIFY(service.putObject(u"b1x"_s, u"k"_s, {}, {}, bodyOf("data")).has_value());
        QCOMPARE(service.deleteBucket(u"b1x"_s).error().code, u"BucketNotEmpty"_s);
        QVERIFY(service.emptyBucket(u"b1x"_s).has_value());
        QVERIFY(service.deleteBucket(u"b1x"_s).has_value());
        QCOMPARE(service.headBucket(u"b1x"_s).error().code, u"NoSuchBucket"_s);
    }

    void listing_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("delimiter");
        QTest::addColumn<int>("maxKeys");
        QTest::addColumn<QStringList>("pages"); // one entry per page: "key,key,prefix/"

        QTest::newRow("all") << QString() << QString() << 1000
                             << QStringList{u"a/1,a/2,a/b/3,b,c/4,c/5,d"_s};
        QTest::newRow("delimiter") << QString() << u"/"_s << 1000 << QStringList{u"a/,b,c/,d"_s};
        QTest::newRow("prefix and delimiter")
            << u"a/"_s << u"/"_s << 1000 << QStringList{u"a/1,a/2,a/b/"_s};
        QTest::newRow("prefix only") << u"c/"_s << QString() << 1000 << QStringList{u"c/4,c/5"_s};
        QTest::newRow("pages of 2")
            << QString() << QString() << 2
            << QStringList{u"a/1,a/2"_s, u"a/b/3,b"_s, u"c/4,c/5"_s, u"d"_s};
        QTest::newRow("prefixes count toward max keys")
            << QString() << u"/"_s << 1 << QStringList{u"a/"_s, u"b"_s, u"c/"_s, u"d"_s};
        QTest::newRow("no match") << u"zz"_s << u"/"_s << 10 << QStringList{QString()};
        QTest::newRow("multi-char delimiter")
            << QString() << u"/b"_s << 1000 << QStringList{u"a/1,a/2,a/b,b,c/4,c/5,d"_s};
    }

    void listing()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, delimiter);
        QFETCH(int, maxKeys);
        QFETCH(QStringList, pages);
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"list"_s, {}).has_value());
        for (const QString &key :
            {u"d"_s, u"a/1"_s, u"c/5"_s, u"a/b/3"_s, u"b"_s, u"a/2"_s, u"c/4"_s})
            QVERIFY(service.putObject(u"list"_s, key, {}, {}, bodyOf("x")).has_value());

        QString after;
        for (qsizetype page = 0; page < pages.size(); ++page) {
            const auto result = service.listObjects(u"list"_s, {prefix, delimiter, after, maxKeys});
            QVERIFY(result.has_value());
            QStringList entries;
            for (const S3Object &object : result->contents)
                entries.append(object.key);
            entries += result->commonPrefixes;
            entries.sort();
            QCOMPARE(entries.join(u','), pages.at(page));
            QCOMPARE(result->truncated, page + 1 < pages.size());
            after = result->last;
        }
    }

    void versioningAndDeleteMarkers()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"ver"_s, {}).has_value());
        QCOMPARE(service.putObject(u"ver"_s, u"k"_s, {}, {}, bodyOf("0"))->versionId, u"null"_s);
        QVERIFY(service.putBucketVersioning(u"ver"_s, Versioning::Enabled).has_value());
        const QString v1 = service.putObject(u"ver"_s, u"k"_s, {}, {}, bodyOf("1"))->versionId;
        QVERIFY(v1 != u"null"_s);
        const auto marker = service.deleteObject(u"ver"_s, u"k"_s);
        QVERIFY(marker->deleteMarker);
        QCOMPARE(service.getObject(u"ver"_s, u"k"_s).error().code, u"NoSuchKey"_s);
        QCOMPARE(service.getObject(u"ver"_s, u"k"_s, marker->versionId).error().code,
            u"MethodNotAllowed"_s);
        QCOMPARE(service.getObject(u"ver"_s, u"k"_s, u"null"_s)->inlineData, QByteArray("0"));
        const auto versions = service.listObjectVersions(u"ver"_s, {});
        QCOMPARE(versions->versions.size(), 3);
        QVERIFY(versions->versions.at(0).deleteMarker);
        QVERIFY(versions->versions.at(0).isLatest);
        QVERIFY(service.deleteObject(u"ver"_s, u"k"_s, marker->versionId).has_value());
        QCOMPARE(service.getObject(u"ver"_s, u"k"_s)->versionId, v1);
        const auto page = service.listObjectVersions(u"ver"_s, {{}, {}, {}, {}, 1});
        QVERIFY(page->truncated);
        QCOMPARE(page->nextVersionIdMarker, v1);
        const auto rest =
            service.listObjectVersions(u"ver"_s, {{}, {}, u"k"_s, page->nextVersionIdMarker, 10});
        QCOMPARE(rest->versions.size(), 1);
        QCOMPARE(rest->versions.at(0).versionId, u"null"_s);
    }

    void lifecycleValidation_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("error");
        const QByteArray head = "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/"
                                "2006-03-01/\"><Rule><ID>r</ID><Status>Enabled</Status>";
        const QByteArray tail = "</Rule></LifecycleConfiguration>";
        QTest::newRow("days") << head
                + "<Filter><Prefix>logs/</Prefix></Filter><Expiration><Days>"
                  "30</Days></Expiration>"
                + tail << QString();
        QTest::newRow("legacy prefix") << head
                + "<Prefix>a</Prefix><Expiration><Days>1</Days>"
                  "</Expiration>"
                + tail << QString();
        QTest::newRow("date") << head
                + "<Filter/><Expiration><Date>2030-01-01T00:00:00.000Z</Date>"
                  "</Expiration>"
                + tail << QString();
        QTest::newRow("date not midnight") << head
                + "<Filter/><Expiration><Date>2030-01-01T10:00:00"
                  "Z</Date></Expiration>"
                + tail << u"InvalidArgument"_s;
        QTest::newRow("no action") << head + "<Filter/>" + tail << u"InvalidRequest"_s;
        QTest::newRow("zero days") << head + "<Filter/><Expiration><Days>0</Days></Expiration>"
                + tail << u"InvalidArgument"_s;
        QTest::newRow("days and date") << head
                + "<Filter/><Expiration><Days>1</Days><Date>2030-01-"
                  "01T00:00:00Z</Date></Expiration>"
                + tail << u"MalformedXML"_s;
        QTest::newRow("filter and prefix") << head
                + "<Prefix>a</Prefix><Filter/><Expiration><Days>"
                  "1</Days></Expiration>"
                + tail << u"MalformedXML"_s;
        QTest::newRow("bad status")
            << QByteArray("<LifecycleConfiguration><Rule><Status>On</Status>"
                          "<Filter/><Expiration><Days>1</Days></Expiration>"
                          "</Rule></LifecycleConfiguration>")
            << u"MalformedXML"_s;
        QTest::newRow("ia too early") << head
                + "<Filter/><Transition><Days>5</Days><StorageClass>"
                  "STANDARD_IA</StorageClass></Transition>"
                + tail << u"InvalidArgument"_s;
        QTest::newRow("noncurrent ia too early") << head
                + "<Filter/><NoncurrentVersionTransition><NoncurrentDays>10</NoncurrentDays>"
                  "<StorageClass>ONEZONE_IA</StorageClass></NoncurrentVersionTransition>"
                + tail << u"InvalidArgument"_s;
        QTest::newRow("noncurrent glacier") << head
                + "<Filter/><NoncurrentVersionTransition><NoncurrentDays>1</NoncurrentDays>"
                  "<StorageClass>GLACIER</StorageClass></NoncurrentVersionTransition>"
                + tail << QString();
        QTest::newRow("transition date") << head
                + "<Filter/><Transition><Date>2030-01-01T00:00:00Z</Date><StorageClass>"
                  "STANDARD_IA</StorageClass></Transition>"
                + tail << QString();
        QTest::newRow("expiration with transition") << head
                + "<Filter/><Transition><Days>30</Days><StorageClass>GLACIER</StorageClass>"
                  "</Transition><Expiration><Days>31</Days></Expiration>"
                + tail << QString();
        QTest::newRow("expiration not after transition") << head
                + "<Filter/><Transition><Days>30</Days><StorageClass>GLACIER</StorageClass>"
                  "</Transition><Expiration><Days>30</Days></Expiration>"
                + tail << u"InvalidArgument"_s;
        QTest::newRow("unknown class") << head
                + "<Filter/><Transition><Days>50</Days><StorageClass>"
                  "STANDARD</StorageClass></Transition>"
                + tail << u"MalformedXML"_s;
        QTest::newRow("abort with tag") << head
                + "<Filter><Tag><Key>k</Key><Value>v</Value></Tag>"
                  "</Filter><AbortIncompleteMultipartUpload><DaysAfterInitiation>1</"
                  "DaysAfterInitiation>"
                  "</AbortIncompleteMultipartUpload>"
                + tail << u"InvalidRequest"_s;
        QTest::newRow("two filters") << head
                + "<Filter><Prefix>a</Prefix><Tag><Key>k</Key><Value>v"
                  "</Value></Tag></Filter><Expiration><Days>1</Days></Expiration>"
                + tail << u"MalformedXML"_s;
        QTest::newRow("not xml") << QByteArray("<LifecycleConfiguration><Rule>")
                                 << u"MalformedXML"_s;
        QTest::newRow("no rule") << QByteArray("<LifecycleConfiguration/>") << u"MalformedXML"_s;
    }

    void lifecycleValidation()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, error);
        const auto rules = parseLifecycle(xml);
        QCOMPARE(rules ? QString() : rules.error().code, error);
    }

    // PutBucketLifecycleConfiguration: an Expiration due before a Transition, AWS's wording.
    void lifecycleExpirationAfterTransitions()
    {
        const auto rules = parseLifecycle(
            "<LifecycleConfiguration><Rule><Status>Enabled</Status><Filter><Prefix>logs/</Prefix>"
            "</Filter><Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass>"
            "</Transition><Transition><Days>90</Days><StorageClass>GLACIER</StorageClass>"
            "</Transition><Expiration><Days>60</Days></Expiration></Rule>"
            "</LifecycleConfiguration>");
        QVERIFY(!rules);
        QCOMPARE(rules.error().message,
            u"'Days' in the Expiration action for filter '(prefix=logs/)' must be greater than "
            u"'Days' in the Transition action"_s);
    }

    void lifecycleDueRoundsToMidnight()
    {
        constexpr qint64 Day = 86'400'000;
        const qint64 midnight = 20'000 * Day;
        QCOMPARE(lifecycleDueMs(midnight + 10 * 3'600'000, 1), midnight + 2 * Day);
        QCOMPARE(lifecycleDueMs(midnight, 1), midnight + Day);
    }

    void lifecycleExpiresWithTheClock()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"lcx"_s, {}).has_value());
        QVERIFY(service.putObject(u"lcx"_s, u"logs/a"_s, {}, {}, bodyOf("a")).has_value());
        QVERIFY(
            service.putObject(u"lcx"_s, u"logs/big"_s, {}, {}, bodyOf("0123456789")).has_value());
        QVERIFY(service.putObject(u"lcx"_s, u"keep/b"_s, {}, {}, bodyOf("b")).has_value());
        const auto upload = service.createMultipartUpload(u"lcx"_s, u"logs/up"_s, {}, {}, {});
        QVERIFY(upload.has_value());
        const QString config =
            uR"(<LifecycleConfiguration><Rule><ID>logs</ID><Status>Enabled</Status>
            <Filter><And><Prefix>logs/</Prefix><ObjectSizeLessThan>5</ObjectSizeLessThan></And></Filter>
            <Expiration><Days>2</Days></Expiration></Rule>
            <Rule><ID>uploads</ID><Status>Enabled</Status><Filter><Prefix>logs/</Prefix></Filter>
            <AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation>
            </AbortIncompleteMultipartUpload></Rule>
            <Rule><ID>off</ID><Status>Disabled</Status><Filter/><Expiration><Days>1</Days>
            </Expiration></Rule></LifecycleConfiguration>)"_s;
        QVERIFY(service.putBucketDocument(u"lcx"_s, BucketDocument::Lifecycle, config).has_value());
        QCOMPARE(service.applyLifecycle(), 0);
        clock.setNowMs(clock.nowMs() + 86'400'000LL * 2); // the upload is due, logs/a not yet
        service.applyLifecycle();
        QCOMPARE(service.listMultipartUploads(u"lcx"_s)->uploads.size(), 0);
        QVERIFY(service.getObject(u"lcx"_s, u"logs/a"_s).has_value());
        clock.setNowMs(clock.nowMs() + 86'400'000LL);
        service.applyLifecycle();
        QCOMPARE(service.getObject(u"lcx"_s, u"logs/a"_s).error().code, u"NoSuchKey"_s);
        QVERIFY(service.getObject(u"lcx"_s, u"logs/big"_s).has_value()); // ObjectSizeLessThan
        QVERIFY(service.getObject(u"lcx"_s, u"keep/b"_s).has_value()); // prefix
        QCOMPARE(
            service.putBucketDocument(u"lcx"_s, BucketDocument::Lifecycle, u"<x/>"_s).error().code,
            u"MalformedXML"_s);
    }

    void lifecycleNoncurrentVersionsAndMarkers()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"lcv"_s, {}).has_value());
        QVERIFY(service.putBucketVersioning(u"lcv"_s, Versioning::Enabled).has_value());
        const QString old = service.putObject(u"lcv"_s, u"k"_s, {}, {}, bodyOf("1"))->versionId;
        const QString current = service.putObject(u"lcv"_s, u"k"_s, {}, {}, bodyOf("2"))->versionId;
        QVERIFY(service.putObject(u"lcv"_s, u"gone"_s, {}, {}, bodyOf("g")).has_value());
        const QString config = uR"(<LifecycleConfiguration><Rule><ID>nc</ID><Status>Enabled</Status>
            <Filter/><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays>
            </NoncurrentVersionExpiration><Expiration><ExpiredObjectDeleteMarker>true
            </ExpiredObjectDeleteMarker></Expiration></Rule></LifecycleConfiguration>)"_s;
        QVERIFY(service.putBucketDocument(u"lcv"_s, BucketDocument::Lifecycle, config).has_value());
        QVERIFY(service.deleteObject(u"lcv"_s, u"gone"_s).has_value()); // marker + 1 version
        clock.setNowMs(clock.nowMs() + 86'400'000LL * 2);
        service.applyLifecycle(); // removes the noncurrent versions
        QCOMPARE(service.getObject(u"lcv"_s, u"k"_s, old).error().code, u"NoSuchVersion"_s);
        QCOMPARE(service.getObject(u"lcv"_s, u"k"_s)->versionId, current);
        service.applyLifecycle(); // now the delete marker of "gone" stands alone: removed
        const auto versions = service.listObjectVersions(u"lcv"_s, {});
        QCOMPARE(versions->versions.size(), 1);
        QCOMPARE(versions->versions.at(0).key, u"k"_s);
    }

    void lifecycleTransitionsWithTheClock()
    {
        constexpr qint64 Day = 86'400'000;
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"lct"_s, {}).has_value());
        const QByteArray big(200 * 1024, 'b');
        QVERIFY(service.putObject(u"lct"_s, u"data/big"_s, {}, {}, bodyOf(big)).has_value());
        QVERIFY(service.putObject(u"lct"_s, u"data/small"_s, {}, {}, bodyOf("s")).has_value());
        QVERIFY(service.putObject(u"lct"_s, u"other/big"_s, {}, {}, bodyOf(big)).has_value());
        const QString config =
            uR"(<LifecycleConfiguration><Rule><ID>tiers</ID><Status>Enabled</Status>
            <Filter><Prefix>data/</Prefix></Filter>
            <Transition><Days>60</Days><StorageClass>GLACIER</StorageClass></Transition>
            <Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition>
            <Transition><Days>200</Days><StorageClass>DEEP_ARCHIVE</StorageClass></Transition>
            </Rule></LifecycleConfiguration>)"_s;
        QVERIFY(service.putBucketDocument(u"lct"_s, BucketDocument::Lifecycle, config).has_value());
        const auto storageClass = [&service](const QString &key) {
            return service.getObject(u"lct"_s, key)->headers.storageClass;
        };
        QCOMPARE(service.applyLifecycle(), 0);
        clock.advance(31 * Day); // the clock's jump runs the lifecycle pass
        QCOMPARE(storageClass(u"data/big"_s), u"STANDARD_IA"_s);
        QCOMPARE(storageClass(u"data/small"_s), u"STANDARD"_s); // under 128 KiB: stays
        QCOMPARE(storageClass(u"other/big"_s), u"STANDARD"_s); // outside the filter
        QVERIFY(service.checkReadable(*service.getObject(u"lct"_s, u"data/big"_s)).has_value());
        QCOMPARE(service.listObjects(u"lct"_s, {})->contents.at(0).headers.storageClass,
            u"STANDARD_IA"_s);

        clock.advance(30 * Day);
        const auto archived = service.getObject(u"lct"_s, u"data/big"_s);
        QCOMPARE(archived->headers.storageClass, u"GLACIER"_s);
        QCOMPARE(service.checkReadable(*archived).error().code, u"InvalidObjectState"_s);
        QCOMPARE(service.checkReadable(*archived).error().httpStatus, 403);
        QCOMPARE(service.copyObject({u"lct"_s, u"data/big"_s, {}}, u"lct"_s, u"copy"_s, {}, {})
                     .error()
                     .code,
            u"ObjectNotInActiveTierError"_s);
        QCOMPARE(service.restoreObject(u"lct"_s, u"data/small"_s, {}, 1).error().code,
            u"InvalidObjectState"_s);
        QCOMPARE(
            service.restoreObject(u"lct"_s, u"data/big"_s, {}, 2).value_or(true), false); // 202
        clock.advance(3 * 3600'000); // a Standard retrieval
        QCOMPARE(
            service.restoreObject(u"lct"_s, u"data/big"_s, {}, 2).value_or(false), true); // 200
        const auto restored = service.getObject(u"lct"_s, u"data/big"_s);
        QVERIFY(service.checkReadable(*restored).has_value());
        QCOMPARE(restored->headers.restoreExpiryMs, lifecycleDueMs(clock.nowMs(), 2));
        const auto copy =
            service.copyObject({u"lct"_s, u"data/big"_s, {}}, u"lct"_s, u"copy"_s, {}, {});
        QVERIFY(copy.has_value());
        QCOMPARE(copy->headers.storageClass, u"STANDARD"_s);
        QCOMPARE(copy->headers.restoreExpiryMs, -1);
        clock.advance(3 * Day);
        QVERIFY(!service.checkReadable(*service.getObject(u"lct"_s, u"data/big"_s)).has_value());

        clock.advance(140 * Day);
        QCOMPARE(storageClass(u"data/big"_s), u"DEEP_ARCHIVE"_s);
        QCOMPARE(storageClass(u"copy"_s), u"STANDARD"_s);
    }

    // RestoreObject takes the time of its tier on the engine's clock (S3-13): the object is
    // unreadable (InvalidObjectState) and HEAD says ongoing-request="true" until then; a second
    // request is RestoreAlreadyInProgress unless it asks for a faster tier; DEEP_ARCHIVE offers
    // no Expedited retrieval; the restored copy expires `days` after the retrieval finishes.
    void restoreTakesItsTiersTime()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(1'700'000'000'000);
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"cold"_s, u"us-east-1"_s).has_value());
        const auto put = [&](const QString &key, const QString &storageClass) {
            ObjectHeaders headers;
            headers.storageClass = storageClass;
            QVERIFY(service.putObject(u"cold"_s, key, headers, {}, bodyOf("archived bytes"))
                        .has_value());
        };
        put(u"glacier"_s, u"GLACIER"_s);
        put(u"deep"_s, u"DEEP_ARCHIVE"_s);
        constexpr qint64 Minute = 60'000;
        constexpr qint64 Hour = 60 * Minute;
        const auto object = [&](const QString &key) {
            return *service.getObject(u"cold"_s, key);
        };
        const auto restore = [&](const QString &key, const QString &tier) {
            const auto result = service.restoreObject(u"cold"_s, key, {}, 1, tier);
            return result ? (*result ? u"200"_s : u"202"_s) : result.error().code;
        };

        QCOMPARE(S3Service::retrievalMs(u"GLACIER"_s, u"Expedited"_s), Minute);
        QCOMPARE(S3Service::retrievalMs(u"GLACIER"_s, u"Standard"_s), 3 * Hour);
        QCOMPARE(S3Service::retrievalMs(u"GLACIER"_s, u"Bulk"_s), 5 * Hour);
        QCOMPARE(S3Service::retrievalMs(u"DEEP_ARCHIVE"_s, u"Standard"_s), 12 * Hour);
        QCOMPARE(S3Service::retrievalMs(u"DEEP_ARCHIVE"_s, u"Bulk"_s), 48 * Hour);
        QVERIFY(!S3Service::retrievalMs(u"DEEP_ARCHIVE"_s, u"Expedited"_s));

        QCOMPARE(restore(u"glacier"_s, u"Bulk"_s), u"202"_s);
        QVERIFY(service.isRestoring(object(u"glacier"_s)));
        QCOMPARE(service.checkReadable(object(u"glacier"_s)).error().code, u"InvalidObjectState"_s);
        QCOMPARE(restore(u"glacier"_s, u"Bulk"_s), u"RestoreAlreadyInProgress"_s);
        QCOMPARE(restore(u"glacier"_s, u"Standard"_s), u"202"_s); // a speed upgrade
        QCOMPARE(object(u"glacier"_s).headers.restoreReadyMs, clock.nowMs() + 3 * Hour);
        QCOMPARE(restore(u"glacier"_s, u"Bulk"_s), u"RestoreAlreadyInProgress"_s);
        QCOMPARE(restore(u"glacier"_s, u"Expedited"_s), u"202"_s);
        clock.advance(Minute - 1);
        QVERIFY(!service.checkReadable(object(u"glacier"_s)).has_value());
        clock.advance(1);
        QVERIFY(!service.isRestoring(object(u"glacier"_s)));
        QVERIFY(service.checkReadable(object(u"glacier"_s)).has_value());
        QCOMPARE(object(u"glacier"_s).headers.restoreExpiryMs, lifecycleDueMs(clock.nowMs(), 1));
        QCOMPARE(restore(u"glacier"_s, u"Bulk"_s), u"200"_s); // restored: a new expiry only
        QVERIFY(service.checkReadable(object(u"glacier"_s)).has_value());

        const auto deep = service.restoreObject(u"cold"_s, u"deep"_s, {}, 1, u"Expedited"_s);
        QCOMPARE(deep.error().code, u"InvalidArgument"_s);
        QCOMPARE(deep.error().httpStatus, 400);
        QCOMPARE(restore(u"deep"_s, u"Standard"_s), u"202"_s);
        clock.advance(12 * Hour - 1);
        QVERIFY(service.isRestoring(object(u"deep"_s)));
        clock.advance(1);
        QVERIFY(service.checkReadable(object(u"deep"_s)).has_value());
        clock.advance(2 * 24 * Hour); // a day after it finished, until the midnight after
        QVERIFY(!service.checkReadable(object(u"deep"_s)).has_value());
    }

    void lifecycleMinimumObjectSize()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"small"_s, {}).has_value());
        for (const QString &key : {u"ia/k"_s, u"deep/k"_s})
            QVERIFY(service.putObject(u"small"_s, key, {}, {}, bodyOf("tiny")));
        const QString config = uR"(<LifecycleConfiguration><Rule><ID>ia</ID><Status>Enabled</Status>
            <Filter><Prefix>ia/</Prefix></Filter><Transition><Date>2020-01-01T00:00:00Z</Date>
            <StorageClass>STANDARD_IA</StorageClass></Transition></Rule><Rule><ID>deep</ID>
            <Status>Enabled</Status><Filter><Prefix>deep/</Prefix></Filter><Transition>
            <Date>2020-01-01T00:00:00Z</Date><StorageClass>DEEP_ARCHIVE</StorageClass>
            </Transition></Rule></LifecycleConfiguration>)"_s;
        const auto storageClass = [&service](const QString &key) {
            return service.getObject(u"small"_s, key)->headers.storageClass;
        };
        QVERIFY(service.putBucketLifecycle(u"small"_s, config).has_value());
        QCOMPARE(*service.getBucketDocument(u"small"_s, BucketDocument::LifecycleMinimumSize),
            u"all_storage_classes_128K"_s);
        QCOMPARE(storageClass(u"deep/k"_s), u"STANDARD"_s); // under 128 KiB: stays
        QCOMPARE(service.putBucketLifecycle(u"small"_s, config, u"64K"_s).error().code,
            u"InvalidArgument"_s);
        QVERIFY(service.putBucketLifecycle(u"small"_s, config, u"varies_by_storage_class"_s));
        QCOMPARE(storageClass(u"deep/k"_s), u"DEEP_ARCHIVE"_s); // archive classes take them
        QCOMPARE(storageClass(u"ia/k"_s), u"STANDARD"_s);
        QVERIFY(service.putBucketLifecycle(u"small"_s, std::nullopt));
        QVERIFY(!service.getBucketDocument(u"small"_s, BucketDocument::LifecycleMinimumSize)
                     ->has_value());
    }

    void storageMetricsPerStorageClass()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"sized"_s, {}).has_value());
        QVERIFY(service.putObject(u"sized"_s, u"cold"_s, {}, {}, bodyOf(QByteArray(200'000, 'c'))));
        QVERIFY(service.putObject(u"sized"_s, u"warm"_s, {}, {}, bodyOf("warm")));
        const QString config = uR"(<LifecycleConfiguration><Rule><ID>c</ID><Status>Enabled</Status>
            <Filter><Prefix>cold</Prefix></Filter><Transition><Date>2020-01-01T00:00:00Z</Date>
            <StorageClass>DEEP_ARCHIVE</StorageClass></Transition></Rule></LifecycleConfiguration>)"_s;
        QVERIFY(service.putBucketDocument(u"sized"_s, BucketDocument::Lifecycle, config));
        RecordingSink sink;
        service.setMetricSink(&sink);
        sink.reported.sort();
        QCOMPARE(sink.reported,
            QStringList({u"BucketSizeBytes DeepArchiveStorage=200000"_s,
                u"BucketSizeBytes StandardStorage=4"_s,
                u"NumberOfObjects AllStorageTypes=2"_s}));
        service.setMetricSink(nullptr);
    }

    void lifecycleNoncurrentTransitions()
    {
        constexpr qint64 Day = 86'400'000;
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"lcn"_s, {}).has_value());
        QVERIFY(service.putBucketVersioning(u"lcn"_s, Versioning::Enabled).has_value());
        const QString old = service.putObject(u"lcn"_s, u"k"_s, {}, {}, bodyOf("1"))->versionId;
        clock.advance(5 * Day);
        const QString current = service.putObject(u"lcn"_s, u"k"_s, {}, {}, bodyOf("2"))->versionId;
        // A size filter of its own lets small objects move.
        const QString config = uR"(<LifecycleConfiguration><Rule><ID>nc</ID><Status>Enabled</Status>
            <Filter><ObjectSizeGreaterThan>0</ObjectSizeGreaterThan></Filter>
            <NoncurrentVersionTransition><NoncurrentDays>30</NoncurrentDays>
            <StorageClass>STANDARD_IA</StorageClass></NoncurrentVersionTransition>
            <NoncurrentVersionTransition><NoncurrentDays>40</NoncurrentDays>
            <StorageClass>GLACIER_IR</StorageClass></NoncurrentVersionTransition>
            </Rule></LifecycleConfiguration>)"_s;
        QVERIFY(service.putBucketDocument(u"lcn"_s, BucketDocument::Lifecycle, config).has_value());
        clock.advance(29 * Day); // noncurrent for 29 days: nothing due
        QCOMPARE(service.getObject(u"lcn"_s, u"k"_s, old)->headers.storageClass, u"STANDARD"_s);
        clock.advance(2 * Day); // the clock's jump runs the lifecycle pass
        QCOMPARE(service.getObject(u"lcn"_s, u"k"_s, old)->headers.storageClass, u"STANDARD_IA"_s);
        QCOMPARE(service.getObject(u"lcn"_s, u"k"_s, current)->headers.storageClass, u"STANDARD"_s);
        clock.advance(10 * Day);
        const auto versions = service.listObjectVersions(u"lcn"_s, {});
        QCOMPARE(versions->versions.at(1).versionId, old);
        QCOMPARE(versions->versions.at(1).headers.storageClass, u"GLACIER_IR"_s);
        QCOMPARE(service.applyLifecycle(), 0); // nothing colder is due
    }

    void multipartEtagArithmetic()
    {
        const QByteArray a = QCryptographicHash::hash("part one", QCryptographicHash::Md5);
        const QByteArray b = QCryptographicHash::hash("part two", QCryptographicHash::Md5);
        const QString expected = u"\"%1-2\""_s.arg(QString::fromLatin1(
            QCryptographicHash::hash(QByteArray(a + b), QCryptographicHash::Md5).toHex()));
        QCOMPARE(S3Service::multipartEtag({a, b}), expected);
        QCOMPARE(S3Service::multipartEtag({a}).right(3), u"-1\""_s);
    }

    // S3-32..S3-35: every kind of object change reaches the destinations whose events and key
    // filters match; PutBucketNotificationConfiguration checks destinations and tests queues.
    void eventNotificationsFollowObjectChanges()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        RecordingDestinations destinations;
        service.setEventDestinations(&destinations, u"000000000000"_s);
        QVERIFY(service.createBucket(u"evt"_s, {}).has_value());
        const QString queue = u"arn:aws:sqs:us-east-1:000000000000:docs"_s;
        const QString function = u"arn:aws:lambda:us-east-1:000000000000:function:thumbs"_s;
        const QString config =
            u"<NotificationConfiguration><QueueConfiguration><Id>docs</Id><Queue>%1</Queue>"
            u"<Event>s3:ObjectCreated:*</Event><Event>s3:ObjectRemoved:*</Event>"
            u"<Event>s3:ObjectTagging:*</Event><Event>s3:ObjectRestore:*</Event>"
            u"<Event>s3:LifecycleExpiration:*</Event><Event>s3:LifecycleTransition</Event>"
            u"<Filter><S3Key><FilterRule><Name>prefix</Name><Value>docs/</Value></FilterRule>"
            u"</S3Key></Filter></QueueConfiguration><CloudFunctionConfiguration>"
            u"<CloudFunction>%2</CloudFunction><Event>s3:ObjectCreated:Put</Event><Filter><S3Key>"
            u"<FilterRule><Name>prefix</Name><Value>img/</Value></FilterRule>"
            u"<FilterRule><Name>suffix</Name><Value>.png</Value></FilterRule></S3Key></Filter>"
            u"</CloudFunctionConfiguration></NotificationConfiguration>"_s.arg(queue, function);
        QVERIFY(service.putBucketNotification(u"evt"_s, config.toUtf8()).has_value());
        QCOMPARE(destinations.take(), QStringList{queue + u" s3:TestEvent"_s});

        QVERIFY(service.putObject(u"evt"_s, u"docs/a b"_s, {}, {}, bodyOf("a")).has_value());
        QVERIFY(service.putObject(u"evt"_s, u"img/cat.png"_s, {}, {}, bodyOf("png")).has_value());
        QVERIFY(service.putObject(u"evt"_s, u"img/cat.txt"_s, {}, {}, bodyOf("txt")).has_value());
        const QString id =
            service.createMultipartUpload(u"evt"_s, u"docs/m"_s, {}, {}, {})->uploadId;
        const auto part = service.uploadPart(u"evt"_s, u"docs/m"_s, id, 1, bodyOf("part"));
        QVERIFY(service.completeMultipartUpload(u"evt"_s, u"docs/m"_s, id, {{1, part->etag, {}}})
                    .has_value());
        QVERIFY(service.copyObject({u"evt"_s, u"docs/a b"_s, {}}, u"evt"_s, u"docs/c"_s, {}, {})
                    .has_value());
        QVERIFY(service.putObjectTagging(u"evt"_s, u"docs/c"_s, {}, {{u"k"_s, u"v"_s}}));
        QVERIFY(service.putObjectTagging(u"evt"_s, u"docs/c"_s, {}, {}));
        QVERIFY(service.deleteObject(u"evt"_s, u"docs/c"_s).has_value());
        QVERIFY(service.deleteObject(u"evt"_s, u"docs/never-was"_s).has_value()); // no event
        ObjectHeaders glacier;
        glacier.storageClass = u"GLACIER"_s;
        QVERIFY(service.putObject(u"evt"_s, u"docs/cold"_s, glacier, {}, bodyOf("c")));
        QVERIFY(service.restoreObject(u"evt"_s, u"docs/cold"_s, {}, 1, u"Expedited"_s));
        // A second request while the first runs is RestoreAlreadyInProgress: no second event.
        QCOMPARE(
            service.restoreObject(u"evt"_s, u"docs/cold"_s, {}, 1, u"Expedited"_s).error().code,
            u"RestoreAlreadyInProgress"_s);
        QCOMPARE(destinations.take(),
            (QStringList{
                queue + u" ObjectCreated:Put docs/a+b"_s,
                function + u" ObjectCreated:Put img/cat.png"_s,
                queue + u" ObjectCreated:CompleteMultipartUpload docs/m"_s,
                queue + u" ObjectCreated:Copy docs/c"_s,
                queue + u" ObjectTagging:Put docs/c"_s,
                queue + u" ObjectTagging:Delete docs/c"_s,
                queue + u" ObjectRemoved:Delete docs/c"_s,
                queue + u" ObjectCreated:Put docs/cold"_s,
                queue + u" ObjectRestore:Post docs/cold"_s,
            }));
        // The Expedited retrieval takes a minute; moving the clock past it finishes it.
        clock.advance(30'000);
        QVERIFY(destinations.take().isEmpty());
        clock.advance(60'000);
        QCOMPARE(destinations.take(), QStringList{queue + u" ObjectRestore:Completed docs/cold"_s});

        // Versioning: a delete without a version id leaves a marker; removing a version is a
        // Delete.
        QVERIFY(service.putBucketVersioning(u"evt"_s, Versioning::Enabled));
        const QString version =
            service.putObject(u"evt"_s, u"docs/v"_s, {}, {}, bodyOf("v"))->versionId;
        QVERIFY(service.deleteObject(u"evt"_s, u"docs/v"_s)->deleteMarker);
        QVERIFY(service.deleteObject(u"evt"_s, u"docs/v"_s, version).has_value());
        QCOMPARE(destinations.take(),
            (QStringList{queue + u" ObjectCreated:Put docs/v"_s,
                queue + u" ObjectRemoved:DeleteMarkerCreated docs/v"_s,
                queue + u" ObjectRemoved:Delete docs/v"_s}));
        QVERIFY(service.putBucketVersioning(u"evt"_s, Versioning::Suspended));

        // Lifecycle removals and transitions are Lifecycle events, not ObjectRemoved ones.
        QVERIFY(service.putBucketDocument(u"evt"_s,
            BucketDocument::Lifecycle,
            u"<LifecycleConfiguration><Rule><ID>x</ID><Status>Enabled</Status><Filter><Prefix>"
            u"docs/m</Prefix></Filter><Expiration><Days>1</Days></Expiration></Rule><Rule><ID>t"
            u"</ID><Status>Enabled</Status><Filter><And><Prefix>docs/a</Prefix>"
            u"<ObjectSizeGreaterThan>0</ObjectSizeGreaterThan></And></Filter><Transition><Days>"
            u"30</Days><StorageClass>STANDARD_IA</StorageClass></Transition></Rule>"
            u"</LifecycleConfiguration>"_s));
        clock.advance(40LL * 86'400'000);
        service.applyLifecycle();
        QCOMPARE(destinations.take(),
            (QStringList{queue + u" ObjectRestore:Delete docs/cold"_s, // the copy expired
                queue + u" LifecycleExpiration:DeleteMarkerCreated docs/m"_s,
                queue + u" LifecycleTransition docs/a+b"_s}));

        // A destination S3 may not use refuses the whole configuration and keeps the old one.
        const auto refused = service.putBucketNotification(u"evt"_s,
            u"<NotificationConfiguration><QueueConfiguration><Queue>arn:aws:sqs:us-east-1:0:"
            u"refused</Queue><Event>s3:ObjectCreated:*</Event></QueueConfiguration>"
            u"</NotificationConfiguration>"_s.toUtf8());
        QCOMPARE(refused.error().code, u"InvalidArgument"_s);
        QCOMPARE(refused.error().extra.value(0).second, u"arn:aws:sqs:us-east-1:0:refused"_s);
        QVERIFY(destinations.take().isEmpty());
        QVERIFY(service.putObject(u"evt"_s, u"docs/still"_s, {}, {}, bodyOf("s")).has_value());
        QCOMPARE(destinations.take(), QStringList{queue + u" ObjectCreated:Put docs/still"_s});

        // The console's Empty removes every version, one event each.
        QVERIFY(service.emptyBucket(u"evt"_s));
        QCOMPARE(destinations.take(),
            (QStringList{queue + u" ObjectRemoved:Delete docs/a+b"_s,
                queue + u" ObjectRemoved:Delete docs/cold"_s,
                queue + u" ObjectRemoved:Delete docs/m"_s,
                queue + u" ObjectRemoved:Delete docs/still"_s,
                queue + u" ObjectRemoved:Delete docs/v"_s}));

        // Without destinations wired, every destination is refused.
        S3Service unwired(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QCOMPARE(unwired.putBucketNotification(u"evt"_s, config.toUtf8()).error().code,
            u"InvalidArgument"_s);
    }

    void multipartRulesAndBytes()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        const QString objects = temp.dirPath() + u"/objects"_s;
        S3Service service(temp.database(), &clock, objects, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"mpu"_s, {}).has_value());
        const QString id = service.createMultipartUpload(u"mpu"_s, u"k"_s, {}, {}, {})->uploadId;
        const QByteArray big(S3Service::MinPartSize, 'x');
        const auto p1 = service.uploadPart(u"mpu"_s, u"k"_s, id, 1, bodyOf(big));
        const auto p2 = service.uploadPart(u"mpu"_s, u"k"_s, id, 2, bodyOf("end"));
        QVERIFY(p1 && p2);
        QCOMPARE(service.uploadPart(u"mpu"_s, u"k"_s, id, 10001, bodyOf("x")).error().code,
            u"InvalidArgument"_s);
        QCOMPARE(service.uploadPart(u"mpu"_s, u"k"_s, u"nope"_s, 1, bodyOf("x")).error().code,
            u"NoSuchUpload"_s);
        QCOMPARE(service
                     .completeMultipartUpload(
                         u"mpu"_s, u"k"_s, id, {{2, p2->etag, {}}, {1, p1->etag, {}}})
                     .error()
                     .code,
            u"InvalidPartOrder"_s);
        QCOMPARE(service.completeMultipartUpload(u"mpu"_s, u"k"_s, id, {{1, u"\"bad\""_s, {}}})
                     .error()
                     .code,
            u"InvalidPart"_s);
        const auto done = service.completeMultipartUpload(
            u"mpu"_s, u"k"_s, id, {{1, p1->etag, {}}, {2, p2->etag, {}}});
        QVERIFY(done.has_value());
        QCOMPARE(done->size, big.size() + 3);
        QVERIFY(done->etag.endsWith(u"-2\""_s));
        QCOMPARE(fileCount(objects), 1); // the parts were freed, the object is one file
        QVERIFY(service.deleteObject(u"mpu"_s, u"k"_s).has_value());
        QCOMPARE(fileCount(objects), 0);
    }

    void crc64Nvme()
    {
        QCOMPARE(crc64nvme("123456789"), 0xAE8B14860A799888ull); // the CRC-64/NVME check value
        BodyDigest digest(u"crc64nvme"_s);
        digest.addData("1234");
        digest.addData("56789");
        QCOMPARE(digest.checksumBase64(), u"rosUhgp5mIg="_s);
        QCOMPARE(crc64nvme("56789", crc64nvme("1234")), crc64nvme("123456789"));
    }

    void multipartChecksumTypes_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("chosen"); // or the InvalidRequest message
        QTest::newRow("crc32 default") << u"CRC32"_s << QString() << u"COMPOSITE"_s;
        QTest::newRow("crc64nvme default") << u"CRC64NVME"_s << QString() << u"FULL_OBJECT"_s;
        QTest::newRow("sha1 default") << u"SHA1"_s << QString() << u"COMPOSITE"_s;
        QTest::newRow("crc32c full") << u"CRC32C"_s << u"FULL_OBJECT"_s << u"FULL_OBJECT"_s;
        QTest::newRow("crc32 composite") << u"CRC32"_s << u"COMPOSITE"_s << u"COMPOSITE"_s;
        QTest::newRow("sha256 full")
            << u"SHA256"_s << u"FULL_OBJECT"_s
            << u"The FULL_OBJECT checksum type cannot be used with the sha256 checksum algorithm."_s;
        QTest::newRow("crc64nvme composite") << u"CRC64NVME"_s << u"COMPOSITE"_s
                                             << u"The COMPOSITE checksum type cannot be used with "
                                                u"the crc64nvme checksum algorithm."_s;
        QTest::newRow("type alone") << QString() << u"FULL_OBJECT"_s
                                    << u"The x-amz-checksum-type header can only be used with "
                                       u"the x-amz-checksum-algorithm header."_s;
        QTest::newRow("bad type") << u"CRC32"_s << u"WHOLE"_s
                                  << u"Value for x-amz-checksum-type header is invalid."_s;
    }

    void multipartChecksumTypes()
    {
        QFETCH(QString, algorithm);
        QFETCH(QString, type);
        QFETCH(QString, chosen);
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"types"_s, {}).has_value());
        const auto upload =
            service.createMultipartUpload(u"types"_s, u"k"_s, {}, {}, {algorithm, {}, type});
        if (chosen.contains(u' ')) {
            QCOMPARE(upload.error().code, u"InvalidRequest"_s);
            QCOMPARE(upload.error().message, chosen);
            return;
        }
        QVERIFY(upload.has_value());
        QCOMPARE(upload->checksumType, chosen);
        const auto listed = service.listParts(u"types"_s, u"k"_s, upload->uploadId, 0, 10);
        QCOMPARE(listed->upload.checksumType, chosen); // stored
    }

    void multipartFullObjectChecksum()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"full"_s, {}).has_value());
        const QString id =
            service
                .createMultipartUpload(
                    u"full"_s, u"k"_s, {}, {}, {u"CRC32"_s, {}, QLatin1StringView(FullObject)})
                ->uploadId;
        const QByteArray first(S3Service::MinPartSize, 'f');
        const QByteArray second("the end");
        const auto p1 = service.uploadPart(u"full"_s, u"k"_s, id, 1, crc32Part(first));
        const auto p2 = service.uploadPart(u"full"_s, u"k"_s, id, 2, crc32Part(second));
        QVERIFY(p1 && p2);
        // The CRC of the whole object: the parts' CRCs combined.
        const quint32 crc = crc32(second, crc32(first));
        QByteArray raw(4, Qt::Uninitialized);
        qToBigEndian(crc, raw.data());
        const QString expected = QString::fromLatin1(raw.toBase64());
        const QList<CompletedPart> parts = {{1, p1->etag, {}}, {2, p2->etag, {}}};
        QCOMPARE(service
                     .completeMultipartUpload(
                         u"full"_s, u"k"_s, id, parts, {{}, {}, QLatin1StringView(Composite)})
                     .error()
                     .message,
            u"The upload was created using the FULL_OBJECT checksum mode. The complete request "
            u"must use the same checksum mode."_s);
        QCOMPARE(service
                     .completeMultipartUpload(
                         u"full"_s, u"k"_s, id, parts, {u"CRC32"_s, u"AAAAAA=="_s, {}})
                     .error()
                     .code,
            u"BadDigest"_s);
        const auto done = service.completeMultipartUpload(
            u"full"_s, u"k"_s, id, parts, {u"CRC32"_s, expected, QLatin1StringView(FullObject)});
        QVERIFY2(done.has_value(), qPrintable(done ? QString() : done.error().message));
        QCOMPARE(done->checksum.value, expected);
        QCOMPARE(done->checksum.type, u"FULL_OBJECT"_s);
        const auto stored = service.getObject(u"full"_s, u"k"_s);
        QCOMPARE(stored->checksum.value, expected);
        QCOMPARE(stored->checksum.type, u"FULL_OBJECT"_s);
        // A single upload's checksum is FULL_OBJECT too.
        const auto single = service.putObject(u"full"_s, u"one"_s, {}, {}, crc32Part(second));
        QCOMPARE(single->checksum.type, u"FULL_OBJECT"_s);
        QCOMPARE(service.getObject(u"full"_s, u"one"_s)->checksum.type, u"FULL_OBJECT"_s);
    }

    void objectAttributesKeepParts()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"attrs"_s, {}).has_value());
        const QList<QByteArray> data = {
            QByteArray(S3Service::MinPartSize, 'a'), QByteArray(S3Service::MinPartSize, 'b'), "c"};
        const auto upload = [&](const QString &key, const Checksum &checksum) {
            const QString id =
                service.createMultipartUpload(u"attrs"_s, key, {}, {}, checksum)->uploadId;
            QList<CompletedPart> parts;
            for (int number = 1; number <= data.size(); ++number) {
                const auto part = service.uploadPart(u"attrs"_s,
                    key,
                    id,
                    number,
                    checksum.isEmpty() ? bodyOf(data.at(number - 1))
                                       : crc32Part(data.at(number - 1)));
                parts.append({number, part->etag, {}});
            }
            return service.completeMultipartUpload(u"attrs"_s, key, id, parts);
        };
        QVERIFY(upload(u"composite"_s, {u"CRC32"_s, {}, {}}).has_value());

        // The parts outlive the upload: read back from the store, without the bytes.
        const auto object = service.getObjectAttributes(u"attrs"_s, u"composite"_s);
        QVERIFY(object.has_value());
        QVERIFY(object->inlineData.isEmpty());
        QCOMPARE(object->partsCount, 3);
        QCOMPARE(object->parts.size(), 3);
        QCOMPARE(object->parts.at(0).size, S3Service::MinPartSize);
        QCOMPARE(object->parts.at(2).partNumber, 3);
        QCOMPARE(object->parts.at(2).size, 1);
        QCOMPARE(object->parts.at(2).checksum.algorithm, u"CRC32"_s);
        QCOMPARE(object->parts.at(2).checksum.value, crc32Part("c").checksum.value);

        // Paging: MaxParts and PartNumberMarker as ListParts pages.
        auto page = S3Service::objectParts(*object, 0, 2);
        QVERIFY(page.listed);
        QCOMPARE(page.totalPartsCount, 3);
        QCOMPARE(page.parts.size(), 2);
        QVERIFY(page.truncated);
        QCOMPARE(page.nextPartNumberMarker, 2);
        page = S3Service::objectParts(*object, 2, 2);
        QCOMPARE(page.parts.size(), 1);
        QCOMPARE(page.parts.at(0).partNumber, 3);
        QVERIFY(!page.truncated);
        QCOMPARE(page.nextPartNumberMarker, 3);
        QCOMPARE(page.partNumberMarker, 2);
        page = S3Service::objectParts(*object, 3, 2);
        QVERIFY(page.parts.isEmpty());
        QCOMPARE(page.nextPartNumberMarker, 0);
        page = S3Service::objectParts(*object, -5, 0); // ignored values: 0 and 1000
        QCOMPARE(page.partNumberMarker, 0);
        QCOMPARE(page.maxParts, 1000);
        QCOMPARE(page.parts.size(), 3);

        // A copy keeps the source's parts (and its multipart ETag).
        QVERIFY(service.copyObject({u"attrs"_s, u"composite"_s, {}}, u"attrs"_s, u"copy"_s, {}, {})
                    .has_value());
        QCOMPARE(service.getObjectAttributes(u"attrs"_s, u"copy"_s)->parts.size(), 3);

        // Without an additional checksum or with a FULL_OBJECT one, only the count is reported.
        QVERIFY(upload(u"plain"_s, {}).has_value());
        page = S3Service::objectParts(*service.getObjectAttributes(u"attrs"_s, u"plain"_s), 0, 10);
        QVERIFY(!page.listed);
        QCOMPARE(page.totalPartsCount, 3);
        QVERIFY(upload(u"full"_s, {u"CRC32"_s, {}, QLatin1StringView(FullObject)}).has_value());
        page = S3Service::objectParts(*service.getObjectAttributes(u"attrs"_s, u"full"_s), 0, 10);
        QVERIFY(!page.listed);
        QCOMPARE(page.totalPartsCount, 3);

        // A single PUT has no parts; archived objects still answer (metadata only).
        ObjectHeaders glacier;
        glacier.storageClass = u"GLACIER"_s;
        QVERIFY(service.putObject(u"attrs"_s, u"cold"_s, glacier, {}, bodyOf("ice")).has_value());
        const auto cold = service.getObjectAttributes(u"attrs"_s, u"cold"_s);
        QVERIFY(cold.has_value());
        QCOMPARE(cold->headers.storageClass, u"GLACIER"_s);
        QVERIFY(cold->parts.isEmpty());
        QCOMPARE(S3Service::objectParts(*cold, 0, 10).totalPartsCount, 0);
        QVERIFY(!service.checkReadable(*service.getObject(u"attrs"_s, u"cold"_s)).has_value());

        // Errors as GetObject: missing key, version, bucket; a delete marker is NoSuchKey.
        QCOMPARE(service.getObjectAttributes(u"attrs"_s, u"none"_s).error().code, u"NoSuchKey"_s);
        QCOMPARE(service.getObjectAttributes(u"attrs"_s, u"cold"_s, u"v1"_s).error().code,
            u"NoSuchVersion"_s);
        QCOMPARE(
            service.getObjectAttributes(u"nobucket"_s, u"cold"_s).error().code, u"NoSuchBucket"_s);
        QVERIFY(service.putBucketVersioning(u"attrs"_s, Versioning::Enabled).has_value());
        QVERIFY(service.deleteObject(u"attrs"_s, u"cold"_s).has_value());
        const auto marker = service.getObjectAttributes(u"attrs"_s, u"cold"_s);
        QCOMPARE(marker.error().code, u"NoSuchKey"_s);
        QVERIFY(marker.error().extra.contains(std::pair{u"x-amz-delete-marker"_s, u"true"_s}));
    }

    void anonymousPolicyEvaluation_data()
    {
        QTest::addColumn<QString>("statements");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<int>("effect");
        const QString object = u"arn:aws:s3:::b/dir/k"_s;
        const auto row = [](const char *name,
                             const QString &statements,
                             const QString &action,
                             const QString &resource,
                             PolicyEffect effect) {
            QTest::newRow(name) << statements << action << resource << int(effect);
        };
        const QString publicRead =
            u"{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\", \"Resource\":\"arn:aws:s3:::b/*\"}"_s;
        row("public read", publicRead, u"s3:GetObject"_s, object, PolicyEffect::Allow);
        row("other action", publicRead, u"s3:PutObject"_s, object, PolicyEffect::None);
        row("bucket resource",
            publicRead,
            u"s3:GetObject"_s,
            u"arn:aws:s3:::b"_s,
            PolicyEffect::None);
        row("other bucket",
            publicRead,
            u"s3:GetObject"_s,
            u"arn:aws:s3:::bb/k"_s,
            PolicyEffect::None);
        row("action wildcard, any case",
            uR"({"Effect":"Allow","Principal":{"AWS":["*"]},"Action":["S3:get*"],
                "Resource":["arn:aws:s3:::b/dir/?"]})"_s,
            u"s3:GetObject"_s,
            object,
            PolicyEffect::Allow);
        row("account principal",
            uR"({"Effect":"Allow","Principal":{"AWS":
            "arn:aws:iam::000000000000:root"},"Action":"*","Resource":"*"})"_s,
            u"s3:GetObject"_s,
            object,
            PolicyEffect::None);
        row("condition not evaluated",
            uR"({"Effect":"Allow","Principal":"*","Action":"*",
            "Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"127.0.0.1/32"}}})"_s,
            u"s3:GetObject"_s,
            object,
            PolicyEffect::None);
        row("deny wins",
            publicRead
                + u",{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\": \"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b/dir/*\"}"_s,
            u"s3:GetObject"_s,
            object,
            PolicyEffect::Deny);
        row("not principal",
            u"{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\": \"arn:aws:iam::000000000000:root\"},\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::b/pub/*\"}"_s,
            u"s3:GetObject"_s,
            object,
            PolicyEffect::Deny);
    }

    void anonymousPolicyEvaluation()
    {
        QFETCH(QString, statements);
        QFETCH(QString, action);
        QFETCH(QString, resource);
        QFETCH(int, effect);
        const QString policy = uR"({"Version":"2012-10-17","Statement":[%1]})"_s.arg(statements);
        QCOMPARE(int(evaluateAnonymous(policy, action, resource)), effect);
    }

    void anonymousAccessAndBlockPublicAccess()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"pub"_s, {}).has_value());
        QVERIFY(service.putObject(u"pub"_s, u"k"_s, {}, {}, bodyOf("k")).has_value());
        const auto anonymous = [&service](const QString &key, const QString &action) {
            const auto allowed = service.authorizeAnonymous(u"pub"_s, key, {}, action);
            return allowed ? QString() : allowed.error().code;
        };
        const QString denied = u"AccessDenied"_s;
        QCOMPARE(anonymous(u"k"_s, u"s3:GetObject"_s), denied); // private by default
        QCOMPARE(
            service.authorizeAnonymous(u"nobucket"_s, u"k"_s, {}, u"s3:GetObject"_s).has_value(),
            true); // left to the operation: NoSuchBucket

        // A public policy (Block Public Access lifted to store it) opens what it names.
        QVERIFY(
            service.putPublicAccessBlock(u"pub"_s, PublicAccessBlock{false, false, false, false})
                .has_value());
        const QString policy =
            u"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\", \"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::pub/*\"},{\"Effect\":\"Deny\", \"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::pub/secret/*\"}]}"_s;
        QVERIFY(service.putBucketDocument(u"pub"_s, BucketDocument::Policy, policy).has_value());
        QCOMPARE(anonymous(u"k"_s, u"s3:GetObject"_s), QString());
        QCOMPARE(anonymous(u"secret/x"_s, u"s3:GetObject"_s), denied);
        QCOMPARE(anonymous({}, u"s3:ListBucket"_s), denied);
        // RestrictPublicBuckets: a bucket with a public policy is closed to anonymous requests.
        QVERIFY(service.putPublicAccessBlock(u"pub"_s, PublicAccessBlock{false, false, false, true})
                    .has_value());
        QCOMPARE(anonymous(u"k"_s, u"s3:GetObject"_s), denied);
        QVERIFY(service.putBucketDocument(u"pub"_s, BucketDocument::Policy, std::nullopt));

        // Public ACLs count only where ACLs are enabled and IgnorePublicAcls is off.
        QVERIFY(service.putBucketOwnership(u"pub"_s, u"ObjectWriter"_s).has_value());
        QVERIFY(
            service.putPublicAccessBlock(u"pub"_s, PublicAccessBlock{false, false, false, false})
                .has_value());
        QVERIFY(service.putObjectAcl(u"pub"_s, u"k"_s, {}, *cannedAcl(u"public-read"_s)));
        QVERIFY(service.putBucketAcl(u"pub"_s, *cannedAcl(u"authenticated-read"_s)));
        QCOMPARE(anonymous(u"k"_s, u"s3:GetObject"_s), QString());
        QCOMPARE(anonymous(u"k"_s, u"s3:GetObjectAcl"_s), denied); // READ is not READ_ACP
        QCOMPARE(anonymous({}, u"s3:ListBucket"_s), denied); // AuthenticatedUsers: not anonymous
        QVERIFY(service.putBucketAcl(u"pub"_s, *cannedAcl(u"public-read-write"_s)));
        QCOMPARE(anonymous({}, u"s3:ListBucket"_s), QString());
        QCOMPARE(anonymous(u"new"_s, u"s3:PutObject"_s), QString()); // bucket WRITE
        QVERIFY(service.putPublicAccessBlock(u"pub"_s, PublicAccessBlock{false, true, false, false})
                    .has_value());
        QCOMPARE(anonymous(u"k"_s, u"s3:GetObject"_s), denied);
        QCOMPARE(anonymous({}, u"s3:ListBucket"_s), denied);
        QCOMPARE(anonymous(u"new"_s, u"s3:PutObject"_s), denied);
    }

    // Signed requests are the account's root user: nothing but an explicit Deny of the bucket
    // policy stops them (S3-23/24), and the policy itself can always be read, replaced and
    // deleted, so no policy locks its owner out.
    void signedRequestsStopOnlyAtAnExplicitDeny()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(1'700'000'000'000);
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"locked"_s, u"us-east-1"_s).has_value());
        const Core::S3::PolicyPrincipal root{u"000000000000"_s, {}};
        const auto owner = [&](const QString &key, const QString &action, PolicyContext context) {
            const auto allowed =
                service.authorize(u"locked"_s, key, {}, action, root, std::move(context));
            return allowed ? QString() : allowed.error().code;
        };
        const QString denied = u"AccessDenied"_s;
        QVERIFY(!service.hasBucketPolicy(u"locked"_s));
        QCOMPARE(owner(u"k"_s, u"s3:PutObject"_s, {}), QString()); // no policy: everything
        // "Deny unencrypted uploads" and "deny deletes unless MFA", as the courses write them.
        const QString policy = QString(
            u"{'Statement':[{'Effect':'Deny','Principal':'*','Action':'s3:PutObject','Resource':"
            u"'arn:aws:s3:::locked/*','Condition':{'StringNotEquals':{"
            u"'s3:x-amz-server-side-encryption':'AES256'}}},{'Effect':'Deny','Principal':{'AWS':"
            u"'arn:aws:iam::000000000000:root'},'Action':['s3:DeleteObject','s3:*Policy'],"
            u"'Resource':['arn:aws:s3:::locked','arn:aws:s3:::locked/*'],'Condition':{"
            u"'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}},{'Effect':'Deny',"
            u"'Principal':{'AWS':'arn:aws:iam::111122223333:root'},'Action':'s3:GetObject',"
            u"'Resource':'arn:aws:s3:::locked/*'}]}"_s)
                                   .replace(u'\'', u'"');
        QVERIFY(service.putBucketDocument(u"locked"_s, BucketDocument::Policy, policy));
        QVERIFY(service.hasBucketPolicy(u"locked"_s));
        PolicyContext encrypted;
        encrypted.set(u"s3:x-amz-server-side-encryption"_s, u"AES256"_s);
        QCOMPARE(owner(u"k"_s, u"s3:PutObject"_s, {}), denied);
        QCOMPARE(owner(u"k"_s, u"s3:PutObject"_s, encrypted), QString());
        QCOMPARE(owner(u"k"_s, u"s3:DeleteObject"_s, {}), denied); // no MFA with access keys
        PolicyContext mfa;
        mfa.set(u"aws:MultiFactorAuthPresent"_s, u"true"_s);
        QCOMPARE(owner(u"k"_s, u"s3:DeleteObject"_s, mfa), QString());
        QCOMPARE(owner(u"k"_s, u"s3:GetObject"_s, {}), QString()); // denies another account
        for (const QString &action :
            {u"s3:GetBucketPolicy"_s, u"s3:PutBucketPolicy"_s, u"s3:DeleteBucketPolicy"_s})
            QCOMPARE(owner({}, action, {}), QString());
        // The anonymous principal is still private by default.
        QCOMPARE(
            service.authorizeAnonymous(u"locked"_s, u"k"_s, {}, u"s3:GetObject"_s).error().code,
            denied);
    }

    void presignedUrlNamesBucketKeyAndExpiry()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock(1'700'000'000'000);
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"signed"_s, u"eu-west-1"_s).has_value());
        const QString url =
            service.presignedGetUrl(u"http://127.0.0.1:4566"_s, u"signed"_s, u"a b/c.txt"_s, 60);
        QVERIFY(url.startsWith(u"http://127.0.0.1:4566/signed/a%20b/c.txt?"_s));
        QVERIFY(
            url.contains(u"X-Amz-Credential=test%2F20231114%2Feu-west-1%2Fs3%2Faws4_request"_s));
        QVERIFY(url.contains(u"X-Amz-Date=20231114T221320Z"_s));
        QVERIFY(url.contains(u"X-Amz-Expires=60&"_s));
        QCOMPARE(url.section(u"X-Amz-Signature="_s, 1).size(), 64);
    }

    void recoveryRemovesOrphans()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        const QString objects = temp.dirPath() + u"/objects"_s;
        S3Service service(temp.database(), &clock, objects, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"rec"_s, {}).has_value());
        QVERIFY(service.putObject(u"rec"_s, u"big"_s, {}, {}, bodyOf(QByteArray(100000, 'b'))));
        QDir().mkpath(objects + u"/ab"_s);
        QFile orphan(objects + u"/ab/abababababababababababababababab"_s);
        QVERIFY(orphan.open(QIODevice::WriteOnly));
        orphan.close();
        QFile staging(objects + u"/staging/half"_s);
        QVERIFY(staging.open(QIODevice::WriteOnly));
        staging.close();
        QCOMPARE(fileCount(objects), 3);
        service.recover();
        QCOMPARE(fileCount(objects), 1);
        QCOMPARE(service.getObject(u"rec"_s, u"big"_s)->size, 100000);
    }

    // Object files are not fsync'd: a power loss can leave a committed row naming a file the
    // kernel never wrote out (empty or short). Start-up drops such rows; intact ones stay.
    void recoveryRemovesRowsWhoseFileLostBytes()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        const QString objects = temp.dirPath() + u"/objects"_s;
        S3Service service(temp.database(), &clock, objects, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"torn"_s, {}).has_value());
        const auto torn =
            service.putObject(u"torn"_s, u"torn"_s, {}, {}, bodyOf(QByteArray(100000, 't')));
        QVERIFY(torn.has_value());
        QVERIFY(service.putObject(u"torn"_s, u"kept"_s, {}, {}, bodyOf(QByteArray(100000, 'k'))));
        QFile file(torn->filePath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate)); // as after a power loss
        file.close();
        service.recover();
        QCOMPARE(service.getObject(u"torn"_s, u"torn"_s).error().code, u"NoSuchKey"_s);
        QCOMPARE(service.getObject(u"torn"_s, u"kept"_s)->size, 100000);
        QCOMPARE(fileCount(objects), 1);
    }

    // User metadata may take 2 KB (UTF-8 bytes of names and values) in PutObject, CopyObject
    // with new metadata and CreateMultipartUpload; one byte more is MetadataTooLarge.
    void metadataSizeLimit()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"meta"_s, {}).has_value());
        ObjectHeaders fits;
        fits.metadata = {{u"a"_s, QString(1023, u'x')}, {u"\u00e9"_s, QString(1022, u'y')}};
        ObjectHeaders tooLarge = fits;
        tooLarge.metadata[1].second += u'y';
        QVERIFY(service.putObject(u"meta"_s, u"k"_s, fits, {}, bodyOf("v")).has_value());
        const auto refused = service.putObject(u"meta"_s, u"big"_s, tooLarge, {}, bodyOf("v"));
        QCOMPARE(refused.error().code, u"MetadataTooLarge"_s);
        QCOMPARE(refused.error().message,
            u"Your metadata headers exceed the maximum allowed metadata size"_s);
        QCOMPARE(service.getObject(u"meta"_s, u"big"_s).error().code, u"NoSuchKey"_s);
        QCOMPARE(service.copyObject({u"meta"_s, u"k"_s, {}}, u"meta"_s, u"c"_s, tooLarge, {})
                     .error()
                     .code,
            u"MetadataTooLarge"_s);
        QVERIFY(service.copyObject({u"meta"_s, u"k"_s, {}}, u"meta"_s, u"c"_s, {}, {}));
        QCOMPARE(service.createMultipartUpload(u"meta"_s, u"m"_s, tooLarge, {}, {}).error().code,
            u"MetadataTooLarge"_s);
    }
};

QTEST_GUILESS_MAIN(tst_S3Service)
#include "tst_s3service.moc"
