// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/lambdatypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QCheckBox;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace Core::Lambda {
class LambdaService;
}
namespace Core::Logs {
class LogsService;
}

namespace Gui::Lambda {

class CodeHighlighter;
class DeploymentPanel;
class FunctionUrlPanel;
class FunctionListModel;
class InvocationListModel;

// The Functions pane, modelled on the Lambda console: the function list (create, delete) and,
// for the selected function, the Code tab (editor with highlighting; Save = UpdateFunctionCode,
// Upload .zip), the Test tab (event templates, invoke, result with logs, duration, billed
// duration, memory and init duration), the Monitor tab (recent invocations and the log stream
// of the selected one, with follow mode) and the Configuration tab (timeout, memory, ephemeral
// storage, environment, reserved concurrency, function URLs, aliases with weighted routing,
// triggers). Talks to the
// services on the core thread only through queued calls.
class FunctionsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionsPane)

public:
    explicit FunctionsPane(Core::Lambda::LambdaService *service,
        Core::Logs::LogsService *logs,
        QWidget *parent = nullptr);

    FunctionListModel *functionModel() const { return m_functions; }
    InvocationListModel *invocationModel() const { return m_invocations; }
    QString currentFunction() const { return m_current; }
    void selectFunction(const QString &name);
    void setTestEvent(const QString &json);
    void invokeTest();
    // Saved test events of the current function (functionspanetest.cpp).
    void saveTestEvent(const QString &eventName);
    void deleteTestEvent(const QString &eventName);
    void selectSavedTestEvent(const QString &eventName);
    QStringList savedTestEventNames() const;
    DeploymentPanel *deploymentPanel() const { return m_deploymentPanel; }
    FunctionUrlPanel *functionUrlPanel() const { return m_urlPanel; }

signals:
    void testFinished();
    void savedEventsChanged();

private:
    static QPlainTextEdit *monospaceEditor(QWidget *parent, bool readOnly);
    QWidget *createCodeTab();
    QWidget *createTestTab();
    QWidget *createMonitorTab();
    QWidget *createConfigurationTab();
    void refreshFunctions();
    void showFunction(const QString &name);
    void createFunction();
    void deleteFunction();
    void saveCode();
    void uploadZip();
    void saveConfiguration();
    void publishVersion();
    void refreshDeployment();
    void showTestResult(const QString &status, const QString &body, const QString &details);
    void refreshLog();
    void refreshSavedEvents();
    void setMessage(const QString &text, bool error);

    Core::Lambda::LambdaService *m_service;
    Core::Logs::LogsService *m_logs;
    FunctionListModel *m_functions;
    InvocationListModel *m_invocations;
    QString m_current;
    QString m_codeFile;
    QString m_logStream;

    QTableView *m_functionView = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_functionTitle = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_code = nullptr;
    CodeHighlighter *m_highlighter = nullptr;
    QLabel *m_codeFileLabel = nullptr;
    QComboBox *m_templates = nullptr;
    QPlainTextEdit *m_event = nullptr;
    QLabel *m_resultStatus = nullptr;
    QPlainTextEdit *m_result = nullptr;
    QTableView *m_invocationView = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QCheckBox *m_follow = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_memory = nullptr;
    QSpinBox *m_ephemeralStorage = nullptr;
    QPlainTextEdit *m_environment = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QCheckBox *m_reserve = nullptr;
    QLabel *m_deployment = nullptr;
    DeploymentPanel *m_deploymentPanel = nullptr;
    FunctionUrlPanel *m_urlPanel = nullptr;
    QComboBox *m_savedEvents = nullptr;
    QPushButton *m_deleteEventButton = nullptr;
};

} // namespace Gui::Lambda
