-- Lambda recursive loop detection per function (PutFunctionRecursionConfig): Terminate (AWS's
-- default) stops a chain of invocations after 16, Allow lets it run.
ALTER TABLE lambda_functions ADD COLUMN recursive_loop TEXT NOT NULL DEFAULT 'Terminate';
