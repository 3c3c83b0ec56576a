-- S3 static website hosting: the bucket's website configuration (PutBucketWebsite) as
-- GetBucketWebsite answers it; NULL without one (NoSuchWebsiteConfiguration).
ALTER TABLE s3_buckets ADD COLUMN website TEXT;
