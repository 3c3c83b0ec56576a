// SPDX-License-Identifier: MIT
#include "app/application.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTranslator>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int s_signalFds[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalFds[0], &byte, 1);
}

// SIGINT/SIGTERM end the event loop through a socket pair (the self-pipe trick), so shutdown
// runs in order on the main thread instead of inside the signal handler.
void installSignalHandlers(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(s_signalFds[1], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto readBytes = ::read(s_signalFds[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

const Core::EngineOptions &commandLineDefaults()
{
    static const Core::EngineOptions defaults;
    return defaults;
}

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--headless" || arg == "--help" || arg == "-h" || arg == "--version"
            || arg == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    // A headless server needs no display: use a plain QCoreApplication then.
    std::unique_ptr<QCoreApplication> app;
    if (wantsHeadless(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"cloudbench"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CB_VERSION));

    QTranslator qtTranslator;
    QTranslator appTranslator;
    if (qtTranslator.load(
            QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(QLocale(), u"cloudbench"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Cloudbench: an offline AWS console and AWS-compatible endpoint."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(
        u"headless"_s, QCoreApplication::translate("main", "Serve the endpoint without a window."));
    const QCommandLineOption port(u"port"_s,
        QCoreApplication::translate("main", "Port of the endpoint (0 picks a free one)."),
        u"N"_s,
        u"4566"_s);
    const QCommandLineOption bind(u"bind"_s,
        QCoreApplication::translate("main", "Address to listen on."),
        u"ADDR"_s,
        u"127.0.0.1"_s);
    const QString defaultStateDir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QCommandLineOption stateDir(u"state-dir"_s,
        QCoreApplication::translate("main", "Folder holding the database and objects."),
        u"DIR"_s,
        defaultStateDir);
    const QCommandLineOption reset(u"reset"_s,
        QCoreApplication::translate("main", "Delete all stored state before starting."));
    const QCommandLineOption maxBody(u"max-body-size"_s,
        QCoreApplication::translate("main", "Largest request body accepted, in bytes."),
        u"BYTES"_s,
        QString::number(commandLineDefaults().maxBodyBytes));
    const QCommandLineOption journalLimit(u"journal-limit"_s,
        QCoreApplication::translate(
            "main", "Requests kept in the activity journal (oldest dropped)."),
        u"ENTRIES"_s,
        QString::number(commandLineDefaults().journal.maxEntries));
    parser.addOptions({headless, port, bind, stateDir, reset, maxBody, journalLimit});
    parser.process(*app);

    App::CommandLine commandLine;
    commandLine.headless = parser.isSet(headless);
    bool portOk = false;
    const int portValue = parser.value(port).toInt(&portOk);
    if (!portOk || portValue < 0 || portValue > 65535) {
        std::fprintf(stderr, "cloudbench: --port takes a number from 0 to 65535\n");
        return 2;
    }
    commandLine.engine.port = portValue;
    commandLine.engine.bindAddress = parser.value(bind);
    commandLine.engine.stateDir = QDir(parser.value(stateDir)).absolutePath();
    commandLine.engine.reset = parser.isSet(reset);
    bool maxBodyOk = false;
    commandLine.engine.maxBodyBytes = parser.value(maxBody).toLongLong(&maxBodyOk);
    if (!maxBodyOk || commandLine.engine.maxBodyBytes < 1024) {
        std::fprintf(
            stderr, "cloudbench: --max-body-size takes a number of bytes (1024 or more)\n");
        return 2;
    }

    bool journalLimitOk = false;
    commandLine.engine.journal.maxEntries = parser.value(journalLimit).toLongLong(&journalLimitOk);
    if (!journalLimitOk || commandLine.engine.journal.maxEntries < 100) {
        std::fprintf(
            stderr, "cloudbench: --journal-limit takes a number of entries (100 or more)\n");
        return 2;
    }

    installSignalHandlers(app.get());
    App::Application application(commandLine);
    QObject::connect(app.get(), &QCoreApplication::aboutToQuit, &application, [&application] {
        application.shutdown();
    });
    application.start();
    return app->exec();
}
