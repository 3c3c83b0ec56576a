// SPDX-License-Identifier: MIT
#include "ui/lambda/functionspane.h"

#include "core/common/async.h"
#include "core/lambda/lambdaservice.h"
#include "core/logs/logsservice.h"
#include "ui/common/pageheader.h"
#include "ui/lambda/codehighlighter.h"
#include "ui/lambda/createfunctiondialog.h"
#include "ui/lambda/deploymentpanel.h"
#include "ui/lambda/eventtemplates.h"
#include "ui/lambda/functionlistmodel.h"
#include "ui/lambda/functionurlpanel.h"
#include "ui/lambda/invocationlistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::Lambda {

namespace {

QTableView *tableView(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    return view;
}

QString environmentText(const QMap<QString, QString> &variables)
{
    QStringList lines;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        lines.append(it.key() + u'=' + it.value());
    return lines.join(u'\n');
}

} // namespace

QPlainTextEdit *FunctionsPane::monospaceEditor(QWidget *parent, bool readOnly)
{
    auto *editor = new QPlainTextEdit(parent);
    editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setReadOnly(readOnly);
    editor->setLineWrapMode(readOnly ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    return editor;
}

FunctionsPane::FunctionsPane(
    Core::Lambda::LambdaService *service, Core::Logs::LogsService *logs, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_logs(logs)
    , m_functions(new FunctionListModel(this))
    , m_invocations(new InvocationListModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    auto *header = new PageHeader(tr("Functions"),
        tr("Lambda functions run here with the python3 and node of this machine."),
        this);
    auto *createButton = new QPushButton(tr("Create function"), header);
    m_deleteButton = new QPushButton(tr("Delete"), header);
    m_deleteButton->setEnabled(false);
    header->addAction(m_deleteButton);
    header->addAction(createButton);
    layout->addWidget(header);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_functionView = tableView(splitter);
    m_functionView->setModel(m_functions);
    m_functionView->horizontalHeader()->setStretchLastSection(false);
    m_functionView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_functionView->horizontalHeader()->setSectionResizeMode(
        FunctionListModel::Name, QHeaderView::Stretch);
    splitter->addWidget(m_functionView);
    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 8, 0, 0);
    m_functionTitle = new QLabel(tr("Select a function to see its code, tests, monitoring and "
                                    "configuration."),
        detail);
    detailLayout->addWidget(m_functionTitle);
    m_tabs = new QTabWidget(detail);
    m_tabs->addTab(createCodeTab(), tr("Code"));
    m_tabs->addTab(createTestTab(), tr("Test"));
    m_tabs->addTab(createMonitorTab(), tr("Monitor"));
    m_tabs->addTab(createConfigurationTab(), tr("Configuration"));
    m_tabs->setEnabled(false);
    detailLayout->addWidget(m_tabs);
    splitter->addWidget(detail);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    connect(createButton, &QPushButton::clicked, this, &FunctionsPane::createFunction);
    connect(m_deleteButton, &QPushButton::clicked, this, &FunctionsPane::deleteFunction);
    connect(m_functionView->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        [this](const QModelIndex &current) {
            const auto *function = m_functions->function(current.row());
            showFunction(function ? function->functionName : QString());
        });
    connect(m_service,
        &Core::Lambda::LambdaService::functionsChanged,
        this,
        &FunctionsPane::refreshFunctions);
    connect(m_service,
        &Core::Lambda::LambdaService::invocationFinished,
        this,
        [this](const Core::Lambda::InvocationRecord &record) {
            if (record.functionName == m_current)
                m_invocations->prepend(record);
        });
    if (m_logs) {
        connect(m_logs, &Core::Logs::LogsService::logsChanged, this, [this] {
            if (m_follow->isChecked())
                refreshLog();
        });
    }
    refreshFunctions();
}

QWidget *FunctionsPane::createCodeTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *bar = new QHBoxLayout;
    m_codeFileLabel = new QLabel(tab);
    auto *save = new QPushButton(tr("Deploy"), tab);
    save->setToolTip(tr("Save the file into the function's package (UpdateFunctionCode)."));
    auto *upload = new QPushButton(tr("Upload .zip file…"), tab);
    bar->addWidget(m_codeFileLabel, 1);
    bar->addWidget(upload);
    bar->addWidget(save);
    layout->addLayout(bar);
    m_code = monospaceEditor(tab, false);
    m_code->setObjectName(u"codeEditor"_s);
    m_highlighter = new CodeHighlighter(m_code->document());
    layout->addWidget(m_code);
    connect(save, &QPushButton::clicked, this, &FunctionsPane::saveCode);
    connect(upload, &QPushButton::clicked, this, &FunctionsPane::uploadZip);
    return tab;
}

QWidget *FunctionsPane::createMonitorTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *splitter = new QSplitter(Qt::Horizontal, tab);
    m_invocationView = tableView(splitter);
    m_invocationView->setModel(m_invocations);
    auto *logBox = new QWidget(splitter);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    m_follow = new QCheckBox(tr("Follow the log stream"), logBox);
    m_follow->setChecked(true);
    m_log = monospaceEditor(logBox, true);
    logLayout->addWidget(m_follow);
    logLayout->addWidget(m_log);
    splitter->addWidget(m_invocationView);
    splitter->addWidget(logBox);
    layout->addWidget(splitter);
    connect(m_invocationView->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        [this](const QModelIndex &current) {
            if (const auto *record = m_invocations->record(current.row())) {
                m_logStream = record->logStream;
                refreshLog();
            }
        });
    return tab;
}

QWidget *FunctionsPane::createConfigurationTab()
{
    auto *tab = new QWidget(this);
    auto *form = new QFormLayout(tab);
    m_timeout = new QSpinBox(tab);
    m_timeout->setRange(1, 900);
    m_timeout->setSuffix(tr(" s"));
    m_memory = new QSpinBox(tab);
    m_memory->setRange(128, 10240);
    m_memory->setSingleStep(64);
    m_memory->setSuffix(tr(" MB"));
    m_memory->setObjectName(u"memorySize"_s);
    // EphemeralStorage.Size: 512 MB to 10,240 MB of /tmp.
    m_ephemeralStorage = new QSpinBox(tab);
    m_ephemeralStorage->setObjectName(u"ephemeralStorage"_s);
    m_ephemeralStorage->setRange(512, 10240);
    m_ephemeralStorage->setSingleStep(512);
    m_ephemeralStorage->setSuffix(tr(" MB"));
    m_environment = monospaceEditor(tab, false);
    m_environment->setPlaceholderText(tr("KEY=value, one per line"));
    m_environment->setMaximumHeight(120);
    m_reserve = new QCheckBox(tr("Reserve concurrency"), tab);
    m_concurrency = new QSpinBox(tab);
    m_concurrency->setRange(0, 900);
    auto *save = new QPushButton(tr("Save"), tab);
    save->setObjectName(u"saveConfiguration"_s);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Memory"), m_memory);
    form->addRow(tr("Ephemeral storage"), m_ephemeralStorage);
    form->addRow(tr("Environment variables"), m_environment);
    form->addRow(m_reserve, m_concurrency);
    form->addRow(QString(), save);
    m_deployment = new QLabel(tab);
    m_deployment->setObjectName(u"deploymentSummary"_s);
    m_deployment->setWordWrap(true);
    m_deployment->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *publish = new QPushButton(tr("Publish new version"), tab);
    m_urlPanel = new FunctionUrlPanel(m_service, tab);
    form->addRow(tr("Function URL"), m_urlPanel);
    connect(m_urlPanel, &FunctionUrlPanel::messageReady, this, &FunctionsPane::setMessage);
    form->addRow(tr("Versions, aliases and triggers"), m_deployment);
    form->addRow(QString(), publish);
    m_deploymentPanel = new DeploymentPanel(m_service, tab);
    form->addRow(m_deploymentPanel);
    connect(m_deploymentPanel, &DeploymentPanel::messageReady, this, &FunctionsPane::setMessage);
    connect(m_deploymentPanel, &DeploymentPanel::changed, this, &FunctionsPane::refreshDeployment);
    connect(save, &QPushButton::clicked, this, &FunctionsPane::saveConfiguration);
    connect(publish, &QPushButton::clicked, this, &FunctionsPane::publishVersion);
    return tab;
}

void FunctionsPane::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #d13212;"_s : u"color: #1d8102;"_s);
    m_message->setVisible(!text.isEmpty());
}

void FunctionsPane::refreshFunctions()
{
    Core::callAsync(
        m_service,
        this,
        [service = m_service] {
            QString next;
            QList<Core::Lambda::FunctionConfiguration> all;
            do {
                auto page = service->listFunctions(next, 50, &next);
                if (!page)
                    break;
                all.append(*page);
            } while (!next.isEmpty());
            return all;
        },
        [this](const QList<Core::Lambda::FunctionConfiguration> &functions) {
            m_functions->setFunctions(functions);
            if (!m_current.isEmpty() && m_functions->rowOf(m_current) < 0)
                showFunction({});
        });
}

void FunctionsPane::selectFunction(const QString &name)
{
    const int row = m_functions->rowOf(name);
    if (row >= 0)
        m_functionView->selectRow(row);
}

void FunctionsPane::showFunction(const QString &name)
{
    m_current = name;
    m_deleteButton->setEnabled(!name.isEmpty());
    m_tabs->setEnabled(!name.isEmpty());
    m_invocations->setInvocations({});
    m_log->clear();
    m_logStream.clear();
    m_deploymentPanel->setFunction(name);
    m_urlPanel->setFunction(name);
    refreshSavedEvents();
    if (name.isEmpty()) {
        m_functionTitle->setText(tr("Select a function to see its code, tests, monitoring and "
                                    "configuration."));
        return;
    }
    const auto *function = m_functions->function(m_functions->rowOf(name));
    if (function) {
        m_functionTitle->setText(
            tr("<b>%1</b> · %2 · handler %3")
                .arg(name.toHtmlEscaped(), function->runtime, function->handler));
        m_highlighter->setLanguage(function->runtime.startsWith(u"nodejs"_s)
                ? CodeHighlighter::Language::JavaScript
                : CodeHighlighter::Language::Python);
        m_timeout->setValue(function->timeout);
        m_memory->setValue(function->memorySize);
        m_ephemeralStorage->setValue(function->ephemeralStorageMb);
        m_environment->setPlainText(environmentText(function->environment));
    }
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name] {
            return std::tuple{service->handlerSource(name),
                service->recentInvocations(name, 200),
                service->getFunctionConcurrency(name)};
        },
        [this, name](const auto &loaded) {
            if (name != m_current)
                return;
            const auto &[source, invocations, concurrency] = loaded;
            if (source) {
                m_codeFile = source->first;
                m_codeFileLabel->setText(m_codeFile);
                m_code->setPlainText(QString::fromUtf8(source->second));
            }
            m_invocations->setInvocations(invocations);
            const bool reserved = concurrency && concurrency->has_value();
            m_reserve->setChecked(reserved);
            m_concurrency->setValue(reserved ? **concurrency : 0);
            if (!invocations.isEmpty()) {
                m_logStream = invocations.constFirst().logStream;
                refreshLog();
            }
        });
    refreshDeployment();
}

// Versions, aliases (with their routing weights) and SQS triggers, as one summary.
void FunctionsPane::refreshDeployment()
{
    const QString name = m_current;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name] {
            QStringList versions;
            if (const auto list = service->listVersionsByFunction(name)) {
                for (const auto &version : *list)
                    versions.append(version.version);
            }
            QStringList aliases;
            if (const auto list = service->listAliases(name)) {
                for (const auto &alias : *list) {
                    QString text = alias.name + u" → "_s + alias.functionVersion;
                    for (auto it = alias.additionalVersionWeights.cbegin();
                         it != alias.additionalVersionWeights.cend();
                         ++it)
                        text += u" (%1: %2 %)"_s.arg(it.key()).arg(it.value() * 100);
                    aliases.append(text);
                }
            }
            QStringList triggers;
            if (const auto list = service->listEventSourceMappings(name, {})) {
                for (const auto &mapping : *list)
                    triggers.append(mapping.value(u"EventSourceArn"_s).toString().section(u':', 5)
                        + u" ("_s + mapping.value(u"State"_s).toString() + u", "_s
                        + QString::number(mapping.value(u"BatchSize"_s).toInt()) + u')');
            }
            return std::tuple{versions, aliases, triggers};
        },
        [this, name](const auto &summary) {
            if (name != m_current)
                return;
            const auto &[versions, aliases, triggers] = summary;
            const QString none = tr("none");
            m_deployment->setText(tr("Versions: %1\nAliases: %2\nSQS triggers: %3")
                                      .arg(versions.join(u", "_s),
                                          aliases.isEmpty() ? none : aliases.join(u"; "_s),
                                          triggers.isEmpty() ? none : triggers.join(u"; "_s)));
        });
}

void FunctionsPane::publishVersion()
{
    const QString name = m_current;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name] { return service->publishVersion(name, {}, {}); },
        [this](const Core::Result<Core::Lambda::FunctionConfiguration> &published) {
            setMessage(published ? tr("Published version %1.").arg(published->version)
                                 : published.error().message,
                !published);
            refreshDeployment();
            m_deploymentPanel->refresh();
        });
}

void FunctionsPane::createFunction()
{
    CreateFunctionDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto [fileName, source] = helloWorld(dialog.runtime());
    Core::Lambda::CreateFunctionRequest request;
    request.functionName = dialog.functionName();
    request.runtime = dialog.runtime();
    request.handler = dialog.handler();
    request.role = u"arn:aws:iam::000000000000:role/lambda-role"_s;
    request.zipFile = Core::Lambda::LambdaService::packageSource(fileName, source.toUtf8());
    const QString name = request.functionName;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, request] { return service->createFunction(request); },
        [this, name](const Core::Result<Core::Lambda::FunctionConfiguration> &created) {
            if (!created) {
                setMessage(created.error().message, true);
                return;
            }
            setMessage(tr("Function %1 created.").arg(name), false);
            refreshFunctions();
        });
}

void FunctionsPane::deleteFunction()
{
    const QString name = m_current;
    if (name.isEmpty()
        || QMessageBox::question(this,
               tr("Delete function"),
               tr("Delete the function %1 and all its versions?").arg(name))
            != QMessageBox::Yes)
        return;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name] { return service->deleteFunction(name, {}); },
        [this, name](const Core::Status &deleted) {
            setMessage(
                deleted ? tr("Function %1 deleted.").arg(name) : deleted.error().message, !deleted);
            refreshFunctions();
        });
}

void FunctionsPane::saveCode()
{
    const QString name = m_current;
    const QString file = m_codeFile;
    const QByteArray source = m_code->toPlainText().toUtf8();
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name, file, source] {
            return service->updateHandlerSource(name, file, source);
        },
        [this](const Core::Result<Core::Lambda::FunctionConfiguration> &updated) {
            setMessage(updated ? tr("Deployed: the next invocation runs the new code.")
                               : updated.error().message,
                !updated);
        });
}

void FunctionsPane::uploadZip()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Upload .zip file"), {}, tr("ZIP files (*.zip)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setMessage(tr("Cannot read %1.").arg(path), true);
        return;
    }
    const QByteArray zip = file.readAll();
    const QString name = m_current;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name, zip] {
            return service->updateFunctionCode(name, zip, false, {});
        },
        [this, name](const Core::Result<Core::Lambda::FunctionConfiguration> &updated) {
            setMessage(updated ? tr("Uploaded.") : updated.error().message, !updated);
            if (updated)
                showFunction(name);
        });
}

void FunctionsPane::saveConfiguration()
{
    Core::Lambda::UpdateConfigurationRequest request;
    request.timeout = m_timeout->value();
    request.memorySize = m_memory->value();
    request.ephemeralStorageMb = m_ephemeralStorage->value();
    QMap<QString, QString> variables;
    for (const QString &line : m_environment->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0)
            variables.insert(line.left(equals).trimmed(), line.mid(equals + 1));
    }
    request.environment = variables;
    const QString name = m_current;
    const std::optional<int> reserved =
        m_reserve->isChecked() ? std::optional<int>(m_concurrency->value()) : std::nullopt;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name, request, reserved]() -> Core::Status {
            if (auto updated = service->updateFunctionConfiguration(name, request); !updated)
                return std::unexpected(updated.error());
            if (reserved) {
                if (auto put = service->putFunctionConcurrency(name, *reserved); !put)
                    return std::unexpected(put.error());
                return {};
            }
            return service->deleteFunctionConcurrency(name);
        },
        [this](const Core::Status &saved) {
            setMessage(saved ? tr("Configuration saved.") : saved.error().message, !saved);
        });
}

void FunctionsPane::refreshLog()
{
    if (!m_logs || m_logStream.isEmpty() || m_current.isEmpty())
        return;
    Core::Logs::GetLogEventsQuery query;
    query.groupName = u"/aws/lambda/"_s + m_current;
    query.streamName = m_logStream;
    query.limit = 1000;
    Core::callAsync(
        m_logs,
        this,
        [logs = m_logs, query] { return logs->getLogEvents(query); },
        [this](const Core::Result<Core::Logs::GetLogEventsResult> &events) {
            if (!events)
                return;
            QStringList lines;
            for (const Core::Logs::LogEvent &event : events->events)
                lines.append(event.message);
            m_log->setPlainText(lines.join(u'\n'));
            m_log->moveCursor(QTextCursor::End);
        });
}

} // namespace Gui::Lambda
