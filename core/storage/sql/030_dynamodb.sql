-- DynamoDB. A table's definition (keys, indexes, billing, TTL, tags ...) is one JSON document;
-- ItemCount and TableSizeBytes are kept live. Keys are stored as bytes whose memcmp order is
-- DynamoDB's order (S as UTF-8, B raw, N in an order-preserving decimal encoding), so Query is an
-- index range scan on the primary key of ddb_items or ddb_index_entries.
CREATE TABLE ddb_tables (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    definition TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    item_count INTEGER NOT NULL DEFAULT 0,
    size_bytes INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE ddb_items (
    table_id INTEGER NOT NULL,
    hash_key BLOB NOT NULL,
    range_key BLOB NOT NULL,
    segment INTEGER NOT NULL,
    item TEXT NOT NULL,
    size INTEGER NOT NULL,
    ttl INTEGER,
    PRIMARY KEY (table_id, hash_key, range_key)
) WITHOUT ROWID;
-- Scan order (and parallel-scan segments) follow a hash of the partition key, as in AWS.
CREATE INDEX ddb_items_scan ON ddb_items (table_id, segment, hash_key, range_key);
CREATE INDEX ddb_items_ttl ON ddb_items (ttl) WHERE ttl IS NOT NULL;

CREATE TABLE ddb_index_entries (
    table_id INTEGER NOT NULL,
    index_name TEXT NOT NULL,
    hash_key BLOB NOT NULL,
    range_key BLOB NOT NULL,
    item_hash BLOB NOT NULL,
    item_range BLOB NOT NULL,
    segment INTEGER NOT NULL,
    PRIMARY KEY (table_id, index_name, hash_key, range_key, item_hash, item_range)
) WITHOUT ROWID;
CREATE INDEX ddb_index_entries_item ON ddb_index_entries (table_id, item_hash, item_range);
CREATE INDEX ddb_index_entries_scan
    ON ddb_index_entries (table_id, index_name, segment, hash_key, range_key, item_hash, item_range);

-- TransactWriteItems ClientRequestToken idempotency (10 minutes).
CREATE TABLE ddb_transaction_tokens (
    token TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    response TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
