// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableWidget;
class QTreeView;

namespace Core::CloudWatch {
class CloudWatchService;
}

namespace Gui::CloudWatch {

class MetricChart;
class MetricTreeModel;

// "All metrics", as in the CloudWatch console: the metrics of ListMetrics browsed by namespace
// and dimension set, the checked ones (up to 500, as a console graph) charted together with
// GetMetricData at the chosen statistic, period and time range. Under the chart, "Graphed metrics"
// lists one row per line: its colour, an editable label, its own statistic and period (the controls
// above set every line's) and a button that removes it from the chart. Reads the service through
// Core::callAsync only; re-lists on metricsChanged() and, with auto-refresh on, re-charts then and
// every few seconds.
class MetricsBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsBrowser)

public:
    explicit MetricsBrowser(
        Core::CloudWatch::CloudWatchService *service, QWidget *parent = nullptr);

    void setEndpointUrl(const QString &url);
    void refreshMetrics();
    // Reads the chart again, once for all the calls made in one pass of the event loop.
    void refreshChart();

    MetricTreeModel *model() const { return m_model; }
    MetricChart *chart() const { return m_chart; }
    enum GraphedColumn {
        ColourColumn,
        LabelColumn,
        StatisticColumn,
        PeriodColumn,
        RemoveColumn,
        GraphedColumnCount,
    };
    QTableWidget *graphedMetrics() const { return m_graphed; }
    QString statistic() const;
    int period() const;
    // The time range in ms: a span ending now, or with `custom` the edits' range.
    qint64 rangeSpanMs() const;
    void setRangeSpanMs(qint64 spanMs);
    void setStatistic(const QString &statistic);
    void setPeriod(int seconds);
    void setAutoRefresh(bool on);
    bool autoRefresh() const;

protected:
    void showEvent(QShowEvent *event) override;

signals:
    void createAlarmRequested(
        const Core::CloudWatch::Metric &metric, const QString &statistic, int period);

private:
    struct Line
    {
        QString label; // empty: the default label (metric, dimensions and statistic)
        QString statistic;
        int period = 60;
    };

    void updateEmptyState();
    // Keeps one Line per charted metric (new ones take the controls' statistic and period) and
    // the graphed metrics table in step with them.
    void syncGraphedMetrics();
    void appendGraphedRow(const QString &metricKey);
    // The row's colour (its place in the chart), label, statistic and period.
    void updateGraphedRow(int row, const Core::CloudWatch::Metric &metric);
    void setAllLines(const QString &statistic, int period);
    void readChartNow();
    QComboBox *periodCombo(QWidget *parent) const;
    void updateRangeControls();

    Core::CloudWatch::CloudWatchService *m_service;
    MetricTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTreeView *m_tree;
    QLabel *m_emptyMetrics;
    QStackedWidget *m_browserStack;
    QComboBox *m_statistic;
    QComboBox *m_period;
    QButtonGroup *m_ranges;
    QDateTimeEdit *m_customFrom;
    QDateTimeEdit *m_customTo;
    QCheckBox *m_autoRefresh;
    QPushButton *m_createAlarm;
    MetricChart *m_chart;
    QTableWidget *m_graphed;
    QLabel *m_graphedTitle; // with the count of graphed metrics (AWS: at most 500 per graph)
    QList<QString> m_chartedKeys; // metric keys of the graphed rows, in chart order
    QHash<QString, Line> m_lines; // by metric key
    QTimer m_refreshTimer;
    QTimer m_chartTimer; // coalesces refreshChart() calls into one read
    quint64 m_chartGeneration = 0;
    bool m_stale = false; // changes arrived while hidden: re-read when shown
};

} // namespace Gui::CloudWatch
