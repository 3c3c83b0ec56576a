// SPDX-License-Identifier: MIT
// FunctionsPane's Test tab: event templates, the function's saved test events (kept in the
// database like the console's), invoking and the execution result.
#include "ui/lambda/functionspane.h"
#include "core/common/async.h"
#include "core/lambda/lambdaservice.h"
#include "ui/lambda/eventtemplates.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::Lambda {

QWidget *FunctionsPane::createTestTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *bar = new QHBoxLayout;
    m_templates = new QComboBox(tab);
    for (const EventTemplate &eventTemplate : eventTemplates())
        m_templates->addItem(eventTemplate.name, eventTemplate.json);
    auto *test = new QPushButton(tr("Test"), tab);
    bar->addWidget(new QLabel(tr("Template"), tab));
    bar->addWidget(m_templates, 1);
    m_savedEvents = new QComboBox(tab);
    m_savedEvents->setObjectName(u"savedEvents"_s);
    m_savedEvents->setPlaceholderText(tr("No saved events"));
    auto *saveEvent = new QPushButton(tr("Save event…"), tab);
    saveEvent->setToolTip(tr("Save the event under a name, for this function."));
    m_deleteEventButton = new QPushButton(tr("Delete event"), tab);
    m_deleteEventButton->setEnabled(false);
    bar->addWidget(new QLabel(tr("Saved event"), tab));
    bar->addWidget(m_savedEvents, 1);
    bar->addWidget(saveEvent);
    bar->addWidget(m_deleteEventButton);
    bar->addWidget(test);
    layout->addLayout(bar);
    auto *splitter = new QSplitter(Qt::Horizontal, tab);
    m_event = monospaceEditor(splitter, false);
    m_event->setPlainText(eventTemplates().constFirst().json);
    auto *resultBox = new QWidget(splitter);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    m_resultStatus = new QLabel(resultBox);
    m_resultStatus->setWordWrap(true);
    m_result = monospaceEditor(resultBox, true);
    resultLayout->addWidget(m_resultStatus);
    resultLayout->addWidget(m_result);
    splitter->addWidget(m_event);
    splitter->addWidget(resultBox);
    layout->addWidget(splitter, 1);
    connect(m_templates, &QComboBox::activated, this, [this](int index) {
        m_event->setPlainText(m_templates->itemData(index).toString());
    });
    connect(m_savedEvents, &QComboBox::activated, this, [this](int index) {
        selectSavedTestEvent(m_savedEvents->itemText(index));
    });
    connect(saveEvent, &QPushButton::clicked, this, [this] {
        bool accepted = false;
        const QString eventName = QInputDialog::getText(this,
            tr("Save test event"),
            tr("Event name (letters, digits, - and _):"),
            QLineEdit::Normal,
            m_savedEvents->currentText(),
            &accepted);
        if (accepted && !eventName.isEmpty())
            saveTestEvent(eventName);
    });
    connect(m_deleteEventButton, &QPushButton::clicked, this, [this] {
        if (m_savedEvents->currentIndex() >= 0)
            deleteTestEvent(m_savedEvents->currentText());
    });
    connect(test, &QPushButton::clicked, this, &FunctionsPane::invokeTest);
    return tab;
}

void FunctionsPane::refreshSavedEvents()
{
    const QString name = m_current;
    m_savedEvents->clear();
    if (name.isEmpty())
        return;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name] { return service->testEvents(name); },
        [this, name](const Core::Result<QList<std::pair<QString, QString>>> &events) {
            if (name != m_current)
                return;
            m_savedEvents->clear();
            if (events) {
                for (const auto &[eventName, json] : *events)
                    m_savedEvents->addItem(eventName, json);
            }
            m_deleteEventButton->setEnabled(m_savedEvents->count() > 0);
            emit savedEventsChanged();
        });
}

QStringList FunctionsPane::savedTestEventNames() const
{
    QStringList names;
    for (int i = 0; i < m_savedEvents->count(); ++i)
        names.append(m_savedEvents->itemText(i));
    return names;
}

void FunctionsPane::selectSavedTestEvent(const QString &name)
{
    const int index = m_savedEvents->findText(name);
    if (index < 0)
        return;
    m_savedEvents->setCurrentIndex(index);
    m_event->setPlainText(m_savedEvents->itemData(index).toString());
}

void FunctionsPane::saveTestEvent(const QString &eventName)
{
    const QString name = m_current;
    const QByteArray json = m_event->toPlainText().toUtf8();
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name, eventName, json] {
            return service->saveTestEvent(name, eventName, json);
        },
        [this, eventName](const Core::Status &saved) {
            setMessage(
                saved ? tr("Test event %1 saved.").arg(eventName) : saved.error().message, !saved);
            refreshSavedEvents();
        });
}

void FunctionsPane::deleteTestEvent(const QString &eventName)
{
    const QString name = m_current;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name, eventName] {
            return service->deleteTestEvent(name, eventName);
        },
        [this, eventName](const Core::Status &deleted) {
            setMessage(
                deleted ? tr("Test event %1 deleted.").arg(eventName) : deleted.error().message,
                !deleted);
            refreshSavedEvents();
        });
}

void FunctionsPane::setTestEvent(const QString &json)
{
    m_event->setPlainText(json);
}

void FunctionsPane::invokeTest()
{
    Core::Lambda::InvokeRequest request;
    request.functionName = m_current;
    request.payload = m_event->toPlainText().toUtf8();
    request.logTail = true;
    m_resultStatus->setText(tr("Running…"));
    m_result->clear();
    QPointer<FunctionsPane> guard(this);
    QMetaObject::invokeMethod(
        m_service,
        [service = m_service, request, guard] {
            service->invoke(request, [guard](Core::Result<Core::Lambda::InvocationResult> result) {
                if (!guard)
                    return;
                QMetaObject::invokeMethod(
                    guard.data(),
                    [guard, result] {
                        if (!guard)
                            return;
                        if (!result) {
                            guard->showTestResult(tr("Failed: %1").arg(result.error().code),
                                result.error().message,
                                {});
                            return;
                        }
                        const auto &r = *result;
                        QString details = tr("Request ID: %1\nDuration: %2 ms · Billed duration: "
                                             "%3 ms · Max memory used: %4 MB")
                                              .arg(r.requestId)
                                              .arg(r.durationMs, 0, 'f', 2)
                                              .arg(r.billedDurationMs)
                                              .arg(r.maxMemoryUsedMb);
                        if (r.initDurationMs)
                            details += tr(" · Init duration: %1 ms (cold start)")
                                           .arg(*r.initDurationMs, 0, 'f', 2);
                        const QJsonDocument pretty = QJsonDocument::fromJson(r.payload);
                        const QString body = pretty.isNull()
                            ? QString::fromUtf8(r.payload)
                            : QString::fromUtf8(pretty.toJson(QJsonDocument::Indented));
                        guard->showTestResult(r.functionError.isEmpty()
                                ? tr("Succeeded")
                                : tr("Failed: %1").arg(r.functionError),
                            body,
                            details + u"\n\n"_s
                                + QString::fromUtf8(QByteArray::fromBase64(r.logTail)));
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void FunctionsPane::showTestResult(
    const QString &status, const QString &body, const QString &details)
{
    m_resultStatus->setText(u"<b>"_s + status.toHtmlEscaped() + u"</b>"_s);
    m_result->setPlainText(body + u"\n\n"_s + details);
    emit testFinished();
}

} // namespace Gui::Lambda
