// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/awsrequest.h"
#include "core/api/responder.h"

#include <QObject>
#include <QStringList>

namespace Core::Api {

// One AWS service on the endpoint: turns wire requests into service calls and answers through
// the Responder. Lives on the core thread; handle() is called inside the engine's group commit.
class ServiceHandler : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceHandler)

public:
    explicit ServiceHandler(QObject *parent = nullptr);

    virtual QString service() const = 0;
    // Wire names of the operations answered (compared with botocore's models in a test).
    virtual QStringList operations() const = 0;
    virtual void handle(const AwsRequest &request, Responder responder) = 0;
};

} // namespace Core::Api
