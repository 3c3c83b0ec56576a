-- Lambda function URLs (CreateFunctionUrlConfig): one per function qualifier ($LATEST or an
-- alias), reached at http://<url_id>.lambda-url.<region>.localhost:<port>/. Deleting the function
-- deletes its URLs.
CREATE TABLE lambda_function_urls (
    function_name TEXT NOT NULL REFERENCES lambda_functions (name) ON DELETE CASCADE,
    qualifier TEXT NOT NULL,
    url_id TEXT NOT NULL UNIQUE,
    auth_type TEXT NOT NULL,
    cors TEXT NOT NULL DEFAULT '',
    invoke_mode TEXT NOT NULL DEFAULT 'BUFFERED',
    created_ms INTEGER NOT NULL,
    modified_ms INTEGER NOT NULL,
    PRIMARY KEY (function_name, qualifier)
);
