// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/alarmactiontarget.h"

namespace Core::Lambda {
class LambdaService;
}

namespace Core::Wiring {

// Lets CloudWatch alarm actions invoke Lambda functions without either service knowing the
// other: as on AWS, the function is invoked asynchronously (Event) with the alarm event, so its
// retries and on-failure destination apply. Owned by the engine; core thread only.
class LambdaAlarmActions final : public CloudWatch::AlarmActionTarget
{
public:
    explicit LambdaAlarmActions(Lambda::LambdaService *lambda);

    bool invokeAlarmAction(
        const QString &functionArn, const QByteArray &event, QString *error) override;

private:
    Lambda::LambdaService *m_lambda;
};

} // namespace Core::Wiring
