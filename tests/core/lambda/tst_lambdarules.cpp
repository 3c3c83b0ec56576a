// SPDX-License-Identifier: MIT
// LambdaService's request rules that real AWS enforces, pinned with AWS's codes and messages:
// what DeleteFunction with a Qualifier may delete, which operations take only $LATEST, and the
// configuration limits checked before anything is stored. No handler process is started.
#include "core/common/clock.h"
#include "core/lambda/lambdaservice.h"
#include "core/lambda/zipwriter.h"
#include "core/logs/logsservice.h"
#include "tests/support/tempdatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::Lambda;

namespace {

const QByteArray Handler = "def handler(event, context):\n    return event\n";

} // namespace

class tst_LambdaRules : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void deleteFunctionQualifier();
    void updatesTakeLatestOnly();
    void publishVersionPreconditions();
    void ephemeralStorage();
    void eventPayloadLimit();
    void aliasVersionRules();
    void environmentKeys_data();
    void environmentKeys();
    void accountUsage();
    void layers();

private:
    CreateFunctionRequest function(const QString &name) const;

    std::unique_ptr<Tests::TempDatabase> m_db;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Core::Logs::LogsService> m_logs;
    std::unique_ptr<LambdaService> m_service;
};

void tst_LambdaRules::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_db = std::make_unique<Tests::TempDatabase>();
    QVERIFY(m_db->isOpen());
    m_clock = std::make_unique<Core::ManualClock>();
    m_logs = std::make_unique<Core::Logs::LogsService>(
        m_db->database(), m_clock.get(), u"us-east-1"_s, u"000000000000"_s);
    m_service = std::make_unique<LambdaService>(m_db->database(),
        m_clock.get(),
        m_logs.get(),
        m_db->dirPath(),
        u"us-east-1"_s,
        u"000000000000"_s);
}

void tst_LambdaRules::cleanup()
{
    m_service.reset();
    m_logs.reset();
    m_clock.reset();
    m_db.reset();
}

CreateFunctionRequest tst_LambdaRules::function(const QString &name) const
{
    CreateFunctionRequest request;
    request.functionName = name;
    request.runtime = u"python3.12"_s;
    request.role = u"arn:aws:iam::000000000000:role/lambda-role"_s;
    request.handler = u"app.handler"_s;
    request.zipFile = ZipWriter::write({{u"app.py"_s, Handler, false, false}});
    return request;
}

// DeleteFunction with Qualifier $LATEST or an alias name is refused and deletes nothing; a
// version number deletes that version only.
void tst_LambdaRules::deleteFunctionQualifier()
{
    QVERIFY(m_service->createFunction(function(u"f1"_s)));
    QVERIFY(m_service->publishVersion(u"f1"_s, {}, {}));
    AliasConfiguration alias;
    alias.name = u"live"_s;
    alias.functionVersion = u"1"_s;
    QVERIFY(m_service->createAlias(u"f1"_s, alias));

    const auto latest = m_service->deleteFunction(u"f1"_s, u"$LATEST"_s);
    QVERIFY(!latest);
    QCOMPARE(latest.error().code, u"InvalidParameterValueException"_s);
    QCOMPARE(latest.error().message,
        u"$LATEST version cannot be deleted without deleting the function."_s);
    QCOMPARE(latest.error().httpStatus, 400);
    QVERIFY(!m_service->deleteFunction(u"f1:$LATEST"_s, {}));

    const auto aliased = m_service->deleteFunction(u"f1"_s, u"live"_s);
    QVERIFY(!aliased);
    QCOMPARE(aliased.error().code, u"InvalidParameterValueException"_s);
    QCOMPARE(aliased.error().message, u"Deletion of aliases is not currently supported."_s);
    QVERIFY(m_service->getAlias(u"f1"_s, u"live"_s));
    QVERIFY(m_service->getFunctionConfiguration(u"f1"_s, {}));

    QVERIFY(m_service->deleteAlias(u"f1"_s, u"live"_s));
    QVERIFY(m_service->deleteFunction(u"f1"_s, u"1"_s));
    QCOMPARE(m_service->listVersionsByFunction(u"f1"_s)->size(), 1);
    QVERIFY(m_service->getFunctionConfiguration(u"f1"_s, {}));
}

// UpdateFunctionConfiguration and UpdateFunctionCode with a version in the name (or ARN) are
// refused instead of changing $LATEST; "$LATEST" itself is accepted.
void tst_LambdaRules::updatesTakeLatestOnly()
{
    QVERIFY(m_service->createFunction(function(u"f1"_s)));
    QVERIFY(m_service->publishVersion(u"f1"_s, {}, {}));
    UpdateConfigurationRequest request;
    request.description = u"changed"_s;
    const QString message = u"Current operation does not support versions other than $LATEST. "
                            u"Please set version to $LATEST or do not set a version in your "
                            u"request."_s;
    for (const QString &name :
        {u"f1:1"_s, u"arn:aws:lambda:us-east-1:000000000000:function:f1:1"_s}) {
        const auto updated = m_service->updateFunctionConfiguration(name, request);
        QVERIFY(!updated);
        QCOMPARE(updated.error().code, u"InvalidParameterValueException"_s);
        QCOMPARE(updated.error().message, message);
        const auto code = m_service->updateFunctionCode(
            name, ZipWriter::write({{u"app.py"_s, "x = 1\n", false, false}}), false, {});
        QVERIFY(!code);
        QCOMPARE(code.error().message, message);
        const auto s3 =
            m_service->updateFunctionCode(name, S3CodeLocation{u"b"_s, u"k"_s, {}}, false, {});
        QVERIFY(!s3);
        QCOMPARE(s3.error().message, message);
    }
    const auto latest = m_service->getFunctionConfiguration(u"f1"_s, {});
    QCOMPARE(latest->description, QString());
    QCOMPARE(latest->codeSha256, m_service->getFunctionConfiguration(u"f1"_s, u"1"_s)->codeSha256);
    QCOMPARE(m_service->updateFunctionConfiguration(u"f1:$LATEST"_s, request)->description,
        u"changed"_s);
}

// PublishVersion with a RevisionId or CodeSha256 other than $LATEST's publishes nothing.
void tst_LambdaRules::publishVersionPreconditions()
{
    const auto created = m_service->createFunction(function(u"f1"_s));
    QVERIFY(created);
    const auto stale = m_service->publishVersion(u"f1"_s, {}, {}, u"not-the-revision"_s);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, u"PreconditionFailedException"_s);
    QCOMPARE(stale.error().httpStatus, 412);
    QCOMPARE(stale.error().message,
        u"The Revision Id provided does not match the latest Revision Id. Call the "
        u"GetFunction/GetAlias API to retrieve the latest Revision Id"_s);
    const auto sha = m_service->publishVersion(u"f1"_s, {}, u"AAAA"_s);
    QVERIFY(!sha);
    QCOMPARE(sha.error().code, u"InvalidParameterValueException"_s);
    QCOMPARE(sha.error().message,
        u"CodeSHA256 (AAAA) is different from current CodeSHA256 in $LATEST (%1). Please try "
        u"again with the CodeSHA256 in $LATEST."_s.arg(created->codeSha256));
    QCOMPARE(m_service->listVersionsByFunction(u"f1"_s)->size(), 1);
    const auto published =
        m_service->publishVersion(u"f1"_s, {}, created->codeSha256, created->revisionId);
    QVERIFY(published);
    QCOMPARE(published->version, u"1"_s);
    QCOMPARE(m_service->functionCode(u"f1"_s, u"1"_s).value(),
        m_service->functionCode(u"f1"_s, u"$LATEST"_s).value());

    // Without $LATEST's package on disk nothing is published: a version never lacks its code.
    UpdateConfigurationRequest change;
    change.timeout = 10;
    QVERIFY(m_service->updateFunctionConfiguration(u"f1"_s, change));
    QVERIFY(QFile::remove(m_service->codeDirectory(u"f1"_s, u"$LATEST"_s) + u".zip"_s));
    const auto missing = m_service->publishVersion(u"f1"_s, {}, {});
    QVERIFY(!missing);
    QCOMPARE(missing.error().httpStatus, 500);
    QCOMPARE(m_service->listVersionsByFunction(u"f1"_s)->size(), 2);
    QVERIFY(!QFileInfo::exists(m_service->codeDirectory(u"f1"_s, u"2"_s)));
}

// EphemeralStorage.Size: 512 MB unless given, 512-10240 MB, kept by CreateFunction and
// UpdateFunctionConfiguration and carried into published versions.
void tst_LambdaRules::ephemeralStorage()
{
    CreateFunctionRequest request = function(u"f1"_s);
    request.ephemeralStorageMb = 20000;
    const auto tooBig = m_service->createFunction(request);
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.error().code, u"ValidationException"_s);
    QCOMPARE(tooBig.error().message,
        u"1 validation error detected: Value '20000' at 'ephemeralStorage.size' failed to "
        u"satisfy constraint: Member must have value less than or equal to 10240"_s);
    request.ephemeralStorageMb = 511;
    QVERIFY(m_service->createFunction(request).error().message.contains(
        u"Member must have value greater than or equal to 512"_s));
    request.ephemeralStorageMb = 1024;
    const auto created = m_service->createFunction(request);
    QVERIFY(created);
    QCOMPARE(created->ephemeralStorageMb, 1024);
    QCOMPARE(
        created->toJson().value(u"EphemeralStorage"_s).toObject().value(u"Size"_s).toInt(), 1024);
    QCOMPARE(m_service->createFunction(function(u"f2"_s))->ephemeralStorageMb, 512);

    UpdateConfigurationRequest update;
    update.ephemeralStorageMb = 10241;
    QCOMPARE(m_service->updateFunctionConfiguration(u"f1"_s, update).error().code,
        u"ValidationException"_s);
    update.ephemeralStorageMb = 10240;
    QCOMPARE(m_service->updateFunctionConfiguration(u"f1"_s, update)->ephemeralStorageMb, 10240);
    QCOMPARE(m_service->getFunctionConfiguration(u"f1"_s, {})->ephemeralStorageMb, 10240);
    QCOMPARE(m_service->publishVersion(u"f1"_s, {}, {})->ephemeralStorageMb, 10240);
}

// Invoke with InvocationType Event takes payloads up to 1 MB (1,048,576 bytes); the deprecated
// InvokeAsync keeps its 256 KB.
void tst_LambdaRules::eventPayloadLimit()
{
    QVERIFY(m_service->createFunction(function(u"f1"_s)));
    const auto invoke = [this](const QByteArray &payload, bool invokeAsync) {
        InvokeRequest request{u"f1"_s, {}, InvocationType::Event, payload};
        request.invokeAsync = invokeAsync;
        std::optional<Core::Result<InvocationResult>> answer;
        m_service->invoke(request, [&answer](auto result) { answer = std::move(result); });
        return answer.value_or(std::unexpected(Core::AwsError{u"NoAnswer"_s, {}}));
    };
    const QByteArray limit = '"' + QByteArray(1048576 - 2, 'x') + '"';
    const auto accepted = invoke(limit, false);
    QVERIFY(accepted);
    QCOMPARE(accepted->statusCode, 202);
    QCOMPARE(m_service->pendingEventCount(), 1);

    const auto refused = invoke(limit + ' ', false);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, u"RequestEntityTooLargeException"_s);
    QCOMPARE(refused.error().httpStatus, 413);
    QCOMPARE(refused.error().message,
        u"1048577 byte payload is too large for the Event invocation type (limit 1048576 bytes)"_s);

    const QByteArray quarter = '"' + QByteArray(262144, 'x') + '"';
    const auto legacy = invoke(quarter, true);
    QVERIFY(!legacy);
    QCOMPARE(legacy.error().code, u"RequestTooLargeException"_s);
    QCOMPARE(legacy.error().message,
        u"Request must be smaller than 262144 bytes for the InvokeAsync operation"_s);
    QCOMPARE(m_service->pendingEventCount(), 1);
    QVERIFY(m_service->deleteFunction(u"f1"_s, {})); // drops the queued event unrun
    QCOMPARE(m_service->pendingEventCount(), 0);
}

// CreateAlias/UpdateAlias: FunctionVersion is $LATEST or a number, and an alias on $LATEST
// cannot route to a second version.
void tst_LambdaRules::aliasVersionRules()
{
    QVERIFY(m_service->createFunction(function(u"f1"_s)));
    QVERIFY(m_service->publishVersion(u"f1"_s, {}, {}));
    AliasConfiguration alias;
    alias.name = u"live"_s;
    alias.functionVersion = u"prod"_s;
    const auto pattern = m_service->createAlias(u"f1"_s, alias);
    QVERIFY(!pattern);
    QCOMPARE(pattern.error().code, u"ValidationException"_s);
    QCOMPARE(pattern.error().message,
        u"1 validation error detected: Value 'prod' at 'functionVersion' failed to satisfy "
        u"constraint: Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)"_s);

    alias.functionVersion = u"$LATEST"_s;
    alias.additionalVersionWeights = {{u"1"_s, 0.5}};
    const auto routed = m_service->createAlias(u"f1"_s, alias);
    QVERIFY(!routed);
    QCOMPARE(routed.error().code, u"InvalidParameterValueException"_s);
    QCOMPARE(routed.error().message,
        u"$LATEST is not supported for an alias pointing to more than 1 version"_s);
    QCOMPARE(m_service->listAliases(u"f1"_s)->size(), 0);

    alias.functionVersion = u"1"_s;
    alias.additionalVersionWeights.clear();
    QVERIFY(m_service->createAlias(u"f1"_s, alias));
    QCOMPARE(m_service->updateAlias(u"f1"_s, u"live"_s, u"prod"_s, {}, {}, {}).error().code,
        u"ValidationException"_s);
    const QMap<QString, double> weights{{u"1"_s, 0.5}};
    QCOMPARE(
        m_service->updateAlias(u"f1"_s, u"live"_s, u"$LATEST"_s, {}, weights, {}).error().message,
        u"$LATEST is not supported for an alias pointing to more than 1 version"_s);
    QCOMPARE(m_service->getAlias(u"f1"_s, u"live"_s)->functionVersion, u"1"_s);
    QVERIFY(m_service->updateAlias(u"f1"_s, u"live"_s, u"$LATEST"_s, {}, {}, {}));
}

// Environment variable names: a letter, then at least one letter, digit or '_'.
void tst_LambdaRules::environmentKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name") << u"STAGE_2"_s << true;
    QTest::newRow("two letters") << u"ab"_s << true;
    QTest::newRow("one letter") << u"a"_s << false;
    QTest::newRow("hyphen") << u"my-key"_s << false;
    QTest::newRow("leading digit") << u"1KEY"_s << false;
    QTest::newRow("leading underscore") << u"_KEY"_s << false;
    QTest::newRow("dot") << u"spring.profile"_s << false;
}

void tst_LambdaRules::environmentKeys()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    CreateFunctionRequest request = function(u"f1"_s);
    request.environment = {{key, u"v"_s}};
    const auto created = m_service->createFunction(request);
    QCOMPARE(bool(created), valid);
    UpdateConfigurationRequest update;
    update.environment = QMap<QString, QString>{{key, u"v"_s}};
    if (valid) {
        QVERIFY(m_service->updateFunctionConfiguration(u"f1"_s, update));
        return;
    }
    QCOMPARE(created.error().code, u"ValidationException"_s);
    QCOMPARE(created.error().message,
        u"1 validation error detected: Value at 'environment.variables' failed to satisfy "
        u"constraint: Map keys must satisfy constraint: [Member must satisfy regular expression "
        u"pattern: [a-zA-Z]([a-zA-Z0-9_])+]"_s);
    QVERIFY(m_service->createFunction(function(u"f1"_s)));
    QCOMPARE(m_service->updateFunctionConfiguration(u"f1"_s, update).error().code,
        u"ValidationException"_s);
}

// GetAccountSettings: unreserved concurrency is 1000 less the reserved, and the usage counts
// the stored functions and the code of every version.
void tst_LambdaRules::accountUsage()
{
    AccountUsage usage = m_service->accountUsage();
    QCOMPARE(usage.unreservedConcurrentExecutions, 1000);
    QCOMPARE(usage.functionCount, 0);
    QCOMPARE(usage.totalCodeSize, 0);
    const auto first = m_service->createFunction(function(u"f1"_s));
    QVERIFY(first);
    QVERIFY(m_service->publishVersion(u"f1"_s, {}, {}));
    const auto second = m_service->createFunction(function(u"f2"_s));
    QVERIFY(second);
    QVERIFY(m_service->putFunctionConcurrency(u"f1"_s, 100));
    QVERIFY(m_service->putFunctionConcurrency(u"f2"_s, 50));
    usage = m_service->accountUsage();
    QCOMPARE(usage.unreservedConcurrentExecutions, 850);
    QCOMPARE(usage.functionCount, 2);
    QCOMPARE(usage.totalCodeSize, 2 * first->codeSize + second->codeSize);
}

// Layers are not emulated: a layer version ARN is refused as one that does not exist (never
// dropped silently), after AWS's pattern and five-layer checks.
void tst_LambdaRules::layers()
{
    const QString arn = u"arn:aws:lambda:us-east-1:000000000000:layer:deps:1"_s;
    CreateFunctionRequest request = function(u"f1"_s);
    request.layers = {arn};
    const auto missing = m_service->createFunction(request);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, u"InvalidParameterValueException"_s);
    QCOMPARE(missing.error().message, u"Layer version %1 does not exist."_s.arg(arn));
    QVERIFY(!m_service->getFunctionConfiguration(u"f1"_s, {}));

    request.layers = QStringList(6, arn);
    QCOMPARE(m_service->createFunction(request).error().message,
        u"Cannot reference more than 5 layers."_s);
    request.layers = {u"arn:aws:lambda:us-east-1:000000000000:layer:deps"_s};
    const auto malformed = m_service->createFunction(request);
    QCOMPARE(malformed.error().code, u"ValidationException"_s);
    QVERIFY(malformed.error().message.startsWith(
        u"1 validation error detected: Value '[arn:aws:lambda:us-east-1:000000000000:layer:deps]' "
        u"at 'layers' failed to satisfy constraint: "_s));

    QVERIFY(m_service->createFunction(function(u"f1"_s)));
    UpdateConfigurationRequest update;
    update.layers = QStringList{arn};
    QCOMPARE(m_service->updateFunctionConfiguration(u"f1"_s, update).error().message,
        u"Layer version %1 does not exist."_s.arg(arn));
    update.layers = QStringList();
    QVERIFY(m_service->updateFunctionConfiguration(u"f1"_s, update));
}

QTEST_GUILESS_MAIN(tst_LambdaRules)
#include "tst_lambdarules.moc"
