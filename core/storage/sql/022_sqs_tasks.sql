-- SQS: when the current receipt was issued (ChangeMessageVisibility may not extend a message's
-- visibility past 12 hours from the ReceiveMessage that returned it), and message move tasks
-- (StartMessageMoveTask), kept so ListMessageMoveTasks survives a restart and a running task
-- resumes.
ALTER TABLE sqs_messages ADD COLUMN receipt_ms INTEGER NOT NULL DEFAULT 0;

CREATE TABLE sqs_move_tasks (
    task_handle TEXT PRIMARY KEY,
    source_arn TEXT NOT NULL,
    destination_arn TEXT NOT NULL,
    status TEXT NOT NULL,
    max_per_second INTEGER NOT NULL,
    moved INTEGER NOT NULL,
    to_move INTEGER NOT NULL,
    failure_reason TEXT NOT NULL,
    started_ms INTEGER NOT NULL
);
CREATE INDEX sqs_move_tasks_source ON sqs_move_tasks (source_arn, started_ms);
