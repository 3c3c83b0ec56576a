// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/lambdatypes.h"

#include <QAbstractTableModel>

namespace Gui::Lambda {

// Recent invocations of one function for the Monitor tab, newest first (value snapshots).
class InvocationListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvocationListModel)

public:
    enum Column {
        Time,
        Status,
        Duration,
        InitDuration,
        Memory,
        RequestId,
        ColumnCount,
    };

    explicit InvocationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setInvocations(const QList<Core::Lambda::InvocationRecord> &records);
    void prepend(const Core::Lambda::InvocationRecord &record);
    const Core::Lambda::InvocationRecord *record(int row) const;

private:
    QList<Core::Lambda::InvocationRecord> m_records;
};

} // namespace Gui::Lambda
