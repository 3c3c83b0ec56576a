-- Lambda: asynchronous invocation settings (Put/Update/GetFunctionEventInvokeConfig), one per
-- qualifier ($LATEST, a version or an alias) as AWS keeps them. The single per-function config of
-- lambda_functions.event_invoke_config becomes the $LATEST one; that column is no longer used.
CREATE TABLE lambda_event_invoke_configs (
    function_name TEXT NOT NULL REFERENCES lambda_functions (name) ON DELETE CASCADE,
    qualifier TEXT NOT NULL,
    config TEXT NOT NULL,
    PRIMARY KEY (function_name, qualifier)
);

INSERT INTO lambda_event_invoke_configs (function_name, qualifier, config)
SELECT name, '$LATEST', event_invoke_config FROM lambda_functions WHERE event_invoke_config <> '';

UPDATE lambda_functions SET event_invoke_config = '';
