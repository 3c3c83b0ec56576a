// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/alarmspane.h"

#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/async.h"
#include "ui/cloudwatch/alarmchart.h"
#include "ui/cloudwatch/alarmlistmodel.h"
#include "ui/cloudwatch/createalarmdialog.h"
#include "ui/cloudwatch/loggroupsview.h"
#include "ui/cloudwatch/metricsbrowser.h"
#include "ui/common/pageheader.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Core::CloudWatch::Alarm;

namespace Gui::CloudWatch {

namespace {

constexpr qint64 ChartSpanMs = 3LL * 60 * 60 * 1000; // the console's default: 3 hours
constexpr int LiveRefreshMs = 5000;

const QStringList &stateFilters()
{
    static const QStringList states{QString(), u"ALARM"_s, u"OK"_s, u"INSUFFICIENT_DATA"_s};
    return states;
}

// What the detail view shows, read on the core thread in one go.
struct AlarmDetail
{
    bool found = false;
    Alarm alarm;
    QList<std::pair<qint64, double>> points;
    QList<AlarmChart::BandPoint> band;
    QList<AlarmChart::Transition> transitions;
    QList<Core::CloudWatch::AlarmHistoryItem> history;
    qint64 fromMs = 0;
    qint64 toMs = 0;
};

AlarmDetail readDetail(Core::CloudWatch::CloudWatchService *service, const QString &name)
{
    AlarmDetail detail;
    Core::CloudWatch::DescribeAlarmsRequest request;
    request.alarmNames = {name};
    request.alarmTypes = {u"MetricAlarm"_s, u"CompositeAlarm"_s};
    const auto alarms = service->describeAlarms(request);
    if (!alarms || (alarms->metricAlarms.isEmpty() && alarms->compositeAlarms.isEmpty()))
        return detail;
    detail.found = true;
    detail.alarm = alarms->metricAlarms.isEmpty() ? alarms->compositeAlarms.front()
                                                  : alarms->metricAlarms.front();
    detail.toMs = service->nowMs();
    detail.fromMs = detail.toMs - ChartSpanMs;
    const Alarm &alarm = detail.alarm;
    if (alarm.kind == Core::CloudWatch::AlarmKind::Metric && alarm.period > 0) {
        Core::CloudWatch::GetMetricDataRequest data;
        data.startMs = detail.fromMs;
        data.endMs = detail.toMs;
        data.scanBy = u"TimestampAscending"_s;
        if (alarm.metrics.isEmpty()) {
            Core::CloudWatch::MetricDataQuery query;
            query.id = u"m1"_s;
            query.metricStat = Core::CloudWatch::MetricStat{alarm.metric,
                alarm.period,
                alarm.extendedStatistic.isEmpty() ? alarm.statistic : alarm.extendedStatistic,
                alarm.unit};
            data.queries = {query};
        } else {
            data.queries = alarm.metrics;
        }
        if (const auto result = service->getMetricData(data);
            result && !result->results.isEmpty()) {
            // An anomaly detection alarm returns the watched series and the band (lower, upper)
            // under ThresholdMetricId.
            QList<const Core::CloudWatch::MetricDataResult *> bounds;
            const Core::CloudWatch::MetricDataResult *watched = nullptr;
            for (const auto &series : result->results) {
                if (!alarm.thresholdMetricId.isEmpty() && series.id == alarm.thresholdMetricId)
                    bounds.append(&series);
                else if (!watched)
                    watched = &series;
            }
            if (watched) {
                for (qsizetype i = 0; i < watched->timestamps.size(); ++i)
                    detail.points.append({watched->timestamps.at(i), watched->values.at(i)});
            }
            if (bounds.size() == 2) {
                QHash<qint64, double> upper;
                for (qsizetype i = 0; i < bounds.at(1)->timestamps.size(); ++i)
                    upper.insert(bounds.at(1)->timestamps.at(i), bounds.at(1)->values.at(i));
                for (qsizetype i = 0; i < bounds.at(0)->timestamps.size(); ++i) {
                    const qint64 time = bounds.at(0)->timestamps.at(i);
                    if (upper.contains(time))
                        detail.band.append({time, bounds.at(0)->values.at(i), upper.value(time)});
                }
            }
        }
    }
    Core::CloudWatch::DescribeAlarmHistoryRequest history;
    history.alarmName = name;
    history.alarmTypes = {u"MetricAlarm"_s, u"CompositeAlarm"_s};
    history.maxRecords = 100;
    if (const auto items = service->describeAlarmHistory(history))
        detail.history = items->items;
    for (auto it = detail.history.crbegin(); it != detail.history.crend(); ++it) {
        if (it->historyItemType != u"StateUpdate")
            continue;
        const QJsonObject data = QJsonDocument::fromJson(it->historyData.toUtf8()).object();
        detail.transitions.append({it->timestampMs, data[u"newState"][u"stateValue"].toString()});
    }
    return detail;
}

} // namespace

AlarmsPane::AlarmsPane(
    Core::CloudWatch::CloudWatchService *service, Core::Logs::LogsService *logs, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_tabs(new QTabWidget(this))
    , m_metrics(new MetricsBrowser(service, this))
    , m_model(new AlarmListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_stateButtons(new QButtonGroup(this))
    , m_detailTitle(new QLabel(this))
    , m_detailState(new QLabel(this))
    , m_detailReason(new QLabel(this))
    , m_chart(new AlarmChart(this))
    , m_history(new QListWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    auto *header = new PageHeader(tr("CloudWatch"),
        tr("Alarms watch a metric and change state when it crosses the threshold for M of N "
           "periods; metrics and logs are what your code and the services publish."),
        this);
    auto *createAlarm = new QPushButton(tr("Create alarm…"), this);
    createAlarm->setObjectName(u"createAlarm"_s);
    header->addAction(createAlarm);
    layout->addWidget(header);
    connect(createAlarm, &QPushButton::clicked, this, [this] { openCreateAlarm({}, {}, 60); });

    QFont tabFont = m_tabs->font();
    tabFont.setPointSizeF(tabFont.pointSizeF() * 1.1);
    m_tabs->tabBar()->setFont(tabFont);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createAlarmsTab(), tr("Alarms"));
    m_tabs->addTab(m_metrics, tr("All metrics"));
    if (logs) {
        m_logGroups = new LogGroupsView(logs, this);
        m_tabs->addTab(m_logGroups, tr("Log groups"));
    }
    layout->addWidget(m_tabs, 1);
    connect(m_metrics, &MetricsBrowser::createAlarmRequested, this, &AlarmsPane::openCreateAlarm);
    // The metrics tab has its own "Create alarm" for the ticked metric.
    connect(m_tabs, &QTabWidget::currentChanged, createAlarm, [createAlarm](int index) {
        createAlarm->setVisible(index == AlarmsTab);
    });

    m_detailTitle->setObjectName(u"alarmDetailTitle"_s);
    m_detailReason->setObjectName(u"alarmDetailReason"_s);
    showNoSelection();
    m_liveTimer.setInterval(LiveRefreshMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &AlarmsPane::showSelectedAlarm);
    m_liveTimer.start();
    connect(
        m_service, &Core::CloudWatch::CloudWatchService::alarmsChanged, this, &AlarmsPane::refresh);
    updateCounts();
    refresh();
}

QWidget *AlarmsPane::createAlarmsTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *filters = new QHBoxLayout;
    for (int id = 0; id < stateFilters().size(); ++id) {
        auto *button = new QPushButton(tab);
        button->setCheckable(true);
        button->setMinimumHeight(36);
        QFont big = button->font();
        big.setPointSizeF(big.pointSizeF() * 1.2);
        big.setBold(true);
        button->setFont(big);
        if (id > 0)
            button->setStyleSheet(u"QPushButton { color: %1; }"_s.arg(
                AlarmListModel::stateColor(stateFilters().at(id)).name()));
        m_stateButtons->addButton(button, id);
        filters->addWidget(button);
    }
    filters->addStretch();
    m_stateButtons->button(0)->setChecked(true);
    layout->addLayout(filters);
    connect(m_stateButtons, &QButtonGroup::idClicked, this, &AlarmsPane::applyStateFilter);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(AlarmListModel::StateRole);
    m_proxy->setFilterKeyColumn(AlarmListModel::StateColumn);
    m_table->setObjectName(u"alarmTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(
        AlarmListModel::ConditionColumn, QHeaderView::Stretch);
    QFont tableFont = m_table->font();
    tableFont.setPointSizeF(tableFont.pointSizeF() * 1.15);
    m_table->setFont(tableFont);
    connect(m_table->selectionModel(),
        &QItemSelectionModel::selectionChanged,
        this,
        &AlarmsPane::showSelectedAlarm);

    auto *detail = new QWidget(tab);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 8, 0, 0);
    auto *titleRow = new QHBoxLayout;
    QFont titleFont = m_detailTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailState->setFont(titleFont);
    titleRow->addWidget(m_detailTitle);
    titleRow->addSpacing(16);
    titleRow->addWidget(m_detailState);
    titleRow->addStretch();
    detailLayout->addLayout(titleRow);
    QFont reasonFont = m_detailReason->font();
    reasonFont.setPointSizeF(reasonFont.pointSizeF() * 1.25);
    m_detailReason->setFont(reasonFont);
    m_detailReason->setWordWrap(true);
    m_detailReason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLayout->addWidget(m_detailReason);
    auto *chartAndHistory = new QSplitter(Qt::Horizontal, detail);
    m_chartSplitter = chartAndHistory;
    chartAndHistory->addWidget(m_chart);
    m_history->setWordWrap(true);
    m_history->setFont(reasonFont);
    chartAndHistory->addWidget(m_history);
    chartAndHistory->setStretchFactor(0, 3);
    chartAndHistory->setStretchFactor(1, 2);
    detailLayout->addWidget(chartAndHistory, 1);
    detailLayout->addStretch(0);
    m_detailLayout = detailLayout;

    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    m_table->setMinimumHeight(170);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
    return tab;
}

void AlarmsPane::setEndpointUrl(const QString &url)
{
    m_metrics->setEndpointUrl(url);
    if (m_logGroups)
        m_logGroups->setEndpointUrl(url);
}

void AlarmsPane::showTab(Tab tab)
{
    if (tab == LogGroupsTab && !m_logGroups)
        return;
    m_tabs->setCurrentIndex(int(tab));
}

void AlarmsPane::openCreateAlarm(
    const Core::CloudWatch::Metric &metric, const QString &statistic, int period)
{
    auto *dialog = new CreateAlarmDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!metric.metricName.isEmpty())
        dialog->setMetric(metric, statistic, period);
    connect(dialog, &CreateAlarmDialog::alarmCreated, this, [this](const QString &name) {
        showTab(AlarmsTab);
        m_stateButtons->button(0)->click();
        m_pendingSelection = name;
        refresh();
    });
    dialog->open();
    emit createAlarmDialogOpened(dialog);
}

void AlarmsPane::refresh()
{
    Core::CloudWatch::CloudWatchService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service] {
            Core::CloudWatch::DescribeAlarmsRequest request;
            request.alarmTypes = {u"MetricAlarm"_s, u"CompositeAlarm"_s};
            request.maxRecords = 100;
            QList<Alarm> all;
            for (;;) {
                const auto page = service->describeAlarms(request);
                if (!page)
                    break;
                all.append(page->metricAlarms);
                all.append(page->compositeAlarms);
                if (page->nextToken.isEmpty())
                    break;
                request.nextToken = page->nextToken;
            }
            return all;
        },
        [this](QList<Alarm> alarms) {
            const QString selected =
                m_pendingSelection.isEmpty() ? selectedAlarmName() : m_pendingSelection;
            m_pendingSelection.clear();
            m_model->setAlarms(std::move(alarms));
            updateCounts();
            m_table->resizeColumnToContents(AlarmListModel::NameColumn);
            m_table->resizeColumnToContents(AlarmListModel::StateColumn);
            // Keep the selection; with none, open the first alarm in ALARM (else the first one).
            int chosen = -1;
            for (int row = 0; row < m_proxy->rowCount(); ++row) {
                const QModelIndex index = m_proxy->index(row, 0);
                if (selected.isEmpty()
                        ? index.data(AlarmListModel::StateRole).toString() == u"ALARM"
                            && index.data(AlarmListModel::KindRole).toInt()
                                == int(Core::CloudWatch::AlarmKind::Metric)
                        : index.data(AlarmListModel::NameRole).toString() == selected) {
                    chosen = row;
                    break;
                }
            }
            if (chosen < 0 && selected.isEmpty() && m_proxy->rowCount() > 0)
                chosen = 0;
            if (chosen >= 0)
                m_table->selectRow(chosen);
            showSelectedAlarm();
        });
}

void AlarmsPane::showNoSelection()
{
    const bool anyAlarm = m_model->rowCount() > 0;
    const QString title = anyAlarm ? tr("Select an alarm") : tr("No alarms yet");
    // The live refresh asks again every few seconds: nothing to redo while it is shown.
    if (m_chartSplitter->isHidden() && m_detailTitle->text() == title)
        return;
    m_detailTitle->setText(title);
    m_detailState->clear();
    m_detailState->setStyleSheet({});
    m_detailReason->setText(anyAlarm
            ? tr("Its live chart with the threshold line, the datapoints the evaluator used and "
                 "its state history appear here.")
            : tr("Create one with “Create alarm…”, from a metric under All metrics, or with "
                 "aws cloudwatch put-metric-alarm. A new alarm starts in INSUFFICIENT_DATA "
                 "until its periods have datapoints."));
    m_chartSplitter->hide();
    m_detailLayout->setStretch(m_detailLayout->count() - 1, 1); // the hint stays at the top
}

void AlarmsPane::applyStateFilter(int id)
{
    const QString state = stateFilters().value(id);
    m_proxy->setFilterRegularExpression(
        state.isEmpty() ? QString() : u"^%1$"_s.arg(QRegularExpression::escape(state)));
}

void AlarmsPane::updateCounts()
{
    m_stateButtons->button(0)->setText(tr("All (%1)").arg(m_model->rowCount()));
    for (int id = 1; id < stateFilters().size(); ++id) {
        const QString &state = stateFilters().at(id);
        m_stateButtons->button(id)->setText(
            u"%1 (%2)"_s.arg(AlarmListModel::stateText(state)).arg(m_model->countInState(state)));
    }
    emit inAlarmCountChanged(m_model->countInState(u"ALARM"_s));
}

QString AlarmsPane::selectedAlarmName() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(AlarmListModel::NameRole).toString();
}

void AlarmsPane::showSelectedAlarm()
{
    const QString name = selectedAlarmName();
    if (name.isEmpty()) {
        showNoSelection();
        return;
    }
    Core::CloudWatch::CloudWatchService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, name] { return readDetail(service, name); },
        [this, name](AlarmDetail detail) {
            if (!detail.found || selectedAlarmName() != name)
                return;
            const Alarm &alarm = detail.alarm;
            const bool splitterWasHidden = m_chartSplitter->isHidden();
            m_chartSplitter->show();
            m_detailLayout->setStretch(m_detailLayout->count() - 1, 0);
            m_detailTitle->setText(alarm.name);
            m_detailState->setText(AlarmListModel::stateText(alarm.stateValue));
            m_detailState->setStyleSheet(
                u"QLabel { color: white; background: %1; padding: 2px 10px; "
                u"border-radius: 4px; }"_s.arg(
                    AlarmListModel::stateColor(alarm.stateValue).name()));
            m_detailReason->setText(alarm.stateReason);
            // A composite alarm has no metric of its own: its rule and history tell the story.
            const bool metricAlarm = alarm.kind == Core::CloudWatch::AlarmKind::Metric;
            if (metricAlarm && (m_chart->isHidden() || splitterWasHidden)) {
                // A hidden splitter (or child) comes back at its minimum width: give the chart
                // 3/5 again.
                const int width = m_chartSplitter->parentWidget()->width();
                m_chartSplitter->setSizes({width * 3 / 5, width - width * 3 / 5});
            }
            m_chart->setVisible(metricAlarm);
            m_chart->setData(
                alarm, detail.points, detail.transitions, detail.fromMs, detail.toMs, detail.band);
            m_history->clear();
            for (const Core::CloudWatch::AlarmHistoryItem &item : detail.history) {
                QString text = u"%1  %2"_s.arg(
                    QLocale().toString(
                        QDateTime::fromMSecsSinceEpoch(item.timestampMs).toLocalTime().time(),
                        QLocale::LongFormat),
                    item.historySummary);
                if (item.historyItemType == u"StateUpdate") {
                    const QJsonObject historyData =
                        QJsonDocument::fromJson(item.historyData.toUtf8()).object();
                    text += u"\n"_s + historyData[u"newState"][u"stateReason"].toString();
                    auto *row = new QListWidgetItem(text, m_history);
                    row->setForeground(AlarmListModel::stateColor(
                        historyData[u"newState"][u"stateValue"].toString()));
                } else {
                    new QListWidgetItem(text, m_history);
                }
            }
        });
}

} // namespace Gui::CloudWatch
