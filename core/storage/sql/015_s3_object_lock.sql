-- S3 Object Lock: the bucket's configuration (PutObjectLockConfiguration, or CreateBucket with
-- x-amz-bucket-object-lock-enabled) as GetObjectLockConfiguration answers it; NULL when Object
-- Lock is not enabled. Each version's retention and legal hold live in its headers JSON
-- (LockMode, LockRetainUntilMs, LegalHold).
ALTER TABLE s3_buckets ADD COLUMN object_lock TEXT;
