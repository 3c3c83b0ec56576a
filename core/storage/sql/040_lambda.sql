-- Lambda: functions, their versions ($LATEST and published numbers, configuration stored in the
-- wire shape of FunctionConfiguration), aliases, recent invocations and async delivery failures.
CREATE TABLE lambda_functions (
    name TEXT PRIMARY KEY,
    created_ms INTEGER NOT NULL,
    reserved_concurrency INTEGER,
    tags TEXT NOT NULL DEFAULT '{}',
    policy TEXT NOT NULL DEFAULT '',
    event_invoke_config TEXT NOT NULL DEFAULT '',
    last_version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE lambda_versions (
    function_name TEXT NOT NULL REFERENCES lambda_functions (name) ON DELETE CASCADE,
    version TEXT NOT NULL,
    config TEXT NOT NULL,
    PRIMARY KEY (function_name, version)
);

CREATE TABLE lambda_aliases (
    function_name TEXT NOT NULL REFERENCES lambda_functions (name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    config TEXT NOT NULL,
    PRIMARY KEY (function_name, name)
);

CREATE TABLE lambda_invocations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    function_name TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    version TEXT NOT NULL,
    request_id TEXT NOT NULL,
    status TEXT NOT NULL,
    duration_ms REAL NOT NULL,
    init_ms REAL,
    memory_mb INTEGER NOT NULL,
    log_stream TEXT NOT NULL
);
CREATE INDEX lambda_invocations_function ON lambda_invocations (function_name, id);

CREATE TABLE lambda_event_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    function_name TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    request_id TEXT NOT NULL,
    destination TEXT NOT NULL,
    payload BLOB NOT NULL,
    error TEXT NOT NULL
);

CREATE TABLE lambda_event_source_mappings (
    uuid TEXT PRIMARY KEY,
    function_name TEXT NOT NULL REFERENCES lambda_functions (name) ON DELETE CASCADE,
    config TEXT NOT NULL
);
CREATE INDEX lambda_event_source_mappings_function ON lambda_event_source_mappings (function_name);
