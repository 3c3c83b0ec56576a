# SPDX-License-Identifier: MIT
"""CloudWatch Logs metric filters (CW-20) with real clients: matching events ingested after the
filter exists become datapoints (a literal count with a default value, a value and a dimension
taken from JSON events, a space-delimited field), a Lambda function's own log lines count, the
filter is never retroactive, TestMetricFilter shows what a pattern extracts, and bad input gets
AWS's errors. boto3 and the AWS CLI v2."""
import datetime
import json
import time
import urllib.error
import urllib.request

import botocore.exceptions

from cbtest import ServerTestCase, make_zip

ROLE = "arn:aws:iam::000000000000:role/lambda-role"

NOISY = '''
def handler(event, context):
    print("ERROR payment declined for order", event.get("order"))
    return {"ok": False}
'''


class MetricFilters(ServerTestCase):
    def setUp(self):
        self.logs = self.boto3_client("logs")
        self.cw = self.boto3_client("cloudwatch")

    def statistics(self, name, dimensions=(), statistics=("Sum", "SampleCount")):
        # One period from the hour before to two hours after: every datapoint of the test in it.
        hour = datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0,
                                                                    microsecond=0)
        points = self.cw.get_metric_statistics(
            Namespace="Shop", MetricName=name, Period=3 * 3600,
            Dimensions=[{"Name": n, "Value": v} for n, v in dimensions],
            StartTime=hour - datetime.timedelta(hours=1), EndTime=hour + datetime.timedelta(hours=2),
            Statistics=list(statistics))["Datapoints"]
        return points[0] if points else {}

    def put(self, group, stream, messages):
        now = int(time.time() * 1000)
        self.logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=[
            {"timestamp": now, "message": m} for m in messages])

    def test_matching_events_become_datapoints(self):
        self.logs.create_log_group(logGroupName="/shop/api")
        self.logs.create_log_stream(logGroupName="/shop/api", logStreamName="web-1")
        self.put("/shop/api", "web-1", ["ERROR before the filter existed"])  # never counted
        self.logs.put_metric_filter(
            logGroupName="/shop/api", filterName="errors", filterPattern="ERROR",
            metricTransformations=[{"metricName": "ErrorCount", "metricNamespace": "Shop",
                                    "metricValue": "1", "defaultValue": 0, "unit": "Count"}])
        self.logs.put_metric_filter(
            logGroupName="/shop/api", filterName="latency", filterPattern="{ $.latency = * }",
            metricTransformations=[{"metricName": "Latency", "metricNamespace": "Shop",
                                    "metricValue": "$.latency", "unit": "Milliseconds",
                                    "dimensions": {"Route": "$.route"}}])
        self.put("/shop/api", "web-1", [
            "ERROR card declined",
            json.dumps({"latency": 120, "route": "/cart"}),
            json.dumps({"latency": 80, "route": "/cart"}),
            "ERROR timeout",
            "INFO all good",
        ])
        errors = self.statistics("ErrorCount")
        self.assertEqual(errors["Sum"], 2.0)
        self.assertEqual(errors["SampleCount"], 5.0)  # the default value for the other three
        self.assertEqual(errors["Unit"], "Count")
        latency = self.statistics("Latency", [("Route", "/cart")], ["Average", "Maximum"])
        self.assertEqual(latency["Average"], 100.0)
        self.assertEqual(latency["Maximum"], 120.0)
        self.assertEqual(latency["Unit"], "Milliseconds")

        filters = self.logs.describe_metric_filters(logGroupName="/shop/api")["metricFilters"]
        self.assertEqual([f["filterName"] for f in filters], ["errors", "latency"])
        self.assertEqual(filters[0]["metricTransformations"][0]["defaultValue"], 0.0)
        self.assertEqual(filters[1]["metricTransformations"][0]["dimensions"], {"Route": "$.route"})
        by_metric = self.logs.describe_metric_filters(metricName="Latency",
                                                      metricNamespace="Shop")["metricFilters"]
        self.assertEqual([f["filterName"] for f in by_metric], ["latency"])
        group = self.logs.describe_log_groups(logGroupNamePrefix="/shop/api")["logGroups"][0]
        self.assertEqual(group["metricFilterCount"], 2)

        self.logs.delete_metric_filter(logGroupName="/shop/api", filterName="errors")
        self.put("/shop/api", "web-1", ["ERROR after the filter was deleted"])
        self.assertEqual(self.statistics("ErrorCount")["Sum"], 2.0)
        with self.assertRaises(botocore.exceptions.ClientError) as gone:
            self.logs.delete_metric_filter(logGroupName="/shop/api", filterName="errors")
        self.assertEqual(gone.exception.response["Error"]["Code"], "ResourceNotFoundException")

    def test_lambda_log_lines_count(self):
        lam = self.boto3_client("lambda")
        lam.create_function(FunctionName="checkout", Runtime="python3.12", Role=ROLE,
                            Handler="app.handler", Code={"ZipFile": make_zip(NOISY)})
        self.logs.create_log_group(logGroupName="/aws/lambda/checkout")
        self.logs.put_metric_filter(
            logGroupName="/aws/lambda/checkout", filterName="declined",
            filterPattern='"payment declined"',
            metricTransformations=[{"metricName": "Declined", "metricNamespace": "Shop",
                                    "metricValue": "1"}])
        for order in (1, 2, 3):
            lam.invoke(FunctionName="checkout", Payload=json.dumps({"order": order}))
        deadline = time.monotonic() + 20
        while self.statistics("Declined").get("Sum") != 3.0 and time.monotonic() < deadline:
            time.sleep(0.3)
        self.assertEqual(self.statistics("Declined").get("Sum"), 3.0)

    def test_cli_space_delimited_test_and_errors(self):
        self.aws("logs", "create-log-group", "--log-group-name", "access")
        self.aws("logs", "create-log-stream", "--log-group-name", "access", "--log-stream-name", "a")
        pattern = "[ip, user, status=5*, bytes]"
        self.aws("logs", "put-metric-filter", "--log-group-name", "access", "--filter-name", "5xx-bytes",
                 "--filter-pattern", pattern, "--metric-transformations",
                 "metricName=ServerErrorBytes,metricNamespace=Shop,metricValue=$bytes,unit=Bytes")
        tested = self.aws("logs", "test-metric-filter", "--filter-pattern", pattern,
                          "--log-event-messages", "10.0.0.1 amy 503 2048", "10.0.0.2 bob 200 10")
        self.assertEqual([m["eventNumber"] for m in tested["matches"]], [1])
        self.assertEqual(tested["matches"][0]["extractedValues"]["$bytes"], "2048")
        self.put("access", "a", ["10.0.0.1 amy 503 2048", "10.0.0.2 bob 200 10",
                                 "10.0.0.3 cid 500 1000"])
        self.assertEqual(self.statistics("ServerErrorBytes", statistics=["Sum"])["Sum"], 3048.0)

        self.aws("logs", "put-metric-filter", "--log-group-name", "missing", "--filter-name", "f",
                 "--filter-pattern", "ERROR", "--metric-transformations",
                 "metricName=M,metricNamespace=Shop,metricValue=1",
                 expect_error="ResourceNotFoundException")
        self.aws("logs", "put-metric-filter", "--log-group-name", "access", "--filter-name", "f",
                 "--filter-pattern", "ERROR", "--metric-transformations",
                 "metricName=M,metricNamespace=Shop,metricValue=$.latency",
                 expect_error="InvalidParameterException")
        self.aws("logs", "put-metric-filter", "--log-group-name", "access", "--filter-name", "f",
                 "--filter-pattern", "{ $.a = ", "--metric-transformations",
                 "metricName=M,metricNamespace=Shop,metricValue=1",
                 expect_error="InvalidParameterException")
        filters = self.aws("logs", "describe-metric-filters", "--log-group-name", "access")
        self.assertEqual([f["filterName"] for f in filters["metricFilters"]], ["5xx-bytes"])

    def test_wrong_member_types_are_serialization_errors(self):
        self.logs.create_log_group(logGroupName="typed")

        def put(transformation):
            request = urllib.request.Request(self.endpoint + "/", data=json.dumps({
                "logGroupName": "typed", "filterName": "f", "filterPattern": "ERROR",
                "metricTransformations": [transformation]}).encode(), headers={
                "X-Amz-Target": "Logs_20140328.PutMetricFilter",
                "Content-Type": "application/x-amz-json-1.1",
                "Authorization": "AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/logs/"
                                 "aws4_request, SignedHeaders=host, Signature=x"})
            try:
                urllib.request.urlopen(request, timeout=10)
                return None
            except urllib.error.HTTPError as error:
                self.assertEqual(error.code, 400)
                return json.loads(error.read())["__type"].split("#")[-1]

        base = {"metricName": "M", "metricNamespace": "N", "metricValue": "1"}
        self.assertEqual(put(dict(base, defaultValue="zero")), "SerializationException")
        self.assertEqual(put(dict(base, dimensions=["$.a"])), "SerializationException")
        self.assertEqual(put(dict(base, metricName=5)), "SerializationException")
        self.assertEqual(self.logs.describe_metric_filters(logGroupName="typed")["metricFilters"], [])
        self.assertIsNone(put(dict(base, defaultValue=0)))
