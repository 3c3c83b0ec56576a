// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace Core::S3 {
class S3Service;
}

namespace Gui::S3 {

// One upload from a local file into a bucket, or one download of an object to a local file.
// The bytes are copied on a pool thread (no database access there) with progress and cancel;
// an upload ends with PutObject on the core thread adopting the staged file without a copy.
class ObjectTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObjectTransfer)

public:
    enum class Direction {
        Upload,
        Download,
    };

    ObjectTransfer(Core::S3::S3Service *service,
        Direction direction,
        QString bucket,
        QString key,
        QString localPath,
        QObject *parent = nullptr);

    void start();
    void cancel();
    Direction direction() const { return m_direction; }
    const QString &key() const { return m_key; }

signals:
    void progressed(qint64 done, qint64 total);
    void finished(bool ok, const QString &message);

private:
    void copyDone(bool ok, const QString &message, qint64 size, const QString &md5Hex);

    Core::S3::S3Service *m_service;
    Direction m_direction;
    QString m_bucket;
    QString m_key;
    QString m_localPath;
    QString m_stagedFile;
    std::shared_ptr<std::atomic_bool> m_cancelled;
};

} // namespace Gui::S3
