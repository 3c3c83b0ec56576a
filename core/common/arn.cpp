// SPDX-License-Identifier: MIT
#include "core/common/arn.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Core {

QString Arn::toString() const
{
    return u"arn:"_s + partition + u':' + service + u':' + region + u':' + accountId + u':'
        + resource;
}

std::optional<Arn> Arn::parse(const QString &text)
{
    // The resource part may itself contain ':' (arn:aws:lambda:...:function:name:alias).
    const QStringList parts = text.split(u':');
    if (parts.size() < 6 || parts.at(0) != u"arn"_s || parts.at(1).isEmpty()
        || parts.at(2).isEmpty())
        return std::nullopt;
    Arn arn;
    arn.partition = parts.at(1);
    arn.service = parts.at(2);
    arn.region = parts.at(3);
    arn.accountId = parts.at(4);
    arn.resource = parts.mid(5).join(u':');
    if (arn.resource.isEmpty())
        return std::nullopt;
    return arn;
}

} // namespace Core
