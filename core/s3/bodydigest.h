// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <cstdint>
#include <optional>

namespace Core::S3 {

// Incremental digests of an object body: always MD5 (the ETag), plus the one flexible checksum
// the client asked for (CRC32, CRC32C, CRC64NVME, SHA1, SHA256). Pure CPU, no I/O.
class BodyDigest final
{
public:
    // algorithm: "" or one of the names above (upper case); unknown names are rejected by
    // isSupportedAlgorithm() before construction.
    explicit BodyDigest(const QString &algorithm = {});

    void addData(QByteArrayView data);
    // The MD5 and size of the whole body are known already (hashed while it was received):
    // addData() then only feeds the flexible checksum, and must see the same bytes if it is
    // called at all.
    void setKnownMd5(const QByteArray &md5, qint64 size);
    bool needsData() const { return m_knownMd5.isEmpty() || !m_algorithm.isEmpty(); }
    qint64 size() const { return m_size; }
    QByteArray md5() const; // raw 16 bytes
    QString md5Hex() const;
    QString algorithm() const { return m_algorithm; }
    QString checksumBase64() const; // empty without an algorithm

    static bool isSupportedAlgorithm(const QString &algorithm);

private:
    QString m_algorithm;
    QCryptographicHash m_md5;
    std::optional<QCryptographicHash> m_sha;
    uint32_t m_crc = 0xFFFFFFFFu;
    const uint32_t *m_crcTable = nullptr;
    uint64_t m_crc64 = ~uint64_t(0);
    bool m_crc64Nvme = false;
    qint64 m_size = 0;
    QByteArray m_knownMd5;
};

uint32_t crc32(QByteArrayView data, uint32_t previous = 0);
uint32_t crc32c(QByteArrayView data, uint32_t previous = 0);
uint64_t crc64nvme(QByteArrayView data, uint64_t previous = 0);

} // namespace Core::S3
