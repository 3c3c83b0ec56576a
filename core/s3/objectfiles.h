// SPDX-License-Identifier: MIT
#pragma once

#include <QSet>
#include <QString>

#include <expected>

class QFile;

namespace Core::S3 {

// The object bytes kept as files under <state>/objects. Files are named by generated ids, never
// by keys (keys are data: "../../etc/passwd" is just a string), spread over 256 sub-folders.
// A body is written to a staging file and renamed into place, so a crash of the app leaves either
// the whole file or a staging leftover that start-up removes (no fsync: see commit() in the .cpp
// for why). Used on the core thread only.
class ObjectFiles final
{
public:
    explicit ObjectFiles(QString directory);

    const QString &directory() const { return m_directory; }
    // A new empty staging file, open for writing. Empty path on failure.
    QString createStaging(QFile &file) const;
    // Renames the (closed) staging or spooled file into place; returns its id.
    std::expected<QString, QString> commit(const QString &stagedPath) const;
    QString path(const QString &fileId) const;
    void remove(const QString &fileId) const;
    // Start-up: deletes staging leftovers and every file no row references.
    int removeOrphans(const QSet<QString> &referenced) const;

private:
    QString m_directory;
};

} // namespace Core::S3
