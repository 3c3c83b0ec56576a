-- sqs_queues.message_count follows every insert, delete and move of a message, so the counters
-- never scan a queue: available = message_count - in flight - delayed (the latter two from the
-- sqs_messages_state index). Added after 020 had shipped, hence a migration of its own.
ALTER TABLE sqs_queues ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
UPDATE sqs_queues SET message_count =
    (SELECT COUNT(*) FROM sqs_messages WHERE sqs_messages.queue_id = sqs_queues.id);

CREATE TRIGGER sqs_messages_counted AFTER INSERT ON sqs_messages BEGIN
    UPDATE sqs_queues SET message_count = message_count + 1 WHERE id = NEW.queue_id;
END;
CREATE TRIGGER sqs_messages_uncounted AFTER DELETE ON sqs_messages BEGIN
    UPDATE sqs_queues SET message_count = message_count - 1 WHERE id = OLD.queue_id;
END;
CREATE TRIGGER sqs_messages_moved AFTER UPDATE OF queue_id ON sqs_messages
    WHEN NEW.queue_id <> OLD.queue_id BEGIN
    UPDATE sqs_queues SET message_count = message_count - 1 WHERE id = OLD.queue_id;
    UPDATE sqs_queues SET message_count = message_count + 1 WHERE id = NEW.queue_id;
END;
