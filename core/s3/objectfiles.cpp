// SPDX-License-Identifier: MIT
#include "core/s3/objectfiles.h"

#include "core/common/ids.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr auto StagingFolder = "staging";

} // namespace

ObjectFiles::ObjectFiles(QString directory)
    : m_directory(std::move(directory))
{
    QDir().mkpath(m_directory + u'/' + QLatin1StringView(StagingFolder));
}

QString ObjectFiles::createStaging(QFile &file) const
{
    const QString path =
        m_directory + u'/' + QLatin1StringView(StagingFolder) + u'/' + Ids::randomHex(32);
    file.setFileName(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return {};
    return path;
}

// Durability: no fsync. An acknowledged PUT survives a crash of the app (its bytes are in the
// kernel's page cache once write() returned, and the rename is done before the row commits),
// which is what the metadata gets too: SQLite runs WAL with synchronous=NORMAL (DESIGN.md), so
// a power loss or kernel crash may lose the last commits anyway. An fsync per object made every
// PutObject wait for the disk on the core thread (1 MiB puts: about 15 ms each, 60/s on a busy
// disk) for a guarantee the rows beside it do not have. What a power loss can leave (a renamed
// file whose data never reached the disk: missing or short) is caught at start-up by
// S3Service::recover(), which drops rows whose file is missing or not of the recorded size.
std::expected<QString, QString> ObjectFiles::commit(const QString &stagedPath) const
{
    const QString id = Ids::randomHex(32);
    const QString target = path(id);
    QDir().mkpath(QFileInfo(target).path());
    if (::rename(QFile::encodeName(stagedPath).constData(), QFile::encodeName(target).constData())
        != 0) {
        // Spooled uploads may sit on another file system: copy.
        if (!QFile::copy(stagedPath, target)) {
            QFile::remove(target);
            return std::unexpected(u"Cannot move %1 into the object store."_s.arg(stagedPath));
        }
        QFile::remove(stagedPath);
    }
    return id;
}

QString ObjectFiles::path(const QString &fileId) const
{
    return m_directory + u'/' + fileId.left(2) + u'/' + fileId;
}

void ObjectFiles::remove(const QString &fileId) const
{
    if (!fileId.isEmpty())
        QFile::remove(path(fileId));
}

int ObjectFiles::removeOrphans(const QSet<QString> &referenced) const
{
    int removed = 0;
    QDirIterator it(m_directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString filePath = it.next();
        const QFileInfo info = it.fileInfo();
        const bool staging = info.dir().dirName() == QLatin1StringView(StagingFolder);
        if (staging || !referenced.contains(info.fileName())) {
            QFile::remove(filePath);
            ++removed;
        }
    }
    return removed;
}

} // namespace Core::S3
