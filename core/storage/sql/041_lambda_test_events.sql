-- Lambda: the console's saved test events, named per function (the Test tab).
CREATE TABLE lambda_test_events (
    function_name TEXT NOT NULL REFERENCES lambda_functions (name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    event TEXT NOT NULL,
    modified_ms INTEGER NOT NULL,
    PRIMARY KEY (function_name, name)
);
