// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <span>

namespace Core::Md5 {

// MD5 (RFC 1321) for S3's ETags and Content-MD5 checks, where the upload path spends most of its
// CPU. One MD5 is a chain of dependent steps, so no CPU hashes one buffer faster than about
// 0.8 GB/s; but the steps of different buffers are independent, and a vector register holds one
// 32-bit word of each of 8 (AVX2) or 16 (AVX-512) buffers. Hashing the bodies that arrive
// together side by side in those lanes gives 4-8x the throughput of hashing them one by one.
// Thread-safe: no state but the batch in hashShared().

enum class Kernel {
    Scalar, // one buffer at a time, any CPU
    Avx2, // 8 lanes
    Avx512, // 16 lanes
};

// The widest kernel this CPU can run (Scalar off x86).
Kernel bestKernel();

// Whether this CPU can run `kernel`.
bool supported(Kernel kernel);

// The 16-byte digest of `data`, one block after the other.
QByteArray hash(QByteArrayView data);

// The digests of `inputs`, in their order, hashed side by side in `kernel`'s lanes (which must
// be supported). Inputs of any lengths may be mixed: a lane that finishes takes the next input.
QList<QByteArray> hashMany(std::span<const QByteArrayView> inputs, Kernel kernel = bestKernel());

// The digest of `data`, hashed together with whatever other threads ask for at the same moment
// (flat combining: the first caller hashes every pending buffer with hashMany() while the
// others wait for their digest). For the body workers of the HTTP server, where 16 uploads
// finishing at once are the common case under load. Small buffers are hashed at once.
QByteArray hashShared(QByteArrayView data);

} // namespace Core::Md5
