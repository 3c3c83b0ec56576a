// SPDX-License-Identifier: MIT
#include "app/application.h"

#include "core/lambda/lambdaservice.h"
#include "core/logs/logsservice.h"
#include "core/sqs/sqsservice.h"
#include "ui/cloudwatch/alarmspane.h"
#include "ui/dynamodb/tablespane.h"
#include "ui/lambda/functionspane.h"
#include "ui/mainwindow.h"
#include "ui/s3/bucketspane.h"
#include "ui/sqs/queuespane.h"

#include <QApplication>
#include <QMessageBox>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace App {

Application::Application(CommandLine commandLine, QObject *parent)
    : QObject(parent)
    , m_commandLine(std::move(commandLine))
{
    m_coreThread.setObjectName(u"core"_s);
}

Application::~Application()
{
    shutdown();
}

void Application::start()
{
    m_engine = new Core::Engine(m_commandLine.engine);
    m_engine->moveToThread(&m_coreThread);
    connect(&m_coreThread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &Core::Engine::started, this, &Application::onStarted);
    connect(m_engine, &Core::Engine::startFailed, this, &Application::onStartFailed);
    m_coreThread.start();
    QMetaObject::invokeMethod(m_engine, &Core::Engine::start, Qt::QueuedConnection);
}

void Application::onStarted(const QString &endpointUrl)
{
    std::printf("Cloudbench %s listening on %s (state in %s)\n",
        CB_VERSION,
        qPrintable(endpointUrl),
        qPrintable(m_commandLine.engine.stateDir));
    std::fflush(stdout);
    if (m_commandLine.headless)
        return;
    Gui::MainWindow::Context context;
    context.journal = m_engine->journal();
    context.endpointUrl = endpointUrl;
    context.stateDir = m_commandLine.engine.stateDir;
    context.region = m_commandLine.engine.region;
    m_window = std::make_unique<Gui::MainWindow>(context);
    if (m_engine->cloudwatch()) {
        auto *alarms = new Gui::CloudWatch::AlarmsPane(m_engine->cloudwatch(), m_engine->logs());
        alarms->setEndpointUrl(endpointUrl);
        m_window->setServicePane(Gui::MainWindow::Pane::Alarms, alarms);
        Gui::MainWindow *window = m_window.get();
        connect(alarms, &Gui::CloudWatch::AlarmsPane::inAlarmCountChanged, window, [window](int n) {
            window->setPaneAlertCount(Gui::MainWindow::Pane::Alarms, n);
        });
    }
    m_window->setServicePane(Gui::MainWindow::Pane::Tables,
        new Gui::DynamoDb::TablesPane(m_engine->dynamodb(), m_engine->dynamodbStreams()));
    m_window->setServicePane(
        Gui::MainWindow::Pane::Queues, new Gui::Sqs::QueuesPane(m_engine->sqs()));
    m_window->setServicePane(Gui::MainWindow::Pane::Functions,
        new Gui::Lambda::FunctionsPane(m_engine->lambda(), m_engine->logs()));
    auto *buckets = new Gui::S3::BucketsPane(m_engine->s3());
    buckets->setEndpointUrl(endpointUrl);
    m_window->setServicePane(Gui::MainWindow::Pane::Buckets, buckets);
    m_window->show();
}

void Application::onStartFailed(const QString &message)
{
    std::fprintf(stderr, "cloudbench: %s\n", qPrintable(message));
    if (!m_commandLine.headless)
        QMessageBox::critical(nullptr, tr("Cloudbench cannot start"), message);
    QCoreApplication::exit(1);
}

void Application::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_window.reset();
    if (m_engine && m_coreThread.isRunning()) {
        // Stop on the core thread (the engine's objects live there), then let the thread end.
        QMetaObject::invokeMethod(m_engine, &Core::Engine::stop, Qt::BlockingQueuedConnection);
    }
    m_coreThread.quit();
    m_coreThread.wait();
    m_engine = nullptr;
}

} // namespace App
