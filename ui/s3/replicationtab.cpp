// SPDX-License-Identifier: MIT
#include "ui/s3/replicationtab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Gui::S3 {

ReplicationTab::ReplicationTab(const QString &bucket, QWidget *parent)
    : QWidget(parent)
    , m_bucket(bucket)
    , m_rules(new QTableWidget(0, 6, this))
    , m_id(new QLineEdit(this))
    , m_destination(new QComboBox(this))
    , m_prefix(new QLineEdit(this))
    , m_storageClass(new QComboBox(this))
    , m_deleteMarkers(new QCheckBox(tr("Replicate delete markers"), this))
    , m_add(new QPushButton(tr("Add rule"), this))
    , m_remove(new QPushButton(tr("Remove rule"), this))
    , m_message(new QLabel(this))
{
    m_rules->setObjectName(u"replicationRules"_s);
    m_id->setObjectName(u"replicationId"_s);
    m_destination->setObjectName(u"replicationDestination"_s);
    m_prefix->setObjectName(u"replicationPrefix"_s);
    m_storageClass->setObjectName(u"replicationStorageClass"_s);
    m_deleteMarkers->setObjectName(u"replicationDeleteMarkers"_s);
    m_add->setObjectName(u"addReplicationRule"_s);
    m_remove->setObjectName(u"removeReplicationRule"_s);
    m_message->setObjectName(u"replicationMessage"_s);
    m_rules->setHorizontalHeaderLabels({tr("Rule"),
        tr("Status"),
        tr("Scope"),
        tr("Destination"),
        tr("Storage class"),
        tr("Delete markers")});
    m_rules->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rules->horizontalHeader()->setStretchLastSection(true);
    m_rules->verticalHeader()->hide();
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_id->setPlaceholderText(tr("Rule name, e.g. to-backup"));
    m_prefix->setPlaceholderText(tr("Prefix (empty: every object)"));
    m_storageClass->addItem(tr("Same as source"), QString());
    for (const QString &storageClass : {u"STANDARD"_s,
             u"STANDARD_IA"_s,
             u"ONEZONE_IA"_s,
             u"INTELLIGENT_TIERING"_s,
             u"GLACIER_IR"_s,
             u"GLACIER"_s,
             u"DEEP_ARCHIVE"_s})
        m_storageClass->addItem(storageClass, storageClass);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *note = new QLabel(
        tr("Replication copies each new object version to the destination bucket a moment "
           "after it is written: same key, version ID, metadata and tags. The source shows "
           "PENDING, then COMPLETED (or FAILED); the copy shows REPLICA. Both buckets need "
           "versioning enabled. Objects written before the rule, deletions of a specific "
           "version, and replicas themselves are not replicated."),
        this);
    note->setWordWrap(true);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_id, 1);
    addRow->addWidget(m_prefix, 1);
    addRow->addWidget(new QLabel(tr("to"), this));
    addRow->addWidget(m_destination, 1);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(new QLabel(tr("Storage class"), this));
    optionsRow->addWidget(m_storageClass);
    optionsRow->addWidget(m_deleteMarkers);
    optionsRow->addStretch();
    optionsRow->addWidget(m_add);
    optionsRow->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_rules, 1);
    layout->addLayout(addRow);
    layout->addLayout(optionsRow);
    layout->addWidget(m_message);
    connect(m_add, &QPushButton::clicked, this, &ReplicationTab::addRule);
    connect(m_remove, &QPushButton::clicked, this, &ReplicationTab::removeRule);
    connect(m_rules, &QTableWidget::itemSelectionChanged, this, [this] {
        m_remove->setEnabled(!m_rules->selectedItems().isEmpty());
    });
    showRules();
}

QString ReplicationTab::defaultRole()
{
    return u"arn:aws:iam::000000000000:role/cloudbench-replication"_s;
}

void ReplicationTab::setBuckets(const QStringList &buckets)
{
    m_destination->clear();
    for (const QString &name : buckets) {
        if (name != m_bucket)
            m_destination->addItem(name);
    }
    m_add->setEnabled(m_destination->count() > 0);
    if (m_destination->count() == 0)
        m_message->setText(tr("Create another bucket (with versioning enabled) to replicate to."));
}

void ReplicationTab::setConfig(const std::optional<Core::S3::ReplicationConfig> &config)
{
    m_loaded = config;
    m_current = config;
    showRules();
}

std::optional<Core::S3::ReplicationConfig> ReplicationTab::config() const
{
    return m_current;
}

std::optional<Core::S3::ReplicationConfig> ReplicationTab::withRule(
    const std::optional<Core::S3::ReplicationConfig> &config,
    const Core::S3::ReplicationRule &rule,
    QString *error)
{
    Core::S3::ReplicationConfig result = config.value_or(Core::S3::ReplicationConfig{});
    if (result.role.isEmpty())
        result.role = defaultRole();
    if (!result.rules.isEmpty() && result.rules.constFirst().legacy) {
        *error = tr("The existing rules use the first replication schema (set through the API); "
                    "remove them before adding rules here.");
        return std::nullopt;
    }
    Core::S3::ReplicationRule added = rule;
    // Above every rule so far: the newest rule wins where rules overlap, as the console sets it.
    for (const Core::S3::ReplicationRule &existing : std::as_const(result.rules))
        added.priority = std::max(added.priority, existing.priority + 1);
    result.rules.append(added);
    // Parsing the document checks it as PutBucketReplication will (names, priorities).
    auto checked = Core::S3::ReplicationConfig::parse(result.toXml());
    if (!checked) {
        *error = checked.error().message;
        return std::nullopt;
    }
    error->clear();
    return *checked;
}

void ReplicationTab::addRule()
{
    Core::S3::ReplicationRule rule;
    rule.id = m_id->text().trimmed();
    rule.enabled = true;
    rule.prefix = m_prefix->text().trimmed();
    rule.destinationBucket = m_destination->currentText();
    rule.storageClass = m_storageClass->currentData().toString();
    rule.deleteMarkerReplication = m_deleteMarkers->isChecked();
    if (rule.id.isEmpty()) {
        m_message->setText(tr("Enter a name for the rule."));
        return;
    }
    QString error;
    auto updated = withRule(m_current, rule, &error);
    if (!updated) {
        m_message->setText(error);
        return;
    }
    m_current = std::move(updated);
    m_id->clear();
    m_prefix->clear();
    m_message->setText(tr("Added. Save applies the rules; S3 then checks that both buckets "
                          "have versioning enabled."));
    showRules();
    emit edited();
}

void ReplicationTab::removeRule()
{
    const int row = m_rules->currentRow();
    if (!m_current || row < 0 || row >= m_current->rules.size())
        return;
    m_current->rules.removeAt(row);
    if (m_current->rules.isEmpty())
        m_current.reset();
    m_message->setText(tr("Removed. Save applies the change."));
    showRules();
    emit edited();
}

void ReplicationTab::showRules()
{
    const QList<Core::S3::ReplicationRule> rules =
        m_current ? m_current->rules : QList<Core::S3::ReplicationRule>{};
    m_rules->setRowCount(int(rules.size()));
    for (int row = 0; row < rules.size(); ++row) {
        const Core::S3::ReplicationRule &rule = rules[row];
        QStringList scope;
        if (!rule.prefix.isEmpty())
            scope.append(tr("prefix \"%1\"").arg(rule.prefix));
        for (const auto &[key, value] : rule.tags)
            scope.append(tr("tag %1=%2").arg(key, value));
        const QStringList cells = {rule.id,
            rule.enabled ? tr("Enabled") : tr("Disabled"),
            scope.isEmpty() ? tr("Entire bucket") : scope.join(u", "_s),
            rule.destinationBucket,
            rule.storageClass.isEmpty() ? tr("Same as source") : rule.storageClass,
            rule.deleteMarkerReplication ? tr("Replicated") : tr("Not replicated")};
        for (int column = 0; column < cells.size(); ++column)
            m_rules->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_remove->setEnabled(false);
    if (rules.isEmpty() && m_message->text().isEmpty())
        m_message->setText(tr("No replication rules: objects stay in this bucket only."));
}

} // namespace Gui::S3
