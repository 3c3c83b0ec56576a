// SPDX-License-Identifier: MIT
#include "core/engine.h"

#include "core/api/dispatcher.h"
#include "core/api/handlers/cloudwatchhandler.h"
#include "core/api/handlers/dynamodbhandler.h"
#include "core/api/handlers/dynamodbstreamshandler.h"
#include "core/api/handlers/lambdahandler.h"
#include "core/api/handlers/logshandler.h"
#include "core/api/handlers/s3handler.h"
#include "core/api/handlers/s3requestbody.h"
#include "core/api/handlers/sqshandler.h"
#include "core/api/handlers/stshandler.h"
#include "core/api/httpserver.h"
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/clock.h"
#include "core/common/logging.h"
#include "core/dynamodb/dynamodbservice.h"
#include "core/dynamodb/dynamodbstreamsservice.h"
#include "core/lambda/lambdaservice.h"
#include "core/logs/logsservice.h"
#include "core/s3/s3service.h"
#include "core/sqs/sqsservice.h"
#include "core/storage/checkpointer.h"
#include "core/storage/database.h"
#include "core/sts/stsservice.h"
#include "core/wiring/dynamodbstreamslambdabridge.h"
#include "core/wiring/lambdaalarmactions.h"
#include "core/wiring/s3eventdestinations.h"
#include "core/wiring/s3lambdacode.h"
#include "core/wiring/sqslambdabridge.h"

#include <QDir>
#include <QFile>
#include <QLockFile>

#include <array>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

constexpr auto DatabaseFileName = "cloudbench.db";
// Folders of our own under the state folder that --reset empties.
constexpr std::array DataFolders = {"tmp", "objects", "functions"};

} // namespace

Engine::Engine(EngineOptions options, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
{
    if (!m_clock) {
        m_ownedClock = std::make_unique<SystemClock>();
        m_clock = m_ownedClock.get();
    }
}

Engine::~Engine()
{
    stop();
}

QString Engine::databasePath() const
{
    return QDir(m_options.stateDir).filePath(QLatin1StringView(DatabaseFileName));
}

QString Engine::endpointUrl() const
{
    return u"http://%1:%2"_s.arg(m_options.bindAddress).arg(m_port);
}

bool Engine::prepareStateDir(QString *error)
{
    QDir dir(m_options.stateDir);
    if (!dir.mkpath(u"."_s)) {
        *error = u"Cannot create the state folder %1."_s.arg(m_options.stateDir);
        return false;
    }
    m_lock = std::make_unique<QLockFile>(dir.filePath(u"cloudbench.lock"_s));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(100)) {
        qint64 pid = 0;
        QString host;
        QString application;
        m_lock->getLockInfo(&pid, &host, &application);
        *error = u"The state folder %1 is in use by another Cloudbench (process %2). Stop it, or "
                 u"use another --state-dir."_s.arg(m_options.stateDir)
                     .arg(pid);
        m_lock.reset();
        return false;
    }
    if (m_options.reset) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(databasePath() + suffix);
        for (const char *folder : DataFolders)
            QDir(dir.filePath(QLatin1StringView(folder))).removeRecursively();
    }
    QDir(dir.filePath(u"tmp"_s)).removeRecursively(); // uploads interrupted by a crash
    dir.mkpath(u"tmp"_s);
    return true;
}

void Engine::start()
{
    QString error;
    if (!prepareStateDir(&error)) {
        emit startFailed(error);
        return;
    }
    m_database = std::make_unique<Storage::Database>(databasePath());
    if (auto opened = m_database->open(); !opened) {
        m_database.reset();
        m_lock.reset();
        emit startFailed(opened.error());
        return;
    }
    m_database->setAutoCheckpoint(false);
    m_checkpointer =
        std::make_unique<Storage::Checkpointer>(*m_database, std::chrono::milliseconds(200));
    m_checkpointer->start();

    m_journal = new Journal::JournalService(*m_database, m_clock, m_options.journal, this);
    m_sts = new Sts::StsService(m_options.accountId, this);
    m_dispatcher = new Api::Dispatcher(*m_database, m_journal, m_clock, this);
    m_dispatcher->setAfterBatch(
        [checkpointer = m_checkpointer.get()] { checkpointer->writerIdle(); });
    m_dispatcher->addHandler(new Api::StsHandler(m_sts));
    m_cloudwatch = new CloudWatch::CloudWatchService(
        *m_database, m_clock, m_options.accountId, m_options.region, this);
    m_dispatcher->addHandler(new Api::CloudWatchHandler(m_cloudwatch));
    m_logs =
        new Logs::LogsService(*m_database, m_clock, m_options.region, m_options.accountId, this);
    m_logs->setMetricSink(m_cloudwatch);
    m_dispatcher->addHandler(new Api::LogsHandler(m_logs));
    m_lambda = new Lambda::LambdaService(*m_database,
        m_clock,
        m_logs,
        m_options.stateDir,
        m_options.region,
        m_options.accountId,
        this);
    m_lambda->setMetricSink(m_cloudwatch);
    m_dispatcher->addHandler(new Api::LambdaHandler(m_lambda));
    m_dynamodb = new DynamoDb::DynamoDbService(
        *m_database, m_clock, m_options.region, m_options.accountId, this);
    m_dynamodb->setMetricSink(m_cloudwatch);
    m_dispatcher->addHandler(new Api::DynamoDbHandler(m_dynamodb));
    m_dynamodbStreams = new DynamoDb::DynamoDbStreamsService(
        *m_database, m_clock, m_options.region, m_options.accountId, this);
    m_dispatcher->addHandler(new Api::DynamoDbStreamsHandler(m_dynamodbStreams));
    m_streamsLambdaBridge =
        std::make_unique<Wiring::DynamoDbStreamsLambdaBridge>(m_dynamodbStreams);
    m_lambda->setStreamSource(m_streamsLambdaBridge.get());
    m_sqs = new Sqs::SqsService(*m_database, m_clock, m_options.accountId, m_options.region, this);
    m_sqs->setMetricSink(m_cloudwatch);
    m_dispatcher->addHandler(new Api::SqsHandler(m_sqs));
    m_sqsLambdaBridge = std::make_unique<Wiring::SqsLambdaBridge>(m_sqs);
    m_lambda->setQueueSource(m_sqsLambdaBridge.get());
    m_lambda->setDestinationSink(m_sqsLambdaBridge.get());
    m_lambdaAlarmActions = std::make_unique<Wiring::LambdaAlarmActions>(m_lambda);
    m_cloudwatch->setActionTarget(m_lambdaAlarmActions.get());
    m_s3 = new S3::S3Service(*m_database,
        m_clock,
        QDir(m_options.stateDir).filePath(u"objects"_s),
        m_options.region,
        this);
    m_s3->recover();
    m_s3->setMetricSink(m_cloudwatch);
    m_s3LambdaCode = std::make_unique<Wiring::S3LambdaCode>(m_s3);
    m_lambda->setCodeSource(m_s3LambdaCode.get());
    m_s3EventDestinations =
        std::make_unique<Wiring::S3EventDestinations>(m_sqs, m_sqsLambdaBridge.get(), m_lambda);
    m_s3->setEventDestinations(m_s3EventDestinations.get(), m_options.accountId);
    m_dispatcher->addHandler(new Api::S3Handler(m_s3, m_options.accountId));

    Api::HttpServer::Options serverOptions;
    serverOptions.bindAddress = m_options.bindAddress;
    serverOptions.port = m_options.port;
    serverOptions.maxBodyBytes = m_options.maxBodyBytes;
    serverOptions.spoolDir = QDir(m_options.stateDir).filePath(u"tmp"_s);
    serverOptions.bodyAsFile = &Api::wantsBodyAsFile;
    Api::Dispatcher *dispatcher = m_dispatcher;
    m_server = std::make_unique<Api::HttpServer>(
        serverOptions,
        [dispatcher](Api::HttpRequest request, Api::HttpServer::Reply reply) {
            dispatcher->handle(std::move(request), std::move(reply));
        },
        [dispatcher](const Api::HttpRequest &request,
            const Api::HttpResponse &response,
            const QString &errorCode) { dispatcher->recordRejected(request, response, errorCode); },
        [dispatcher] { dispatcher->flush(); });
    const auto listening = m_server->listen();
    if (!listening) {
        m_server.reset();
        stop();
        emit startFailed(listening.error());
        return;
    }
    m_port = *listening;
    m_lambda->setEndpointUrl(endpointUrl());
    m_running = true;
    qCInfo(lcCore).noquote() << "Listening on" << endpointUrl() << "state in" << m_options.stateDir;
    emit started(endpointUrl());
}

void Engine::stop()
{
    const bool wasRunning = m_running;
    m_running = false;
    if (m_dispatcher)
        m_dispatcher->shutdown();
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
    delete m_dispatcher;
    m_dispatcher = nullptr;
    // Access log records not yet delivered go out now rather than with the process.
    if (m_s3)
        m_s3->deliverAccessLogs();
    delete m_s3;
    m_s3 = nullptr;
    delete m_sts;
    m_sts = nullptr;
    // CloudWatch goes last of the services: the others report metrics to it until they are gone.
    if (m_cloudwatch)
        m_cloudwatch->setActionTarget(nullptr);
    delete m_lambda;
    m_lambda = nullptr;
    delete m_logs;
    m_logs = nullptr;
    delete m_dynamodb;
    m_dynamodb = nullptr;
    delete m_dynamodbStreams;
    m_dynamodbStreams = nullptr;
    delete m_sqs;
    m_sqs = nullptr;
    delete m_cloudwatch;
    m_cloudwatch = nullptr;
    m_sqsLambdaBridge.reset();
    m_streamsLambdaBridge.reset();
    m_lambdaAlarmActions.reset();
    m_s3LambdaCode.reset();
    delete m_journal;
    m_journal = nullptr;
    m_checkpointer.reset();
    if (m_database) {
        m_database->closeThreadConnection();
        m_database.reset();
    }
    m_lock.reset();
    if (wasRunning)
        emit stopped();
}

} // namespace Core
