// SPDX-License-Identifier: MIT
#pragma once

#include "core/journal/journalservice.h"

#include <QObject>
#include <QString>

#include <memory>

class QLockFile;

namespace Core::Storage {
class Checkpointer;
class Database;
} // namespace Core::Storage
namespace Core::Api {
class Dispatcher;
class HttpServer;
} // namespace Core::Api
namespace Core::Sts {
class StsService;
}
namespace Core::CloudWatch {
class CloudWatchService;
}
namespace Core::Logs {
class LogsService;
}
namespace Core::Lambda {
class LambdaService;
}
namespace Core::DynamoDb {
class DynamoDbService;
class DynamoDbStreamsService;
} // namespace Core::DynamoDb
namespace Core::Sqs {
class SqsService;
}
namespace Core::S3 {
class S3Service;
}

namespace Core::Wiring {
class DynamoDbStreamsLambdaBridge;
class LambdaAlarmActions;
class S3EventDestinations;
class S3LambdaCode;
class SqsLambdaBridge;
} // namespace Core::Wiring

namespace Core {

class Clock;

struct EngineOptions
{
    QString stateDir;
    QString bindAddress = QStringLiteral("127.0.0.1");
    int port = 4566; // 0: any free port
    bool reset = false;
    qint64 maxBodyBytes = 5LL * 1024 * 1024 * 1024; // larger request bodies get 413
    QString accountId = QStringLiteral("000000000000");
    QString region = QStringLiteral("us-east-1");
    Journal::JournalService::Options journal;
};

// Owns the database, every service, the dispatcher and the HTTP server. Created on the GUI thread,
// moved to the core thread, then started there with start(); all service objects it creates live
// on the core thread. started() / startFailed() / stopped() report the life cycle. Other threads
// use the service pointers only through queued calls (Core::callAsync) and their signals.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    // clock: the engine's time; when null the engine uses a SystemClock it owns.
    explicit Engine(EngineOptions options, Clock *clock = nullptr, QObject *parent = nullptr);
    ~Engine() override;

    const EngineOptions &options() const { return m_options; }
    QString databasePath() const;
    QString endpointUrl() const; // valid after started()
    int port() const { return m_port; }
    Clock *clock() const { return m_clock; }

    Journal::JournalService *journal() const { return m_journal; }
    Sts::StsService *sts() const { return m_sts; }
    CloudWatch::CloudWatchService *cloudwatch() const { return m_cloudwatch; }
    Logs::LogsService *logs() const { return m_logs; }
    Lambda::LambdaService *lambda() const { return m_lambda; }
    DynamoDb::DynamoDbService *dynamodb() const { return m_dynamodb; }
    DynamoDb::DynamoDbStreamsService *dynamodbStreams() const { return m_dynamodbStreams; }
    Sqs::SqsService *sqs() const { return m_sqs; }
    S3::S3Service *s3() const { return m_s3; }

    void start();
    void stop();

signals:
    void started(const QString &endpointUrl);
    void startFailed(const QString &message);
    void stopped();

private:
    bool prepareStateDir(QString *error);

    EngineOptions m_options;
    Clock *m_clock;
    std::unique_ptr<Clock> m_ownedClock;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Storage::Database> m_database;
    std::unique_ptr<Storage::Checkpointer> m_checkpointer;
    std::unique_ptr<Api::HttpServer> m_server;
    std::unique_ptr<Wiring::SqsLambdaBridge> m_sqsLambdaBridge;
    std::unique_ptr<Wiring::DynamoDbStreamsLambdaBridge> m_streamsLambdaBridge;
    std::unique_ptr<Wiring::LambdaAlarmActions> m_lambdaAlarmActions;
    std::unique_ptr<Wiring::S3LambdaCode> m_s3LambdaCode;
    std::unique_ptr<Wiring::S3EventDestinations> m_s3EventDestinations;
    Api::Dispatcher *m_dispatcher = nullptr;
    Journal::JournalService *m_journal = nullptr;
    Sts::StsService *m_sts = nullptr;
    CloudWatch::CloudWatchService *m_cloudwatch = nullptr;
    Logs::LogsService *m_logs = nullptr;
    Lambda::LambdaService *m_lambda = nullptr;
    DynamoDb::DynamoDbService *m_dynamodb = nullptr;
    DynamoDb::DynamoDbStreamsService *m_dynamodbStreams = nullptr;
    Sqs::SqsService *m_sqs = nullptr;
    S3::S3Service *m_s3 = nullptr;
    int m_port = 0;
    bool m_running = false;
};

} // namespace Core
