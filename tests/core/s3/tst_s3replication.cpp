// SPDX-License-Identifier: MIT
// Pins S3 replication (S3-38) in S3Service: the configuration's schema checks (V1 and V2 rules),
// the bucket preconditions (versioning on both sides, an existing other destination, no
// suspension while configured), and what replicates: new versions covered by an enabled rule
// (prefix and tags), with their version id, metadata, tags and bytes, PENDING then COMPLETED at
// the source and REPLICA at the destination; delete markers only where the rule says so;
// never a version-specific delete, an object written before the configuration, or a replica.
#include "core/common/clock.h"
#include "core/s3/bodydigest.h"
#include "core/s3/replicationconfig.h"
#include "core/s3/s3service.h"
#include "tests/support/tempdatabase.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::S3;

namespace {

ObjectBody bodyOf(const QByteArray &data)
{
    BodyDigest digest;
    digest.addData(data);
    return {data, {}, digest.size(), digest.md5Hex(), {}};
}

QByteArray document(const QString &rules)
{
    return (u"<ReplicationConfiguration><Role>arn:aws:iam::000000000000:role/r</Role>"_s + rules
        + u"</ReplicationConfiguration>"_s)
        .toUtf8();
}

// A V2 rule to `destination`: prefix filter, priority, delete marker replication.
QString rule(const QString &destination,
    const QString &prefix = {},
    int priority = 1,
    bool deleteMarkers = false,
    const QString &id = {})
{
    return u"<Rule>"_s + (id.isEmpty() ? QString() : u"<ID>"_s + id + u"</ID>"_s) + u"<Priority>"_s
        + QString::number(priority) + u"</Priority><Filter><Prefix>"_s + prefix
        + u"</Prefix></Filter><Status>Enabled</Status><DeleteMarkerReplication><Status>"_s
        + (deleteMarkers ? u"Enabled"_s : u"Disabled"_s)
        + u"</Status></DeleteMarkerReplication><Destination><Bucket>arn:aws:s3:::"_s + destination
        + u"</Bucket></Destination></Rule>"_s;
}

// A service on a manual clock with versioned buckets "src" and "dst".
struct Fixture
{
    Tests::TempDatabase temp;
    Core::ManualClock clock;
    S3Service service{temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s};

    Fixture()
    {
        for (const QString &name : {u"src"_s, u"dst"_s}) {
            [[maybe_unused]] auto created = service.createBucket(name, {});
            [[maybe_unused]] auto versioned =
                service.putBucketVersioning(name, Versioning::Enabled);
        }
    }
    QString configure(const QByteArray &xml, const QString &bucket = u"src"_s)
    {
        const auto config = ReplicationConfig::parse(xml);
        if (!config)
            return config.error().code;
        const auto done = service.putBucketReplication(bucket, *config);
        return done ? u"ok"_s : done.error().code + u": "_s + done.error().message;
    }
    S3Object put(const QString &key, const QByteArray &data = "data", const Tags &tags = {})
    {
        ObjectHeaders headers;
        headers.metadata = {{u"colour"_s, u"blue"_s}};
        return service.putObject(u"src"_s, key, headers, tags, bodyOf(data)).value();
    }
    QString status(const QString &bucket, const QString &key, const QString &versionId = {})
    {
        const auto object = service.getObject(bucket, key, versionId);
        return object ? object->headers.replicationStatus : object.error().code;
    }
};

} // namespace

class tst_S3Replication final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void configurationParsing_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("error"); // "" when valid
        QTest::newRow("v2 rule") << document(rule(u"dst"_s)) << QString();
        QTest::newRow("v1 rule") << document(
            u"<Rule><Prefix>a/</Prefix><Status>Enabled</Status><Destination><Bucket>"
            u"arn:aws:s3:::dst</Bucket></Destination></Rule>"_s)
                                 << QString();
        QTest::newRow("no role") << (u"<ReplicationConfiguration>"_s + rule(u"dst"_s)
            + u"</ReplicationConfiguration>"_s)
                                        .toUtf8()
                                 << u"MalformedXML"_s;
        QTest::newRow("no rule") << document({}) << u"MalformedXML"_s;
        QTest::newRow("bad status") << document(rule(u"dst"_s).replace(
            u"<Status>Enabled</Status><Delete"_s, u"<Status>On</Status><Delete"_s))
                                    << u"MalformedXML"_s;
        QTest::newRow("v2 without priority")
            << document(rule(u"dst"_s).replace(u"<Priority>1</Priority>"_s, QString()))
            << u"InvalidRequest"_s;
        QTest::newRow("v2 without delete markers")
            << document(u"<Rule><Priority>1</Priority><Filter/><Status>Enabled</Status>"
                        u"<Destination><Bucket>arn:aws:s3:::dst</Bucket></Destination></Rule>"_s)
            << u"InvalidRequest"_s;
        QTest::newRow("v1 with delete markers")
            << document(u"<Rule><Prefix/><Status>Enabled</Status><DeleteMarkerReplication><Status>"
                        u"Enabled</Status></DeleteMarkerReplication><Destination><Bucket>"
                        u"arn:aws:s3:::dst</Bucket></Destination></Rule>"_s)
            << u"InvalidRequest"_s;
        QTest::newRow("not an arn")
            << document(rule(u"dst"_s).replace(u"arn:aws:s3:::dst"_s, u"dst"_s))
            << u"InvalidArgument"_s;
        QTest::newRow("same id twice") << document(
            rule(u"dst"_s, {}, 1, false, u"r"_s) + rule(u"dst"_s, u"x"_s, 2, false, u"r"_s))
                                       << u"InvalidArgument"_s;
        QTest::newRow("same priority, one destination")
            << document(rule(u"dst"_s) + rule(u"dst"_s, u"x"_s)) << u"InvalidRequest"_s;
    }

    void configurationParsing()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, error);
        const auto config = ReplicationConfig::parse(xml);
        QCOMPARE(config ? QString() : config.error().code, error);
        if (config) // what GetBucketReplication answers parses back to the same rules
            QCOMPARE(ReplicationConfig::parse(config->toXml()).value(), *config);
    }

    void bucketPreconditions()
    {
        Fixture f;
        [[maybe_unused]] auto plain = f.service.createBucket(u"plain"_s, {});
        QCOMPARE(f.configure(document(rule(u"dst"_s)), u"plain"_s),
            u"InvalidRequest: Versioning must be 'Enabled' on the bucket to apply a replication "
            u"configuration"_s);
        QCOMPARE(f.configure(document(rule(u"missing"_s))),
            u"InvalidRequest: Destination bucket must exist."_s);
        QCOMPARE(f.configure(document(rule(u"plain"_s))),
            u"InvalidRequest: Destination bucket must have versioning enabled."_s);
        QCOMPARE(f.configure(document(rule(u"src"_s))),
            u"InvalidRequest: Destination bucket cannot be the same as the source bucket."_s);
        QVERIFY(!f.service.getBucketReplication(u"src"_s).value().has_value());

        QCOMPARE(f.configure(document(rule(u"dst"_s))), u"ok"_s);
        QCOMPARE(f.service.putBucketVersioning(u"src"_s, Versioning::Suspended).error().code,
            u"InvalidBucketState"_s);
        QVERIFY(f.service.putBucketReplication(u"src"_s, std::nullopt).has_value());
        QVERIFY(f.service.putBucketVersioning(u"src"_s, Versioning::Suspended).has_value());
    }

    void newVersionsReplicate()
    {
        Fixture f;
        const S3Object before = f.put(u"docs/old"_s);
        QCOMPARE(f.configure(document(rule(u"dst"_s, u"docs/"_s))), u"ok"_s);
        const S3Object small = f.put(u"docs/a"_s, "hello", {{u"team"_s, u"x"_s}});
        const QByteArray big(InlineBytes, 'b');
        const S3Object large = f.put(u"docs/big"_s, big);
        const S3Object outside = f.put(u"other/a"_s);
        QCOMPARE(f.status(u"src"_s, u"docs/a"_s), u"PENDING"_s);
        QCOMPARE(f.status(u"src"_s, u"other/a"_s), QString());
        QCOMPARE(f.status(u"src"_s, u"docs/old"_s), QString());

        QCOMPARE(f.service.replicatePending(), 2);
        QCOMPARE(f.status(u"src"_s, u"docs/a"_s), u"COMPLETED"_s);
        QCOMPARE(f.status(u"src"_s, u"docs/big"_s), u"COMPLETED"_s);
        const S3Object replica = f.service.getObject(u"dst"_s, u"docs/a"_s).value();
        QCOMPARE(replica.versionId, small.versionId);
        QCOMPARE(replica.headers.replicationStatus, u"REPLICA"_s);
        QCOMPARE(replica.headers.metadata, small.headers.metadata);
        QCOMPARE(replica.tags, small.tags);
        QCOMPARE(replica.etag, small.etag);
        QCOMPARE(replica.inlineData, QByteArray("hello"));
        const S3Object bigReplica = f.service.getObject(u"dst"_s, u"docs/big"_s).value();
        QCOMPARE(bigReplica.versionId, large.versionId);
        QFile file(bigReplica.filePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), big);
        // Written before the configuration, or outside the rule's prefix: not replicated.
        QCOMPARE(f.service.getObject(u"dst"_s, before.key).error().code, u"NoSuchKey"_s);
        QCOMPARE(f.service.getObject(u"dst"_s, outside.key).error().code, u"NoSuchKey"_s);
        QCOMPARE(f.service.replicatePending(), 0);
    }

    void deletesAndMarkers()
    {
        for (const bool markers : {false, true}) {
            Fixture f;
            QCOMPARE(f.configure(document(rule(u"dst"_s, {}, 1, markers))), u"ok"_s);
            const S3Object first = f.put(u"k"_s);
            const S3Object second = f.put(u"k"_s);
            QCOMPARE(f.service.replicatePending(), 2);
            // A delete of one version is never replicated (it protects against malicious
            // deletes): the destination keeps it.
            QVERIFY(f.service.deleteObject(u"src"_s, u"k"_s, first.versionId).has_value());
            QCOMPARE(f.service.replicatePending(), 0);
            QVERIFY(f.service.getObject(u"dst"_s, u"k"_s, first.versionId).has_value());
            // A delete marker goes where the rule says so, with its version id.
            const auto marker = f.service.deleteObject(u"src"_s, u"k"_s).value();
            QCOMPARE(f.service.replicatePending(), markers ? 1 : 0);
            QCOMPARE(f.status(u"dst"_s, u"k"_s), markers ? u"NoSuchKey"_s : u"REPLICA"_s);
            if (!markers)
                QCOMPARE(f.service.getObject(u"dst"_s, u"k"_s)->versionId, second.versionId);
            else
                QCOMPARE(f.service.getObject(u"dst"_s, u"k"_s, marker.versionId).error().code,
                    u"MethodNotAllowed"_s);
        }
    }

    void tagFiltersAndNoChaining()
    {
        Fixture f;
        [[maybe_unused]] auto third = f.service.createBucket(u"third"_s, {});
        QVERIFY(f.service.putBucketVersioning(u"third"_s, Versioning::Enabled).has_value());
        QCOMPARE(f.configure(document(u"<Rule><Priority>1</Priority><Filter><Tag><Key>copy</Key>"
                                      u"<Value>yes</Value></Tag></Filter><Status>Enabled</Status>"
                                      u"<DeleteMarkerReplication><Status>Disabled</Status>"
                                      u"</DeleteMarkerReplication><Destination><Bucket>arn:aws:s3:"
                                      u"::dst</Bucket></Destination></Rule>"_s)),
            u"ok"_s);
        QCOMPARE(f.configure(document(rule(u"third"_s)), u"dst"_s), u"ok"_s);
        f.put(u"tagged"_s, "t", {{u"copy"_s, u"yes"_s}});
        f.put(u"untagged"_s);
        QCOMPARE(f.service.replicatePending(), 1);
        QCOMPARE(f.status(u"dst"_s, u"tagged"_s), u"REPLICA"_s);
        QCOMPARE(f.status(u"dst"_s, u"untagged"_s), u"NoSuchKey"_s);
        // A replica is not replicated again (no chaining), though dst replicates its own writes.
        QCOMPARE(f.service.replicatePending(), 0);
        QCOMPARE(f.status(u"third"_s, u"tagged"_s), u"NoSuchKey"_s);
    }

    void unreachableDestinationFails()
    {
        Fixture f;
        QCOMPARE(f.configure(document(rule(u"dst"_s))), u"ok"_s);
        QVERIFY(f.service.putBucketVersioning(u"dst"_s, Versioning::Suspended).has_value());
        f.put(u"k"_s);
        QCOMPARE(f.service.replicatePending(), 1);
        QCOMPARE(f.status(u"src"_s, u"k"_s), u"FAILED"_s);
        QCOMPARE(f.status(u"dst"_s, u"k"_s), u"NoSuchKey"_s);
    }

private:
    static constexpr qsizetype InlineBytes = S3Service::InlineLimit + 1;
};

QTEST_GUILESS_MAIN(tst_S3Replication)
#include "tst_s3replication.moc"
