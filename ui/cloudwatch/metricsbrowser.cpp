// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/metricsbrowser.h"

#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/async.h"
#include "ui/cloudwatch/metricchart.h"
#include "ui/cloudwatch/metricchoices.h"
#include "ui/cloudwatch/metrictreemodel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <optional>

using namespace Qt::StringLiterals;
using Core::CloudWatch::Metric;

namespace Gui::CloudWatch {

namespace {

constexpr int AutoRefreshMs = 10000;
// AWS: a graph (dashboard widget) holds up to 500 metrics, and one GetMetricData call takes up to
// 500 queries.
constexpr int MaxChartedMetrics = 500;
constexpr qint64 MinuteMs = 60 * 1000;

struct RangeChoice
{
    qint64 spanMs;
    const char *label;
};

// The console's quick ranges; the last button is "Custom".
constexpr RangeChoice Ranges[] = {
    {15 * MinuteMs, QT_TRANSLATE_NOOP("Gui::CloudWatch::MetricsBrowser", "15m")},
    {60 * MinuteMs, QT_TRANSLATE_NOOP("Gui::CloudWatch::MetricsBrowser", "1h")},
    {3 * 60 * MinuteMs, QT_TRANSLATE_NOOP("Gui::CloudWatch::MetricsBrowser", "3h")},
    {12 * 60 * MinuteMs, QT_TRANSLATE_NOOP("Gui::CloudWatch::MetricsBrowser", "12h")},
    {24 * 60 * MinuteMs, QT_TRANSLATE_NOOP("Gui::CloudWatch::MetricsBrowser", "1d")},
    {7 * 24 * 60 * MinuteMs, QT_TRANSLATE_NOOP("Gui::CloudWatch::MetricsBrowser", "1w")},
};
constexpr int CustomRange = int(std::size(Ranges));
constexpr int DefaultRange = 1;

struct ChartLine
{
    Metric metric;
    QString label;
    QString statistic;
    int period = 60;
};

struct ChartData
{
    QList<MetricChart::Series> series;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString error;
};

QString seriesLabel(const Metric &metric, const QString &statistic)
{
    QString label = metric.metricName;
    if (!metric.dimensions.isEmpty())
        label += u" ("_s + MetricTreeModel::dimensionValuesLabel(metric.dimensions) + u')';
    return label + u" · "_s + statistic;
}

ChartData readChart(Core::CloudWatch::CloudWatchService *service,
    const QList<ChartLine> &lines,
    qint64 spanMs,
    std::optional<std::pair<qint64, qint64>> custom)
{
    ChartData data;
    data.toMs = custom ? custom->second : service->nowMs();
    data.fromMs = custom ? custom->first : data.toMs - spanMs;
    Core::CloudWatch::GetMetricDataRequest request;
    request.startMs = data.fromMs;
    request.endMs = data.toMs;
    request.scanBy = u"TimestampAscending"_s;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ChartLine &line = lines.at(i);
        Core::CloudWatch::MetricDataQuery query;
        query.id = u"m%1"_s.arg(i + 1);
        query.metricStat =
            Core::CloudWatch::MetricStat{line.metric, line.period, line.statistic, {}};
        request.queries.append(query);
        data.series.append({line.label, {}});
    }
    for (;;) {
        const auto page = service->getMetricData(request);
        if (!page) {
            data.error = page.error().message;
            return data;
        }
        for (const Core::CloudWatch::MetricDataResult &result : page->results) {
            const int index = result.id.mid(1).toInt() - 1;
            if (index < 0 || index >= data.series.size())
                continue;
            auto &points = data.series[index].points;
            for (qsizetype i = 0; i < result.timestamps.size(); ++i)
                points.append({result.timestamps.at(i), result.values.at(i)});
        }
        if (page->nextToken.isEmpty())
            break;
        request.nextToken = page->nextToken;
    }
    for (MetricChart::Series &series : data.series)
        std::sort(series.points.begin(), series.points.end());
    return data;
}

} // namespace

MetricsBrowser::MetricsBrowser(Core::CloudWatch::CloudWatchService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new MetricTreeModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_emptyMetrics(new QLabel(this))
    , m_browserStack(new QStackedWidget(this))
    , m_statistic(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_ranges(new QButtonGroup(this))
    , m_customFrom(new QDateTimeEdit(this))
    , m_customTo(new QDateTimeEdit(this))
    , m_autoRefresh(new QCheckBox(tr("Auto refresh"), this))
    , m_createAlarm(new QPushButton(tr("Create alarm…"), this))
    , m_chart(new MetricChart(this))
    , m_graphed(new QTableWidget(0, GraphedColumnCount, this))
    , m_graphedTitle(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);

    // Controls: time range, statistic, period, auto refresh.
    auto *controls = new QHBoxLayout;
    for (int id = 0; id <= CustomRange; ++id) {
        auto *button = new QToolButton(this);
        button->setText(id == CustomRange ? tr("Custom") : tr(Ranges[id].label));
        button->setCheckable(true);
        button->setMinimumWidth(44);
        m_ranges->addButton(button, id);
        controls->addWidget(button);
    }
    m_ranges->button(DefaultRange)->setChecked(true);
    m_customFrom->setCalendarPopup(true);
    m_customTo->setCalendarPopup(true);
    m_customFrom->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    m_customTo->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    controls->addWidget(m_customFrom);
    auto *toLabel = new QLabel(tr("to"), this);
    toLabel->setObjectName(u"customToLabel"_s);
    controls->addWidget(toLabel);
    controls->addWidget(m_customTo);
    controls->addSpacing(16);
    controls->addWidget(new QLabel(tr("Statistic"), this));
    MetricChoices::addStatistics(m_statistic, true);
    controls->addWidget(m_statistic);
    controls->addWidget(new QLabel(tr("Period"), this));
    MetricChoices::addPeriods(m_period, {1, 10, 60, 300, 900, 3600, 6 * 3600, 86400});
    controls->addWidget(m_period);
    controls->addStretch();
    controls->addWidget(m_autoRefresh);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    controls->addWidget(refresh);
    controls->addWidget(m_createAlarm);
    layout->addLayout(controls);

    // Browser on the left, chart on the right.
    auto *browser = new QWidget(this);
    auto *browserLayout = new QVBoxLayout(browser);
    browserLayout->setContentsMargins(0, 0, 0, 0);
    m_search->setPlaceholderText(tr("Search metrics, namespaces and dimensions"));
    m_search->setClearButtonEnabled(true);
    browserLayout->addWidget(m_search);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(MetricTreeModel::NameColumn, QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(MetricTreeModel::NameColumn, 260);
    m_emptyMetrics->setWordWrap(true);
    m_emptyMetrics->setAlignment(Qt::AlignCenter);
    m_emptyMetrics->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyMetrics->setObjectName(u"emptyMetrics"_s);
    m_browserStack->addWidget(m_tree);
    m_browserStack->addWidget(m_emptyMetrics);
    browserLayout->addWidget(m_browserStack, 1);

    // Chart with the graphed metrics table under it.
    auto *graphedPane = new QWidget(this);
    auto *graphedLayout = new QVBoxLayout(graphedPane);
    graphedLayout->setContentsMargins(0, 0, 0, 0);
    m_graphedTitle->setObjectName(u"graphedTitle"_s);
    m_graphedTitle->setWordWrap(true);
    graphedLayout->addWidget(m_graphedTitle);
    m_graphed->setObjectName(u"graphedMetrics"_s);
    m_graphed->setHorizontalHeaderLabels(
        {QString(), tr("Label"), tr("Statistic"), tr("Period"), QString()});
    m_graphed->verticalHeader()->hide();
    m_graphed->setSelectionMode(QAbstractItemView::NoSelection);
    m_graphed->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::SelectedClicked);
    m_graphed->horizontalHeader()->setSectionResizeMode(ColourColumn, QHeaderView::Fixed);
    m_graphed->setColumnWidth(ColourColumn, 28);
    m_graphed->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);
    // The statistic, period and remove cells are widgets, which ResizeToContents does not
    // measure: size those columns for their widest content.
    const QFontMetrics graphedMetrics = m_graphed->fontMetrics();
    m_graphed->setColumnWidth(
        StatisticColumn, graphedMetrics.horizontalAdvance(u"SampleCount"_s) + 48);
    m_graphed->setColumnWidth(
        PeriodColumn, graphedMetrics.horizontalAdvance(tr("15 minutes")) + 48);
    m_graphed->setColumnWidth(RemoveColumn, graphedMetrics.horizontalAdvance(tr("Remove")) + 32);
    graphedLayout->addWidget(m_graphed, 1);
    auto *chartSplitter = new QSplitter(Qt::Vertical, this);
    chartSplitter->addWidget(m_chart);
    chartSplitter->addWidget(graphedPane);
    chartSplitter->setStretchFactor(0, 3);
    chartSplitter->setStretchFactor(1, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(browser);
    splitter->addWidget(chartSplitter);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({440, 660});
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_model, &MetricTreeModel::checkedMetricsChanged, this, [this] {
        syncGraphedMetrics();
        refreshChart();
    });
    // A label typed in the table replaces the line's default one; an emptied label restores it.
    connect(m_graphed, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() != LabelColumn || item->row() >= m_chartedKeys.size())
            return;
        const QString key = m_chartedKeys.at(item->row());
        Line &line = m_lines[key];
        line.label = item->text().trimmed();
        if (line.label.isEmpty()) {
            const QSignalBlocker blocker(m_graphed);
            item->setText(
                seriesLabel(m_model->checkedMetrics().value(item->row()), line.statistic));
        }
        refreshChart();
    });
    connect(m_model, &MetricTreeModel::checkedMetricsChanged, this, [this] {
        m_createAlarm->setEnabled(!m_model->checkedMetrics().isEmpty());
    });
    // A click on a metric's row toggles it, as in the console.
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_proxy->mapToSource(index.siblingAtColumn(0));
        if (!(m_model->flags(source) & Qt::ItemIsUserCheckable))
            return;
        const bool checked = source.data(Qt::CheckStateRole).toInt() == Qt::Checked;
        m_model->setData(source, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    });
    connect(m_ranges, &QButtonGroup::idClicked, this, [this](int id) {
        if (id == CustomRange && m_customTo->dateTime() <= m_customFrom->dateTime()) {
            const QDateTime now = QDateTime::currentDateTime();
            m_customTo->setDateTime(now);
            m_customFrom->setDateTime(now.addSecs(-3 * 3600));
        }
        updateRangeControls();
        refreshChart();
    });
    connect(m_customFrom, &QDateTimeEdit::dateTimeChanged, this, &MetricsBrowser::refreshChart);
    connect(m_customTo, &QDateTimeEdit::dateTimeChanged, this, &MetricsBrowser::refreshChart);
    // The controls above the chart set every line's statistic or period, as in the console.
    connect(m_statistic, &QComboBox::currentTextChanged, this, [this] {
        setAllLines(statistic(), period());
        refreshChart();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        setAllLines(statistic(), period());
        refreshChart();
    });
    connect(refresh, &QPushButton::clicked, this, [this] {
        refreshMetrics();
        refreshChart();
    });
    connect(m_autoRefresh, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            m_refreshTimer.start();
            refreshChart();
        } else {
            m_refreshTimer.stop();
        }
    });
    connect(m_createAlarm, &QPushButton::clicked, this, [this] {
        const QList<Metric> checked = m_model->checkedMetrics();
        if (!checked.isEmpty())
            emit createAlarmRequested(checked.front(), statistic(), period());
    });
    m_chartTimer.setSingleShot(true);
    m_chartTimer.setInterval(0);
    connect(&m_chartTimer, &QTimer::timeout, this, &MetricsBrowser::readChartNow);
    m_refreshTimer.setInterval(AutoRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshChart();
    });
    connect(m_service, &Core::CloudWatch::CloudWatchService::metricsChanged, this, [this] {
        if (!isVisible()) {
            m_stale = true;
            return;
        }
        refreshMetrics();
        if (m_autoRefresh->isChecked())
            refreshChart();
    });

    m_createAlarm->setEnabled(false);
    m_autoRefresh->setChecked(true);
    setEndpointUrl(u"http://127.0.0.1:4566"_s);
    updateRangeControls();
    syncGraphedMetrics();
    refreshMetrics();
    refreshChart();
}

void MetricsBrowser::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_stale)
        return;
    m_stale = false;
    refreshMetrics();
    refreshChart();
}

void MetricsBrowser::setEndpointUrl(const QString &url)
{
    m_emptyMetrics->setText(
        tr("<p style='font-size:large'><b>No metrics yet</b></p>"
           "<p>Publish one with</p>"
           "<p><code>aws cloudwatch put-metric-data --namespace MyApp --metric-name Latency "
           "--value 42 --endpoint-url %1</code></p>"
           "<p>or use a queue, table, bucket or function: their AWS/ metrics appear here on "
           "their own.</p>")
            .arg(url.toHtmlEscaped()));
}

QString MetricsBrowser::statistic() const
{
    return m_statistic->currentText().trimmed();
}

int MetricsBrowser::period() const
{
    return m_period->currentData().toInt();
}

qint64 MetricsBrowser::rangeSpanMs() const
{
    const int id = m_ranges->checkedId();
    if (id == CustomRange)
        return m_customFrom->dateTime().msecsTo(m_customTo->dateTime());
    return Ranges[std::clamp(id, 0, CustomRange - 1)].spanMs;
}

void MetricsBrowser::setRangeSpanMs(qint64 spanMs)
{
    for (int id = 0; id < CustomRange; ++id) {
        if (Ranges[id].spanMs == spanMs)
            m_ranges->button(id)->setChecked(true);
    }
    updateRangeControls();
    refreshChart();
}

void MetricsBrowser::setStatistic(const QString &statistic)
{
    m_statistic->setCurrentText(statistic);
}

void MetricsBrowser::setPeriod(int seconds)
{
    const int index = m_period->findData(seconds);
    if (index >= 0)
        m_period->setCurrentIndex(index);
}

void MetricsBrowser::setAutoRefresh(bool on)
{
    m_autoRefresh->setChecked(on);
}

bool MetricsBrowser::autoRefresh() const
{
    return m_autoRefresh->isChecked();
}

void MetricsBrowser::updateRangeControls()
{
    const bool custom = m_ranges->checkedId() == CustomRange;
    m_customFrom->setVisible(custom);
    m_customTo->setVisible(custom);
    if (auto *label = findChild<QLabel *>(u"customToLabel"_s))
        label->setVisible(custom);
}

void MetricsBrowser::updateEmptyState()
{
    m_browserStack->setCurrentWidget(
        m_model->metricCount() == 0 ? static_cast<QWidget *>(m_emptyMetrics) : m_tree);
    m_search->setEnabled(m_model->metricCount() > 0);
}

void MetricsBrowser::refreshMetrics()
{
    Core::CloudWatch::CloudWatchService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service] {
            Core::CloudWatch::ListMetricsRequest request;
            QList<Metric> all;
            for (;;) {
                const auto page = service->listMetrics(request);
                if (!page)
                    break;
                all.append(page->metrics);
                if (page->nextToken.isEmpty())
                    break;
                request.nextToken = page->nextToken;
            }
            return all;
        },
        [this](const QList<Metric> &metrics) {
            const bool wasEmpty = m_model->rowCount() == 0;
            m_model->setMetrics(metrics);
            if (wasEmpty && m_model->rowCount() == 1)
                m_tree->expand(m_proxy->index(0, 0));
            updateEmptyState();
        });
}

QComboBox *MetricsBrowser::periodCombo(QWidget *parent) const
{
    auto *combo = new QComboBox(parent);
    for (int i = 0; i < m_period->count(); ++i)
        combo->addItem(m_period->itemText(i), m_period->itemData(i));
    return combo;
}

void MetricsBrowser::setAllLines(const QString &statistic, int period)
{
    for (Line &line : m_lines) {
        line.statistic = statistic;
        line.period = period;
    }
    const QList<Metric> metrics = m_model->checkedMetrics().mid(0, MaxChartedMetrics);
    for (int row = 0; row < m_chartedKeys.size() && row < metrics.size(); ++row)
        updateGraphedRow(row, metrics.at(row));
}

void MetricsBrowser::syncGraphedMetrics()
{
    const QList<Metric> checked = m_model->checkedMetrics();
    const QList<Metric> metrics = checked.mid(0, MaxChartedMetrics);
    m_graphedTitle->setText(checked.size() > MaxChartedMetrics
            ? tr("<b>Graphed metrics (%1 of %2 ticked)</b>: a graph holds at most %1 metrics")
                  .arg(MaxChartedMetrics)
                  .arg(checked.size())
            : tr("<b>Graphed metrics (%1)</b>").arg(metrics.size()));
    QHash<QString, Line> lines;
    QList<QString> keys;
    keys.reserve(metrics.size());
    for (const Metric &metric : metrics) {
        const QString key = MetricTreeModel::metricKey(metric);
        keys.append(key);
        lines.insert(key, m_lines.value(key, Line{QString(), statistic(), period()}));
    }
    m_lines = std::move(lines);

    // A tick appends a metric and an untick removes one, so the rows kept stay in order: only
    // the rows that changed are built (a graph holds up to 500 lines, and each row has three
    // widgets), and the rows after a removed one take their new colour.
    const QSignalBlocker blocker(m_graphed);
    int firstChanged = int(m_chartedKeys.size());
    for (int row = int(m_chartedKeys.size()) - 1; row >= 0; --row) {
        if (!m_lines.contains(m_chartedKeys.at(row))) {
            // Its cell widgets go with deleteLater(): its own remove button may be the sender
            // that led here.
            m_graphed->removeRow(row);
            m_chartedKeys.removeAt(row);
            firstChanged = row;
        }
    }
    if (keys.mid(0, m_chartedKeys.size()) != m_chartedKeys) {
        m_graphed->setRowCount(0);
        m_chartedKeys.clear();
        firstChanged = 0;
    }
    for (int row = int(m_chartedKeys.size()); row < keys.size(); ++row)
        appendGraphedRow(keys.at(row));
    m_chartedKeys = keys;
    for (int row = firstChanged; row < keys.size(); ++row)
        updateGraphedRow(row, metrics.at(row));
}

void MetricsBrowser::appendGraphedRow(const QString &key)
{
    const int row = m_graphed->rowCount();
    m_graphed->insertRow(row);
    auto *swatch = new QTableWidgetItem;
    swatch->setFlags(Qt::ItemIsEnabled);
    swatch->setToolTip(tr("Colour of this line in the chart"));
    m_graphed->setItem(row, ColourColumn, swatch);

    auto *label = new QTableWidgetItem;
    label->setFlags(Qt::ItemIsEnabled | Qt::ItemIsEditable);
    label->setToolTip(tr("Double-click to rename this line; clear it for the default label"));
    m_graphed->setItem(row, LabelColumn, label);

    auto *stat = new QComboBox(m_graphed);
    for (int i = 0; i < m_statistic->count(); ++i)
        stat->addItem(m_statistic->itemText(i));
    stat->setEditable(true);
    connect(stat, &QComboBox::currentTextChanged, this, [this, key](const QString &text) {
        if (!m_lines.contains(key) || text.trimmed().isEmpty())
            return;
        m_lines[key].statistic = text.trimmed();
        const int at = int(m_chartedKeys.indexOf(key));
        if (QTableWidgetItem *item = m_graphed->item(at, LabelColumn);
            item && m_lines[key].label.isEmpty()) {
            const QSignalBlocker quiet(m_graphed);
            item->setText(seriesLabel(m_model->checkedMetrics().value(at), text.trimmed()));
        }
        refreshChart();
    });
    m_graphed->setCellWidget(row, StatisticColumn, stat);

    QComboBox *periods = periodCombo(m_graphed);
    connect(periods, &QComboBox::currentIndexChanged, this, [this, key, periods] {
        if (!m_lines.contains(key))
            return;
        m_lines[key].period = periods->currentData().toInt();
        refreshChart();
    });
    m_graphed->setCellWidget(row, PeriodColumn, periods);

    auto *remove = new QToolButton(m_graphed);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove this metric from the chart"));
    connect(
        remove,
        &QToolButton::clicked,
        this,
        [this, key] { m_model->setChecked(key, false); },
        Qt::QueuedConnection);
    m_graphed->setCellWidget(row, RemoveColumn, remove);
}

void MetricsBrowser::updateGraphedRow(int row, const Metric &metric)
{
    const Line &line = m_lines[m_chartedKeys.at(row)];
    const QSignalBlocker blocker(m_graphed);
    m_graphed->item(row, ColourColumn)->setBackground(MetricChart::seriesColour(row));
    m_graphed->item(row, LabelColumn)
        ->setText(line.label.isEmpty() ? seriesLabel(metric, line.statistic) : line.label);
    if (auto *stat = qobject_cast<QComboBox *>(m_graphed->cellWidget(row, StatisticColumn));
        stat && stat->currentText() != line.statistic) {
        const QSignalBlocker quiet(stat);
        stat->setCurrentText(line.statistic);
    }
    if (auto *periods = qobject_cast<QComboBox *>(m_graphed->cellWidget(row, PeriodColumn))) {
        const QSignalBlocker quiet(periods);
        const int index = periods->findData(line.period);
        if (index >= 0)
            periods->setCurrentIndex(index);
    }
}

void MetricsBrowser::refreshChart()
{
    // Many changes in one pass of the event loop (ticking many metrics, a control that sets
    // every line) read the chart once.
    m_chartTimer.start();
}

void MetricsBrowser::readChartNow()
{
    const QList<Metric> metrics = m_model->checkedMetrics().mid(0, MaxChartedMetrics);
    const quint64 generation = ++m_chartGeneration;
    if (metrics.isEmpty()) {
        m_chart->showMessage(m_model->metricCount() == 0
                ? tr("Charts appear here once there are metrics")
                : tr("Tick one or more metrics on the left to chart them together"));
        return;
    }
    QList<ChartLine> lines;
    for (const Metric &metric : metrics) {
        const Line line = m_lines.value(
            MetricTreeModel::metricKey(metric), Line{QString(), statistic(), period()});
        lines.append({metric,
            line.label.isEmpty() ? seriesLabel(metric, line.statistic) : line.label,
            line.statistic,
            line.period});
    }
    const qint64 span = rangeSpanMs();
    std::optional<std::pair<qint64, qint64>> custom;
    if (m_ranges->checkedId() == CustomRange)
        custom = std::pair{m_customFrom->dateTime().toMSecsSinceEpoch(),
            m_customTo->dateTime().toMSecsSinceEpoch()};
    Core::CloudWatch::CloudWatchService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, lines, span, custom] { return readChart(service, lines, span, custom); },
        [this, generation](const ChartData &chart) {
            if (generation != m_chartGeneration)
                return; // a newer request is on its way
            if (!chart.error.isEmpty())
                m_chart->showMessage(chart.error);
            else
                m_chart->setSeries(chart.series, chart.fromMs, chart.toMs);
        });
}

} // namespace Gui::CloudWatch
