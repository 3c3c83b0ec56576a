# SPDX-License-Identifier: MIT
"""The foundation end to end: the three client stacks reach STS, unbuilt operations get a 501 in
their own protocol, bad input of every kind gets an AWS-shaped 4xx while the server keeps serving
and the database keeps its state, the journal records every request, and the process handles
its command line, a busy port, a locked or foreign state folder, and SIGTERM."""
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

from cbtest import Server, ServerTestCase, binary, raw_request


class ClientsReachSts(ServerTestCase):
    def test_aws_cli(self):
        out = self.aws("sts", "get-caller-identity")
        self.assertEqual(out["Account"], "000000000000")
        self.assertEqual(out["Arn"], "arn:aws:iam::000000000000:root")

    def test_boto3(self):
        out = self.boto3_client("sts").get_caller_identity()
        self.assertEqual(out["Account"], "000000000000")
        self.assertIn("x-amzn-requestid", out["ResponseMetadata"]["HTTPHeaders"])

    def test_js_sdk(self):
        out = self.node("sts.cjs")
        self.assertEqual(out["Account"], "000000000000")

    def test_health(self):
        with urllib.request.urlopen(self.endpoint + "/_cloudbench/health", timeout=10) as r:
            health = json.load(r)
        self.assertIn("version", health)
        self.assertEqual(health["services"]["sts"], "available")
        for service in ("s3", "sqs", "dynamodb", "lambda", "logs", "cloudwatch"):
            self.assertIn(service, health["services"])


class BadInput(ServerTestCase):
    server_args = ("--max-body-size", "1048576")

    def assertStillServing(self):
        self.assertEqual(self.aws("sts", "get-caller-identity")["Account"], "000000000000")

    def test_unknown_operation_is_501_in_its_protocol(self):
        status, headers, body = raw_request(self.server.port,
            b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
            b"Content-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n\r\n{}")
        if json.loads(body).get("__type", "").endswith("#NotImplemented"):
            self.assertEqual(status, 501)
            self.assertIn("ListTables", json.loads(body)["message"])
        self.assertTrue(headers.get("x-amzn-requestid"))
        self.assertStillServing()

    def test_unknown_sts_action(self):
        self.boto3_client("sts")  # skips without boto3
        status, _, body = raw_request(self.server.port,
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Authorization: AWS4-HMAC-SHA256 Credential=test/20261123/us-east-1/sts/aws4_request,"
            b" SignedHeaders=host, Signature=0\r\n"
            b"Content-Length: 39\r\n\r\nAction=DecodeNothing&Version=2011-06-15")
        self.assertEqual(status, 501)
        self.assertIn(b"<Code>NotImplemented</Code>", body)
        self.assertIn(b"<ErrorResponse", body)

    def test_unknown_service(self):
        status, _, body = raw_request(self.server.port,
            b"POST / HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 Credential=test/"
            b"20261123/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 24\r\n\r\n"
            b"Action=DescribeInstances")
        self.assertEqual(status, 400)
        self.assertIn(b"UnknownService", body)
        self.assertStillServing()

    def test_garbage_json_body(self):
        status, _, body = raw_request(self.server.port,
            b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSSecurityTokenServiceV20110615."
            b"GetCallerIdentity\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 5"
            b"\r\n\r\n\xff\xfe\x00{[")
        self.assertEqual(status, 200 if b"Account" in body else 400)
        self.assertStillServing()

    def test_malformed_http(self):
        status, _, body = raw_request(self.server.port, b"THIS IS NOT HTTP\r\n\r\n")
        self.assertEqual(status, 400)
        self.assertIn(b"<Error>", body)
        self.assertStillServing()

    def test_huge_headers(self):
        status, _, _ = raw_request(self.server.port,
            b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n")
        self.assertGreaterEqual(status, 400)
        self.assertLess(status, 500)
        self.assertStillServing()

    def test_body_over_cap(self):
        body = b"Action=GetCallerIdentity&Pad=" + b"x" * (2 * 1024 * 1024)
        status, _, answer = raw_request(self.server.port,
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.assertEqual(status, 413)
        self.assertIn(b"EntityTooLarge", answer)
        self.assertStillServing()

    def test_expect_continue_over_cap_is_refused_before_upload(self):
        status, _, _ = raw_request(self.server.port,
            b"PUT /bucket/key HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
            b"Content-Length: 5000000000\r\n\r\n")
        self.assertEqual(status, 413)
        self.assertStillServing()

    def test_truncated_body(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as sock:
            sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-"
                         b"urlencoded\r\nContent-Length: 1000\r\n\r\nAction=GetCaller")
            sock.shutdown(socket.SHUT_WR)
            sock.recv(65536)
        self.assertStillServing()


class Journal(unittest.TestCase):
    def test_every_request_is_journaled(self):
        server = Server().start()
        try:
            case = ServerTestCase()
            case.endpoint = server.endpoint
            case.aws("sts", "get-caller-identity")
            raw_request(server.port, b"NOT HTTP\r\n\r\n")
            case.aws("sqs", "get-queue-url", "--queue-name", "none",
                     expect_error="AWS.SimpleQueueService.NonExistentQueue")
            time.sleep(0.5)
        finally:
            self.assertEqual(server.stop(), 0)
        rows = server.database().execute(
            "SELECT service, operation, status, error_code FROM journal ORDER BY id").fetchall()
        server.cleanup()
        self.assertIn(("sts", "GetCallerIdentity", 200, ""), rows)
        self.assertIn(("sqs", "GetQueueUrl", 400, "AWS.SimpleQueueService.NonExistentQueue"), rows)
        self.assertTrue(any(status == 400 and code == "BadRequest" for _, _, status, code in rows),
                        rows)


class CommandLine(unittest.TestCase):
    def run_cli(self, *args, timeout=20):
        return subprocess.run([binary(), *args], capture_output=True, text=True, timeout=timeout)

    def test_help_and_version(self):
        out = self.run_cli("--help")
        self.assertEqual(out.returncode, 0)
        for option in ("--headless", "--port", "--bind", "--state-dir", "--reset",
                       "--max-body-size", "--journal-limit"):
            self.assertIn(option, out.stdout)
        version = self.run_cli("--version")
        self.assertEqual(version.returncode, 0)
        self.assertRegex(version.stdout, r"cloudbench \d+\.\d+\.\d+")

    def test_journal_limit_bounds_the_journal(self):
        with Server("--journal-limit", "100") as server:
            batch = (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-"
                     b"urlencoded\r\nContent-Length: 43\r\n\r\nAction=GetCallerIdentity"
                     b"&Version=2011-06-15")
            for _ in range(600):
                raw_request(server.port, batch)
            server.stop()
            count = server.database().execute("SELECT COUNT(*) FROM journal").fetchone()[0]
        # Pruning runs every 500 requests: never more than the limit plus one pruning interval.
        self.assertLessEqual(count, 100 + 500)
        self.assertGreaterEqual(count, 100)

    def test_bad_port(self):
        out = self.run_cli("--headless", "--port", "http")
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("--port", out.stderr)

    def test_busy_port_fails_clearly(self):
        with socket.socket() as blocker:
            blocker.bind(("127.0.0.1", 0))
            blocker.listen(1)
            port = blocker.getsockname()[1]
            with tempfile.TemporaryDirectory() as state:
                out = self.run_cli("--headless", "--port", str(port), "--state-dir", state)
        self.assertEqual(out.returncode, 1)
        self.assertIn(f"127.0.0.1:{port}", out.stderr)
        self.assertIn("in use", out.stderr)

    def test_second_instance_on_same_port_fails(self):
        with Server() as first:
            with tempfile.TemporaryDirectory() as state:
                out = self.run_cli("--headless", "--port", str(first.port), "--state-dir", state)
            self.assertEqual(out.returncode, 1)
            self.assertIn("in use", out.stderr)
            status, _, _ = raw_request(first.port, b"GET /_cloudbench/health HTTP/1.1\r\n"
                                       b"Host: x\r\nConnection: close\r\n\r\n")
            self.assertEqual(status, 200)

    def test_state_folder_in_use(self):
        with Server() as first:
            out = self.run_cli("--headless", "--port", "0", "--state-dir", first.state_dir)
            self.assertEqual(out.returncode, 1)
            self.assertIn("in use by another Cloudbench", out.stderr)

    def test_foreign_database_is_refused_untouched(self):
        with tempfile.TemporaryDirectory() as state:
            path = os.path.join(state, "cloudbench.db")
            with open(path, "wb") as f:
                f.write(b"my thesis, not a database")
            out = self.run_cli("--headless", "--port", "0", "--state-dir", state)
            self.assertEqual(out.returncode, 1)
            self.assertIn(path, out.stderr)
            with open(path, "rb") as f:
                self.assertEqual(f.read(), b"my thesis, not a database")

    def test_state_survives_restart_and_reset_clears_it(self):
        with tempfile.TemporaryDirectory() as state:
            with Server(state_dir=state) as server:
                case = ServerTestCase()
                case.endpoint = server.endpoint
                case.aws("sts", "get-caller-identity")
                time.sleep(0.3)
            count = Server(state_dir=state).database().execute(
                "SELECT COUNT(*) FROM journal").fetchone()[0]
            self.assertGreaterEqual(count, 1)
            with Server("--reset", state_dir=state):
                pass
            count = Server(state_dir=state).database().execute(
                "SELECT COUNT(*) FROM journal").fetchone()[0]
            self.assertEqual(count, 0)

    def test_sigterm_stops_cleanly_with_idle_keepalive_client(self):
        server = Server().start()
        sock = socket.create_connection(("127.0.0.1", server.port))
        sock.sendall(b"GET /_cloudbench/health HTTP/1.1\r\nHost: x\r\n\r\n")
        sock.recv(65536)
        started = time.monotonic()
        code = server.stop(timeout=15)
        sock.close()
        server.cleanup()
        self.assertEqual(code, 0)
        self.assertLess(time.monotonic() - started, 3)


if __name__ == "__main__":
    unittest.main()
