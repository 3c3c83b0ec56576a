// SPDX-License-Identifier: MIT
#include "ui/lambda/deploymentpanel.h"

#include "core/common/async.h"
#include "core/lambda/lambdaservice.h"
#include "ui/lambda/aliasdialog.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace Gui::Lambda {

namespace {

QTreeWidget *listWidget(const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->setMaximumHeight(140);
    return list;
}

struct Snapshot
{
    QStringList versions;
    QList<Core::Lambda::AliasConfiguration> aliases;
    QList<QJsonObject> mappings;
};

} // namespace

DeploymentPanel::DeploymentPanel(Core::Lambda::LambdaService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_aliases(listWidget({tr("Alias"), tr("Version"), tr("Weighted routing")}, this))
    , m_triggers(listWidget({tr("SQS queue"), tr("State"), tr("Batch size")}, this))
    , m_createAlias(new QPushButton(tr("Create alias…"), this))
    , m_editAlias(new QPushButton(tr("Edit alias…"), this))
    , m_enable(new QPushButton(tr("Enable"), this))
    , m_disable(new QPushButton(tr("Disable"), this))
{
    m_aliases->setObjectName(u"aliasList"_s);
    m_triggers->setObjectName(u"triggerList"_s);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Aliases"), this), 0, 0);
    layout->addWidget(m_aliases, 1, 0, 1, 3);
    layout->addWidget(m_createAlias, 2, 1);
    layout->addWidget(m_editAlias, 2, 2);
    layout->addWidget(new QLabel(tr("Triggers (event source mappings)"), this), 3, 0);
    layout->addWidget(m_triggers, 4, 0, 1, 3);
    layout->addWidget(m_enable, 5, 1);
    layout->addWidget(m_disable, 5, 2);
    layout->setColumnStretch(0, 1);
    connect(m_createAlias, &QPushButton::clicked, this, [this] { editAlias(false); });
    connect(m_editAlias, &QPushButton::clicked, this, [this] { editAlias(true); });
    connect(m_aliases, &QTreeWidget::itemDoubleClicked, this, [this] { editAlias(true); });
    for (auto *button : {m_enable, m_disable}) {
        connect(button, &QPushButton::clicked, this, [this, button] {
            if (const QTreeWidgetItem *item = m_triggers->currentItem())
                setMappingEnabled(item->data(0, Qt::UserRole).toString(), button == m_enable);
        });
    }
    connect(m_aliases, &QTreeWidget::currentItemChanged, this, &DeploymentPanel::updateButtons);
    connect(m_triggers, &QTreeWidget::currentItemChanged, this, &DeploymentPanel::updateButtons);
    updateButtons();
}

void DeploymentPanel::setFunction(const QString &name)
{
    m_function = name;
    m_aliases->clear();
    m_triggers->clear();
    m_aliasList.clear();
    m_versions.clear();
    updateButtons();
    if (!name.isEmpty())
        refresh();
}

void DeploymentPanel::refresh()
{
    const QString name = m_function;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name] {
            Snapshot snapshot;
            if (const auto versions = service->listVersionsByFunction(name)) {
                for (const auto &version : *versions)
                    snapshot.versions.append(version.version);
            }
            if (const auto aliases = service->listAliases(name))
                snapshot.aliases = *aliases;
            if (const auto mappings = service->listEventSourceMappings(name, {}))
                snapshot.mappings = *mappings;
            return snapshot;
        },
        [this, name](const Snapshot &snapshot) {
            if (name != m_function)
                return;
            m_versions = snapshot.versions;
            m_aliasList = snapshot.aliases;
            const QString selectedAlias =
                m_aliases->currentItem() ? m_aliases->currentItem()->text(0) : QString();
            m_aliases->clear();
            for (const auto &alias : snapshot.aliases) {
                QStringList routing;
                for (auto it = alias.additionalVersionWeights.cbegin();
                     it != alias.additionalVersionWeights.cend();
                     ++it)
                    routing.append(tr("version %1: %2 %").arg(it.key()).arg(it.value() * 100));
                auto *item = new QTreeWidgetItem(
                    m_aliases, {alias.name, alias.functionVersion, routing.join(u", "_s)});
                if (alias.name == selectedAlias)
                    m_aliases->setCurrentItem(item);
            }
            const QString selectedMapping = m_triggers->currentItem()
                ? m_triggers->currentItem()->data(0, Qt::UserRole).toString()
                : QString();
            m_triggers->clear();
            for (const QJsonObject &mapping : snapshot.mappings) {
                auto *item = new QTreeWidgetItem(m_triggers,
                    {mapping.value(u"EventSourceArn"_s).toString().section(u':', 5),
                        mapping.value(u"State"_s).toString(),
                        QString::number(mapping.value(u"BatchSize"_s).toInt())});
                const QString uuid = mapping.value(u"UUID"_s).toString();
                item->setData(0, Qt::UserRole, uuid);
                if (uuid == selectedMapping)
                    m_triggers->setCurrentItem(item);
            }
            updateButtons();
            emit refreshed();
        });
}

void DeploymentPanel::editAlias(bool existing)
{
    std::optional<Core::Lambda::AliasConfiguration> current;
    if (existing) {
        const QTreeWidgetItem *item = m_aliases->currentItem();
        if (!item)
            return;
        for (const auto &alias : std::as_const(m_aliasList)) {
            if (alias.name == item->text(0))
                current = alias;
        }
        if (!current)
            return;
    }
    AliasDialog dialog(m_versions, current, this);
    if (dialog.exec() == QDialog::Accepted)
        saveAlias(dialog.alias(), existing);
}

void DeploymentPanel::saveAlias(const Core::Lambda::AliasConfiguration &alias, bool existing)
{
    const QString name = m_function;
    Core::callAsync(
        m_service,
        this,
        [service = m_service, name, alias, existing] {
            if (existing)
                return service->updateAlias(name,
                    alias.name,
                    alias.functionVersion,
                    alias.description,
                    alias.additionalVersionWeights,
                    {});
            return service->createAlias(name, alias);
        },
        [this, existing](const Core::Result<Core::Lambda::AliasConfiguration> &saved) {
            if (!saved) {
                emit messageReady(saved.error().message, true);
                return;
            }
            emit messageReady(existing ? tr("Alias %1 updated.").arg(saved->name)
                                       : tr("Alias %1 created.").arg(saved->name),
                false);
            emit changed();
            refresh();
        });
}

void DeploymentPanel::setMappingEnabled(const QString &uuid, bool enabled)
{
    Core::callAsync(
        m_service,
        this,
        [service = m_service, uuid, enabled] {
            return service->updateEventSourceMapping(uuid, QJsonObject{{u"Enabled"_s, enabled}});
        },
        [this, enabled](const Core::Result<QJsonObject> &updated) {
            if (!updated) {
                emit messageReady(updated.error().message, true);
                return;
            }
            emit messageReady(enabled ? tr("Trigger enabled.") : tr("Trigger disabled."), false);
            emit changed();
            refresh();
        });
}

void DeploymentPanel::updateButtons()
{
    m_createAlias->setEnabled(!m_function.isEmpty());
    m_editAlias->setEnabled(m_aliases->currentItem() != nullptr);
    const QTreeWidgetItem *trigger = m_triggers->currentItem();
    const QString state = trigger ? trigger->text(1) : QString();
    m_enable->setEnabled(trigger && state != u"Enabled"_s && state != u"Enabling"_s);
    m_disable->setEnabled(trigger && state != u"Disabled"_s && state != u"Disabling"_s);
}

} // namespace Gui::Lambda
