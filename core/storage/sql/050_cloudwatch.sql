-- CloudWatch metrics: one row per metric (namespace, name, dimension set) and one row per datum
-- (a single value, a Values/Counts set or a statistic set). Queries read one metric over a time
-- window, so datapoints are indexed by (metric_id, ts_ms) and never scanned.
CREATE TABLE cw_metrics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL,
    dimensions_key TEXT NOT NULL, -- "Name=Value\n..." sorted by name: the identity of the set
    dimensions TEXT NOT NULL,     -- JSON array of {"Name","Value"} in the same order
    last_put_ms INTEGER NOT NULL,
    UNIQUE (namespace, name, dimensions_key)
);
CREATE INDEX cw_metrics_name ON cw_metrics (name, namespace);

CREATE TABLE cw_datapoints (
    metric_id INTEGER NOT NULL REFERENCES cw_metrics (id) ON DELETE CASCADE,
    ts_ms INTEGER NOT NULL,
    unit TEXT NOT NULL,
    resolution INTEGER NOT NULL, -- 1 or 60 (StorageResolution)
    sample_count REAL NOT NULL,
    sum REAL NOT NULL,
    minimum REAL NOT NULL,
    maximum REAL NOT NULL,
    -- Raw values for percentiles: NULL for a statistic set, else a JSON array of [value, count].
    raw_values TEXT
);
CREATE INDEX cw_datapoints_metric_time ON cw_datapoints (metric_id, ts_ms);

-- Metric and composite alarms. The definition is the alarm as DescribeAlarms returns it (JSON,
-- protocol-neutral); state columns change on every evaluation.
CREATE TABLE cw_alarms (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL, -- 'MetricAlarm' or 'CompositeAlarm'
    definition TEXT NOT NULL,
    state_value TEXT NOT NULL,
    state_reason TEXT NOT NULL,
    state_reason_data TEXT NOT NULL,
    state_updated_ms INTEGER NOT NULL,
    state_transitioned_ms INTEGER NOT NULL,
    configuration_updated_ms INTEGER NOT NULL,
    next_evaluation_ms INTEGER NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE cw_alarm_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alarm_name TEXT NOT NULL,
    alarm_type TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    item_type TEXT NOT NULL, -- ConfigurationUpdate, StateUpdate, Action
    summary TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX cw_alarm_history_alarm ON cw_alarm_history (alarm_name, ts_ms);
CREATE INDEX cw_alarm_history_time ON cw_alarm_history (ts_ms);
