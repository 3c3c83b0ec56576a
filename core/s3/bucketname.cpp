// SPDX-License-Identifier: MIT
#include "core/s3/bucketname.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Core::S3 {

bool isValidBucketName(const QString &name)
{
    if (name.size() < 3 || name.size() > 63)
        return false;
    for (const QChar c : name) {
        const bool allowed =
            (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-';
        if (!allowed)
            return false;
    }
    const auto alnum = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
    };
    if (!alnum(name.front()) || !alnum(name.back()))
        return false;
    if (name.contains(u".."_s))
        return false;
    static const QRegularExpression ipAddress(u"^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"_s);
    if (ipAddress.match(name).hasMatch())
        return false;
    for (const QString &prefix : {u"xn--"_s, u"sthree-"_s, u"amzn-s3-demo-"_s}) {
        if (name.startsWith(prefix))
            return false;
    }
    for (const QString &suffix :
        {u"-s3alias"_s, u"--ol-s3"_s, u".mrap"_s, u"--x-s3"_s, u"--table-s3"_s}) {
        if (name.endsWith(suffix))
            return false;
    }
    return true;
}

} // namespace Core::S3
