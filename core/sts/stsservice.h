// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

namespace Core::Sts {

struct CallerIdentity
{
    QString account;
    QString arn;
    QString userId;
};

// AWS STS as far as clients need it to start: who am I. Every access key is the account's root
// user (any credentials are accepted). Lives on the core thread; holds no state of its own.
class StsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StsService)

public:
    explicit StsService(QString accountId, QObject *parent = nullptr);

    const QString &accountId() const { return m_accountId; }
    CallerIdentity getCallerIdentity(const QString &accessKeyId) const;

private:
    QString m_accountId;
};

} // namespace Core::Sts
