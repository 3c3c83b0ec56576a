// SPDX-License-Identifier: MIT
#include "ui/sqs/messagelistmodel.h"

#include "core/common/async.h"
#include "core/sqs/sqsservice.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;
using Core::Sqs::Message;
using Core::Sqs::MessageState;

namespace Gui::Sqs {

namespace {

QString duration(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return MessageListModel::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return MessageListModel::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return MessageListModel::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace

MessageListModel::MessageListModel(Core::Sqs::SqsService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
    , m_refreshTimer(this)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MessageListModel::refresh);
}

QString MessageListModel::stateText(MessageState state)
{
    switch (state) {
    case MessageState::Available:
        return tr("Available");
    case MessageState::InFlight:
        return tr("In flight");
    case MessageState::Delayed:
        return tr("Delayed");
    }
    return {};
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &message = m_messages.at(index.row());
    const MessageState state = Core::Sqs::messageState(message, m_nowMs);
    if (role == StateRole)
        return int(state);
    if (role == Qt::ForegroundRole && index.column() == State) {
        switch (state) {
        case MessageState::Available:
            return QBrush(QColor(0x03, 0x74, 0x3d));
        case MessageState::InFlight:
            return QBrush(QColor(0xb2, 0x5b, 0x00));
        case MessageState::Delayed:
            return QBrush(QColor(0x53, 0x5b, 0x66));
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Body)
        return message.body.left(2000);
    if (role == Qt::ToolTipRole && index.column() == VisibleIn && state != MessageState::Available)
        return tr("Visible again at %1")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(message.visibleAtMs).time()));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case State:
        return stateText(state);
    case Body: {
        QString body = message.body.left(200);
        body.replace(u'\n', u' ');
        return body;
    }
    case ReceiveCount:
        return message.receiveCount;
    case VisibleIn:
        return state == MessageState::Available ? tr("now")
                                                : duration(message.visibleAtMs - m_nowMs);
    case Sent:
        return QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(message.sentMs).time(), QLocale::LongFormat);
    case MessageId:
        return message.messageId;
    case Group:
        return message.groupId;
    default:
        return {};
    }
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case State:
        return tr("State");
    case Body:
        return tr("Body");
    case ReceiveCount:
        return tr("Receives");
    case VisibleIn:
        return tr("Visible in");
    case Sent:
        return tr("Sent");
    case MessageId:
        return tr("Message ID");
    case Group:
        return tr("Group");
    default:
        return {};
    }
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_service && m_hasMore && !m_loading;
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load(int(m_messages.size()), PageSize, false);
}

void MessageListModel::setQueue(const QString &queueName)
{
    ++m_generation;
    m_queueName = queueName;
    beginResetModel();
    m_messages.clear();
    m_hasMore = false;
    m_loading = false;
    endResetModel();
    if (!queueName.isEmpty())
        load(0, PageSize, true);
}

void MessageListModel::refresh()
{
    if (m_queueName.isEmpty() || m_loading || m_refreshTimer.isActive())
        return;
    if (m_sinceRefresh.isValid()) {
        const qint64 wait =
            std::max<qint64>(MinRefreshIntervalMs, 4 * m_refreshCostMs) - m_sinceRefresh.elapsed();
        if (wait > 0) {
            m_refreshTimer.start(int(wait));
            return;
        }
    }
    load(0, std::max(PageSize, int(m_messages.size())), true);
}

void MessageListModel::setMessages(const QList<Message> &messages, qint64 nowMs)
{
    apply(messages, nowMs, 0, true);
    m_hasMore = false;
}

const Message *MessageListModel::message(int row) const
{
    return row >= 0 && row < m_messages.size() ? &m_messages.at(row) : nullptr;
}

int MessageListModel::rowOfMessage(const QString &messageId) const
{
    for (int row = 0; row < m_messages.size(); ++row) {
        if (m_messages.at(row).messageId == messageId)
            return row;
    }
    return -1;
}

void MessageListModel::load(int offset, int limit, bool replace)
{
    if (!m_service)
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    QElapsedTimer started;
    started.start();
    Core::Sqs::SqsService *service = m_service;
    const QString queue = m_queueName;
    Core::callAsync(
        service,
        this,
        [service, queue, offset, limit] {
            return std::pair(service->peekMessages(queue, offset, limit), service->nowMs());
        },
        [this, generation, offset, limit, replace, started](
            std::pair<Core::Result<QList<Message>>, qint64> result) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (replace && offset == 0) {
                m_refreshCostMs = started.elapsed();
                m_sinceRefresh.start();
            }
            const QList<Message> messages = result.first.value_or(QList<Message>());
            m_hasMore = int(messages.size()) == limit;
            if (replace)
                m_hasMore = int(messages.size()) >= limit;
            apply(messages, result.second, offset, replace);
            emit loaded();
        });
}

void MessageListModel::apply(const QList<Message> &messages, qint64 nowMs, int offset, bool replace)
{
    m_nowMs = nowMs;
    if (!replace) {
        if (messages.isEmpty() || offset != m_messages.size())
            return;
        beginInsertRows({}, offset, offset + int(messages.size()) - 1);
        m_messages.append(messages);
        endInsertRows();
        return;
    }
    const int common = int(std::min(messages.size(), m_messages.size()));
    for (int row = 0; row < common; ++row)
        m_messages[row] = messages.at(row);
    if (common > 0)
        emit dataChanged(index(0, 0), index(common - 1, ColumnCount - 1));
    if (messages.size() > m_messages.size()) {
        beginInsertRows({}, common, int(messages.size()) - 1);
        m_messages.append(messages.mid(common));
        endInsertRows();
    } else if (messages.size() < m_messages.size()) {
        beginRemoveRows({}, common, int(m_messages.size()) - 1);
        m_messages.resize(common);
        endRemoveRows();
    }
}

} // namespace Gui::Sqs
