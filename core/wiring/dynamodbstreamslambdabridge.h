// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/streamsource.h"

namespace Core::DynamoDb {
class DynamoDbStreamsService;
}

namespace Core::Wiring {

// Connects Lambda's stream event source mappings to DynamoDB Streams without either depending on
// the other. Owned by the engine; core thread only.
class DynamoDbStreamsLambdaBridge final : public Lambda::StreamSource
{
public:
    explicit DynamoDbStreamsLambdaBridge(DynamoDb::DynamoDbStreamsService *streams);

    bool streamExists(const QString &streamArn) const override;
    std::optional<qint64> startPosition(const QString &streamArn, bool latest) const override;
    std::optional<Lambda::StreamBatch> read(
        const QString &streamArn, qint64 position, int maxRecords) const override;

private:
    DynamoDb::DynamoDbStreamsService *m_streams;
};

} // namespace Core::Wiring
