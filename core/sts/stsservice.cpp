// SPDX-License-Identifier: MIT
#include "core/sts/stsservice.h"

using namespace Qt::StringLiterals;

namespace Core::Sts {

StsService::StsService(QString accountId, QObject *parent)
    : QObject(parent)
    , m_accountId(std::move(accountId))
{}

CallerIdentity StsService::getCallerIdentity(const QString &accessKeyId) const
{
    Q_UNUSED(accessKeyId)
    // AWS answers the root user's UserId with the account id itself.
    return {m_accountId, u"arn:aws:iam::"_s + m_accountId + u":root"_s, m_accountId};
}

} // namespace Core::Sts
