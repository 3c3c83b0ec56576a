// SPDX-License-Identifier: MIT
#include "core/s3/bodydigest.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

using CrcTable = std::array<uint32_t, 256>;

constexpr CrcTable makeTable(uint32_t polynomial)
{
    CrcTable table{};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t value = i;
        for (int bit = 0; bit < 8; ++bit)
            value = (value & 1u) ? (value >> 1) ^ polynomial : value >> 1;
        table[i] = value;
    }
    return table;
}

constexpr CrcTable Crc32Table = makeTable(0xEDB88320u);
constexpr CrcTable Crc32cTable = makeTable(0x82F63B78u);

// CRC-64/NVME: reflected polynomial 0x9A6C9329AC4BC9B5, initial value and final XOR all ones.
using Crc64Table = std::array<uint64_t, 256>;
constexpr Crc64Table makeTable64()
{
    Crc64Table table{};
    for (uint64_t i = 0; i < 256; ++i) {
        uint64_t value = i;
        for (int bit = 0; bit < 8; ++bit)
            value = (value & 1u) ? (value >> 1) ^ 0x9A6C9329AC4BC9B5ull : value >> 1;
        table[i] = value;
    }
    return table;
}
constexpr Crc64Table Crc64NvmeTable = makeTable64();

uint64_t update64(uint64_t crc, QByteArrayView data)
{
    for (const char c : data)
        crc = Crc64NvmeTable[(crc ^ uint8_t(c)) & 0xFFu] ^ (crc >> 8);
    return crc;
}

uint32_t update(const uint32_t *table, uint32_t crc, QByteArrayView data)
{
    for (const char c : data)
        crc = table[(crc ^ uint8_t(c)) & 0xFFu] ^ (crc >> 8);
    return crc;
}

QByteArray bigEndian(uint64_t value, int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((value >> (8 * (size - 1 - i))) & 0xFFu);
    return bytes;
}

} // namespace

uint32_t crc32(QByteArrayView data, uint32_t previous)
{
    return ~update(Crc32Table.data(), ~previous, data);
}

uint32_t crc32c(QByteArrayView data, uint32_t previous)
{
    return ~update(Crc32cTable.data(), ~previous, data);
}

uint64_t crc64nvme(QByteArrayView data, uint64_t previous)
{
    return ~update64(~previous, data);
}

BodyDigest::BodyDigest(const QString &algorithm)
    : m_algorithm(algorithm.toUpper())
    , m_md5(QCryptographicHash::Md5)
{
    if (m_algorithm == u"SHA1"_s)
        m_sha.emplace(QCryptographicHash::Sha1);
    else if (m_algorithm == u"SHA256"_s)
        m_sha.emplace(QCryptographicHash::Sha256);
    else if (m_algorithm == u"CRC32"_s)
        m_crcTable = Crc32Table.data();
    else if (m_algorithm == u"CRC32C"_s)
        m_crcTable = Crc32cTable.data();
    else if (m_algorithm == u"CRC64NVME"_s)
        m_crc64Nvme = true;
    else
        m_algorithm.clear();
}

bool BodyDigest::isSupportedAlgorithm(const QString &algorithm)
{
    const QString upper = algorithm.toUpper();
    return upper == u"CRC32"_s || upper == u"CRC32C"_s || upper == u"CRC64NVME"_s
        || upper == u"SHA1"_s || upper == u"SHA256"_s;
}

void BodyDigest::addData(QByteArrayView data)
{
    if (m_knownMd5.isEmpty()) {
        m_size += data.size();
        m_md5.addData(data);
    }
    if (m_sha)
        m_sha->addData(data);
    if (m_crcTable)
        m_crc = update(m_crcTable, m_crc, data);
    if (m_crc64Nvme)
        m_crc64 = update64(m_crc64, data);
}

void BodyDigest::setKnownMd5(const QByteArray &md5, qint64 size)
{
    m_knownMd5 = md5;
    m_size = size;
}

QByteArray BodyDigest::md5() const
{
    return m_knownMd5.isEmpty() ? m_md5.result() : m_knownMd5;
}

QString BodyDigest::md5Hex() const
{
    return QString::fromLatin1(md5().toHex());
}

QString BodyDigest::checksumBase64() const
{
    if (m_sha)
        return QString::fromLatin1(m_sha->result().toBase64());
    if (m_crcTable)
        return QString::fromLatin1(bigEndian(~m_crc, 4).toBase64());
    if (m_crc64Nvme)
        return QString::fromLatin1(bigEndian(~m_crc64, 8).toBase64());
    return {};
}

} // namespace Core::S3
