-- DynamoDB Streams. One row per stream a table has had: enabling a stream makes a new one (new
-- label and ARN), disabling it sets ended_ms and it stays readable until its records expire.
-- One shard per stream. start_seq is the first sequence number the shard may hold; trim_seq the
-- last one pruned by the 24-hour retention (reads before it are TrimmedDataAccessException).
CREATE TABLE ddb_streams (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    table_id INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    label TEXT NOT NULL,
    view_type TEXT NOT NULL,
    shard_id TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    ended_ms INTEGER,
    start_seq INTEGER NOT NULL,
    trim_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ddb_streams_table ON ddb_streams (table_id);

-- Item-level changes, appended in the transaction of the write. seq is the SequenceNumber.
CREATE TABLE ddb_stream_records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    event_name TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    size_bytes INTEGER NOT NULL,
    by_service INTEGER NOT NULL DEFAULT 0,
    keys TEXT NOT NULL,
    new_image TEXT,
    old_image TEXT
);
CREATE INDEX ddb_stream_records_stream ON ddb_stream_records (stream_id, seq);
CREATE INDEX ddb_stream_records_created ON ddb_stream_records (created_ms);

-- Tables whose stream was enabled before streams were kept get their stream now.
INSERT INTO ddb_streams (table_id, table_name, label, view_type, shard_id, created_ms,
    start_seq)
SELECT id, name, json_extract(definition, '$.streamLabel'),
    json_extract(definition, '$.streamViewType'),
    'shardId-' || printf('%020d', created_ms) || '-' || lower(hex(randomblob(4))), created_ms,
    1
FROM ddb_tables
WHERE json_extract(definition, '$.streamEnabled') = 1;
