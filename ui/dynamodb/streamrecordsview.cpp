// SPDX-License-Identifier: MIT
#include "ui/dynamodb/streamrecordsview.h"

#include "core/common/async.h"
#include "core/dynamodb/dynamodbstreamsservice.h"
#include "ui/dynamodb/dynamodbjson.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb {

namespace {

enum Column {
    Time,
    Event,
    Keys,
    NewImage,
    OldImage,
    Sequence,
    ColumnCount,
};

QString plainText(const QJsonValue &item)
{
    if (!item.isObject())
        return {};
    return QString::fromUtf8(
        QJsonDocument(DynamoDbJson::toPlain(item.toObject())).toJson(QJsonDocument::Compact));
}

} // namespace

StreamRecordsView::StreamRecordsView(
    Core::DynamoDb::DynamoDbStreamsService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_status(new QLabel(this))
    , m_records(new QTableWidget(0, ColumnCount, this))
{
    m_status->setWordWrap(true);
    m_records->setHorizontalHeaderLabels({tr("Time"),
        tr("Event"),
        tr("Keys"),
        tr("New image"),
        tr("Old image"),
        tr("Sequence number")});
    m_records->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_records->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_records->verticalHeader()->hide();
    m_records->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_records, 1);
    setTable({});
}

void StreamRecordsView::setTable(const QString &tableName)
{
    m_table = tableName;
    refresh();
}

void StreamRecordsView::refresh()
{
    if (m_table.isEmpty()) {
        m_records->setRowCount(0);
        m_status->setText(tr("Select a table to see the records of its stream."));
        emit refreshed();
        return;
    }
    Core::DynamoDb::DynamoDbStreamsService *service = m_service;
    const QString table = m_table;
    Core::callAsync(
        service,
        this,
        [service, table] { return service->recentRecords(table, Shown); },
        [this, table](const Core::DynamoDb::DynamoDbStreamsService::Recent &recent) {
            if (table != m_table)
                return;
            if (recent.streamArn.isEmpty()) {
                m_status->setText(tr("This table has no stream. Turn one on with UpdateTable "
                                     "(StreamSpecification) to record every change to its items."));
            } else {
                m_status->setText(tr(
                    "%1 · %2 · %3 · newest %n record(s) first", nullptr, int(recent.records.size()))
                                      .arg(recent.status == u"ENABLED"_s ? tr("Enabled")
                                                                         : tr("Disabled"),
                                          recent.viewType,
                                          recent.streamArn));
            }
            m_records->setRowCount(int(recent.records.size()));
            for (int row = 0; row < recent.records.size(); ++row) {
                const QJsonObject record = recent.records[row].toObject();
                const QJsonObject change = record[u"dynamodb"_s].toObject();
                const QDateTime when = QDateTime::fromSecsSinceEpoch(
                    qint64(change[u"ApproximateCreationDateTime"_s].toDouble()), Qt::UTC);
                const QString texts[ColumnCount] = {
                    when.toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s),
                    record[u"eventName"_s].toString(),
                    plainText(change[u"Keys"_s]),
                    plainText(change[u"NewImage"_s]),
                    plainText(change[u"OldImage"_s]),
                    change[u"SequenceNumber"_s].toString(),
                };
                for (int column = 0; column < ColumnCount; ++column)
                    m_records->setItem(row, column, new QTableWidgetItem(texts[column]));
            }
            m_records->resizeColumnsToContents();
            emit refreshed();
        });
}

QString StreamRecordsView::statusText() const
{
    return m_status->text();
}

int StreamRecordsView::recordCount() const
{
    return m_records->rowCount();
}

} // namespace Gui::DynamoDb
