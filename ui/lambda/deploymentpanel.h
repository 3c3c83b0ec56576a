// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/lambdatypes.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace Core::Lambda {
class LambdaService;
}

namespace Gui::Lambda {

// The Configuration tab's aliases and triggers, as in the Lambda console: the function's aliases
// with their weighted routing (Create alias / Edit alias open an AliasDialog), and its SQS event
// source mappings with Enable / Disable. Reads and writes through queued calls to the service;
// refreshed() follows each reload, changed() each successful edit.
class DeploymentPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentPanel)

public:
    explicit DeploymentPanel(Core::Lambda::LambdaService *service, QWidget *parent = nullptr);

    void setFunction(const QString &name);
    void refresh();
    // CreateAlias (existing false) or UpdateAlias of the current function.
    void saveAlias(const Core::Lambda::AliasConfiguration &alias, bool existing);
    // UpdateEventSourceMapping with Enabled.
    void setMappingEnabled(const QString &uuid, bool enabled);

signals:
    void refreshed();
    void changed();
    void messageReady(const QString &text, bool error);

private:
    void editAlias(bool existing);
    void updateButtons();

    Core::Lambda::LambdaService *m_service;
    QString m_function;
    QStringList m_versions;
    QList<Core::Lambda::AliasConfiguration> m_aliasList;
    QTreeWidget *m_aliases;
    QTreeWidget *m_triggers;
    QPushButton *m_createAlias;
    QPushButton *m_editAlias;
    QPushButton *m_enable;
    QPushButton *m_disable;
};

} // namespace Gui::Lambda
