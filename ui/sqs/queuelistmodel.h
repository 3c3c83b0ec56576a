// SPDX-License-Identifier: MIT
#pragma once

#include "core/sqs/queue.h"

#include <QAbstractTableModel>

namespace Gui::Sqs {

// The queues of the Queues pane with their live counters. Holds value snapshots; setSummaries()
// applies a fresh snapshot row by row (insert, remove, dataChanged), so selection survives.
class QueueListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueListModel)

public:
    enum Column {
        Name,
        Type,
        Available,
        InFlight,
        Delayed,
        DeadLetter,
        Created,
        ColumnCount,
    };
    enum Role {
        NameRole = Qt::UserRole + 1,
    };

    explicit QueueListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setSummaries(const QList<Core::Sqs::QueueSummary> &summaries);
    const Core::Sqs::QueueSummary *summary(const QString &name) const;
    int rowOf(const QString &name) const;
    const QList<Core::Sqs::QueueSummary> &summaries() const { return m_summaries; }

private:
    QList<Core::Sqs::QueueSummary> m_summaries;
};

} // namespace Gui::Sqs
