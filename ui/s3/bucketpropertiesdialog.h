// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/accesslog.h"
#include "core/s3/bucket.h"
#include "core/s3/bucketconfig.h"
#include "core/s3/eventnotifications.h"
#include "core/s3/lifecycle.h"

#include "core/common/awserror.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Core::S3 {
class S3Service;
}

namespace Gui::S3 {

class ReplicationTab;
class WebsiteHostingTab;

// Bucket properties: versioning, tags, CORS, the policy JSON (editable, validated before it is
// saved), event notifications (a summary of the destinations and the configuration document,
// editable; the service checks destinations as AWS does and its refusal is shown), and
// static website hosting (WebsiteHostingTab), replication rules (ReplicationTab), and read-only
// views of permissions (Object
// Ownership, Block Public Access, default encryption) and lifecycle rules, which the API
// configures.
class BucketPropertiesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BucketPropertiesDialog)

public:
    // endpointUrl: the app's endpoint (the website endpoint shares its port).
    BucketPropertiesDialog(Core::S3::S3Service *service,
        const QString &bucket,
        const QString &endpointUrl = QStringLiteral("http://127.0.0.1:4566"),
        QWidget *parent = nullptr);

    // "" when the text is an acceptable policy (or empty: no policy), else why not.
    static QString policyProblem(const QString &text);
    // "key=value" lines; nullopt on a malformed line.
    static std::optional<Core::S3::Tags> parseTags(const QString &text);
    // Human-readable summaries for the read-only tabs.
    static QString encryptionSummary(const Core::S3::BucketEncryption &encryption);
    static QString ownershipSummary(const std::optional<QString> &ownership);
    static QString publicAccessSummary(const std::optional<Core::S3::PublicAccessBlock> &block);
    static QString lifecycleSummary(const QList<Core::S3::LifecycleRule> &rules);
    static QString notificationSummary(const Core::S3::NotificationConfig &config);
    // The configuration document with one more destination (its kind from the ARN's service:
    // sqs, lambda, sns); "" and the reason in *error when the document or the ARN is not
    // valid. The service checks the destination itself when the dialog is saved.
    static QString withNotification(const QString &document,
        const QString &event,
        const QString &destinationArn,
        const QString &prefix,
        const QString &suffix,
        QString *error);
    // The event types the "Add" row offers: label, then the s3: event name.
    static QList<std::pair<QString, QString>> notificationEvents();
    // An error as the dialog shows it: the message, then each refused destination's reason.
    static QString errorText(const Core::AwsError &error);

private:
    void save();
    void addNotification();

    Core::S3::S3Service *m_service;
    QString m_bucket;
    QComboBox *m_versioning;
    QPlainTextEdit *m_tags;
    QComboBox *m_loggingTarget; // first entry: logging off
    QLineEdit *m_loggingPrefix;
    std::optional<Core::S3::LoggingConfig> m_loadedLogging;
    QPlainTextEdit *m_policy;
    QPlainTextEdit *m_cors;
    QPlainTextEdit *m_notification;
    QLabel *m_notificationSummary;
    QComboBox *m_notificationEvent;
    QLineEdit *m_notificationArn;
    QLineEdit *m_notificationPrefix;
    QLineEdit *m_notificationSuffix;
    QString m_loadedNotification;
    QLabel *m_encryption;
    QLabel *m_ownership;
    QLabel *m_publicAccess;
    QPlainTextEdit *m_lifecycle;
    WebsiteHostingTab *m_website;
    ReplicationTab *m_replication;
    QString m_loadedPolicy;
    QLabel *m_message;
};

} // namespace Gui::S3
