// SPDX-License-Identifier: MIT
#include "ui/sqs/queuelistmodel.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Gui::Sqs {

QueueListModel::QueueListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int QueueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_summaries.size());
}

int QueueListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::Sqs::QueueSummary &summary = m_summaries.at(index.row());
    if (role == NameRole)
        return summary.queue.name;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Available || index.column() == InFlight || index.column() == Delayed)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == DeadLetter) {
        if (summary.isDeadLetterQueue)
            return tr("Other queues send their failed messages here.");
        if (!summary.deadLetterQueueName.isEmpty())
            return tr("Messages received more than %1 times move to %2.")
                .arg(summary.queue.maxReceiveCount())
                .arg(summary.deadLetterQueueName);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool sortValue = role == Qt::EditRole;
    switch (index.column()) {
    case Name:
        return summary.queue.name;
    case Type:
        return summary.queue.fifo ? tr("FIFO") : tr("Standard");
    case Available:
        return sortValue ? QVariant(summary.available)
                         : QVariant(QLocale().toString(summary.available));
    case InFlight:
        return sortValue ? QVariant(summary.inFlight)
                         : QVariant(QLocale().toString(summary.inFlight));
    case Delayed:
        return sortValue ? QVariant(summary.delayed)
                         : QVariant(QLocale().toString(summary.delayed));
    case DeadLetter:
        if (summary.isDeadLetterQueue)
            return tr("Dead-letter queue");
        if (!summary.deadLetterQueueName.isEmpty())
            return tr("→ %1 (maximum receives: %2)")
                .arg(summary.deadLetterQueueName)
                .arg(summary.queue.maxReceiveCount());
        return QString();
    case Created:
        if (sortValue)
            return summary.queue.createdMs;
        return QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(summary.queue.createdMs), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant QueueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case Available:
        return tr("Available");
    case InFlight:
        return tr("In flight");
    case Delayed:
        return tr("Delayed");
    case DeadLetter:
        return tr("Dead-letter");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

int QueueListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_summaries.size(); ++row) {
        if (m_summaries.at(row).queue.name == name)
            return row;
    }
    return -1;
}

const Core::Sqs::QueueSummary *QueueListModel::summary(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? nullptr : &m_summaries.at(row);
}

void QueueListModel::setSummaries(const QList<Core::Sqs::QueueSummary> &summaries)
{
    // Both lists are sorted by name: walk them together.
    int row = 0;
    for (const Core::Sqs::QueueSummary &incoming : summaries) {
        while (row < m_summaries.size() && m_summaries.at(row).queue.name < incoming.queue.name) {
            beginRemoveRows({}, row, row);
            m_summaries.removeAt(row);
            endRemoveRows();
        }
        if (row < m_summaries.size() && m_summaries.at(row).queue.name == incoming.queue.name) {
            m_summaries[row] = incoming;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            beginInsertRows({}, row, row);
            m_summaries.insert(row, incoming);
            endInsertRows();
        }
        ++row;
    }
    if (row < m_summaries.size()) {
        beginRemoveRows({}, row, int(m_summaries.size()) - 1);
        m_summaries.remove(row, m_summaries.size() - row);
        endRemoveRows();
    }
}

} // namespace Gui::Sqs
