# SPDX-License-Identifier: MIT
"""The operations the benchmark knows: which targets run each, how to prepare state, how to sign.

To switch an operation on for Cloudbench, set `cloudbench=True` in its entry below once the
service answers it (see bench/README.md). Peers are listed in `peers`.

Every operation signs many requests in advance where they must differ (keys, bodies, values)
and the replay cycles through them round robin, each wrk thread from its own offset.
"""

import concurrent.futures
import io
import json
import random
import time
import zipfile
from dataclasses import dataclass, field

import botocore.exceptions

from signing import ResignTemplate


class PrepareTimeout(Exception):
    """Preparing state (e.g. a queue prefill) did not finish within the budget."""


@dataclass
class Plan:
    """What to replay: `requests` (SignedRequest) round robin, or the SQS receive/delete cycle,
    where requests[0] is ReceiveMessage, requests[1:] are SendMessage refills and
    `delete_template` is a ResignTemplate for DeleteMessage."""

    requests: list
    mode: str = "cycle"
    delete_template: object = None
    notes: list = field(default_factory=list)


@dataclass
class Operation:
    key: str
    title: str
    peers: tuple
    cloudbench: bool
    prepare: object  # prepare(ctx) -> state dict
    sign: object  # sign(ctx, state) -> Plan
    check: object  # check(status, headers, body) -> None or a complaint about the answer
    variation: str  # how the signed requests differ from each other
    why_not: dict = field(default_factory=dict)  # peer -> why it is left out
    # Seconds of quiet before the run (see SETTLE_WHY); run.py --settle overrides.
    settle: float = 0.0


# Why the 1 MiB uploads start after a pause: on ext4 without a journal (this kind of machine), an
# inode deleted less than about 35 s ago is skipped when a new file is created, and each creation
# scans past all of them. A run that creates and deletes thousands of files leaves the next
# file-writing run (of any target) paying for its predecessor's deletions: ±25 % between
# otherwise equal runs. Waiting them out gives every target the same clean start.
SETTLE_WHY = "started after 40 s of quiet, so that no earlier run's deleted files slow it"


def parallel(ctx, calls, what):
    """Run the zero-argument callables on a few threads, within the context's deadline."""
    total = len(calls)
    finished = 0
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=4)
    try:
        futures = [pool.submit(call) for call in calls]
        for future in concurrent.futures.as_completed(futures):
            future.result()
            finished += 1
            if time.monotonic() > ctx.deadline:
                raise PrepareTimeout(
                    f"{what}: only {finished:,} of {total:,} calls within {ctx.budget:.0f} s"
                )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def payload(seed, size):
    return random.Random(seed).randbytes(size)


# STS ----------------------------------------------------------------------------------------


def sign_get_caller_identity(ctx, state):
    return Plan([ctx.sign("sts", "get_caller_identity")])


def check_get_caller_identity(status, headers, body):
    if b"<Account>" not in body and b'"Account"' not in body:
        return "no Account in the answer"
    return None


# SQS ----------------------------------------------------------------------------------------

QUEUE_PREFIX = "cbbench"


def create_queue(ctx, name):
    return ctx.client("sqs").create_queue(QueueName=name)["QueueUrl"]


def prepare_send_queue(ctx):
    return {"queue_url": create_queue(ctx, f"{QUEUE_PREFIX}-send")}


def sign_send_message(ctx, state):
    requests = [
        ctx.sign("sqs", "send_message", QueueUrl=state["queue_url"],
                 MessageBody=f"benchmark message {i:06d} " + "x" * 64)
        for i in range(ctx.distinct)
    ]
    return Plan(requests)


def check_send_message(status, headers, body):
    if b"MD5OfMessageBody" not in body:
        return "no MD5OfMessageBody in the answer"
    return None


def prepare_depth(depth):
    def prepare(ctx):
        sqs = ctx.client("sqs")
        queue_url = create_queue(ctx, f"{QUEUE_PREFIX}-depth-{depth}")

        def batch(start):
            entries = [
                {"Id": str(i), "MessageBody": f"prefill {start + i:07d} " + "y" * 64}
                for i in range(min(10, depth - start))
            ]
            answer = sqs.send_message_batch(QueueUrl=queue_url, Entries=entries)
            if answer.get("Failed"):
                raise RuntimeError(f"SendMessageBatch failed: {answer['Failed'][0]}")

        parallel(ctx, [lambda s=s: batch(s) for s in range(0, depth, 10)],
                 f"prefill to {depth:,} messages")
        attributes = sqs.get_queue_attributes(
            QueueUrl=queue_url, AttributeNames=["ApproximateNumberOfMessages"])["Attributes"]
        return {"queue_url": queue_url, "depth": int(attributes["ApproximateNumberOfMessages"])}

    return prepare


def sign_receive_delete(ctx, state):
    queue_url = state["queue_url"]
    receive = ctx.sign("sqs", "receive_message", QueueUrl=queue_url, MaxNumberOfMessages=1)
    refills = [
        ctx.sign("sqs", "send_message", QueueUrl=queue_url,
                 MessageBody=f"refill {i:06d} " + "z" * 64)
        for i in range(ctx.distinct)
    ]
    placeholder = "CBBENCHRECEIPTHANDLE"
    delete = ctx.sign("sqs", "delete_message", QueueUrl=queue_url, ReceiptHandle=placeholder)
    template = ResignTemplate(delete, placeholder, ctx.secret_key)
    return Plan([receive] + refills, mode="sqs", delete_template=template,
                notes=[f"depth {state['depth']:,} before the run"])


def check_receive(status, headers, body):
    if b"<ReceiptHandle>" not in body:
        return "ReceiveMessage returned no message (queue empty, or not a Query/XML answer)"
    return None


# S3 -----------------------------------------------------------------------------------------

BUCKET = "cbbench-bucket"


def prepare_bucket(ctx):
    s3 = ctx.client("s3")
    try:
        s3.head_bucket(Bucket=BUCKET)
    except botocore.exceptions.ClientError:
        s3.create_bucket(Bucket=BUCKET)
    return {}


def prepare_get_objects(ctx):
    prepare_bucket(ctx)
    s3 = ctx.client("s3")
    parallel(ctx, [lambda i=i: s3.put_object(Bucket=BUCKET, Key=f"get/{i:05d}",
                                             Body=payload(i, 1024))
                   for i in range(ctx.distinct_objects)], "upload objects to read")
    return {}


def sign_put_objects(size, count_attribute):
    def sign(ctx, state):
        count = getattr(ctx, count_attribute)
        return Plan([
            ctx.sign("s3", "put_object", Bucket=BUCKET, Key=f"put-{size}/{i:05d}",
                     Body=payload(i, size))
            for i in range(count)
        ])

    return sign


def sign_get_objects(ctx, state):
    return Plan([ctx.sign("s3", "get_object", Bucket=BUCKET, Key=f"get/{i:05d}")
                 for i in range(ctx.distinct_objects)])


def check_status_only(status, headers, body):
    return None


def check_get_object(status, headers, body):
    if len(body) != 1024:
        return f"expected 1024 bytes, got {len(body)}"
    return None


# DynamoDB -----------------------------------------------------------------------------------

ITEMS_TABLE = "cbbench-items"
QUERY_TABLE = "cbbench-query"
PARTITION_SIZE = 10_000
QUERY_PAGE = 100


def create_table(ctx, name):
    dynamodb = ctx.client("dynamodb")
    try:
        dynamodb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                       {"AttributeName": "sk", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                  {"AttributeName": "sk", "AttributeType": "N"}],
            BillingMode="PAY_PER_REQUEST",
        )
    except dynamodb.exceptions.ResourceInUseException:
        pass
    for _ in range(100):
        status = dynamodb.describe_table(TableName=name)["Table"]["TableStatus"]
        if status == "ACTIVE":
            return
        time.sleep(0.1)
    raise RuntimeError(f"table {name} did not become ACTIVE")


def item(pk, sk):
    return {"pk": {"S": pk}, "sk": {"N": str(sk)},
            "owner": {"S": "benchmark"}, "payload": {"S": "v" * 80}, "count": {"N": str(sk * 7)}}


def write_items(ctx, table, items, what):
    dynamodb = ctx.client("dynamodb")

    def batch(chunk):
        requests = {table: [{"PutRequest": {"Item": i}} for i in chunk]}
        for _ in range(20):
            answer = dynamodb.batch_write_item(RequestItems=requests)
            requests = answer.get("UnprocessedItems") or {}
            if not requests:
                return
        raise RuntimeError("BatchWriteItem kept items unprocessed")

    parallel(ctx, [lambda c=items[i:i + 25]: batch(c) for i in range(0, len(items), 25)], what)


def prepare_items_table(ctx):
    create_table(ctx, ITEMS_TABLE)
    return {}


def prepare_get_items(ctx):
    create_table(ctx, ITEMS_TABLE)
    write_items(ctx, ITEMS_TABLE, [item(f"get-{i:05d}", 0) for i in range(ctx.distinct)],
                "write items to read")
    return {}


def prepare_query_table(ctx):
    create_table(ctx, QUERY_TABLE)
    write_items(ctx, QUERY_TABLE, [item("partition-0", i) for i in range(PARTITION_SIZE)],
                f"write a {PARTITION_SIZE:,}-item partition")
    return {}


def sign_put_items(ctx, state):
    return Plan([ctx.sign("dynamodb", "put_item", TableName=ITEMS_TABLE,
                          Item=item(f"put-{i:05d}", i))
                 for i in range(ctx.distinct)])


def sign_get_items(ctx, state):
    return Plan([ctx.sign("dynamodb", "get_item", TableName=ITEMS_TABLE,
                          Key={"pk": {"S": f"get-{i:05d}"}, "sk": {"N": "0"}})
                 for i in range(ctx.distinct)])


def sign_queries(ctx, state):
    windows = PARTITION_SIZE // QUERY_PAGE
    return Plan([
        ctx.sign("dynamodb", "query", TableName=QUERY_TABLE,
                 KeyConditionExpression="pk = :pk AND sk BETWEEN :low AND :high",
                 ExpressionAttributeValues={
                     ":pk": {"S": "partition-0"},
                     ":low": {"N": str(w * QUERY_PAGE)},
                     ":high": {"N": str(w * QUERY_PAGE + QUERY_PAGE - 1)},
                 })
        for w in range(windows)
    ])


def check_get_item(status, headers, body):
    if b'"Item"' not in body:
        return "no Item in the answer"
    return None


def check_query(status, headers, body):
    try:
        count = json.loads(body).get("Count")
    except ValueError:
        return "answer is not JSON"
    if count != QUERY_PAGE:
        return f"expected Count {QUERY_PAGE}, got {count}"
    return None


# CloudWatch ---------------------------------------------------------------------------------


def sign_put_metric_data(ctx, state):
    return Plan([
        ctx.sign("cloudwatch", "put_metric_data", Namespace="Cloudbench/Benchmark",
                 MetricData=[{"MetricName": "Latency", "Value": float(i % 997),
                              "Unit": "Milliseconds",
                              "Dimensions": [{"Name": "Stage", "Value": "bench"}]}])
        for i in range(ctx.distinct)
    ])


# Lambda -------------------------------------------------------------------------------------

FUNCTION = "cbbench-echo"
HANDLER_SOURCE = "def handler(event, context):\n    return {'ok': True}\n"


def prepare_function(ctx):
    lambda_client = ctx.client("lambda")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("index.py", HANDLER_SOURCE)
    try:
        lambda_client.create_function(
            FunctionName=FUNCTION, Runtime="python3.11", Handler="index.handler",
            Role="arn:aws:iam::000000000000:role/cbbench", Code={"ZipFile": archive.getvalue()},
            Timeout=10, MemorySize=128)
    except lambda_client.exceptions.ResourceConflictException:
        pass
    for _ in range(150):
        state = lambda_client.get_function(FunctionName=FUNCTION)["Configuration"].get("State")
        if state in (None, "Active"):
            break
        time.sleep(0.2)
    lambda_client.invoke(FunctionName=FUNCTION, Payload=b"{}")  # warm the handler
    return {}


def sign_invoke(ctx, state):
    return Plan([ctx.sign("lambda", "invoke", FunctionName=FUNCTION, Payload=b"{}")])


def check_invoke(status, headers, body):
    lower = {k.lower(): v for k, v in headers.items()}
    if "x-amz-function-error" in lower:
        return f"function error: {body[:200]!r}"
    return None


# The registry -------------------------------------------------------------------------------

OPERATIONS = [
    Operation(
        key="sts-get-caller-identity", title="STS GetCallerIdentity",
        peers=("moto",), cloudbench=True,
        prepare=lambda ctx: {}, sign=sign_get_caller_identity, check=check_get_caller_identity,
        variation="one request, replayed as is",
    ),
    Operation(
        key="sqs-send-message", title="SQS SendMessage",
        peers=("moto", "sqslite"), cloudbench=True,
        prepare=prepare_send_queue, sign=sign_send_message, check=check_send_message,
        variation="distinct bodies (message number), cycled",
    ),
    Operation(
        key="sqs-receive-delete-1k", title="SQS ReceiveMessage+DeleteMessage, depth 1k",
        peers=("moto", "sqslite"), cloudbench=True,
        prepare=prepare_depth(1_000), sign=sign_receive_delete, check=check_receive,
        variation="ReceiveMessage replayed as is; DeleteMessage signed in Lua per receipt handle;"
                  " one pre-signed SendMessage per deleted message holds the depth",
    ),
    Operation(
        key="sqs-receive-delete-10k", title="SQS ReceiveMessage+DeleteMessage, depth 10k",
        peers=("moto", "sqslite"), cloudbench=True,
        prepare=prepare_depth(10_000), sign=sign_receive_delete, check=check_receive,
        variation="as for depth 1k",
    ),
    Operation(
        key="sqs-receive-delete-100k", title="SQS ReceiveMessage+DeleteMessage, depth 100k",
        peers=("moto", "sqslite"), cloudbench=True,
        prepare=prepare_depth(100_000), sign=sign_receive_delete, check=check_receive,
        variation="as for depth 1k",
    ),
    Operation(
        key="s3-put-object-1k", title="S3 PutObject 1 KiB",
        peers=("moto", "s3rver"), cloudbench=True,
        prepare=prepare_bucket, sign=sign_put_objects(1024, "distinct"),
        check=check_status_only,
        variation="distinct keys and bodies, cycled (keys are overwritten on later rounds)",
    ),
    Operation(
        key="s3-get-object-1k", title="S3 GetObject 1 KiB",
        peers=("moto", "s3rver"), cloudbench=True,
        prepare=prepare_get_objects, sign=sign_get_objects, check=check_get_object,
        variation="distinct keys of objects uploaded beforehand, cycled",
    ),
    Operation(
        key="s3-put-object-1m", title="S3 PutObject 1 MiB",
        peers=("moto", "s3rver"), cloudbench=True,
        prepare=prepare_bucket, sign=sign_put_objects(1024 * 1024, "distinct_large"),
        check=check_status_only,
        variation="distinct keys and bodies, cycled (fewer: each holds 1 MiB in wrk's memory); "
        + SETTLE_WHY,
        settle=40.0,
    ),
    Operation(
        key="dynamodb-put-item", title="DynamoDB PutItem",
        peers=("moto", "dynalite"), cloudbench=True,
        prepare=prepare_items_table, sign=sign_put_items, check=check_status_only,
        variation="distinct keys, cycled (later rounds overwrite)",
    ),
    Operation(
        key="dynamodb-get-item", title="DynamoDB GetItem",
        peers=("moto", "dynalite"), cloudbench=True,
        prepare=prepare_get_items, sign=sign_get_items, check=check_get_item,
        variation="distinct keys of items written beforehand, cycled",
    ),
    Operation(
        key="dynamodb-query-100-of-10k", title="DynamoDB Query, 100 items of a 10k partition",
        peers=("moto", "dynalite"), cloudbench=True,
        prepare=prepare_query_table, sign=sign_queries, check=check_query,
        variation="100 sort-key windows (BETWEEN) over the partition, cycled",
    ),
    Operation(
        key="cloudwatch-put-metric-data", title="CloudWatch PutMetricData, 1 datum",
        peers=("moto",), cloudbench=True,
        prepare=lambda ctx: {}, sign=sign_put_metric_data, check=check_status_only,
        variation="distinct values, cycled",
    ),
    Operation(
        key="lambda-invoke", title="Lambda Invoke, warm trivial handler",
        peers=(), cloudbench=True,
        prepare=prepare_function, sign=sign_invoke, check=check_invoke,
        variation="one request, replayed as is",
        why_not={"moto": "moto runs functions in Docker, which this machine does not have"},
    ),
]

BY_KEY = {op.key: op for op in OPERATIONS}


def targets_of(op):
    return (("cloudbench",) if op.cloudbench else ()) + op.peers
