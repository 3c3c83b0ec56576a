// SPDX-License-Identifier: MIT
#include "core/lambda/zipreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

constexpr quint32 EndOfCentralDirectory = 0x06054b50;
constexpr quint32 CentralHeader = 0x02014b50;
constexpr quint32 LocalHeader = 0x04034b50;
constexpr int EndRecordSize = 22;
constexpr int CentralHeaderSize = 46;
constexpr int LocalHeaderSize = 30;

quint16 le16(const QByteArray &data, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData() + at);
    return quint16(p[0] | (p[1] << 8));
}

quint32 le32(const QByteArray &data, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData() + at);
    return quint32(p[0]) | (quint32(p[1]) << 8) | (quint32(p[2]) << 16) | (quint32(p[3]) << 24);
}

std::expected<QByteArray, QString> inflateRaw(const QByteArray &input, qint64 expectedSize)
{
    QByteArray output;
    output.resize(expectedSize);
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return std::unexpected(u"zlib initialisation failed"_s);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    stream.avail_in = uInt(input.size());
    stream.next_out = reinterpret_cast<Bytef *>(output.data());
    stream.avail_out = uInt(output.size());
    const int status = inflate(&stream, Z_FINISH);
    const qint64 produced = qint64(stream.total_out);
    inflateEnd(&stream);
    if (status != Z_STREAM_END || produced != expectedSize)
        return std::unexpected(u"corrupt deflate data"_s);
    return output;
}

} // namespace

bool ZipReader::isSafeName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(u'/') || name.contains(u'\\') || name.contains(QChar(0)))
        return false;
    if (name.size() >= 2 && name.at(1) == u':')
        return false;
    const QStringList parts = name.split(u'/');
    for (const QString &part : parts) {
        if (part == u".."_s)
            return false;
    }
    return true;
}

std::expected<QList<ZipReader::Entry>, QString> ZipReader::read(const QByteArray &zip)
{
    if (zip.size() < EndRecordSize)
        return std::unexpected(u"too small to be a ZIP file"_s);
    // The end record is within the last 22 + 65535 bytes (comment).
    qsizetype end = -1;
    const qsizetype lowest = std::max<qsizetype>(0, zip.size() - EndRecordSize - 0xFFFF);
    for (qsizetype at = zip.size() - EndRecordSize; at >= lowest; --at) {
        if (le32(zip, at) == EndOfCentralDirectory) {
            end = at;
            break;
        }
    }
    if (end < 0)
        return std::unexpected(u"no end of central directory record"_s);
    const quint16 count = le16(zip, end + 10);
    const quint32 directorySize = le32(zip, end + 12);
    const quint32 directoryOffset = le32(zip, end + 16);
    if (count == 0xFFFF || directoryOffset == 0xFFFFFFFF)
        return std::unexpected(u"ZIP64 archives are not supported"_s);
    if (qint64(directoryOffset) + directorySize > end)
        return std::unexpected(u"central directory out of bounds"_s);

    QList<Entry> entries;
    qint64 unpacked = 0;
    qsizetype at = directoryOffset;
    for (int i = 0; i < count; ++i) {
        if (at + CentralHeaderSize > end || le32(zip, at) != CentralHeader)
            return std::unexpected(u"bad central directory header"_s);
        const quint16 flags = le16(zip, at + 8);
        const quint16 method = le16(zip, at + 10);
        const quint32 crc = le32(zip, at + 16);
        const quint32 compressedSize = le32(zip, at + 20);
        const quint32 size = le32(zip, at + 24);
        const quint16 nameLength = le16(zip, at + 28);
        const quint16 extraLength = le16(zip, at + 30);
        const quint16 commentLength = le16(zip, at + 32);
        const quint32 externalAttributes = le32(zip, at + 38);
        const quint32 localOffset = le32(zip, at + 42);
        if (at + CentralHeaderSize + nameLength > end)
            return std::unexpected(u"bad entry name"_s);
        Entry entry;
        const QByteArray rawName = zip.mid(at + CentralHeaderSize, nameLength);
        entry.name = (flags & 0x800) ? QString::fromUtf8(rawName) : QString::fromLatin1(rawName);
        at += CentralHeaderSize + nameLength + extraLength + commentLength;

        if (flags & 0x1)
            return std::unexpected(u"encrypted entry %1"_s.arg(entry.name));
        if (!isSafeName(entry.name))
            return std::unexpected(u"unsafe entry name %1"_s.arg(entry.name));
        entry.isDirectory = entry.name.endsWith(u'/');
        entry.executable = ((externalAttributes >> 16) & 0111) != 0;
        unpacked += size;
        if (unpacked > MaxUnpackedBytes)
            return std::unexpected(u"unzipped size exceeds 250 MB"_s);

        if (qint64(localOffset) + LocalHeaderSize > zip.size()
            || le32(zip, localOffset) != LocalHeader)
            return std::unexpected(u"bad local header for %1"_s.arg(entry.name));
        const qint64 dataStart = qint64(localOffset) + LocalHeaderSize + le16(zip, localOffset + 26)
            + le16(zip, localOffset + 28);
        if (dataStart + compressedSize > zip.size())
            return std::unexpected(u"entry %1 out of bounds"_s.arg(entry.name));
        const QByteArray compressed = zip.mid(dataStart, compressedSize);
        if (method == 0) {
            if (compressedSize != size)
                return std::unexpected(u"stored entry size mismatch"_s);
            entry.data = compressed;
        } else if (method == 8) {
            auto inflated = inflateRaw(compressed, size);
            if (!inflated)
                return std::unexpected(inflated.error() + u" in "_s + entry.name);
            entry.data = std::move(*inflated);
        } else {
            return std::unexpected(u"unsupported compression method %1"_s.arg(method));
        }
        const uLong actualCrc = crc32(crc32(0L, Z_NULL, 0),
            reinterpret_cast<const Bytef *>(entry.data.constData()),
            uInt(entry.data.size()));
        if (actualCrc != crc)
            return std::unexpected(u"CRC mismatch in %1"_s.arg(entry.name));
        entries.append(std::move(entry));
    }
    return entries;
}

std::expected<void, QString> ZipReader::extract(const QList<Entry> &entries, const QString &folder)
{
    QDir root(folder);
    if (!root.mkpath(u"."_s))
        return std::unexpected(u"cannot create %1"_s.arg(folder));
    const QString rootPath = QFileInfo(root.absolutePath()).canonicalFilePath();
    for (const Entry &entry : entries) {
        const QString path = root.absoluteFilePath(entry.name);
        if (entry.isDirectory) {
            root.mkpath(entry.name);
            continue;
        }
        const QString parent = QFileInfo(path).absolutePath();
        root.mkpath(parent);
        // A symlinked folder inside the target could still lead outside it.
        if (!QFileInfo(parent).canonicalFilePath().startsWith(rootPath))
            return std::unexpected(u"entry %1 escapes the target folder"_s.arg(entry.name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(entry.data) != entry.data.size())
            return std::unexpected(u"cannot write %1"_s.arg(path));
        QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        if (entry.executable)
            permissions |= QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        file.setPermissions(permissions);
    }
    return {};
}

} // namespace Core::Lambda
