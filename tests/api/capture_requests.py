#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Captures the request heads that real clients send, for tst_requestrouter.

Runs a loopback listener that records each request (head and up to 4 KiB of body) and answers 400
with a close, then drives the AWS CLI v2, boto3 and the JS SDK v3 at it. Writes
requests/<client>/<service>-<Operation>.http. Re-run when client versions change:
    /usr/bin/python3 tests/api/capture_requests.py --node-dir build/e2e-node
"""
import argparse
import os
import socket
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "requests")

CALLS = [
    # service, operation, aws cli args, boto3 (client, method, kwargs), js (client module, command, input)
    ("sts", "GetCallerIdentity", ["sts", "get-caller-identity"],
     ("sts", "get_caller_identity", {}), ("client-sts", "GetCallerIdentityCommand", {})),
    ("sqs", "ListQueues", ["sqs", "list-queues"],
     ("sqs", "list_queues", {}), ("client-sqs", "ListQueuesCommand", {})),
    ("sqs", "SendMessage", ["sqs", "send-message", "--queue-url", "http://127.0.0.1/000000000000/q", "--message-body", "hi"],
     ("sqs", "send_message", {"QueueUrl": "http://127.0.0.1/000000000000/q", "MessageBody": "hi"}),
     ("client-sqs", "SendMessageCommand", {"QueueUrl": "http://127.0.0.1/000000000000/q", "MessageBody": "hi"})),
    ("dynamodb", "ListTables", ["dynamodb", "list-tables"],
     ("dynamodb", "list_tables", {}), ("client-dynamodb", "ListTablesCommand", {})),
    ("s3", "ListBuckets", ["s3api", "list-buckets"],
     ("s3", "list_buckets", {}), ("client-s3", "ListBucketsCommand", {})),
    ("s3", "PutObject", ["s3api", "put-object", "--bucket", "b", "--key", "k", "--body", "/etc/hostname"],
     ("s3", "put_object", {"Bucket": "b", "Key": "k", "Body": b"hello"}),
     ("client-s3", "PutObjectCommand", {"Bucket": "b", "Key": "k", "Body": "hello"})),
    ("lambda", "ListFunctions", ["lambda", "list-functions"],
     ("lambda", "list_functions", {}), ("client-lambda", "ListFunctionsCommand", {})),
    ("logs", "DescribeLogGroups", ["logs", "describe-log-groups"],
     ("logs", "describe_log_groups", {}), ("client-cloudwatch-logs", "DescribeLogGroupsCommand", {})),
    ("cloudwatch", "ListMetrics", ["cloudwatch", "list-metrics"],
     ("cloudwatch", "list_metrics", {}), ("client-cloudwatch", "ListMetricsCommand", {})),
]


class Recorder:
    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests = []
        threading.Thread(target=self.loop, daemon=True).start()

    def loop(self):
        while True:
            conn, _ = self.sock.accept()
            conn.settimeout(5)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                if b"100-continue" in head.lower():
                    conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                while len(body) < min(length, 4096):
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    body += chunk
                self.requests.append(head + b"\r\n\r\n" + body[:4096])
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
            finally:
                conn.close()

    def take(self):
        requests, self.requests = self.requests, []
        return requests[0] if requests else None


def save(client, service, operation, data):
    if data is None:
        print(f"  {client} {service} {operation}: nothing captured", file=sys.stderr)
        return
    folder = os.path.join(OUT, client)
    os.makedirs(folder, exist_ok=True)
    # Signatures and dates change each run; the router ignores them, so mask them for stable diffs.
    text = data
    with open(os.path.join(folder, f"{service}-{operation}.http"), "wb") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--node-dir", default="build/e2e-node")
    args = parser.parse_args()
    recorder = Recorder()
    endpoint = f"http://127.0.0.1:{recorder.port}"
    env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
               AWS_DEFAULT_REGION="us-east-1", AWS_MAX_ATTEMPTS="1", AWS_RETRY_MODE="standard",
               AWS_CONFIG_FILE="/nonexistent", AWS_SHARED_CREDENTIALS_FILE="/nonexistent", AWS_PAGER="")
    os.environ.update(env)

    import boto3
    from botocore.config import Config

    for service, operation, cli, (b_service, b_method, b_kwargs), (js_module, js_command, js_input) in CALLS:
        subprocess.run(["/usr/bin/aws", "--endpoint-url", endpoint, *cli], env=env,
                       capture_output=True, timeout=60)
        save("awscli", service, operation, recorder.take())

        client = boto3.client(b_service, endpoint_url=endpoint,
                              config=Config(retries={"max_attempts": 0}))
        try:
            getattr(client, b_method)(**b_kwargs)
        except Exception:
            pass
        save("boto3", service, operation, recorder.take())

        script = (f"const m = require('@aws-sdk/{js_module}');"
                  f"const c = Object.values(m).find(v => typeof v === 'function' && /Client$/.test(v.name) && v.name !== 'Client' && !/^__/.test(v.name));"
                  f"new c({{endpoint: '{endpoint}', region: 'us-east-1', maxAttempts: 1, forcePathStyle: true,"
                  f"credentials: {{accessKeyId: 'test', secretAccessKey: 'test'}}}})"
                  f".send(new m.{js_command}({js_input!r})).catch(() => {{}});")
        subprocess.run(["node", "-e", script], capture_output=True, timeout=60,
                       env=dict(env, NODE_PATH=os.path.join(os.path.abspath(args.node_dir), "node_modules")))
        save("jssdk", service, operation, recorder.take())


if __name__ == "__main__":
    main()
