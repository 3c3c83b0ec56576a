// SPDX-License-Identifier: MIT
#include "ui/s3/bucketpropertiesdialog.h"

#include "core/common/async.h"
#include "core/s3/s3service.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::S3 {

namespace {

struct Properties
{
    Core::S3::Versioning versioning = Core::S3::Versioning::Unversioned;
    Core::S3::Tags tags;
    QString policy;
    QString cors;
    QString notification;
};

} // namespace

BucketPropertiesDialog::BucketPropertiesDialog(
    Core::S3::S3Service *service, const QString &bucket, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_bucket(bucket)
    , m_versioning(new QComboBox(this))
    , m_tags(new QPlainTextEdit(this))
    , m_policy(new QPlainTextEdit(this))
    , m_cors(new QPlainTextEdit(this))
    , m_notification(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Bucket properties: %1").arg(bucket));
    resize(700, 520);
    m_versioning->addItem(tr("Disabled"), int(Core::S3::Versioning::Unversioned));
    m_versioning->addItem(tr("Enabled"), int(Core::S3::Versioning::Enabled));
    m_versioning->addItem(tr("Suspended"), int(Core::S3::Versioning::Suspended));
    m_tags->setPlaceholderText(tr("One tag per line: key=value"));
    m_notification->setReadOnly(true);
    m_message->setWordWrap(true);

    auto *tabs = new QTabWidget(this);
    auto *general = new QWidget(tabs);
    auto *form = new QFormLayout(general);
    form->addRow(tr("Bucket ARN"), new QLabel(u"arn:aws:s3:::%1"_s.arg(bucket), general));
    form->addRow(tr("Versioning"), m_versioning);
    form->addRow(tr("Tags"), m_tags);
    tabs->addTab(general, tr("Properties"));
    tabs->addTab(m_policy, tr("Bucket policy"));
    tabs->addTab(m_cors, tr("CORS"));
    tabs->addTab(m_notification, tr("Event notifications"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &BucketPropertiesDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_policy, &QPlainTextEdit::textChanged, this, [this] {
        m_message->setText(policyProblem(m_policy->toPlainText()));
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    Core::callAsync(
        service,
        this,
        [service, bucket] {
            Properties properties;
            if (const auto info = service->headBucket(bucket))
                properties.versioning = info->versioning;
            properties.tags = service->getBucketTagging(bucket).value_or(Core::S3::Tags{});
            using Core::S3::BucketDocument;
            properties.policy = service->getBucketDocument(bucket, BucketDocument::Policy)
                                    .value_or(std::nullopt)
                                    .value_or(QString());
            properties.cors = service->getBucketDocument(bucket, BucketDocument::Cors)
                                  .value_or(std::nullopt)
                                  .value_or(QString());
            properties.notification =
                service->getBucketDocument(bucket, BucketDocument::Notification)
                    .value_or(std::nullopt)
                    .value_or(QString());
            return properties;
        },
        [this](const Properties &properties) {
            m_versioning->setCurrentIndex(m_versioning->findData(int(properties.versioning)));
            QStringList lines;
            for (const auto &[key, value] : properties.tags)
                lines.append(key + u'=' + value);
            m_tags->setPlainText(lines.join(u'\n'));
            m_policy->setPlainText(properties.policy);
            m_cors->setPlainText(properties.cors);
            m_notification->setPlainText(properties.notification.isEmpty()
                    ? tr("No event notifications are configured.")
                    : properties.notification);
        });
}

QString BucketPropertiesDialog::policyProblem(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return tr("The policy is not valid JSON: %1 (at character %2).")
            .arg(error.errorString())
            .arg(error.offset);
    if (!document.isObject() || !document.object().contains(u"Statement"_s))
        return tr("A bucket policy is a JSON object with a \"Statement\".");
    return {};
}

std::optional<Core::S3::Tags> BucketPropertiesDialog::parseTags(const QString &text)
{
    Core::S3::Tags tags;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            return std::nullopt;
        tags.append({line.left(equals).trimmed(), line.mid(equals + 1).trimmed()});
    }
    return tags;
}

void BucketPropertiesDialog::save()
{
    const QString problem = policyProblem(m_policy->toPlainText());
    const auto tags = parseTags(m_tags->toPlainText());
    if (!problem.isEmpty() || !tags) {
        m_message->setText(
            problem.isEmpty() ? tr("Write each tag as key=value on its own line.") : problem);
        return;
    }
    const auto versioning = Core::S3::Versioning(m_versioning->currentData().toInt());
    const QString policy = m_policy->toPlainText().trimmed();
    const QString cors = m_cors->toPlainText().trimmed();
    Core::S3::S3Service *service = m_service;
    const QString bucket = m_bucket;
    Core::callAsync(
        service,
        this,
        [=] {
            using Core::S3::BucketDocument;
            QString error;
            const auto note = [&error](const Core::Status &status) {
                if (!status && error.isEmpty())
                    error = status.error().message;
            };
            if (versioning != Core::S3::Versioning::Unversioned)
                note(service->putBucketVersioning(bucket, versioning));
            note(service->putBucketTagging(bucket, *tags));
            note(service->putBucketDocument(bucket,
                BucketDocument::Policy,
                policy.isEmpty() ? std::nullopt : std::optional<QString>(policy)));
            note(service->putBucketDocument(bucket,
                BucketDocument::Cors,
                cors.isEmpty() ? std::nullopt : std::optional<QString>(cors)));
            return error;
        },
        [this](const QString &error) {
            if (error.isEmpty())
                accept();
            else
                m_message->setText(error);
        });
}

} // namespace Gui::S3
