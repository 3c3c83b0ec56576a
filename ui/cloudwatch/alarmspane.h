// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <QTimer>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;

namespace Core::CloudWatch {
class CloudWatchService;
}

namespace Gui::CloudWatch {

class AlarmChart;
class AlarmListModel;

// The Alarms pane, modelled on the CloudWatch console: alarms filtered by state with colour-coded
// counts, and for the selected alarm a live chart (metric, threshold, shaded ALARM ranges), its
// state reason and its state history. Reads the service only through Core::callAsync and
// refreshes on alarmsChanged() and every few seconds while an alarm is open.
class AlarmsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmsPane)

public:
    explicit AlarmsPane(Core::CloudWatch::CloudWatchService *service, QWidget *parent = nullptr);

    void refresh();
    AlarmListModel *model() const { return m_model; }

private:
    void applyStateFilter(int id);
    void updateCounts();
    void showSelectedAlarm();
    QString selectedAlarmName() const;

    Core::CloudWatch::CloudWatchService *m_service;
    AlarmListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QButtonGroup *m_stateButtons;
    QLabel *m_detailTitle;
    QLabel *m_detailState;
    QLabel *m_detailReason;
    AlarmChart *m_chart;
    QListWidget *m_history;
    QTimer m_liveTimer;
};

} // namespace Gui::CloudWatch
