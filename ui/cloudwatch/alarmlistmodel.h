// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <QAbstractTableModel>

namespace Gui::CloudWatch {

// The alarms of the Alarms pane: a table over snapshots of Core::CloudWatch::Alarm (metric and
// composite), replaced as a whole when the service reports a change. The State column carries
// the state colour; StateRole gives the raw state value for filtering.
class AlarmListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmListModel)

public:
    enum Column {
        NameColumn,
        StateColumn,
        ConditionColumn,
        LastChangeColumn,
        ColumnCount,
    };
    static constexpr int StateRole = Qt::UserRole + 1;
    static constexpr int NameRole = Qt::UserRole + 2;
    static constexpr int KindRole = Qt::UserRole + 3; // int(Core::CloudWatch::AlarmKind)

    explicit AlarmListModel(QObject *parent = nullptr);

    void setAlarms(QList<Core::CloudWatch::Alarm> alarms);
    const QList<Core::CloudWatch::Alarm> &alarms() const { return m_alarms; }
    int countInState(const QString &state) const;
    static QString stateText(const QString &state);
    static QColor stateColor(const QString &state);
    static QString conditionText(const Core::CloudWatch::Alarm &alarm);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::CloudWatch::Alarm> m_alarms;
};

} // namespace Gui::CloudWatch
