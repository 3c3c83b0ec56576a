-- S3 bucket configurations that AWS applies by default to every new bucket (since 2023: ACLs
-- disabled by BucketOwnerEnforced, all public access blocked, SSE-S3 default encryption), and
-- ACLs. NULL means "no configuration" (the Get operation answers its NoSuch... error), except for
-- encryption, where NULL is the SSE-S3 default. Existing buckets get today's defaults.
ALTER TABLE s3_buckets ADD COLUMN acl TEXT;
ALTER TABLE s3_buckets ADD COLUMN encryption TEXT;
ALTER TABLE s3_buckets ADD COLUMN lifecycle TEXT;
ALTER TABLE s3_buckets ADD COLUMN ownership TEXT DEFAULT 'BucketOwnerEnforced';
ALTER TABLE s3_buckets ADD COLUMN public_access_block TEXT
    DEFAULT 'BlockPublicAcls,IgnorePublicAcls,BlockPublicPolicy,RestrictPublicBuckets';
ALTER TABLE s3_objects ADD COLUMN acl TEXT;
ALTER TABLE s3_uploads ADD COLUMN acl TEXT;
