-- S3: buckets, object versions (bytes inline for small objects, else a file under objects/ named
-- by blob_file), multipart uploads and their parts (always files).
CREATE TABLE s3_buckets (
    name TEXT PRIMARY KEY,
    region TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    versioning INTEGER NOT NULL DEFAULT 0,
    tags TEXT NOT NULL DEFAULT '[]',
    policy TEXT,
    cors TEXT,
    notification TEXT
);

CREATE TABLE s3_objects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket TEXT NOT NULL REFERENCES s3_buckets (name) ON DELETE CASCADE,
    key TEXT NOT NULL,
    version_id TEXT NOT NULL,
    is_latest INTEGER NOT NULL,
    delete_marker INTEGER NOT NULL DEFAULT 0,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    modified_ms INTEGER NOT NULL,
    headers TEXT NOT NULL DEFAULT '{}',
    tags TEXT NOT NULL DEFAULT '[]',
    checksum_algorithm TEXT NOT NULL DEFAULT '',
    checksum TEXT NOT NULL DEFAULT '',
    parts_count INTEGER NOT NULL DEFAULT 0,
    data BLOB,
    blob_file TEXT
);
CREATE UNIQUE INDEX s3_objects_version ON s3_objects (bucket, key, version_id);
CREATE INDEX s3_objects_current ON s3_objects (bucket, key) WHERE is_latest = 1 AND delete_marker = 0;
CREATE INDEX s3_objects_blob ON s3_objects (blob_file) WHERE blob_file IS NOT NULL;

CREATE TABLE s3_uploads (
    upload_id TEXT PRIMARY KEY,
    bucket TEXT NOT NULL REFERENCES s3_buckets (name) ON DELETE CASCADE,
    key TEXT NOT NULL,
    initiated_ms INTEGER NOT NULL,
    headers TEXT NOT NULL DEFAULT '{}',
    tags TEXT NOT NULL DEFAULT '[]',
    checksum_algorithm TEXT NOT NULL DEFAULT ''
);
CREATE INDEX s3_uploads_key ON s3_uploads (bucket, key, initiated_ms);

CREATE TABLE s3_parts (
    upload_id TEXT NOT NULL REFERENCES s3_uploads (upload_id) ON DELETE CASCADE,
    part_number INTEGER NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    modified_ms INTEGER NOT NULL,
    checksum TEXT NOT NULL DEFAULT '',
    blob_file TEXT NOT NULL,
    PRIMARY KEY (upload_id, part_number)
);
