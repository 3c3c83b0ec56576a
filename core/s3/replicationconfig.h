// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"
#include "core/s3/bucket.h"
#include "core/s3/s3object.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Core::S3 {

// One rule of a bucket's replication configuration (S3-38). A rule with a Filter is of the
// current schema (V2: Priority and DeleteMarkerReplication given, delete markers replicated
// only when it says so); a rule with a Prefix of its own is of the first schema (V1: delete
// markers are always replicated).
struct ReplicationRule
{
    QString id;
    int priority = 0;
    bool enabled = false;
    bool legacy = false; // V1: <Prefix> on the rule instead of a <Filter>
    QString prefix;
    Tags tags; // the filter's tags: an object must carry every one
    bool deleteMarkerReplication = false;
    QString destinationBucket; // the bucket name of Destination/Bucket (an ARN on the wire)
    QString destinationAccount;
    QString storageClass; // empty: the source object's class

    // The filter: prefix and every tag.
    bool matches(const QString &key, const Tags &objectTags) const;

    friend bool operator==(const ReplicationRule &, const ReplicationRule &) = default;
};

// A bucket's replication configuration (PutBucketReplication), plain value; any thread.
struct ReplicationConfig
{
    QString role;
    QList<ReplicationRule> rules;

    // PutBucketReplication's document with AWS's checks and messages: MalformedXML for what the
    // schema refuses (no Role, no Rule, no Destination, a bad Status); InvalidRequest for mixing
    // the two schemas, a V2 rule without Priority or DeleteMarkerReplication, a V1 rule with
    // DeleteMarkerReplication, two rules with one ID or (for one destination) one Priority;
    // InvalidArgument for a destination that is not an S3 bucket ARN, and more than 1000 rules.
    static Result<ReplicationConfig> parse(const QByteArray &xml);
    // The document GetBucketReplication answers (IDs filled in where the request had none).
    QByteArray toXml() const;

    // For each destination bucket, the enabled rule of highest priority that matches the
    // object (first in order for V1 rules). Empty: the object is not replicated.
    QList<ReplicationRule> rulesFor(const QString &key, const Tags &objectTags) const;

    friend bool operator==(const ReplicationConfig &, const ReplicationConfig &) = default;
};

// x-amz-replication-status values.
inline constexpr auto ReplicationPending = "PENDING";
inline constexpr auto ReplicationCompleted = "COMPLETED";
inline constexpr auto ReplicationFailed = "FAILED";
inline constexpr auto ReplicationReplica = "REPLICA";

} // namespace Core::S3
