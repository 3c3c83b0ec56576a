// SPDX-License-Identifier: MIT
// Pins bucket-policy evaluation, table-driven: which principals a statement's Principal or
// NotPrincipal names (the anonymous principal of unsigned requests, the account's root user of
// signed ones, the service principal S3 sends event notifications as); Condition blocks with IAM's
// operators (String*, Numeric*, Date*, Bool, IpAddress, Null, IfExists, negated operators and
// missing keys), several values of one key (any), several operators (all); and which policies
// Block Public Access calls public (a Referer condition leaves a policy public, a fixed
// aws:SourceIp range does not).
#include "core/s3/bucketconfig.h"
#include "core/s3/bucketpolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Core::S3::PolicyContext;
using Core::S3::PolicyEffect;

Q_DECLARE_METATYPE(PolicyEffect)

namespace {

using Keys = QList<std::pair<QString, QString>>;

// The tables write JSON with single quotes, to stay readable.
QString policy(const QString &effect, const QString &condition)
{
    return QString(u"{'Version':'2012-10-17','Statement':[{'Effect':'%1','Principal':'*',"
                   u"'Action':['s3:GetObject','s3:ListBucket'],'Resource':['arn:aws:s3:::b',"
                   u"'arn:aws:s3:::b/*'],'Condition':%2}]}"_s)
        .arg(effect, condition)
        .replace(u'\'', u'"');
}

PolicyContext context(const Keys &keys)
{
    PolicyContext result;
    for (const auto &[key, value] : keys)
        result.set(key, value);
    return result;
}

const Keys Local = {{u"aws:SourceIp"_s, u"127.0.0.1"_s}, {u"aws:SecureTransport"_s, u"false"_s}};

} // namespace

class tst_BucketPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void conditions_data()
    {
        QTest::addColumn<QString>("effect");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<Keys>("keys");
        QTest::addColumn<PolicyEffect>("expected");
        const auto with = [](Keys extra) {
            extra += Local;
            return extra;
        };
        const QString referer = u"{'StringLike':{'aws:Referer':['http://www.example.com/*']}}"_s;
        QTest::newRow("referer matches")
            << u"Allow"_s << referer
            << with({{u"aws:Referer"_s, u"http://www.example.com/page.html"_s}})
            << PolicyEffect::Allow;
        QTest::newRow("referer differs")
            << u"Allow"_s << referer << with({{u"aws:Referer"_s, u"http://evil.test/"_s}})
            << PolicyEffect::None;
        QTest::newRow("referer missing") << u"Allow"_s << referer << Local << PolicyEffect::None;
        QTest::newRow("deny plain http")
            << u"Deny"_s << u"{'Bool':{'aws:SecureTransport':'false'}}"_s << Local
            << PolicyEffect::Deny;
        QTest::newRow("deny plain http, key case")
            << u"Deny"_s << u"{'Bool':{'AWS:SECURETRANSPORT':false}}"_s << Local
            << PolicyEffect::Deny;
        QTest::newRow("ip in range")
            << u"Allow"_s << u"{'IpAddress':{'aws:SourceIp':'127.0.0.0/8'}}"_s << Local
            << PolicyEffect::Allow;
        QTest::newRow("ip out of range")
            << u"Allow"_s << u"{'IpAddress':{'aws:SourceIp':['10.0.0.0/8','192.0.2.7']}}"_s << Local
            << PolicyEffect::None;
        QTest::newRow("single ip") << u"Allow"_s << u"{'IpAddress':{'aws:SourceIp':'127.0.0.1'}}"_s
                                   << Local << PolicyEffect::Allow;
        QTest::newRow("not ip address")
            << u"Allow"_s << u"{'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}}"_s << Local
            << PolicyEffect::Allow;
        QTest::newRow("negated operator, key missing")
            << u"Allow"_s << u"{'StringNotEquals':{'aws:Referer':'http://a/'}}"_s << Local
            << PolicyEffect::Allow;
        QTest::newRow("IfExists, key missing")
            << u"Allow"_s << u"{'StringEqualsIfExists':{'aws:Referer':'http://a/'}}"_s << Local
            << PolicyEffect::Allow;
        QTest::newRow("IfExists, key differs")
            << u"Allow"_s << u"{'StringEqualsIfExists':{'aws:Referer':'http://a/'}}"_s
            << with({{u"aws:Referer"_s, u"http://b/"_s}}) << PolicyEffect::None;
        QTest::newRow("Null true, key missing")
            << u"Allow"_s << u"{'Null':{'aws:Referer':'true'}}"_s << Local << PolicyEffect::Allow;
        QTest::newRow("Null true, key present")
            << u"Allow"_s << u"{'Null':{'aws:Referer':'true'}}"_s
            << with({{u"aws:Referer"_s, u"x"_s}}) << PolicyEffect::None;
        QTest::newRow("numeric within")
            << u"Allow"_s << u"{'NumericLessThanEquals':{'s3:max-keys':'10'}}"_s
            << with({{u"s3:max-keys"_s, u"5"_s}}) << PolicyEffect::Allow;
        QTest::newRow("numeric beyond")
            << u"Allow"_s << u"{'NumericLessThanEquals':{'s3:max-keys':'10'}}"_s
            << with({{u"s3:max-keys"_s, u"50"_s}}) << PolicyEffect::None;
        QTest::newRow("date before")
            << u"Allow"_s << u"{'DateLessThan':{'aws:CurrentTime':'2030-01-01T00:00:00Z'}}"_s
            << with({{u"aws:CurrentTime"_s, u"2026-12-07T10:00:00Z"_s}}) << PolicyEffect::Allow;
        QTest::newRow("date after")
            << u"Allow"_s << u"{'DateGreaterThan':{'aws:CurrentTime':'2030-01-01T00:00:00Z'}}"_s
            << with({{u"aws:CurrentTime"_s, u"2026-12-07T10:00:00Z"_s}}) << PolicyEffect::None;
        QTest::newRow("any of several values")
            << u"Allow"_s << u"{'StringEquals':{'s3:prefix':['a/','b/']}}"_s
            << with({{u"s3:prefix"_s, u"b/"_s}}) << PolicyEffect::Allow;
        QTest::newRow("every operator must hold")
            << u"Allow"_s
            << u"{'StringLike':{'aws:Referer':'http://a/*'},'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}"_s
            << with({{u"aws:Referer"_s, u"http://a/x"_s}}) << PolicyEffect::None;
        QTest::newRow("unknown operator")
            << u"Allow"_s << u"{'StringFuzzy':{'aws:Referer':'x'}}"_s
            << with({{u"aws:Referer"_s, u"x"_s}}) << PolicyEffect::None;
    }
    void conditions()
    {
        QFETCH(QString, effect);
        QFETCH(QString, condition);
        QFETCH(Keys, keys);
        QFETCH(PolicyEffect, expected);
        QCOMPARE(
            Core::S3::evaluateAnonymous(
                policy(effect, condition), u"s3:GetObject"_s, u"arn:aws:s3:::b/k"_s, context(keys)),
            expected);
    }

    void principals_data()
    {
        QTest::addColumn<QString>("principal");
        QTest::addColumn<bool>("namesAnonymous");
        QTest::addColumn<bool>("namesRoot");
        QTest::addColumn<bool>("namesS3"); // the service principal s3.amazonaws.com
        QTest::newRow("star") << u"'*'"_s << true << true << true;
        QTest::newRow("aws star") << u"{'AWS':'*'}"_s << true << true << true;
        QTest::newRow("account id") << u"{'AWS':'000000000000'}"_s << false << true << false;
        QTest::newRow("root arn") << u"{'AWS':['arn:aws:iam::000000000000:root']}"_s << false
                                  << true << false;
        QTest::newRow("other account")
            << u"{'AWS':'arn:aws:iam::111122223333:root'}"_s << false << false << false;
        QTest::newRow("a user of the account")
            << u"{'AWS':'arn:aws:iam::000000000000:user/bob'}"_s << false << false << false;
        QTest::newRow("another service")
            << u"{'Service':'cloudfront.amazonaws.com'}"_s << false << false << false;
        QTest::newRow("s3 service")
            << u"{'Service':'s3.amazonaws.com'}"_s << false << false << true;
        QTest::newRow("services list")
            << u"{'Service':['sns.amazonaws.com','s3.amazonaws.com']}"_s << false << false << true;
        QTest::newRow("owner's canonical id")
            << u"{'CanonicalUser':'%1'}"_s.arg(QLatin1StringView(Core::S3::OwnerId)) << false
            << true << false;
    }
    void principals()
    {
        QFETCH(QString, principal);
        QFETCH(bool, namesAnonymous);
        QFETCH(bool, namesRoot);
        QFETCH(bool, namesS3);
        const Core::S3::PolicyPrincipal anonymous;
        const Core::S3::PolicyPrincipal root{u"000000000000"_s, {}};
        const Core::S3::PolicyPrincipal s3{{}, u"s3.amazonaws.com"_s};
        const QString deny = u"{'Statement':[{'Effect':'Deny','%1':%2,'Action':'s3:*',"
                             u"'Resource':'arn:aws:s3:::b/*'}]}"_s;
        const auto evaluate = [&](const QString &field, const Core::S3::PolicyPrincipal &who) {
            return Core::S3::evaluatePolicy(
                QString(deny).arg(field, principal).replace(u'\'', u'"'),
                who,
                u"s3:PutObject"_s,
                u"arn:aws:s3:::b/k"_s);
        };
        const auto expected = [](bool names) {
            return names ? PolicyEffect::Deny : PolicyEffect::None;
        };
        QCOMPARE(evaluate(u"Principal"_s, anonymous), expected(namesAnonymous));
        QCOMPARE(evaluate(u"Principal"_s, root), expected(namesRoot));
        QCOMPARE(evaluate(u"Principal"_s, s3), expected(namesS3));
        // NotPrincipal: the statement applies to everyone it does not name.
        QCOMPARE(evaluate(u"NotPrincipal"_s, anonymous), expected(!namesAnonymous));
        QCOMPARE(evaluate(u"NotPrincipal"_s, root), expected(!namesRoot));
        QCOMPARE(evaluate(u"NotPrincipal"_s, s3), expected(!namesS3));
    }

    void publicPolicies_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<bool>("isPublic");
        QTest::newRow("no condition") << u"{}"_s << true;
        QTest::newRow("referer") << u"{'StringLike':{'aws:Referer':'http://a/*'}}"_s << true;
        QTest::newRow("secure transport") << u"{'Bool':{'aws:SecureTransport':'true'}}"_s << true;
        QTest::newRow("fixed ip range")
            << u"{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}"_s << false;
        QTest::newRow("every address") << u"{'IpAddress':{'aws:SourceIp':'0.0.0.0/0'}}"_s << true;
        QTest::newRow("fixed source account")
            << u"{'StringEquals':{'aws:SourceAccount':'111122223333'}}"_s << false;
        QTest::newRow("wildcard source arn")
            << u"{'ArnLike':{'aws:SourceArn':'arn:aws:cloudfront::*'}}"_s << true;
    }
    void publicPolicies()
    {
        QFETCH(QString, condition);
        QFETCH(bool, isPublic);
        QCOMPARE(Core::S3::isPublicPolicy(policy(u"Allow"_s, condition)), isPublic);
    }
};

QTEST_GUILESS_MAIN(tst_BucketPolicy)
#include "tst_bucketpolicy.moc"
