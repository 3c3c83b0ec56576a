// SPDX-License-Identifier: MIT
#include "core/s3/objectfiles.h"

#include "core/common/ids.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

constexpr auto StagingFolder = "staging";

bool syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

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

std::expected<QString, QString> ObjectFiles::commit(const QString &stagedPath) const
{
    if (!syncFile(stagedPath))
        return std::unexpected(u"Cannot sync %1."_s.arg(stagedPath));
    const QString id = Ids::randomHex(32);
    const QString target = path(id);
    QDir().mkpath(QFileInfo(target).path());
    if (::rename(QFile::encodeName(stagedPath).constData(), QFile::encodeName(target).constData())
        != 0) {
        // Spooled uploads may sit on another file system: copy, then sync the copy.
        if (!QFile::copy(stagedPath, target) || !syncFile(target)) {
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
