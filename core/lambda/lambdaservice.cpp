// SPDX-License-Identifier: MIT
#include "core/lambda/lambdaservice.h"

#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/ids.h"
#include "core/lambda/environmentpool.h"
#include "core/lambda/lambdaerrors.h"
#include "core/lambda/lambdastore.h"
#include "core/lambda/runtimes.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

constexpr int MaxEnvironmentBytes = 4096;
constexpr int MaxLayers = 5;

const QStringList &reservedEnvironmentKeys()
{
    static const QStringList keys{u"_HANDLER"_s,
        u"_X_AMZN_TRACE_ID"_s,
        u"AWS_DEFAULT_REGION"_s,
        u"AWS_REGION"_s,
        u"AWS_EXECUTION_ENV"_s,
        u"AWS_LAMBDA_FUNCTION_NAME"_s,
        u"AWS_LAMBDA_FUNCTION_MEMORY_SIZE"_s,
        u"AWS_LAMBDA_FUNCTION_VERSION"_s,
        u"AWS_LAMBDA_INITIALIZATION_TYPE"_s,
        u"AWS_LAMBDA_LOG_GROUP_NAME"_s,
        u"AWS_LAMBDA_LOG_STREAM_NAME"_s,
        u"AWS_ACCESS_KEY"_s,
        u"AWS_ACCESS_KEY_ID"_s,
        u"AWS_SECRET_ACCESS_KEY"_s,
        u"AWS_SESSION_TOKEN"_s,
        u"AWS_LAMBDA_RUNTIME_API"_s,
        u"LAMBDA_TASK_ROOT"_s,
        u"LAMBDA_RUNTIME_DIR"_s};
    return keys;
}

} // namespace

LambdaService::LambdaService(const Storage::Database &database,
    Clock *clock,
    Logs::LogsService *logs,
    QString stateDir,
    QString region,
    QString accountId,
    QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<LambdaStore>(database))
    , m_database(database)
    , m_clock(clock)
    , m_logs(logs)
    , m_stateDir(std::move(stateDir))
    , m_region(std::move(region))
    , m_accountId(std::move(accountId))
    , m_pool(new EnvironmentPool(this))
    , m_changes(new Coalescer(150, this))
{
    connect(m_changes, &Coalescer::fired, this, &LambdaService::functionsChanged);
    m_interpreters.insert(u"python3"_s, qEnvironmentVariable("CB_LAMBDA_PYTHON", u"python3"_s));
    m_interpreters.insert(u"node"_s, qEnvironmentVariable("CB_LAMBDA_NODE", u"node"_s));
    // The bootstraps ship as resources; the interpreters need them as files.
    QDir dir(bootstrapDirectory());
    dir.mkpath(u"."_s);
    for (const QString &name : {u"bootstrap.py"_s, u"bootstrap.js"_s}) {
        QFile source(u":/lambda/"_s + name);
        QFile target(dir.filePath(name));
        if (source.open(QIODevice::ReadOnly)
            && target.open(QIODevice::WriteOnly | QIODevice::Truncate))
            target.write(source.readAll());
    }
    m_eventTimer.setInterval(100);
    connect(&m_eventTimer, &QTimer::timeout, this, &LambdaService::processEvents);
    connect(m_clock, &Clock::advanced, this, &LambdaService::processEvents);
    // Asynchronous invocations accepted before a restart run again (at least once, as AWS).
    for (const StoredEvent &stored : m_store->queuedEvents())
        m_events.append(QueuedEvent{stored.requestId,
            stored.functionName,
            stored.qualifier,
            stored.payload,
            stored.attempts,
            stored.enqueuedMs,
            stored.dueMs});
    if (!m_events.isEmpty())
        m_eventTimer.start();
    m_pollTimer.setInterval(1000);
    connect(&m_pollTimer, &QTimer::timeout, this, &LambdaService::pollEventSources);
    m_pollTimer.start();
}

LambdaService::~LambdaService()
{
    m_pool->shutdown();
}

void LambdaService::setInterpreter(const QString &runtimeFamily, const QString &program)
{
    m_interpreters.insert(runtimeFamily, program);
}

QString LambdaService::bootstrapDirectory() const
{
    return QDir(m_stateDir).filePath(u"functions/.runtime"_s);
}

QString LambdaService::functionArn(const QString &name, const QString &qualifier) const
{
    QString arn = u"arn:aws:lambda:%1:%2:function:%3"_s.arg(m_region, m_accountId, name);
    if (!qualifier.isEmpty())
        arn += u':' + qualifier;
    return arn;
}

QString LambdaService::codeDirectory(const QString &function, const QString &version) const
{
    return QDir(m_stateDir).filePath(u"functions/%1/%2"_s.arg(function, version));
}

Result<QString> LambdaService::existingFunction(const QString &function) const
{
    const auto name = resolveName(function, nullptr);
    if (!name)
        return std::unexpected(name.error());
    if (!m_store->functionExists(*name))
        return std::unexpected(Errors::functionNotFound(functionArn(*name)));
    return name;
}

Result<QString> LambdaService::resolveName(const QString &input, QString *qualifier) const
{
    static const QRegularExpression pattern(
        u"^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
        u"(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?$"_s);
    const auto match = pattern.match(input);
    if (input.isEmpty() || input.size() > 140 || !match.hasMatch())
        return std::unexpected(Errors::validation(input,
            u"functionName"_s,
            u"Member must satisfy regular expression pattern: "
            u"(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
            u"(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?"_s));
    const QString name = match.captured(7);
    if (name.size() > 64)
        return std::unexpected(Errors::validation(
            input, u"functionName"_s, u"Member must have length less than or equal to 64"_s));
    if (qualifier && !match.captured(9).isEmpty()) {
        if (!qualifier->isEmpty() && *qualifier != match.captured(9))
            return std::unexpected(Errors::invalidParameter(
                u"The derived qualifier from the function name does not match the specified "
                u"qualifier."_s));
        *qualifier = match.captured(9);
    }
    return name;
}

Result<QString> LambdaService::latestOnlyName(const QString &input) const
{
    QString qualifier;
    const auto name = resolveName(input, &qualifier);
    if (!name)
        return name;
    if (!qualifier.isEmpty() && qualifier != u"$LATEST"_s)
        return std::unexpected(Errors::invalidParameter(
            u"Current operation does not support versions other than $LATEST. Please set version "
            u"to $LATEST or do not set a version in your request."_s));
    return name;
}

Result<FunctionConfiguration> LambdaService::latestOf(const QString &name) const
{
    auto config = m_store->version(name, u"$LATEST"_s);
    if (!config)
        return std::unexpected(Errors::functionNotFound(functionArn(name)));
    return *config;
}

Status LambdaService::validateConfiguration(const FunctionConfiguration &config) const
{
    const auto runtime = runtimeInfo(config.runtime);
    if (!runtime) {
        const QString deprecated = deprecatedRuntimeMessage(config.runtime);
        if (!deprecated.isEmpty())
            return std::unexpected(Errors::invalidParameter(deprecated));
        return std::unexpected(Errors::validation(config.runtime,
            u"runtime"_s,
            u"Member must satisfy enum value set: ["_s + validRuntimes().join(u", "_s) + u']'));
    }
    static const QRegularExpression rolePattern(
        u"^arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$"_s);
    if (!rolePattern.match(config.role).hasMatch())
        return std::unexpected(Errors::validation(config.role,
            u"role"_s,
            u"Member must satisfy regular expression pattern: "
            u"arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+"_s));
    static const QRegularExpression handlerPattern(u"^[^\\s]+$"_s);
    if (config.handler.size() > 128 || !handlerPattern.match(config.handler).hasMatch())
        return std::unexpected(Errors::validation(config.handler,
            u"handler"_s,
            config.handler.size() > 128
                ? u"Member must have length less than or equal to 128"_s
                : u"Member must satisfy regular expression pattern: [^\\s]+"_s));
    if (config.timeout < 1)
        return std::unexpected(Errors::validation(QString::number(config.timeout),
            u"timeout"_s,
            u"Member must have value greater than or equal to 1"_s));
    if (config.timeout > 900)
        return std::unexpected(Errors::validation(QString::number(config.timeout),
            u"timeout"_s,
            u"Member must have value less than or equal to 900"_s));
    if (config.memorySize < 128 || config.memorySize > 10240)
        return std::unexpected(Errors::validation(QString::number(config.memorySize),
            u"memorySize"_s,
            config.memorySize < 128 ? u"Member must have value greater than or equal to 128"_s
                                    : u"Member must have value less than or equal to 10240"_s));
    if (config.ephemeralStorageMb < 512 || config.ephemeralStorageMb > 10240)
        return std::unexpected(Errors::validation(QString::number(config.ephemeralStorageMb),
            u"ephemeralStorage.size"_s,
            config.ephemeralStorageMb < 512
                ? u"Member must have value greater than or equal to 512"_s
                : u"Member must have value less than or equal to 10240"_s));
    if (config.description.size() > 256)
        return std::unexpected(Errors::validation(config.description,
            u"description"_s,
            u"Member must have length less than or equal to 256"_s));
    // Environment variables are sensitive: AWS names the field but not the offending key.
    static const QRegularExpression keyPattern(u"^[a-zA-Z]([a-zA-Z0-9_])+$"_s);
    for (auto it = config.environment.cbegin(); it != config.environment.cend(); ++it) {
        if (!keyPattern.match(it.key()).hasMatch())
            return std::unexpected(AwsError{u"ValidationException"_s,
                u"1 validation error detected: Value at 'environment.variables' failed to "
                u"satisfy constraint: Map keys must satisfy constraint: [Member must satisfy "
                u"regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]"_s});
    }
    QStringList reserved;
    QString measured;
    int bytes = 0;
    for (auto it = config.environment.cbegin(); it != config.environment.cend(); ++it) {
        if (reservedEnvironmentKeys().contains(it.key()))
            reserved.append(it.key());
        bytes += it.key().toUtf8().size() + it.value().toUtf8().size();
        measured += (measured.isEmpty() ? u""_s : u","_s) + u"\""_s + it.key() + u"\":\""_s
            + it.value() + u'"';
    }
    if (!reserved.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"Lambda was unable to configure your environment variables because the environment "
            u"variables you have provided contains reserved keys that are currently not "
            u"supported for modification. Reserved keys used in this request: "_s
            + reserved.join(u", "_s)));
    if (bytes > MaxEnvironmentBytes)
        return std::unexpected(Errors::invalidParameter(
            u"Lambda was unable to configure your environment variables because the environment "
            u"variables you have provided exceeded the 4KB limit. String measured: {"_s
            + measured + u'}'));
    return {};
}

Status LambdaService::checkLayers(const QStringList &layers) const
{
    static const QRegularExpression arnPattern(
        u"^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+$"_s);
    for (const QString &arn : layers) {
        if (arn.isEmpty() || arn.size() > 140 || !arnPattern.match(arn).hasMatch())
            return std::unexpected(Errors::validation(u'[' + layers.join(u", "_s) + u']',
                u"layers"_s,
                u"Member must satisfy constraint: [Member must have length less than or equal to "
                u"140, Member must have length greater than or equal to 1, Member must satisfy "
                u"regular expression pattern: "
                u"arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+]"_s));
    }
    if (layers.size() > MaxLayers)
        return std::unexpected(Errors::invalidParameter(u"Cannot reference more than 5 layers."_s));
    if (!layers.isEmpty())
        return std::unexpected(
            Errors::invalidParameter(u"Layer version %1 does not exist."_s.arg(layers.first())));
    return {};
}

Result<FunctionConfiguration> LambdaService::createFunction(const CreateFunctionRequest &request)
{
    QString qualifier;
    const auto name = resolveName(request.functionName, nullptr);
    if (!name)
        return std::unexpected(name.error());
    FunctionConfiguration config;
    config.functionName = *name;
    config.functionArn = functionArn(*name);
    config.runtime = request.runtime;
    config.role = request.role;
    config.handler = request.handler;
    config.description = request.description;
    config.timeout = request.timeout.value_or(3);
    config.memorySize = request.memorySize.value_or(128);
    config.environment = request.environment;
    config.deadLetterTargetArn = request.deadLetterTargetArn;
    config.ephemeralStorageMb = request.ephemeralStorageMb.value_or(512);
    if (!request.architecture.isEmpty())
        config.architecture = request.architecture;
    if (auto valid = validateConfiguration(config); !valid)
        return std::unexpected(valid.error());
    if (auto valid = checkLayers(request.layers); !valid)
        return std::unexpected(valid.error());
    const bool fromS3 = !request.s3Code.isEmpty();
    if (fromS3 && !request.zipFile.isEmpty())
        return std::unexpected(Errors::invalidParameter(
            u"Please do not provide other FunctionCode parameters when providing a ZipFile."_s));
    if (!fromS3 && request.zipFile.isEmpty())
        return std::unexpected(
            Errors::invalidParameter(u"Please provide a source for function code."_s));
    if (m_store->functionExists(*name))
        return std::unexpected(Errors::conflict(u"Function already exist: "_s + *name));
    const auto zip = fromS3 ? fetchS3Code(request.s3Code) : Result<QByteArray>(request.zipFile);
    if (!zip)
        return std::unexpected(zip.error());
    // A function that is not created keeps no files.
    const auto discardFiles = [this, &name] {
        QDir(QDir(m_stateDir).filePath(u"functions/"_s + *name)).removeRecursively();
    };
    const auto code = storeCode(*name, u"$LATEST"_s, *zip, fromS3);
    if (!code) {
        discardFiles();
        return std::unexpected(code.error());
    }
    config.codeSha256 = code->first;
    config.codeSize = code->second;
    config.lastModifiedMs = m_clock->nowMs();
    config.revisionId = Ids::requestId();

    Storage::SqlTransaction transaction(m_database.connection());
    if (!m_store->insertFunction(*name, config.lastModifiedMs) || !m_store->putVersion(config)) {
        discardFiles();
        return std::unexpected(CommonErrors::internalFailure(u"Could not store the function."_s));
    }
    QJsonObject tags;
    for (auto it = request.tags.cbegin(); it != request.tags.cend(); ++it)
        tags.insert(it.key(), it.value());
    m_store->setDocument(*name, LambdaStore::Document::Tags, tags);
    if (!transaction.commit()) {
        discardFiles();
        return std::unexpected(CommonErrors::internalFailure(u"Could not store the function."_s));
    }
    m_changes->touch();
    if (request.publish) {
        auto published = publishVersion(*name, {}, {});
        if (!published)
            return std::unexpected(published.error());
        return *published;
    }
    return config;
}

Result<LambdaService::Target> LambdaService::resolveTarget(
    const QString &input, const QString &qualifierIn) const
{
    QString qualifier = qualifierIn;
    const auto name = resolveName(input, &qualifier);
    if (!name)
        return std::unexpected(name.error());
    if (!m_store->functionExists(*name))
        return std::unexpected(Errors::functionNotFound(functionArn(*name, qualifier)));
    if (qualifier.isEmpty() || qualifier == u"$LATEST"_s) {
        auto config = m_store->version(*name, u"$LATEST"_s);
        return Target{*config, functionArn(*name, qualifier), qualifier};
    }
    QString version = qualifier;
    if (const auto alias = m_store->alias(*name, qualifier)) {
        version = alias->functionVersion;
        // RoutingConfig: the additional version gets its weight of the traffic.
        double roll = double(Ids::randomHex(8).toULongLong(nullptr, 16)) / double(0xFFFFFFFFULL);
        for (auto it = alias->additionalVersionWeights.cbegin();
             it != alias->additionalVersionWeights.cend();
             ++it) {
            if (roll < it.value()) {
                version = it.key();
                break;
            }
            roll -= it.value();
        }
    }
    auto config = m_store->version(*name, version);
    if (!config)
        return std::unexpected(Errors::functionNotFound(functionArn(*name, qualifier)));
    return Target{*config, functionArn(*name, qualifier), qualifier};
}

Result<FunctionConfiguration> LambdaService::getFunctionConfiguration(
    const QString &function, const QString &qualifier) const
{
    QString resolvedQualifier = qualifier;
    const auto name = resolveName(function, &resolvedQualifier);
    if (!name)
        return std::unexpected(name.error());
    if (const auto alias = m_store->alias(*name, resolvedQualifier))
        resolvedQualifier = alias->functionVersion;
    auto config =
        m_store->version(*name, resolvedQualifier.isEmpty() ? u"$LATEST"_s : resolvedQualifier);
    if (!config)
        return std::unexpected(Errors::functionNotFound(functionArn(*name, qualifier)));
    return *config;
}

Result<QList<FunctionConfiguration>> LambdaService::listFunctions(
    const QString &marker, std::optional<int> maxItems, QString *nextMarker) const
{
    if (maxItems && (*maxItems < 1 || *maxItems > 10000))
        return std::unexpected(Errors::validation(QString::number(*maxItems),
            u"maxItems"_s,
            u"Member must have value greater than or equal to 1"_s));
    QString after;
    if (!marker.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(marker.toLatin1());
        if (!decoded)
            return std::unexpected(Errors::invalidParameter(u"Invalid marker: "_s + marker));
        after = QString::fromUtf8(*decoded);
    }
    const int limit = std::min(maxItems.value_or(50), 50);
    QList<FunctionConfiguration> page = m_store->latest(after, limit + 1);
    if (page.size() > limit) {
        page.resize(limit);
        *nextMarker = QString::fromLatin1(page.constLast().functionName.toUtf8().toBase64());
    }
    return page;
}

Result<FunctionConfiguration> LambdaService::updateFunctionConfiguration(
    const QString &function, const UpdateConfigurationRequest &request)
{
    const auto name = latestOnlyName(function);
    if (!name)
        return std::unexpected(name.error());
    auto config = latestOf(*name);
    if (!config)
        return config;
    if (!request.revisionId.isEmpty() && request.revisionId != config->revisionId)
        return std::unexpected(Errors::preconditionFailed());
    if (request.runtime)
        config->runtime = *request.runtime;
    if (request.role)
        config->role = *request.role;
    if (request.handler)
        config->handler = *request.handler;
    if (request.description)
        config->description = *request.description;
    if (request.timeout)
        config->timeout = *request.timeout;
    if (request.memorySize)
        config->memorySize = *request.memorySize;
    if (request.environment)
        config->environment = *request.environment;
    if (request.deadLetterTargetArn)
        config->deadLetterTargetArn = *request.deadLetterTargetArn;
    if (request.ephemeralStorageMb)
        config->ephemeralStorageMb = *request.ephemeralStorageMb;
    if (auto valid = validateConfiguration(*config); !valid)
        return std::unexpected(valid.error());
    if (auto valid = checkLayers(request.layers.value_or(QStringList())); !valid)
        return std::unexpected(valid.error());
    config->lastModifiedMs = m_clock->nowMs();
    config->revisionId = Ids::requestId();
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putVersion(*config);
    transaction.commit();
    m_pool->discard(*name);
    m_changes->touch();
    return config;
}

Status LambdaService::deleteFunction(const QString &function, const QString &qualifierIn)
{
    QString qualifier = qualifierIn;
    const auto name = resolveName(function, &qualifier);
    if (!name)
        return std::unexpected(name.error());
    if (!m_store->functionExists(*name))
        return std::unexpected(Errors::functionNotFound(functionArn(*name, qualifier)));
    // DeleteFunction with a Qualifier deletes one published version only: never $LATEST (that
    // would be the whole function) and never an alias (DeleteAlias does that).
    if (qualifier == u"$LATEST"_s)
        return std::unexpected(Errors::invalidParameter(
            u"$LATEST version cannot be deleted without deleting the function."_s));
    static const QRegularExpression versionNumber(u"^[0-9]+$"_s);
    if (!qualifier.isEmpty() && !versionNumber.match(qualifier).hasMatch())
        return std::unexpected(
            Errors::invalidParameter(u"Deletion of aliases is not currently supported."_s));
    Storage::SqlTransaction transaction(m_database.connection());
    if (!qualifier.isEmpty()) {
        for (const AliasConfiguration &alias : m_store->aliases(*name)) {
            if (alias.functionVersion == qualifier)
                return std::unexpected(Errors::conflict(
                    u"Unable to delete version because the following aliases reference it: ["_s
                    + alias.name + u']'));
        }
        if (!m_store->deleteVersion(*name, qualifier))
            return std::unexpected(Errors::functionNotFound(functionArn(*name, qualifier)));
        m_store->deleteEventInvokeConfig(*name, qualifier);
        transaction.commit();
        QDir(codeDirectory(*name, qualifier)).removeRecursively();
        QFile::remove(codeDirectory(*name, qualifier) + u".zip"_s);
        m_changes->touch();
        return {};
    }
    m_store->deleteFunction(*name);
    transaction.commit();
    m_pool->discard(*name);
    QDir(QDir(m_stateDir).filePath(u"functions/"_s + *name)).removeRecursively();
    m_events.removeIf([&](const QueuedEvent &event) { return event.functionName == *name; });
    m_changes->touch();
    return {};
}

Result<FunctionConfiguration> LambdaService::publishVersion(const QString &function,
    const QString &description,
    const QString &codeSha256,
    const QString &revisionId)
{
    const auto name = resolveName(function, nullptr);
    if (!name)
        return std::unexpected(name.error());
    auto latest = latestOf(*name);
    if (!latest)
        return latest;
    if (!revisionId.isEmpty() && revisionId != latest->revisionId)
        return std::unexpected(Errors::preconditionFailed());
    if (!codeSha256.isEmpty() && codeSha256 != latest->codeSha256)
        return std::unexpected(Errors::invalidParameter(
            u"CodeSHA256 (%1) is different from current CodeSHA256 in $LATEST (%2). Please try "
            u"again with the CodeSHA256 in $LATEST."_s.arg(codeSha256, latest->codeSha256)));
    // Publishing unchanged code and configuration returns the newest version (AWS).
    const QList<FunctionConfiguration> existing = m_store->versions(*name);
    if (existing.size() > 1) {
        const FunctionConfiguration &newest = existing.constLast();
        if (newest.codeSha256 == latest->codeSha256 && newest.handler == latest->handler
            && newest.runtime == latest->runtime && newest.timeout == latest->timeout
            && newest.memorySize == latest->memorySize && newest.environment == latest->environment)
            return newest;
    }
    Storage::SqlTransaction transaction(m_database.connection());
    const int number = m_store->nextVersionNumber(*name);
    FunctionConfiguration version = *latest;
    version.version = QString::number(number);
    version.functionArn = functionArn(*name, version.version);
    if (!description.isEmpty())
        version.description = description;
    version.lastModifiedMs = m_clock->nowMs();
    version.revisionId = Ids::requestId();
    // A published version keeps its own copy of the code, in place before the version exists:
    // a version is never without its code.
    QFile archive(codeDirectory(*name, u"$LATEST"_s) + u".zip"_s);
    if (!archive.open(QIODevice::ReadOnly))
        return std::unexpected(
            CommonErrors::internalFailure(u"Could not read the function code."_s));
    if (auto stored = storeCode(*name, version.version, archive.readAll(), true); !stored)
        return std::unexpected(stored.error());
    if (!m_store->putVersion(version) || !transaction.commit()) {
        const QString target = codeDirectory(*name, version.version);
        QDir(target).removeRecursively();
        QFile::remove(target + u".zip"_s);
        return std::unexpected(CommonErrors::internalFailure(u"Could not store the version."_s));
    }
    m_changes->touch();
    return version;
}

Result<QList<FunctionConfiguration>> LambdaService::listVersionsByFunction(
    const QString &function) const
{
    const auto name = existingFunction(function);
    if (!name)
        return std::unexpected(name.error());
    return m_store->versions(*name);
}

QList<InvocationRecord> LambdaService::recentInvocations(const QString &function, int limit) const
{
    return m_store->recentInvocations(function, limit);
}

int LambdaService::eventFailureCount(const QString &function) const
{
    return m_store->eventFailureCount(function);
}

} // namespace Core::Lambda
