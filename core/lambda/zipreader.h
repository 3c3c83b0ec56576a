// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <expected>

namespace Core::Lambda {

// A small, strict ZIP reader for deployment packages (Qt has no ZIP API): reads the central
// directory, supports stored and deflated entries (raw inflate with zlib), checks CRC-32 and
// sizes, and refuses entry names that would escape the target folder (absolute paths, "..").
// Pure functions, any thread.
class ZipReader final
{
public:
    struct Entry
    {
        QString name; // '/'-separated, relative
        QByteArray data;
        bool isDirectory = false;
        bool executable = false;
    };

    static constexpr qint64 MaxUnpackedBytes = 250LL * 1024 * 1024;

    // The entries, or a reason (for logs; the API reports AWS's generic message).
    static std::expected<QList<Entry>, QString> read(const QByteArray &zip);
    // Writes the entries under `folder` (created). Fails on I/O errors.
    static std::expected<void, QString> extract(const QList<Entry> &entries, const QString &folder);
    static bool isSafeName(const QString &name);
};

} // namespace Core::Lambda
