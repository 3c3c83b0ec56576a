// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/bucket.h"

#include <QAbstractTableModel>

namespace Core::S3 {
class S3Service;
}

namespace Gui::S3 {

// Buckets shown in the Buckets pane: value snapshots, refreshed from S3Service::bucketsChanged
// (coalesced on the core side) with row-granular inserts, removals and dataChanged.
class BucketListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BucketListModel)

public:
    enum Column {
        Name,
        Region,
        CreatedAt,
        Versioning,
        Objects,
        Size,
        ColumnCount,
    };

    // service may be null (tests feed setBuckets directly).
    explicit BucketListModel(Core::S3::S3Service *service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setBuckets(const QList<Core::S3::Bucket> &buckets);
    const Core::S3::Bucket &bucket(int row) const { return m_buckets.at(row); }
    int rowOf(const QString &name) const;
    void refresh();

private:
    Core::S3::S3Service *m_service;
    QList<Core::S3::Bucket> m_buckets;
};

// "1.5 MiB" for the size columns.
QString formatBytes(qint64 bytes);

} // namespace Gui::S3
