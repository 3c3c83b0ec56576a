// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/s3object.h"

#include <QAbstractTableModel>

namespace Core::S3 {
class S3Service;
}

namespace Gui::S3 {

// One "folder" level of a bucket as the S3 console shows it: common prefixes for the delimiter
// "/" first, then objects (or, with showVersions, every version and delete marker). Pages of
// PageSize rows arrive through canFetchMore()/fetchMore(), so 100k-object prefixes stay
// responsive. Reloads when S3Service::objectsChanged names the bucket.
class ObjectListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObjectListModel)

public:
    enum Column {
        Name,
        Type,
        LastModified,
        Size,
        StorageClass,
        VersionId,
        ColumnCount,
    };
    enum Role {
        KeyRole = Qt::UserRole,
        IsFolderRole,
        VersionIdRole,
        IsDeleteMarkerRole,
    };
    static constexpr int PageSize = 500;

    explicit ObjectListModel(Core::S3::S3Service *service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setLocation(const QString &bucket, const QString &prefix);
    void setFilter(const QString &text); // "Find objects by prefix" within the current folder
    void setShowVersions(bool show);
    const QString &bucket() const { return m_bucket; }
    const QString &prefix() const { return m_prefix; }
    bool showVersions() const { return m_showVersions; }
    bool isLoading() const { return m_loading; }
    void reload();

signals:
    void loaded();

private:
    struct Entry
    {
        bool folder = false;
        QString name; // relative to the prefix
        Core::S3::S3Object object;
    };
    void requestPage();
    void appendPage(quint64 generation,
        const QStringList &prefixes,
        const QList<Core::S3::S3Object> &objects,
        bool truncated,
        const QString &next,
        const QString &nextVersion);

    Core::S3::S3Service *m_service;
    QString m_bucket;
    QString m_prefix;
    QString m_filter;
    bool m_showVersions = false;
    QList<Entry> m_entries;
    bool m_truncated = false;
    bool m_loading = false;
    QString m_after;
    QString m_afterVersion;
    quint64 m_generation = 0;
};

} // namespace Gui::S3
