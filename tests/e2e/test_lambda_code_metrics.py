# SPDX-License-Identifier: MIT
"""Lambda end to end, part two: function code read from S3 (Code.S3Bucket/S3Key/S3ObjectVersion,
uploaded with `aws s3 cp`) and S3's errors wrapped as Lambda reports them; the AWS/Lambda metrics
(Invocations, Errors, Throttles, Duration, ConcurrentExecutions) in GetMetricStatistics and
ListMetrics; ListFunctionEventInvokeConfigs; the legacy InvokeAsync; FilterLogEvents with JSON and
space-delimited filter patterns through the CLI."""
import datetime
import json
import os
import subprocess
import time

from cbtest import ServerTestCase, make_zip

ROLE = "arn:aws:iam::000000000000:role/lambda-role"

HANDLER_V1 = """
def handler(event, context):
    if event.get("raise"):
        raise RuntimeError("asked to fail")
    return {"from": "s3", "version": 1, "event": event}
"""

HANDLER_V2 = """
def handler(event, context):
    return {"from": "s3", "version": 2}
"""

ASYNC_HANDLER = """
import json
def handler(event, context):
    print("async-marker", json.dumps(event))
    return "ok"
"""



class LambdaCodeAndMetricsTest(ServerTestCase):

    def write(self, name, data):
        path = os.path.join(self.workdir, name)
        with open(path, "wb") as handle:
            handle.write(data)
        return path

    def lambda_client(self):
        return self.boto3_client("lambda", read_timeout=120)

    def s3_cli(self, *args):
        """`aws s3 ...` prints text, not JSON."""
        if not os.access("/usr/bin/aws", os.X_OK):
            self.skipTest("the AWS CLI (/usr/bin/aws) is not installed")
        result = subprocess.run(["/usr/bin/aws", "--endpoint-url", self.endpoint, "s3", *args],
                                capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)

    def invoke_cli(self, name, payload, *extra):
        out = os.path.join(self.workdir, name + "-out.json")
        meta = self.aws("lambda", "invoke", "--function-name", name, "--cli-binary-format",
                        "raw-in-base64-out", "--payload", json.dumps(payload), *extra, out)
        with open(out) as handle:
            return meta, json.load(handle)

    def test_code_from_s3_with_cli(self):
        self.s3_cli("mb", "s3://code-bucket")
        self.aws("s3api", "put-bucket-versioning", "--bucket", "code-bucket",
                 "--versioning-configuration", "Status=Enabled")
        v1 = self.write("v1.zip", make_zip({"app.py": HANDLER_V1}))
        self.s3_cli("cp", v1, "s3://code-bucket/pkg/app.zip")
        first_version = self.aws("s3api", "head-object", "--bucket", "code-bucket",
                                 "--key", "pkg/app.zip")["VersionId"]

        created = self.aws("lambda", "create-function", "--function-name", "from-s3",
                           "--runtime", "python3.12", "--role", ROLE, "--handler", "app.handler",
                           "--code", "S3Bucket=code-bucket,S3Key=pkg/app.zip")
        self.assertEqual(created["CodeSize"], os.path.getsize(v1))
        _, body = self.invoke_cli("from-s3", {"k": 1})
        self.assertEqual(body, {"from": "s3", "version": 1, "event": {"k": 1}})

        # A new object version; UpdateFunctionCode from S3 picks it up, and S3ObjectVersion
        # pins the older one.
        v2 = self.write("v2.zip", make_zip({"app.py": HANDLER_V2}))
        self.s3_cli("cp", v2, "s3://code-bucket/pkg/app.zip")
        updated = self.aws("lambda", "update-function-code", "--function-name", "from-s3",
                           "--s3-bucket", "code-bucket", "--s3-key", "pkg/app.zip")
        self.assertEqual(updated["CodeSize"], os.path.getsize(v2))
        _, body = self.invoke_cli("from-s3", {})
        self.assertEqual(body["version"], 2)
        self.aws("lambda", "update-function-code", "--function-name", "from-s3",
                 "--s3-bucket", "code-bucket", "--s3-key", "pkg/app.zip",
                 "--s3-object-version", first_version)
        _, body = self.invoke_cli("from-s3", {})
        self.assertEqual(body["version"], 1)

    def test_code_from_s3_errors(self):
        client = self.lambda_client()
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="err-bucket")
        s3.put_object(Bucket="err-bucket", Key="not-a-zip", Body=b"plain text")
        common = dict(Runtime="python3.12", Role=ROLE, Handler="app.handler")
        cases = [
            ({"S3Bucket": "err-bucket", "S3Key": "missing.zip"},
             "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: "
             "The specified key does not exist."),
            ({"S3Bucket": "no-such-bucket-here", "S3Key": "a.zip"},
             "Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: "
             "The specified bucket does not exist"),
            ({"S3Bucket": "err-bucket", "S3Key": "not-a-zip"},
             "Could not unzip uploaded file. Please check your file, then try to upload again."),
        ]
        for code, message in cases:
            with self.subTest(code=code):
                with self.assertRaises(client.exceptions.InvalidParameterValueException) as caught:
                    client.create_function(FunctionName="bad-s3", Code=code, **common)
                self.assertEqual(caught.exception.response["Error"]["Message"], message)
                self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"],
                                 400)
        with self.assertRaises(client.exceptions.ResourceNotFoundException):
            client.get_function(FunctionName="bad-s3")
        # UpdateFunctionCode of a missing function is a 404 before S3 is read.
        with self.assertRaises(client.exceptions.ResourceNotFoundException):
            client.update_function_code(FunctionName="nobody", S3Bucket="err-bucket",
                                        S3Key="missing.zip")
        # The CLI reports the same error code.
        self.aws("lambda", "create-function", "--function-name", "bad-s3", "--runtime",
                 "python3.12", "--role", ROLE, "--handler", "app.handler", "--code",
                 "S3Bucket=err-bucket,S3Key=missing.zip",
                 expect_error="InvalidParameterValueException")

    def metric_sum(self, metric, function, statistic="Sum"):
        now = datetime.datetime.now(datetime.timezone.utc)
        points = self.aws("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda",
                          "--metric-name", metric, "--dimensions",
                          f"Name=FunctionName,Value={function}",
                          "--start-time", (now - datetime.timedelta(minutes=10)).isoformat(),
                          "--end-time", (now + datetime.timedelta(minutes=2)).isoformat(),
                          "--period", "60", "--statistics", statistic)["Datapoints"]
        return sum(point[statistic] for point in points) if statistic == "Sum" else \
            max((point[statistic] for point in points), default=None)

    def test_metrics(self):
        client = self.lambda_client()
        client.create_function(FunctionName="metered", Runtime="python3.12", Role=ROLE,
                               Handler="app.handler",
                               Code={"ZipFile": make_zip({"app.py": HANDLER_V1})})
        for event in ({}, {"raise": 1}, {}):
            client.invoke(FunctionName="metered", Payload=json.dumps(event))["Payload"].read()
        client.put_function_concurrency(FunctionName="metered", ReservedConcurrentExecutions=0)
        # One attempt only: botocore retries a 429, and each attempt is a throttle.
        self.boto3_client("lambda")  # skips when boto3 is missing
        from botocore.config import Config
        import boto3
        single = boto3.client("lambda", endpoint_url=self.endpoint, region_name="us-east-1",
                              aws_access_key_id="test", aws_secret_access_key="test",
                              config=Config(retries={"total_max_attempts": 1, "mode": "standard"}))
        with self.assertRaises(single.exceptions.TooManyRequestsException):
            single.invoke(FunctionName="metered", Payload=b"{}")
        client.delete_function_concurrency(FunctionName="metered")

        self.assertEqual(self.metric_sum("Invocations", "metered"), 3)
        self.assertEqual(self.metric_sum("Errors", "metered"), 1)
        self.assertEqual(self.metric_sum("Throttles", "metered"), 1)
        self.assertGreater(self.metric_sum("Duration", "metered", "Maximum"), 0)
        self.assertEqual(self.metric_sum("ConcurrentExecutions", "metered", "Maximum"), 1)
        now = datetime.datetime.now(datetime.timezone.utc)
        stats = self.aws("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda",
                         "--metric-name", "Duration", "--dimensions",
                         "Name=FunctionName,Value=metered",
                         "--start-time", (now - datetime.timedelta(minutes=10)).isoformat(),
                         "--end-time", (now + datetime.timedelta(minutes=2)).isoformat(),
                         "--period", "60", "--statistics", "SampleCount")["Datapoints"]
        self.assertEqual(sum(p["SampleCount"] for p in stats), 3)
        for point in stats:
            self.assertEqual(point["Unit"], "Milliseconds")

        names = {m["MetricName"] for m in self.aws(
            "cloudwatch", "list-metrics", "--namespace", "AWS/Lambda", "--dimensions",
            "Name=FunctionName,Value=metered")["Metrics"]}
        self.assertTrue({"Invocations", "Errors", "Throttles", "Duration",
                         "ConcurrentExecutions"} <= names, names)

        # A published version invoked by qualifier adds the Resource dimension.
        client.publish_version(FunctionName="metered")
        client.invoke(FunctionName="metered", Qualifier="1", Payload=b"{}")["Payload"].read()
        cloudwatch = self.boto3_client("cloudwatch")
        resource = cloudwatch.list_metrics(Namespace="AWS/Lambda", MetricName="Invocations",
                                           Dimensions=[{"Name": "Resource",
                                                        "Value": "metered:1"}])["Metrics"]
        self.assertEqual(len(resource), 1)

    def test_event_invoke_configs_and_invoke_async(self):
        client = self.lambda_client()
        client.create_function(FunctionName="asyncy", Runtime="python3.12", Role=ROLE,
                               Handler="app.handler",
                               Code={"ZipFile": make_zip({"app.py": ASYNC_HANDLER})})
        listed = self.aws("lambda", "list-function-event-invoke-configs", "--function-name",
                          "asyncy")
        self.assertEqual(listed["FunctionEventInvokeConfigs"], [])
        client.put_function_event_invoke_config(FunctionName="asyncy", MaximumRetryAttempts=1)
        client.update_function_event_invoke_config(FunctionName="asyncy",
                                                   MaximumEventAgeInSeconds=120)
        got = client.get_function_event_invoke_config(FunctionName="asyncy")
        self.assertEqual(got["MaximumEventAgeInSeconds"], 120)
        listed = client.list_function_event_invoke_configs(FunctionName="asyncy")
        self.assertEqual(len(listed["FunctionEventInvokeConfigs"]), 1)
        self.assertEqual(listed["FunctionEventInvokeConfigs"][0]["FunctionArn"],
                         "arn:aws:lambda:us-east-1:000000000000:function:asyncy:$LATEST")
        self.assertNotIn("NextMarker", listed)
        with self.assertRaises(client.exceptions.ResourceNotFoundException):
            client.list_function_event_invoke_configs(FunctionName="nobody")
        self.aws("lambda", "list-function-event-invoke-configs", "--function-name", "asyncy",
                 "--max-items", "1")
        client.delete_function_event_invoke_config(FunctionName="asyncy")
        self.assertEqual(
            client.list_function_event_invoke_configs(FunctionName="asyncy")[
                "FunctionEventInvokeConfigs"], [])

        args = self.write("args.json", json.dumps({"legacy": True}).encode())
        answered = self.aws("lambda", "invoke-async", "--function-name", "asyncy",
                            "--invoke-args", args)
        self.assertEqual(answered, {"Status": 202})
        response = client.invoke_async(FunctionName="asyncy", InvokeArgs=b'{"boto": 1}')
        self.assertEqual(response["Status"], 202)
        self.aws("lambda", "invoke-async", "--function-name", "nobody", "--invoke-args", args,
                 expect_error="ResourceNotFoundException")

        logs = self.boto3_client("logs")
        deadline = time.time() + 30
        messages = []
        while time.time() < deadline:
            try:
                events = logs.filter_log_events(logGroupName="/aws/lambda/asyncy",
                                                filterPattern="async-marker")["events"]
            except logs.exceptions.ResourceNotFoundException:
                events = []
            messages = [event["message"] for event in events]
            if len(messages) >= 2:
                break
            time.sleep(0.3)
        self.assertTrue(any('{"legacy": true}' in m for m in messages), messages)
        self.assertTrue(any('{"boto": 1}' in m for m in messages), messages)

    def test_filter_patterns_with_cli(self):
        self.aws("logs", "create-log-group", "--log-group-name", "/app/patterns")
        self.aws("logs", "create-log-stream", "--log-group-name", "/app/patterns",
                 "--log-stream-name", "s")
        now = int(time.time() * 1000)
        messages = ['{"level": "ERROR", "latency": 250, "user": {"id": "bot-1"}}',
                    '{"level": "INFO", "latency": 20}',
                    '10.0.0.1 - alice [07/Dec/2026:01:00:00 +0000] "GET /a HTTP/1.1" 404 512',
                    '10.0.0.2 - bob [07/Dec/2026:01:00:01 +0000] "GET /b HTTP/1.1" 200 4096']
        self.aws("logs", "put-log-events", "--log-group-name", "/app/patterns",
                 "--log-stream-name", "s", "--log-events",
                 json.dumps([{"timestamp": now + i, "message": m} for i, m in enumerate(messages)]))

        def found(pattern):
            return [e["message"] for e in self.aws(
                "logs", "filter-log-events", "--log-group-name", "/app/patterns",
                "--filter-pattern", pattern)["events"]]

        self.assertEqual(found('{ $.level = "ERROR" && $.latency > 100 }'), messages[:1])
        self.assertEqual(found('{ $.latency < 100 || $.user.id = "bot*" }'), messages[:2])
        self.assertEqual(found("[ip, ..., status = 4*, bytes]"), messages[2:3])
        self.assertEqual(found("[ip, ..., status, bytes > 1000]"), messages[3:])
        self.assertEqual(found('?alice ?"GET /b"'), messages[2:])
        self.aws("logs", "filter-log-events", "--log-group-name", "/app/patterns",
                 "--filter-pattern", "{ $.latency > }",
                 expect_error="InvalidParameterException")


if __name__ == "__main__":
    import unittest
    unittest.main()
