// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace Core::Sqs {
class SqsService;
}

namespace Gui::Sqs {

class MessageListModel;

// "Send and receive" for one queue, as in the SQS console: send a body with delay, attributes
// (String/Number/Binary) and FIFO group/deduplication ids; poll with a wait and a maximum count
// (a real ReceiveMessage: received messages go in flight), then delete the selected ones.
class SendReceivePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendReceivePage)

public:
    explicit SendReceivePage(Core::Sqs::SqsService *service, QWidget *parent = nullptr);

    void setQueue(const QString &name, bool fifo);
    MessageListModel *receivedModel() const { return m_received; }

private:
    void send();
    void poll();
    void deleteSelected();
    void showSelected();

    Core::Sqs::SqsService *m_service;
    QString m_queue;
    bool m_fifo = false;
    QPlainTextEdit *m_body;
    QSpinBox *m_delay;
    QLineEdit *m_group;
    QLineEdit *m_dedup;
    QTableWidget *m_attributes;
    QPushButton *m_sendButton;
    QLabel *m_sendStatus;
    QSpinBox *m_wait;
    QSpinBox *m_maxCount;
    QPushButton *m_pollButton;
    QPushButton *m_deleteButton;
    QLabel *m_pollStatus;
    MessageListModel *m_received;
    QTableView *m_receivedView;
    QPlainTextEdit *m_detail;
};

} // namespace Gui::Sqs
