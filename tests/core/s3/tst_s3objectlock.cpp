// SPDX-License-Identifier: MIT
// Pins S3 Object Lock (S3-20) in S3Service: the bucket configuration (validation table,
// versioning required and then fixed), the lock new versions get (requested or default
// retention, errors), how GOVERNANCE and COMPLIANCE retentions may change, and that versions
// under retention or legal hold survive DeleteObject, lifecycle and Empty bucket until the
// engine clock passes their date.
#include "core/common/clock.h"
#include "core/s3/bodydigest.h"
#include "core/s3/s3service.h"
#include "tests/support/tempdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::S3;

namespace {

constexpr qint64 Hour = 3'600'000;
constexpr qint64 Day = 24 * Hour;

ObjectBody bodyOf(const QByteArray &data)
{
    BodyDigest digest;
    digest.addData(data);
    return {data, {}, digest.size(), digest.md5Hex(), {}};
}

ObjectLock retention(const char *mode, qint64 untilMs)
{
    return {QString::fromLatin1(mode), untilMs, {}};
}

// A service on a manual clock with one Object Lock bucket, "vault".
struct Fixture
{
    Tests::TempDatabase temp;
    Core::ManualClock clock;
    S3Service service{temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s};

    Fixture() { [[maybe_unused]] auto created = service.createBucket(u"vault"_s, {}, true); }
    qint64 now() const { return clock.nowMs(); }
    QString put(const ObjectLock &lock, const QString &key = u"k"_s)
    {
        const auto object = service.putObject(u"vault"_s, key, {}, {}, bodyOf("data"), lock);
        return object ? object->versionId : object.error().code;
    }
    QString deleteVersion(const QString &versionId, bool bypass = false)
    {
        const auto deleted = service.deleteObject(u"vault"_s, u"k"_s, versionId, bypass);
        return deleted ? u"deleted"_s : deleted.error().code;
    }
};

} // namespace

class tst_S3ObjectLock final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void configurationParsing_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("error"); // "" when valid
        QTest::newRow("enabled only") << QString() << QString();
        QTest::newRow("days") << u"<Mode>GOVERNANCE</Mode><Days>5</Days>"_s << QString();
        QTest::newRow("years") << u"<Mode>COMPLIANCE</Mode><Years>1</Years>"_s << QString();
        QTest::newRow("days and years")
            << u"<Mode>GOVERNANCE</Mode><Days>1</Days><Years>1</Years>"_s << u"MalformedXML"_s;
        QTest::newRow("no period") << u"<Mode>GOVERNANCE</Mode>"_s << u"MalformedXML"_s;
        QTest::newRow("no mode") << u"<Days>1</Days>"_s << u"MalformedXML"_s;
        QTest::newRow("unknown mode")
            << u"<Mode>FOREVER</Mode><Days>1</Days>"_s << u"MalformedXML"_s;
        QTest::newRow("zero days")
            << u"<Mode>GOVERNANCE</Mode><Days>0</Days>"_s << u"InvalidArgument"_s;
    }

    void configurationParsing()
    {
        QFETCH(QString, rule);
        QFETCH(QString, error);
        QString xml = u"<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"_s;
        if (!rule.isEmpty())
            xml += u"<Rule><DefaultRetention>"_s + rule + u"</DefaultRetention></Rule>"_s;
        xml += u"</ObjectLockConfiguration>"_s;
        const auto config = ObjectLockConfig::parse(xml.toUtf8());
        QCOMPARE(config ? QString() : config.error().code, error);
        if (config) // round trip: what GetObjectLockConfiguration answers parses back the same
            QCOMPARE(ObjectLockConfig::parse(config->toXml())->toXml(), config->toXml());
        QCOMPARE(
            ObjectLockConfig::parse("<ObjectLockConfiguration/>").error().code, u"MalformedXML"_s);
    }

    void bucketConfiguration()
    {
        Fixture f;
        QCOMPARE(f.service.headBucket(u"vault"_s)->versioning, Versioning::Enabled);
        QVERIFY(f.service.getObjectLockConfiguration(u"vault"_s)->mode.isEmpty());
        QCOMPARE(f.service.putBucketVersioning(u"vault"_s, Versioning::Suspended).error().code,
            u"InvalidBucketState"_s);

        QVERIFY(f.service.createBucket(u"plain"_s, {}).has_value());
        QCOMPARE(f.service.getObjectLockConfiguration(u"plain"_s).error().code,
            u"ObjectLockConfigurationNotFoundError"_s);
        const ObjectLockConfig rule{u"GOVERNANCE"_s, 3, 0};
        QCOMPARE(f.service.putObjectLockConfiguration(u"plain"_s, rule).error().code,
            u"InvalidBucketState"_s);
        // An existing bucket may get Object Lock once versioned.
        QVERIFY(f.service.putBucketVersioning(u"plain"_s, Versioning::Enabled).has_value());
        QVERIFY(f.service.putObjectLockConfiguration(u"plain"_s, rule).has_value());
        QCOMPARE(f.service.getObjectLockConfiguration(u"plain"_s)->days, 3);
    }

    void writes()
    {
        Fixture f;
        QVERIFY(f.service.createBucket(u"plain"_s, {}).has_value());
        QCOMPARE(
            f.service
                .putObject(
                    u"plain"_s, u"k"_s, {}, {}, bodyOf("x"), retention("GOVERNANCE", f.now() + Day))
                .error()
                .message,
            u"Bucket is missing Object Lock Configuration"_s);
        QCOMPARE(f.put(retention("GOVERNANCE", -1)), u"InvalidArgument"_s);
        QCOMPARE(f.put(ObjectLock{{}, f.now() + Day, {}}), u"InvalidArgument"_s);
        QCOMPARE(f.put(retention("GOVERNANCE", f.now() - 1)), u"InvalidArgument"_s);
        // No request and no default: no lock.
        const QString unlocked = f.put({});
        QVERIFY(f.service.getObject(u"vault"_s, u"k"_s, unlocked)->headers.lock.isEmpty());

        // The default retention applies unless the request names its own.
        QVERIFY(f.service.putObjectLockConfiguration(u"vault"_s, {u"COMPLIANCE"_s, 2, 0}));
        const QString byDefault = f.put({});
        const ObjectLock lock = f.service.getObject(u"vault"_s, u"k"_s, byDefault)->headers.lock;
        QCOMPARE(lock.mode, u"COMPLIANCE"_s);
        QCOMPARE(lock.retainUntilMs, f.now() + 2 * Day);
        const QString explicitOne = f.put(retention("GOVERNANCE", f.now() + Hour));
        QCOMPARE(f.service.getObject(u"vault"_s, u"k"_s, explicitOne)->headers.lock.mode,
            u"GOVERNANCE"_s);
        // A legal hold alone still gets the default retention.
        const QString held = f.put({{}, -1, u"ON"_s});
        QCOMPARE(f.service.getObject(u"vault"_s, u"k"_s, held)->headers.lock.legalHold, u"ON"_s);
        QCOMPARE(f.service.getObject(u"vault"_s, u"k"_s, held)->headers.lock.mode, u"COMPLIANCE"_s);

        // A copy never takes the source's lock: it gets the destination's default or none.
        const auto copy = f.service.copyObject(
            {u"vault"_s, u"k"_s, explicitOne}, u"plain"_s, u"copy"_s, std::nullopt, std::nullopt);
        QVERIFY(copy.has_value());
        QVERIFY(copy->headers.lock.isEmpty());
        // Multipart uploads carry the lock to the completed object.
        const auto upload = f.service.createMultipartUpload(
            u"vault"_s, u"mp"_s, {}, {}, {}, {}, retention("GOVERNANCE", f.now() + Hour));
        QVERIFY(upload.has_value());
        QCOMPARE(upload->headers.lock.mode, u"GOVERNANCE"_s);
    }

    void retentionChanges_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("newMode"); // "" removes the retention
        QTest::addColumn<qint64>("newUntil"); // hours from now
        QTest::addColumn<bool>("bypass");
        QTest::addColumn<QString>("error");
        QTest::newRow("governance extended")
            << u"GOVERNANCE"_s << u"GOVERNANCE"_s << 48LL << false << QString();
        QTest::newRow("governance shortened")
            << u"GOVERNANCE"_s << u"GOVERNANCE"_s << 1LL << false << u"AccessDenied"_s;
        QTest::newRow("governance shortened, bypass")
            << u"GOVERNANCE"_s << u"GOVERNANCE"_s << 1LL << true << QString();
        QTest::newRow("governance removed")
            << u"GOVERNANCE"_s << QString() << -1LL << false << u"AccessDenied"_s;
        QTest::newRow("governance removed, bypass")
            << u"GOVERNANCE"_s << QString() << -1LL << true << QString();
        QTest::newRow("governance to compliance")
            << u"GOVERNANCE"_s << u"COMPLIANCE"_s << 48LL << false << u"AccessDenied"_s;
        QTest::newRow("governance to compliance, bypass")
            << u"GOVERNANCE"_s << u"COMPLIANCE"_s << 24LL << true << QString();
        QTest::newRow("compliance extended")
            << u"COMPLIANCE"_s << u"COMPLIANCE"_s << 48LL << false << QString();
        QTest::newRow("compliance shortened, bypass")
            << u"COMPLIANCE"_s << u"COMPLIANCE"_s << 1LL << true << u"AccessDenied"_s;
        QTest::newRow("compliance removed, bypass")
            << u"COMPLIANCE"_s << QString() << -1LL << true << u"AccessDenied"_s;
        QTest::newRow("compliance to governance, bypass")
            << u"COMPLIANCE"_s << u"GOVERNANCE"_s << 48LL << true << u"AccessDenied"_s;
        QTest::newRow("date in the past")
            << u"GOVERNANCE"_s << u"GOVERNANCE"_s << -2LL << true << u"InvalidArgument"_s;
    }

    void retentionChanges()
    {
        QFETCH(QString, mode);
        QFETCH(QString, newMode);
        QFETCH(qint64, newUntil);
        QFETCH(bool, bypass);
        QFETCH(QString, error);
        Fixture f;
        const QString version = f.put({mode, f.now() + 24 * Hour, {}});
        const qint64 until = newMode.isEmpty() ? -1 : f.now() + newUntil * Hour;
        const auto changed =
            f.service.putObjectRetention(u"vault"_s, u"k"_s, version, newMode, until, bypass);
        QCOMPARE(changed ? QString() : changed.error().code, error);
        const auto lock = f.service.getObjectLock(u"vault"_s, u"k"_s, version);
        QCOMPARE(lock->mode, error.isEmpty() ? newMode : mode);
    }

    void retentionAndLegalHoldNeedObjectLock()
    {
        Fixture f;
        QVERIFY(f.service.createBucket(u"plain"_s, {}).has_value());
        QVERIFY(f.service.putObject(u"plain"_s, u"k"_s, {}, {}, bodyOf("x")).has_value());
        QCOMPARE(f.service.getObjectLock(u"plain"_s, u"k"_s, {}).error().code, u"InvalidRequest"_s);
        QCOMPARE(f.service.putObjectLegalHold(u"plain"_s, u"k"_s, {}, u"ON"_s).error().code,
            u"InvalidRequest"_s);
        QCOMPARE(
            f.service
                .putObjectRetention(u"plain"_s, u"k"_s, {}, u"GOVERNANCE"_s, f.now() + Day, false)
                .error()
                .code,
            u"InvalidRequest"_s);
        f.put({});
        QCOMPARE(f.service.putObjectLegalHold(u"vault"_s, u"k"_s, {}, u"MAYBE"_s).error().code,
            u"MalformedXML"_s);
    }

    void protectionEndsWithTheClock()
    {
        Fixture f;
        const QString governed = f.put(retention("GOVERNANCE", f.now() + Hour));
        QCOMPARE(f.deleteVersion(governed), u"AccessDenied"_s);
        // Without a version id a delete marker hides the object; nothing is lost.
        const auto marker = f.service.deleteObject(u"vault"_s, u"k"_s);
        QVERIFY(marker && marker->deleteMarker);
        QVERIFY(f.service.getObject(u"vault"_s, u"k"_s, governed).has_value());

        const QString compliant = f.put(retention("COMPLIANCE", f.now() + Hour));
        QCOMPARE(f.deleteVersion(compliant, true), u"AccessDenied"_s);
        const QString held = f.put({});
        QVERIFY(f.service.putObjectLegalHold(u"vault"_s, u"k"_s, held, u"ON"_s).has_value());
        QCOMPARE(f.service.getObjectLock(u"vault"_s, u"k"_s, held)->legalHold, u"ON"_s);
        QCOMPARE(f.deleteVersion(held, true), u"AccessDenied"_s);

        f.clock.advance(Hour + 1);
        QCOMPARE(f.deleteVersion(compliant), u"deleted"_s);
        QCOMPARE(f.deleteVersion(governed), u"deleted"_s);
        QCOMPARE(f.deleteVersion(held), u"AccessDenied"_s); // a legal hold has no end date
        QVERIFY(f.service.putObjectLegalHold(u"vault"_s, u"k"_s, held, u"OFF"_s).has_value());
        QCOMPARE(f.service.getObjectLock(u"vault"_s, u"k"_s, held)->legalHold, u"OFF"_s);
        QCOMPARE(f.deleteVersion(held), u"deleted"_s);
        QCOMPARE(f.service.emptyBucket(u"vault"_s).value(), 0);
    }

    void emptyBucketKeepsOnlyLockedVersions()
    {
        Fixture f;
        const QString governed = f.put(retention("GOVERNANCE", f.now() + Hour));
        const QString held = f.put({});
        QVERIFY(f.service.putObjectLegalHold(u"vault"_s, u"k"_s, held, u"ON"_s).has_value());
        const QString free = f.put({}, u"free"_s);
        const auto marker = f.service.deleteObject(u"vault"_s, u"k"_s);
        QVERIFY(marker && marker->deleteMarker);

        // The console deletes what Object Lock allows and says how many versions stayed.
        QCOMPARE(f.service.emptyBucket(u"vault"_s).value(), 2);
        QVERIFY(f.service.getObject(u"vault"_s, u"k"_s, governed).has_value());
        QVERIFY(f.service.getObject(u"vault"_s, u"k"_s, held).has_value());
        QCOMPARE(f.service.getObject(u"vault"_s, u"free"_s, free).error().code, u"NoSuchVersion"_s);
        // The delete marker went, so the newest kept version is the current object again.
        QCOMPARE(f.service.getObject(u"vault"_s, u"k"_s)->versionId, held);

        f.clock.advance(Hour + 1);
        QVERIFY(f.service.putObjectLegalHold(u"vault"_s, u"k"_s, held, u"OFF"_s).has_value());
        QCOMPARE(f.service.emptyBucket(u"vault"_s).value(), 0);
        QVERIFY(f.service.deleteBucket(u"vault"_s).has_value());
    }

    void lifecycleKeepsLockedVersions()
    {
        Fixture f;
        const QString locked = f.put(retention("COMPLIANCE", f.now() + 10 * Day));
        const QString current = f.put({}); // the locked version becomes noncurrent
        const QString config = uR"(<LifecycleConfiguration><Rule><ID>nc</ID><Status>Enabled</Status>
            <Filter/><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays>
            </NoncurrentVersionExpiration></Rule></LifecycleConfiguration>)"_s;
        QVERIFY(
            f.service.putBucketDocument(u"vault"_s, BucketDocument::Lifecycle, config).has_value());
        f.clock.advance(3 * Day); // runs the lifecycle
        QVERIFY(f.service.getObject(u"vault"_s, u"k"_s, locked).has_value());
        f.clock.advance(8 * Day);
        QCOMPARE(f.service.getObject(u"vault"_s, u"k"_s, locked).error().code, u"NoSuchVersion"_s);
        QCOMPARE(f.service.getObject(u"vault"_s, u"k"_s)->versionId, current);
    }
};

QTEST_GUILESS_MAIN(tst_S3ObjectLock)
#include "tst_s3objectlock.moc"
