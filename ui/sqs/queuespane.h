// SPDX-License-Identifier: MIT
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace Core::Sqs {
class SqsService;
}

namespace Gui::Sqs {

class MessageListModel;
class QueueListModel;
class SendReceivePage;

// The Queues pane: the queue list with live counters (available / in flight / delayed), create,
// purge and delete; for the selected queue a Peek view of every message with its state and time
// until visible (read without receiving, so nothing changes), Send and receive, and the
// dead-letter page with redrive progress. Follows SqsService's coalesced signals and re-reads
// once a second while shown, since time alone moves messages between states.
class QueuesPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueuesPane)

public:
    explicit QueuesPane(Core::Sqs::SqsService *service, QWidget *parent = nullptr);

    QueueListModel *queueModel() const { return m_queues; }
    MessageListModel *peekModel() const { return m_peek; }
    QTableView *queueView() const { return m_queueView; }
    QString currentQueue() const { return m_current; }
    void selectQueue(const QString &name);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *createPeekPage();
    QWidget *createDeadLetterPage();
    void refreshQueues();
    void currentChanged();
    void updateDetails();
    void createQueue();
    void purgeQueue();
    void deleteQueue();
    void startRedrive();
    void refreshMoveTask();
    void showPeekDetail();
    void keepPeekSelection();

    Core::Sqs::SqsService *m_service;
    QueueListModel *m_queues;
    QSortFilterProxyModel *m_proxy;
    MessageListModel *m_peek;
    QTableView *m_queueView = nullptr;
    QTableView *m_peekView = nullptr;
    QPlainTextEdit *m_peekDetail = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    SendReceivePage *m_sendReceive = nullptr;
    QPushButton *m_purgeButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLabel *m_deadLetterText = nullptr;
    QPushButton *m_redriveButton = nullptr;
    QProgressBar *m_redriveProgress = nullptr;
    QLabel *m_redriveStatus = nullptr;
    QString m_current;
    QString m_peekMessageId; // the peeked message stays selected while rows reorder
    QTimer m_tick;
    QTimer m_taskTimer;
    bool m_refreshing = false;
};

} // namespace Gui::Sqs
