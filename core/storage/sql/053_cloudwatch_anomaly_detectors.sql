-- CloudWatch anomaly detectors (PutAnomalyDetector). detector_key identifies the model: the
-- metric and statistic of a single-metric detector, or the queries of a metric math detector.
-- The definition is the detector as DescribeAnomalyDetectors returns it (JSON), without its state,
-- which is computed from the metric's datapoints when asked for.
CREATE TABLE cw_anomaly_detectors (
    detector_key TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
