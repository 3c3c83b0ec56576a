// SPDX-License-Identifier: MIT
// LambdaService: Invoke (synchronous, asynchronous with retries and destinations, dry run),
// concurrency limits and the START / END / REPORT log framing.
#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/common/metricsink.h"
#include "core/common/tracing.h"
#include "core/lambda/environmentpool.h"
#include "core/lambda/lambdaerrors.h"
#include "core/lambda/lambdaservice.h"
#include "core/lambda/lambdastore.h"
#include "core/lambda/runtimes.h"
#include "core/logs/logsservice.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

constexpr qint64 MaxSyncPayload = 6291456;
constexpr qint64 MaxEventPayload = 1048576;
constexpr qint64 MaxInvokeAsyncPayload = 262144;
constexpr int LogTailBytes = 4096;
constexpr qint64 RetryDelayMs = 60 * 1000;
// Throttled Event invocations go back to the queue; AWS retries them with an interval growing
// exponentially from 1 second to 5 minutes, each attempt counting in the Throttles metric.
constexpr qint64 ThrottleRetryFirstMs = 1000;
constexpr qint64 ThrottleRetryMaxMs = 5 * 60 * 1000;
constexpr int DefaultMaximumEventAgeSeconds = 21600;

// Lambda accepts any JSON value as the event (objects, arrays, strings, numbers, null).
std::optional<QString> jsonError(const QByteArray &payload)
{
    if (payload.trimmed().isEmpty())
        return std::nullopt;
    QJsonParseError error;
    QJsonDocument::fromJson("[" + payload + "]", &error);
    if (error.error == QJsonParseError::NoError)
        return std::nullopt;
    return error.errorString();
}

QString programFor(const QString &program)
{
    if (QFileInfo(program).isAbsolute())
        return QFileInfo(program).isExecutable() ? program : QString();
    return QStandardPaths::findExecutable(program);
}

} // namespace

QString LambdaService::newLogStream(const QString &version) const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC).toString(u"yyyy/MM/dd"_s)
        + u"/["_s + version + u']' + Ids::randomHex(32);
}

void LambdaService::reportMetric(const QString &function,
    const QString &qualifier,
    const QString &metricName,
    double value,
    const QString &unit)
{
    if (!m_metrics)
        return;
    // AWS publishes each metric per function, per version or alias (Resource) and across all
    // functions (no dimension).
    const QString ns = u"AWS/Lambda"_s;
    const qint64 now = m_clock->nowMs();
    m_metrics->putMetric(ns, metricName, {{u"FunctionName"_s, function}}, value, unit, now);
    if (!qualifier.isEmpty() && qualifier != u"$LATEST"_s)
        m_metrics->putMetric(ns,
            metricName,
            {{u"FunctionName"_s, function}, {u"Resource"_s, function + u':' + qualifier}},
            value,
            unit,
            now);
    m_metrics->putMetric(ns, metricName, {}, value, unit, now);
}

std::optional<AwsError> LambdaService::concurrencyBlock(const QString &name) const
{
    const std::optional<int> reserved = m_store->reservedConcurrency(name);
    const int busy = m_pool->busyCount(name);
    if (reserved) {
        if (busy >= *reserved)
            return Errors::throttled(u"ReservedFunctionConcurrentInvocationLimitExceeded"_s);
        return std::nullopt;
    }
    const qint64 unreserved = AccountConcurrencyLimit - m_store->totalReservedConcurrency({});
    if (m_pool->totalBusy() >= AccountConcurrencyLimit || busy >= unreserved)
        return Errors::throttled(u"ConcurrentInvocationLimitExceeded"_s);
    return std::nullopt;
}

void LambdaService::invoke(const InvokeRequest &request, InvokeDone done)
{
    const auto target = resolveTarget(request.functionName, request.qualifier);
    if (!target) {
        done(std::unexpected(target.error()));
        return;
    }
    const bool async = request.type == InvocationType::Event;
    if (request.invokeAsync && request.payload.size() > MaxInvokeAsyncPayload) {
        done(std::unexpected(Errors::tooLarge(MaxInvokeAsyncPayload, u"InvokeAsync"_s)));
        return;
    }
    if (async && request.payload.size() > MaxEventPayload) {
        done(
            std::unexpected(Errors::eventPayloadTooLarge(request.payload.size(), MaxEventPayload)));
        return;
    }
    if (request.payload.size() > MaxSyncPayload) {
        done(std::unexpected(Errors::tooLarge(MaxSyncPayload, u"InvokeFunction"_s)));
        return;
    }
    if (const auto error = jsonError(request.payload)) {
        done(std::unexpected(AwsError{u"InvalidRequestContentException"_s,
            u"Could not parse request body into json: Could not parse payload into json: "_s
                + *error,
            400}));
        return;
    }
    const QString requestId = Ids::requestId();
    InvocationResult accepted;
    accepted.requestId = requestId;
    accepted.executedVersion = target->config.version;
    if (request.type == InvocationType::DryRun) {
        accepted.statusCode = 204;
        done(accepted);
        return;
    }
    if (dropsRecursion(target->config.functionName, target->qualifier, request.lineage)) {
        const AwsError loop = Errors::recursiveInvocation();
        if (!async) {
            done(std::unexpected(loop));
            return;
        }
        // The event is not run: it goes to the dead-letter queue or on-failure destination.
        accepted.statusCode = 202;
        done(accepted);
        const qint64 now = m_clock->nowMs();
        eventFinished(QueuedEvent{requestId,
                          target->config.functionName,
                          target->qualifier,
                          request.payload,
                          0,
                          now,
                          now,
                          0,
                          request.lineage},
            std::unexpected(loop));
        return;
    }
    if (async) {
        const qint64 now = m_clock->nowMs();
        m_events.append(QueuedEvent{requestId,
            target->config.functionName,
            target->qualifier,
            request.payload,
            0,
            now,
            now,
            0,
            request.lineage});
        persistEvent(m_events.constLast());
        accepted.statusCode = 202;
        done(accepted);
        if (!m_eventTimer.isActive())
            m_eventTimer.start();
        return;
    }
    if (const auto blocked = concurrencyBlock(target->config.functionName)) {
        reportMetric(target->config.functionName, target->qualifier, u"Throttles"_s, 1, u"Count"_s);
        done(std::unexpected(*blocked));
        return;
    }
    startInvocation(
        *target, request.payload, requestId, request.logTail, request.lineage, std::move(done));
}

bool LambdaService::dropsRecursion(const QString &function, const QString &qualifier, int lineage)
{
    if (lineage < Tracing::MaxInvocations || m_store->recursiveLoop(function) == u"Allow"_s)
        return false;
    reportMetric(function, qualifier, u"RecursiveInvocationsDropped"_s, 1, u"Count"_s);
    return true;
}

void LambdaService::startInvocation(const Target &target,
    const QByteArray &payload,
    const QString &requestId,
    bool logTail,
    int lineage,
    InvokeDone done)
{
    const FunctionConfiguration &config = target.config;
    const auto runtime = runtimeInfo(config.runtime);
    if (!runtime || runtime->kind == RuntimeKind::Unsupported) {
        done(std::unexpected(AwsError{u"InvalidRuntimeException"_s,
            u"Cloudbench cannot run the %1 runtime: it runs python3.x and nodejs runtimes with "
            u"the interpreters installed on this machine."_s.arg(config.runtime),
            502,
            false}));
        return;
    }
    const QString program = programFor(m_interpreters.value(runtime->interpreter));
    if (program.isEmpty()) {
        done(std::unexpected(AwsError{u"InvalidRuntimeException"_s,
            u"Cloudbench cannot run %1: the '%2' interpreter was not found on PATH. Install it "
            u"(Debian/Ubuntu: sudo apt install %3) and invoke again."_s.arg(
                config.runtime, runtime->interpreter, runtime->package),
            502,
            false}));
        return;
    }
    const QString name = config.functionName;
    const QString key = name + u':' + config.version + u':' + config.revisionId;
    ExecutionEnvironment *warm = m_pool->idleEnvironment(key);
    const QString logStream = warm ? warm->logStream() : newLogStream(config.version);
    const QString logGroup = u"/aws/lambda/"_s + name;
    const QString codeDir = codeDirectory(name, config.version);

    ExecutionEnvironment::Setup setup;
    setup.program = program;
    setup.arguments = {QDir(bootstrapDirectory())
                           .filePath(runtime->kind == RuntimeKind::Python ? u"bootstrap.py"_s
                                                                          : u"bootstrap.js"_s)};
    setup.workingDirectory = codeDir;
    setup.key = key;
    setup.logStream = logStream;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &variable : env.keys()) {
        if (variable.startsWith(u"AWS_"_s) || variable.startsWith(u"CB_"_s))
            env.remove(variable);
    }
    for (auto it = config.environment.cbegin(); it != config.environment.cend(); ++it)
        env.insert(it.key(), it.value());
    env.insert(u"_HANDLER"_s, config.handler);
    env.insert(u"AWS_REGION"_s, m_region);
    env.insert(u"AWS_DEFAULT_REGION"_s, m_region);
    env.insert(u"AWS_EXECUTION_ENV"_s, u"AWS_Lambda_"_s + config.runtime);
    env.insert(u"AWS_LAMBDA_FUNCTION_NAME"_s, name);
    env.insert(u"AWS_LAMBDA_FUNCTION_VERSION"_s, config.version);
    env.insert(u"AWS_LAMBDA_FUNCTION_MEMORY_SIZE"_s, QString::number(config.memorySize));
    env.insert(u"AWS_LAMBDA_LOG_GROUP_NAME"_s, logGroup);
    env.insert(u"AWS_LAMBDA_LOG_STREAM_NAME"_s, logStream);
    env.insert(u"AWS_LAMBDA_INITIALIZATION_TYPE"_s, u"on-demand"_s);
    env.insert(u"AWS_ACCESS_KEY_ID"_s, u"test"_s);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"test"_s);
    env.insert(u"AWS_SESSION_TOKEN"_s, u"test"_s);
    env.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    if (!m_endpointUrl.isEmpty())
        env.insert(u"AWS_ENDPOINT_URL"_s, m_endpointUrl);
    env.insert(u"LAMBDA_TASK_ROOT"_s, codeDir);
    env.insert(u"LAMBDA_RUNTIME_DIR"_s, bootstrapDirectory());
    env.insert(u"TZ"_s, u":UTC"_s);
    env.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    setup.environment = env;

    const QJsonObject context{
        {u"requestId"_s, requestId},
        {u"functionName"_s, name},
        {u"functionVersion"_s, config.version},
        {u"invokedFunctionArn"_s, target.invokedArn},
        {u"memoryLimitInMB"_s, config.memorySize},
        {u"logGroupName"_s, logGroup},
        {u"logStreamName"_s, logStream},
        {u"remainingMs"_s, config.timeout * 1000},
        {u"traceId"_s, Tracing::invocationTraceHeader(lineage + 1, m_clock->nowMs())},
    };
    const qint64 startedMs = m_clock->nowMs();
    if (m_metrics) {
        const double running = m_pool->busyCount(name) + 1;
        const qint64 now = m_clock->nowMs();
        const QString ns = u"AWS/Lambda"_s;
        m_metrics->putMetric(
            ns, u"ConcurrentExecutions"_s, {{u"FunctionName"_s, name}}, running, u"Count"_s, now);
        if (!target.qualifier.isEmpty() && target.qualifier != u"$LATEST"_s)
            m_metrics->putMetric(ns,
                u"ConcurrentExecutions"_s,
                {{u"FunctionName"_s, name}, {u"Resource"_s, name + u':' + target.qualifier}},
                running,
                u"Count"_s,
                now);
        m_metrics->putMetric(
            ns, u"ConcurrentExecutions"_s, {}, m_pool->totalBusy() + 1, u"Count"_s, now);
    }
    m_pool->run(setup,
        name,
        QJsonDocument(context).toJson(QJsonDocument::Compact),
        payload.trimmed().isEmpty() ? QByteArray("{}") : payload,
        config.timeout * 1000,
        [this, target, requestId, logStream, startedMs, logTail, done](
            ExecutionEnvironment *environment, const ExecutionEnvironment::Result &result) {
            finishInvocation(target,
                requestId,
                logStream,
                startedMs,
                environment,
                result.payload,
                int(result.outcome),
                result.logLines,
                result.durationMs,
                result.initDurationMs,
                result.maxMemoryUsedMb,
                result.exitDescription,
                logTail,
                done);
        });
}

void LambdaService::finishInvocation(const Target &target,
    const QString &requestId,
    const QString &logStream,
    qint64 startedMs,
    ExecutionEnvironment *environment,
    const QByteArray &payload,
    int outcomeValue,
    const QStringList &logLines,
    double durationMs,
    std::optional<double> initMs,
    int memoryMb,
    const QString &exitDescription,
    bool logTail,
    const InvokeDone &done)
{
    Q_UNUSED(environment);
    const auto outcome = ExecutionEnvironment::Outcome(outcomeValue);
    const FunctionConfiguration &config = target.config;
    const qint64 now = m_clock->nowMs();
    InvocationResult result;
    result.requestId = requestId;
    result.executedVersion = config.version;
    result.initDurationMs = initMs;
    result.maxMemoryUsedMb = memoryMb;
    QString status = u"Success"_s;
    QStringList lines;
    if (initMs)
        lines.append(
            u"INIT_START Runtime Version: %1.cloudbench\tRuntime Version ARN: "
            u"arn:aws:lambda:%2::runtime:cloudbench-local"_s.arg(config.runtime, m_region));
    lines.append(u"START RequestId: %1 Version: %2"_s.arg(requestId, config.version));
    lines.append(logLines);
    switch (outcome) {
    case ExecutionEnvironment::Outcome::Success:
        result.payload = payload;
        break;
    case ExecutionEnvironment::Outcome::FunctionError:
        result.payload = payload;
        result.functionError = u"Unhandled"_s;
        status = u"Error"_s;
        break;
    case ExecutionEnvironment::Outcome::Timeout: {
        durationMs = config.timeout * 1000.0;
        const QString message =
            u"%1 %2 Task timed out after %3 seconds"_s.arg(isoTime(startedMs + qint64(durationMs)),
                requestId,
                QString::number(durationMs / 1000.0, 'f', 2));
        lines.append(message);
        result.payload =
            QJsonDocument(QJsonObject{{u"errorMessage"_s, message}}).toJson(QJsonDocument::Compact);
        result.functionError = u"Unhandled"_s;
        status = u"Timeout"_s;
        break;
    }
    case ExecutionEnvironment::Outcome::Exited: {
        const QString message =
            u"RequestId: %1 Error: Runtime exited with error: %2"_s.arg(requestId, exitDescription);
        lines.append(message);
        lines.append(u"Runtime.ExitError"_s);
        result.payload = QJsonDocument(
            QJsonObject{{u"errorType"_s, u"Runtime.ExitError"_s}, {u"errorMessage"_s, message}})
                             .toJson(QJsonDocument::Compact);
        result.functionError = u"Unhandled"_s;
        status = u"Error"_s;
        break;
    }
    }
    result.durationMs = durationMs;
    result.billedDurationMs = qint64(std::ceil(durationMs));
    lines.append(u"END RequestId: "_s + requestId);
    QString report = u"REPORT RequestId: %1\tDuration: %2 ms\tBilled Duration: %3 ms\tMemory Size: "
                     u"%4 MB\tMax Memory Used: %5 MB\t"_s.arg(requestId,
                         QString::number(durationMs, 'f', 2),
                         QString::number(result.billedDurationMs),
                         QString::number(config.memorySize),
                         QString::number(memoryMb));
    if (initMs)
        report += u"Init Duration: %1 ms\t"_s.arg(QString::number(*initMs, 'f', 2));
    if (outcome == ExecutionEnvironment::Outcome::Timeout)
        report += u"Status: timeout"_s;
    lines.append(report);

    QList<Logs::InputLogEvent> events;
    events.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        events.append({i == 0 ? startedMs : now, lines.at(i)});
    if (m_logs)
        m_logs->appendEvents(u"/aws/lambda/"_s + config.functionName, logStream, events);
    if (logTail) {
        const QByteArray text = lines.join(u'\n').toUtf8() + '\n';
        result.logTail = text.right(LogTailBytes).toBase64();
    }

    InvocationRecord record;
    record.timeMs = startedMs;
    record.functionName = config.functionName;
    record.version = config.version;
    record.requestId = requestId;
    record.status = status;
    record.durationMs = durationMs;
    record.initDurationMs = initMs;
    record.maxMemoryUsedMb = memoryMb;
    record.logStream = logStream;
    {
        Storage::SqlTransaction transaction(m_database.connection());
        m_store->insertInvocation(record);
        transaction.commit();
    }
    emit invocationFinished(record);
    reportMetric(config.functionName, target.qualifier, u"Invocations"_s, 1, u"Count"_s);
    if (!result.functionError.isEmpty())
        reportMetric(config.functionName, target.qualifier, u"Errors"_s, 1, u"Count"_s);
    reportMetric(
        config.functionName, target.qualifier, u"Duration"_s, durationMs, u"Milliseconds"_s);
    done(result);
}

void LambdaService::processEvents()
{
    const qint64 now = m_clock->nowMs();
    QList<QueuedEvent> due;
    for (qsizetype i = 0; i < m_events.size();) {
        if (m_events.at(i).dueMs <= now) {
            due.append(m_events.takeAt(i));
        } else {
            ++i;
        }
    }
    for (QueuedEvent &event : due) {
        const auto target = resolveTarget(event.functionName, event.qualifier);
        if (!target) {
            forgetEvent(event.requestId); // the function or its alias is gone
            continue;
        }
        const QJsonObject invokeConfig = eventInvokeConfig(event);
        const int maxAge =
            invokeConfig.value(u"MaximumEventAgeInSeconds"_s).toInt(DefaultMaximumEventAgeSeconds);
        if (now - event.enqueuedMs > qint64(maxAge) * 1000) {
            eventFinished(
                event, std::unexpected(AwsError{u"EventAgeExceeded"_s, u"Event age exceeded."_s}));
            continue;
        }
        if (const auto blocked = concurrencyBlock(event.functionName)) {
            reportMetric(event.functionName, event.qualifier, u"Throttles"_s, 1, u"Count"_s);
            // AWS does not retry an event of a function whose reserved concurrency is 0: it goes
            // to the on-failure destination or dead-letter queue at once.
            if (m_store->reservedConcurrency(event.functionName) == 0) {
                eventFinished(event, std::unexpected(*blocked));
                continue;
            }
            event.dueMs = now
                + std::min(
                    ThrottleRetryMaxMs, ThrottleRetryFirstMs << std::min(event.throttles, 20));
            ++event.throttles;
            m_events.append(event);
            persistEvent(event);
            continue;
        }
        ++m_eventsRunning;
        startInvocation(*target,
            event.payload,
            event.requestId,
            false,
            event.lineage,
            [this, event](Result<InvocationResult> result) {
                --m_eventsRunning;
                eventFinished(event, result);
            });
    }
    if (m_events.isEmpty())
        m_eventTimer.stop();
}

QJsonObject LambdaService::eventInvokeConfig(const QueuedEvent &event) const
{
    return m_store->eventInvokeConfig(
        event.functionName, event.qualifier.isEmpty() ? u"$LATEST"_s : event.qualifier);
}

void LambdaService::persistEvent(const QueuedEvent &event)
{
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putQueuedEvent({event.requestId,
        event.functionName,
        event.qualifier,
        event.payload,
        event.attempts,
        event.enqueuedMs,
        event.dueMs});
    transaction.commit();
}

void LambdaService::forgetEvent(const QString &requestId)
{
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->deleteQueuedEvent(requestId);
    transaction.commit();
}

void LambdaService::eventFinished(QueuedEvent event, const Result<InvocationResult> &result)
{
    if (!m_store->functionExists(event.functionName))
        return; // its queue row went with the function
    const QJsonObject invokeConfig = eventInvokeConfig(event);
    const QJsonObject destinations = invokeConfig.value(u"DestinationConfig"_s).toObject();
    const bool failed = !result || !result->functionError.isEmpty();
    ++event.attempts;
    if (!failed) {
        forgetEvent(event.requestId);
        const QString onSuccess =
            destinations.value(u"OnSuccess"_s).toObject().value(u"Destination"_s).toString();
        if (!onSuccess.isEmpty())
            deliverDestination(event, onSuccess, u"Success"_s, &*result, {});
        return;
    }
    const int maxRetries = invokeConfig.value(u"MaximumRetryAttempts"_s).toInt(2);
    const bool aged = !result && result.error().code == u"EventAgeExceeded"_s;
    const bool unrunnable = !result
        && (result.error().code == u"TooManyRequestsException"_s
            || result.error().code == u"RecursiveInvocationException"_s);
    if (!aged && !unrunnable && event.attempts <= maxRetries) {
        // AWS waits one minute before the first retry and two before the second.
        event.dueMs = m_clock->nowMs() + RetryDelayMs * event.attempts;
        m_events.append(event);
        persistEvent(event);
        if (!m_eventTimer.isActive())
            m_eventTimer.start();
        return;
    }
    QString destination =
        destinations.value(u"OnFailure"_s).toObject().value(u"Destination"_s).toString();
    if (destination.isEmpty()) {
        if (const auto latest = m_store->version(event.functionName, u"$LATEST"_s))
            destination = latest->deadLetterTargetArn;
    }
    forgetEvent(event.requestId);
    deliverDestination(event,
        destination,
        aged ? u"EventAgeExceeded"_s : u"RetriesExhausted"_s,
        result ? &*result : nullptr,
        result ? QString() : result.error().message);
}

void LambdaService::deliverDestination(const QueuedEvent &event,
    const QString &destination,
    const QString &condition,
    const InvocationResult *result,
    const QString &error)
{
    QJsonObject responseContext{{u"statusCode"_s, 200}};
    QJsonValue responsePayload;
    if (result) {
        responseContext.insert(u"executedVersion"_s, result->executedVersion);
        if (!result->functionError.isEmpty())
            responseContext.insert(u"functionError"_s, result->functionError);
        const QJsonDocument parsed = QJsonDocument::fromJson("[" + result->payload + "]");
        responsePayload = parsed.array().at(0);
    } else {
        responsePayload = QJsonObject{{u"errorMessage"_s, error}};
    }
    const QJsonDocument request = QJsonDocument::fromJson("[" + event.payload + "]");
    const QJsonObject record{
        {u"version"_s, u"1.0"_s},
        {u"timestamp"_s, isoTime(m_clock->nowMs())},
        {u"requestContext"_s,
            QJsonObject{{u"requestId"_s, event.requestId},
                {u"functionArn"_s,
                    functionArn(event.functionName,
                        event.qualifier.isEmpty() ? u"$LATEST"_s : event.qualifier)},
                {u"condition"_s, condition},
                {u"approximateInvokeCount"_s, event.attempts}}},
        {u"requestPayload"_s, request.array().at(0)},
        {u"responseContext"_s, responseContext},
        {u"responsePayload"_s, responsePayload},
    };
    const QByteArray message = QJsonDocument(record).toJson(QJsonDocument::Compact);
    if (condition != u"Success"_s) {
        Storage::SqlTransaction transaction(m_database.connection());
        m_store->insertEventFailure(event.functionName,
            m_clock->nowMs(),
            event.requestId,
            destination,
            message,
            result ? QString::fromUtf8(result->payload) : error);
        transaction.commit();
    }
    if (destination.isEmpty())
        return;
    if (!m_sink || !m_sink->deliver(destination, message)) {
        // Without an on-failure destination a failed event went to the dead-letter queue.
        const bool deadLetter = condition != u"Success"_s
            && eventInvokeConfig(event)
                   .value(u"DestinationConfig"_s)
                   .toObject()
                   .value(u"OnFailure"_s)
                   .toObject()
                   .value(u"Destination"_s)
                   .toString()
                   .isEmpty();
        reportMetric(event.functionName,
            event.qualifier,
            deadLetter ? u"DeadLetterErrors"_s : u"DestinationDeliveryFailures"_s,
            1,
            u"Count"_s);
    }
}

} // namespace Core::Lambda
