// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/handlers/servicehandler.h"

namespace Core::Sts {
class StsService;
}

namespace Core::Api {

// STS on the endpoint: Query protocol (and JSON for SDKs that send X-Amz-Target).
class StsHandler final : public ServiceHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StsHandler)

public:
    explicit StsHandler(Sts::StsService *service, QObject *parent = nullptr);

    QString service() const override;
    QStringList operations() const override;
    void handle(const AwsRequest &request, Responder responder) override;

private:
    using Operation = void (StsHandler::*)(const AwsRequest &, Responder &);
    static const QHash<QString, Operation> &operationTable();

    void getCallerIdentity(const AwsRequest &request, Responder &responder);

    Sts::StsService *m_service;
};

} // namespace Core::Api
