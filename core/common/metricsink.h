// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Core {

// Where services report their AWS/<Service> metrics, implemented by CloudWatch
// (Core::CloudWatch::CloudWatchService). Services receive a MetricSink * (may be null: then they
// report nothing) and call putMetric() on the core thread in their hot paths: the call only
// aggregates into a per-minute statistic set in memory (no SQL, no allocation beyond the first
// datum of a metric in a minute); the sink writes each closed minute to the metrics store.
// Report real events only, never synthetic values.
//
// What each service must report (namespace, metric names, units, dimensions as AWS publishes
// them; "per event" means one putMetric per occurrence with the value given):
//
// AWS/SQS, dimension QueueName:
//   NumberOfMessagesSent (Count, 1 per message sent, batch entries count singly)
//   NumberOfMessagesReceived (Count, 1 per message returned by ReceiveMessage)
//   NumberOfMessagesDeleted (Count, 1 per message deleted)
//   NumberOfEmptyReceives (Count, 1 per ReceiveMessage that returned no message)
//   SentMessageSize (Bytes, the body size of each sent message)
//   ApproximateNumberOfMessagesVisible / ApproximateNumberOfMessagesNotVisible /
//   ApproximateNumberOfMessagesDelayed (Count, a gauge: the queue's count once a minute)
//   ApproximateAgeOfOldestMessage (Seconds, a gauge once a minute, only when non-empty)
// AWS/Lambda, dimension FunctionName (plus a second datum with FunctionName and Resource
// "<name>:<qualifier>" for versions and aliases):
//   Invocations (Count, 1 per invocation, including failed ones, not throttled ones)
//   Errors (Count, 1 per invocation that ended in a function error)
//   Throttles (Count, 1 per throttled invocation request: a synchronous 429, and each throttled
//   attempt of a queued Event invocation, retried with AWS's back-off from 1 s to 5 min)
//   Duration (Milliseconds, the run time of each invocation)
//   ConcurrentExecutions (Count, a gauge: running instances, reported per invocation start)
//   DeadLetterErrors (Count, 1 per failed delivery to the dead-letter queue)
//   RecursiveInvocationsDropped (Count, 1 per invocation recursive loop detection stopped)
//   IteratorAge (Milliseconds, event source mappings on streams: age of the last record)
// AWS/DynamoDB, dimension TableName (and TableName + Operation where AWS has it):
//   ConsumedReadCapacityUnits / ConsumedWriteCapacityUnits (Count, units per request, TableName)
//   SuccessfulRequestLatency (Milliseconds, per request, TableName + Operation)
//   ThrottledRequests (Count, TableName + Operation; 1 per throttled request, a batch only when
//   every item in it was throttled)
//   ReadThrottleEvents / WriteThrottleEvents (Count, 1 per throttled item or GSI write:
//   TableName, or TableName + GlobalSecondaryIndexName for a GSI)
//   UserErrors (Count, 1 per 400 error of any table; no dimension)
//   ConditionalCheckFailedRequests (Count, 1 per failed condition, TableName)
//   ReturnedItemCount (Count, items returned by Query/Scan, TableName + Operation)
// AWS/S3, dimensions BucketName + StorageType (StandardStorage, StandardIAStorage,
// GlacierStorage ... / AllStorageTypes):
//   BucketSizeBytes (Bytes, StorageType per storage class in use, StandardStorage always; a
//   gauge once a period)
//   NumberOfObjects (Count, StorageType AllStorageTypes, a gauge once a period)
// AWS/S3 request metrics, dimensions BucketName + FilterId "EntireBucket":
//   AllRequests, GetRequests, PutRequests (Count, 1 per request), 4xxErrors (Count, 1 per 4xx
//   answer), BytesDownloaded / BytesUploaded (Bytes, body bytes of each request)
// CloudWatch Logs metric filters report into the namespace and metric their transformation
// names, one datum per ingested event (its timestamp, not the clock's).
class MetricSink
{
public:
    using MetricDimensions = QList<std::pair<QString, QString>>; // name, value

    virtual ~MetricSink() = default;

    // The StandardUnit enumeration of botocore's CloudWatch and CloudWatch Logs models.
    static const QStringList &standardUnits();

    // unit: a CloudWatch StandardUnit ("Count", "Milliseconds", "Bytes", ...). timestampMs: the
    // engine clock's time of the event.
    virtual void putMetric(const QString &metricNamespace,
        const QString &metricName,
        const MetricDimensions &dimensions,
        double value,
        const QString &unit,
        qint64 timestampMs) = 0;
};

} // namespace Core
