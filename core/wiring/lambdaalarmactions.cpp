// SPDX-License-Identifier: MIT
#include "core/wiring/lambdaalarmactions.h"

#include "core/lambda/lambdaservice.h"

#include <memory>

namespace Core::Wiring {

LambdaAlarmActions::LambdaAlarmActions(Lambda::LambdaService *lambda)
    : m_lambda(lambda)
{}

bool LambdaAlarmActions::invokeAlarmAction(
    const QString &functionArn, const QByteArray &event, QString *error)
{
    Lambda::InvokeRequest request;
    request.functionName = functionArn;
    request.type = Lambda::InvocationType::Event;
    request.payload = event;
    // An Event invocation is accepted or refused at once (unknown function, throttled); the
    // function itself runs later. Refusals reach the alarm history through *error.
    auto refusal = std::make_shared<QString>();
    auto answered = std::make_shared<bool>(false);
    m_lambda->invoke(request, [refusal, answered](Result<Lambda::InvocationResult> result) {
        *answered = true;
        if (!result)
            *refusal = result.error().code + QStringLiteral(": ") + result.error().message;
    });
    if (*answered && !refusal->isEmpty()) {
        if (error)
            *error = *refusal;
        return false;
    }
    return true;
}

} // namespace Core::Wiring
