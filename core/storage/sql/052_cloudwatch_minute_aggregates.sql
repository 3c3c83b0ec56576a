-- CloudWatch: SampleCount, Sum, Minimum and Maximum of each metric per unit and UTC minute,
-- kept up to date with cw_datapoints by MetricStore (insert, roll-up, retention). Simple
-- statistics over periods that are whole minutes read these rows (one per minute) instead of
-- every datum: a 3-hour window reads 180 rows however many datapoints were put.
CREATE TABLE cw_minute_aggregates (
    metric_id INTEGER NOT NULL REFERENCES cw_metrics (id) ON DELETE CASCADE,
    minute_ms INTEGER NOT NULL, -- ts_ms rounded down to the minute
    unit TEXT NOT NULL,
    sample_count REAL NOT NULL,
    sum REAL NOT NULL,
    minimum REAL NOT NULL,
    maximum REAL NOT NULL,
    PRIMARY KEY (metric_id, minute_ms, unit)
) WITHOUT ROWID;

INSERT INTO cw_minute_aggregates (metric_id, minute_ms, unit, sample_count, sum, minimum, maximum)
SELECT metric_id, ts_ms - (ts_ms % 60000), unit, sum(sample_count), sum(sum), min(minimum),
    max(maximum)
FROM cw_datapoints
GROUP BY metric_id, ts_ms - (ts_ms % 60000), unit;
