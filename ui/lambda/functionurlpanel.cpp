// SPDX-License-Identifier: MIT
#include "ui/lambda/functionurlpanel.h"

#include "core/common/async.h"
#include "core/lambda/lambdaservice.h"
#include "ui/lambda/functionurldialog.h"

#include <QApplication>
#include <QBoxLayout>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Gui::Lambda {

namespace {

struct Snapshot
{
    QStringList qualifiers;
    QList<Core::Lambda::FunctionUrlConfig> urls;
};

QString listText(const QJsonObject &cors, const QString &key)
{
    QStringList values;
    for (const QJsonValue value : cors.value(key).toArray())
        values.append(value.toString());
    return values.join(u", "_s);
}

} // namespace

FunctionUrlPanel::FunctionUrlPanel(Core::Lambda::LambdaService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_choice(new QComboBox(this))
    , m_url(new QLabel(this))
    , m_details(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy URL"), this))
    , m_create(new QPushButton(tr("Create function URL…"), this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
{
    m_choice->setObjectName(u"functionUrlChoice"_s);
    m_url->setObjectName(u"functionUrl"_s);
    m_details->setObjectName(u"functionUrlDetails"_s);
    m_url->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_url->setOpenExternalLinks(true);
    m_details->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(m_choice);
    top->addWidget(m_url, 1);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_create, m_edit, m_delete, m_copy})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_details);
    layout->addLayout(buttons);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &FunctionUrlPanel::showSelected);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (const auto *url = selected())
            QApplication::clipboard()->setText(url->functionUrl);
    });
    connect(m_create, &QPushButton::clicked, this, [this] { edit(false); });
    connect(m_edit, &QPushButton::clicked, this, [this] { edit(true); });
    connect(m_delete, &QPushButton::clicked, this, &FunctionUrlPanel::deleteSelected);
    showSelected();
}

void FunctionUrlPanel::setFunction(const QString &name)
{
    m_function = name;
    m_urls.clear();
    m_qualifiers.clear();
    m_choice->clear();
    showSelected();
    if (!name.isEmpty())
        refresh();
}

void FunctionUrlPanel::refresh()
{
    const QString name = m_function;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name] {
            Snapshot snapshot;
            snapshot.qualifiers.append(u"$LATEST"_s);
            if (const auto aliases = service->listAliases(name)) {
                for (const auto &alias : *aliases)
                    snapshot.qualifiers.append(alias.name);
            }
            if (const auto urls = service->listFunctionUrlConfigs(name))
                snapshot.urls = *urls;
            return snapshot;
        },
        [this, name](const Snapshot &snapshot) {
            if (name != m_function)
                return;
            const QString current = m_choice->currentText();
            m_qualifiers = snapshot.qualifiers;
            m_urls = snapshot.urls;
            const QSignalBlocker blocker(m_choice);
            m_choice->clear();
            for (const auto &url : m_urls)
                m_choice->addItem(url.qualifier);
            if (const int index = m_choice->findText(current); index >= 0)
                m_choice->setCurrentIndex(index);
            showSelected();
            emit refreshed();
        });
}

const Core::Lambda::FunctionUrlConfig *FunctionUrlPanel::selected() const
{
    const int index = m_choice->currentIndex();
    return index >= 0 && index < m_urls.size() ? &m_urls.at(index) : nullptr;
}

void FunctionUrlPanel::showSelected()
{
    const auto *url = selected();
    m_choice->setVisible(m_urls.size() > 1);
    m_copy->setEnabled(url);
    m_edit->setEnabled(url);
    m_delete->setEnabled(url);
    m_create->setEnabled(!m_function.isEmpty() && m_urls.size() < m_qualifiers.size());
    if (!url) {
        m_url->setText(tr("No function URL. Create one to invoke the function over HTTP."));
        m_details->clear();
        return;
    }
    m_url->setText(u"<a href=\"%1\">%1</a>"_s.arg(url->functionUrl.toHtmlEscaped()));
    const QString auth = url->authType == u"NONE"_s
        ? tr("Auth type: NONE (public)")
        : tr("Auth type: AWS_IAM (SigV4-signed requests only)");
    const QString cors = url->cors.isEmpty()
        ? tr("CORS: off")
        : tr("CORS: origins %1").arg(listText(url->cors, u"AllowOrigins"_s));
    m_details->setText(tr("%1 · %2 · Qualifier: %3 · Invoke mode: %4")
                           .arg(auth, cors, url->qualifier, url->invokeMode));
}

void FunctionUrlPanel::edit(bool existing)
{
    const auto *current = existing ? selected() : nullptr;
    if (existing && !current)
        return;
    QStringList free;
    for (const QString &qualifier : m_qualifiers) {
        const bool taken = std::any_of(m_urls.cbegin(), m_urls.cend(), [&](const auto &url) {
            return url.qualifier == qualifier;
        });
        if (!taken || existing)
            free.append(qualifier);
    }
    FunctionUrlDialog dialog(free,
        current ? std::optional<Core::Lambda::FunctionUrlConfig>(*current) : std::nullopt,
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Core::Lambda::FunctionUrlChanges changes;
    changes.authType = dialog.authType();
    changes.cors = dialog.cors();
    saveUrl(dialog.qualifier(), changes, existing);
}

void FunctionUrlPanel::saveUrl(
    const QString &qualifier, const Core::Lambda::FunctionUrlChanges &changes, bool existing)
{
    const QString name = m_function;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name, qualifier, changes, existing] {
            return existing ? service->updateFunctionUrlConfig(name, qualifier, changes)
                            : service->createFunctionUrlConfig(name, qualifier, changes);
        },
        [this, existing](const Core::Result<Core::Lambda::FunctionUrlConfig> &saved) {
            if (!saved) {
                emit messageReady(saved.error().message, true);
                return;
            }
            emit messageReady(existing ? tr("Function URL updated.")
                                       : tr("Function URL created: %1").arg(saved->functionUrl),
                false);
            refresh();
        });
}

void FunctionUrlPanel::deleteSelected()
{
    const auto *url = selected();
    if (!url)
        return;
    if (QMessageBox::question(this,
            tr("Delete function URL"),
            tr("Delete the function URL %1? Clients using it will get errors.")
                .arg(url->functionUrl))
        != QMessageBox::Yes)
        return;
    deleteUrl(url->qualifier);
}

void FunctionUrlPanel::deleteUrl(const QString &qualifier)
{
    const QString name = m_function;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name, qualifier] {
            return service->deleteFunctionUrlConfig(name, qualifier);
        },
        [this](const Core::Status &deleted) {
            emit messageReady(
                deleted ? tr("Function URL deleted.") : deleted.error().message, !deleted);
            refresh();
        });
}

} // namespace Gui::Lambda
