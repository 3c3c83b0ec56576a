// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Core::Logs {
class LogsService;
}

namespace Gui::CloudWatch {

class LogEventListModel;
class LogGroupListModel;
class LogStreamListModel;

// The CloudWatch area's "Log groups" tab: log groups with retention, stored bytes and their
// number of metric filters, the streams of the selected group, and its events filtered with
// FilterLogEvents (the box takes CloudWatch Logs filter patterns), of one stream or of all. The
// selected group's metric filters are listed, and "Create metric filter..." turns the pattern
// in the box into one (CreateMetricFilterDialog). Reads the Logs service through
// Core::callAsync and re-reads on logsChanged().
class LogGroupsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogGroupsView)

public:
    explicit LogGroupsView(Core::Logs::LogsService *logs, QWidget *parent = nullptr);

    void setEndpointUrl(const QString &url);
    void refresh();
    void selectGroup(const QString &name);
    void selectStream(const QString &name);
    void setFilterPattern(const QString &pattern);

    LogGroupListModel *groups() const { return m_groups; }
    LogStreamListModel *streams() const { return m_streams; }
    LogEventListModel *events() const { return m_events; }
    QString eventsStatus() const;
    QString metricFiltersText() const;
    // Opens "Create metric filter" for the selected group with the filter box's pattern.
    void createMetricFilter();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString selectedGroup() const;
    QString selectedStream() const;
    void refreshStreams();
    void refreshEvents();
    void refreshMetricFilters();
    void fetchEvents(const QString &nextToken);

    Core::Logs::LogsService *m_logs;
    LogGroupListModel *m_groups;
    LogStreamListModel *m_streams;
    LogEventListModel *m_events;
    QTableView *m_groupTable;
    QTableView *m_streamTable;
    QTableView *m_eventTable;
    QLineEdit *m_filter;
    QLabel *m_scope;
    QLabel *m_status;
    QLabel *m_metricFilters;
    QPushButton *m_createMetricFilter;
    QLabel *m_empty;
    QStackedWidget *m_stack;
    quint64 m_eventsGeneration = 0;
    bool m_stale = false; // logs changed while hidden: re-read when shown
};

} // namespace Gui::CloudWatch
