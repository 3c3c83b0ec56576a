// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/lambda/codesource.h"
#include "core/lambda/functionurl.h"
#include "core/lambda/lambdatypes.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Core {
class Clock;
class Coalescer;
class MetricSink;
} // namespace Core
namespace Core::Logs {
class LogsService;
}
namespace Core::Storage {
class Database;
}

namespace Core::Lambda {

class EnvironmentPool;
class ExecutionEnvironment;
class LambdaStore;
class QueueSource;
class StreamSource;
struct StreamBatch;

// Where failed (or succeeded) asynchronous invocations are sent: an SQS queue ARN for now. The
// engine wires an implementation once SQS exists; without one, records stay in Cloudbench's
// lambda_event_failures table only.
class EventDestinationSink
{
public:
    virtual ~EventDestinationSink() = default;
    virtual bool deliver(const QString &destinationArn, const QByteArray &message) = 0;
};

struct CreateFunctionRequest
{
    QString functionName;
    QString runtime;
    QString role;
    QString handler;
    QString description;
    std::optional<int> timeout;
    std::optional<int> memorySize;
    QMap<QString, QString> environment;
    QByteArray zipFile;
    S3CodeLocation s3Code; // instead of zipFile: the package is read through the CodeSource
    bool publish = false;
    QMap<QString, QString> tags;
    QString deadLetterTargetArn;
    QString architecture;
    std::optional<int> ephemeralStorageMb; // EphemeralStorage.Size
    QStringList layers; // layer version ARNs; Cloudbench has no layers, so none exists
};

struct UpdateConfigurationRequest
{
    std::optional<QString> runtime;
    std::optional<QString> role;
    std::optional<QString> handler;
    std::optional<QString> description;
    std::optional<int> timeout;
    std::optional<int> memorySize;
    std::optional<QMap<QString, QString>> environment;
    std::optional<QString> deadLetterTargetArn;
    std::optional<int> ephemeralStorageMb; // EphemeralStorage.Size
    std::optional<QStringList> layers;
    QString revisionId;
};

// The members of Create/UpdateFunctionUrlConfig; what is not given is left as it is (Create
// requires AuthType).
struct FunctionUrlChanges
{
    std::optional<QString> authType;
    std::optional<QJsonObject> cors;
    std::optional<QString> invokeMode;
};

struct InvokeRequest
{
    QString functionName; // name, ARN or partial ARN, possibly with ":qualifier"
    QString qualifier;
    InvocationType type = InvocationType::RequestResponse;
    QByteArray payload;
    bool logTail = false;
    // The deprecated InvokeAsync API, whose payload limit stayed at 256 KB (an Event Invoke's
    // is 1 MB).
    bool invokeAsync = false;
    // Invocations the chain of events that led here has caused so far (the Lineage count of
    // the X-Amzn-Trace-Id of the request or message behind it; Tracing). At
    // Tracing::MaxInvocations the invocation is dropped: RecursiveInvocationException for a
    // synchronous one, the dead-letter queue or on-failure destination for an event.
    int lineage = 0;
};

// GetAccountSettings' figures that depend on the stored functions.
struct AccountUsage
{
    int unreservedConcurrentExecutions = 0;
    int functionCount = 0;
    qint64 totalCodeSize = 0;
};

// Lambda: functions with code unpacked under <state>/functions, versions, aliases, concurrency,
// and invocations run in local interpreter processes (EnvironmentPool). Lives on the core thread;
// invoke() answers through its callback later, never blocking. functionsChanged() (coalesced)
// announces configuration changes; invocationFinished() each completed invocation.
class LambdaService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LambdaService)

public:
    using InvokeDone = std::function<void(Result<InvocationResult>)>;

    static constexpr int AccountConcurrencyLimit = 1000;
    static constexpr int UnreservedMinimum = 100;

    LambdaService(const Storage::Database &database,
        Clock *clock,
        Logs::LogsService *logs,
        QString stateDir,
        QString region,
        QString accountId,
        QObject *parent = nullptr);
    ~LambdaService() override;

    void setEndpointUrl(const QString &url) { m_endpointUrl = url; }
    QString endpointUrl() const { return m_endpointUrl; }
    void setDestinationSink(EventDestinationSink *sink) { m_sink = sink; }
    // SQS for event source mappings (wired by the engine once SQS exists).
    void setQueueSource(QueueSource *source) { m_queueSource = source; }
    // DynamoDB Streams for stream event source mappings (wired by the engine).
    void setStreamSource(StreamSource *source) { m_streamSource = source; }
    // S3 for Code.S3Bucket/S3Key (wired by the engine); without one such code is refused.
    void setCodeSource(CodeSource *source) { m_codeSource = source; }
    // AWS/Lambda metrics (Invocations, Errors, Throttles, Duration, ConcurrentExecutions,
    // DeadLetterErrors); null reports nothing.
    void setMetricSink(MetricSink *sink) { m_metrics = sink; }
    // Interpreter overrides (tests, or a python3 that is not first on PATH).
    void setInterpreter(const QString &runtimeFamily, const QString &program);
    QString bootstrapDirectory() const;

    Result<FunctionConfiguration> createFunction(const CreateFunctionRequest &request);
    Result<FunctionConfiguration> getFunctionConfiguration(
        const QString &function, const QString &qualifier) const;
    // $LATEST of each function (or every version with allVersions), a page after `marker`.
    Result<QList<FunctionConfiguration>> listFunctions(
        const QString &marker, std::optional<int> maxItems, QString *nextMarker) const;
    Result<FunctionConfiguration> updateFunctionCode(const QString &function,
        const QByteArray &zipFile,
        bool publish,
        const QString &revisionId);
    Result<FunctionConfiguration> updateFunctionCode(const QString &function,
        const S3CodeLocation &s3Code,
        bool publish,
        const QString &revisionId);
    Result<FunctionConfiguration> updateFunctionConfiguration(
        const QString &function, const UpdateConfigurationRequest &request);
    Status deleteFunction(const QString &function, const QString &qualifier);
    QString codeDirectory(const QString &function, const QString &version) const;
    // The deployment package (zip) of a version as it was uploaded: what GetFunction's
    // Code.Location serves.
    Result<QByteArray> functionCode(const QString &function, const QString &version) const;
    // The console's inline editor: the handler's source file of $LATEST, and saving it back
    // (the package is rebuilt with that file replaced, then as UpdateFunctionCode).
    Result<std::pair<QString, QByteArray>> handlerSource(const QString &function) const;
    Result<FunctionConfiguration> updateHandlerSource(
        const QString &function, const QString &fileName, const QByteArray &source);
    // A one-file deployment package (create dialog templates).
    static QByteArray packageSource(const QString &fileName, const QByteArray &source);

    // PublishVersion: a RevisionId or CodeSha256 that is not $LATEST's refuses to publish.
    Result<FunctionConfiguration> publishVersion(const QString &function,
        const QString &description,
        const QString &codeSha256,
        const QString &revisionId = {});
    Result<QList<FunctionConfiguration>> listVersionsByFunction(const QString &function) const;

    Result<AliasConfiguration> createAlias(
        const QString &function, const AliasConfiguration &alias);
    Result<AliasConfiguration> getAlias(const QString &function, const QString &alias) const;
    Result<AliasConfiguration> updateAlias(const QString &function,
        const QString &alias,
        const std::optional<QString> &version,
        const std::optional<QString> &description,
        const std::optional<QMap<QString, double>> &weights,
        const QString &revisionId);
    Status deleteAlias(const QString &function, const QString &alias);
    Result<QList<AliasConfiguration>> listAliases(const QString &function) const;

    // GetAccountSettings: the account limit less every function's reserved concurrency, and
    // the functions and code stored.
    AccountUsage accountUsage() const;

    Result<int> putFunctionConcurrency(const QString &function, int reserved);
    Result<std::optional<int>> getFunctionConcurrency(const QString &function) const;
    // Get/PutFunctionRecursionConfig: Terminate (the default) drops the 17th invocation of a
    // chain (InvokeRequest::lineage), Allow lets the loop run.
    Result<QString> getFunctionRecursionConfig(const QString &function) const;
    Result<QString> putFunctionRecursionConfig(const QString &function, const QString &loop);
    Status deleteFunctionConcurrency(const QString &function);

    Result<QJsonObject> putFunctionEventInvokeConfig(
        const QString &function, const QString &qualifier, const QJsonObject &config);
    // UpdateFunctionEventInvokeConfig: only the fields given change (Put replaces the whole).
    Result<QJsonObject> updateFunctionEventInvokeConfig(
        const QString &function, const QString &qualifier, const QJsonObject &changes);
    Result<QJsonObject> getFunctionEventInvokeConfig(
        const QString &function, const QString &qualifier) const;
    Status deleteFunctionEventInvokeConfig(const QString &function, const QString &qualifier);
    Result<QList<QJsonObject>> listFunctionEventInvokeConfigs(const QString &function) const;

    Result<QJsonObject> addPermission(const QString &function, const QJsonObject &statement);
    Status removePermission(const QString &function, const QString &statementId);
    Result<QJsonObject> getPolicy(const QString &function) const;

    Status tagResource(const QString &arn, const QMap<QString, QString> &tags);
    Status untagResource(const QString &arn, const QStringList &keys);
    Result<QMap<QString, QString>> listTags(const QString &arn) const;

    // Event source mappings (SQS, DynamoDB Streams): stored in the wire shape of
    // EventSourceMappingConfiguration.
    Result<QJsonObject> createEventSourceMapping(const QJsonObject &input);
    Result<QJsonObject> getEventSourceMapping(const QString &uuid) const;
    Result<QJsonObject> updateEventSourceMapping(const QString &uuid, const QJsonObject &input);
    Result<QJsonObject> deleteEventSourceMapping(const QString &uuid);
    Result<QList<QJsonObject>> listEventSourceMappings(
        const QString &function, const QString &eventSourceArn) const;
    // One polling round over the enabled mappings (also run by a one-second timer).
    void pollEventSources();

    // Function URLs of $LATEST or an alias (a version number is refused as AWS refuses it).
    Result<FunctionUrlConfig> createFunctionUrlConfig(
        const QString &function, const QString &qualifier, const FunctionUrlChanges &request);
    Result<FunctionUrlConfig> getFunctionUrlConfig(
        const QString &function, const QString &qualifier) const;
    Result<FunctionUrlConfig> updateFunctionUrlConfig(
        const QString &function, const QString &qualifier, const FunctionUrlChanges &request);
    Status deleteFunctionUrlConfig(const QString &function, const QString &qualifier);
    Result<QList<FunctionUrlConfig>> listFunctionUrlConfigs(const QString &function,
        const QString &marker = {},
        std::optional<int> maxItems = std::nullopt,
        QString *nextMarker = nullptr) const;
    // The URL whose host starts with this url id, if there is one.
    std::optional<FunctionUrlConfig> functionUrlById(const QString &urlId) const;
    // http://<url-id>.lambda-url.<region>.localhost:<port>/ (AWS: ...<region>.on.aws).
    QString functionUrl(const QString &urlId) const;
    // AWS/Lambda UrlRequestCount, Url4xxCount, Url5xxCount and UrlRequestLatency of one request
    // made through a function URL.
    void recordUrlRequest(const FunctionUrlConfig &config, int status, double latencyMs);
    QString accountId() const { return m_accountId; }
    QString region() const { return m_region; }

    void invoke(const InvokeRequest &request, InvokeDone done);
    QList<InvocationRecord> recentInvocations(const QString &function, int limit) const;

    // The console's saved test events (not an AWS API): named per function, persisted; saving
    // an existing name replaces it. Names as the console: 1-25 letters, digits, '-', '_'.
    Status saveTestEvent(const QString &function, const QString &name, const QByteArray &event);
    Status deleteTestEvent(const QString &function, const QString &name);
    Result<QList<std::pair<QString, QString>>> testEvents(const QString &function) const;
    int pendingEventCount() const { return int(m_events.size()); }
    int eventFailureCount(const QString &function) const;

    QString functionArn(const QString &name, const QString &qualifier = {}) const;

signals:
    void functionsChanged();
    void invocationFinished(const Core::Lambda::InvocationRecord &record);

private:
    // The UUID of the function's mapping from that source, if it has one (one per pair).
    std::optional<QString> mappingFrom(const QString &functionName, const QString &sourceArn) const;
    struct Target
    {
        FunctionConfiguration config;
        QString invokedArn;
        QString qualifier; // as invoked: empty, $LATEST, a version or an alias
    };
    struct QueuedEvent
    {
        QString requestId;
        QString functionName;
        QString qualifier;
        QByteArray payload;
        int attempts = 0;
        qint64 enqueuedMs = 0;
        qint64 dueMs = 0;
        int throttles = 0; // throttled attempts so far (in memory: sets the back-off)
        int lineage = 0; // in memory: an event restored after a restart starts a new chain
    };

    Result<QString> resolveName(const QString &input, QString *qualifier) const;
    // The function's name for operations that change $LATEST only (UpdateFunctionConfiguration,
    // UpdateFunctionCode): a qualifier other than $LATEST is refused as AWS refuses it.
    Result<QString> latestOnlyName(const QString &input) const;
    // The function's name (from a name or ARN without qualifier) if it exists, else
    // ResourceNotFoundException as AWS answers it.
    Result<QString> existingFunction(const QString &function) const;
    // (function name, qualifier) an event invoke config is kept under: $LATEST when unqualified;
    // the version or alias must exist.
    Result<std::pair<QString, QString>> eventInvokeKey(
        const QString &function, const QString &qualifier) const;
    // The config that governs an asynchronous invocation: the one of the qualifier it was made to.
    QJsonObject eventInvokeConfig(const QueuedEvent &event) const;
    // (function name, qualifier) a function URL is kept under: $LATEST when unqualified, or an
    // alias that exists.
    Result<std::pair<QString, QString>> functionUrlKey(
        const QString &function, const QString &qualifier) const;
    FunctionUrlConfig withUrl(FunctionUrlConfig config) const;
    Result<FunctionConfiguration> latestOf(const QString &name) const;
    Result<Target> resolveTarget(const QString &name, const QString &qualifier) const;
    Status validateConfiguration(const FunctionConfiguration &config) const;
    // Layers of CreateFunction/UpdateFunctionConfiguration, checked as AWS does; as Cloudbench
    // emulates no layers, any well-formed layer version ARN does not exist.
    Status checkLayers(const QStringList &layers) const;
    Result<std::pair<QString, qint64>> storeCode(
        const QString &name, const QString &version, const QByteArray &zip, bool fromS3 = false);
    Result<QByteArray> fetchS3Code(const S3CodeLocation &location) const;
    Result<FunctionConfiguration> replaceCode(const QString &function,
        const Result<QByteArray> &zip,
        bool fromS3,
        bool publish,
        const QString &revisionId);
    std::optional<AwsError> concurrencyBlock(const QString &name) const;
    // DynamoDB stream mappings (lambdastreammappings.cpp): a cursor per mapping, kept in the
    // stored mapping (PositionKey, hidden from the API) so a restart resumes where it was.
    static constexpr QLatin1StringView PositionKey{"_Position"};
    static QJsonObject publicMapping(QJsonObject mapping);
    Result<QJsonObject> createStreamMapping(const QJsonObject &input);
    static Status applyStreamSettings(QJsonObject &mapping, const QJsonObject &input);
    // BatchSize, MaximumBatchingWindowInSeconds, FunctionResponseTypes (both kinds of mapping).
    static Status applyMappingSettings(QJsonObject &mapping, const QJsonObject &input, bool stream);
    void pollStreamMapping(const QJsonObject &mapping);
    void finishStreamBatch(const QString &uuid,
        const StreamBatch &batch,
        int attemptedRecords,
        const Result<InvocationResult> &result);
    struct StreamRetry
    {
        int attempts = 0;
        int bisectLimit = 0; // BisectBatchOnFunctionError: the halved batch size (0: not split)
        qint64 failedEnd = 0; // the position after the batch that failed
        qint64 notBeforeMs = 0;
    };
    Status checkVisibilityTimeout(
        const QString &queueArn, const FunctionConfiguration &function) const;
    // lineage: as InvokeRequest's; the function's _X_AMZN_TRACE_ID counts this invocation.
    void startInvocation(const Target &target,
        const QByteArray &payload,
        const QString &requestId,
        bool logTail,
        int lineage,
        InvokeDone done);
    // Lambda's recursive loop detection: whether an invocation with this lineage is dropped,
    // and if so its RecursiveInvocationsDropped metric reported.
    bool dropsRecursion(const QString &function, const QString &qualifier, int lineage);
    void finishInvocation(const Target &target,
        const QString &requestId,
        const QString &logStream,
        qint64 startedMs,
        ExecutionEnvironment *environment,
        const QByteArray &result,
        int outcome,
        const QStringList &logLines,
        double durationMs,
        std::optional<double> initMs,
        int memoryMb,
        const QString &exitDescription,
        bool logTail,
        const InvokeDone &done);
    void processEvents();
    // lambda_event_queue mirrors m_events so a restart resumes them.
    void persistEvent(const QueuedEvent &event);
    void forgetEvent(const QString &requestId);
    void eventFinished(QueuedEvent event, const Result<InvocationResult> &result);
    void deliverDestination(const QueuedEvent &event,
        const QString &destination,
        const QString &condition,
        const InvocationResult *result,
        const QString &error);
    QString newLogStream(const QString &version) const;
    void reportMetric(const QString &function,
        const QString &qualifier,
        const QString &metricName,
        double value,
        const QString &unit);

    std::unique_ptr<LambdaStore> m_store;
    const Storage::Database &m_database;
    Clock *m_clock;
    Logs::LogsService *m_logs;
    QString m_stateDir;
    QString m_region;
    QString m_accountId;
    QString m_endpointUrl;
    QHash<QString, QString> m_interpreters;
    EventDestinationSink *m_sink = nullptr;
    QueueSource *m_queueSource = nullptr;
    StreamSource *m_streamSource = nullptr;
    QHash<QString, StreamRetry> m_streamRetries;
    CodeSource *m_codeSource = nullptr;
    MetricSink *m_metrics = nullptr;
    QTimer m_pollTimer;
    QSet<QString> m_pollingMappings;
    EnvironmentPool *m_pool;
    Coalescer *m_changes;
    QList<QueuedEvent> m_events;
    QTimer m_eventTimer;
    int m_eventsRunning = 0;
};

} // namespace Core::Lambda
