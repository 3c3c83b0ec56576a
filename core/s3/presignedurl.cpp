// SPDX-License-Identifier: MIT
#include "core/s3/presignedurl.h"

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

} // namespace

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
