// SPDX-License-Identifier: MIT
// LambdaService: deployment packages (storing, reading from S3, UpdateFunctionCode, the console's
// inline editor and the Code.Location download).
#include "core/lambda/lambdaservice.h"

#include "core/common/clock.h"
#include "core/common/coalescer.h"
#include "core/common/ids.h"
#include "core/common/logging.h"
#include "core/lambda/environmentpool.h"
#include "core/lambda/lambdaerrors.h"
#include "core/lambda/lambdastore.h"
#include "core/lambda/runtimes.h"
#include "core/lambda/zipreader.h"
#include "core/lambda/zipwriter.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

constexpr qint64 MaxZipBytes = 50LL * 1024 * 1024;

} // namespace

Result<QByteArray> LambdaService::functionCode(
    const QString &function, const QString &version) const
{
    const auto config = getFunctionConfiguration(function, version);
    if (!config)
        return std::unexpected(config.error());
    QFile archive(codeDirectory(config->functionName, config->version) + u".zip"_s);
    if (!archive.open(QIODevice::ReadOnly))
        return std::unexpected(
            CommonErrors::internalFailure(u"Could not read the function code."_s));
    return archive.readAll();
}

Result<std::pair<QString, qint64>> LambdaService::storeCode(
    const QString &name, const QString &version, const QByteArray &zip, bool fromS3)
{
    // The 50 MB limit is the API request's; a package in S3 is bounded by its unzipped size.
    if (!fromS3 && zip.size() > MaxZipBytes)
        return std::unexpected(Errors::tooLarge(69905067, u"CreateFunction"_s));
    const auto entries = ZipReader::read(zip);
    if (!entries)
        return std::unexpected(Errors::invalidParameter(
            u"Could not unzip uploaded file. Please check your file, then try to upload again."_s));
    qint64 unzipped = 0;
    for (const ZipReader::Entry &entry : *entries)
        unzipped += entry.data.size();
    if (unzipped >= ZipReader::MaxUnpackedBytes)
        return std::unexpected(Errors::invalidParameter(
            u"Unzipped size must be smaller than %1 bytes"_s.arg(ZipReader::MaxUnpackedBytes)));
    const QString target = codeDirectory(name, version);
    const QString staging = target + u".new"_s;
    // Nothing of a package that fails is left behind, and the function's folder goes too when
    // the package was its first (rmdir removes only an empty folder).
    const auto discardStaging = [&staging] {
        QDir(staging).removeRecursively();
        QDir().rmdir(QFileInfo(staging).absolutePath());
    };
    QDir(staging).removeRecursively();
    // Entries that pass read() may still conflict on disk (index.py and index.py/x, or a folder
    // d/ and a file d): AWS cannot unzip such a package either.
    if (const auto extracted = ZipReader::extract(*entries, staging); !extracted) {
        qCInfo(lcCore) << "Lambda: could not unpack the package of" << name << extracted.error();
        discardStaging();
        return std::unexpected(Errors::invalidParameter(
            u"Could not unzip uploaded file. Please check your file, then try to upload again."_s));
    }
    // The previous package stays until the new one is in place: a failure here leaves the
    // function with its old code, never without any. The zip is replaced atomically, last.
    const QString previous = target + u".old"_s;
    QDir(previous).removeRecursively();
    const bool hadPrevious = QFileInfo::exists(target);
    QSaveFile archive(target + u".zip"_s);
    bool stored = archive.open(QIODevice::WriteOnly) && archive.write(zip) == zip.size();
    stored = stored && (!hadPrevious || QDir().rename(target, previous));
    stored = stored && QDir().rename(staging, target);
    if (!stored || !archive.commit()) {
        if (QFileInfo::exists(previous)) {
            QDir(target).removeRecursively();
            QDir().rename(previous, target);
        }
        archive.cancelWriting();
        discardStaging();
        return std::unexpected(
            CommonErrors::internalFailure(u"Could not store the function code."_s));
    }
    QDir(previous).removeRecursively();
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(zip, QCryptographicHash::Sha256).toBase64());
    return std::pair{sha, qint64(zip.size())};
}

Result<QByteArray> LambdaService::fetchS3Code(const S3CodeLocation &location) const
{
    if (location.bucket.isEmpty() || location.key.isEmpty())
        return std::unexpected(
            Errors::invalidParameter(u"Please provide a source for function code."_s));
    if (!m_codeSource)
        return std::unexpected(Errors::invalidParameter(
            u"Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The "
            u"specified bucket does not exist"_s));
    auto zip = m_codeSource->fetch(location, m_region);
    if (!zip)
        return std::unexpected(Errors::invalidParameter(
            u"Error occurred while GetObject. S3 Error Code: %1. S3 Error Message: %2"_s.arg(
                zip.error().code, zip.error().message)));
    return zip;
}

Result<FunctionConfiguration> LambdaService::updateFunctionCode(
    const QString &function, const QByteArray &zipFile, bool publish, const QString &revisionId)
{
    if (zipFile.isEmpty())
        return replaceCode(function,
            std::unexpected(
                Errors::invalidParameter(u"Please provide a source for function code."_s)),
            false,
            publish,
            revisionId);
    return replaceCode(function, zipFile, false, publish, revisionId);
}

Result<FunctionConfiguration> LambdaService::updateFunctionCode(
    const QString &function, const S3CodeLocation &s3Code, bool publish, const QString &revisionId)
{
    // The function is checked before S3 is read: a missing function is a 404 either way.
    if (const auto name = latestOnlyName(function); !name || !m_store->functionExists(*name))
        return replaceCode(function, QByteArray(), false, publish, revisionId);
    return replaceCode(function, fetchS3Code(s3Code), true, publish, revisionId);
}

Result<FunctionConfiguration> LambdaService::replaceCode(const QString &function,
    const Result<QByteArray> &zipFile,
    bool fromS3,
    bool publish,
    const QString &revisionId)
{
    const auto name = latestOnlyName(function);
    if (!name)
        return std::unexpected(name.error());
    auto config = latestOf(*name);
    if (!config)
        return config;
    if (!revisionId.isEmpty() && revisionId != config->revisionId)
        return std::unexpected(Errors::preconditionFailed());
    if (!zipFile)
        return std::unexpected(zipFile.error());
    const auto code = storeCode(*name, u"$LATEST"_s, *zipFile, fromS3);
    if (!code)
        return std::unexpected(code.error());
    config->codeSha256 = code->first;
    config->codeSize = code->second;
    config->lastModifiedMs = m_clock->nowMs();
    config->revisionId = Ids::requestId();
    Storage::SqlTransaction transaction(m_database.connection());
    m_store->putVersion(*config);
    transaction.commit();
    m_pool->discard(*name);
    m_changes->touch();
    if (publish)
        return publishVersion(*name, {}, {});
    return config;
}

QByteArray LambdaService::packageSource(const QString &fileName, const QByteArray &source)
{
    return ZipWriter::write({{fileName, source, false, false}});
}

Result<std::pair<QString, QByteArray>> LambdaService::handlerSource(const QString &function) const
{
    const auto config = getFunctionConfiguration(function, {});
    if (!config)
        return std::unexpected(config.error());
    const auto runtime = runtimeInfo(config->runtime);
    const RuntimeKind kind = runtime ? runtime->kind : RuntimeKind::Unsupported;
    const auto location = parseHandler(config->handler, kind);
    if (!location)
        return std::unexpected(Errors::invalidParameter(u"Bad handler "_s + config->handler));
    const QStringList extensions = kind == RuntimeKind::Node
        ? QStringList{u".js"_s, u".mjs"_s, u".cjs"_s}
        : QStringList{u".py"_s};
    const QDir root(codeDirectory(config->functionName, u"$LATEST"_s));
    for (const QString &extension : extensions) {
        QFile file(root.filePath(location->module + extension));
        if (file.open(QIODevice::ReadOnly))
            return std::pair{location->module + extension, file.readAll()};
    }
    return std::pair{location->module + extensions.first(), QByteArray()};
}

Result<FunctionConfiguration> LambdaService::updateHandlerSource(
    const QString &function, const QString &fileName, const QByteArray &source)
{
    const auto config = getFunctionConfiguration(function, {});
    if (!config)
        return std::unexpected(config.error());
    if (!ZipReader::isSafeName(fileName))
        return std::unexpected(Errors::invalidParameter(u"Bad file name "_s + fileName));
    QList<ZipReader::Entry> entries;
    QFile archive(codeDirectory(config->functionName, u"$LATEST"_s) + u".zip"_s);
    if (archive.open(QIODevice::ReadOnly)) {
        if (auto read = ZipReader::read(archive.readAll()))
            entries = std::move(*read);
    }
    entries.removeIf([&](const ZipReader::Entry &entry) { return entry.name == fileName; });
    entries.append({fileName, source, false, false});
    return updateFunctionCode(config->functionName, ZipWriter::write(entries), false, {});
}

} // namespace Core::Lambda
