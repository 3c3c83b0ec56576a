// SPDX-License-Identifier: MIT
#pragma once

#include "core/sqs/message.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QTimer>

namespace Core::Sqs {
class SqsService;
}

namespace Gui::Sqs {

// Messages of one queue as the Peek view shows them: every message, available, in flight or
// delayed, with its state, receive count and time until visible, read without changing its state
// (SqsService::peekMessages). Pages in with fetchMore; refresh() re-reads the loaded rows, at most
// every MinRefreshIntervalMs and never more than a fifth of the time (a refresh of many loaded
// rows waits four times as long as the last one took), so a busy queue cannot keep the core
// thread re-reading. With no service it simply shows the messages given to setMessages() (the
// receive page's results).
class MessageListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageListModel)

public:
    enum Column {
        State,
        Body,
        ReceiveCount,
        VisibleIn,
        Sent,
        MessageId,
        Group,
        ColumnCount,
    };
    enum Role {
        StateRole = Qt::UserRole + 1,
    };
    static constexpr int PageSize = 200;
    static constexpr int MinRefreshIntervalMs = 100;

    explicit MessageListModel(Core::Sqs::SqsService *service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setQueue(const QString &queueName);
    QString queueName() const { return m_queueName; }
    void refresh();
    void setMessages(const QList<Core::Sqs::Message> &messages, qint64 nowMs);
    const Core::Sqs::Message *message(int row) const;
    int rowOfMessage(const QString &messageId) const;
    bool isLoading() const { return m_loading; }
    static QString stateText(Core::Sqs::MessageState state);

signals:
    void loaded();

private:
    void load(int offset, int limit, bool replace);
    void apply(const QList<Core::Sqs::Message> &messages, qint64 nowMs, int offset, bool replace);

    Core::Sqs::SqsService *m_service;
    QString m_queueName;
    QList<Core::Sqs::Message> m_messages;
    qint64 m_nowMs = 0;
    bool m_hasMore = false;
    bool m_loading = false;
    quint64 m_generation = 0;
    QElapsedTimer m_sinceRefresh; // since the last refresh's answer arrived
    qint64 m_refreshCostMs = 0; // how long that refresh took
    QTimer m_refreshTimer;
};

} // namespace Gui::Sqs
