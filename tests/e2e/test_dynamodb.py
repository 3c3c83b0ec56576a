# SPDX-License-Identifier: MIT
"""DynamoDB end to end with real clients: boto3 (client and resource APIs), the AWS CLI v2 and the
JS SDK v3 with lib-dynamodb's DocumentClient. Tables, items, conditional writes, Query/Scan
paging, batches, transactions, TTL and consumed capacity; bad input gets AWS's
ValidationException with AWS's message and writes nothing."""
import json
from decimal import Decimal

from cbtest import ServerTestCase, raw_request


def create_orders(client, name="orders"):
    client.create_table(
        TableName=name,
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                              {"AttributeName": "sk", "AttributeType": "N"},
                              {"AttributeName": "status", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                   {"AttributeName": "sk", "KeyType": "RANGE"}],
        BillingMode="PAY_PER_REQUEST",
        GlobalSecondaryIndexes=[{"IndexName": "byStatus",
                                 "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "ALL"}}])


class Boto3Client(ServerTestCase):
    def setUp(self):
        self.ddb = self.boto3_client("dynamodb")

    def error(self, call, **kwargs):
        from botocore.exceptions import ClientError
        with self.assertRaises(ClientError) as raised:
            call(**kwargs)
        return raised.exception.response["Error"]

    def test_tables_items_and_queries(self):
        create_orders(self.ddb, "b3orders")
        self.assertIn("b3orders", self.ddb.list_tables()["TableNames"])
        waiter = self.ddb.get_waiter("table_exists")
        waiter.wait(TableName="b3orders", WaiterConfig={"Delay": 1, "MaxAttempts": 5})
        for i in range(30):
            self.ddb.put_item(TableName="b3orders", Item={
                "pk": {"S": "customer#1"}, "sk": {"N": str(i)},
                "status": {"S": "open" if i % 3 == 0 else "closed"},
                "total": {"N": "12345678901234567890123456789012345678"}})
        item = self.ddb.get_item(TableName="b3orders", Key={"pk": {"S": "customer#1"}, "sk": {"N": "7"}},
                                 ProjectionExpression="#t", ExpressionAttributeNames={"#t": "total"})["Item"]
        self.assertEqual(item, {"total": {"N": "12345678901234567890123456789012345678"}})

        paginator = self.ddb.get_paginator("query")
        keys = []
        for page in paginator.paginate(TableName="b3orders", KeyConditionExpression="pk = :p AND sk >= :s",
                                       ExpressionAttributeValues={":p": {"S": "customer#1"}, ":s": {"N": "10"}},
                                       ScanIndexForward=False, PaginationConfig={"PageSize": 7}):
            keys += [int(i["sk"]["N"]) for i in page["Items"]]
        self.assertEqual(keys, list(range(29, 9, -1)))

        result = self.ddb.query(TableName="b3orders", IndexName="byStatus",
                                KeyConditionExpression="#s = :s", ExpressionAttributeNames={"#s": "status"},
                                ExpressionAttributeValues={":s": {"S": "open"}}, Select="COUNT",
                                ReturnConsumedCapacity="INDEXES")
        self.assertEqual(result["Count"], 10)
        self.assertNotIn("Items", result)
        self.assertEqual(result["ConsumedCapacity"]["GlobalSecondaryIndexes"]["byStatus"]["CapacityUnits"], 0.5)

        update = self.ddb.update_item(TableName="b3orders", Key={"pk": {"S": "customer#1"}, "sk": {"N": "1"}},
                                      UpdateExpression="SET visits = if_not_exists(visits, :zero) + :one ADD tags :t",
                                      ExpressionAttributeValues={":zero": {"N": "0"}, ":one": {"N": "1"},
                                                                 ":t": {"SS": ["vip"]}},
                                      ReturnValues="UPDATED_NEW", ReturnConsumedCapacity="TOTAL")
        self.assertEqual(update["Attributes"], {"visits": {"N": "1"}, "tags": {"SS": ["vip"]}})
        # 1 WCU for the table + 1 for the ALL-projected GSI whose entry changed.
        self.assertEqual(update["ConsumedCapacity"]["CapacityUnits"], 2.0)

        err = self.error(self.ddb.put_item, TableName="b3orders",
                         Item={"pk": {"S": "customer#1"}, "sk": {"N": "1"}},
                         ConditionExpression="attribute_not_exists(pk)")
        self.assertEqual(err["Code"], "ConditionalCheckFailedException")
        self.assertEqual(err["Message"], "The conditional request failed")

        scanned = self.ddb.scan(TableName="b3orders", FilterExpression="visits = :one",
                                ExpressionAttributeValues={":one": {"N": "1"}})
        self.assertEqual((scanned["Count"], scanned["ScannedCount"]), (1, 30))
        self.assertEqual(self.ddb.describe_table(TableName="b3orders")["Table"]["ItemCount"], 30)

    def test_bad_input_is_rejected_without_writes(self):
        create_orders(self.ddb, "badinput")
        cases = [
            (dict(Item={"pk": {"S": ""}, "sk": {"N": "1"}}),
             "One or more parameter values are not valid. The AttributeValue for a key attribute "
             "cannot contain an empty string value. Key: pk"),
            (dict(Item={"pk": {"N": "1"}, "sk": {"N": "1"}}),
             "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N"),
            (dict(Item={"pk": {"S": "a"}}), "One or more parameter values were invalid: Missing the key sk in the item"),
            (dict(Item={"pk": {"S": "a"}, "sk": {"N": "1"}, "s": {"SS": ["x", "x"]}}),
             "One or more parameter values were invalid: Input collection [x, x] contains duplicates."),
            (dict(Item={"pk": {"S": "a"}, "sk": {"N": "1234567890123456789012345678901234567890123"}}),
             "Attempting to store more than 38 significant digits in a Number"),
            (dict(Item={"pk": {"S": "a"}, "sk": {"N": "1"}, "big": {"S": "x" * (400 * 1024)}}),
             "Item size has exceeded the maximum allowed size"),
            (dict(Item={"pk": {"S": "a"}, "sk": {"N": "1"}}, ConditionExpression="size = :v",
                  ExpressionAttributeValues={":v": {"N": "1"}}),
             "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: size"),
            (dict(Item={"pk": {"S": "a"}, "sk": {"N": "1"}}, ConditionExpression="attribute_exists(pk)",
                  ExpressionAttributeValues={":v": {"N": "1"}}),
             "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}"),
            (dict(Item={"pk": {"S": "a"}, "sk": {"N": "1"}}, ConditionExpression="#a = :v",
                  ExpressionAttributeValues={":v": {"N": "1"}}),
             "Invalid ConditionExpression: An expression attribute name used in the document path is not "
             "defined; attribute name: #a"),
        ]
        for kwargs, message in cases:
            with self.subTest(message=message):
                err = self.error(self.ddb.put_item, TableName="badinput", **kwargs)
                self.assertEqual(err["Code"], "ValidationException")
                self.assertEqual(err["Message"], message)
        err = self.error(self.ddb.get_item, TableName="nosuchtable", Key={"pk": {"S": "a"}})
        self.assertEqual(err["Code"], "ResourceNotFoundException")
        self.assertEqual(self.ddb.describe_table(TableName="badinput")["Table"]["ItemCount"], 0)
        # Malformed JSON on the wire.
        status, _, body = raw_request(self.server.port,
            b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"
            b"Content-Type: application/x-amz-json-1.0\r\nContent-Length: 5\r\n\r\n{bad}")
        self.assertEqual(status, 400)
        self.assertTrue(json.loads(body)["__type"].endswith("SerializationException"))

        def call(target, document):
            payload = json.dumps(document).encode()
            return raw_request(self.server.port,
                b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810." + target.encode()
                + b"\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
                + str(len(payload)).encode() + b"\r\n\r\n" + payload)
        # Members of the wrong JSON type, as DynamoDB's deserializer words it.
        create_orders(self.ddb, "typed")
        status, _, body = call("Scan", {"TableName": "typed", "Limit": "abc"})
        self.assertEqual((status, json.loads(body)["__type"], json.loads(body)["message"]),
                         (400, "com.amazon.coral.service#SerializationException",
                          "STRING_VALUE cannot be converted to Integer"))
        status, _, body = call("GetItem", {"TableName": 7, "Key": {}})
        self.assertEqual(json.loads(body)["message"], "NUMBER_VALUE cannot be converted to String")
        status, _, body = call("Query", {"TableName": "typed", "ExpressionAttributeValues": []})
        self.assertIn("Unrecognized collection type java.util.Map", json.loads(body)["message"])
        # DynamoDB takes "yes" for true.
        self.ddb.put_item(TableName="typed", Item={"pk": {"S": "a"}, "sk": {"N": "1"}})
        status, _, body = call("GetItem", {"TableName": "typed", "ConsistentRead": "yes",
                                           "Key": {"pk": {"S": "a"}, "sk": {"N": "1"}},
                                           "ReturnConsumedCapacity": "TOTAL"})
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["ConsumedCapacity"]["CapacityUnits"], 1.0)

    def test_transactions(self):
        create_orders(self.ddb, "bank")
        self.ddb.put_item(TableName="bank", Item={"pk": {"S": "alice"}, "sk": {"N": "0"}, "balance": {"N": "10"}})
        from botocore.exceptions import ClientError
        with self.assertRaises(ClientError) as raised:
            self.ddb.transact_write_items(TransactItems=[
                {"Put": {"TableName": "bank", "Item": {"pk": {"S": "bob"}, "sk": {"N": "0"}, "balance": {"N": "50"}}}},
                {"Update": {"TableName": "bank", "Key": {"pk": {"S": "alice"}, "sk": {"N": "0"}},
                            "UpdateExpression": "SET balance = balance - :a", "ConditionExpression": "balance >= :a",
                            "ExpressionAttributeValues": {":a": {"N": "50"}}}}])
        response = raised.exception.response
        self.assertEqual(response["Error"]["Code"], "TransactionCanceledException")
        self.assertEqual([r["Code"] for r in response["CancellationReasons"]], ["None", "ConditionalCheckFailed"])
        self.assertNotIn("Item", self.ddb.get_item(TableName="bank", Key={"pk": {"S": "bob"}, "sk": {"N": "0"}}))
        out = self.ddb.transact_write_items(ClientRequestToken="t-1", ReturnConsumedCapacity="TOTAL", TransactItems=[
            {"Update": {"TableName": "bank", "Key": {"pk": {"S": "alice"}, "sk": {"N": "0"}},
                        "UpdateExpression": "ADD balance :a", "ExpressionAttributeValues": {":a": {"N": "5"}}}}])
        self.assertEqual(out["ConsumedCapacity"][0]["CapacityUnits"], 2.0)
        got = self.ddb.transact_get_items(TransactItems=[
            {"Get": {"TableName": "bank", "Key": {"pk": {"S": "alice"}, "sk": {"N": "0"}}}}])
        self.assertEqual(got["Responses"][0]["Item"]["balance"], {"N": "15"})

    def test_batches_ttl_and_tags(self):
        create_orders(self.ddb, "batchy")
        self.ddb.batch_write_item(RequestItems={"batchy": [
            {"PutRequest": {"Item": {"pk": {"S": "k"}, "sk": {"N": str(i)}}}} for i in range(25)]})
        got = self.ddb.batch_get_item(RequestItems={"batchy": {"Keys": [
            {"pk": {"S": "k"}, "sk": {"N": str(i)}} for i in range(0, 25, 5)]}})
        self.assertEqual(len(got["Responses"]["batchy"]), 5)
        self.ddb.update_time_to_live(TableName="batchy",
                                     TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
        ttl = self.ddb.describe_time_to_live(TableName="batchy")["TimeToLiveDescription"]
        self.assertEqual(ttl, {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires"})
        arn = self.ddb.describe_table(TableName="batchy")["Table"]["TableArn"]
        self.ddb.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "blue"}])
        self.assertEqual(self.ddb.list_tags_of_resource(ResourceArn=arn)["Tags"], [{"Key": "team", "Value": "blue"}])
        self.ddb.delete_table(TableName="batchy")
        self.assertNotIn("batchy", self.ddb.list_tables()["TableNames"])


    def test_partiql(self):
        create_orders(self.ddb, "partiql")
        self.ddb.execute_statement(Statement="INSERT INTO partiql VALUE {'pk': ?, 'sk': ?, 'status': 'new'}",
                                   Parameters=[{"S": "a"}, {"N": "1"}])
        self.ddb.execute_statement(Statement="UPDATE partiql SET n = 5 WHERE pk = 'a' AND sk = 1")
        items = self.ddb.execute_statement(Statement='SELECT pk, n FROM "partiql" WHERE pk = ?',
                                           Parameters=[{"S": "a"}])["Items"]
        self.assertEqual(items, [{"pk": {"S": "a"}, "n": {"N": "5"}}])
        err = self.error(self.ddb.execute_statement, Statement="INSERT INTO partiql VALUE {'pk': 'a', 'sk': 1}")
        self.assertEqual(err["Code"], "DuplicateItemException")
        out = self.ddb.batch_execute_statement(Statements=[
            {"Statement": "SELECT * FROM partiql WHERE pk = 'a' AND sk = 1"},
            {"Statement": "SELECT * FROM missingtable WHERE pk = 'a' AND sk = 1"}])["Responses"]
        self.assertEqual(out[0]["Item"]["status"], {"S": "new"})
        self.assertEqual(out[1]["Error"]["Code"], "ResourceNotFound")
        err = self.error(self.ddb.batch_execute_statement, Statements=[
            {"Statement": "SELECT * FROM partiql WHERE pk = 'a' AND sk = 1"},
            {"Statement": "DELETE FROM partiql WHERE pk = 'a' AND sk = 1"}])
        self.assertEqual(err["Code"], "ValidationException")

    def test_legacy_condition_parameters(self):
        # Pre-2014 parameters, as older SDK code, DynamoDBMapper and many tutorials send them.
        create_orders(self.ddb, "legacy")
        for sk, status in ((1, "new"), (2, "paid"), (3, "new")):
            self.ddb.put_item(TableName="legacy", Item={"pk": {"S": "a"}, "sk": {"N": str(sk)},
                                                        "status": {"S": status}},
                              Expected={"pk": {"Exists": False}})
        err = self.error(self.ddb.put_item, TableName="legacy",
                         Item={"pk": {"S": "a"}, "sk": {"N": "1"}}, Expected={"pk": {"Exists": False}})
        self.assertEqual(err["Code"], "ConditionalCheckFailedException")
        out = self.ddb.query(TableName="legacy", KeyConditions={
            "pk": {"AttributeValueList": [{"S": "a"}], "ComparisonOperator": "EQ"},
            "sk": {"AttributeValueList": [{"N": "2"}, {"N": "3"}], "ComparisonOperator": "BETWEEN"}},
            QueryFilter={"status": {"AttributeValueList": [{"S": "new"}], "ComparisonOperator": "EQ"}})
        self.assertEqual([i["sk"]["N"] for i in out["Items"]], ["3"])
        self.assertEqual(out["ScannedCount"], 2)
        out = self.ddb.scan(TableName="legacy", ConditionalOperator="OR", ScanFilter={
            "sk": {"AttributeValueList": [{"N": "1"}], "ComparisonOperator": "EQ"},
            "status": {"AttributeValueList": [{"S": "paid"}], "ComparisonOperator": "EQ"}})
        self.assertEqual(sorted(i["sk"]["N"] for i in out["Items"]), ["1", "2"])
        self.ddb.update_item(TableName="legacy", Key={"pk": {"S": "a"}, "sk": {"N": "1"}},
                             AttributeUpdates={"n": {"Value": {"N": "5"}, "Action": "ADD"},
                                               "tags": {"Value": {"SS": ["x", "y"]}, "Action": "PUT"},
                                               "status": {"Action": "DELETE"}},
                             Expected={"status": {"Value": {"S": "new"}}})
        item = self.ddb.get_item(TableName="legacy", Key={"pk": {"S": "a"}, "sk": {"N": "1"}},
                                 AttributesToGet=["n", "tags", "status"])["Item"]
        self.assertEqual(item, {"n": {"N": "5"}, "tags": {"SS": ["x", "y"]}})
        err = self.error(self.ddb.delete_item, TableName="legacy", Key={"pk": {"S": "a"}, "sk": {"N": "2"}},
                         Expected={"status": {"ComparisonOperator": "BETWEEN",
                                              "AttributeValueList": [{"S": "a"}]}})
        self.assertEqual(err["Message"], "One or more parameter values were invalid: Invalid number of "
                                         "argument(s) for the BETWEEN ComparisonOperator")
        err = self.error(self.ddb.query, TableName="legacy", KeyConditionExpression="pk = :p",
                         ExpressionAttributeValues={":p": {"S": "a"}},
                         QueryFilter={"status": {"AttributeValueList": [{"S": "new"}],
                                                 "ComparisonOperator": "EQ"}})
        self.assertIn("Can not use both expression and non-expression parameters", err["Message"])
        # The CLI's own flags for them.
        out = self.aws("dynamodb", "query", "--table-name", "legacy", "--key-conditions",
                       json.dumps({"pk": {"AttributeValueList": [{"S": "a"}], "ComparisonOperator": "EQ"}}))
        self.assertEqual(out["Count"], 3)

    def test_partiql_transactions(self):
        create_orders(self.ddb, "ptx")
        self.ddb.execute_transaction(TransactStatements=[
            {"Statement": "INSERT INTO ptx VALUE {'pk': 'a', 'sk': 1, 'n': 1}"},
            {"Statement": "INSERT INTO ptx VALUE {'pk': ?, 'sk': 2}", "Parameters": [{"S": "a"}]}])
        read = self.ddb.execute_transaction(TransactStatements=[
            {"Statement": "SELECT n FROM ptx WHERE pk = 'a' AND sk = 1"},
            {"Statement": "SELECT * FROM ptx WHERE pk = 'a' AND sk = 9"}])["Responses"]
        self.assertEqual(read, [{"Item": {"n": {"N": "1"}}}, {}])
        # All or nothing: the duplicate INSERT cancels the UPDATE beside it.
        err = self.error(self.ddb.execute_transaction, TransactStatements=[
            {"Statement": "UPDATE ptx SET n = 2 WHERE pk = 'a' AND sk = 1"},
            {"Statement": "INSERT INTO ptx VALUE {'pk': 'a', 'sk': 2}"}])
        self.assertEqual(err["Code"], "TransactionCanceledException")
        self.assertIn("[None, DuplicateItem]", err["Message"])
        item = self.ddb.get_item(TableName="ptx", Key={"pk": {"S": "a"}, "sk": {"N": "1"}})["Item"]
        self.assertEqual(item["n"], {"N": "1"})
        err = self.error(self.ddb.execute_transaction, TransactStatements=[
            {"Statement": "SELECT * FROM ptx WHERE pk = 'a' AND sk = 1"},
            {"Statement": "DELETE FROM ptx WHERE pk = 'a' AND sk = 2"}])
        self.assertEqual(err["Code"], "ValidationException")
        err = self.error(self.ddb.execute_transaction, TransactStatements=[
            {"Statement": "SELECT * FROM ptx WHERE pk = 'a'"}])
        self.assertEqual(err["Code"], "ValidationException")


    def test_updated_values_of_nested_paths(self):
        """UpdateItem ReturnValues UPDATED_OLD/UPDATED_NEW return only the updated nested parts."""
        create_orders(self.ddb, "b3nested")
        key = {"pk": {"S": "n"}, "sk": {"N": "1"}}
        self.ddb.put_item(TableName="b3nested", Item={
            **key, "a": {"M": {"b": {"M": {"c": {"N": "1"}, "d": {"N": "2"}}}, "x": {"S": "keep"}}},
            "l": {"L": [{"N": "10"}, {"N": "20"}, {"N": "30"}]}})
        new = self.ddb.update_item(TableName="b3nested", Key=key, UpdateExpression="SET a.b.c = :v, l[1] = :v",
                                   ExpressionAttributeValues={":v": {"N": "9"}}, ReturnValues="UPDATED_NEW")
        self.assertEqual(new["Attributes"], {"a": {"M": {"b": {"M": {"c": {"N": "9"}}}}},
                                             "l": {"L": [{"N": "9"}]}})
        old = self.ddb.update_item(TableName="b3nested", Key=key, UpdateExpression="REMOVE a.b.d, l[0]",
                                   ReturnValues="UPDATED_OLD")
        self.assertEqual(old["Attributes"], {"a": {"M": {"b": {"M": {"d": {"N": "2"}}}}},
                                             "l": {"L": [{"N": "10"}]}})
        item = self.ddb.get_item(TableName="b3nested", Key=key)["Item"]
        self.assertEqual(item["a"], {"M": {"b": {"M": {"c": {"N": "9"}}}, "x": {"S": "keep"}}})
        self.assertEqual(item["l"], {"L": [{"N": "9"}, {"N": "30"}]})

    def test_item_collection_metrics(self):
        """Tables with an LSI report their item collection with ReturnItemCollectionMetrics=SIZE."""
        self.ddb.create_table(
            TableName="b3events", BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                  {"AttributeName": "sk", "AttributeType": "N"},
                                  {"AttributeName": "t", "AttributeType": "N"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            LocalSecondaryIndexes=[{"IndexName": "byTime",
                                    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                  {"AttributeName": "t", "KeyType": "RANGE"}],
                                    "Projection": {"ProjectionType": "KEYS_ONLY"}}])
        put = self.ddb.put_item(TableName="b3events", ReturnItemCollectionMetrics="SIZE",
                                Item={"pk": {"S": "p"}, "sk": {"N": "1"}, "t": {"N": "5"}})
        self.assertEqual(put["ItemCollectionMetrics"],
                         {"ItemCollectionKey": {"pk": {"S": "p"}}, "SizeEstimateRangeGB": [0.0, 1.0]})
        batch = self.ddb.batch_write_item(ReturnItemCollectionMetrics="SIZE", RequestItems={"b3events": [
            {"PutRequest": {"Item": {"pk": {"S": "q"}, "sk": {"N": "1"}}}}]})
        self.assertEqual(batch["ItemCollectionMetrics"]["b3events"][0]["ItemCollectionKey"], {"pk": {"S": "q"}})
        self.assertNotIn("ItemCollectionMetrics", self.ddb.put_item(
            TableName="b3events", Item={"pk": {"S": "p"}, "sk": {"N": "2"}}))

    def test_metrics_in_cloudwatch(self):
        """Requests report AWS/DynamoDB metrics that GetMetricStatistics and ListMetrics show."""
        import datetime
        create_orders(self.ddb, "b3metrics")
        for i in range(3):
            self.ddb.put_item(TableName="b3metrics", Item={"pk": {"S": "m"}, "sk": {"N": str(i)},
                                                           "pad": {"S": "x" * 1500}})
        result = self.ddb.query(TableName="b3metrics", KeyConditionExpression="pk = :p",
                                ExpressionAttributeValues={":p": {"S": "m"}})
        self.assertEqual(result["Count"], 3)
        self.assertNotIn("ConsumedCapacity", result)  # metered, but not shown unless asked
        self.error(self.ddb.put_item, TableName="b3metrics", Item={"pk": {"S": "m"}, "sk": {"N": "0"}},
                   ConditionExpression="attribute_not_exists(pk)")
        self.error(self.ddb.get_item, TableName="b3metrics", Key={"pk": {"S": "m"}})
        self.error(self.ddb.describe_table, TableName="b3absent")

        cw = self.boto3_client("cloudwatch")
        now = datetime.datetime.now(datetime.timezone.utc)
        window = {"StartTime": now - datetime.timedelta(minutes=10), "EndTime": now + datetime.timedelta(minutes=5),
                  "Period": 60}

        def total(name, dimensions, statistic="Sum"):
            points = cw.get_metric_statistics(Namespace="AWS/DynamoDB", MetricName=name, Dimensions=dimensions,
                                              Statistics=[statistic], **window)["Datapoints"]
            return sum(p[statistic] for p in points)

        table = [{"Name": "TableName", "Value": "b3metrics"}]
        # 3 puts of a 1.5 KB item without the GSI's key: 2 WCU each, on the table only.
        self.assertEqual(total("ConsumedWriteCapacityUnits", table), 6.0)
        # The query read 3 items of about 1.5 KB (4.5 KB -> 2 units, halved): 1 RCU.
        self.assertEqual(total("ConsumedReadCapacityUnits", table), 1.0)
        self.assertEqual(total("ReturnedItemCount", table + [{"Name": "Operation", "Value": "Query"}]), 3.0)
        self.assertEqual(total("ConditionalCheckFailedRequests", table), 1.0)
        self.assertGreaterEqual(total("UserErrors", []), 2.0)  # ValidationException, ResourceNotFound
        self.assertGreater(total("SuccessfulRequestLatency", table + [{"Name": "Operation", "Value": "PutItem"}],
                                 "SampleCount"), 2.0)
        names = {m["MetricName"] for m in cw.list_metrics(Namespace="AWS/DynamoDB")["Metrics"]}
        self.assertTrue({"ConsumedWriteCapacityUnits", "ConsumedReadCapacityUnits", "SuccessfulRequestLatency",
                         "ReturnedItemCount", "ConditionalCheckFailedRequests", "UserErrors"} <= names, names)


    def test_throttle_metrics_in_cloudwatch(self):
        """A PROVISIONED table out of capacity: a batch whose every item is throttled fails and
        counts one ThrottledRequests (TableName + Operation) and one WriteThrottleEvents /
        ReadThrottleEvents per item; a throttled PutItem counts in both."""
        import datetime
        import boto3
        from botocore.config import Config
        # No retries: each call below is one request (botocore retries throttling otherwise).
        self.ddb = boto3.client("dynamodb", endpoint_url=self.endpoint, region_name="us-east-1",
                                aws_access_key_id="test", aws_secret_access_key="test",
                                config=Config(retries={"max_attempts": 0}))
        self.ddb.create_table(
            TableName="b3slow", BillingMode="PROVISIONED",
            ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1},
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
        big = {"pk": {"S": "big"}, "blob": {"S": "x" * (300 * 1024 - 100)}}
        # 300 WCU each: the first takes the whole burst, one of the next two is throttled.
        self.ddb.put_item(TableName="b3slow", Item=big)
        throttled_puts = 0
        for _ in range(2):
            try:
                self.ddb.put_item(TableName="b3slow", Item=big)
            except self.ddb.exceptions.ProvisionedThroughputExceededException:
                throttled_puts += 1
        self.assertGreaterEqual(throttled_puts, 1)
        error = self.error(self.ddb.batch_write_item, RequestItems={"b3slow": [
            {"PutRequest": {"Item": {"pk": {"S": f"k{i}"}}}} for i in range(3)]})
        self.assertEqual(error["Code"], "ProvisionedThroughputExceededException")
        # 300 KB consistent reads take 75 RCU of the 300 of burst.
        throttled_gets = 0
        for _ in range(6):
            try:
                self.ddb.get_item(TableName="b3slow", Key={"pk": {"S": "big"}}, ConsistentRead=True)
            except self.ddb.exceptions.ProvisionedThroughputExceededException:
                throttled_gets += 1
        self.assertGreaterEqual(throttled_gets, 1)
        error = self.error(self.ddb.batch_get_item, RequestItems={"b3slow": {"Keys": [
            {"pk": {"S": "k1"}}, {"pk": {"S": "k2"}}]}})
        self.assertEqual(error["Code"], "ProvisionedThroughputExceededException")

        cw = self.boto3_client("cloudwatch")
        now = datetime.datetime.now(datetime.timezone.utc)
        window = {"StartTime": now - datetime.timedelta(minutes=10), "EndTime": now + datetime.timedelta(minutes=5),
                  "Period": 60}

        def total(name, dimensions):
            points = cw.get_metric_statistics(Namespace="AWS/DynamoDB", MetricName=name, Dimensions=dimensions,
                                              Statistics=["Sum"], **window)["Datapoints"]
            return sum(p["Sum"] for p in points)

        table = [{"Name": "TableName", "Value": "b3slow"}]

        def operation(name):
            return table + [{"Name": "Operation", "Value": name}]

        self.assertEqual(total("ThrottledRequests", operation("BatchWriteItem")), 1.0)
        self.assertEqual(total("ThrottledRequests", operation("BatchGetItem")), 1.0)
        self.assertEqual(total("ThrottledRequests", operation("PutItem")), float(throttled_puts))
        self.assertEqual(total("ThrottledRequests", operation("GetItem")), float(throttled_gets))
        self.assertEqual(total("WriteThrottleEvents", table), 3.0 + throttled_puts)
        self.assertEqual(total("ReadThrottleEvents", table), 2.0 + throttled_gets)
        names = {m["MetricName"] for m in cw.list_metrics(Namespace="AWS/DynamoDB", Dimensions=table)["Metrics"]}
        self.assertTrue({"ThrottledRequests", "WriteThrottleEvents", "ReadThrottleEvents"} <= names, names)

class Boto3Resource(ServerTestCase):
    def test_resource_api_with_python_types(self):
        try:
            import boto3
            from boto3.dynamodb.conditions import Attr, Key
        except ImportError:
            self.skipTest("python3-boto3 is not installed")
        resource = boto3.resource("dynamodb", endpoint_url=self.endpoint, region_name="us-east-1",
                                  aws_access_key_id="test", aws_secret_access_key="test")
        table = resource.create_table(
            TableName="music",
            KeySchema=[{"AttributeName": "artist", "KeyType": "HASH"},
                       {"AttributeName": "song", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "artist", "AttributeType": "S"},
                                  {"AttributeName": "song", "AttributeType": "S"}],
            ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
        table.wait_until_exists()
        with table.batch_writer() as batch:
            for n in range(12):
                batch.put_item(Item={"artist": "Ada", "song": f"song-{n:02d}", "year": 2000 + n,
                                     "rating": Decimal("4.5"), "genres": {"rock", "pop"}})
        items = table.query(KeyConditionExpression=Key("artist").eq("Ada") & Key("song").begins_with("song-0"),
                            FilterExpression=Attr("year").gte(2005))["Items"]
        self.assertEqual([i["song"] for i in items], ["song-05", "song-06", "song-07", "song-08", "song-09"])
        self.assertEqual(items[0]["rating"], Decimal("4.5"))
        self.assertEqual(items[0]["genres"], {"rock", "pop"})
        table.update_item(Key={"artist": "Ada", "song": "song-00"},
                          UpdateExpression="SET plays = if_not_exists(plays, :zero) + :one",
                          ExpressionAttributeValues={":zero": 0, ":one": 1})
        self.assertEqual(table.get_item(Key={"artist": "Ada", "song": "song-00"})["Item"]["plays"], 1)
        self.assertEqual(table.item_count, 12)
        table.delete()


class AwsCli(ServerTestCase):
    def test_cli_round_trip(self):
        self.aws("dynamodb", "create-table", "--table-name", "cli",
                 "--attribute-definitions", "AttributeName=id,AttributeType=S",
                 "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST")
        self.aws("dynamodb", "wait", "table-exists", "--table-name", "cli")
        for i in range(5):
            self.aws("dynamodb", "put-item", "--table-name", "cli",
                     "--item", json.dumps({"id": {"S": f"id{i}"}, "n": {"N": str(i)}}))
        out = self.aws("dynamodb", "scan", "--table-name", "cli", "--page-size", "2",
                       "--return-consumed-capacity", "TOTAL")
        self.assertEqual(out["Count"], 5)
        self.assertEqual(sorted(i["id"]["S"] for i in out["Items"]), [f"id{i}" for i in range(5)])
        out = self.aws("dynamodb", "get-item", "--table-name", "cli", "--key", '{"id":{"S":"id3"}}')
        self.assertEqual(out["Item"]["n"], {"N": "3"})
        err = self.aws("dynamodb", "update-item", "--table-name", "cli", "--key", '{"id":{"S":"id3"}}',
                       "--update-expression", "SET n = n +", expect_error="ValidationException")
        self.assertIn('Invalid UpdateExpression: Syntax error; token: <EOF>, near: "+"', err)
        tables = self.aws("dynamodb", "list-tables")
        self.assertEqual(tables["TableNames"], ["cli"])


    def test_backups_and_point_in_time_recovery(self):
        """DDB-39 with the CLI (backups, restores) and boto3 (errors, PITR window)."""
        self.aws("dynamodb", "create-table", "--table-name", "kept",
                 "--attribute-definitions", "AttributeName=id,AttributeType=S",
                 "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST")
        for i in range(3):
            self.aws("dynamodb", "put-item", "--table-name", "kept",
                     "--item", json.dumps({"id": {"S": f"id{i}"}}))
        backup = self.aws("dynamodb", "create-backup", "--table-name", "kept",
                          "--backup-name", "kept-1")["BackupDetails"]
        self.assertEqual(backup["BackupStatus"], "AVAILABLE")
        self.aws("dynamodb", "delete-item", "--table-name", "kept", "--key", '{"id":{"S":"id0"}}')
        restored = self.aws("dynamodb", "restore-table-from-backup", "--target-table-name",
                            "kept-restored", "--backup-arn", backup["BackupArn"])
        self.assertEqual(restored["TableDescription"]["RestoreSummary"]["SourceBackupArn"],
                         backup["BackupArn"])
        self.aws("dynamodb", "wait", "table-exists", "--table-name", "kept-restored")
        self.assertEqual(self.aws("dynamodb", "scan", "--table-name", "kept-restored")["Count"], 3)
        listed = self.aws("dynamodb", "list-backups", "--table-name", "kept")["BackupSummaries"]
        self.assertEqual([b["BackupName"] for b in listed], ["kept-1"])

        ddb = self.boto3_client("dynamodb")
        from botocore.exceptions import ClientError
        with self.assertRaises(ClientError) as raised:
            ddb.restore_table_to_point_in_time(SourceTableName="kept", TargetTableName="pitr",
                                               UseLatestRestorableTime=True)
        self.assertEqual(raised.exception.response["Error"]["Code"],
                         "PointInTimeRecoveryUnavailableException")
        answer = ddb.update_continuous_backups(
            TableName="kept", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
        window = answer["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
        self.assertEqual(window["PointInTimeRecoveryStatus"], "ENABLED")
        self.assertIn("EarliestRestorableDateTime", window)
        with self.assertRaises(ClientError) as raised:
            ddb.describe_continuous_backups(TableName="absent")
        self.assertEqual(raised.exception.response["Error"]["Code"], "TableNotFoundException")
        self.aws("dynamodb", "delete-table", "--table-name", "kept")
        self.aws("dynamodb", "delete-table", "--table-name", "kept-restored")
        system = self.aws("dynamodb", "list-backups", "--backup-type", "SYSTEM")["BackupSummaries"]
        self.assertEqual([b["BackupName"] for b in system], ["kept$DeletedTableBackup"])


class JsSdk(ServerTestCase):
    def test_client_and_document_client(self):
        out = self.node("dynamodb.cjs")
        self.assertEqual(out["created"], "CREATING")
        self.assertEqual(out["doc"], {"id": "a", "n": 42, "list": [1, "two"], "map": {"nested": True}})
        self.assertEqual(out["queryCount"], 3)
        self.assertEqual(out["conditionFailed"], "ConditionalCheckFailedException")
        self.assertEqual(out["oldItemOnFailure"], {"id": {"S": "a"}, "n": {"N": "42"},
                                                    "list": {"L": [{"N": "1"}, {"S": "two"}]},
                                                    "map": {"M": {"nested": {"BOOL": True}}}})
        self.assertEqual(out["cancellation"], ["ConditionalCheckFailed"])
        self.assertEqual(out["validation"], "ValidationException")
