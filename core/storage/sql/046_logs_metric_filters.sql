-- CloudWatch Logs metric filters: a filter pattern per log group and the metric it feeds. The
-- transformation (metricName, metricNamespace, metricValue, defaultValue, dimensions, unit) is
-- kept as the JSON DescribeMetricFilters returns.
CREATE TABLE log_metric_filters (
    group_name TEXT NOT NULL REFERENCES log_groups (name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    pattern TEXT NOT NULL,
    transformation TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    PRIMARY KEY (group_name, name)
);
