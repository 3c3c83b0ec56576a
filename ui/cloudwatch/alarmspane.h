// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <QDialog>
#include <QTimer>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QVBoxLayout;

namespace Core::CloudWatch {
class CloudWatchService;
}
namespace Core::Logs {
class LogsService;
}

namespace Gui::CloudWatch {

class AlarmChart;
class AlarmListModel;
class LogGroupsView;
class MetricsBrowser;

// The CloudWatch pane (the navigator's "Alarms"), modelled on the CloudWatch console, in tabs:
// - Alarms: alarms filtered by state with colour-coded counts, and for the selected alarm a live
//   chart (metric, threshold, shaded ALARM ranges), its state reason and its state history;
// - All metrics: the metrics browser (MetricsBrowser);
// - Log groups: groups, streams and filtered events (LogGroupsView), when a Logs service is given.
// "Create alarm" opens CreateAlarmDialog, pre-filled when it comes from the metrics browser.
// Reads the services only through Core::callAsync and refreshes on alarmsChanged() and every few
// seconds while an alarm is open.
class AlarmsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlarmsPane)

public:
    enum Tab {
        AlarmsTab,
        MetricsTab,
        LogGroupsTab,
    };

    explicit AlarmsPane(Core::CloudWatch::CloudWatchService *service,
        Core::Logs::LogsService *logs = nullptr,
        QWidget *parent = nullptr);

    void refresh();
    void setEndpointUrl(const QString &url);
    void showTab(Tab tab);
    AlarmListModel *model() const { return m_model; }
    MetricsBrowser *metricsBrowser() const { return m_metrics; }
    LogGroupsView *logGroupsView() const { return m_logGroups; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    // Alarms in ALARM state, after each refresh (the navigator shows it).
    void inAlarmCountChanged(int count);
    // The create-alarm dialog is open (tests fill it in through this).
    void createAlarmDialogOpened(QDialog *dialog);

private:
    QWidget *createAlarmsTab();
    void openCreateAlarm(
        const Core::CloudWatch::Metric &metric, const QString &statistic, int period);
    void applyStateFilter(int id);
    void updateCounts();
    void showSelectedAlarm();
    // The detail area without a selected alarm: what to do next, instead of empty panels.
    void showNoSelection();
    QString selectedAlarmName() const;

    Core::CloudWatch::CloudWatchService *m_service;
    QTabWidget *m_tabs;
    MetricsBrowser *m_metrics;
    LogGroupsView *m_logGroups = nullptr;
    AlarmListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QButtonGroup *m_stateButtons;
    QLabel *m_detailTitle;
    QLabel *m_detailState;
    QLabel *m_detailReason;
    AlarmChart *m_chart;
    QSplitter *m_chartSplitter = nullptr;
    QVBoxLayout *m_detailLayout = nullptr; // its last item: a stretch while nothing is shown
    QListWidget *m_history;
    QTimer m_liveTimer;
    QString m_pendingSelection; // select once listed (a new alarm)
};

} // namespace Gui::CloudWatch
