# SPDX-License-Identifier: MIT
"""Lambda triggered by a DynamoDB stream: an event source mapping (StartingPosition TRIM_HORIZON)
delivers the INSERT, MODIFY and REMOVE records of a put, an update and a delete to a real Python
handler in order, in AWS's DynamoDB event format; a failing batch is retried, not skipped; the
mapping reports IteratorAge; StartingPosition is required."""
import json
import os
import tempfile

from cbtest import ServerTestCase, make_zip, wait_for

ROLE = "arn:aws:iam::000000000000:role/lambda-role"

# Appends each batch to the file OUT names; fails while the file FAILS names holds a number > 0.
RECORDER = '''
import json, os
def handler(event, context):
    fails = os.environ.get("FAILS")
    if fails and os.path.exists(fails):
        left = int(open(fails).read() or "0")
        if left > 0:
            open(fails, "w").write(str(left - 1))
            raise RuntimeError("failing on purpose")
    with open(os.environ["OUT"], "a") as out:
        out.write(json.dumps(event) + "\\n")
    return {"records": len(event["Records"])}
'''


class LambdaWithDynamoDbStreams(ServerTestCase):
    def setUp(self):
        self.ddb = self.boto3_client("dynamodb")
        self.lam = self.boto3_client("lambda")
        self.folder = tempfile.mkdtemp(prefix="cb-ddb-trigger-")

    def create_table(self, name):
        return self.ddb.create_table(
            TableName=name, BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
        )["TableDescription"]["LatestStreamArn"]

    def create_function(self, name, env):
        self.lam.create_function(FunctionName=name, Runtime="python3.12", Role=ROLE,
                                 Handler="app.handler", Timeout=30,
                                 Environment={"Variables": env},
                                 Code={"ZipFile": make_zip(RECORDER)})

    def batches(self, path):
        if not os.path.exists(path):
            return []
        with open(path) as f:
            return [json.loads(line) for line in f if line.strip()]

    def records(self, path):
        return [record for batch in self.batches(path) for record in batch["Records"]]

    def test_records_reach_the_function_in_order(self):
        arn = self.create_table("orders")
        out = os.path.join(self.folder, "out.jsonl")
        self.create_function("recorder", {"OUT": out})
        with self.assertRaises(self.lam.exceptions.InvalidParameterValueException):
            self.lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="recorder")
        mapping = self.lam.create_event_source_mapping(
            EventSourceArn=arn, FunctionName="recorder", StartingPosition="TRIM_HORIZON",
            BatchSize=10)
        self.assertEqual(mapping["StartingPosition"], "TRIM_HORIZON")
        self.assertEqual(mapping["BatchSize"], 10)
        self.assertEqual(mapping["MaximumRetryAttempts"], -1)
        self.assertNotIn("_Position", mapping)

        self.ddb.put_item(TableName="orders", Item={"pk": {"S": "o1"}, "qty": {"N": "1"}})
        self.ddb.update_item(TableName="orders", Key={"pk": {"S": "o1"}},
                             UpdateExpression="SET qty = :q",
                             ExpressionAttributeValues={":q": {"N": "2"}})
        self.ddb.delete_item(TableName="orders", Key={"pk": {"S": "o1"}})

        records = wait_for(lambda: len(self.records(out)) >= 3 and self.records(out))
        self.assertTrue(records, "the function did not receive the stream's records")
        self.assertEqual([r["eventName"] for r in records], ["INSERT", "MODIFY", "REMOVE"])
        for record in records:
            self.assertEqual(record["eventSource"], "aws:dynamodb")
            self.assertEqual(record["eventSourceARN"], arn)
            self.assertEqual(record["eventVersion"], "1.1")
            self.assertEqual(record["awsRegion"], "us-east-1")
            self.assertEqual(record["dynamodb"]["Keys"], {"pk": {"S": "o1"}})
            self.assertEqual(record["dynamodb"]["StreamViewType"], "NEW_AND_OLD_IMAGES")
        self.assertEqual(records[1]["dynamodb"]["OldImage"]["qty"], {"N": "1"})
        self.assertEqual(records[1]["dynamodb"]["NewImage"]["qty"], {"N": "2"})

        got = self.lam.get_event_source_mapping(UUID=mapping["UUID"])
        self.assertNotIn("_Position", got)
        self.assertEqual(got["LastProcessingResult"], "OK")
        cloudwatch = self.boto3_client("cloudwatch")
        metrics = wait_for(lambda: cloudwatch.list_metrics(
            Namespace="AWS/Lambda", MetricName="IteratorAge",
            Dimensions=[{"Name": "FunctionName", "Value": "recorder"}])["Metrics"], timeout=10)
        self.assertTrue(metrics, "no IteratorAge metric")

    def test_failing_batch_is_retried_not_skipped(self):
        arn = self.create_table("payments")
        out = os.path.join(self.folder, "out.jsonl")
        fails = os.path.join(self.folder, "fails")
        with open(fails, "w") as f:
            f.write("2")
        self.create_function("flaky", {"OUT": out, "FAILS": fails})
        self.ddb.put_item(TableName="payments", Item={"pk": {"S": "p1"}})
        self.ddb.put_item(TableName="payments", Item={"pk": {"S": "p2"}})
        self.lam.create_event_source_mapping(
            EventSourceArn=arn, FunctionName="flaky", StartingPosition="TRIM_HORIZON")
        records = wait_for(lambda: self.records(out), timeout=60)
        self.assertTrue(records, "the batch was not retried")
        self.assertEqual([r["dynamodb"]["Keys"]["pk"]["S"] for r in records], ["p1", "p2"])
        with open(fails) as f:
            self.assertEqual(f.read(), "0")


if __name__ == "__main__":
    import unittest
    unittest.main()
