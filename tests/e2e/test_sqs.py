# SPDX-License-Identifier: MIT
"""SQS end to end: the AWS CLI v2 and boto3 from Debian (Query protocol) and the JS SDK v3 (JSON
1.0) against one headless Cloudbench. Pins AWS's answers, error codes in each protocol, long
polling that ends early, batch partial failure, DLQ redrive, FIFO order and deduplication, and
that bad input stores nothing."""
import hashlib
import http.client
import json
import struct
import threading
import time
import unittest
import urllib.parse

from cbtest import ServerTestCase, raw_request


def md5_of_attributes(attributes):
    """AWS's documented algorithm for MD5OfMessageAttributes."""
    stream = b""
    for name in sorted(attributes):
        value = attributes[name]
        for part in (name.encode(), value["DataType"].encode()):
            stream += struct.pack(">I", len(part)) + part
        if "BinaryValue" in value:
            data = value["BinaryValue"]
            stream += b"\x02" + struct.pack(">I", len(data)) + data
        else:
            data = value["StringValue"].encode()
            stream += b"\x01" + struct.pack(">I", len(data)) + data
    return hashlib.md5(stream).hexdigest()


class SqsCliTest(ServerTestCase):
    def url(self, name):
        return f"{self.endpoint}/000000000000/{name}"

    def test_create_send_receive_delete(self):
        created = self.aws("sqs", "create-queue", "--queue-name", "cli-basic",
                           "--attributes", "VisibilityTimeout=45,DelaySeconds=0")
        self.assertEqual(created["QueueUrl"], self.url("cli-basic"))
        sent = self.aws("sqs", "send-message", "--queue-url", self.url("cli-basic"),
                        "--message-body", "hello",
                        "--message-attributes", json.dumps({"k": {"DataType": "String", "StringValue": "v"}}))
        self.assertEqual(sent["MD5OfMessageBody"], hashlib.md5(b"hello").hexdigest())
        self.assertEqual(sent["MD5OfMessageAttributes"],
                         md5_of_attributes({"k": {"DataType": "String", "StringValue": "v"}}))
        received = self.aws("sqs", "receive-message", "--queue-url", self.url("cli-basic"),
                            "--attribute-names", "All", "--message-attribute-names", "All")
        message = received["Messages"][0]
        self.assertEqual(message["Body"], "hello")
        self.assertEqual(message["MessageId"], sent["MessageId"])
        self.assertEqual(message["Attributes"]["ApproximateReceiveCount"], "1")
        self.assertEqual(message["MessageAttributes"]["k"]["StringValue"], "v")
        attributes = self.aws("sqs", "get-queue-attributes", "--queue-url", self.url("cli-basic"),
                              "--attribute-names", "All")["Attributes"]
        self.assertEqual(attributes["VisibilityTimeout"], "45")
        self.assertEqual(attributes["ApproximateNumberOfMessagesNotVisible"], "1")
        self.assertEqual(attributes["MessageRetentionPeriod"], "345600")
        self.assertEqual(attributes["QueueArn"], "arn:aws:sqs:us-east-1:000000000000:cli-basic")
        # A second receive sees nothing: the message is in flight.
        self.assertEqual(self.aws("sqs", "receive-message", "--queue-url", self.url("cli-basic")), {})
        self.aws("sqs", "delete-message", "--queue-url", self.url("cli-basic"),
                 "--receipt-handle", message["ReceiptHandle"])
        attributes = self.aws("sqs", "get-queue-attributes", "--queue-url", self.url("cli-basic"),
                              "--attribute-names", "ApproximateNumberOfMessagesNotVisible")["Attributes"]
        self.assertEqual(attributes["ApproximateNumberOfMessagesNotVisible"], "0")

    def test_errors_in_query_protocol(self):
        self.aws("sqs", "get-queue-url", "--queue-name", "cli-missing",
                 expect_error="AWS.SimpleQueueService.NonExistentQueue")
        self.aws("sqs", "create-queue", "--queue-name", "cli-bad", "--attributes", "VisibilityTimeout=99999",
                 expect_error="InvalidAttributeValue")
        self.aws("sqs", "create-queue", "--queue-name", "cli-bad", "--attributes", "Bogus=1",
                 expect_error="InvalidAttributeName")
        self.aws("sqs", "create-queue", "--queue-name", "bad name!", expect_error="InvalidParameterValue")
        self.aws("sqs", "create-queue", "--queue-name", "cli-exists", "--attributes", "DelaySeconds=5")
        self.aws("sqs", "create-queue", "--queue-name", "cli-exists", "--attributes", "DelaySeconds=6",
                 expect_error="QueueAlreadyExists")
        # Same attributes: idempotent.
        self.aws("sqs", "create-queue", "--queue-name", "cli-exists", "--attributes", "DelaySeconds=5")
        self.aws("sqs", "delete-message", "--queue-url", self.url("cli-exists"), "--receipt-handle", "garbage",
                 expect_error="ReceiptHandleIsInvalid")

    def test_purge_twice_within_60_seconds(self):
        self.aws("sqs", "create-queue", "--queue-name", "cli-purge")
        self.aws("sqs", "send-message", "--queue-url", self.url("cli-purge"), "--message-body", "x")
        self.aws("sqs", "purge-queue", "--queue-url", self.url("cli-purge"))
        self.aws("sqs", "purge-queue", "--queue-url", self.url("cli-purge"),
                 expect_error="AWS.SimpleQueueService.PurgeQueueInProgress")
        attributes = self.aws("sqs", "get-queue-attributes", "--queue-url", self.url("cli-purge"),
                              "--attribute-names", "ApproximateNumberOfMessages")["Attributes"]
        self.assertEqual(attributes["ApproximateNumberOfMessages"], "0")

    def test_tags_and_attributes(self):
        self.aws("sqs", "create-queue", "--queue-name", "cli-tags", "--tags", "a=1,b=2")
        self.aws("sqs", "tag-queue", "--queue-url", self.url("cli-tags"), "--tags", "c=3")
        self.aws("sqs", "untag-queue", "--queue-url", self.url("cli-tags"), "--tag-keys", "a")
        tags = self.aws("sqs", "list-queue-tags", "--queue-url", self.url("cli-tags"))["Tags"]
        self.assertEqual(tags, {"b": "2", "c": "3"})
        self.aws("sqs", "set-queue-attributes", "--queue-url", self.url("cli-tags"),
                 "--attributes", "ReceiveMessageWaitTimeSeconds=20,MessageRetentionPeriod=60")
        attributes = self.aws("sqs", "get-queue-attributes", "--queue-url", self.url("cli-tags"),
                              "--attribute-names", "ReceiveMessageWaitTimeSeconds", "MessageRetentionPeriod")
        self.assertEqual(attributes["Attributes"],
                         {"ReceiveMessageWaitTimeSeconds": "20", "MessageRetentionPeriod": "60"})
        self.aws("sqs", "set-queue-attributes", "--queue-url", self.url("cli-tags"),
                 "--attributes", "MessageRetentionPeriod=59", expect_error="InvalidAttributeValue")

    def test_fifo_order_and_deduplication(self):
        self.aws("sqs", "create-queue", "--queue-name", "cli.fifo", "--attributes", "FifoQueue=true")
        first = self.aws("sqs", "send-message", "--queue-url", self.url("cli.fifo"), "--message-body", "one",
                         "--message-group-id", "g", "--message-deduplication-id", "d1")
        again = self.aws("sqs", "send-message", "--queue-url", self.url("cli.fifo"), "--message-body", "other",
                         "--message-group-id", "g", "--message-deduplication-id", "d1")
        self.assertEqual(again["MessageId"], first["MessageId"])
        self.assertEqual(again["SequenceNumber"], first["SequenceNumber"])
        second = self.aws("sqs", "send-message", "--queue-url", self.url("cli.fifo"), "--message-body", "two",
                          "--message-group-id", "g", "--message-deduplication-id", "d2")
        self.assertGreater(int(second["SequenceNumber"]), int(first["SequenceNumber"]))
        self.aws("sqs", "send-message", "--queue-url", self.url("cli.fifo"), "--message-body", "x",
                 "--message-group-id", "g", expect_error="InvalidParameterValue")
        received = self.aws("sqs", "receive-message", "--queue-url", self.url("cli.fifo"),
                            "--max-number-of-messages", "10", "--attribute-names", "All")
        self.assertEqual([m["Body"] for m in received["Messages"]], ["one", "two"])
        self.assertEqual(received["Messages"][0]["Attributes"]["MessageGroupId"], "g")


class SqsBoto3Test(ServerTestCase):
    def setUp(self):
        self.sqs = self.boto3_client("sqs")

    def test_batch_partial_failure(self):
        url = self.sqs.create_queue(QueueName="b3-batch")["QueueUrl"]
        result = self.sqs.send_message_batch(QueueUrl=url, Entries=[
            {"Id": "ok", "MessageBody": "fine"},
            {"Id": "bad", "MessageBody": "nul \x00 byte"},
            {"Id": "attr", "MessageBody": "x",
             "MessageAttributes": {"n": {"DataType": "Number", "StringValue": "NaN?"}}},
        ])
        self.assertEqual([e["Id"] for e in result["Successful"]], ["ok"])
        failed = {e["Id"]: e for e in result["Failed"]}
        self.assertEqual(failed["bad"]["Code"], "InvalidMessageContents")
        self.assertTrue(failed["bad"]["SenderFault"])
        self.assertEqual(failed["attr"]["Code"], "InvalidParameterValue")
        count = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])
        self.assertEqual(count["Attributes"]["ApproximateNumberOfMessages"], "1")
        from botocore.exceptions import ClientError
        with self.assertRaises(ClientError) as caught:
            self.sqs.send_message_batch(QueueUrl=url, Entries=[])
        self.assertEqual(caught.exception.response["Error"]["Code"],
                         "AWS.SimpleQueueService.EmptyBatchRequest")

    def test_long_poll_returns_early_when_a_message_arrives(self):
        url = self.sqs.create_queue(QueueName="b3-longpoll")["QueueUrl"]
        sender = self.boto3_client("sqs")
        timer = threading.Timer(1.0, lambda: sender.send_message(QueueUrl=url, MessageBody="arrived"))
        started = time.monotonic()
        timer.start()
        result = self.sqs.receive_message(QueueUrl=url, WaitTimeSeconds=15)
        elapsed = time.monotonic() - started
        timer.join()
        self.assertEqual(result["Messages"][0]["Body"], "arrived")
        self.assertLess(elapsed, 5.0)
        started = time.monotonic()
        empty = self.sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1)
        self.assertNotIn("Messages", empty)
        self.assertGreaterEqual(time.monotonic() - started, 0.95)

    def test_visibility_and_stale_receipt_handle(self):
        url = self.sqs.create_queue(QueueName="b3-visibility")["QueueUrl"]
        self.sqs.send_message(QueueUrl=url, MessageBody="m")
        first = self.sqs.receive_message(QueueUrl=url, VisibilityTimeout=30)["Messages"][0]
        self.sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=first["ReceiptHandle"],
                                           VisibilityTimeout=0)
        second = self.sqs.receive_message(QueueUrl=url, AttributeNames=["ApproximateReceiveCount"])["Messages"][0]
        self.assertNotEqual(first["ReceiptHandle"], second["ReceiptHandle"])
        self.assertEqual(second["Attributes"]["ApproximateReceiveCount"], "2")
        # The old handle: DeleteMessage succeeds but the message stays (AWS documents this).
        self.sqs.delete_message(QueueUrl=url, ReceiptHandle=first["ReceiptHandle"])
        attributes = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        self.assertEqual(attributes["ApproximateNumberOfMessagesNotVisible"], "1")
        self.sqs.delete_message(QueueUrl=url, ReceiptHandle=second["ReceiptHandle"])
        attributes = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        self.assertEqual(attributes["ApproximateNumberOfMessagesNotVisible"], "0")

    def test_dead_letter_queue_redrive(self):
        dlq = self.sqs.create_queue(QueueName="b3-dlq")["QueueUrl"]
        arn = self.sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        source = self.sqs.create_queue(QueueName="b3-source", Attributes={
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": "1"})})["QueueUrl"]
        self.sqs.send_message(QueueUrl=source, MessageBody="poison")
        self.sqs.receive_message(QueueUrl=source, VisibilityTimeout=0)
        self.assertNotIn("Messages", self.sqs.receive_message(QueueUrl=source))
        moved = self.sqs.receive_message(QueueUrl=dlq)["Messages"]
        self.assertEqual(moved[0]["Body"], "poison")
        sources = self.sqs.list_dead_letter_source_queues(QueueUrl=dlq)["queueUrls"]
        self.assertEqual(sources, [source])
        policy = json.loads(self.sqs.get_queue_attributes(
            QueueUrl=source, AttributeNames=["RedrivePolicy"])["Attributes"]["RedrivePolicy"])
        self.assertEqual(policy["maxReceiveCount"], 1)

    def test_list_queues_pagination(self):
        for i in range(5):
            self.sqs.create_queue(QueueName=f"b3-page-{i}")
        page = self.sqs.list_queues(QueueNamePrefix="b3-page-", MaxResults=2)
        self.assertEqual(len(page["QueueUrls"]), 2)
        names = [u.rsplit("/", 1)[1] for u in page["QueueUrls"]]
        while "NextToken" in page:
            page = self.sqs.list_queues(QueueNamePrefix="b3-page-", MaxResults=2, NextToken=page["NextToken"])
            names += [u.rsplit("/", 1)[1] for u in page["QueueUrls"]]
        self.assertEqual(names, [f"b3-page-{i}" for i in range(5)])

    def test_bad_input_stores_nothing(self):
        url = self.sqs.create_queue(QueueName="b3-bad", Attributes={"MaximumMessageSize": "1024"})["QueueUrl"]
        from botocore.exceptions import ClientError
        cases = [
            dict(MessageBody="x" * 1025),
            dict(MessageBody="bell \x07"),
            dict(MessageBody="x", MessageAttributes={"a": {"DataType": "Integer", "StringValue": "1"}}),
            dict(MessageBody="x", MessageAttributes={"a": {"DataType": "String", "StringValue": ""}}),
            dict(MessageBody="x", DelaySeconds=901),
        ]
        for case in cases:
            with self.assertRaises(ClientError, msg=str(case)) as caught:
                self.sqs.send_message(QueueUrl=url, **case)
            self.assertIn(caught.exception.response["Error"]["Code"],
                          ("InvalidParameterValue", "InvalidMessageContents"))
        count = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        self.assertEqual(count["ApproximateNumberOfMessages"], "0")
        self.assertEqual(count["ApproximateNumberOfMessagesDelayed"], "0")

    def test_malformed_bodies_get_errors_in_their_protocol(self):
        auth = ("AWS4-HMAC-SHA256 Credential=test/20261123/us-east-1/sqs/aws4_request, "
                "SignedHeaders=host, Signature=0")
        body = b"{not json"
        status, headers, payload = raw_request(self.server.port, (
            f"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
            f"X-Amz-Target: AmazonSQS.SendMessage\r\nAuthorization: {auth}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body)
        self.assertEqual(status, 400)
        self.assertIn("SerializationException", json.loads(payload)["__type"])
        body = b"Action=SendMessage&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fnone&MessageBody=hi"
        status, headers, payload = raw_request(self.server.port, (
            f"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            f"Authorization: {auth}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body)
        self.assertEqual(status, 400)
        self.assertIn(b"<Code>AWS.SimpleQueueService.NonExistentQueue</Code>", payload)
        self.assertIn(b'xmlns="http://queue.amazonaws.com/doc/2012-11-05/"', payload)
        body = b'{"QueueUrl": "http://x/000000000000/none", "MessageBody": "hi"}'
        status, headers, payload = raw_request(self.server.port, (
            f"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
            f"X-Amz-Target: AmazonSQS.SendMessage\r\nAuthorization: {auth}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body)
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(payload)["__type"], "com.amazonaws.sqs#QueueDoesNotExist")
        self.assertEqual(headers["x-amzn-query-error"], "AWS.SimpleQueueService.NonExistentQueue;Sender")

    def test_200_concurrent_long_polls(self):
        url = self.sqs.create_queue(QueueName="b3-many")["QueueUrl"]
        other = self.sqs.create_queue(QueueName="b3-other")["QueueUrl"]
        polls = 200
        results = [None] * polls
        body = urllib.parse.urlencode({"Action": "ReceiveMessage", "Version": "2012-11-05",
                                       "QueueUrl": url, "WaitTimeSeconds": "20"})
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Authorization": "AWS4-HMAC-SHA256 Credential=test/20261123/us-east-1/sqs/aws4_request, "
                                    "SignedHeaders=host, Signature=0"}

        def poll(index):
            # A reset connection is retried, as SDKs retry connection errors.
            for attempt in range(3):
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
                    connection.request("POST", "/", body, headers)
                    response = connection.getresponse()
                    results[index] = (response.status, response.read())
                    connection.close()
                    return
                except ConnectionResetError:
                    time.sleep(0.2)

        threads = [threading.Thread(target=poll, args=(i,)) for i in range(polls)]
        for thread in threads:
            thread.start()
            time.sleep(0.005)  # 200 consumers arriving within a second, not in one burst
        time.sleep(2.0)
        # Other queues keep working while 200 polls wait.
        started = time.monotonic()
        self.sqs.send_message(QueueUrl=other, MessageBody="elsewhere")
        # Generous: CI runs two test processes on two cores; a blocked core thread takes 20 s.
        self.assertLess(time.monotonic() - started, 5.0)
        for start in range(0, polls, 10):
            self.sqs.send_message_batch(QueueUrl=url, Entries=[
                {"Id": f"m{i}", "MessageBody": f"m{start + i}"} for i in range(10)])
        for thread in threads:
            thread.join(60)
        bodies = set()
        for status, payload in results:
            self.assertEqual(status, 200)
            for part in payload.split(b"<Body>")[1:]:
                bodies.add(part.split(b"</Body>")[0])
        self.assertEqual(len(bodies), polls)


class SqsJsSdkTest(ServerTestCase):
    """JSON 1.0 as the JS SDK v3 sends it; the SDK checks the MD5 digests itself."""

    def test_basic(self):
        out = self.node("sqs.cjs", "basic", "js")
        self.assertEqual(out["received"]["Body"], "héllo wörld ✓")
        self.assertEqual(out["received"]["binary"], [0, 1, 2, 255])
        self.assertEqual(out["received"]["number"], "3.14")
        self.assertEqual(out["sent"]["MD5OfMessageBody"], hashlib.md5("héllo wörld ✓".encode()).hexdigest())
        self.assertEqual(out["sent"]["MD5OfMessageAttributes"], md5_of_attributes({
            "s": {"DataType": "String", "StringValue": "text"},
            "n": {"DataType": "Number.float", "StringValue": "3.14"},
            "b": {"DataType": "Binary", "BinaryValue": bytes([0, 1, 2, 255])}}))
        self.assertEqual(out["attributes"]["VisibilityTimeout"], "7")
        self.assertEqual(out["attributes"]["ApproximateNumberOfMessagesNotVisible"], "1")
        self.assertEqual(out["after"]["ApproximateNumberOfMessagesNotVisible"], "0")
        self.assertEqual(out["tags"], {"team": "a"})

    def test_batch_partial_failure(self):
        out = self.node("sqs.cjs", "batch", "js")
        self.assertEqual(out["successful"], ["good1", "good2"])
        self.assertEqual([f["Id"] for f in out["failed"]], ["bad"])
        self.assertEqual(out["failed"][0]["Code"], "InvalidMessageContents")
        self.assertEqual(out["duplicate"]["name"], "BatchEntryIdsNotDistinct")
        self.assertEqual(out["tooMany"]["name"], "TooManyEntriesInBatchRequest")
        self.assertEqual(out["receivedBodies"], ["one", "two"])
        self.assertEqual(out["deleted"]["failed"][0]["Code"], "ReceiptHandleIsInvalid")

    def test_errors(self):
        out = self.node("sqs.cjs", "errors", "js")
        self.assertEqual(out["missing"]["name"], "QueueDoesNotExist")
        self.assertEqual(out["missing"]["code"], "AWS.SimpleQueueService.NonExistentQueue")
        self.assertEqual(out["oversized"]["name"], "InvalidParameterValue")
        self.assertIn("Message must be shorter than 1024 bytes", out["oversized"]["message"])
        self.assertEqual(out["badType"]["name"], "InvalidParameterValue")
        self.assertEqual(out["badNumber"]["name"], "InvalidParameterValue")
        self.assertEqual(out["badAttribute"]["name"], "InvalidAttributeValue")
        self.assertEqual(out["exists"]["code"], "QueueAlreadyExists")
        self.assertEqual(out["stored"], "0")

    def test_long_poll(self):
        out = self.node("sqs.cjs", "longpoll", "js")
        self.assertEqual(out["body"], "wake up")
        self.assertLess(out["elapsedMs"], 4000)
        self.assertEqual(out["emptyMessages"], [])
        self.assertGreaterEqual(out["emptyElapsedMs"], 1950)

    def test_fifo(self):
        out = self.node("sqs.cjs", "fifo", "js")
        self.assertEqual(out["first"], ["a1", "a2"])
        self.assertEqual(out["second"], ["b1"])  # group A is in flight
        self.assertEqual(out["third"], [])
        self.assertEqual(sorted(out["sequences"]), out["sequences"])
        self.assertEqual(out["noGroup"]["name"], "MissingParameter")
        self.assertEqual(out["delay"]["name"], "InvalidParameterValue")

    def test_redrive(self):
        out = self.node("sqs.cjs", "redrive", "js")
        self.assertEqual(out["counts"], ["1", "2", None])
        self.assertEqual(out["dlqBody"], "poison")
        self.assertEqual(out["dlqSource"], "arn:aws:sqs:us-east-1:000000000000:js-src")
        self.assertEqual(out["task"]["Status"], "COMPLETED")
        self.assertEqual(out["task"]["ApproximateNumberOfMessagesMoved"], 1)
        self.assertEqual(out["back"], "poison")
        self.assertEqual(out["notDlq"]["name"], "InvalidParameterValue")

    def test_receive_request_attempt_id(self):
        out = self.node("sqs.cjs", "attempt", "js")
        self.assertEqual(out["bodies"], ["m1", "m2"])
        self.assertEqual(out["retry"], out["first"])
        self.assertEqual(out["other"], [])
        self.assertEqual(out["modified"]["name"], "InvalidParameterValue")
        self.assertIn("ReceiveRequestAttemptId", out["modified"]["message"])
        self.assertEqual(out["invalid"]["name"], "InvalidParameterValue")

    def test_list_values_are_reserved(self):
        out = self.node("sqs.cjs", "listvalues", "js")
        self.assertEqual(out["single"]["name"], "UnsupportedOperation")
        self.assertEqual(out["single"]["status"], 400)
        self.assertEqual(out["single"]["message"],
                         "Message attribute list values in SendMessage operation are not supported.")
        self.assertEqual(out["batch"]["name"], "UnsupportedOperation")
        self.assertEqual(out["batch"]["message"],
                         "Message attribute list values in SendMessageBatch operation are not supported.")
        self.assertEqual(out["stored"], "0")


class SqsMetricsTest(ServerTestCase):
    """AWS/SQS metrics reach CloudWatch: counts per event, the Approximate* gauges per minute."""

    def test_metrics_after_send_and_receive(self):
        url = self.aws("sqs", "create-queue", "--queue-name", "metered")["QueueUrl"]
        for body in ("one", "three"):
            self.aws("sqs", "send-message", "--queue-url", url, "--message-body", body)
        received = self.aws("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "1")
        self.aws("sqs", "delete-message", "--queue-url", url,
                 "--receipt-handle", received["Messages"][0]["ReceiptHandle"])
        self.aws("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10")
        self.aws("sqs", "receive-message", "--queue-url", url)  # empty: the other one is in flight
        now = time.time()
        window = ["--start-time", str(int(now - 300)), "--end-time", str(int(now + 120)), "--period", "60"]

        def stat(metric, statistic="Sum"):
            points = self.aws("cloudwatch", "get-metric-statistics", "--namespace", "AWS/SQS",
                              "--metric-name", metric, "--dimensions", "Name=QueueName,Value=metered",
                              "--statistics", statistic, *window)["Datapoints"]
            return sum(point[statistic] for point in points), points

        self.assertEqual(stat("NumberOfMessagesSent")[0], 2)
        self.assertEqual(stat("SentMessageSize")[0], 8)
        self.assertEqual(stat("SentMessageSize")[1][0]["Unit"], "Bytes")
        self.assertEqual(stat("NumberOfMessagesReceived")[0], 2)
        self.assertEqual(stat("NumberOfMessagesDeleted")[0], 1)
        self.assertEqual(stat("NumberOfEmptyReceives")[0], 1)
        # The gauges are sampled every few seconds, once per queue and minute.
        deadline = time.monotonic() + 30
        while True:
            listed = self.aws("cloudwatch", "list-metrics", "--namespace", "AWS/SQS",
                              "--dimensions", "Name=QueueName,Value=metered")["Metrics"]
            names = {metric["MetricName"] for metric in listed}
            if "ApproximateNumberOfMessagesVisible" in names or time.monotonic() > deadline:
                break
            time.sleep(1)
        for name in ("ApproximateNumberOfMessagesVisible", "ApproximateNumberOfMessagesNotVisible",
                     "ApproximateNumberOfMessagesDelayed", "NumberOfMessagesSent"):
            self.assertIn(name, names)
        points = stat("ApproximateNumberOfMessagesVisible", "Maximum")[1]
        self.assertTrue(points)
        self.assertTrue(all(0 <= point["Maximum"] <= 2 for point in points), points)


class SqsAttemptIdCliTest(ServerTestCase):
    """ReceiveRequestAttemptId through the AWS CLI (Query protocol)."""

    def test_retry_returns_the_same_messages(self):
        url = self.aws("sqs", "create-queue", "--queue-name", "cli-attempt.fifo", "--attributes",
                       "FifoQueue=true,ContentBasedDeduplication=true")["QueueUrl"]
        for body in ("m1", "m2"):
            self.aws("sqs", "send-message", "--queue-url", url, "--message-body", body,
                     "--message-group-id", "g")
        receive = ("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                   "--receive-request-attempt-id")
        first = self.aws(*receive, "try-1")["Messages"]
        retry = self.aws(*receive, "try-1")["Messages"]
        self.assertEqual([m["Body"] for m in first], ["m1", "m2"])
        self.assertEqual([m["ReceiptHandle"] for m in retry], [m["ReceiptHandle"] for m in first])
        self.assertNotIn("Messages", self.aws(*receive, "try-2"))
        self.aws("sqs", "change-message-visibility", "--queue-url", url,
                 "--receipt-handle", first[1]["ReceiptHandle"], "--visibility-timeout", "60")
        self.aws(*receive, "try-1", expect_error="InvalidParameterValue")
        # Not beyond 12 hours from the receive.
        self.aws("sqs", "change-message-visibility", "--queue-url", url,
                 "--receipt-handle", first[0]["ReceiptHandle"], "--visibility-timeout", "43200",
                 expect_error="InvalidParameterValue")

    def test_list_values_rejected_in_query(self):
        url = self.aws("sqs", "create-queue", "--queue-name", "cli-lists")["QueueUrl"]
        stderr = self.aws("sqs", "send-message", "--queue-url", url, "--message-body", "b",
                          "--message-attributes",
                          json.dumps({"l": {"DataType": "String", "StringListValues": ["a"]}}),
                          expect_error="AWS.SimpleQueueService.UnsupportedOperation")
        self.assertIn("Message attribute list values in SendMessage operation are not supported.", stderr)


class SqsQueryFuzzTest(ServerTestCase):
    """Query-protocol input a fuzzing session found accepted: QueueUrls whose path steps out of
    /<account>/<name>, list members numbered from 0 or garbage (AWS: MalformedInput "0 is not a
    valid index"), and Number attributes beyond SQS's range."""

    AUTH = ("AWS4-HMAC-SHA256 Credential=test/20261123/us-east-1/sqs/aws4_request, "
            "SignedHeaders=host, Signature=0")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.query(cls, "Action=CreateQueue&QueueName=q1")

    def query(self, body):
        data = body.encode()
        return raw_request(self.server.port, (
            f"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nAuthorization: {self.AUTH}\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n").encode() + data)

    def send(self, url="http://127.0.0.1/000000000000/q1", extra=""):
        return self.query("Action=SendMessage&MessageBody=hi&QueueUrl="
                          + urllib.parse.quote(url, safe="") + extra)

    def test_queue_url_must_name_the_queue(self):
        status, _, payload = self.send()
        self.assertEqual(status, 200, payload)
        for url in ("http://127.0.0.1/000000000000/../q1", "http://127.0.0.1/000000000000/./q1",
                    "http://127.0.0.1/000000000000/%2e%2e/q1", "http://127.0.0.1/000000000000/..",
                    "http://127.0.0.1/000000000000/q1 x", "http://127.0.0.1/000000000000/q!1",
                    "http://127.0.0.1", "http://127.0.0.1/"):
            with self.subTest(url=url):
                status, _, payload = self.send(url)
                self.assertEqual(status, 400, payload)
                self.assertIn(b"<Code>AWS.SimpleQueueService.NonExistentQueue</Code>", payload)

    def test_list_members_are_numbered_from_1(self):
        attribute = "&MessageAttribute.{}.Name=a&MessageAttribute.{}.Value.DataType=String" \
                    "&MessageAttribute.{}.Value.StringValue=v"
        status, _, payload = self.send(extra=attribute.format(1, 1, 1))
        self.assertEqual(status, 200, payload)
        for index in ("0", "-1", "99999999999", "x", "", "+1"):
            with self.subTest(index=index):
                quoted = urllib.parse.quote(index, safe="")
                status, _, payload = self.send(extra=attribute.format(quoted, quoted, quoted))
                self.assertEqual(status, 400, payload)
                self.assertIn(b"<Type>Sender</Type><Code>MalformedInput</Code><Message>"
                              + index.encode() + b" is not a valid index</Message>", payload)
        status, _, payload = self.query("Action=ReceiveMessage&AttributeName.0=All&QueueUrl="
                                        + urllib.parse.quote("http://127.0.0.1/000000000000/q1"))
        self.assertEqual(status, 400, payload)
        self.assertIn(b"<Code>MalformedInput</Code><Message>0 is not a valid index", payload)

    def test_number_attribute_out_of_range(self):
        for value in ("1e99999", "-1e126", "1" + "0" * 126,
                      "1.23456789012345678901234567890123456789"):
            with self.subTest(value=value):
                status, _, payload = self.send(
                    extra="&MessageAttribute.1.Name=n&MessageAttribute.1.Value.DataType=Number"
                          "&MessageAttribute.1.Value.StringValue=" + value)
                self.assertEqual(status, 400, payload)
                self.assertIn(b"<Code>InvalidParameterValue</Code><Message>Can't cast the value "
                              b"of message (user) attribute 'n' to a number.</Message>", payload)


if __name__ == "__main__":
    unittest.main()
