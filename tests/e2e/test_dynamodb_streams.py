# SPDX-License-Identifier: MIT
"""DynamoDB Streams through boto3's dynamodbstreams client and the AWS CLI: a table's stream is
listed and described, and GetRecords returns the INSERT, MODIFY and REMOVE records of a put, an
update and a delete in order, with the images the StreamViewType asks for; errors carry AWS's
codes."""
from cbtest import ServerTestCase


class DynamoDbStreams(ServerTestCase):
    def setUp(self):
        self.ddb = self.boto3_client("dynamodb")
        self.streams = self.boto3_client("dynamodbstreams")

    def test_records_of_put_update_delete(self):
        table = self.ddb.create_table(
            TableName="orders", BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
        arn = table["TableDescription"]["LatestStreamArn"]
        self.ddb.put_item(TableName="orders", Item={"pk": {"S": "o1"}, "qty": {"N": "1"}})
        self.ddb.update_item(TableName="orders", Key={"pk": {"S": "o1"}},
                             UpdateExpression="SET qty = :q",
                             ExpressionAttributeValues={":q": {"N": "2"}})
        self.ddb.delete_item(TableName="orders", Key={"pk": {"S": "o1"}})

        listed = self.streams.list_streams(TableName="orders")["Streams"]
        self.assertEqual([s["StreamArn"] for s in listed], [arn])
        description = self.streams.describe_stream(StreamArn=arn)["StreamDescription"]
        self.assertEqual(description["StreamStatus"], "ENABLED")
        self.assertEqual(description["StreamViewType"], "NEW_AND_OLD_IMAGES")
        self.assertEqual(description["TableName"], "orders")
        self.assertEqual(description["KeySchema"], [{"AttributeName": "pk", "KeyType": "HASH"}])
        shard = description["Shards"][0]
        self.assertTrue(shard["ShardId"].startswith("shardId-"))
        self.assertNotIn("EndingSequenceNumber", shard["SequenceNumberRange"])

        iterator = self.streams.get_shard_iterator(
            StreamArn=arn, ShardId=shard["ShardId"],
            ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        got = self.streams.get_records(ShardIterator=iterator, Limit=100)
        records = got["Records"]
        self.assertIn("NextShardIterator", got)
        self.assertEqual([r["eventName"] for r in records], ["INSERT", "MODIFY", "REMOVE"])
        for record in records:
            self.assertEqual(record["eventSource"], "aws:dynamodb")
            self.assertEqual(record["eventVersion"], "1.1")
            self.assertEqual(record["awsRegion"], "us-east-1")
            self.assertEqual(record["dynamodb"]["Keys"], {"pk": {"S": "o1"}})
        sequences = [int(r["dynamodb"]["SequenceNumber"]) for r in records]
        self.assertEqual(sequences, sorted(sequences))
        self.assertEqual(records[0]["dynamodb"]["NewImage"]["qty"], {"N": "1"})
        self.assertNotIn("OldImage", records[0]["dynamodb"])
        self.assertEqual(records[1]["dynamodb"]["OldImage"]["qty"], {"N": "1"})
        self.assertEqual(records[1]["dynamodb"]["NewImage"]["qty"], {"N": "2"})
        self.assertNotIn("NewImage", records[2]["dynamodb"])
        # boto3 parses ApproximateCreationDateTime as a timestamp.
        self.assertGreater(records[0]["dynamodb"]["ApproximateCreationDateTime"].year, 2000)

        after = self.streams.get_shard_iterator(
            StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="AFTER_SEQUENCE_NUMBER",
            SequenceNumber=records[0]["dynamodb"]["SequenceNumber"])["ShardIterator"]
        self.assertEqual([r["eventName"] for r in
                          self.streams.get_records(ShardIterator=after)["Records"]],
                         ["MODIFY", "REMOVE"])

        # The AWS CLI reads the same stream.
        out = self.aws("dynamodbstreams", "describe-stream", "--stream-arn", arn)
        self.assertEqual(out["StreamDescription"]["StreamArn"], arn)

        # Disabling the stream: DISABLED, its shard closed, its records still there.
        self.ddb.update_table(TableName="orders", StreamSpecification={"StreamEnabled": False})
        description = self.streams.describe_stream(StreamArn=arn)["StreamDescription"]
        self.assertEqual(description["StreamStatus"], "DISABLED")
        self.assertIn("EndingSequenceNumber", description["Shards"][0]["SequenceNumberRange"])

    def test_errors(self):
        missing = ("arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/"
                   "2026-01-01T00:00:00.000")
        with self.assertRaises(self.streams.exceptions.ResourceNotFoundException):
            self.streams.describe_stream(StreamArn=missing)
        with self.assertRaises(self.streams.exceptions.ExpiredIteratorException) as raised:
            self.streams.get_records(ShardIterator=missing + "|1|" + "MTowOjA")
        self.assertIn("Iterator expired", str(raised.exception))
        self.assertEqual(self.streams.list_streams()["Streams"], [])


if __name__ == "__main__":
    import unittest
    unittest.main()
