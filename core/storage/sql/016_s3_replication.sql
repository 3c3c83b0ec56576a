-- S3 replication (S3-38): the bucket's replication configuration (PutBucketReplication) as
-- GetBucketReplication answers it; NULL without one (ReplicationConfigurationNotFoundError).
-- Each object version's replication status (PENDING, COMPLETED, FAILED, REPLICA) lives in its
-- headers document.
ALTER TABLE s3_buckets ADD COLUMN replication TEXT;
