// SPDX-License-Identifier: MIT
#include "core/lambda/zipwriter.h"

#include <zlib.h>

namespace Core::Lambda {

namespace {

void put16(QByteArray &out, quint16 value)
{
    out.append(char(value & 0xFF));
    out.append(char(value >> 8));
}

void put32(QByteArray &out, quint32 value)
{
    put16(out, quint16(value & 0xFFFF));
    put16(out, quint16(value >> 16));
}

QByteArray deflateRaw(const QByteArray &input)
{
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray output;
    output.resize(qsizetype(deflateBound(&stream, uLong(input.size()))));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    stream.avail_in = uInt(input.size());
    stream.next_out = reinterpret_cast<Bytef *>(output.data());
    stream.avail_out = uInt(output.size());
    deflate(&stream, Z_FINISH);
    output.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return output;
}

} // namespace

QByteArray ZipWriter::write(const QList<ZipReader::Entry> &entries)
{
    QByteArray out;
    QByteArray directory;
    for (const ZipReader::Entry &entry : entries) {
        const QByteArray name = entry.name.toUtf8();
        const QByteArray data = entry.isDirectory ? QByteArray() : deflateRaw(entry.data);
        const quint32 crc = quint32(crc32(crc32(0L, Z_NULL, 0),
            reinterpret_cast<const Bytef *>(entry.data.constData()),
            uInt(entry.data.size())));
        const quint32 offset = quint32(out.size());
        const quint16 method = entry.isDirectory ? 0 : 8;
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0x800);
        put16(out, method);
        put32(out, 0); // time, date
        put32(out, crc);
        put32(out, quint32(data.size()));
        put32(out, quint32(entry.data.size()));
        put16(out, quint16(name.size()));
        put16(out, 0);
        out.append(name);
        out.append(data);

        put32(directory, 0x02014b50);
        put16(directory, 0x031E); // made by Unix, version 3.0
        put16(directory, 20);
        put16(directory, 0x800);
        put16(directory, method);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, quint32(data.size()));
        put32(directory, quint32(entry.data.size()));
        put16(directory, quint16(name.size()));
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        const quint32 mode = entry.isDirectory ? 040755 : (entry.executable ? 0100755 : 0100644);
        put32(directory, mode << 16);
        put32(directory, offset);
        directory.append(name);
    }
    const quint32 directoryOffset = quint32(out.size());
    out.append(directory);
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(entries.size()));
    put16(out, quint16(entries.size()));
    put32(out, quint32(directory.size()));
    put32(out, directoryOffset);
    put16(out, 0);
    return out;
}

} // namespace Core::Lambda
