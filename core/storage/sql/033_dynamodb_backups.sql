-- DynamoDB backups (DDB-39). On-demand (USER) backups, and the SYSTEM backup a table with
-- point-in-time recovery leaves when it is deleted: the table's definition and counters when
-- backed up, and a copy of its items. They outlive the table.
CREATE TABLE ddb_backups (
    arn TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    table_name TEXT NOT NULL,
    table_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    expiry_ms INTEGER,
    definition TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    size_bytes INTEGER NOT NULL
);
CREATE INDEX ddb_backups_table ON ddb_backups (table_name, created_ms);

CREATE TABLE ddb_backup_items (
    backup_arn TEXT NOT NULL,
    item TEXT NOT NULL
);
CREATE INDEX ddb_backup_items_arn ON ddb_backup_items (backup_arn);

-- Point-in-time recovery: while it is on, every item change keeps the item as it was before
-- (NULL: there was none), so a restore undoes the changes after the chosen time.
CREATE TABLE ddb_pitr_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    table_id INTEGER NOT NULL,
    at_ms INTEGER NOT NULL,
    hash_key BLOB NOT NULL,
    range_key BLOB NOT NULL,
    old_item TEXT
);
CREATE INDEX ddb_pitr_changes_table ON ddb_pitr_changes (table_id, at_ms);
