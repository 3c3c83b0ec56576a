-- DynamoDB item collections: for tables with a local secondary index, the size of each
-- partition (its items plus what the LSIs project), kept live so writes can enforce the 10 GB
-- limit without summing the partition. Tables that existed before this migration start from
-- their items' sizes.
CREATE TABLE ddb_item_collections (
    table_id INTEGER NOT NULL,
    hash_key BLOB NOT NULL,
    size_bytes INTEGER NOT NULL,
    PRIMARY KEY (table_id, hash_key)
) WITHOUT ROWID;

INSERT INTO ddb_item_collections (table_id, hash_key, size_bytes)
SELECT i.table_id, i.hash_key, SUM(i.size)
FROM ddb_items i
JOIN ddb_tables t ON t.id = i.table_id
WHERE EXISTS (
    SELECT 1 FROM json_each(t.definition, '$.indexes') AS idx
    WHERE json_extract(idx.value, '$.global') = 0
)
GROUP BY i.table_id, i.hash_key;
