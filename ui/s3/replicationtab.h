// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/replicationconfig.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Gui::S3 {

// The "Replication rules" of the bucket properties, as in the S3 console's Management tab: the
// rules (status, scope, destination, storage class, delete marker replication), a row to add
// one to another bucket of this app, and removal. Rules the API set with tag filters are shown
// and kept as they are. What AWS requires (versioning on both buckets) is checked on Save by the
// service, whose refusal the dialog shows.
class ReplicationTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplicationTab)

public:
    explicit ReplicationTab(const QString &bucket, QWidget *parent = nullptr);

    // The buckets the destination list offers (this bucket is left out).
    void setBuckets(const QStringList &buckets);
    void setConfig(const std::optional<Core::S3::ReplicationConfig> &config);
    // nullopt when there are no rules (DeleteBucketReplication).
    std::optional<Core::S3::ReplicationConfig> config() const;
    bool isChanged() const { return config() != m_loaded; }

    // The role a configuration made here names (AWS requires one; Cloudbench does not assume it).
    static QString defaultRole();
    // `config` with one more V2 rule; "" in *error, else why it cannot be added.
    static std::optional<Core::S3::ReplicationConfig> withRule(
        const std::optional<Core::S3::ReplicationConfig> &config,
        const Core::S3::ReplicationRule &rule,
        QString *error);

signals:
    // The user changed the rules (the dialog clears its last message then).
    void edited();

private:
    void addRule();
    void removeRule();
    void showRules();

    QString m_bucket;
    std::optional<Core::S3::ReplicationConfig> m_loaded;
    std::optional<Core::S3::ReplicationConfig> m_current;
    QTableWidget *m_rules;
    QLineEdit *m_id;
    QComboBox *m_destination;
    QLineEdit *m_prefix;
    QComboBox *m_storageClass;
    QCheckBox *m_deleteMarkers;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace Gui::S3
