-- Lambda: the console's saved test events, named per function (the Test tab).
CREATE TABLE lambda_test_events (
    function_name TEXT NOT NULL REFERENCES lambda_functions (name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    event TEXT NOT NULL,
    modified_ms INTEGER NOT NULL,
    PRIMARY KEY (function_name, name)
);

-- Lambda: asynchronous invocations (Event) waiting for their first run or a retry, so a restart
-- does not lose them. A row leaves when the event succeeded or went to its failure destination.
CREATE TABLE lambda_event_queue (
    request_id TEXT PRIMARY KEY,
    function_name TEXT NOT NULL REFERENCES lambda_functions (name) ON DELETE CASCADE,
    qualifier TEXT NOT NULL,
    payload BLOB NOT NULL,
    attempts INTEGER NOT NULL,
    enqueued_ms INTEGER NOT NULL,
    due_ms INTEGER NOT NULL
);
