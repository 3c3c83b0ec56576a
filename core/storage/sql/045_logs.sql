-- CloudWatch Logs: log groups, their streams and the events in each stream. Events are kept in
-- arrival order (id) and read by time range; retention is applied from the engine clock.
CREATE TABLE log_groups (
    name TEXT PRIMARY KEY,
    created_ms INTEGER NOT NULL,
    retention_days INTEGER,
    kms_key_id TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE log_streams (
    group_name TEXT NOT NULL REFERENCES log_groups (name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    first_event_ms INTEGER,
    last_event_ms INTEGER,
    last_ingestion_ms INTEGER,
    stored_bytes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (group_name, name)
);

CREATE TABLE log_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_name TEXT NOT NULL,
    stream_name TEXT NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    ingestion_ms INTEGER NOT NULL,
    message TEXT NOT NULL,
    FOREIGN KEY (group_name, stream_name) REFERENCES log_streams (group_name, name)
        ON DELETE CASCADE
);
CREATE INDEX log_events_stream ON log_events (group_name, stream_name, timestamp_ms, id);
CREATE INDEX log_events_group ON log_events (group_name, timestamp_ms, id);
