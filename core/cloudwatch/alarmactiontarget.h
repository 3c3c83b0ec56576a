// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Core::CloudWatch {

// What an alarm action needs from the Lambda service: start an asynchronous invocation of the
// function (ARN with optional qualifier) with the CloudWatch alarm event as payload. The engine
// wires an implementation once Lambda exists; without one, Lambda actions are recorded as failed
// in the alarm history. Called on the core thread; must not block.
class AlarmActionTarget
{
public:
    virtual ~AlarmActionTarget() = default;
    // Returns false and sets *error when the invocation could not be started.
    virtual bool invokeAlarmAction(
        const QString &functionArn, const QByteArray &event, QString *error) = 0;
};

} // namespace Core::CloudWatch
