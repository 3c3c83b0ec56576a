// SPDX-License-Identifier: MIT
#include "ui/s3/bucketpropertiesdialog.h"

#include "core/common/arn.h"
#include "core/common/async.h"
#include "core/s3/s3service.h"
#include "ui/s3/replicationtab.h"
#include "ui/s3/websitehostingtab.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

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
    Core::S3::BucketEncryption encryption;
    std::optional<QString> ownership;
    std::optional<Core::S3::PublicAccessBlock> publicAccess;
    QList<Core::S3::LifecycleRule> lifecycle;
    std::optional<Core::S3::WebsiteConfig> website;
    std::optional<Core::S3::ReplicationConfig> replication;
    std::optional<Core::S3::LoggingConfig> logging;
    QStringList buckets;
};

} // namespace

BucketPropertiesDialog::BucketPropertiesDialog(Core::S3::S3Service *service,
    const QString &bucket,
    const QString &endpointUrl,
    QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_bucket(bucket)
    , m_versioning(new QComboBox(this))
    , m_tags(new QPlainTextEdit(this))
    , m_loggingTarget(new QComboBox(this))
    , m_loggingPrefix(new QLineEdit(this))
    , m_policy(new QPlainTextEdit(this))
    , m_cors(new QPlainTextEdit(this))
    , m_notification(new QPlainTextEdit(this))
    , m_notificationSummary(new QLabel(this))
    , m_notificationEvent(new QComboBox(this))
    , m_notificationArn(new QLineEdit(this))
    , m_notificationPrefix(new QLineEdit(this))
    , m_notificationSuffix(new QLineEdit(this))
    , m_encryption(new QLabel(this))
    , m_ownership(new QLabel(this))
    , m_publicAccess(new QLabel(this))
    , m_lifecycle(new QPlainTextEdit(this))
    , m_website(new WebsiteHostingTab(bucket, endpointUrl, this))
    , m_replication(new ReplicationTab(bucket, this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Bucket properties: %1").arg(bucket));
    resize(900, 580);
    m_versioning->addItem(tr("Disabled"), int(Core::S3::Versioning::Unversioned));
    m_versioning->addItem(tr("Enabled"), int(Core::S3::Versioning::Enabled));
    m_versioning->addItem(tr("Suspended"), int(Core::S3::Versioning::Suspended));
    m_tags->setPlaceholderText(tr("One tag per line: key=value"));
    m_notification->setPlaceholderText(
        tr("No event notifications are configured. Add one with the rows above, or paste a "
           "configuration such as:\n\n"
           "<NotificationConfiguration>\n"
           "  <QueueConfiguration>\n"
           "    <Queue>arn:aws:sqs:us-east-1:000000000000:my-queue</Queue>\n"
           "    <Event>s3:ObjectCreated:*</Event>\n"
           "  </QueueConfiguration>\n"
           "</NotificationConfiguration>\n\n"
           "The queue's policy (or the function's permission) must allow the service principal "
           "s3.amazonaws.com, as on AWS."));
    m_notification->setObjectName(u"notificationEditor"_s);
    m_notificationSummary->setObjectName(u"notificationSummary"_s);
    m_message->setObjectName(u"message"_s);
    m_notificationSummary->setWordWrap(true);
    m_notificationSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);

    auto *tabs = new QTabWidget(this);
    auto *general = new QWidget(tabs);
    auto *form = new QFormLayout(general);
    form->addRow(tr("Bucket ARN"), new QLabel(u"arn:aws:s3:::%1"_s.arg(bucket), general));
    form->addRow(tr("Versioning"), m_versioning);
    form->addRow(tr("Tags"), m_tags);
    m_loggingTarget->setObjectName(u"loggingTarget"_s);
    m_loggingPrefix->setObjectName(u"loggingPrefix"_s);
    m_loggingTarget->addItem(tr("Off"), QString());
    m_loggingPrefix->setPlaceholderText(tr("Prefix of the log objects, e.g. logs/"));
    auto *logging = new QHBoxLayout;
    logging->addWidget(m_loggingTarget, 1);
    logging->addWidget(m_loggingPrefix, 1);
    form->addRow(tr("Server access logging"), logging);
    auto *loggingNote = new QLabel(tr("Each request to this bucket becomes a line in a log object "
                                      "in the target bucket, delivered within seconds (AWS takes "
                                      "up to a few hours)."),
        general);
    loggingNote->setWordWrap(true);
    form->addRow(QString(), loggingNote);
    tabs->addTab(general, tr("Properties"));
    auto *permissions = new QWidget(tabs);
    auto *permissionsForm = new QFormLayout(permissions);
    for (QLabel *label : {m_encryption, m_ownership, m_publicAccess}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    permissionsForm->addRow(tr("Default encryption"), m_encryption);
    permissionsForm->addRow(tr("Object Ownership"), m_ownership);
    permissionsForm->addRow(tr("Block public access"), m_publicAccess);
    tabs->addTab(permissions, tr("Permissions"));
    m_lifecycle->setReadOnly(true);
    tabs->addTab(m_lifecycle, tr("Lifecycle"));
    tabs->addTab(m_policy, tr("Bucket policy"));
    tabs->addTab(m_cors, tr("CORS"));
    tabs->addTab(m_website, tr("Static website hosting"));
    tabs->addTab(m_replication, tr("Replication rules"));
    auto *notifications = new QWidget(tabs);
    auto *notificationsLayout = new QVBoxLayout(notifications);
    notificationsLayout->addWidget(m_notificationSummary);
    for (const auto &[label, event] : notificationEvents())
        m_notificationEvent->addItem(label, event);
    m_notificationEvent->setObjectName(u"notificationEvent"_s);
    m_notificationArn->setObjectName(u"notificationArn"_s);
    m_notificationPrefix->setObjectName(u"notificationPrefix"_s);
    m_notificationSuffix->setObjectName(u"notificationSuffix"_s);
    m_notificationArn->setPlaceholderText(
        tr("arn:aws:sqs:us-east-1:000000000000:queue or a Lambda function ARN"));
    m_notificationPrefix->setPlaceholderText(tr("prefix, e.g. images/"));
    m_notificationSuffix->setPlaceholderText(tr("suffix, e.g. .jpg"));
    auto *add = new QPushButton(tr("Add"), notifications);
    add->setObjectName(u"addNotification"_s);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Send"), notifications));
    filterRow->addWidget(m_notificationEvent);
    filterRow->addWidget(new QLabel(tr("for keys with"), notifications));
    filterRow->addWidget(m_notificationPrefix);
    filterRow->addWidget(m_notificationSuffix);
    auto *destinationRow = new QHBoxLayout;
    destinationRow->addWidget(new QLabel(tr("to"), notifications));
    destinationRow->addWidget(m_notificationArn, 1);
    destinationRow->addWidget(add);
    notificationsLayout->addLayout(filterRow);
    notificationsLayout->addLayout(destinationRow);
    notificationsLayout->addWidget(m_notification, 1);
    connect(add, &QPushButton::clicked, this, &BucketPropertiesDialog::addNotification);
    tabs->addTab(notifications, tr("Event notifications"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &BucketPropertiesDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_policy, &QPlainTextEdit::textChanged, this, [this] {
        m_message->setText(policyProblem(m_policy->toPlainText()));
    });
    // A message about what Save refused goes once the user edits again.
    connect(m_website, &WebsiteHostingTab::edited, m_message, &QLabel::clear);
    connect(m_replication, &ReplicationTab::edited, m_message, &QLabel::clear);
    connect(m_tags, &QPlainTextEdit::textChanged, m_message, &QLabel::clear);
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
            properties.encryption =
                service->getBucketEncryption(bucket).value_or(Core::S3::BucketEncryption{});
            properties.ownership = service->getBucketDocument(bucket, BucketDocument::Ownership)
                                       .value_or(std::nullopt);
            properties.publicAccess = service->getPublicAccessBlock(bucket).value_or(std::nullopt);
            const QString lifecycle = service->getBucketDocument(bucket, BucketDocument::Lifecycle)
                                          .value_or(std::nullopt)
                                          .value_or(QString());
            if (!lifecycle.isEmpty())
                properties.lifecycle = Core::S3::parseLifecycle(lifecycle.toUtf8())
                                           .value_or(QList<Core::S3::LifecycleRule>{});
            properties.website = service->getBucketWebsite(bucket).value_or(
                std::optional<Core::S3::WebsiteConfig>());
            properties.replication = service->getBucketReplication(bucket).value_or(
                std::optional<Core::S3::ReplicationConfig>());
            for (const Core::S3::Bucket &other : service->listBuckets())
                properties.buckets.append(other.name);
            properties.logging = service->getBucketLogging(bucket).value_or(
                std::optional<Core::S3::LoggingConfig>());
            return properties;
        },
        [this](const Properties &properties) {
            m_versioning->setCurrentIndex(m_versioning->findData(int(properties.versioning)));
            QStringList lines;
            for (const auto &[key, value] : properties.tags)
                lines.append(key + u'=' + value);
            m_tags->setPlainText(lines.join(u'\n'));
            m_policy->setPlainText(properties.policy);
            m_loadedPolicy = properties.policy.trimmed();
            m_encryption->setText(encryptionSummary(properties.encryption));
            m_ownership->setText(ownershipSummary(properties.ownership));
            m_publicAccess->setText(publicAccessSummary(properties.publicAccess));
            m_lifecycle->setPlainText(lifecycleSummary(properties.lifecycle));
            m_cors->setPlainText(properties.cors);
            m_website->setConfig(properties.website);
            m_replication->setBuckets(properties.buckets);
            for (const QString &name : properties.buckets)
                m_loggingTarget->addItem(name, name);
            m_loadedLogging = properties.logging;
            if (properties.logging) {
                m_loggingTarget->setCurrentIndex(
                    std::max(0, m_loggingTarget->findData(properties.logging->targetBucket)));
                m_loggingPrefix->setText(properties.logging->targetPrefix);
            }
            m_replication->setConfig(properties.replication);
            m_notification->setPlainText(properties.notification);
            m_loadedNotification = properties.notification.trimmed();
            m_notificationSummary->setText(notificationSummary(
                Core::S3::NotificationConfig::parse(properties.notification.toUtf8())
                    .value_or(Core::S3::NotificationConfig{})));
        });
}

QString BucketPropertiesDialog::notificationSummary(const Core::S3::NotificationConfig &config)
{
    using Kind = Core::S3::NotificationTarget::Kind;
    if (config.isEmpty())
        return tr("No event notifications are configured.");
    QStringList lines;
    for (const Core::S3::NotificationTarget &target : config.targets) {
        const QString kind = target.kind == Kind::Queue
            ? tr("SQS queue")
            : (target.kind == Kind::Function ? tr("Lambda function") : tr("SNS topic"));
        QString line = tr("\"%1\": %2 events to the %3 %4")
                           .arg(target.id, target.events.join(u", "_s), kind, target.arn);
        QStringList filter;
        if (!target.prefix.isEmpty())
            filter.append(tr("prefix \"%1\"").arg(target.prefix));
        if (!target.suffix.isEmpty())
            filter.append(tr("suffix \"%1\"").arg(target.suffix));
        if (!filter.isEmpty())
            line += u' ' + tr("for keys with %1").arg(filter.join(u", "_s));
        lines.append(line);
    }
    if (config.eventBridge)
        lines.append(
            tr("Amazon EventBridge is enabled (Cloudbench does not emulate EventBridge, so "
               "nothing is delivered there)."));
    return lines.join(u'\n');
}

QList<std::pair<QString, QString>> BucketPropertiesDialog::notificationEvents()
{
    return {
        {tr("All object create events"), u"s3:ObjectCreated:*"_s},
        {tr("Put"), u"s3:ObjectCreated:Put"_s},
        {tr("Copy"), u"s3:ObjectCreated:Copy"_s},
        {tr("Multipart upload completed"), u"s3:ObjectCreated:CompleteMultipartUpload"_s},
        {tr("All object removal events"), u"s3:ObjectRemoved:*"_s},
        {tr("Permanently deleted"), u"s3:ObjectRemoved:Delete"_s},
        {tr("Delete marker created"), u"s3:ObjectRemoved:DeleteMarkerCreated"_s},
        {tr("All restore events"), u"s3:ObjectRestore:*"_s},
        {tr("Restore completed"), u"s3:ObjectRestore:Completed"_s},
        {tr("Object tagging"), u"s3:ObjectTagging:*"_s},
        {tr("Lifecycle expiration"), u"s3:LifecycleExpiration:*"_s},
        {tr("Lifecycle transition"), u"s3:LifecycleTransition"_s},
    };
}

QString BucketPropertiesDialog::withNotification(const QString &document,
    const QString &event,
    const QString &destinationArn,
    const QString &prefix,
    const QString &suffix,
    QString *error)
{
    using Kind = Core::S3::NotificationTarget::Kind;
    const QString arn = destinationArn.trimmed();
    const auto destination = Core::Arn::parse(arn);
    const QString service = destination ? destination->service : QString();
    if (service != u"sqs"_s && service != u"lambda"_s && service != u"sns"_s) {
        *error = tr("Enter the ARN of an SQS queue, a Lambda function or an SNS topic.");
        return {};
    }
    Core::S3::NotificationConfig config;
    if (!document.trimmed().isEmpty()) {
        auto parsed = Core::S3::NotificationConfig::parse(document.toUtf8());
        if (!parsed) {
            *error = tr("The configuration below is not valid: %1").arg(parsed.error().message);
            return {};
        }
        config = std::move(*parsed);
    }
    Core::S3::NotificationTarget target;
    target.kind = service == u"sqs"_s ? Kind::Queue
        : service == u"lambda"_s      ? Kind::Function
                                      : Kind::Topic;
    target.arn = arn;
    target.events = {event};
    target.prefix = prefix.trimmed();
    target.suffix = suffix.trimmed();
    config.targets.append(target);
    // Parsing the result gives the new destination its id and checks overlaps as S3 does.
    auto checked = Core::S3::NotificationConfig::parse(config.toXml().toUtf8());
    if (!checked) {
        *error = checked.error().message;
        return {};
    }
    error->clear();
    return checked->toXml();
}

void BucketPropertiesDialog::addNotification()
{
    QString error;
    const QString document = withNotification(m_notification->toPlainText(),
        m_notificationEvent->currentData().toString(),
        m_notificationArn->text(),
        m_notificationPrefix->text(),
        m_notificationSuffix->text(),
        &error);
    if (document.isEmpty()) {
        m_message->setText(error);
        return;
    }
    m_message->setText(tr("Added. Save stores the configuration; S3 then checks that the "
                          "destination exists and allows it."));
    m_notification->setPlainText(document);
    m_notificationSummary->setText(
        notificationSummary(Core::S3::NotificationConfig::parse(document.toUtf8())
                                .value_or(Core::S3::NotificationConfig{})));
    m_notificationArn->clear();
}

QString BucketPropertiesDialog::errorText(const Core::AwsError &error)
{
    QString text = error.message;
    for (qsizetype i = 0; i + 1 < error.extra.size(); i += 2) {
        if (error.extra[i].first.startsWith(u"ArgumentName"_s))
            text += u'\n' + tr("%1: %2").arg(error.extra[i].second, error.extra[i + 1].second);
    }
    return text;
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

QString BucketPropertiesDialog::encryptionSummary(const Core::S3::BucketEncryption &encryption)
{
    QString text = encryption.algorithm == u"AES256"_s
        ? tr("Server-side encryption with Amazon S3 managed keys (SSE-S3, AES256)")
        : tr("Server-side encryption with AWS KMS keys (%1)").arg(encryption.algorithm);
    if (!encryption.kmsKeyId.isEmpty())
        text += u'\n' + tr("KMS key: %1").arg(encryption.kmsKeyId);
    if (encryption.bucketKeyEnabled)
        text += u'\n' + tr("Bucket Key enabled");
    return text;
}

QString BucketPropertiesDialog::ownershipSummary(const std::optional<QString> &ownership)
{
    if (!ownership || *ownership == u"ObjectWriter"_s)
        return tr("Object writer: ACLs enabled, the uploading account owns each object");
    if (*ownership == u"BucketOwnerPreferred"_s)
        return tr("Bucket owner preferred: ACLs enabled");
    return tr("Bucket owner enforced: ACLs disabled, the bucket owner owns every object");
}

QString BucketPropertiesDialog::publicAccessSummary(
    const std::optional<Core::S3::PublicAccessBlock> &block)
{
    if (!block)
        return tr("Off: no public access block is configured");
    const Core::S3::PublicAccessBlock &settings = *block;
    if (settings.blockPublicAcls && settings.ignorePublicAcls && settings.blockPublicPolicy
        && settings.restrictPublicBuckets)
        return tr("On: all public access is blocked");
    QStringList on;
    if (settings.blockPublicAcls)
        on.append(tr("block new public ACLs"));
    if (settings.ignorePublicAcls)
        on.append(tr("ignore public ACLs"));
    if (settings.blockPublicPolicy)
        on.append(tr("block new public bucket policies"));
    if (settings.restrictPublicBuckets)
        on.append(tr("restrict public buckets"));
    return on.isEmpty() ? tr("Off: every setting is cleared")
                        : tr("Partly on: %1").arg(on.join(u", "_s));
}

QString BucketPropertiesDialog::lifecycleSummary(const QList<Core::S3::LifecycleRule> &rules)
{
    if (rules.isEmpty())
        return tr("No lifecycle rules are configured.");
    QStringList blocks;
    for (const Core::S3::LifecycleRule &rule : rules) {
        QStringList lines;
        lines.append(tr("Rule \"%1\" (%2)")
                         .arg(rule.id.isEmpty() ? tr("unnamed") : rule.id,
                             rule.enabled ? tr("enabled") : tr("disabled")));
        QStringList scope;
        if (!rule.prefix.isEmpty())
            scope.append(tr("prefix \"%1\"").arg(rule.prefix));
        for (const auto &[key, value] : rule.tags)
            scope.append(tr("tag %1=%2").arg(key, value));
        if (rule.sizeGreaterThan >= 0)
            scope.append(tr("larger than %1 bytes").arg(rule.sizeGreaterThan));
        if (rule.sizeLessThan >= 0)
            scope.append(tr("smaller than %1 bytes").arg(rule.sizeLessThan));
        lines.append(scope.isEmpty() ? tr("  Applies to every object")
                                     : tr("  Applies to objects with %1").arg(scope.join(u", "_s)));
        for (const Core::S3::LifecycleTransition &transition : rule.transitions)
            lines.append(transition.days >= 0
                    ? tr("  Move to %1 %n day(s) after creation", nullptr, transition.days)
                          .arg(transition.storageClass)
                    : tr("  Move to %1 on a set date").arg(transition.storageClass));
        for (const Core::S3::LifecycleTransition &transition : rule.noncurrentTransitions)
            lines.append(tr("  Move noncurrent versions to %1 %n day(s) after they become "
                            "noncurrent",
                nullptr,
                transition.days)
                             .arg(transition.storageClass));
        if (rule.expirationDays > 0)
            lines.append(tr("  Expire current versions %n day(s) after creation",
                nullptr,
                rule.expirationDays));
        if (rule.expirationDateMs >= 0)
            lines.append(
                tr("  Expire current versions on %1")
                    .arg(QDateTime::fromMSecsSinceEpoch(rule.expirationDateMs, QTimeZone::utc())
                             .date()
                             .toString(Qt::ISODate)));
        if (rule.expiredObjectDeleteMarker)
            lines.append(tr("  Remove expired delete markers"));
        if (rule.noncurrentDays > 0)
            lines.append(tr("  Delete noncurrent versions %n day(s) after they become noncurrent",
                nullptr,
                rule.noncurrentDays));
        if (rule.abortIncompleteDays > 0)
            lines.append(tr("  Abort incomplete multipart uploads %n day(s) after they start",
                nullptr,
                rule.abortIncompleteDays));
        blocks.append(lines.join(u'\n'));
    }
    return blocks.join(u"\n\n"_s);
}

void BucketPropertiesDialog::save()
{
    QString problem = policyProblem(m_policy->toPlainText());
    if (problem.isEmpty())
        problem = m_website->problem();
    const auto tags = parseTags(m_tags->toPlainText());
    if (!problem.isEmpty() || !tags) {
        m_message->setText(
            problem.isEmpty() ? tr("Write each tag as key=value on its own line.") : problem);
        return;
    }
    const auto versioning = Core::S3::Versioning(m_versioning->currentData().toInt());
    const QString policy = m_policy->toPlainText().trimmed();
    const QString cors = m_cors->toPlainText().trimmed();
    const QString notification = m_notification->toPlainText().trimmed();
    // Storing a configuration sends test events, so an unchanged one is not stored again.
    const bool notificationChanged = notification != m_loadedNotification;
    // An unchanged policy is not sent again (Block Public Access may refuse it by now).
    const bool policyChanged = policy != m_loadedPolicy;
    const bool websiteChanged = m_website->isChanged();
    const auto website = m_website->config();
    std::optional<Core::S3::LoggingConfig> logging;
    if (const QString target = m_loggingTarget->currentData().toString(); !target.isEmpty()) {
        logging = m_loadedLogging.value_or(Core::S3::LoggingConfig{});
        logging->targetBucket = target;
        logging->targetPrefix = m_loggingPrefix->text().trimmed();
    }
    const bool loggingChanged = logging != m_loadedLogging;
    const bool replicationChanged = m_replication->isChanged();
    const auto replication = m_replication->config();
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
                    error = errorText(status.error());
            };
            // Removing the rules comes before versioning, which they keep from being suspended;
            // new rules come after it, as they need it enabled.
            if (replicationChanged && !replication)
                note(service->putBucketReplication(bucket, std::nullopt));
            if (versioning != Core::S3::Versioning::Unversioned)
                note(service->putBucketVersioning(bucket, versioning));
            if (replicationChanged && replication)
                note(service->putBucketReplication(bucket, replication));
            note(service->putBucketTagging(bucket, *tags));
            if (policyChanged)
                note(service->putBucketDocument(bucket,
                    BucketDocument::Policy,
                    policy.isEmpty() ? std::nullopt : std::optional<QString>(policy)));
            note(service->putBucketDocument(bucket,
                BucketDocument::Cors,
                cors.isEmpty() ? std::nullopt : std::optional<QString>(cors)));
            if (websiteChanged)
                note(service->putBucketWebsite(bucket, website));
            if (loggingChanged)
                note(service->putBucketLogging(bucket, logging));
            if (notificationChanged)
                note(service->putBucketNotification(bucket, notification.toUtf8()));
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
