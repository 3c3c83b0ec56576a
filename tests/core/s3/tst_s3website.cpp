// SPDX-License-Identifier: MIT
// Pins S3 static website hosting without HTTP: PutBucketWebsite's validation (AWS's codes and
// messages, table-driven) and the document GetBucketWebsite answers; which routing rule applies
// before and after the object lookup and the Location it builds; and S3Service::website's
// answers: index documents, the 302 to a folder's slash form, the error document with the
// error's status, AWS's pages when it is missing, 403 for objects anonymous readers may not get,
// RedirectAllRequestsTo and x-amz-website-redirect-location.
#include "core/common/clock.h"
#include "core/s3/bodydigest.h"
#include "core/s3/s3service.h"
#include "core/s3/websiteconfig.h"
#include "tests/support/tempdatabase.h"

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

QByteArray site(const QByteArray &inner)
{
    return "<WebsiteConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + inner
        + "</WebsiteConfiguration>";
}

QByteArray rules(const QByteArray &inner)
{
    return site("<IndexDocument><Suffix>index.html</Suffix></IndexDocument><RoutingRules>" + inner
        + "</RoutingRules>");
}

const auto PublicRead =
    u"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
    u"\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/*\"}]}"_s;
// Public read and list: a missing page is then 404 rather than 403.
const auto PublicReadAndList =
    u"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
    u"\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/*\"},{\"Effect\":\"Allow\","
    u"\"Principal\":\"*\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::site\"}]}"_s;

} // namespace

class tst_S3Website : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void parseValidation_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("index and error") << site("<IndexDocument><Suffix>index.html</Suffix>"
                                                 "</IndexDocument><ErrorDocument><Key>e.html</Key>"
                                                 "</ErrorDocument>")
                                         << QString() << QString();
        QTest::newRow("redirect all")
            << site("<RedirectAllRequestsTo><HostName>example.com</HostName><Protocol>https"
                    "</Protocol></RedirectAllRequestsTo>")
            << QString() << QString();
        QTest::newRow("not xml") << QByteArray("<Website") << u"MalformedXML"_s << QString();
        QTest::newRow("wrong root")
            << QByteArray("<CORSConfiguration/>") << u"MalformedXML"_s << QString();
        QTest::newRow("unknown element") << site("<IndexDocument><Suffix>i</Suffix></IndexDocument>"
                                                 "<Other/>")
                                         << u"MalformedXML"_s << QString();
        QTest::newRow("no index")
            << site("<ErrorDocument><Key>e.html</Key></ErrorDocument>") << u"InvalidArgument"_s
            << u"A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is "
               u"empty"_s;
        QTest::newRow("empty suffix")
            << site("<IndexDocument><Suffix></Suffix></IndexDocument>") << u"InvalidArgument"_s
            << u"The IndexDocument Suffix is not well formed"_s;
        QTest::newRow("suffix with slash")
            << site("<IndexDocument><Suffix>a/index.html</Suffix></IndexDocument>")
            << u"InvalidArgument"_s << u"The IndexDocument Suffix is not well formed"_s;
        QTest::newRow("error document without key")
            << site("<IndexDocument><Suffix>i</Suffix></IndexDocument><ErrorDocument/>")
            << u"MalformedXML"_s << QString();
        QTest::newRow("redirect all with index")
            << site("<RedirectAllRequestsTo><HostName>example.com</HostName>"
                    "</RedirectAllRequestsTo><IndexDocument><Suffix>i</Suffix></IndexDocument>")
            << u"InvalidArgument"_s
            << u"RedirectAllRequestsTo cannot be provided in conjunction with other Routing "
               u"Rules."_s;
        QTest::newRow("redirect all without host")
            << site("<RedirectAllRequestsTo><Protocol>http</Protocol></RedirectAllRequestsTo>")
            << u"MalformedXML"_s << QString();
        QTest::newRow("bad protocol")
            << site("<RedirectAllRequestsTo><HostName>a</HostName><Protocol>ftp</Protocol>"
                    "</RedirectAllRequestsTo>")
            << u"InvalidRequest"_s
            << u"Invalid protocol, protocol can be http or https. If not defined the protocol "
               u"will be selected automatically."_s;
        QTest::newRow("empty rules") << rules("") << u"MalformedXML"_s << QString();
        QTest::newRow("rule without redirect")
            << rules("<RoutingRule><Condition><KeyPrefixEquals>a</KeyPrefixEquals></Condition>"
                     "</RoutingRule>")
            << u"MalformedXML"_s << QString();
        QTest::newRow("both replace keys")
            << rules("<RoutingRule><Redirect><ReplaceKeyWith>a</ReplaceKeyWith>"
                     "<ReplaceKeyPrefixWith>b</ReplaceKeyPrefixWith></Redirect></RoutingRule>")
            << u"InvalidRequest"_s
            << u"You can only define ReplaceKeyPrefix or ReplaceKey but not both."_s;
        QTest::newRow("empty condition")
            << rules("<RoutingRule><Condition/><Redirect><HostName>a</HostName></Redirect>"
                     "</RoutingRule>")
            << u"InvalidRequest"_s
            << u"Condition cannot be empty. To redirect all requests without a condition, the "
               u"condition element shouldn't be present."_s;
        QTest::newRow("redirect code 300")
            << rules("<RoutingRule><Redirect><HttpRedirectCode>300</HttpRedirectCode></Redirect>"
                     "</RoutingRule>")
            << u"InvalidRequest"_s
            << u"The provided HTTP redirect code (300) is not valid. Valid codes are 3XX except "
               u"300."_s;
        QTest::newRow("error code 302")
            << rules("<RoutingRule><Condition><HttpErrorCodeReturnedEquals>302"
                     "</HttpErrorCodeReturnedEquals></Condition><Redirect><HostName>a</HostName>"
                     "</Redirect></RoutingRule>")
            << u"InvalidRequest"_s
            << u"The provided HTTP error code (302) is not valid. Valid codes are 4XX or 5XX."_s;
        QByteArray many;
        for (int i = 0; i < 51; ++i)
            many += "<RoutingRule><Redirect><HostName>a</HostName></Redirect></RoutingRule>";
        QTest::newRow("51 rules") << rules(many) << u"InvalidRequest"_s
                                  << u"51 routing rules provided, the number of routing rules in "
                                     u"a website configuration is limited to 50."_s;
    }

    void parseValidation()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const auto config = WebsiteConfig::parse(xml);
        if (code.isEmpty()) {
            QVERIFY2(config.has_value(), qPrintable(config.error().message));
            // What GetBucketWebsite answers parses back to the same configuration.
            QCOMPARE(WebsiteConfig::parse(config->toXml()).value(), *config);
            return;
        }
        QVERIFY(!config);
        QCOMPARE(config.error().code, code);
        if (!message.isEmpty())
            QCOMPARE(config.error().message, message);
        QCOMPARE(config.error().httpStatus, 400);
    }

    void routingRules()
    {
        const auto config = WebsiteConfig::parse(
            rules("<RoutingRule><Condition><KeyPrefixEquals>docs/</KeyPrefixEquals></Condition>"
                  "<Redirect><ReplaceKeyPrefixWith>documents/</ReplaceKeyPrefixWith></Redirect>"
                  "</RoutingRule>"
                  "<RoutingRule><Condition><HttpErrorCodeReturnedEquals>404"
                  "</HttpErrorCodeReturnedEquals></Condition><Redirect><HostName>e.example"
                  "</HostName><Protocol>https</Protocol><HttpRedirectCode>302</HttpRedirectCode>"
                  "<ReplaceKeyPrefixWith>report-404/</ReplaceKeyPrefixWith></Redirect>"
                  "</RoutingRule>"
                  "<RoutingRule><Condition><KeyPrefixEquals>old/</KeyPrefixEquals>"
                  "<HttpErrorCodeReturnedEquals>403</HttpErrorCodeReturnedEquals></Condition>"
                  "<Redirect><ReplaceKeyWith>denied.html</ReplaceKeyWith></Redirect>"
                  "</RoutingRule>"));
        QVERIFY(config);
        const auto &all = config->routingRules;
        QCOMPARE(config->matchRule(u"docs/a b.html"_s), &all[0]);
        QCOMPARE(config->matchRule(u"other.html"_s), nullptr);
        // Error rules wait for the lookup's answer; prefix-only rules never match after it.
        QCOMPARE(config->matchRule(u"other.html"_s, 404), &all[1]);
        QCOMPARE(config->matchRule(u"other.html"_s, 403), nullptr);
        QCOMPARE(config->matchRule(u"old/x"_s, 403), &all[2]);
        QCOMPARE(WebsiteConfig::redirectLocation(all[0], u"docs/a b.html"_s, u"site.local:1"_s),
            u"http://site.local:1/documents/a%20b.html"_s);
        QCOMPARE(WebsiteConfig::redirectStatus(all[0].redirect), 301);
        QCOMPARE(WebsiteConfig::redirectLocation(all[1], u"x/y.html"_s, u"site.local:1"_s),
            u"https://e.example/report-404/x/y.html"_s);
        QCOMPARE(WebsiteConfig::redirectStatus(all[1].redirect), 302);
        QCOMPARE(
            WebsiteConfig::redirectLocation(all[2], u"old/x"_s, u"h"_s), u"http://h/denied.html"_s);
    }

    void websiteAnswers()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        const auto answer = [&service](const QString &key) {
            return service.website(u"site"_s, key, u"site.s3-website.localhost"_s, {});
        };
        QVERIFY(service.createBucket(u"site"_s, {}));
        QCOMPARE(answer({}).error->code, u"NoSuchWebsiteConfiguration"_s);
        QCOMPARE(answer({}).status, 404);
        WebsiteConfig config;
        config.indexSuffix = u"index.html"_s;
        config.errorKey = u"error.html"_s;
        QVERIFY(service.putBucketWebsite(u"site"_s, config));
        QCOMPARE(service.getBucketWebsite(u"site"_s).value(), config);
        ObjectHeaders html;
        html.contentType = u"text/html"_s;
        for (const QString &key : {u"index.html"_s, u"docs/index.html"_s, u"error.html"_s})
            QVERIFY(service.putObject(u"site"_s, key, html, {}, bodyOf(key.toUtf8())));
        ObjectHeaders moved = html;
        moved.websiteRedirectLocation = u"/docs/"_s;
        QVERIFY(service.putObject(u"site"_s, u"old.html"_s, moved, {}, bodyOf("old")));

        // Private (Block Public Access and no policy): 403, and the error document is refused too.
        WebsiteAnswer denied = answer({});
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.error->code, u"AccessDenied"_s);
        QCOMPARE(denied.errorDocumentError->code, u"AccessDenied"_s);

        QVERIFY(service.putPublicAccessBlock(u"site"_s, std::nullopt));
        QVERIFY(service.putBucketDocument(u"site"_s, BucketDocument::Policy, PublicRead));
        WebsiteAnswer home = answer({});
        QCOMPARE(home.status, 200);
        QCOMPARE(home.object->key, u"index.html"_s);
        QCOMPARE(answer(u"docs/"_s).object->key, u"docs/index.html"_s);
        WebsiteAnswer folder = answer(u"docs"_s);
        QCOMPARE(folder.status, 302);
        QCOMPARE(folder.location, u"/docs/"_s);
        // s3:GetObject only: a missing page is 403 with the error document.
        WebsiteAnswer hidden = answer(u"nothing.html"_s);
        QCOMPARE(hidden.status, 403);
        QCOMPARE(hidden.object->key, u"error.html"_s);
        QVERIFY(service.putBucketDocument(u"site"_s, BucketDocument::Policy, PublicReadAndList));
        WebsiteAnswer missing = answer(u"nothing.html"_s);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.object->key, u"error.html"_s);
        QCOMPARE(missing.error->code, u"NoSuchKey"_s);
        WebsiteAnswer redirected = answer(u"old.html"_s);
        QCOMPARE(redirected.status, 301);
        QCOMPARE(redirected.location, u"/docs/"_s);

        // Without its error document: AWS's page, naming both missing keys.
        QVERIFY(service.deleteObject(u"site"_s, u"error.html"_s));
        missing = answer(u"nothing.html"_s);
        QCOMPARE(missing.status, 404);
        QVERIFY(!missing.object);
        QCOMPARE(missing.error->extra.value(0).second, u"nothing.html"_s);
        QCOMPARE(missing.errorDocumentError->extra.value(0).second, u"error.html"_s);
        // An empty folder is missing, not redirected.
        QCOMPARE(answer(u"empty/"_s).error->extra.value(0).second, u"empty/index.html"_s);

        WebsiteConfig all;
        all.redirectAll = WebsiteRedirect{u"https"_s, u"www.example.com"_s, {}, {}, {}};
        QVERIFY(service.putBucketWebsite(u"site"_s, all));
        redirected = answer(u"a/b c.html"_s);
        QCOMPARE(redirected.status, 301);
        QCOMPARE(redirected.location, u"https://www.example.com/a/b%20c.html"_s);

        QVERIFY(service.putBucketWebsite(u"site"_s, std::nullopt));
        QVERIFY(!service.getBucketWebsite(u"site"_s).value());
        QCOMPARE(service.website(u"none"_s, {}, {}, {}).error->code, u"NoSuchBucket"_s);
    }
};

QTEST_GUILESS_MAIN(tst_S3Website)
#include "tst_s3website.moc"
