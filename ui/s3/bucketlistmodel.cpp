// SPDX-License-Identifier: MIT
#include "ui/s3/bucketlistmodel.h"

#include "core/common/async.h"
#include "core/s3/s3service.h"

#include <QDateTime>
#include <QLocale>

namespace Gui::S3 {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

BucketListModel::BucketListModel(Core::S3::S3Service *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    if (!m_service)
        return;
    connect(m_service, &Core::S3::S3Service::bucketsChanged, this, &BucketListModel::setBuckets);
    refresh();
}

void BucketListModel::refresh()
{
    if (!m_service)
        return;
    Core::S3::S3Service *service = m_service;
    Core::callAsync(
        service,
        this,
        [service] { return service->listBuckets(true); },
        [this](const QList<Core::S3::Bucket> &buckets) { setBuckets(buckets); });
}

int BucketListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_buckets.size());
}

int BucketListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int BucketListModel::rowOf(const QString &name) const
{
    for (qsizetype row = 0; row < m_buckets.size(); ++row) {
        if (m_buckets.at(row).name == name)
            return int(row);
    }
    return -1;
}

QVariant BucketListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::S3::Bucket &bucket = m_buckets.at(index.row());
    if (role == Qt::UserRole)
        return bucket.name;
    if (role == Qt::TextAlignmentRole && (index.column() == Objects || index.column() == Size))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return bucket.name;
    case Region:
        return bucket.region;
    case CreatedAt:
        return QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(bucket.createdMs), QLocale::ShortFormat);
    case Versioning:
        switch (bucket.versioning) {
        case Core::S3::Versioning::Enabled:
            return tr("Enabled");
        case Core::S3::Versioning::Suspended:
            return tr("Suspended");
        case Core::S3::Versioning::Unversioned:
            return tr("Disabled");
        }
        return {};
    case Objects:
        return QLocale().toString(bucket.objectCount);
    case Size:
        return formatBytes(bucket.totalBytes);
    default:
        return {};
    }
}

QVariant BucketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Region:
        return tr("Region");
    case CreatedAt:
        return tr("Creation date");
    case Versioning:
        return tr("Versioning");
    case Objects:
        return tr("Objects");
    case Size:
        return tr("Total size");
    default:
        return {};
    }
}

void BucketListModel::setBuckets(const QList<Core::S3::Bucket> &buckets)
{
    // Both lists are sorted by name: merge them row by row.
    qsizetype row = 0;
    qsizetype next = 0;
    while (row < m_buckets.size() || next < buckets.size()) {
        if (next >= buckets.size()
            || (row < m_buckets.size() && m_buckets.at(row).name < buckets.at(next).name)) {
            beginRemoveRows({}, int(row), int(row));
            m_buckets.removeAt(row);
            endRemoveRows();
        } else if (row >= m_buckets.size() || buckets.at(next).name < m_buckets.at(row).name) {
            beginInsertRows({}, int(row), int(row));
            m_buckets.insert(row, buckets.at(next));
            endInsertRows();
            ++row;
            ++next;
        } else {
            const Core::S3::Bucket &fresh = buckets.at(next);
            Core::S3::Bucket &current = m_buckets[row];
            if (fresh.region != current.region || fresh.versioning != current.versioning
                || fresh.objectCount != current.objectCount
                || fresh.totalBytes != current.totalBytes || fresh.createdMs != current.createdMs) {
                current = fresh;
                emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
            }
            ++row;
            ++next;
        }
    }
}

} // namespace Gui::S3
