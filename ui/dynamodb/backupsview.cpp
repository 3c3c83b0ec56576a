// SPDX-License-Identifier: MIT
#include "ui/dynamodb/backupsview.h"

#include "core/common/async.h"
#include "core/dynamodb/dynamodbservice.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb {

namespace {

enum Column {
    Name,
    Type,
    Created,
    Items,
    Size,
    ColumnCount,
};

struct Snapshot
{
    Core::Result<QJsonObject> pitr = QJsonObject();
    Core::Result<QJsonObject> backups = QJsonObject();
    QHash<QString, qint64> itemCounts; // per backup ARN, from its description
};

QDateTime fromSeconds(const QJsonValue &value)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble() * 1000.0), QTimeZone::utc());
}

QString shown(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

BackupsView::BackupsView(Core::DynamoDb::DynamoDbService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_pitr(new QLabel(this))
    , m_togglePitr(new QPushButton(this))
    , m_restorePitr(new QPushButton(tr("Restore to point in time…"), this))
    , m_backups(new QTableWidget(0, ColumnCount, this))
    , m_create(new QPushButton(tr("Create backup…"), this))
    , m_restore(new QPushButton(tr("Restore…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_message(new QLabel(this))
{
    m_pitr->setObjectName(u"pitrStatus"_s);
    m_backups->setObjectName(u"backups"_s);
    m_message->setObjectName(u"backupMessage"_s);
    m_pitr->setWordWrap(true);
    m_pitr->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_backups->setHorizontalHeaderLabels(
        {tr("Backup name"), tr("Type"), tr("Created"), tr("Items"), tr("Size")});
    m_backups->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_backups->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_backups->setSelectionMode(QAbstractItemView::SingleSelection);
    m_backups->verticalHeader()->hide();
    m_backups->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_backups->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);

    auto *pitrBox = new QGroupBox(tr("Point-in-time recovery (PITR)"), this);
    auto *pitrLayout = new QVBoxLayout(pitrBox);
    pitrLayout->addWidget(m_pitr);
    auto *pitrButtons = new QHBoxLayout;
    pitrButtons->addWidget(m_togglePitr);
    pitrButtons->addWidget(m_restorePitr);
    pitrButtons->addStretch();
    pitrLayout->addLayout(pitrButtons);

    auto *backupsBox = new QGroupBox(tr("On-demand backups"), this);
    auto *backupsLayout = new QVBoxLayout(backupsBox);
    auto *note = new QLabel(tr("A backup keeps the table's items and settings until you delete "
                               "it, even after the table is deleted. A restore creates a new "
                               "table with the keys, indexes and capacity; streams, TTL and tags "
                               "have to be set again, as on AWS."),
        backupsBox);
    note->setWordWrap(true);
    backupsLayout->addWidget(note);
    backupsLayout->addWidget(m_backups, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addWidget(m_restore);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    backupsLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pitrBox);
    layout->addWidget(backupsBox, 1);
    layout->addWidget(m_message);

    connect(m_togglePitr, &QPushButton::clicked, this, [this] {
        setPointInTimeRecovery(!m_pitrEnabled);
    });
    connect(m_restorePitr, &QPushButton::clicked, this, &BackupsView::askPointInTimeRestore);
    connect(m_create, &QPushButton::clicked, this, &BackupsView::askCreate);
    connect(m_restore, &QPushButton::clicked, this, &BackupsView::askRestore);
    connect(m_delete, &QPushButton::clicked, this, &BackupsView::askDelete);
    connect(m_backups, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool selected = !m_backups->selectedItems().isEmpty();
        m_restore->setEnabled(selected);
        m_delete->setEnabled(selected);
    });
    setTable({});
}

void BackupsView::setTable(const QString &tableName)
{
    if (tableName != m_table)
        m_message->clear();
    m_table = tableName;
    refresh();
}

void BackupsView::refresh()
{
    const bool hasTable = !m_table.isEmpty();
    for (QPushButton *button : {m_togglePitr, m_restorePitr, m_create})
        button->setEnabled(hasTable);
    m_restore->setEnabled(false);
    m_delete->setEnabled(false);
    if (!hasTable) {
        m_pitr->setText(tr("Select a table to see its backups and point-in-time recovery."));
        m_togglePitr->setText(tr("Turn on"));
        m_backups->setRowCount(0);
        emit refreshed();
        return;
    }
    Core::DynamoDb::DynamoDbService *service = m_service;
    const QString table = m_table;
    Core::callAsync(
        service,
        this,
        [service, table] {
            Snapshot snapshot;
            snapshot.pitr =
                service->describeContinuousBackups(QJsonObject{{u"TableName"_s, table}});
            snapshot.backups = service->listBackups(
                QJsonObject{{u"TableName"_s, table}, {u"BackupType"_s, u"ALL"_s}});
            for (const QJsonValue &backup :
                snapshot.backups.value_or(QJsonObject())[u"BackupSummaries"_s].toArray()) {
                const QString arn = backup[u"BackupArn"_s].toString();
                const auto description =
                    service->describeBackup(QJsonObject{{u"BackupArn"_s, arn}});
                if (description)
                    snapshot.itemCounts.insert(arn,
                        (*description)[u"BackupDescription"_s][u"SourceTableDetails"_s]
                                      [u"ItemCount"_s]
                                          .toInteger());
            }
            return snapshot;
        },
        [this, table](const Snapshot &snapshot) {
            if (table != m_table)
                return;
            const QJsonObject pitr =
                snapshot.pitr
                    .value_or(QJsonObject())[u"ContinuousBackupsDescription"_s]
                                            [u"PointInTimeRecoveryDescription"_s]
                    .toObject();
            m_pitrEnabled = pitr[u"PointInTimeRecoveryStatus"_s].toString() == u"ENABLED";
            m_earliest = fromSeconds(pitr[u"EarliestRestorableDateTime"_s]);
            m_latest = fromSeconds(pitr[u"LatestRestorableDateTime"_s]);
            m_togglePitr->setText(m_pitrEnabled ? tr("Turn off") : tr("Turn on"));
            m_restorePitr->setEnabled(m_pitrEnabled);
            m_pitr->setText(m_pitrEnabled
                    ? tr("On. Restorable to any second from %1 to %2 (the latest restorable time "
                         "is about five minutes ago, as on AWS).")
                          .arg(shown(m_earliest), shown(m_latest))
                    : tr("Off. When it is on, every change is kept for %n day(s), so the table "
                         "can be restored as it was at any second since.",
                        nullptr,
                        pitr[u"RecoveryPeriodInDays"_s].toInt(35)));
            const QJsonArray backups =
                snapshot.backups.value_or(QJsonObject())[u"BackupSummaries"_s].toArray();
            m_backups->setRowCount(int(backups.size()));
            for (int row = 0; row < backups.size(); ++row) {
                const QJsonObject backup = backups[row].toObject();
                const QString texts[ColumnCount] = {
                    backup[u"BackupName"_s].toString(),
                    backup[u"BackupType"_s].toString(),
                    shown(fromSeconds(backup[u"BackupCreationDateTime"_s])),
                    QLocale().toString(
                        snapshot.itemCounts.value(backup[u"BackupArn"_s].toString())),
                    QLocale().formattedDataSize(backup[u"BackupSizeBytes"_s].toInteger()),
                };
                for (int column = 0; column < ColumnCount; ++column) {
                    auto *item = new QTableWidgetItem(texts[column]);
                    if (column == Name)
                        item->setData(Qt::UserRole, backup[u"BackupArn"_s].toString());
                    m_backups->setItem(row, column, item);
                }
            }
            emit refreshed();
        });
}

QString BackupsView::pitrText() const
{
    return m_pitr->text();
}

QString BackupsView::messageText() const
{
    return m_message->text();
}

int BackupsView::backupCount() const
{
    return m_backups->rowCount();
}

QString BackupsView::selectedArn() const
{
    const int row = m_backups->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_backups->item(row, Name) : nullptr;
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void BackupsView::run(Operation operation, const QJsonObject &request, const QString &done)
{
    Core::DynamoDb::DynamoDbService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, operation, request] { return (service->*operation)(request); },
        [this, done](const Core::Result<QJsonObject> &result) {
            m_message->setText(result ? done : result.error().message);
            refresh();
        });
}

void BackupsView::createBackup(const QString &name)
{
    run(&Core::DynamoDb::DynamoDbService::createBackup,
        QJsonObject{{u"TableName"_s, m_table}, {u"BackupName"_s, name}},
        tr("Created backup %1.").arg(name));
}

void BackupsView::restoreBackup(int row, const QString &targetTable)
{
    const QTableWidgetItem *item = m_backups->item(row, Name);
    if (!item)
        return;
    run(&Core::DynamoDb::DynamoDbService::restoreTableFromBackup,
        QJsonObject{{u"TargetTableName"_s, targetTable},
            {u"BackupArn"_s, item->data(Qt::UserRole).toString()}},
        tr("Restored backup %1 into the new table %2.").arg(item->text(), targetTable));
}

void BackupsView::deleteBackup(int row)
{
    const QTableWidgetItem *item = m_backups->item(row, Name);
    if (!item)
        return;
    run(&Core::DynamoDb::DynamoDbService::deleteBackup,
        QJsonObject{{u"BackupArn"_s, item->data(Qt::UserRole).toString()}},
        tr("Deleted backup %1.").arg(item->text()));
}

void BackupsView::setPointInTimeRecovery(bool enabled)
{
    run(&Core::DynamoDb::DynamoDbService::updateContinuousBackups,
        QJsonObject{{u"TableName"_s, m_table},
            {u"PointInTimeRecoverySpecification"_s,
                QJsonObject{{u"PointInTimeRecoveryEnabled"_s, enabled}}}},
        enabled ? tr("Point-in-time recovery is on for %1.").arg(m_table)
                : tr("Point-in-time recovery is off for %1; its history is gone.").arg(m_table));
}

void BackupsView::restoreToPointInTime(const QString &targetTable, const QDateTime &when)
{
    QJsonObject request{{u"SourceTableName"_s, m_table}, {u"TargetTableName"_s, targetTable}};
    if (when.isValid())
        request.insert(u"RestoreDateTime"_s, double(when.toMSecsSinceEpoch()) / 1000.0);
    else
        request.insert(u"UseLatestRestorableTime"_s, true);
    run(&Core::DynamoDb::DynamoDbService::restoreTableToPointInTime,
        request,
        tr("Restored %1 into the new table %2.").arg(m_table, targetTable));
}

void BackupsView::askCreate()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this,
        tr("Create backup"),
        tr("Backup name (3 to 255 letters, digits, '_', '-' or '.'):"),
        QLineEdit::Normal,
        m_table + u"-backup"_s,
        &ok);
    if (ok)
        createBackup(name.trimmed());
}

void BackupsView::askRestore()
{
    const int row = m_backups->currentRow();
    if (row < 0)
        return;
    bool ok = false;
    const QString target = QInputDialog::getText(this,
        tr("Restore backup"),
        tr("Name of the new table:"),
        QLineEdit::Normal,
        m_table + u"-restored"_s,
        &ok);
    if (ok)
        restoreBackup(row, target.trimmed());
}

void BackupsView::askDelete()
{
    const int row = m_backups->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_backups->item(row, Name) : nullptr;
    if (!item
        || QMessageBox::question(this,
               tr("Delete backup"),
               tr("Delete the backup %1? It cannot be restored afterwards.").arg(item->text()))
            != QMessageBox::Yes)
        return;
    deleteBackup(row);
}

void BackupsView::askPointInTimeRestore()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Restore to point in time"));
    auto *target = new QLineEdit(m_table + u"-restored"_s, &dialog);
    auto *latest = new QCheckBox(tr("Latest restorable time"), &dialog);
    auto *when = new QDateTimeEdit(m_latest.toLocalTime(), &dialog);
    when->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    when->setDateTimeRange(m_earliest.toLocalTime(), m_latest.toLocalTime());
    when->setCalendarPopup(true);
    latest->setChecked(true);
    when->setEnabled(false);
    connect(latest, &QCheckBox::toggled, when, [when](bool on) { when->setEnabled(!on); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("New table name"), target);
    form->addRow(QString(), latest);
    form->addRow(tr("Restore to"), when);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    restoreToPointInTime(
        target->text().trimmed(), latest->isChecked() ? QDateTime() : when->dateTime().toUTC());
}

} // namespace Gui::DynamoDb
