-- S3 server access logging (S3-36): the bucket's BucketLoggingStatus as GetBucketLogging answers
-- it; NULL when logging is off.
ALTER TABLE s3_buckets ADD COLUMN logging TEXT;
