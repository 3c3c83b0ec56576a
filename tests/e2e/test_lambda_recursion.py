# SPDX-License-Identifier: MIT
"""Lambda's recursive loop detection with real clients: a function that writes back to the bucket
that triggers it, and one that sends back to the queue it consumes, each run 16 times in a chain
and no more (the SDK inside the function carries the Lineage count in X-Amzn-Trace-Id); the
dropped invocation shows in the RecursiveInvocationsDropped metric, and the queue's redrive policy
moves the message it did not run to the dead-letter queue; PutFunctionRecursionConfig Allow lets a
function loop; a direct Invoke carrying a
Lineage count of 16 gets RecursiveInvocationException."""
import datetime
import json
import time
import urllib.error
import urllib.request

from cbtest import ServerTestCase, make_zip

ROLE = "arn:aws:iam::000000000000:role/lambda-role"

WRITES_BACK = '''
import boto3, uuid
s3 = boto3.client("s3")
def handler(event, context):
    bucket = event["Records"][0]["s3"]["bucket"]["name"]
    s3.put_object(Bucket=bucket, Key="copy-" + uuid.uuid4().hex, Body=b"again")
    return {"ok": True}
'''

SENDS_BACK = '''
import boto3
sqs = boto3.client("sqs")
def handler(event, context):
    url = sqs.get_queue_url(QueueName="loop")["QueueUrl"]
    for record in event["Records"]:
        sqs.send_message(QueueUrl=url, MessageBody=record["body"] + "+")
    return {"ok": True}
'''


def settle(read, quiet=3.0, timeout=60, changes=False):
    """Reads until the value has not changed for `quiet` seconds. With changes=True it first
    waits for the value to move at all: a cold start on a loaded 2-core machine can take longer
    than `quiet`, and once ended the wait at the chain's first step."""
    deadline = time.monotonic() + timeout
    first = value = read()
    since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = read()
        if now != value:
            value, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet and not (changes and value == first):
            break
    return value


class RecursiveLoops(ServerTestCase):
    def setUp(self):
        self.lam = self.boto3_client("lambda")
        self.cw = self.boto3_client("cloudwatch")

    def create_function(self, name, code):
        return self.lam.create_function(FunctionName=name, Runtime="python3.12", Role=ROLE,
                                        Handler="app.handler", Timeout=30,
                                        Code={"ZipFile": make_zip(code)})["FunctionArn"]

    def lambda_sum(self, metric, function):
        # One period from the hour before to two hours after: every datapoint of the test in it.
        hour = datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0,
                                                                    microsecond=0)
        points = self.cw.get_metric_statistics(
            Namespace="AWS/Lambda", MetricName=metric,
            Dimensions=[{"Name": "FunctionName", "Value": function}], Period=3 * 3600,
            StartTime=hour - datetime.timedelta(hours=1), EndTime=hour + datetime.timedelta(hours=2),
            Statistics=["Sum"])["Datapoints"]
        return points[0]["Sum"] if points else 0

    def dropped(self, function):
        return self.lambda_sum("RecursiveInvocationsDropped", function)

    def invocations(self, function):
        return self.lambda_sum("Invocations", function)

    def test_function_writing_to_its_trigger_bucket_stops_after_16(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="loop-bucket")
        arn = self.create_function("writes-back", WRITES_BACK)
        self.lam.add_permission(FunctionName="writes-back", StatementId="s3",
                                Principal="s3.amazonaws.com", Action="lambda:InvokeFunction",
                                SourceArn="arn:aws:s3:::loop-bucket")
        s3.put_bucket_notification_configuration(Bucket="loop-bucket", NotificationConfiguration={
            "LambdaFunctionConfigurations": [{"LambdaFunctionArn": arn,
                                              "Events": ["s3:ObjectCreated:*"]}]})
        s3.put_object(Bucket="loop-bucket", Key="first", Body=b"start")
        count = settle(lambda: s3.list_objects_v2(Bucket="loop-bucket")["KeyCount"], changes=True)
        self.assertEqual(count, 1 + 16)  # the first object, then one per invocation
        self.assertEqual(settle(lambda: self.dropped("writes-back")), 1.0)

    def test_function_sending_to_its_source_queue_stops_after_16(self):
        sqs = self.boto3_client("sqs")
        dlq = sqs.create_queue(QueueName="loop-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        url = sqs.create_queue(QueueName="loop", Attributes={
            "VisibilityTimeout": "30",
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "2"}),
        })["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        self.create_function("sends-back", SENDS_BACK)
        self.lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="sends-back",
                                             BatchSize=1)
        # Checked against the function's 30 s timeout only when the mapping is made.
        sqs.set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "1"})
        sqs.send_message(QueueUrl=url, MessageBody="m")
        invocations = settle(lambda: self.invocations("sends-back"), quiet=4, changes=True)
        self.assertEqual(invocations, 16)
        self.assertGreaterEqual(settle(lambda: self.dropped("sends-back")), 1.0)
        # The message the 16th invocation sent is not run: it returns to the queue, and the
        # redrive policy moves it to the dead-letter queue with the chain's trace header.
        # (Compared without receipt handles, which change with every receive.)
        moved = settle(lambda: [(m["Body"], m["Attributes"]["AWSTraceHeader"]) for m in
                                sqs.receive_message(QueueUrl=dlq, AttributeNames=["All"],
                                                    VisibilityTimeout=0).get("Messages", [])],
                       changes=True)
        self.assertEqual(len(moved), 1)
        self.assertEqual(moved[0][0], "m" + "+" * 16)
        self.assertTrue(moved[0][1].endswith(":16"), moved[0][1])

    def test_direct_invoke_with_lineage_16_is_refused(self):
        self.create_function("plain", "def handler(event, context):\n    return 1\n")
        request = urllib.request.Request(
            self.endpoint + "/2015-03-31/functions/plain/invocations", data=b"{}", method="POST",
            headers={"X-Amzn-Trace-Id": "Root=1-5759e988-bd862e3fe1be46a994272793;"
                                        "Parent=53995c3f42cd8ad8;Sampled=0;Lineage=a87bd80c:16",
                     "Authorization": "AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/"
                                      "lambda/aws4_request, SignedHeaders=host, Signature=x"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        self.assertEqual(refused.exception.code, 400)
        error = refused.exception.headers.get("x-amzn-ErrorType") or ""
        body = refused.exception.read().decode()
        self.assertIn("RecursiveInvocationException", error + body)
        # Lineage 15: the 16th invocation of its chain still runs.
        request.headers["X-amzn-trace-id"] = request.headers.pop("X-amzn-trace-id").replace(
            ":16", ":15")
        self.assertEqual(json.loads(urllib.request.urlopen(request, timeout=30).read()), 1)

    def call(self, method, path, body=None, headers=None):
        request = urllib.request.Request(
            self.endpoint + path, data=None if body is None else json.dumps(body).encode(),
            method=method, headers=dict({
                "Content-Type": "application/json",
                "Authorization": "AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/lambda/"
                                 "aws4_request, SignedHeaders=host, Signature=x"}, **(headers or {})))
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def test_recursion_config_allows_a_loop(self):
        self.create_function("looper", "def handler(event, context):\n    return 2\n")
        config = "/2024-08-31/functions/looper/recursion-config"
        self.assertEqual(self.call("GET", config), (200, {"RecursiveLoop": "Terminate"}))
        status, error = self.call("PUT", config, {"RecursiveLoop": "Sometimes"})
        self.assertEqual(status, 400)
        self.assertIn("Allow, Terminate", json.dumps(error))
        self.assertEqual(self.call("PUT", config, {"RecursiveLoop": "Allow"}),
                         (200, {"RecursiveLoop": "Allow"}))
        self.assertEqual(self.call("GET", config), (200, {"RecursiveLoop": "Allow"}))
        self.assertEqual(self.call("GET", "/2024-08-31/functions/nope/recursion-config")[0], 404)
        # Allowed: the 17th invocation of a chain runs.
        trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0;Lineage=a87bd80c:16"
        self.assertEqual(self.call("POST", "/2015-03-31/functions/looper/invocations", {},
                                   {"X-Amzn-Trace-Id": trace}), (200, 2))
