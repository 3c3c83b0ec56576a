-- S3 objects completed by CompleteMultipartUpload keep their parts (GetObjectAttributes'
-- ObjectParts lists them after the upload and its s3_parts rows are gone): a JSON array of
-- {"n": part number, "s": size, "a": checksum algorithm, "c": checksum}. NULL for objects from a
-- single PUT and for multipart objects completed before this column existed.
ALTER TABLE s3_objects ADD COLUMN parts TEXT;
