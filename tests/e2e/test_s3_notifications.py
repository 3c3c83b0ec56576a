# SPDX-License-Identifier: MIT
"""S3 event notifications (S3-32..S3-35) with real clients: a queue destination is refused until
its policy lets s3.amazonaws.com send from the bucket, then gets an s3:TestEvent and one
message per matching event (created, copied, removed, delete marker; prefix/suffix filters);
a Lambda destination needs an AddPermission for S3 and is invoked with the event; invalid
configurations get AWS's InvalidArgument. boto3, the AWS CLI and the JS SDK v3."""
import json
import time

import botocore.exceptions

from cbtest import ServerTestCase, make_zip

ACCOUNT = "000000000000"
ROLE = "arn:aws:iam::000000000000:role/lambda-role"

PRINTER = '''
import json
def handler(event, context):
    for record in event["Records"]:
        print("EVENT", record["eventName"], record["s3"]["object"]["key"])
    return {"ok": True}
'''


def queue_policy(queue_arn, bucket):
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Service": "s3.amazonaws.com"},
            "Action": "sqs:SendMessage",
            "Resource": queue_arn,
            "Condition": {"ArnLike": {"aws:SourceArn": f"arn:aws:s3:::{bucket}"},
                          "StringEquals": {"aws:SourceAccount": ACCOUNT}},
        }],
    })


class S3Notifications(ServerTestCase):
    def setUp(self):
        self.s3 = self.boto3_client("s3")
        self.sqs = self.boto3_client("sqs")

    def queue(self, name, bucket, **attributes):
        url = self.sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
        arn = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        return url, arn

    def drain(self, url, expected):
        bodies = []
        deadline = time.monotonic() + 10
        while len(bodies) < expected and time.monotonic() < deadline:
            for message in self.sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                                    WaitTimeSeconds=1).get("Messages", []):
                bodies.append(json.loads(message["Body"]))
                self.sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        return bodies

    def test_queue_destination_gets_the_events_its_filter_matches(self):
        self.s3.create_bucket(Bucket="uploads")
        url, arn = self.queue("uploads-events", "uploads")
        config = {"QueueConfigurations": [{
            "Id": "incoming",
            "QueueArn": arn,
            "Events": ["s3:ObjectCreated:*", "s3:ObjectRemoved:*", "s3:ObjectRestore:*"],
            "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "in/"},
                                               {"Name": "suffix", "Value": ".txt"}]}},
        }]}
        # Without a queue policy for S3 the destination cannot be validated, as on AWS.
        with self.assertRaises(botocore.exceptions.ClientError) as refused:
            self.s3.put_bucket_notification_configuration(Bucket="uploads",
                                                          NotificationConfiguration=config)
        error = refused.exception.response["Error"]
        self.assertEqual(error["Code"], "InvalidArgument")
        self.assertEqual(error["Message"],
                         "Unable to validate the following destination configurations")
        self.assertEqual(error["ArgumentName1"], arn)
        self.assertIn("do not allow S3", error["ArgumentValue1"])
        self.assertEqual(self.drain(url, 0), [])

        self.sqs.set_queue_attributes(QueueUrl=url,
                                      Attributes={"Policy": queue_policy(arn, "uploads")})
        self.s3.put_bucket_notification_configuration(Bucket="uploads",
                                                      NotificationConfiguration=config)
        stored = self.s3.get_bucket_notification_configuration(Bucket="uploads")
        self.assertEqual(stored["QueueConfigurations"][0]["Id"], "incoming")
        self.assertEqual(stored["QueueConfigurations"][0]["Filter"]["Key"]["FilterRules"],
                         [{"Name": "Prefix", "Value": "in/"}, {"Name": "Suffix", "Value": ".txt"}])
        test_event = self.drain(url, 1)
        self.assertEqual(len(test_event), 1)
        self.assertEqual(test_event[0]["Event"], "s3:TestEvent")
        self.assertEqual(test_event[0]["Bucket"], "uploads")

        put = self.s3.put_object(Bucket="uploads", Key="in/my report.txt", Body=b"hello")
        self.s3.put_object(Bucket="uploads", Key="out/ignored.txt", Body=b"x")  # prefix
        self.s3.put_object(Bucket="uploads", Key="in/ignored.csv", Body=b"x")  # suffix
        self.s3.copy_object(Bucket="uploads", Key="in/copy.txt",
                            CopySource={"Bucket": "uploads", "Key": "in/my report.txt"})
        self.s3.delete_object(Bucket="uploads", Key="in/copy.txt")
        events = self.drain(url, 3)
        records = [event["Records"][0] for event in events]
        self.assertEqual([r["eventName"] for r in records],
                         ["ObjectCreated:Put", "ObjectCreated:Copy", "ObjectRemoved:Delete"])
        first = records[0]
        self.assertEqual(first["eventVersion"], "2.1")
        self.assertEqual(first["eventSource"], "aws:s3")
        self.assertEqual(first["awsRegion"], "us-east-1")
        self.assertTrue(first["eventTime"].endswith("Z"), first["eventTime"])
        self.assertEqual(first["s3"]["configurationId"], "incoming")
        self.assertEqual(first["s3"]["bucket"]["name"], "uploads")
        self.assertEqual(first["s3"]["bucket"]["arn"], "arn:aws:s3:::uploads")
        self.assertEqual(first["s3"]["object"]["key"], "in/my+report.txt")
        self.assertEqual(first["s3"]["object"]["size"], 5)
        self.assertEqual(first["s3"]["object"]["eTag"], put["ETag"].strip('"'))
        self.assertNotIn("size", records[2]["s3"]["object"])
        self.assertLess(records[0]["s3"]["object"]["sequencer"],
                        records[1]["s3"]["object"]["sequencer"])
        self.assertEqual(self.drain(url, 0), [])

        # Versioned: a plain delete creates a delete marker, which is its own event type.
        self.s3.put_bucket_versioning(Bucket="uploads",
                                      VersioningConfiguration={"Status": "Enabled"})
        version = self.s3.put_object(Bucket="uploads", Key="in/v.txt", Body=b"v1")["VersionId"]
        marker = self.s3.delete_object(Bucket="uploads", Key="in/v.txt")["VersionId"]
        records = [event["Records"][0] for event in self.drain(url, 2)]
        self.assertEqual([r["eventName"] for r in records],
                         ["ObjectCreated:Put", "ObjectRemoved:DeleteMarkerCreated"])
        self.assertEqual(records[0]["s3"]["object"]["versionId"], version)
        self.assertEqual(records[1]["s3"]["object"]["versionId"], marker)

        # Starting a restore of an archived object is an event; its completion comes when the
        # retrieval's time has passed (tst_s3service moves the clock for that).
        self.s3.put_object(Bucket="uploads", Key="in/cold.txt", Body=b"c", StorageClass="GLACIER")
        self.s3.restore_object(Bucket="uploads", Key="in/cold.txt", RestoreRequest={
            "Days": 1, "GlacierJobParameters": {"Tier": "Expedited"}})
        records = [event["Records"][0] for event in self.drain(url, 2)]
        self.assertEqual([r["eventName"] for r in records],
                         ["ObjectCreated:Put", "ObjectRestore:Post"])

        # An empty configuration turns notifications off.
        self.s3.put_bucket_notification_configuration(Bucket="uploads",
                                                      NotificationConfiguration={})
        self.s3.put_object(Bucket="uploads", Key="in/quiet.txt", Body=b"x")
        self.assertEqual(self.drain(url, 0), [])
        self.assertNotIn("QueueConfigurations",
                         self.s3.get_bucket_notification_configuration(Bucket="uploads"))

    def test_lambda_destination_needs_permission_and_is_invoked(self):
        lam = self.boto3_client("lambda")
        logs = self.boto3_client("logs")
        self.s3.create_bucket(Bucket="images")
        arn = lam.create_function(FunctionName="on-upload", Runtime="python3.12", Role=ROLE,
                                  Handler="app.handler", Timeout=30,
                                  Code={"ZipFile": make_zip(PRINTER)})["FunctionArn"]
        config = {"LambdaFunctionConfigurations": [{"LambdaFunctionArn": arn,
                                                    "Events": ["s3:ObjectCreated:Put"]}]}
        with self.assertRaises(botocore.exceptions.ClientError) as refused:
            self.s3.put_bucket_notification_configuration(Bucket="images",
                                                          NotificationConfiguration=config)
        self.assertEqual(refused.exception.response["Error"]["Code"], "InvalidArgument")
        self.assertIn("Not authorized to invoke function",
                      refused.exception.response["Error"]["ArgumentValue1"])
        # A permission for another bucket does not count.
        lam.add_permission(FunctionName="on-upload", StatementId="other", Principal="s3.amazonaws.com",
                           Action="lambda:InvokeFunction", SourceArn="arn:aws:s3:::other-bucket")
        with self.assertRaises(botocore.exceptions.ClientError):
            self.s3.put_bucket_notification_configuration(Bucket="images",
                                                          NotificationConfiguration=config)
        lam.add_permission(FunctionName="on-upload", StatementId="s3", Principal="s3.amazonaws.com",
                           Action="lambda:InvokeFunction", SourceArn="arn:aws:s3:::images",
                           SourceAccount=ACCOUNT)
        self.s3.put_bucket_notification_configuration(Bucket="images",
                                                      NotificationConfiguration=config)
        stored = self.s3.get_bucket_notification_configuration(Bucket="images")
        self.assertTrue(stored["LambdaFunctionConfigurations"][0]["Id"])
        self.s3.put_object(Bucket="images", Key="cat 1.png", Body=b"png")
        self.s3.delete_object(Bucket="images", Key="cat 1.png")  # not configured

        def printed():
            try:
                events = logs.filter_log_events(logGroupName="/aws/lambda/on-upload",
                                                filterPattern="EVENT")["events"]
            except botocore.exceptions.ClientError:
                return []
            return [e["message"].strip() for e in events]

        deadline = time.monotonic() + 30
        while not printed() and time.monotonic() < deadline:
            time.sleep(0.3)
        time.sleep(1)
        self.assertEqual(printed(), ["EVENT ObjectCreated:Put cat+1.png"])

    def test_js_sdk_configures_and_receives_events(self):
        out = self.node("s3notifications.cjs", "js-events")
        self.assertEqual(out["storedId"], "js")
        self.assertEqual(out["storedRules"], [{"Name": "Suffix", "Value": ".log"}])
        self.assertEqual(out["events"], ["s3:TestEvent", "ObjectCreated:Put logs/app+1.log 10000"])

    def test_invalid_configurations_are_refused_with_invalid_argument(self):
        self.aws("s3api", "create-bucket", "--bucket", "checked")
        url, arn = self.queue("checked-events", "checked")
        self.sqs.set_queue_attributes(QueueUrl=url,
                                      Attributes={"Policy": queue_policy(arn, "checked")})
        fifo_url, fifo_arn = self.queue("checked.fifo", "checked", FifoQueue="true")
        self.sqs.set_queue_attributes(QueueUrl=fifo_url,
                                      Attributes={"Policy": queue_policy(fifo_arn, "checked")})

        def put(config):
            return self.aws("s3api", "put-bucket-notification-configuration", "--bucket",
                            "checked", "--notification-configuration", json.dumps(config),
                            expect_error="InvalidArgument")

        def queue_config(events, rules=(), queue=arn, config_id=None):
            entry = {"QueueArn": queue, "Events": events}
            if rules:
                entry["Filter"] = {"Key": {"FilterRules": [{"Name": n, "Value": v}
                                                           for n, v in rules]}}
            if config_id:
                entry["Id"] = config_id
            return entry

        self.assertIn("The event is not supported for notifications",
                      put({"QueueConfigurations": [queue_config(["s3:ObjectCreated:Get"])]}))
        self.assertIn("Unable to validate the following destination configurations",
                      put({"QueueConfigurations": [queue_config(["s3:ObjectCreated:*"],
                                                                queue=fifo_arn)]}))
        gone = arn.replace("checked-events", "gone")
        self.assertIn("Unable to validate the following destination configurations",
                      put({"QueueConfigurations": [queue_config(["s3:ObjectCreated:*"], queue=gone)]}))
        # SkipDestinationValidation stores it unchecked (and sends no test event).
        self.s3.put_bucket_notification_configuration(
            Bucket="checked", SkipDestinationValidation=True,
            NotificationConfiguration={"QueueConfigurations": [
                {"QueueArn": gone, "Events": ["s3:ObjectCreated:*"]}]})
        self.assertEqual(self.s3.get_bucket_notification_configuration(Bucket="checked")[
            "QueueConfigurations"][0]["QueueArn"], gone)
        self.assertIn("Configuration is ambiguously defined",
                      put({"QueueConfigurations": [
                          queue_config(["s3:ObjectCreated:*"], [("prefix", "logs/")], config_id="a"),
                          queue_config(["s3:ObjectCreated:Put"], [("prefix", "logs/2026")],
                                       config_id="b")]}))
        # Disjoint prefixes for the same events are fine, and each gets an id.
        self.aws("s3api", "put-bucket-notification-configuration", "--bucket", "checked",
                 "--notification-configuration", json.dumps({"QueueConfigurations": [
                     queue_config(["s3:ObjectCreated:*"], [("prefix", "a/")]),
                     queue_config(["s3:ObjectCreated:*"], [("prefix", "b/")])]}))
        stored = self.aws("s3api", "get-bucket-notification-configuration", "--bucket", "checked")
        self.assertEqual(len(stored["QueueConfigurations"]), 2)
        self.assertTrue(all(c["Id"] for c in stored["QueueConfigurations"]))
        # The CLI's own view of what arrived: one test event for the queue.
        messages = self.aws("sqs", "receive-message", "--queue-url", url,
                            "--max-number-of-messages", "10")["Messages"]
        self.assertEqual([json.loads(m["Body"])["Event"] for m in messages], ["s3:TestEvent"])
