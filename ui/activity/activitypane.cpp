// SPDX-License-Identifier: MIT
#include "ui/activity/activitypane.h"

#include "core/common/async.h"
#include "core/journal/journalservice.h"
#include "ui/activity/activityfilterproxy.h"
#include "ui/activity/activitymodel.h"
#include "ui/activity/requestdetailview.h"
#include "ui/activity/statusdelegate.h"
#include "ui/common/codesnippet.h"
#include "ui/common/icons.h"
#include "ui/common/nofocusdelegate.h"
#include "ui/common/pageheader.h"
#include "ui/common/servicenames.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <optional>

using namespace Qt::StringLiterals;
using Core::Journal::JournalDetail;
using Core::Journal::JournalEntry;

namespace Gui::Activity {

namespace {

enum Page {
    TablePage,
    EmptyPage,
};

} // namespace

ActivityPane::ActivityPane(
    Core::Journal::JournalService *journal, const QString &endpointUrl, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_model(new ActivityModel(journal, this))
    , m_proxy(new ActivityFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);

    auto *header = new PageHeader(tr("Activity"),
        tr("Every request the endpoint answered, newest first. Select "
           "one to see its headers and bodies."),
        this);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new NoFocusDelegate(m_view));
    m_view->setItemDelegateForColumn(ActivityModel::Status, new StatusDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setCornerButtonEnabled(false);
    m_view->setStyleSheet(u"QTableView { selection-background-color: #dbe9f8;"
                          " selection-color: #16191f; outline: 0; }"_s);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->setSortIndicator(ActivityModel::Time, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    const int em = m_view->fontMetrics().horizontalAdvance(u'M');
    const std::pair<int, int> widths[] = {
        {ActivityModel::Time, 9},
        {ActivityModel::Service, 8},
        {ActivityModel::Operation, 15},
        {ActivityModel::Status, 5},
        {ActivityModel::Error, 14},
        {ActivityModel::Duration, 7},
        {ActivityModel::Client, 12},
        {ActivityModel::RequestSize, 9},
        {ActivityModel::ResponseSize, 9},
    };
    for (const auto &[column, ems] : widths)
        m_view->horizontalHeader()->resizeSection(column, ems * em);
    // The operation takes what the fixed columns leave.
    m_view->horizontalHeader()->setSectionResizeMode(
        ActivityModel::Operation, QHeaderView::Stretch);

    m_detail = new RequestDetailView(this);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(splitter);
    m_stack->addWidget(createEmptyState(endpointUrl));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(14);
    layout->addWidget(header);
    layout->addWidget(createToolbar());
    layout->addWidget(m_stack, 1);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPane::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ActivityPane::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityPane::updateState);
    connect(m_model, &ActivityModel::loadingChanged, this, &ActivityPane::updateState);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ActivityPane::updateState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ActivityPane::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ActivityPane::updateState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ActivityPane::updateState);
    connect(m_model, &ActivityModel::pendingCountChanged, this, &ActivityPane::updatePauseButton);
    connect(m_view->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        &ActivityPane::showCurrent);
    connect(
        m_model, &QAbstractItemModel::modelReset, this, [this] { m_detail->showPlaceholder(); });
    updateState();
}

bool ActivityPane::isShowingEmptyState() const
{
    return m_stack->currentIndex() == EmptyPage;
}

QWidget *ActivityPane::createToolbar()
{
    auto *toolbar = new QWidget(this);
    auto *layout = new QHBoxLayout(toolbar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_serviceFilter = new QComboBox(toolbar);
    m_serviceFilter->setToolTip(tr("Show the requests to one service only"));
    m_serviceFilter->addItem(tr("All services"), QString());
    for (const QString &id : ServiceNames::knownIds())
        m_serviceFilter->addItem(ServiceNames::displayName(id), id);
    m_serviceFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_statusFilter = new QComboBox(toolbar);
    m_statusFilter->setToolTip(tr("Show the requests with a status in this class only"));
    m_statusFilter->addItem(
        tr("All statuses"), QVariant::fromValue(ActivityFilterProxy::StatusFilter::All));
    m_statusFilter->addItem(
        tr("Errors only"), QVariant::fromValue(ActivityFilterProxy::StatusFilter::Errors));
    m_statusFilter->addItem(
        tr("2xx success"), QVariant::fromValue(ActivityFilterProxy::StatusFilter::Success));
    m_statusFilter->addItem(tr("4xx client errors"),
        QVariant::fromValue(ActivityFilterProxy::StatusFilter::ClientErrors));
    m_statusFilter->addItem(tr("5xx server errors"),
        QVariant::fromValue(ActivityFilterProxy::StatusFilter::ServerErrors));
    m_statusFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_textFilter = new QLineEdit(toolbar);
    m_textFilter->setPlaceholderText(tr("Filter by operation or error code"));
    m_textFilter->setClearButtonEnabled(true);
    m_textFilter->setMinimumWidth(260);

    m_countLabel = new QLabel(toolbar);
    m_countLabel->setForegroundRole(QPalette::PlaceholderText);

    m_pauseButton = new QPushButton(toolbar);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Hold new requests back so the list stays still while you read; "
                                 "they are added when you resume"));
    m_clearButton = new QPushButton(tr("Clear…"), toolbar);
    m_clearButton->setToolTip(tr("Delete every request from the activity journal"));
    m_clearButton->setEnabled(m_journal != nullptr);

    layout->addWidget(m_serviceFilter);
    layout->addWidget(m_statusFilter);
    layout->addWidget(m_textFilter);
    layout->addStretch(1);
    layout->addWidget(m_countLabel);
    layout->addSpacing(8);
    layout->addWidget(m_pauseButton);
    layout->addWidget(m_clearButton);

    connect(m_serviceFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setServiceFilter(m_serviceFilter->currentData().toString());
    });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatusFilter(
            m_statusFilter->currentData().value<ActivityFilterProxy::StatusFilter>());
    });
    connect(m_textFilter, &QLineEdit::textChanged, m_proxy, &ActivityFilterProxy::setTextFilter);
    connect(m_pauseButton, &QPushButton::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        updatePauseButton();
    });
    connect(m_clearButton, &QPushButton::clicked, this, &ActivityPane::confirmClear);
    updatePauseButton();
    return toolbar;
}

QWidget *ActivityPane::createEmptyState(const QString &endpointUrl)
{
    auto *page = new QWidget(this);
    auto *icon = new QLabel(page);
    icon->setPixmap(
        Icons::pixmap(u"activity"_s, QColor(0x87, 0x95, 0xa1), 56, devicePixelRatioF()));
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("No requests yet"), page);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *text = new QLabel(tr("Point any AWS client at the endpoint and each request it makes "
                               "appears here the moment it is answered. Try this in a terminal:"),
        page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setForegroundRole(QPalette::PlaceholderText);

    auto *snippet =
        new CodeSnippet(u"aws --endpoint-url %1 sts get-caller-identity"_s.arg(endpointUrl), page);
    auto *hint = new QLabel(tr("Any access key works, for example test / test. "
                               "Help › Endpoint set-up shows the full configuration."),
        page);
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *column = new QVBoxLayout;
    column->setSpacing(12);
    column->addWidget(icon);
    column->addWidget(title);
    column->addWidget(text);
    column->addSpacing(4);
    column->addWidget(snippet);
    column->addWidget(hint);

    auto *centered = new QWidget(page);
    centered->setLayout(column);
    centered->setMaximumWidth(620);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(centered, 100);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
    return page;
}

void ActivityPane::updateState()
{
    const int shown = m_proxy->rowCount();
    const int held = m_model->rowCount();
    const QLocale locale;
    if (held == 0)
        m_countLabel->clear();
    else if (shown == held)
        m_countLabel->setText(tr("%1 shown").arg(locale.toString(held)));
    else
        m_countLabel->setText(
            tr("%1 of %2 shown").arg(locale.toString(shown), locale.toString(held)));
    const bool empty = held == 0 && !m_model->isLoading() && !m_model->isPaused();
    m_stack->setCurrentIndex(empty ? EmptyPage : TablePage);
}

void ActivityPane::updatePauseButton()
{
    if (!m_model->isPaused()) {
        m_pauseButton->setText(tr("Pause"));
        return;
    }
    const int pending = m_model->pendingCount();
    m_pauseButton->setText(
        pending == 0 ? tr("Resume") : tr("Resume (%1 new)").arg(QLocale().toString(pending)));
}

void ActivityPane::showCurrent()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_detail->showPlaceholder();
        return;
    }
    const JournalEntry entry = m_model->entryAt(current.row());
    if (entry.id == m_detail->entryId())
        return;
    m_detail->showEntry(entry);
    if (!m_journal)
        return;
    Core::callAsync(
        m_journal,
        this,
        [journal = m_journal, id = entry.id] { return journal->detail(id); },
        [this, entry](const std::optional<JournalDetail> &detail) {
            if (m_detail->entryId() != entry.id)
                return;
            if (detail)
                m_detail->showDetail(*detail);
            else
                m_detail->showMissing(entry);
        });
}

void ActivityPane::confirmClear()
{
    QMessageBox box(QMessageBox::Question,
        tr("Clear activity"),
        tr("Delete every request from the activity journal?"),
        QMessageBox::Cancel,
        this);
    box.setInformativeText(tr("This cannot be undone. Buckets, queues, tables and other "
                              "resources are not affected."));
    QPushButton *clear = box.addButton(tr("Clear"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != clear || !m_journal)
        return;
    Core::callAsync(
        m_journal, this, [journal = m_journal] { journal->clear(); }, [] {});
}

} // namespace Gui::Activity
