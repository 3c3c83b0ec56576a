// SPDX-License-Identifier: MIT
// Pins Core::Md5 against the RFC 1321 test suite and against Qt's MD5, for every kernel this CPU
// runs (the scalar one always; AVX2 and AVX-512 where present, skipped otherwise): lengths
// around the block and padding boundaries, batches of mixed lengths that make lanes finish and
// refill at different times, idle lanes, and hashShared() from many threads at once.
#include "core/common/md5.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using Core::Md5::Kernel;

Q_DECLARE_METATYPE(Core::Md5::Kernel)

namespace {

QByteArray qtMd5(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5);
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    return bytes;
}

void addKernelRows()
{
    QTest::addColumn<Kernel>("kernel");
    QTest::newRow("scalar") << Kernel::Scalar;
    QTest::newRow("avx2") << Kernel::Avx2;
    QTest::newRow("avx512") << Kernel::Avx512;
}

} // namespace

class tst_Md5 final : public QObject
{
    Q_OBJECT

private slots:
    void rfc1321_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hex");
        QTest::newRow("empty") << QByteArray() << "d41d8cd98f00b204e9800998ecf8427e"_ba;
        QTest::newRow("a") << "a"_ba
                           << "0cc175b9c0f1b6a831c399e269772661"_ba;
        QTest::newRow("abc") << "abc"_ba
                             << "900150983cd24fb0d6963f7d28e17f72"_ba;
        QTest::newRow("message digest") << "message digest"_ba
                                        << "f96b697d7cb7938d525a2f31aaf161d0"_ba;
        QTest::newRow("alphabet") << "abcdefghijklmnopqrstuvwxyz"_ba
                                  << "c3fcd3d76192e4007dfb496cca67e13b"_ba;
        QTest::newRow("alphanumerics")
            << "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_ba
            << "d174ab98d277d9f5a5611c2c9f419d9f"_ba;
        QTest::newRow("80 digits")
            << QByteArray("1234567890").repeated(8) << "57edf4a22be3c955ac49da2e2107b67a"_ba;
    }
    void rfc1321()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hex);
        QCOMPARE(Core::Md5::hash(input).toHex(), hex);
        QCOMPARE(Core::Md5::hashShared(input).toHex(), hex);
    }

    void boundaries()
    {
        // Every length from 0 to 300 crosses the 55/56/63/64-byte padding cases several times.
        for (qsizetype size = 0; size <= 300; ++size) {
            const QByteArray data = randomBytes(size, quint32(size));
            QCOMPARE(Core::Md5::hash(data), qtMd5(data));
        }
    }

    void batches_data() { addKernelRows(); }
    void batches()
    {
        QFETCH(Kernel, kernel);
        if (!Core::Md5::supported(kernel))
            QSKIP("This CPU does not run the kernel");
        // Batch sizes below, at and above the lane count; lengths that are equal (lanes finish
        // together), all different (each finishes alone and the lane takes the next input),
        // shorter than a block (no lane at all) and long (many blocks per kernel call).
        const QList<int> batchSizes = {1, 2, 3, 7, 8, 9, 16, 17, 40};
        for (int count : batchSizes) {
            for (int pattern = 0; pattern < 3; ++pattern) {
                QList<QByteArray> buffers;
                for (int i = 0; i < count; ++i) {
                    const qsizetype size = pattern == 0 ? 4096
                        : pattern == 1                  ? qsizetype(i) * 517 + 3
                                                        : qsizetype((i * 7919) % 70'000);
                    buffers.append(randomBytes(size, quint32(count * 1000 + pattern * 100 + i)));
                }
                std::vector<QByteArrayView> views(buffers.cbegin(), buffers.cend());
                const QList<QByteArray> digests = Core::Md5::hashMany(views, kernel);
                QCOMPARE(digests.size(), buffers.size());
                for (qsizetype i = 0; i < buffers.size(); ++i) {
                    QVERIFY2(digests[i] == qtMd5(buffers[i]),
                        qPrintable(u"batch of %1, pattern %2, input %3 (%4 bytes)"_s.arg(count)
                                       .arg(pattern)
                                       .arg(i)
                                       .arg(buffers[i].size())));
                }
            }
        }
    }

    void large_data() { addKernelRows(); }
    void large()
    {
        QFETCH(Kernel, kernel);
        if (!Core::Md5::supported(kernel))
            QSKIP("This CPU does not run the kernel");
        // 1 MiB uploads, as S3 sees them, with one odd length among them.
        QList<QByteArray> buffers;
        for (int i = 0; i < 18; ++i)
            buffers.append(randomBytes(1024 * 1024 + (i == 5 ? 77 : 0), quint32(i)));
        std::vector<QByteArrayView> views(buffers.cbegin(), buffers.cend());
        const QList<QByteArray> digests = Core::Md5::hashMany(views, kernel);
        for (qsizetype i = 0; i < buffers.size(); ++i)
            QCOMPARE(digests[i], qtMd5(buffers[i]));
    }

    void sharedFromManyThreads()
    {
        // Threads that ask at once are hashed in one batch; each must get its own digest back.
        constexpr int Threads = 12;
        QList<QByteArray> buffers;
        for (int i = 0; i < Threads; ++i)
            buffers.append(randomBytes(256 * 1024 + i * 64 + (i % 3), quint32(500 + i)));
        QList<QByteArray> digests(Threads);
        for (int round = 0; round < 5; ++round) {
            std::vector<std::thread> threads;
            for (int i = 0; i < Threads; ++i) {
                threads.emplace_back(
                    [&, i] { digests[i] = Core::Md5::hashShared(buffers[qsizetype(i)]); });
            }
            for (std::thread &thread : threads)
                thread.join();
            for (int i = 0; i < Threads; ++i)
                QCOMPARE(digests[i], qtMd5(buffers[i]));
        }
    }
};

QTEST_GUILESS_MAIN(tst_Md5)
#include "tst_md5.moc"
