// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/handlers/cloudwatchcodec.h"
#include "core/api/handlers/servicehandler.h"

namespace Core::CloudWatch {
class CloudWatchService;
}

namespace Core::Api {

// CloudWatch on the endpoint in Query (AWS CLI v2, boto3 1.26), JSON 1.0 query-compatible (JS SDK
// v3) and Smithy RPC v2 CBOR (newest SDKs). Each operation is written once over the neutral tree
// of CloudWatchCodec; only decoding the request and framing the answer depend on the protocol.
class CloudWatchHandler final : public ServiceHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloudWatchHandler)

public:
    explicit CloudWatchHandler(CloudWatch::CloudWatchService *service, QObject *parent = nullptr);

    QString service() const override;
    QStringList operations() const override;
    void handle(const AwsRequest &request, Responder responder) override;

private:
    using Input = CloudWatchCodec::Reader;
    using Operation = Result<QCborMap> (CloudWatchHandler::*)(const Input &);
    static const QHash<QString, Operation> &operationTable();

    void answer(const AwsRequest &request, Responder &responder, const Result<QCborMap> &result);

    Result<QCborMap> putMetricData(const Input &input);
    Result<QCborMap> getMetricStatistics(const Input &input);
    Result<QCborMap> getMetricData(const Input &input);
    Result<QCborMap> listMetrics(const Input &input);
    Result<QCborMap> putMetricAlarm(const Input &input);
    Result<QCborMap> putCompositeAlarm(const Input &input);
    Result<QCborMap> describeAlarms(const Input &input);
    Result<QCborMap> describeAlarmsForMetric(const Input &input);
    Result<QCborMap> deleteAlarms(const Input &input);
    Result<QCborMap> setAlarmState(const Input &input);
    Result<QCborMap> enableAlarmActions(const Input &input);
    Result<QCborMap> disableAlarmActions(const Input &input);
    Result<QCborMap> describeAlarmHistory(const Input &input);
    Result<QCborMap> tagResource(const Input &input);
    Result<QCborMap> untagResource(const Input &input);
    Result<QCborMap> listTagsForResource(const Input &input);
    Result<QCborMap> putAnomalyDetector(const Input &input);
    Result<QCborMap> describeAnomalyDetectors(const Input &input);
    Result<QCborMap> deleteAnomalyDetector(const Input &input);

    CloudWatch::CloudWatchService *m_service;
};

} // namespace Core::Api
