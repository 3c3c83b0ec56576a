-- SQS: queues with their attributes (JSON text of every settable attribute) and messages. Message
-- state is derived from timestamps, so a moved clock moves it: available when visible_at <= now,
-- in flight when received and visible_at > now, delayed when never received and visible_at > now.
CREATE TABLE sqs_queues (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    fifo INTEGER NOT NULL,
    attributes TEXT NOT NULL,
    tags TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    modified_ms INTEGER NOT NULL,
    purged_ms INTEGER NOT NULL DEFAULT 0,
    next_sequence INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sqs_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    queue_id INTEGER NOT NULL REFERENCES sqs_queues (id) ON DELETE CASCADE,
    message_id TEXT NOT NULL,
    body TEXT NOT NULL,
    attributes TEXT NOT NULL,
    md5_body TEXT NOT NULL,
    md5_attributes TEXT NOT NULL,
    system_attributes TEXT NOT NULL,
    sent_ms INTEGER NOT NULL,
    visible_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    received INTEGER NOT NULL DEFAULT 0,
    receive_count INTEGER NOT NULL DEFAULT 0,
    first_receive_ms INTEGER NOT NULL DEFAULT 0,
    receipt TEXT NOT NULL DEFAULT '',
    group_id TEXT NOT NULL DEFAULT '',
    dedup_id TEXT NOT NULL DEFAULT '',
    sequence INTEGER NOT NULL DEFAULT 0,
    dead_letter_source TEXT NOT NULL DEFAULT ''
);
-- Standard receive and the available count: first visible messages of a queue.
CREATE INDEX sqs_messages_visible ON sqs_messages (queue_id, visible_at);
-- In-flight and delayed counts.
CREATE INDEX sqs_messages_state ON sqs_messages (queue_id, received, visible_at);
-- FIFO: the head of each message group.
CREATE INDEX sqs_messages_group ON sqs_messages (queue_id, group_id, id);
-- Retention expiry.
CREATE INDEX sqs_messages_expiry ON sqs_messages (queue_id, expires_at);

-- FIFO deduplication window: one row per (queue, key) for five minutes.
CREATE TABLE sqs_dedup (
    queue_id INTEGER NOT NULL REFERENCES sqs_queues (id) ON DELETE CASCADE,
    dedup_key TEXT NOT NULL,
    expires_ms INTEGER NOT NULL,
    message_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    PRIMARY KEY (queue_id, dedup_key)
);
