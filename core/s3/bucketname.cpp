// SPDX-License-Identifier: MIT
#include "core/s3/bucketname.h"

#include <QRegularExpression>
#include <QSet>

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

bool isLocationConstraint(const QString &constraint)
{
    // The Regions AWS lists as of 2025 (botocore's endpoints.json on Debian 12 predates the
    // newer ones: ap-east-2, ap-southeast-4..7, ca-west-1, il-central-1, mx-central-1).
    static const QSet<QString> regions = {u"af-south-1"_s,
        u"ap-east-1"_s,
        u"ap-east-2"_s,
        u"ap-northeast-1"_s,
        u"ap-northeast-2"_s,
        u"ap-northeast-3"_s,
        u"ap-south-1"_s,
        u"ap-south-2"_s,
        u"ap-southeast-1"_s,
        u"ap-southeast-2"_s,
        u"ap-southeast-3"_s,
        u"ap-southeast-4"_s,
        u"ap-southeast-5"_s,
        u"ap-southeast-6"_s,
        u"ap-southeast-7"_s,
        u"ca-central-1"_s,
        u"ca-west-1"_s,
        u"cn-north-1"_s,
        u"cn-northwest-1"_s,
        u"EU"_s,
        u"eu-central-1"_s,
        u"eu-central-2"_s,
        u"eu-north-1"_s,
        u"eu-south-1"_s,
        u"eu-south-2"_s,
        u"eu-west-1"_s,
        u"eu-west-2"_s,
        u"eu-west-3"_s,
        u"il-central-1"_s,
        u"me-central-1"_s,
        u"me-south-1"_s,
        u"mx-central-1"_s,
        u"sa-east-1"_s,
        u"us-east-2"_s,
        u"us-gov-east-1"_s,
        u"us-gov-west-1"_s,
        u"us-west-1"_s,
        u"us-west-2"_s};
    return regions.contains(constraint);
}

} // namespace Core::S3
