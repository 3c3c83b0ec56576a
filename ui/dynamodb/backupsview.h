// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Core::DynamoDb {
class DynamoDbService;
}

namespace Gui::DynamoDb {

// The "Backups" tab of the Tables pane, as in the DynamoDB console: point-in-time recovery (on or
// off, the restorable window, restore to a chosen second) and the table's on-demand backups
// (create, restore into a new table, delete). Everything goes through the service's API
// operations, so the console does what `aws dynamodb create-backup` ... would.
class BackupsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupsView)

public:
    explicit BackupsView(Core::DynamoDb::DynamoDbService *service, QWidget *parent = nullptr);

    void setTable(const QString &tableName);
    void refresh();

    QString pitrText() const;
    QString messageText() const;
    int backupCount() const;

    // The actions, also for tests: each runs the API operation and refreshes. Restores name the
    // new table; restoreToPointInTime with an invalid time uses the latest restorable time.
    void createBackup(const QString &name);
    void restoreBackup(int row, const QString &targetTable);
    void deleteBackup(int row);
    void setPointInTimeRecovery(bool enabled);
    void restoreToPointInTime(const QString &targetTable, const QDateTime &when);

signals:
    void refreshed();

private:
    using Operation = Core::Result<QJsonObject> (Core::DynamoDb::DynamoDbService::*)(
        const QJsonObject &);
    // Runs one operation on the core thread; shows `done` or the error, then refreshes.
    void run(Operation operation, const QJsonObject &request, const QString &done);
    void askCreate();
    void askRestore();
    void askDelete();
    void askPointInTimeRestore();
    QString selectedArn() const;

    Core::DynamoDb::DynamoDbService *m_service;
    QString m_table;
    bool m_pitrEnabled = false;
    QDateTime m_earliest;
    QDateTime m_latest;
    QLabel *m_pitr;
    QPushButton *m_togglePitr;
    QPushButton *m_restorePitr;
    QTableWidget *m_backups;
    QPushButton *m_create;
    QPushButton *m_restore;
    QPushButton *m_delete;
    QLabel *m_message;
};

} // namespace Gui::DynamoDb
