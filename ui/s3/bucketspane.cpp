// SPDX-License-Identifier: MIT
#include "ui/s3/bucketspane.h"

#include "core/common/async.h"
#include "core/common/clock.h"
#include "core/s3/s3service.h"
#include "ui/common/pageheader.h"
#include "ui/s3/bucketlistmodel.h"
#include "ui/s3/bucketpropertiesdialog.h"
#include "ui/s3/createbucketdialog.h"
#include "ui/s3/objectdetailsdialog.h"
#include "ui/s3/objectlistmodel.h"
#include "ui/s3/objecttransfer.h"
#include "ui/s3/restoreobjectdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::S3 {

namespace {

QTableView *makeTable(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    return view;
}

} // namespace

BucketsPane::BucketsPane(Core::S3::S3Service *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_buckets(new BucketListModel(service, this))
    , m_bucketProxy(new QSortFilterProxyModel(this))
    , m_objects(new ObjectListModel(service, this))
    , m_bucketView(makeTable(this))
    , m_objectView(makeTable(this))
    , m_breadcrumb(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_showVersions(new QCheckBox(tr("Show versions"), this))
    , m_deleteBucket(new QPushButton(tr("Delete"), this))
    , m_emptyBucket(new QPushButton(tr("Empty"), this))
    , m_properties(new QPushButton(tr("Properties"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_status(new QLabel(this))
{
    m_bucketProxy->setSourceModel(m_buckets);
    m_bucketProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_bucketView->setModel(m_bucketProxy);
    m_bucketView->setSortingEnabled(true);
    m_bucketView->sortByColumn(BucketListModel::Name, Qt::AscendingOrder);
    m_objectView->setObjectName(u"objectView"_s);
    m_objectView->setModel(m_objects);
    m_bucketView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_bucketView->horizontalHeader()->setSectionResizeMode(
        BucketListModel::Name, QHeaderView::Stretch);
    m_bucketView->horizontalHeader()->setStretchLastSection(false);
    m_objectView->horizontalHeader()->setSectionResizeMode(
        ObjectListModel::Name, QHeaderView::Stretch);
    m_objectView->horizontalHeader()->setStretchLastSection(false);
    for (int column = ObjectListModel::Type; column < ObjectListModel::ColumnCount; ++column)
        m_objectView->setColumnWidth(column, 150);
    m_objectView->setColumnWidth(ObjectListModel::VersionId, 330);
    m_objectView->setColumnHidden(ObjectListModel::VersionId, true);
    m_objectView->viewport()->setAcceptDrops(true);
    m_objectView->viewport()->installEventFilter(this);

    auto *create = new QPushButton(tr("Create bucket"), this);
    create->setDefault(true);
    auto *bucketButtons = new QHBoxLayout;
    bucketButtons->addWidget(new QLabel(tr("<b>General purpose buckets</b>"), this));
    bucketButtons->addStretch();
    for (QPushButton *button : {m_properties, m_emptyBucket, m_deleteBucket, create})
        bucketButtons->addWidget(button);
    auto *bucketSide = new QWidget(this);
    auto *bucketLayout = new QVBoxLayout(bucketSide);
    bucketLayout->setContentsMargins(0, 0, 0, 0);
    bucketLayout->addLayout(bucketButtons);
    bucketLayout->addWidget(m_bucketView);

    m_breadcrumb->setTextFormat(Qt::RichText);
    m_filter->setPlaceholderText(tr("Find objects by prefix"));
    m_filter->setClearButtonEnabled(true);
    auto *objectButtons = new QHBoxLayout;
    const auto action = [this, objectButtons](const QString &text, auto slot, bool needsSelection) {
        auto *button = new QPushButton(text, this);
        connect(button, &QPushButton::clicked, this, slot);
        objectButtons->addWidget(button);
        if (needsSelection)
            m_objectActions.append(button);
        return button;
    };
    action(tr("Upload…"), &BucketsPane::chooseUploads, false);
    action(tr("Create folder"), &BucketsPane::createFolder, false);
    action(tr("Download…"), &BucketsPane::downloadSelected, true);
    action(tr("Delete"), &BucketsPane::deleteSelected, true);
    action(tr("Copy S3 URI"), &BucketsPane::copyS3Uri, true);
    action(tr("Presigned URL…"), &BucketsPane::presignSelected, true);
    m_restore = action(tr("Restore…"), &BucketsPane::restoreSelected, false);
    m_restore->setToolTip(tr("Restore an archived (GLACIER or DEEP_ARCHIVE) object"));
    action(tr("Details"), &BucketsPane::showDetails, true);
    objectButtons->addStretch();
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter);
    filterRow->addWidget(m_showVersions);
    auto *transferRow = new QHBoxLayout;
    transferRow->addWidget(m_status, 1);
    transferRow->addWidget(m_progress);
    transferRow->addWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();

    auto *objectSide = new QWidget(this);
    auto *objectLayout = new QVBoxLayout(objectSide);
    objectLayout->setContentsMargins(0, 0, 0, 0);
    objectLayout->addWidget(m_breadcrumb);
    objectLayout->addLayout(objectButtons);
    objectLayout->addLayout(filterRow);
    objectLayout->addWidget(m_objectView);
    objectLayout->addLayout(transferRow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(bucketSide);
    splitter->addWidget(objectSide);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({200, 560});
    auto *header = new PageHeader(tr("Buckets"),
        tr("Amazon S3 buckets and objects on this endpoint. Changes made with the CLI or an SDK "
           "appear here at once."),
        this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->addWidget(header);
    layout->addWidget(splitter, 1);

    connect(create, &QPushButton::clicked, this, &BucketsPane::createBucket);
    connect(m_deleteBucket, &QPushButton::clicked, this, &BucketsPane::deleteBucket);
    connect(m_emptyBucket, &QPushButton::clicked, this, &BucketsPane::emptyBucket);
    connect(m_properties, &QPushButton::clicked, this, &BucketsPane::showBucketProperties);
    connect(m_bucketView->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                openBucket(current.data(Qt::UserRole).toString());
            updateActions();
        });
    connect(m_objectView, &QTableView::activated, this, &BucketsPane::activateObject);
    connect(m_objectView->selectionModel(),
        &QItemSelectionModel::selectionChanged,
        this,
        &BucketsPane::updateActions);
    connect(m_objects, &QAbstractItemModel::modelReset, this, &BucketsPane::updateActions);
    connect(m_breadcrumb, &QLabel::linkActivated, this, [this](const QString &prefix) {
        openBucket(m_objects->bucket(), prefix == u"/"_s ? QString() : prefix);
    });
    connect(m_filter, &QLineEdit::textChanged, m_objects, &ObjectListModel::setFilter);
    connect(m_showVersions, &QCheckBox::toggled, this, [this](bool show) {
        m_objectView->setColumnHidden(ObjectListModel::VersionId, !show);
        m_objects->setShowVersions(show);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        for (ObjectTransfer *queued : std::as_const(m_queue))
            queued->deleteLater();
        m_queue.clear();
        if (m_transfer)
            m_transfer->cancel();
    });
    updateBreadcrumb();
    updateActions();
}

QString BucketsPane::currentBucket() const
{
    return m_objects->bucket();
}

void BucketsPane::openBucket(const QString &bucket, const QString &prefix)
{
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    m_objects->setLocation(bucket, prefix);
    updateBreadcrumb();
    updateActions();
}

void BucketsPane::updateBreadcrumb()
{
    const QString bucket = m_objects->bucket();
    if (bucket.isEmpty()) {
        m_breadcrumb->setText(tr("Select a bucket to browse its objects."));
        return;
    }
    QString html = u"<a href=\"/\">%1</a>"_s.arg(bucket.toHtmlEscaped());
    QString path;
    for (const QString &part : m_objects->prefix().split(u'/', Qt::SkipEmptyParts)) {
        path += part + u'/';
        html += u" / <a href=\"%1\">%2</a>"_s.arg(path.toHtmlEscaped(), part.toHtmlEscaped());
    }
    m_breadcrumb->setText(html);
}

void BucketsPane::updateActions()
{
    const bool hasBucket = m_bucketView->currentIndex().isValid();
    for (QPushButton *button : {m_deleteBucket, m_emptyBucket, m_properties})
        button->setEnabled(hasBucket);
    const QModelIndex object = selectedObject();
    const bool isObject = object.isValid() && !object.data(ObjectListModel::IsFolderRole).toBool();
    for (QPushButton *button : std::as_const(m_objectActions))
        button->setEnabled(isObject);
    const QString storageClass = isObject
        ? object.siblingAtColumn(ObjectListModel::StorageClass).data().toString()
        : QString();
    m_restore->setEnabled(isObject && Core::S3::S3Service::isArchived(storageClass));
}

QModelIndex BucketsPane::selectedObject() const
{
    const QModelIndexList rows = m_objectView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QModelIndex() : rows.first();
}

void BucketsPane::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString BucketsPane::statusText() const
{
    return m_status->text();
}

void BucketsPane::createBucket()
{
    CreateBucketDialog dialog(m_service->region(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Core::S3::S3Service *service = m_service;
    const QString name = dialog.bucketName();
    const QString region = dialog.region();
    const bool versioning = dialog.versioning();
    Core::callAsync(
        service,
        this,
        [service, name, region, versioning] {
            const auto created = service->createBucket(name, region);
            if (created && versioning)
                service->putBucketVersioning(name, Core::S3::Versioning::Enabled);
            return created ? QString() : created.error().code + u": "_s + created.error().message;
        },
        [this, name](const QString &error) {
            if (!error.isEmpty()) {
                QMessageBox::warning(this, tr("Create bucket"), error);
                return;
            }
            setStatus(tr("Created bucket %1.").arg(name));
            m_buckets->refresh();
        });
}

void BucketsPane::emptyBucket()
{
    const QString bucket = m_bucketView->currentIndex().data(Qt::UserRole).toString();
    if (bucket.isEmpty())
        return;
    bool ok = false;
    const QString typed = QInputDialog::getText(this,
        tr("Empty bucket"),
        tr("Emptying the bucket deletes all objects, versions and delete markers in %1 and "
           "cannot be undone.\nType \"permanently delete\" to confirm.")
            .arg(bucket),
        QLineEdit::Normal,
        {},
        &ok);
    if (!ok || typed != tr("permanently delete"))
        return;
    Core::S3::S3Service *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, bucket] { return service->emptyBucket(bucket); },
        [this, bucket](const Core::Result<int> &kept) {
            if (!kept)
                setStatus(kept.error().message);
            else if (*kept > 0)
                setStatus(tr("Emptied bucket %1 except %n object version(s) under Object Lock "
                             "(retention or legal hold), which cannot be deleted yet.",
                    nullptr,
                    *kept)
                              .arg(bucket));
            else
                setStatus(tr("Emptied bucket %1.").arg(bucket));
        });
}

void BucketsPane::deleteBucket()
{
    const QModelIndex current = m_bucketView->currentIndex();
    const QString bucket = current.data(Qt::UserRole).toString();
    if (bucket.isEmpty())
        return;
    const int row = m_buckets->rowOf(bucket);
    if (row >= 0 && m_buckets->bucket(row).objectCount > 0) {
        // AWS refuses to delete a non-empty bucket (BucketNotEmpty): offer emptying it first.
        const auto answer = QMessageBox::question(this,
            tr("Delete bucket"),
            tr("The bucket %1 is not empty. AWS only deletes empty buckets.\nEmpty it first?")
                .arg(bucket));
        if (answer == QMessageBox::Yes)
            emptyBucket();
        return;
    }
    if (QMessageBox::question(this, tr("Delete bucket"), tr("Delete the bucket %1?").arg(bucket))
        != QMessageBox::Yes)
        return;
    Core::S3::S3Service *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, bucket] { return service->deleteBucket(bucket); },
        [this, bucket](const Core::Status &status) {
            if (!status) {
                QMessageBox::warning(this,
                    tr("Delete bucket"),
                    status.error().code + u": "_s + status.error().message);
                return;
            }
            if (m_objects->bucket() == bucket)
                openBucket({});
            setStatus(tr("Deleted bucket %1.").arg(bucket));
        });
}

void BucketsPane::showBucketProperties()
{
    const QString bucket = m_bucketView->currentIndex().data(Qt::UserRole).toString();
    if (!bucket.isEmpty())
        BucketPropertiesDialog(m_service, bucket, m_endpointUrl, this).exec();
}

void BucketsPane::activateObject(const QModelIndex &index)
{
    if (index.data(ObjectListModel::IsFolderRole).toBool())
        openBucket(m_objects->bucket(), index.data(ObjectListModel::KeyRole).toString());
    else
        showDetails();
}

void BucketsPane::createFolder()
{
    if (m_objects->bucket().isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Create folder"), tr("Folder name"), QLineEdit::Normal, {}, &ok)
                             .trimmed();
    if (!ok || name.isEmpty() || name.contains(u'/'))
        return;
    // S3-05: a folder is a zero-byte object whose key ends in "/".
    Core::S3::S3Service *service = m_service;
    const QString bucket = m_objects->bucket();
    const QString key = m_objects->prefix() + name + u'/';
    Core::callAsync(
        service,
        this,
        [service, bucket, key] {
            Core::S3::ObjectBody body;
            body.md5Hex = u"d41d8cd98f00b204e9800998ecf8427e"_s;
            Core::S3::ObjectHeaders headers;
            headers.contentType = u"application/x-directory"_s;
            return service->putObject(bucket, key, headers, {}, body);
        },
        [this, key](const Core::Result<Core::S3::S3Object> &result) {
            setStatus(result ? tr("Created folder %1.").arg(key) : result.error().message);
        });
}

void BucketsPane::chooseUploads()
{
    if (m_objects->bucket().isEmpty())
        return;
    uploadFiles(QFileDialog::getOpenFileNames(this, tr("Upload files")));
}

void BucketsPane::uploadFiles(const QStringList &paths)
{
    if (m_objects->bucket().isEmpty())
        return;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile())
            continue;
        m_queue.append(new ObjectTransfer(m_service,
            ObjectTransfer::Direction::Upload,
            m_objects->bucket(),
            m_objects->prefix() + info.fileName(),
            path,
            this));
    }
    startNextTransfer();
}

void BucketsPane::startNextTransfer()
{
    if (m_transfer)
        return;
    if (m_queue.isEmpty()) {
        m_progress->hide();
        m_cancel->hide();
        return;
    }
    m_transfer = m_queue.takeFirst();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    const bool upload = m_transfer->direction() == ObjectTransfer::Direction::Upload;
    setStatus((upload ? tr("Uploading %1…") : tr("Downloading %1…")).arg(m_transfer->key()));
    connect(m_transfer, &ObjectTransfer::progressed, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 1000);
    });
    connect(m_transfer,
        &ObjectTransfer::finished,
        this,
        [this, upload](bool ok, const QString &message) {
            const QString key = m_transfer->key();
            m_transfer->deleteLater();
            m_transfer = nullptr;
            if (ok)
                setStatus((upload ? tr("Uploaded %1.") : tr("Downloaded %1.")).arg(key));
            else
                setStatus(tr("%1: %2").arg(key, message));
            startNextTransfer();
        });
    m_transfer->start();
}

bool BucketsPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_objectView->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDropEvent *>(event);
            if (drag->mimeData()->hasUrls() && !m_objects->bucket().isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            QStringList paths;
            for (const QUrl &url : drop->mimeData()->urls()) {
                if (url.isLocalFile())
                    paths.append(url.toLocalFile());
            }
            uploadFiles(paths);
            drop->acceptProposedAction();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void BucketsPane::downloadSelected()
{
    const QModelIndex index = selectedObject();
    if (!index.isValid())
        return;
    const QString key = index.data(ObjectListModel::KeyRole).toString();
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Download object"), QDir::home().filePath(key.section(u'/', -1)));
    if (target.isEmpty())
        return;
    m_queue.append(new ObjectTransfer(
        m_service, ObjectTransfer::Direction::Download, m_objects->bucket(), key, target, this));
    startNextTransfer();
}

void BucketsPane::deleteSelected()
{
    const QModelIndex index = selectedObject();
    if (!index.isValid())
        return;
    const QString key = index.data(ObjectListModel::KeyRole).toString();
    // With versions shown the selected version is removed for good; otherwise S3 decides
    // (a delete marker in a versioned bucket).
    const QString versionId = m_objects->showVersions()
        ? index.data(ObjectListModel::VersionIdRole).toString()
        : QString();
    const QString question = versionId.isEmpty()
        ? tr("Delete %1?").arg(key)
        : tr("Permanently delete version %1 of %2?").arg(versionId, key);
    if (QMessageBox::question(this, tr("Delete object"), question) != QMessageBox::Yes)
        return;
    Core::S3::S3Service *service = m_service;
    const QString bucket = m_objects->bucket();
    Core::callAsync(
        service,
        this,
        [service, bucket, key, versionId] { return service->deleteObject(bucket, key, versionId); },
        [this, key](const Core::Result<Core::S3::DeleteResult> &result) {
            if (!result)
                setStatus(result.error().message);
            else if (result->deleteMarker)
                setStatus(tr("Deleted %1 (a delete marker was added).").arg(key));
            else
                setStatus(tr("Deleted %1.").arg(key));
        });
}

void BucketsPane::copyS3Uri()
{
    const QModelIndex index = selectedObject();
    if (!index.isValid())
        return;
    const QString uri =
        u"s3://%1/%2"_s.arg(m_objects->bucket(), index.data(ObjectListModel::KeyRole).toString());
    QApplication::clipboard()->setText(uri);
    setStatus(tr("Copied %1.").arg(uri));
}

void BucketsPane::presignSelected()
{
    const QModelIndex index = selectedObject();
    if (!index.isValid())
        return;
    bool ok = false;
    const int seconds = QInputDialog::getInt(this,
        tr("Presigned URL"),
        tr("Expires in (seconds, at most 7 days):"),
        3600,
        1,
        604800,
        60,
        &ok);
    if (!ok)
        return;
    Core::S3::S3Service *service = m_service;
    const QString endpoint = m_endpointUrl;
    const QString bucket = m_objects->bucket();
    const QString key = index.data(ObjectListModel::KeyRole).toString();
    Core::callAsync(
        service,
        this,
        [service, endpoint, bucket, key, seconds] {
            return service->presignedGetUrl(endpoint, bucket, key, seconds);
        },
        [this](const QString &url) {
            QApplication::clipboard()->setText(url);
            setStatus(tr("Copied a presigned URL to the clipboard."));
            QInputDialog::getText(
                this, tr("Presigned URL"), tr("Copied to the clipboard:"), QLineEdit::Normal, url);
        });
}

void BucketsPane::restoreSelected()
{
    const QModelIndex index = selectedObject();
    if (!index.isValid())
        return;
    const QString key = index.data(ObjectListModel::KeyRole).toString();
    RestoreObjectDialog dialog(
        key, index.siblingAtColumn(ObjectListModel::StorageClass).data().toString(), this);
    if (dialog.exec() == QDialog::Accepted)
        restoreObject(key, dialog.days(), dialog.tier());
}

void BucketsPane::restoreObject(const QString &key, int days, const QString &tier)
{
    Core::S3::S3Service *service = m_service;
    const QString bucket = m_objects->bucket();
    Core::callAsync(
        service,
        this,
        [service, bucket, key, days, tier]() -> Core::Result<Core::S3::S3Object> {
            if (auto started = service->restoreObject(bucket, key, {}, days, tier); !started)
                return std::unexpected(started.error());
            return service->getObject(bucket, key);
        },
        [this, key](const Core::Result<Core::S3::S3Object> &object) {
            if (!object) {
                setStatus(tr("Cannot restore %1: %2").arg(key, object.error().message));
                return;
            }
            const QLocale locale;
            const auto when = [&locale](qint64 ms) {
                return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
            };
            if (object->headers.restoreReadyMs > m_service->clock()->nowMs())
                setStatus(tr("Restoring %1: readable from %2 until %3.")
                              .arg(key,
                                  when(object->headers.restoreReadyMs),
                                  when(object->headers.restoreExpiryMs)));
            else
                setStatus(tr("%1 is restored: readable until %2.")
                              .arg(key, when(object->headers.restoreExpiryMs)));
        });
}

void BucketsPane::showDetails()
{
    const QModelIndex index = selectedObject();
    if (!index.isValid() || index.data(ObjectListModel::IsFolderRole).toBool())
        return;
    const QString versionId = m_objects->showVersions()
        ? index.data(ObjectListModel::VersionIdRole).toString()
        : QString();
    ObjectDetailsDialog(m_service,
        m_objects->bucket(),
        index.data(ObjectListModel::KeyRole).toString(),
        versionId,
        this)
        .exec();
}

} // namespace Gui::S3
