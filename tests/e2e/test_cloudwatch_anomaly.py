# SPDX-License-Identifier: MIT
"""CloudWatch anomaly detection end to end: the detector operations in Query (AWS CLI v2, boto3),
JSON 1.0 and RPC v2 CBOR; ANOMALY_DETECTION_BAND in GetMetricData; and an anomaly detection alarm
(--threshold-metric-id) that goes to ALARM on the real clock when an outlier follows two-minute
of steady history, with CloudWatch's "Thresholds Crossed" reason."""
import datetime
import http.client
import json
import time

import test_cloudwatch as cw
from cbtest import ServerTestCase

NAMESPACE = "AnomalyApp"


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc)


class CloudWatchAnomalyTest(ServerTestCase):

    def json10(self, operation, body):
        stamp = datetime.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        connection.request("POST", "/", body=json.dumps(body).encode(), headers={
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": "GraniteServiceVersion20100801." + operation,
            "x-amzn-query-mode": "true",
            "X-Amz-Date": stamp,
            "Authorization": "AWS4-HMAC-SHA256 Credential=test/%s/us-east-1/monitoring/aws4_request, "
                             "SignedHeaders=host, Signature=%s" % (stamp[:8], "0" * 64)})
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), \
            (json.loads(payload) if payload else {})

    def cbor(self, operation, body):
        return cw.CloudWatchTest.cbor(self, operation, body)

    def put_history(self, metric, count, period_seconds=10, namespace=NAMESPACE):
        """count values alternating 8 and 12 (mean 10, standard deviation 2), one per period, ending
        one period before now, at high resolution so every period keeps its own value."""
        now = utc_now()
        data = [{"MetricName": metric, "Value": 8.0 if i % 2 else 12.0, "StorageResolution": 1,
                 "Timestamp": (now - datetime.timedelta(seconds=period_seconds * (i + 1))).isoformat()}
                for i in range(count)]
        self.aws("cloudwatch", "put-metric-data", "--namespace", namespace, "--metric-data", json.dumps(data))

    def test_detectors_in_every_protocol(self):
        NAMESPACE = "AnomalyOps"
        self.put_history("Load", 12, period_seconds=60, namespace=NAMESPACE)
        # Query: the legacy members with the AWS CLI, SingleMetricAnomalyDetector with boto3.
        self.aws("cloudwatch", "put-anomaly-detector", "--namespace", NAMESPACE, "--metric-name", "Load",
                 "--stat", "Average", "--configuration",
                 json.dumps({"ExcludedTimeRanges": [{"StartTime": "2026-01-01T00:00:00Z",
                                                     "EndTime": "2026-01-02T00:00:00Z"}],
                             "MetricTimezone": "Europe/Berlin"}))
        client = self.boto3_client("cloudwatch")
        client.put_anomaly_detector(SingleMetricAnomalyDetector={
            "Namespace": NAMESPACE, "MetricName": "Idle", "Dimensions": [{"Name": "Host", "Value": "a"}],
            "Stat": "p90"})
        client.put_anomaly_detector(MetricMathAnomalyDetector={"MetricDataQueries": [
            {"Id": "m1", "ReturnData": False, "MetricStat": {
                "Metric": {"Namespace": NAMESPACE, "MetricName": "Load"}, "Period": 60, "Stat": "Sum"}},
            {"Id": "e1", "Expression": "m1 * 2", "ReturnData": True}]})

        detectors = self.aws("cloudwatch", "describe-anomaly-detectors", "--namespace", NAMESPACE)["AnomalyDetectors"]
        self.assertEqual([(d["MetricName"], d["StateValue"]) for d in detectors],
                         [("Load", "TRAINED"), ("Idle", "PENDING_TRAINING")])
        load = detectors[0]
        self.assertEqual(load["SingleMetricAnomalyDetector"],
                         {"Namespace": NAMESPACE, "MetricName": "Load", "Dimensions": [], "Stat": "Average"})
        self.assertEqual(load["Configuration"]["MetricTimezone"], "Europe/Berlin")
        self.assertEqual(load["Configuration"]["ExcludedTimeRanges"][0]["StartTime"], "2026-01-01T00:00:00+00:00")
        paged = client.describe_anomaly_detectors(MaxResults=1, AnomalyDetectorTypes=["SINGLE_METRIC", "METRIC_MATH"])
        while "NextToken" in paged:
            paged = client.describe_anomaly_detectors(MaxResults=1, NextToken=paged["NextToken"],
                                                      AnomalyDetectorTypes=["SINGLE_METRIC", "METRIC_MATH"])
            self.assertEqual(len(paged["AnomalyDetectors"]), 1)
        self.assertIn("MetricMathAnomalyDetector", paged["AnomalyDetectors"][0])
        math = client.describe_anomaly_detectors(AnomalyDetectorTypes=["METRIC_MATH"])["AnomalyDetectors"]
        self.assertEqual(math[0]["MetricMathAnomalyDetector"]["MetricDataQueries"][1]["Expression"], "m1 * 2")

        # JSON 1.0 (query-compatible) and RPC v2 CBOR.
        status, _, body = self.json10("DescribeAnomalyDetectors", {"Namespace": NAMESPACE, "MetricName": "Idle"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["AnomalyDetectors"][0]["Stat"], "p90")
        status, headers, body = self.json10("DeleteAnomalyDetector", {"SingleMetricAnomalyDetector": {
            "Namespace": NAMESPACE, "MetricName": "Nothing", "Stat": "Sum"}})
        self.assertEqual(status, 404, body)
        self.assertEqual(body["__type"], "com.amazonaws.cloudwatch#ResourceNotFoundException")
        self.assertEqual(headers["x-amzn-query-error"], "ResourceNotFoundException;Sender")
        status, _, body = self.cbor("PutAnomalyDetector", {"Namespace": NAMESPACE, "MetricName": "Cbor",
                                                           "Stat": "Maximum"})
        self.assertEqual(status, 200, body)
        status, _, body = self.cbor("DescribeAnomalyDetectors", {"Namespace": NAMESPACE, "MetricName": "Cbor"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["AnomalyDetectors"][0]["StateValue"], "PENDING_TRAINING")
        status, headers, body = self.cbor("PutAnomalyDetector", {"Namespace": NAMESPACE, "MetricName": "Cbor",
                                                                 "Stat": "Maximum", "SingleMetricAnomalyDetector": {
                                                                     "Namespace": NAMESPACE, "MetricName": "Cbor",
                                                                     "Stat": "Maximum"}})
        self.assertEqual(status, 400, body)
        self.assertEqual(headers["x-amzn-query-error"], "InvalidParameterCombination;Sender")

        # Delete in each form; a second delete is ResourceNotFoundException (404).
        self.aws("cloudwatch", "delete-anomaly-detector", "--single-metric-anomaly-detector",
                 json.dumps({"Namespace": NAMESPACE, "MetricName": "Idle", "Stat": "p90",
                             "Dimensions": [{"Name": "Host", "Value": "a"}]}))
        self.aws("cloudwatch", "delete-anomaly-detector", "--namespace", NAMESPACE, "--metric-name", "Idle",
                 "--stat", "p90", "--dimensions", "Name=Host,Value=a", expect_error="ResourceNotFoundException")
        status, _, body = self.cbor("DeleteAnomalyDetector", {"SingleMetricAnomalyDetector": {
            "Namespace": NAMESPACE, "MetricName": "Cbor", "Stat": "Maximum"}})
        self.assertEqual(status, 200, body)
        self.aws("cloudwatch", "put-anomaly-detector", "--namespace", NAMESPACE, "--metric-name", "Load",
                 "--stat", "Median", expect_error="InvalidParameterValue")

    def test_band_and_alarm(self):
        self.put_history("Latency", 12)
        now = utc_now()
        queries = [{"Id": "m1", "ReturnData": True, "MetricStat": {
                        "Metric": {"Namespace": NAMESPACE, "MetricName": "Latency"}, "Period": 10, "Stat": "Average"}},
                   {"Id": "ad1", "Expression": "ANOMALY_DETECTION_BAND(m1, 2)", "Label": "Latency (expected)",
                    "ReturnData": True}]
        data = self.aws("cloudwatch", "get-metric-data", "--metric-data-queries", json.dumps(queries),
                        "--start-time", (now - datetime.timedelta(minutes=3)).isoformat(),
                        "--end-time", (now + datetime.timedelta(seconds=20)).isoformat(),
                        "--scan-by", "TimestampAscending")["MetricDataResults"]
        self.assertEqual([(r["Id"], r["Label"]) for r in data],
                         [("m1", "Latency"), ("ad1", "Latency (expected) Lower"), ("ad1", "Latency (expected) Upper")])
        # After all twelve values the band is 10 +/- 2 * 2.
        self.assertAlmostEqual(data[1]["Values"][-1], 6.0)
        self.assertAlmostEqual(data[2]["Values"][-1], 14.0)

        self.aws("cloudwatch", "put-metric-alarm", "--alarm-name", "latency-band", "--evaluation-periods", "1",
                 "--comparison-operator", "LessThanLowerOrGreaterThanUpperThreshold",
                 "--threshold-metric-id", "ad1", "--metrics", json.dumps(queries))
        self.aws("cloudwatch", "put-metric-alarm", "--alarm-name", "latency-band-bad", "--evaluation-periods", "1",
                 "--comparison-operator", "GreaterThanUpperThreshold", "--threshold", "5",
                 "--threshold-metric-id", "ad1", "--metrics", json.dumps(queries), expect_error="ValidationError")
        alarm = self.aws("cloudwatch", "describe-alarms", "--alarm-names", "latency-band")["MetricAlarms"][0]
        self.assertEqual(alarm["ThresholdMetricId"], "ad1")
        self.assertNotIn("Threshold", alarm)
        self.assertEqual([m["Id"] for m in alarm["Metrics"]], ["m1", "ad1"])
        self.assertEqual(alarm["Metrics"][1]["Expression"], "ANOMALY_DETECTION_BAND(m1, 2)")
        detectors = self.aws("cloudwatch", "describe-anomaly-detectors", "--metric-name", "Latency")
        self.assertEqual(detectors["AnomalyDetectors"][0]["Stat"], "Average")  # created by the alarm
        self.assertEqual(detectors["AnomalyDetectors"][0]["StateValue"], "TRAINED")

        # The outlier, repeated each second until a 10-second period holds it and is evaluated.
        client = self.boto3_client("cloudwatch")
        deadline = time.monotonic() + 25
        state = None
        while time.monotonic() < deadline:
            client.put_metric_data(Namespace=NAMESPACE, MetricData=[
                {"MetricName": "Latency", "Value": 100.0, "StorageResolution": 1}])
            alarm = client.describe_alarms(AlarmNames=["latency-band"])["MetricAlarms"][0]
            state = alarm["StateValue"]
            if state == "ALARM":
                break
            time.sleep(1)
        self.assertEqual(state, "ALARM")
        self.assertRegex(alarm["StateReason"],
                         r"^Thresholds Crossed: 1 out of the last 1 datapoints \[100\.0 \([\d/ :]{17}\)\] was "
                         r"less than the lower thresholds \[[-\d.E]+\] or greater than the upper thresholds "
                         r"\[[-\d.E]+\] \(minimum 1 datapoint for OK -> ALARM transition\)\.$")
        reason = json.loads(alarm["StateReasonData"])
        self.assertEqual(reason["recentDatapoints"], [100.0])
        self.assertEqual(len(reason["recentUpperThresholds"]), 1)


if __name__ == "__main__":
    import unittest
    unittest.main()
