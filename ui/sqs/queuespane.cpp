// SPDX-License-Identifier: MIT
#include "ui/sqs/queuespane.h"

#include "core/common/async.h"
#include "core/sqs/sqsservice.h"
#include "ui/common/pageheader.h"
#include "ui/sqs/createqueuedialog.h"
#include "ui/sqs/messagelistmodel.h"
#include "ui/sqs/queuelistmodel.h"
#include "ui/sqs/sendreceivepage.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Core::Sqs::Message;
using Core::Sqs::QueueSummary;

namespace Gui::Sqs {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->setStyleSheet(u"QTableView { selection-background-color: #dbe9f8;"
                        " selection-color: #16191f; outline: 0; }"_s);
    return view;
}

QString describe(const Message &message, qint64 nowMs)
{
    QString text = message.body + u"\n\n"_s;
    const auto line = [&text](const QString &name, const QString &value) {
        if (!value.isEmpty())
            text += name + u": "_s + value + u'\n';
    };
    line(QueuesPane::tr("State"),
        MessageListModel::stateText(Core::Sqs::messageState(message, nowMs)));
    line(QueuesPane::tr("Message ID"), message.messageId);
    line(QueuesPane::tr("Receive count"), QString::number(message.receiveCount));
    line(QueuesPane::tr("Sent"),
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(message.sentMs), QLocale::LongFormat));
    if (message.firstReceiveMs > 0)
        line(QueuesPane::tr("First received"),
            QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(message.firstReceiveMs), QLocale::LongFormat));
    line(QueuesPane::tr("Visible at"),
        QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(message.visibleAtMs), QLocale::LongFormat));
    line(QueuesPane::tr("Expires at"),
        QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(message.expiresAtMs), QLocale::LongFormat));
    line(QueuesPane::tr("Message group"), message.groupId);
    line(QueuesPane::tr("Deduplication ID"), message.deduplicationId);
    line(QueuesPane::tr("Sequence number"), message.sequenceNumber);
    line(QueuesPane::tr("Dead-lettered from"), message.deadLetterSourceArn);
    line(QueuesPane::tr("MD5 of body"), message.md5OfBody);
    for (auto it = message.attributes.cbegin(); it != message.attributes.cend(); ++it) {
        const QString value =
            it->isBinary() ? QString::fromLatin1(it->binaryValue.toBase64()) : it->stringValue;
        line(QueuesPane::tr("Attribute %1 (%2)").arg(it.key(), it->dataType), value);
    }
    return text;
}

} // namespace

QueuesPane::QueuesPane(Core::Sqs::SqsService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_queues(new QueueListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_peek(new MessageListModel(service, this))
{
    m_proxy->setSourceModel(m_queues);
    m_proxy->setSortRole(Qt::EditRole);

    auto *header = new PageHeader(tr("Queues"),
        tr("Amazon SQS queues on this machine. Counters follow every client live; Peek shows "
           "each message's state without receiving it."),
        this);
    auto *createButton = new QPushButton(tr("Create queue"), this);
    m_purgeButton = new QPushButton(tr("Purge"), this);
    m_deleteButton = new QPushButton(tr("Delete"), this);
    header->addAction(m_purgeButton);
    header->addAction(m_deleteButton);
    header->addAction(createButton);

    m_queueView = makeTable(m_proxy, this);
    m_queueView->setSortingEnabled(true);
    m_queueView->sortByColumn(QueueListModel::Name, Qt::AscendingOrder);
    m_queueView->horizontalHeader()->setSectionResizeMode(
        QueueListModel::DeadLetter, QHeaderView::Stretch);
    m_queueView->horizontalHeader()->setSectionResizeMode(
        QueueListModel::Created, QHeaderView::ResizeToContents);
    m_queueView->setColumnWidth(
        QueueListModel::Name, 28 * m_queueView->fontMetrics().averageCharWidth());

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    m_sendReceive = new SendReceivePage(service, this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createPeekPage(), tr("Peek messages"));
    m_tabs->addTab(m_sendReceive, tr("Send and receive"));
    m_tabs->addTab(createDeadLetterPage(), tr("Dead-letter queue"));

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 8, 0, 0);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_queueView);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->addWidget(header);
    layout->addWidget(splitter, 1);

    connect(createButton, &QPushButton::clicked, this, &QueuesPane::createQueue);
    connect(m_purgeButton, &QPushButton::clicked, this, &QueuesPane::purgeQueue);
    connect(m_deleteButton, &QPushButton::clicked, this, &QueuesPane::deleteQueue);
    connect(m_queueView->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        &QueuesPane::currentChanged);
    connect(m_service, &Core::Sqs::SqsService::queuesChanged, this, &QueuesPane::refreshQueues);
    connect(
        m_service, &Core::Sqs::SqsService::messagesChanged, this, [this](const QStringList &names) {
            refreshQueues();
            if (names.contains(m_current))
                m_peek->refresh();
        });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        refreshQueues();
        m_peek->refresh();
    });
    m_taskTimer.setInterval(300);
    connect(&m_taskTimer, &QTimer::timeout, this, &QueuesPane::refreshMoveTask);
    refreshQueues();
    updateDetails();
}

QWidget *QueuesPane::createPeekPage()
{
    auto *page = new QWidget(this);
    auto *note = new QLabel(tr("Peeking does not receive: states, receive counts and visibility "
                               "timeouts stay exactly as they are. Available messages come "
                               "first, then the rest by the time they become visible."),
        page);
    note->setWordWrap(true);
    note->setStyleSheet(u"color: #545b64;"_s);
    m_peekView = makeTable(m_peek, page);
    m_peekView->horizontalHeader()->setSectionResizeMode(
        MessageListModel::Body, QHeaderView::Stretch);
    const QFontMetrics metrics = m_peekView->fontMetrics();
    m_peekView->setColumnWidth(MessageListModel::State,
        metrics.horizontalAdvance(MessageListModel::stateText(Core::Sqs::MessageState::InFlight))
            + 24);
    m_peekView->setColumnWidth(MessageListModel::ReceiveCount,
        metrics.horizontalAdvance(
            m_peek->headerData(MessageListModel::ReceiveCount, Qt::Horizontal, Qt::DisplayRole)
                .toString())
            + 24);
    m_peekView->setColumnWidth(
        MessageListModel::VisibleIn, metrics.horizontalAdvance(u"00 min 00 s"_s) + 24);
    m_peekDetail = new QPlainTextEdit(page);
    m_peekDetail->setObjectName(u"peekDetail"_s);
    m_peekDetail->setReadOnly(true);
    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(m_peekView);
    splitter->addWidget(m_peekDetail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(note);
    layout->addWidget(splitter, 1);
    connect(m_peekView->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        &QueuesPane::showPeekDetail);
    connect(m_peek, &MessageListModel::loaded, this, &QueuesPane::keepPeekSelection);
    connect(m_peek, &MessageListModel::loaded, this, [this] {
        m_peekDetail->setPlaceholderText(m_peek->rowCount() == 0
                ? tr("This queue holds no messages. Send one on the Send and receive tab, or "
                     "with aws sqs send-message.")
                : tr("Select a message to see its body and attributes."));
    });
    return page;
}

QWidget *QueuesPane::createDeadLetterPage()
{
    auto *page = new QWidget(this);
    m_deadLetterText = new QLabel(page);
    m_deadLetterText->setWordWrap(true);
    m_deadLetterText->setTextFormat(Qt::RichText);
    m_redriveButton = new QPushButton(tr("Start DLQ redrive"), page);
    m_redriveProgress = new QProgressBar(page);
    m_redriveStatus = new QLabel(page);
    auto *row = new QHBoxLayout;
    row->addWidget(m_redriveButton);
    row->addWidget(m_redriveProgress, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_deadLetterText);
    layout->addLayout(row);
    layout->addWidget(m_redriveStatus);
    layout->addStretch(1);
    connect(m_redriveButton, &QPushButton::clicked, this, &QueuesPane::startRedrive);
    return page;
}

void QueuesPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_tick.start();
    refreshQueues();
}

void QueuesPane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_tick.stop();
}

void QueuesPane::refreshQueues()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    Core::Sqs::SqsService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service] { return service->queueSummaries(); },
        [this](const QList<QueueSummary> &summaries) {
            m_refreshing = false;
            const bool wasEmpty = m_queues->rowCount() == 0;
            m_queues->setSummaries(summaries);
            if (wasEmpty && !summaries.isEmpty() && m_current.isEmpty())
                m_queueView->selectRow(0);
            updateDetails();
        });
}

void QueuesPane::selectQueue(const QString &name)
{
    const int row = m_queues->rowOf(name);
    if (row < 0)
        return;
    m_queueView->selectRow(m_proxy->mapFromSource(m_queues->index(row, 0)).row());
}

void QueuesPane::currentChanged()
{
    const QModelIndex current = m_queueView->selectionModel()->currentIndex();
    const QString name =
        current.isValid() ? current.data(QueueListModel::NameRole).toString() : QString();
    if (name == m_current)
        return;
    m_current = name;
    m_peekMessageId.clear();
    m_peek->setQueue(name);
    m_peekDetail->clear();
    m_redriveStatus->clear();
    m_redriveProgress->reset();
    updateDetails();
}

void QueuesPane::updateDetails()
{
    const QueueSummary *summary = m_queues->summary(m_current);
    if (!summary && !m_current.isEmpty()) {
        m_current.clear();
        m_peek->setQueue({});
    }
    m_tabs->setEnabled(summary != nullptr);
    m_purgeButton->setEnabled(summary != nullptr);
    m_deleteButton->setEnabled(summary != nullptr);
    if (!summary) {
        m_summary->setText(m_queues->rowCount() == 0
                ? tr("No queues yet. Create one here or with <code>aws sqs create-queue "
                     "--queue-name orders</code>.")
                : tr("Select a queue."));
        m_deadLetterText->clear();
        m_redriveButton->setEnabled(false);
        return;
    }
    const Core::Sqs::Queue &queue = summary->queue;
    m_summary->setText(
        tr("<b>%1</b> · %2 · visibility timeout %3 s · retention %4 s · delay %5 s — "
           "<span style='color:#03743d'>%6 available</span>, "
           "<span style='color:#b25b00'>%7 in flight</span>, %8 delayed")
            .arg(queue.name.toHtmlEscaped(),
                queue.fifo ? tr("FIFO") : tr("Standard"),
                QString::number(queue.visibilityTimeout()),
                QString::number(queue.retentionSeconds()),
                QString::number(queue.delaySeconds()),
                QLocale().toString(summary->available),
                QLocale().toString(summary->inFlight),
                QLocale().toString(summary->delayed)));
    m_sendReceive->setQueue(queue.name, queue.fifo);

    QStringList sources;
    for (const QueueSummary &other : m_queues->summaries()) {
        if (other.deadLetterQueueName == queue.name)
            sources.append(other.queue.name.toHtmlEscaped());
    }
    QString text;
    if (!sources.isEmpty())
        text = tr("This is the dead-letter queue of: <b>%1</b>. A redrive moves its messages back "
                  "to the queue each one came from.")
                   .arg(sources.join(u", "_s));
    else if (!summary->deadLetterQueueName.isEmpty())
        text = tr("Messages received more than %1 times move to <b>%2</b>.")
                   .arg(queue.maxReceiveCount())
                   .arg(summary->deadLetterQueueName.toHtmlEscaped());
    else
        text = tr("No dead-letter queue. Set one when creating a queue to keep messages that keep "
                  "failing.");
    m_deadLetterText->setText(text);
    m_redriveButton->setEnabled(summary->isDeadLetterQueue && !m_taskTimer.isActive());
}

void QueuesPane::keepPeekSelection()
{
    // Rows are ordered by when messages become visible, so they move as time passes.
    const int row = m_peekMessageId.isEmpty() ? -1 : m_peek->rowOfMessage(m_peekMessageId);
    const QModelIndex current = m_peekView->selectionModel()->currentIndex();
    if (row >= 0 && (!current.isValid() || current.row() != row))
        m_peekView->selectRow(row);
    showPeekDetail();
}

void QueuesPane::showPeekDetail()
{
    const QModelIndex current = m_peekView->selectionModel()->currentIndex();
    const Message *message = current.isValid() ? m_peek->message(current.row()) : nullptr;
    if (message)
        m_peekMessageId = message->messageId;
    const QString text = message ? describe(*message, m_service->nowMs()) : QString();
    if (m_peekDetail->toPlainText() != text)
        m_peekDetail->setPlainText(text);
}

void QueuesPane::createQueue()
{
    QMap<QString, bool> queues;
    for (const QueueSummary &summary : m_queues->summaries())
        queues.insert(summary.queue.name, summary.queue.fifo);
    const QString arnPrefix = m_service->queueArn(QString());
    auto *dialog = new CreateQueueDialog(queues, arnPrefix, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->queueName();
        const QMap<QString, QString> attributes = dialog->attributes();
        Core::Sqs::SqsService *service = m_service;
        Core::callAsync(
            service,
            this,
            [service, name, attributes] { return service->createQueue(name, attributes, {}); },
            [this, name](Core::Result<Core::Sqs::Queue> result) {
                if (!result) {
                    QMessageBox::warning(this,
                        tr("Create queue"),
                        tr("%1: %2").arg(result.error().code, result.error().message));
                    return;
                }
                refreshQueues();
                QTimer::singleShot(200, this, [this, name] { selectQueue(name); });
            });
    });
    dialog->open();
}

void QueuesPane::purgeQueue()
{
    const QString name = m_current;
    if (QMessageBox::question(this,
            tr("Purge queue"),
            tr("Delete every message in %1, including those in flight? This cannot be undone, "
               "and a queue can be purged once a minute.")
                .arg(name))
        != QMessageBox::Yes)
        return;
    Core::Sqs::SqsService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, name] { return service->purgeQueue(name); },
        [this](Core::Status result) {
            if (!result)
                QMessageBox::warning(this, tr("Purge queue"), result.error().message);
        });
}

void QueuesPane::deleteQueue()
{
    const QString name = m_current;
    if (QMessageBox::question(
            this, tr("Delete queue"), tr("Delete %1 and all its messages?").arg(name))
        != QMessageBox::Yes)
        return;
    Core::Sqs::SqsService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, name] { return service->deleteQueue(name); },
        [this](Core::Status result) {
            if (!result)
                QMessageBox::warning(this, tr("Delete queue"), result.error().message);
        });
}

void QueuesPane::startRedrive()
{
    Core::Sqs::SqsService *service = m_service;
    const QString arn = m_service->queueArn(m_current);
    Core::callAsync(
        service,
        this,
        [service, arn] { return service->startMessageMoveTask(arn, QString()); },
        [this](Core::Result<QString> result) {
            if (!result) {
                m_redriveStatus->setText(result.error().message);
                return;
            }
            m_redriveButton->setEnabled(false);
            m_taskTimer.start();
        });
}

void QueuesPane::refreshMoveTask()
{
    Core::Sqs::SqsService *service = m_service;
    const QString arn = m_service->queueArn(m_current);
    Core::callAsync(
        service,
        this,
        [service, arn] { return service->listMessageMoveTasks(arn, 1); },
        [this](Core::Result<QList<Core::Sqs::MessageMoveTask>> result) {
            if (!result || result->isEmpty()) {
                m_taskTimer.stop();
                return;
            }
            const Core::Sqs::MessageMoveTask &task = result->first();
            m_redriveProgress->setRange(
                0, int(std::max<qint64>(1, task.approximateNumberOfMessagesToMove)));
            m_redriveProgress->setValue(int(task.approximateNumberOfMessagesMoved));
            m_redriveStatus->setText(tr("%1: %2 of %3 messages moved")
                                         .arg(task.status)
                                         .arg(task.approximateNumberOfMessagesMoved)
                                         .arg(task.approximateNumberOfMessagesToMove));
            if (task.status != u"RUNNING"_s) {
                m_taskTimer.stop();
                updateDetails();
            }
        });
}

} // namespace Gui::Sqs
