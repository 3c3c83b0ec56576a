// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace Core::DynamoDb {
class DynamoDbStreamsService;
}

namespace Gui::DynamoDb {

// The "Stream records" tab of the Tables pane: the selected table's stream (status, view type)
// and its newest records, newest first: when, INSERT/MODIFY/REMOVE, the keys and the images, as
// a Lambda trigger would receive them. Learners see each write become a record.
class StreamRecordsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamRecordsView)

public:
    explicit StreamRecordsView(
        Core::DynamoDb::DynamoDbStreamsService *service, QWidget *parent = nullptr);

    static constexpr int Shown = 100;

    void setTable(const QString &tableName);
    void refresh();
    QString statusText() const;
    int recordCount() const;

signals:
    void refreshed();

private:
    Core::DynamoDb::DynamoDbStreamsService *m_service;
    QString m_table;
    QLabel *m_status;
    QTableWidget *m_records;
};

} // namespace Gui::DynamoDb
