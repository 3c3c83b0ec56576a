// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Core::S3 {
class S3Service;
}

namespace Gui::S3 {

class BucketListModel;
class ObjectListModel;
class ObjectTransfer;

// The Buckets pane, modelled on the S3 console: the bucket list (create, empty, delete,
// properties) beside an object browser for the selected bucket (folders, breadcrumb, prefix
// filter, versions, upload by button or drag-and-drop with progress and cancel, download,
// delete, copy S3 URI, presigned URLs, details). Everything follows the service's signals.
class BucketsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BucketsPane)

public:
    explicit BucketsPane(Core::S3::S3Service *service, QWidget *parent = nullptr);

    void setEndpointUrl(const QString &url) { m_endpointUrl = url; }
    BucketListModel *bucketModel() const { return m_buckets; }
    ObjectListModel *objectModel() const { return m_objects; }
    QString currentBucket() const;
    void openBucket(const QString &bucket, const QString &prefix = {});
    // Uploads local files into the current folder (the drop target and the Upload button).
    void uploadFiles(const QStringList &paths);
    // Starts RestoreObject for an archived object of the open bucket (the Restore button, after
    // its dialog); the outcome shows in the status line.
    void restoreObject(const QString &key, int days, const QString &tier);
    QString statusText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createBucket();
    void deleteBucket();
    void emptyBucket();
    void showBucketProperties();
    void activateObject(const QModelIndex &index);
    void updateBreadcrumb();
    void updateActions();
    void createFolder();
    void chooseUploads();
    void downloadSelected();
    void deleteSelected();
    void copyS3Uri();
    void presignSelected();
    void restoreSelected();
    void showDetails();
    void startNextTransfer();
    QModelIndex selectedObject() const;
    void setStatus(const QString &text);

    Core::S3::S3Service *m_service;
    QString m_endpointUrl = QStringLiteral("http://127.0.0.1:4566");
    BucketListModel *m_buckets;
    QSortFilterProxyModel *m_bucketProxy;
    ObjectListModel *m_objects;
    QTableView *m_bucketView;
    QTableView *m_objectView;
    QLabel *m_breadcrumb;
    QLineEdit *m_filter;
    QCheckBox *m_showVersions;
    QPushButton *m_deleteBucket;
    QPushButton *m_emptyBucket;
    QPushButton *m_properties;
    QList<QPushButton *> m_objectActions;
    QPushButton *m_restore = nullptr; // archived objects only
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_status;
    QList<ObjectTransfer *> m_queue;
    ObjectTransfer *m_transfer = nullptr;
};

} // namespace Gui::S3
