// SPDX-License-Identifier: MIT
#include "core/wiring/dynamodbstreamslambdabridge.h"

#include "core/dynamodb/dynamodbstreamsservice.h"

namespace Core::Wiring {

DynamoDbStreamsLambdaBridge::DynamoDbStreamsLambdaBridge(DynamoDb::DynamoDbStreamsService *streams)
    : m_streams(streams)
{}

bool DynamoDbStreamsLambdaBridge::streamExists(const QString &streamArn) const
{
    return m_streams->streamExists(streamArn);
}

std::optional<qint64> DynamoDbStreamsLambdaBridge::startPosition(
    const QString &streamArn, bool latest) const
{
    return m_streams->startPosition(streamArn, latest);
}

std::optional<Lambda::StreamBatch> DynamoDbStreamsLambdaBridge::read(
    const QString &streamArn, qint64 position, int maxRecords) const
{
    const auto batch = m_streams->read(streamArn, position, maxRecords);
    if (!batch)
        return std::nullopt;
    return Lambda::StreamBatch{batch->records, batch->nextPosition, batch->oldestCreatedMs};
}

} // namespace Core::Wiring
