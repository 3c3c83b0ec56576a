// SPDX-License-Identifier: MIT
#include "ui/s3/objectlistmodel.h"

#include "core/common/async.h"
#include "core/s3/s3service.h"
#include "ui/s3/bucketlistmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QMimeDatabase>

using namespace Qt::StringLiterals;

namespace Gui::S3 {

namespace {

struct Page
{
    QStringList prefixes;
    QList<Core::S3::S3Object> objects;
    bool truncated = false;
    QString next;
    QString nextVersion;
};

} // namespace

ObjectListModel::ObjectListModel(Core::S3::S3Service *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    connect(
        m_service, &Core::S3::S3Service::objectsChanged, this, [this](const QStringList &buckets) {
            if (buckets.contains(m_bucket))
                reload();
        });
}

int ObjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ObjectListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ObjectListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const Core::S3::S3Object &object = entry.object;
    switch (role) {
    case KeyRole:
        return entry.folder ? m_prefix + entry.name : object.key;
    case IsFolderRole:
        return entry.folder;
    case VersionIdRole:
        return object.versionId;
    case IsDeleteMarkerRole:
        return object.deleteMarker;
    case Qt::TextAlignmentRole:
        return index.column() == Size ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                      : QVariant();
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Name:
        return entry.name;
    case Type:
        if (entry.folder)
            return tr("Folder");
        if (object.deleteMarker)
            return tr("Delete marker");
        return QMimeDatabase()
            .mimeTypeForFile(object.key, QMimeDatabase::MatchExtension)
            .preferredSuffix();
    case LastModified:
        return entry.folder ? QString()
                            : QLocale().toString(QDateTime::fromMSecsSinceEpoch(object.modifiedMs),
                                QLocale::ShortFormat);
    case Size:
        return entry.folder || object.deleteMarker ? QString() : formatBytes(object.size);
    case StorageClass:
        return entry.folder || object.deleteMarker ? QString() : object.headers.storageClass;
    case VersionId:
        if (entry.folder || !m_showVersions)
            return QString();
        return object.isLatest ? tr("%1 (current)").arg(object.versionId) : object.versionId;
    default:
        return {};
    }
}

QVariant ObjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case LastModified:
        return tr("Last modified");
    case Size:
        return tr("Size");
    case StorageClass:
        return tr("Storage class");
    case VersionId:
        return tr("Version ID");
    default:
        return {};
    }
}

bool ObjectListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_truncated && !m_loading;
}

void ObjectListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void ObjectListModel::setLocation(const QString &bucket, const QString &prefix)
{
    m_bucket = bucket;
    m_prefix = prefix;
    m_filter.clear();
    reload();
}

void ObjectListModel::setFilter(const QString &text)
{
    m_filter = text;
    reload();
}

void ObjectListModel::setShowVersions(bool show)
{
    m_showVersions = show;
    reload();
}

void ObjectListModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_entries.clear();
    m_truncated = false;
    m_after.clear();
    m_afterVersion.clear();
    endResetModel();
    m_loading = false;
    if (!m_bucket.isEmpty())
        requestPage();
}

void ObjectListModel::requestPage()
{
    m_loading = true;
    Core::S3::S3Service *service = m_service;
    const QString bucket = m_bucket;
    const QString prefix = m_prefix + m_filter;
    const QString after = m_after;
    const QString afterVersion = m_afterVersion;
    const bool versions = m_showVersions;
    const quint64 generation = m_generation;
    Core::callAsync(
        service,
        this,
        [=] {
            Page page;
            if (versions) {
                const auto result = service->listObjectVersions(
                    bucket, {prefix, u"/"_s, after, afterVersion, PageSize});
                if (result) {
                    page = {result->commonPrefixes,
                        result->versions,
                        result->truncated,
                        result->nextKeyMarker,
                        result->nextVersionIdMarker};
                }
            } else {
                const auto result = service->listObjects(bucket, {prefix, u"/"_s, after, PageSize});
                if (result)
                    page = {result->commonPrefixes,
                        result->contents,
                        result->truncated,
                        result->last,
                        {}};
            }
            return page;
        },
        [this, generation](const Page &page) {
            appendPage(generation,
                page.prefixes,
                page.objects,
                page.truncated,
                page.next,
                page.nextVersion);
        });
}

void ObjectListModel::appendPage(quint64 generation,
    const QStringList &prefixes,
    const QList<Core::S3::S3Object> &objects,
    bool truncated,
    const QString &next,
    const QString &nextVersion)
{
    if (generation != m_generation)
        return; // the location changed meanwhile
    m_loading = false;
    m_truncated = truncated;
    m_after = next;
    m_afterVersion = nextVersion;
    QList<Entry> added;
    for (const QString &prefix : prefixes)
        added.append({true, prefix.mid(m_prefix.size()), {}});
    for (const Core::S3::S3Object &object : objects)
        added.append({false, object.key.mid(m_prefix.size()), object});
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + added.size() - 1));
        m_entries += added;
        endInsertRows();
    }
    emit loaded();
}

} // namespace Gui::S3
