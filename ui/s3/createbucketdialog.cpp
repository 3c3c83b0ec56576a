// SPDX-License-Identifier: MIT
#include "ui/s3/createbucketdialog.h"

#include "core/s3/s3service.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gui::S3 {

CreateBucketDialog::CreateBucketDialog(const QString &defaultRegion, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_region(new QComboBox(this))
    , m_versioning(new QCheckBox(tr("Enable bucket versioning"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Create bucket"));
    m_name->setPlaceholderText(tr("my-bucket-name"));
    m_region->setEditable(true);
    m_region->addItems({u"us-east-1"_s,
        u"us-east-2"_s,
        u"us-west-1"_s,
        u"us-west-2"_s,
        u"eu-west-1"_s,
        u"eu-central-1"_s,
        u"ap-southeast-1"_s,
        u"ap-northeast-1"_s});
    m_region->setCurrentText(defaultRegion);
    m_message->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create bucket"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Bucket name"), m_name);
    form->addRow(QString(), m_message);
    form->addRow(tr("AWS Region"), m_region);
    form->addRow(QString(), m_versioning);
    form->addRow(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &CreateBucketDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString CreateBucketDialog::bucketName() const
{
    return m_name->text();
}

QString CreateBucketDialog::region() const
{
    return m_region->currentText().trimmed();
}

bool CreateBucketDialog::versioning() const
{
    return m_versioning->isChecked();
}

QString CreateBucketDialog::validationMessage(const QString &name)
{
    if (Core::S3::S3Service::isValidBucketName(name))
        return {};
    if (name.size() < 3 || name.size() > 63)
        return tr("Bucket names must be between 3 and 63 characters long.");
    static const QRegularExpression allowed(u"^[a-z0-9.-]+$"_s);
    if (!allowed.match(name).hasMatch())
        return tr("Bucket names can contain only lower-case letters, numbers, dots and hyphens.");
    return tr("Bucket names must begin and end with a letter or number, must not contain two "
              "adjacent dots, must not look like an IP address and must not use a reserved "
              "prefix or suffix.");
}

void CreateBucketDialog::validate()
{
    const QString message = validationMessage(m_name->text());
    m_message->setText(m_name->text().isEmpty() ? tr("Bucket names are unique and cannot be "
                                                     "changed later.")
                                                : message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}

} // namespace Gui::S3
