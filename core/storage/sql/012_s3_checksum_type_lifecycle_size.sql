-- S3 multipart uploads remember the checksum type CreateMultipartUpload chose (x-amz-checksum-type:
-- COMPOSITE or FULL_OBJECT). '' for uploads without a checksum algorithm; uploads created before
-- this column existed with an algorithm were COMPOSITE. Objects need no column: a composite
-- checksum ends in "-<parts>", a full-object one never does.
ALTER TABLE s3_uploads ADD COLUMN checksum_type TEXT NOT NULL DEFAULT '';
-- A lifecycle configuration's x-amz-transition-default-minimum-object-size
-- (all_storage_classes_128K or varies_by_storage_class); NULL without a configuration.
ALTER TABLE s3_buckets ADD COLUMN lifecycle_minimum_size TEXT;
