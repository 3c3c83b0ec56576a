-- The activity journal: one row per API request, newest last. Bodies live in journal_bodies and
-- are kept only for the most recent requests.
CREATE TABLE journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms INTEGER NOT NULL,
    client TEXT NOT NULL,
    service TEXT NOT NULL,
    operation TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    protocol TEXT NOT NULL,
    status INTEGER NOT NULL,
    error_code TEXT NOT NULL DEFAULT '',
    duration_us INTEGER NOT NULL,
    request_bytes INTEGER NOT NULL,
    response_bytes INTEGER NOT NULL,
    request_id TEXT NOT NULL
);
CREATE INDEX journal_service ON journal (service, id);

CREATE TABLE journal_bodies (
    journal_id INTEGER PRIMARY KEY REFERENCES journal (id) ON DELETE CASCADE,
    request_headers TEXT NOT NULL,
    request_body BLOB NOT NULL,
    request_truncated INTEGER NOT NULL,
    response_headers TEXT NOT NULL,
    response_body BLOB NOT NULL,
    response_truncated INTEGER NOT NULL
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
