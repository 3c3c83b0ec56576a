// SPDX-License-Identifier: MIT
#include "ui/sqs/sendreceivepage.h"

#include "core/common/async.h"
#include "core/sqs/sqsservice.h"
#include "ui/sqs/messagelistmodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Core::Sqs::Message;

namespace Gui::Sqs {

namespace {

QString describe(const Message &message)
{
    QString text = message.body + u"\n\n"_s;
    text += SendReceivePage::tr("Message ID: %1").arg(message.messageId) + u'\n';
    text += SendReceivePage::tr("MD5 of body: %1").arg(message.md5OfBody) + u'\n';
    for (auto it = message.systemAttributeValues.cbegin();
         it != message.systemAttributeValues.cend();
         ++it)
        text += it.key() + u": "_s + it.value() + u'\n';
    for (auto it = message.attributes.cbegin(); it != message.attributes.cend(); ++it) {
        const QString value =
            it->isBinary() ? QString::fromLatin1(it->binaryValue.toBase64()) : it->stringValue;
        text +=
            SendReceivePage::tr("Attribute %1 (%2): %3").arg(it.key(), it->dataType, value) + u'\n';
    }
    return text;
}

} // namespace

SendReceivePage::SendReceivePage(Core::Sqs::SqsService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_received(new MessageListModel(nullptr, this))
{
    m_body = new QPlainTextEdit(this);
    m_body->setPlaceholderText(tr("Message body"));
    m_body->setMaximumHeight(90);
    m_delay = new QSpinBox(this);
    m_delay->setRange(-1, 900);
    m_delay->setSpecialValueText(tr("Queue default"));
    m_delay->setValue(-1);
    m_delay->setSuffix(tr(" s"));
    m_group = new QLineEdit(this);
    m_dedup = new QLineEdit(this);
    m_attributes = new QTableWidget(3, 3, this);
    m_attributes->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Value")});
    m_attributes->verticalHeader()->hide();
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->setMaximumHeight(m_attributes->fontMetrics().height() * 7);
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        auto *type = new QComboBox(m_attributes);
        type->addItems({u"String"_s, u"Number"_s, u"Binary"_s});
        m_attributes->setCellWidget(row, 1, type);
    }
    m_sendButton = new QPushButton(tr("Send message"), this);
    m_sendStatus = new QLabel(this);
    m_sendStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *sendBox = new QGroupBox(tr("Send message"), this);
    auto *sendForm = new QFormLayout(sendBox);
    sendForm->addRow(tr("Body"), m_body);
    sendForm->addRow(tr("Delivery delay"), m_delay);
    sendForm->addRow(tr("Message group ID"), m_group);
    sendForm->addRow(tr("Deduplication ID"), m_dedup);
    sendForm->addRow(tr("Attributes"), m_attributes);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_sendButton);
    sendRow->addWidget(m_sendStatus, 1);
    sendForm->addRow(sendRow);

    m_wait = new QSpinBox(this);
    m_wait->setRange(0, 20);
    m_wait->setValue(5);
    m_wait->setSuffix(tr(" s"));
    m_maxCount = new QSpinBox(this);
    m_maxCount->setRange(1, 10);
    m_maxCount->setValue(10);
    m_pollButton = new QPushButton(tr("Poll for messages"), this);
    m_deleteButton = new QPushButton(tr("Delete selected"), this);
    m_deleteButton->setEnabled(false);
    m_pollStatus = new QLabel(this);
    m_receivedView = new QTableView(this);
    m_receivedView->setModel(m_received);
    m_receivedView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_receivedView->verticalHeader()->hide();
    m_receivedView->horizontalHeader()->setStretchLastSection(true);
    m_receivedView->setColumnHidden(MessageListModel::VisibleIn, true);
    m_detail = new QPlainTextEdit(this);
    m_detail->setReadOnly(true);

    auto *receiveBox = new QGroupBox(tr("Receive messages"), this);
    auto *receiveLayout = new QVBoxLayout(receiveBox);
    auto *pollRow = new QHBoxLayout;
    pollRow->addWidget(new QLabel(tr("Wait"), this));
    pollRow->addWidget(m_wait);
    pollRow->addWidget(new QLabel(tr("Maximum"), this));
    pollRow->addWidget(m_maxCount);
    pollRow->addWidget(m_pollButton);
    pollRow->addWidget(m_deleteButton);
    pollRow->addWidget(m_pollStatus, 1);
    receiveLayout->addLayout(pollRow);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_receivedView);
    splitter->addWidget(m_detail);
    receiveLayout->addWidget(splitter, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(sendBox, 2);
    layout->addWidget(receiveBox, 3);

    connect(m_sendButton, &QPushButton::clicked, this, &SendReceivePage::send);
    connect(m_pollButton, &QPushButton::clicked, this, &SendReceivePage::poll);
    connect(m_deleteButton, &QPushButton::clicked, this, &SendReceivePage::deleteSelected);
    connect(m_receivedView->selectionModel(),
        &QItemSelectionModel::selectionChanged,
        this,
        &SendReceivePage::showSelected);
}

void SendReceivePage::setQueue(const QString &name, bool fifo)
{
    if (name == m_queue)
        return;
    m_queue = name;
    m_fifo = fifo;
    m_delay->setEnabled(!fifo);
    m_delay->setValue(-1);
    m_group->setEnabled(true);
    m_dedup->setEnabled(fifo);
    m_group->setPlaceholderText(fifo ? tr("Required for FIFO queues") : tr("Optional"));
    m_dedup->setPlaceholderText(
        fifo ? tr("Required unless content-based deduplication is on") : QString());
    m_received->setMessages({}, 0);
    m_sendStatus->clear();
    m_pollStatus->clear();
    m_detail->clear();
}

void SendReceivePage::send()
{
    Core::Sqs::SendMessageInput input;
    input.body = m_body->toPlainText();
    input.delaySeconds = m_delay->value();
    input.groupId = m_group->text();
    input.deduplicationId = m_dedup->text();
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        const QTableWidgetItem *name = m_attributes->item(row, 0);
        const QTableWidgetItem *value = m_attributes->item(row, 2);
        if (!name || name->text().isEmpty())
            continue;
        const auto *type = qobject_cast<QComboBox *>(m_attributes->cellWidget(row, 1));
        Core::Sqs::MessageAttributeValue attribute;
        attribute.dataType = type->currentText();
        const QString text = value ? value->text() : QString();
        if (attribute.isBinary())
            attribute.binaryValue = text.toUtf8();
        else
            attribute.stringValue = text;
        input.attributes.insert(name->text(), attribute);
    }
    Core::Sqs::SqsService *service = m_service;
    const QString queue = m_queue;
    m_sendButton->setEnabled(false);
    Core::callAsync(
        service,
        this,
        [service, queue, input] { return service->sendMessage(queue, input); },
        [this](Core::Result<Core::Sqs::SendMessageOutput> result) {
            m_sendButton->setEnabled(true);
            if (result)
                m_sendStatus->setText(tr("Sent %1").arg(result->messageId));
            else
                m_sendStatus->setText(
                    tr("%1: %2").arg(result.error().code, result.error().message));
        });
}

void SendReceivePage::poll()
{
    Core::Sqs::ReceiveMessageInput input;
    input.maxNumberOfMessages = m_maxCount->value();
    input.waitTimeSeconds = m_wait->value();
    input.attributeNames = {u"All"_s};
    input.messageAttributeNames = {u"All"_s};
    Core::Sqs::SqsService *service = m_service;
    const QString queue = m_queue;
    m_pollButton->setEnabled(false);
    m_pollStatus->setText(tr("Polling…"));
    QPointer<SendReceivePage> guard(this);
    // A long poll parks on the core thread; its answer comes back here queued.
    QMetaObject::invokeMethod(
        service,
        [service, queue, input, guard] {
            service->receiveMessageWait(
                queue, input, [service, guard](Core::Result<QList<Message>> result) {
                    const qint64 now = service->nowMs();
                    if (!guard)
                        return;
                    QMetaObject::invokeMethod(
                        guard.data(),
                        [guard, result, now] {
                            if (!guard)
                                return;
                            guard->m_pollButton->setEnabled(true);
                            if (!result) {
                                guard->m_pollStatus->setText(result.error().message);
                                return;
                            }
                            guard->m_received->setMessages(*result, now);
                            guard->m_pollStatus->setText(
                                tr("Messages received: %1. They are in flight now.")
                                    .arg(result->size()));
                        },
                        Qt::QueuedConnection);
                });
        },
        Qt::QueuedConnection);
}

void SendReceivePage::deleteSelected()
{
    QStringList handles;
    for (const QModelIndex &index : m_receivedView->selectionModel()->selectedRows()) {
        if (const Message *message = m_received->message(index.row()))
            handles.append(message->receiptHandle);
    }
    Core::Sqs::SqsService *service = m_service;
    const QString queue = m_queue;
    Core::callAsync(
        service,
        this,
        [service, queue, handles] {
            int deleted = 0;
            for (const QString &handle : handles)
                deleted += service->deleteMessage(queue, handle).has_value() ? 1 : 0;
            return deleted;
        },
        [this](int deleted) {
            m_pollStatus->setText(tr("Messages deleted: %1.").arg(deleted));
            m_received->setMessages({}, 0);
            m_detail->clear();
        });
}

void SendReceivePage::showSelected()
{
    const QModelIndexList rows = m_receivedView->selectionModel()->selectedRows();
    m_deleteButton->setEnabled(!rows.isEmpty());
    const Message *message = rows.isEmpty() ? nullptr : m_received->message(rows.first().row());
    m_detail->setPlainText(message ? describe(*message) : QString());
}

} // namespace Gui::Sqs
