# SPDX-License-Identifier: MIT
"""Lambda and SQS together: an SQS event source mapping drains a queue through a real Python
handler and deletes what succeeded; a message the handler keeps failing becomes visible again
and the queue's redrive policy moves it to the dead-letter queue after maxReceiveCount; an
asynchronous invocation that keeps failing lands its record in the on-failure SQS destination;
a handler writes to SQS through boto3 and AWS_ENDPOINT_URL."""
import json
import time

from cbtest import ServerTestCase, make_zip, wait_for

ROLE = "arn:aws:iam::000000000000:role/lambda-role"

CONSUMER = '''
import json
def handler(event, context):
    bodies = [record["body"] for record in event["Records"]]
    for record in event["Records"]:
        assert record["eventSource"] == "aws:sqs"
        assert record["attributes"]["ApproximateReceiveCount"]
    if any("fail" in body for body in bodies):
        raise RuntimeError("refusing " + ",".join(bodies))
    print("consumed", json.dumps(bodies))
    return {"consumed": bodies}
'''

PRODUCER = '''
import boto3
def handler(event, context):
    sqs = boto3.client("sqs")
    url = sqs.get_queue_url(QueueName=event["queue"])["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="from lambda " + context.aws_request_id)
    return {"sent": True}
'''

ALWAYS_FAILS = '''
def handler(event, context):
    raise ValueError("always")
'''



class LambdaWithSqs(ServerTestCase):
    def setUp(self):
        self.sqs = self.boto3_client("sqs")
        self.lam = self.boto3_client("lambda")

    def create_function(self, name, code):
        self.lam.create_function(FunctionName=name, Runtime="python3.12", Role=ROLE,
                                 Handler="app.handler", Timeout=30,
                                 Code={"ZipFile": make_zip(code)})

    def count(self, url, attribute="ApproximateNumberOfMessages"):
        return int(self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=[attribute])
                   ["Attributes"][attribute])

    def test_mapping_drains_queue_and_failures_reach_the_dlq(self):
        dlq = self.sqs.create_queue(QueueName="orders-dlq")["QueueUrl"]
        dlq_arn = self.sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        url = self.sqs.create_queue(QueueName="orders", Attributes={
            "VisibilityTimeout": "30",
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "2"}),
        })["QueueUrl"]
        arn = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        self.create_function("consumer", CONSUMER)
        mapping = self.lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="consumer",
                                                       BatchSize=1)
        # Lambda checks the visibility timeout (>= the function's 30 s) only when the mapping is
        # made; shortening it afterwards makes failed messages come back quickly.
        self.sqs.set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "1"})
        self.assertEqual(mapping["EventSourceArn"], arn)
        for body in ("order 1", "order 2", "please fail"):
            self.sqs.send_message(QueueUrl=url, MessageBody=body)

        moved = wait_for(lambda: self.count(dlq) == 1, timeout=90)
        self.assertTrue(moved, "the failing message never reached the dead-letter queue")
        received = self.sqs.receive_message(QueueUrl=dlq, MaxNumberOfMessages=10)["Messages"]
        self.assertEqual([m["Body"] for m in received], ["please fail"])
        self.assertTrue(wait_for(lambda: self.count(url) == 0
                                 and self.count(url, "ApproximateNumberOfMessagesNotVisible") == 0))

        logs = self.boto3_client("logs")
        events = logs.filter_log_events(logGroupName="/aws/lambda/consumer",
                                        filterPattern="consumed")["events"]
        consumed = sorted(e["message"] for e in events)
        self.assertEqual(len(consumed), 2, consumed)

        self.lam.update_event_source_mapping(UUID=mapping["UUID"], Enabled=False)
        wait_for(lambda: self.lam.get_event_source_mapping(UUID=mapping["UUID"])["State"]
                 == "Disabled", timeout=20)
        self.sqs.send_message(QueueUrl=url, MessageBody="order 3")
        time.sleep(3)
        self.assertEqual(self.count(url), 1, "a disabled mapping must stop polling")

    def test_handler_writes_to_sqs_through_the_endpoint(self):
        url = self.sqs.create_queue(QueueName="from-lambda")["QueueUrl"]
        self.create_function("producer", PRODUCER)
        out = self.lam.invoke(FunctionName="producer",
                              Payload=json.dumps({"queue": "from-lambda"}).encode())
        self.assertNotIn("FunctionError", out, out["Payload"].read())
        messages = self.sqs.receive_message(QueueUrl=url)["Messages"]
        self.assertTrue(messages[0]["Body"].startswith("from lambda "))

    def test_async_failure_reaches_the_on_failure_destination(self):
        url = self.sqs.create_queue(QueueName="failures")["QueueUrl"]
        arn = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        self.create_function("always-fails", ALWAYS_FAILS)
        self.lam.put_function_event_invoke_config(
            FunctionName="always-fails", MaximumRetryAttempts=0,
            DestinationConfig={"OnFailure": {"Destination": arn}})
        out = self.lam.invoke(FunctionName="always-fails", InvocationType="Event",
                              Payload=b'{"order": 7}')
        self.assertEqual(out["StatusCode"], 202)
        messages = wait_for(lambda: self.sqs.receive_message(QueueUrl=url).get("Messages"))
        self.assertTrue(messages, "no failure record reached the destination queue")
        record = json.loads(messages[0]["Body"])
        self.assertEqual(record["requestPayload"], {"order": 7})
        self.assertEqual(record["requestContext"]["condition"], "RetriesExhausted")
        self.assertEqual(record["responsePayload"]["errorMessage"], "always")

    def test_mapping_rules_as_aws(self):
        url = self.sqs.create_queue(QueueName="short")["QueueUrl"]
        arn = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        self.lam.create_function(FunctionName="slow", Runtime="python3.12", Role=ROLE,
                                 Handler="app.handler", Timeout=60,
                                 Code={"ZipFile": make_zip(CONSUMER)})
        with self.assertRaises(self.lam.exceptions.InvalidParameterValueException) as visibility:
            self.lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="slow")
        self.assertEqual(visibility.exception.response["Error"]["Message"],
                         "Queue visibility timeout: 30 seconds is less than Function timeout: "
                         "60 seconds")
        self.lam.update_function_configuration(FunctionName="slow", Timeout=30)
        with self.assertRaises(self.lam.exceptions.InvalidParameterValueException) as position:
            self.lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="slow",
                                                 StartingPosition="LATEST")
        self.assertEqual(position.exception.response["Error"]["Message"],
                         "StartingPosition is not valid for SQS event sources.")
        self.assertEqual(self.lam.list_event_source_mappings(FunctionName="slow")
                         ["EventSourceMappings"], [])

    def test_mapping_to_a_missing_queue_is_refused(self):
        self.create_function("orphan", CONSUMER)
        with self.assertRaises(self.lam.exceptions.InvalidParameterValueException):
            self.lam.create_event_source_mapping(
                EventSourceArn="arn:aws:sqs:us-east-1:000000000000:no-such-queue",
                FunctionName="orphan")


if __name__ == "__main__":
    import unittest
    unittest.main()
