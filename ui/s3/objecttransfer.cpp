// SPDX-License-Identifier: MIT
#include "ui/s3/objecttransfer.h"

#include "core/common/async.h"
#include "core/s3/s3service.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QPointer>
#include <QThreadPool>

namespace Gui::S3 {

namespace {

constexpr qint64 Chunk = 1024 * 1024;
constexpr qint64 ProgressStep = 4 * Chunk;

} // namespace

ObjectTransfer::ObjectTransfer(Core::S3::S3Service *service,
    Direction direction,
    QString bucket,
    QString key,
    QString localPath,
    QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_direction(direction)
    , m_bucket(std::move(bucket))
    , m_key(std::move(key))
    , m_localPath(std::move(localPath))
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{}

void ObjectTransfer::cancel()
{
    m_cancelled->store(true);
}

void ObjectTransfer::start()
{
    const auto copy = [this](const QString &from, const QString &to) {
        QPointer<ObjectTransfer> self(this);
        auto cancelled = m_cancelled;
        QThreadPool::globalInstance()->start([self, cancelled, from, to] {
            QFile source(from);
            QFile target(to);
            QCryptographicHash md5(QCryptographicHash::Md5);
            const auto report =
                [self](bool ok, const QString &message, qint64 size, const QString &hex) {
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, ok, message, size, hex] {
                            if (self)
                                self->copyDone(ok, message, size, hex);
                        },
                        Qt::QueuedConnection);
                };
            if (!source.open(QIODevice::ReadOnly) || !target.open(QIODevice::WriteOnly)) {
                report(false, tr("Cannot open %1.").arg(source.isOpen() ? to : from), 0, {});
                return;
            }
            const qint64 total = source.size();
            qint64 done = 0;
            qint64 lastReport = 0;
            while (!source.atEnd()) {
                if (cancelled->load()) {
                    target.remove();
                    report(false, tr("Cancelled."), 0, {});
                    return;
                }
                const QByteArray chunk = source.read(Chunk);
                if (chunk.isEmpty() || target.write(chunk) != chunk.size()) {
                    target.remove();
                    report(false, tr("Cannot copy %1.").arg(from), 0, {});
                    return;
                }
                md5.addData(chunk);
                done += chunk.size();
                if (done - lastReport >= ProgressStep) {
                    lastReport = done;
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, done, total] {
                            if (self)
                                emit self->progressed(done, total);
                        },
                        Qt::QueuedConnection);
                }
            }
            target.close();
            report(true, {}, done, QString::fromLatin1(md5.result().toHex()));
        });
    };

    if (m_direction == Direction::Upload) {
        Core::S3::S3Service *service = m_service;
        Core::callAsync(
            service,
            this,
            [service] { return service->newStagingFile(); },
            [this, copy](const QString &staged) {
                m_stagedFile = staged;
                if (staged.isEmpty()) {
                    emit finished(false, tr("Cannot create a staging file."));
                    return;
                }
                copy(m_localPath, staged);
            });
        return;
    }
    Core::S3::S3Service *service = m_service;
    const QString bucket = m_bucket;
    const QString key = m_key;
    Core::callAsync(
        service,
        this,
        [service, bucket, key]() -> Core::Result<Core::S3::S3Object> {
            auto object = service->getObject(bucket, key);
            // An archived object without a restored copy cannot be read, as with GetObject.
            if (object) {
                if (auto readable = service->checkReadable(*object); !readable)
                    return std::unexpected(readable.error());
            }
            return object;
        },
        [this, copy](const Core::Result<Core::S3::S3Object> &object) {
            if (!object) {
                emit finished(false, object.error().message);
                return;
            }
            if (object->filePath.isEmpty()) {
                QFile target(m_localPath);
                const bool ok = target.open(QIODevice::WriteOnly)
                    && target.write(object->inlineData) == object->inlineData.size();
                emit progressed(object->size, object->size);
                emit finished(ok, ok ? QString() : tr("Cannot write %1.").arg(m_localPath));
                return;
            }
            copy(object->filePath, m_localPath);
        });
}

void ObjectTransfer::copyDone(bool ok, const QString &message, qint64 size, const QString &md5Hex)
{
    if (!ok || m_direction == Direction::Download) {
        if (!ok && !m_stagedFile.isEmpty())
            QFile::remove(m_stagedFile);
        if (ok)
            emit progressed(size, size);
        emit finished(ok, message);
        return;
    }
    Core::S3::ObjectBody body;
    body.stagedFile = m_stagedFile;
    body.size = size;
    body.md5Hex = md5Hex;
    Core::S3::ObjectHeaders headers;
    headers.contentType = QMimeDatabase().mimeTypeForFile(m_localPath).name();
    Core::S3::S3Service *service = m_service;
    const QString bucket = m_bucket;
    const QString key = m_key;
    Core::callAsync(
        service,
        this,
        [service, bucket, key, headers, body] {
            return service->putObject(bucket, key, headers, {}, body);
        },
        [this, size](const Core::Result<Core::S3::S3Object> &result) {
            emit progressed(size, size);
            emit finished(result.has_value(), result ? QString() : result.error().message);
        });
}

} // namespace Gui::S3
