// SPDX-License-Identifier: MIT
#include "core/api/sigv4.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Core::Api {

namespace {

std::optional<CredentialScope> fromCredential(const QString &credential)
{
    const QStringList parts = credential.split(u'/');
    if (parts.size() < 5 || parts.at(4) != u"aws4_request"_s)
        return std::nullopt;
    CredentialScope scope;
    scope.accessKeyId = parts.at(0);
    scope.date = parts.at(1);
    scope.region = parts.at(2);
    scope.service = parts.at(3);
    return scope;
}

qint64 parseAmzDate(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, u"yyyyMMdd'T'HHmmss'Z'"_s);
    if (!time.isValid())
        return -1;
    time.setTimeSpec(Qt::UTC);
    return time.toMSecsSinceEpoch();
}

} // namespace

std::optional<CredentialScope> parseCredentialScope(const HttpRequest &request)
{
    const QString authorization = QString::fromLatin1(request.header("authorization")).trimmed();
    if (authorization.startsWith(u"AWS4-"_s)) {
        const qsizetype at = authorization.indexOf(u"Credential="_s);
        if (at < 0)
            return std::nullopt;
        qsizetype end = authorization.indexOf(u',', at);
        if (end < 0)
            end = authorization.size();
        const qsizetype start = at + 11;
        return fromCredential(authorization.mid(start, end - start).trimmed());
    }
    if (authorization.startsWith(u"AWS "_s)) {
        CredentialScope scope;
        scope.signatureVersion = 2;
        scope.service = u"s3"_s;
        scope.accessKeyId = authorization.mid(4).section(u':', 0, 0);
        return scope;
    }

    if (request.hasQueryItem(u"X-Amz-Credential")) {
        auto scope = fromCredential(request.queryItem(u"X-Amz-Credential"));
        if (!scope)
            return std::nullopt;
        scope->presigned = true;
        const qint64 signedAt = parseAmzDate(request.queryItem(u"X-Amz-Date"));
        bool ok = false;
        const qint64 expires = request.queryItem(u"X-Amz-Expires").toLongLong(&ok);
        if (signedAt >= 0 && ok)
            scope->expiresAtMs = signedAt + expires * 1000;
        return scope;
    }
    if (request.hasQueryItem(u"AWSAccessKeyId") && request.hasQueryItem(u"Signature")) {
        CredentialScope scope;
        scope.signatureVersion = 2;
        scope.presigned = true;
        scope.service = u"s3"_s;
        scope.accessKeyId = request.queryItem(u"AWSAccessKeyId");
        bool ok = false;
        const qint64 expires = request.queryItem(u"Expires").toLongLong(&ok);
        if (ok)
            scope.expiresAtMs = expires * 1000;
        return scope;
    }
    return std::nullopt;
}

} // namespace Core::Api
