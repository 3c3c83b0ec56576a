// SPDX-License-Identifier: MIT
#include "ui/sqs/createqueuedialog.h"

#include "core/sqs/sqsattributes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::Sqs {

namespace {

QSpinBox *spinBox(int min, int max, int value, const QString &suffix, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

CreateQueueDialog::CreateQueueDialog(
    const QMap<QString, bool> &queues, const QString &arnPrefix, QWidget *parent)
    : QDialog(parent)
    , m_queues(queues)
    , m_arnPrefix(arnPrefix)
{
    setWindowTitle(tr("Create queue"));
    m_standard = new QRadioButton(tr("Standard — at-least-once delivery, best-effort order"), this);
    m_fifo =
        new QRadioButton(tr("FIFO — exactly-once processing, order kept per message group"), this);
    m_standard->setChecked(true);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("orders"));
    m_nameHint = new QLabel(this);
    m_nameHint->setWordWrap(true);
    m_visibility = spinBox(0, 43200, 30, tr(" s"), this);
    m_retention = spinBox(60, 1209600, 345600, tr(" s"), this);
    m_delay = spinBox(0, 900, 0, tr(" s"), this);
    m_maxSize = spinBox(1024,
        Core::Sqs::Rules::MaxMessageSizeLimit,
        Core::Sqs::Rules::MaxMessageSizeLimit,
        tr(" bytes"),
        this);
    m_wait = spinBox(0, 20, 0, tr(" s"), this);
    m_contentDedup = new QCheckBox(tr("Content-based deduplication (SHA-256 of the body)"), this);
    m_deadLetter = new QComboBox(this);
    m_maxReceive = spinBox(1, 1000, 3, QString(), this);

    auto *typeBox = new QGroupBox(tr("Type (cannot be changed later)"), this);
    auto *typeLayout = new QVBoxLayout(typeBox);
    typeLayout->addWidget(m_standard);
    typeLayout->addWidget(m_fifo);

    auto *configBox = new QGroupBox(tr("Configuration"), this);
    auto *form = new QFormLayout(configBox);
    form->addRow(tr("Visibility timeout (0 s – 12 h)"), m_visibility);
    form->addRow(tr("Message retention (60 s – 14 days)"), m_retention);
    form->addRow(tr("Delivery delay (0 – 900 s)"), m_delay);
    form->addRow(tr("Maximum message size (1 KiB – 1 MiB)"), m_maxSize);
    form->addRow(tr("Receive message wait time (0 – 20 s)"), m_wait);
    form->addRow(QString(), m_contentDedup);

    auto *dlqBox = new QGroupBox(tr("Dead-letter queue"), this);
    auto *dlqForm = new QFormLayout(dlqBox);
    dlqForm->addRow(tr("Send failed messages to"), m_deadLetter);
    dlqForm->addRow(tr("Maximum receives"), m_maxReceive);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #d13212;"_s);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create queue"));

    auto *nameForm = new QFormLayout;
    nameForm->addRow(tr("Name"), m_name);
    nameForm->addRow(QString(), m_nameHint);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(typeBox);
    layout->addLayout(nameForm);
    layout->addWidget(configBox);
    layout->addWidget(dlqBox);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_standard, &QRadioButton::toggled, this, &CreateQueueDialog::updateState);
    connect(m_name, &QLineEdit::textChanged, this, &CreateQueueDialog::updateState);
    connect(m_deadLetter, &QComboBox::currentIndexChanged, this, &CreateQueueDialog::updateState);
    updateState();
}

QString CreateQueueDialog::queueName() const
{
    const QString name = m_name->text().trimmed();
    if (m_fifo->isChecked() && !name.endsWith(u".fifo"_s))
        return name + u".fifo"_s;
    return name;
}

QMap<QString, QString> CreateQueueDialog::attributes() const
{
    QMap<QString, QString> attributes{
        {u"VisibilityTimeout"_s, QString::number(m_visibility->value())},
        {u"MessageRetentionPeriod"_s, QString::number(m_retention->value())},
        {u"DelaySeconds"_s, QString::number(m_delay->value())},
        {u"MaximumMessageSize"_s, QString::number(m_maxSize->value())},
        {u"ReceiveMessageWaitTimeSeconds"_s, QString::number(m_wait->value())},
    };
    if (m_fifo->isChecked()) {
        attributes.insert(u"FifoQueue"_s, u"true"_s);
        attributes.insert(
            u"ContentBasedDeduplication"_s, m_contentDedup->isChecked() ? u"true"_s : u"false"_s);
    }
    const QString deadLetter = m_deadLetter->currentData().toString();
    if (!deadLetter.isEmpty()) {
        const QJsonObject policy{{u"deadLetterTargetArn"_s, QString(m_arnPrefix + deadLetter)},
            {u"maxReceiveCount"_s, m_maxReceive->value()}};
        attributes.insert(u"RedrivePolicy"_s,
            QString::fromUtf8(QJsonDocument(policy).toJson(QJsonDocument::Compact)));
    }
    return attributes;
}

void CreateQueueDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void CreateQueueDialog::updateState()
{
    const bool fifo = m_fifo->isChecked();
    m_contentDedup->setEnabled(fifo);
    const QString current = m_deadLetter->currentData().toString();
    m_deadLetter->blockSignals(true);
    m_deadLetter->clear();
    m_deadLetter->addItem(tr("None"), QString());
    for (auto it = m_queues.cbegin(); it != m_queues.cend(); ++it) {
        if (it.value() == fifo) // AWS: the DLQ must be the same type as its source
            m_deadLetter->addItem(it.key(), it.key());
    }
    m_deadLetter->setCurrentIndex(std::max(0, m_deadLetter->findData(current)));
    m_deadLetter->blockSignals(false);
    m_maxReceive->setEnabled(m_deadLetter->currentIndex() > 0);

    const QString name = queueName();
    const auto valid = Core::Sqs::Rules::validateQueueName(name, fifo);
    const bool exists = m_queues.contains(name);
    if (name.isEmpty())
        m_nameHint->setText(fifo ? tr("Up to 75 letters, digits, hyphens or underscores; "
                                      "\".fifo\" is added.")
                                 : tr("Up to 80 letters, digits, hyphens or underscores."));
    else if (!valid)
        m_nameHint->setText(tr("Not a valid name: %1").arg(valid.error().message));
    else if (exists)
        m_nameHint->setText(tr("A queue named %1 exists already.").arg(name));
    else
        m_nameHint->setText(tr("Queue URL ends in …/%1").arg(name));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!name.isEmpty() && valid && !exists);
}

} // namespace Gui::Sqs
