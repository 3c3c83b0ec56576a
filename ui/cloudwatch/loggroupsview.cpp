// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/loggroupsview.h"

#include "core/common/async.h"
#include "core/logs/logsservice.h"
#include "ui/cloudwatch/createmetricfilterdialog.h"
#include "ui/cloudwatch/logmodels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::CloudWatch {

namespace {

constexpr int EventsPage = 500;
constexpr int FilterDelayMs = 300;

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

// Every item of a paged listing, at most `max`: fetch(token) returns one page.
template<typename T, typename Fetch> QList<T> allPages(Fetch fetch, qsizetype max = 100'000)
{
    QList<T> all;
    QString token;
    do {
        const Core::Result<Core::Logs::Page<T>> page = fetch(token);
        if (!page)
            break;
        all.append(page->items);
        token = page->nextToken;
    } while (!token.isEmpty() && all.size() < max);
    return all;
}

void reselect(QTableView *table, int role, const QString &name)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(role).toString() == name) {
            table->selectRow(row);
            return;
        }
    }
}

} // namespace

LogGroupsView::LogGroupsView(Core::Logs::LogsService *logs, QWidget *parent)
    : QWidget(parent)
    , m_logs(logs)
    , m_groups(new LogGroupListModel(this))
    , m_streams(new LogStreamListModel(this))
    , m_events(new LogEventListModel(this))
    , m_groupTable(makeTable(m_groups, this))
    , m_streamTable(makeTable(m_streams, this))
    , m_eventTable(makeTable(m_events, this))
    , m_filter(new QLineEdit(this))
    , m_scope(new QLabel(this))
    , m_status(new QLabel(this))
    , m_metricFilters(new QLabel(this))
    , m_createMetricFilter(new QPushButton(tr("Create metric filter..."), this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);

    m_groupTable->horizontalHeader()->setSectionResizeMode(
        LogGroupListModel::NameColumn, QHeaderView::Stretch);
    m_groupTable->horizontalHeader()->setStretchLastSection(false);
    m_streamTable->horizontalHeader()->setSectionResizeMode(
        LogStreamListModel::NameColumn, QHeaderView::Stretch);
    m_streamTable->horizontalHeader()->setStretchLastSection(false);
    m_streamTable->setSelectionMode(QAbstractItemView::SingleSelection);

    m_filter->setPlaceholderText(
        tr("Filter events: terms, \"a phrase\", ?either ?or, -excluded, { $.level = \"ERROR\" }, "
           "[ip, user, status = 5*]"));
    m_filter->setClearButtonEnabled(true);
    m_eventTable->setColumnWidth(LogEventListModel::TimeColumn, 190);
    m_eventTable->setColumnWidth(LogEventListModel::StreamColumn, 320);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_eventTable->setFont(mono);

    auto *groupsAndStreams = new QSplitter(Qt::Horizontal, this);
    groupsAndStreams->addWidget(m_groupTable);
    groupsAndStreams->addWidget(m_streamTable);
    groupsAndStreams->setStretchFactor(0, 3);
    groupsAndStreams->setStretchFactor(1, 2);

    auto *eventsPanel = new QWidget(this);
    auto *eventsLayout = new QVBoxLayout(eventsPanel);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    QFont scopeFont = m_scope->font();
    scopeFont.setBold(true);
    m_scope->setFont(scopeFont);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_scope);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_status);
    filterRow->addWidget(m_createMetricFilter);
    m_createMetricFilter->setToolTip(
        tr("Turn the pattern in the box into a metric filter: matching events ingested from now "
           "on become datapoints of a CloudWatch metric, which alarms can watch."));
    m_createMetricFilter->setEnabled(false);
    m_metricFilters->setObjectName(u"metricFilters"_s);
    m_metricFilters->setWordWrap(true);
    m_metricFilters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    eventsLayout->addLayout(filterRow);
    eventsLayout->addWidget(m_metricFilters);
    eventsLayout->addWidget(m_eventTable, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(groupsAndStreams);
    splitter->addWidget(eventsPanel);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({260, 440});

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(splitter);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    setEndpointUrl(u"http://127.0.0.1:4566"_s);

    connect(m_groupTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_streamTable->clearSelection();
        refreshStreams();
        refreshEvents();
    });
    connect(m_createMetricFilter, &QPushButton::clicked, this, &LogGroupsView::createMetricFilter);
    connect(m_streamTable->selectionModel(),
        &QItemSelectionModel::selectionChanged,
        this,
        &LogGroupsView::refreshEvents);
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(FilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, &LogGroupsView::refreshEvents);
    connect(m_events, &LogEventListModel::moreRequested, this, &LogGroupsView::fetchEvents);
    connect(m_logs, &Core::Logs::LogsService::logsChanged, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
    refresh();
}

void LogGroupsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_stale)
        return;
    m_stale = false;
    refresh();
}

void LogGroupsView::setEndpointUrl(const QString &url)
{
    m_empty->setText(tr("<p style='font-size:large'><b>No log groups yet</b></p>"
                        "<p>Invoke a Lambda function (its logs land in /aws/lambda/&lt;name&gt;) "
                        "or create a group with</p>"
                        "<p><code>aws logs create-log-group --log-group-name /my/app "
                        "--endpoint-url %1</code></p>")
                         .arg(url.toHtmlEscaped()));
}

QString LogGroupsView::selectedGroup() const
{
    const QModelIndexList rows = m_groupTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(LogGroupListModel::NameRole).toString();
}

QString LogGroupsView::selectedStream() const
{
    const QModelIndexList rows = m_streamTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(LogStreamListModel::NameRole).toString();
}

void LogGroupsView::selectGroup(const QString &name)
{
    reselect(m_groupTable, LogGroupListModel::NameRole, name);
}

void LogGroupsView::selectStream(const QString &name)
{
    reselect(m_streamTable, LogStreamListModel::NameRole, name);
}

void LogGroupsView::setFilterPattern(const QString &pattern)
{
    m_filter->setText(pattern);
    refreshEvents();
}

QString LogGroupsView::eventsStatus() const
{
    return m_status->text();
}

void LogGroupsView::refresh()
{
    Core::Logs::LogsService *logs = m_logs;
    Core::callAsync(
        logs,
        this,
        [logs] {
            return allPages<Core::Logs::LogGroup>(
                [logs](const QString &token) { return logs->describeLogGroups({}, token, 50); });
        },
        [this](QList<Core::Logs::LogGroup> groups) {
            const QString selected = selectedGroup();
            const QSignalBlocker blocker(m_groupTable->selectionModel());
            m_groups->setGroups(std::move(groups));
            m_groupTable->resizeColumnToContents(LogGroupListModel::RetentionColumn);
            m_groupTable->resizeColumnToContents(LogGroupListModel::StoredBytesColumn);
            m_groupTable->resizeColumnToContents(LogGroupListModel::MetricFiltersColumn);
            m_groupTable->resizeColumnToContents(LogGroupListModel::CreatedColumn);
            m_stack->setCurrentIndex(m_groups->rowCount() == 0 ? 1 : 0);
            if (!selected.isEmpty())
                reselect(m_groupTable, LogGroupListModel::NameRole, selected);
            else if (m_groups->rowCount() > 0)
                m_groupTable->selectRow(0);
            refreshStreams();
            refreshEvents();
        });
}

QString LogGroupsView::metricFiltersText() const
{
    return m_metricFilters->text();
}

void LogGroupsView::createMetricFilter()
{
    const QString group = selectedGroup();
    if (group.isEmpty())
        return;
    auto *dialog = new CreateMetricFilterDialog(m_logs, group, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPattern(m_filter->text().trimmed());
    dialog->open();
}

void LogGroupsView::refreshMetricFilters()
{
    const QString group = selectedGroup();
    m_createMetricFilter->setEnabled(!group.isEmpty());
    if (group.isEmpty()) {
        m_metricFilters->clear();
        return;
    }
    Core::Logs::LogsService *logs = m_logs;
    Core::callAsync(
        logs,
        this,
        [logs, group] {
            return allPages<Core::Logs::MetricFilter>([logs, group](const QString &token) {
                return logs->describeMetricFilters(group, {}, {}, {}, token, 50);
            });
        },
        [this, group](const QList<Core::Logs::MetricFilter> &filters) {
            if (selectedGroup() != group)
                return;
            QStringList lines;
            for (const Core::Logs::MetricFilter &filter : filters) {
                const Core::Logs::MetricTransformation &t = filter.transformation;
                lines.append(tr("%1: %2 \u2192 %3/%4 (value %5)")
                                 .arg(filter.name,
                                     filter.pattern.isEmpty() ? tr("every event") : filter.pattern,
                                     t.metricNamespace,
                                     t.metricName,
                                     t.metricValue));
            }
            m_metricFilters->setText(lines.isEmpty()
                    ? tr("No metric filters: type a pattern above and create one to count "
                         "matching events as a metric.")
                    : tr("Metric filters: %1").arg(lines.join(u"; "_s)));
        });
}

void LogGroupsView::refreshStreams()
{
    refreshMetricFilters();
    const QString group = selectedGroup();
    if (group.isEmpty()) {
        m_streams->setStreams({});
        return;
    }
    Core::Logs::LogsService *logs = m_logs;
    Core::callAsync(
        logs,
        this,
        [logs, group] {
            return allPages<Core::Logs::LogStream>(
                [logs, group](const QString &token) {
                    return logs->describeLogStreams(group, {}, u"LastEventTime"_s, true, token, 50);
                },
                1000);
        },
        [this, group](QList<Core::Logs::LogStream> streams) {
            if (selectedGroup() != group)
                return;
            const QString selected = selectedStream();
            const QSignalBlocker blocker(m_streamTable->selectionModel());
            m_streams->setStreams(std::move(streams));
            m_streamTable->resizeColumnToContents(LogStreamListModel::LastEventColumn);
            m_streamTable->resizeColumnToContents(LogStreamListModel::StoredBytesColumn);
            if (!selected.isEmpty())
                reselect(m_streamTable, LogStreamListModel::NameRole, selected);
        });
}

void LogGroupsView::refreshEvents()
{
    ++m_eventsGeneration;
    m_events->setEvents({}, {});
    fetchEvents({});
}

void LogGroupsView::fetchEvents(const QString &nextToken)
{
    const QString group = selectedGroup();
    const QString stream = selectedStream();
    m_scope->setText(group.isEmpty() ? QString()
            : stream.isEmpty()       ? tr("Events of %1, all streams").arg(group)
                                     : tr("Events of %1").arg(stream));
    if (group.isEmpty()) {
        m_status->clear();
        return;
    }
    Core::Logs::FilterLogEventsQuery query;
    query.groupName = group;
    if (!stream.isEmpty())
        query.streamNames = {stream};
    query.filterPattern = m_filter->text().trimmed();
    query.nextToken = nextToken;
    query.limit = EventsPage;
    const quint64 generation = m_eventsGeneration;
    Core::Logs::LogsService *logs = m_logs;
    Core::callAsync(
        logs,
        this,
        [logs, query] { return logs->filterLogEvents(query); },
        [this, generation, first = nextToken.isEmpty()](
            const Core::Result<Core::Logs::Page<Core::Logs::LogEvent>> &page) {
            if (generation != m_eventsGeneration)
                return;
            if (!page) {
                // A bad filter pattern: AWS's message, as the console shows it.
                m_events->setEvents({}, {});
                m_status->setText(page.error().message);
                m_status->setStyleSheet(u"QLabel { color: #d13212; }"_s);
                return;
            }
            if (first)
                m_events->setEvents(page->items, page->nextToken);
            else
                m_events->appendEvents(page->items, page->nextToken);
            m_status->setStyleSheet(QString());
            const int count = m_events->rowCount();
            QString status = count == 1 ? tr("1 event") : tr("%1 events").arg(count);
            if (!m_events->nextToken().isEmpty())
                status = tr("%1, scroll for more").arg(status);
            m_status->setText(status);
        });
}

} // namespace Gui::CloudWatch
