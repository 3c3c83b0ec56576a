// SPDX-License-Identifier: MIT
#include "core/s3/presignedurl.h"

#include "core/s3/s3errors.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

QByteArray encode(const QString &text, const QByteArray &keep = {})
{
    return QUrl::toPercentEncoding(text, keep);
}

constexpr qint64 MaxExpiresSeconds = 604800; // a week

} // namespace

bool PresignedQuery::isPresent() const
{
    return algorithm || credential || date || expires || signedHeaders || signature;
}

Status checkPresignedQuery(const PresignedQuery &query)
{
    if (!query.algorithm || !query.credential || !query.date || !query.expires
        || !query.signedHeaders || !query.signature)
        return std::unexpected(Errors::authorizationQueryParametersError(
            u"Query-string authentication version 4 requires the X-Amz-Algorithm, "
            u"X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and "
            u"X-Amz-Expires parameters."_s));
    bool number = false;
    const qint64 expires = query.expires->toLongLong(&number);
    if (!number)
        return std::unexpected(
            Errors::authorizationQueryParametersError(u"X-Amz-Expires should be a number"_s));
    if (expires < 0)
        return std::unexpected(
            Errors::authorizationQueryParametersError(u"X-Amz-Expires must be non-negative"_s));
    if (expires > MaxExpiresSeconds)
        return std::unexpected(Errors::authorizationQueryParametersError(
            u"X-Amz-Expires must be less than a week (in seconds) that is 604800"_s));
    if (!QDateTime::fromString(*query.date, u"yyyyMMdd'T'HHmmss'Z'"_s).isValid())
        return std::unexpected(Errors::authorizationQueryParametersError(
            u"X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\""_s));
    return {};
}

QString presignGetUrl(const QString &endpoint,
    const QString &region,
    const QString &bucket,
    const QString &key,
    qint64 nowMs,
    int expiresSeconds,
    const QString &accessKeyId,
    const QString &secretKey)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc());
    const QByteArray date = now.toString(u"yyyyMMdd"_s).toLatin1();
    const QByteArray stamp = now.toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
    const QByteArray scope = date + '/' + region.toLatin1() + "/s3/aws4_request";
    const QUrl base(endpoint);
    QByteArray host = base.host().toLatin1();
    if (base.port() > 0)
        host += ':' + QByteArray::number(base.port());
    const QByteArray path = '/' + encode(bucket) + '/' + encode(key, "/");
    const QByteArray query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
        + encode(accessKeyId + u'/' + QString::fromLatin1(scope)) + "&X-Amz-Date=" + stamp
        + "&X-Amz-Expires=" + QByteArray::number(expiresSeconds) + "&X-Amz-SignedHeaders=host";
    const QByteArray canonical =
        "GET\n" + path + '\n' + query + "\nhost:" + host + "\n\nhost\nUNSIGNED-PAYLOAD";
    const QByteArray toSign = "AWS4-HMAC-SHA256\n" + stamp + '\n' + scope + '\n'
        + QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex();
    QByteArray key4 = hmac("AWS4" + secretKey.toUtf8(), date);
    key4 = hmac(key4, region.toLatin1());
    key4 = hmac(key4, "s3");
    key4 = hmac(key4, "aws4_request");
    const QByteArray signature = hmac(key4, toSign).toHex();
    return QString::fromLatin1(base.scheme().toLatin1() + "://" + host + path + '?' + query
        + "&X-Amz-Signature=" + signature);
}

} // namespace Core::S3
