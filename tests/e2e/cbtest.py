# SPDX-License-Identifier: MIT
"""Shared harness for the end-to-end tests: start `cloudbench --headless` on a free loopback
port with a temporary state folder, drive it with real clients, stop it.

Clients: /usr/bin/aws (Debian's AWS CLI v2), boto3 from Debian (these tests run under
/usr/bin/python3), and the AWS SDK for JavaScript v3 installed by the e2e_node_setup test into
the build folder (CB_NODE_DIR). Environment: CLOUDBENCH_BIN (the binary), CB_NODE_DIR.
"""
import io
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest
import zipfile

AWS_CLI = "/usr/bin/aws"
HERE = os.path.dirname(os.path.abspath(__file__))
START_TIMEOUT = 20
CLIENT_TIMEOUT = 120

CLIENT_ENV = {
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/nonexistent/cloudbench-e2e",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/cloudbench-e2e",
    "AWS_PAGER": "",
    "AWS_EC2_METADATA_DISABLED": "true",
}
os.environ.update(CLIENT_ENV)


def binary():
    path = os.environ.get("CLOUDBENCH_BIN")
    if not path or not os.access(path, os.X_OK):
        raise unittest.SkipTest("CLOUDBENCH_BIN does not name the cloudbench binary")
    return path


class Server:
    """One headless Cloudbench. Use as a context manager or call start()/stop()."""

    def __init__(self, *extra_args, state_dir=None):
        self.extra_args = list(extra_args)
        self.own_state = state_dir is None
        self.state_dir = state_dir or tempfile.mkdtemp(prefix="cb-e2e-")
        self.process = None
        self.reader = None
        self.endpoint = None
        self.port = None
        self.output = ""

    def start(self):
        self.process = subprocess.Popen(
            [binary(), "--headless", "--port", "0", "--state-dir", self.state_dir, *self.extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.output += line
            match = re.search(r"listening on (http://[\d.]+:(\d+))", line)
            if match:
                self.endpoint, self.port = match.group(1), int(match.group(2))
                # Keep draining the server's output: a full pipe would block its writes (and
                # its shutdown) once nobody reads.
                self.reader = threading.Thread(target=self._drain, daemon=True)
                self.reader.start()
                return self
        self.process.kill()
        raise AssertionError("cloudbench did not start:\n" + self.output + self.process.stdout.read())

    def _drain(self):
        for line in self.process.stdout:
            self.output += line

    def stop(self, timeout=30):
        if not self.process:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError("cloudbench did not stop within %d s of SIGTERM; it printed:\n%s"
                                     % (timeout, self.output[-5000:]))
        if self.reader:
            self.reader.join(10)
        code = self.process.returncode
        self.process = None
        return code

    def database(self):
        """A read-only connection to the state database (call after stop() for a settled view)."""
        path = os.path.join(self.state_dir, "cloudbench.db")
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def cleanup(self):
        self.stop()
        if self.own_state:
            shutil.rmtree(self.state_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.cleanup()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# A SigV4 Authorization header for raw S3 requests (signatures are not verified): without one a
# request is anonymous and S3 answers it only where public access allows.
S3_AUTH = ("Authorization: AWS4-HMAC-SHA256 Credential=test/20261123/us-east-1/s3/aws4_request, "
           "SignedHeaders=host, Signature=0")


def raw_request(port, data, timeout=10):
    """Sends raw bytes, returns (status, headers dict lower-case, body bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        received = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            received += chunk
            head, sep, body = received.partition(b"\r\n\r\n")
            if sep:
                length = re.search(rb"(?i)content-length:\s*(\d+)", head)
                if length and len(body) >= int(length.group(1)):
                    break
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and lines[0] else 0
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def wait_for(predicate, timeout=60, interval=0.5):
    """Calls predicate until it returns something truthy (returned) or timeout seconds pass
    (None)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return None


def make_zip(files):
    """A deployment package in memory: {name: source} (a str is the whole app.py)."""
    if isinstance(files, str):
        files = {"app.py": files}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, source in files.items():
            archive.writestr(name, source)
    return buffer.getvalue()


class ServerTestCase(unittest.TestCase):
    """One server per test class; self.endpoint is its URL; cls.workdir a temporary folder."""

    server_args = ()

    @classmethod
    def setUpClass(cls):
        cls.server = Server(*cls.server_args).start()
        cls.endpoint = cls.server.endpoint
        cls.workdir = tempfile.mkdtemp(prefix="cb-e2e-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.workdir, ignore_errors=True)
        code = cls.server.stop()
        cls.server.cleanup()
        if code != 0:
            raise AssertionError(f"cloudbench exited with {code}:\n{cls.server.output}")

    # --- AWS CLI v2 -----------------------------------------------------------------------
    def aws(self, *args, expect_error=None):
        """Runs /usr/bin/aws against the server; returns parsed JSON output (or {}).
        With expect_error="Code", asserts the call fails with that error code and returns stderr."""
        if not os.access(AWS_CLI, os.X_OK):
            self.skipTest("the AWS CLI (/usr/bin/aws) is not installed")
        result = subprocess.run([AWS_CLI, "--endpoint-url", self.endpoint, "--output", "json", *args],
                                capture_output=True, text=True, timeout=CLIENT_TIMEOUT)
        if expect_error:
            self.assertNotEqual(result.returncode, 0, result.stdout)
            self.assertIn(f"({expect_error})", result.stderr)
            return result.stderr
        self.assertEqual(result.returncode, 0, f"aws {' '.join(args)} failed:\n{result.stderr}")
        return json.loads(result.stdout) if result.stdout.strip() else {}

    # --- boto3 ----------------------------------------------------------------------------
    def boto3_client(self, service, **config):
        try:
            import boto3
            from botocore.config import Config
        except ImportError:
            self.skipTest("python3-boto3 is not installed")
        return boto3.client(service, endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id="test", aws_secret_access_key="test",
                            config=Config(retries={"max_attempts": 1}, **config))

    # --- AWS SDK for JavaScript v3 ----------------------------------------------------------
    def node(self, script, *args, expect_failure=False):
        """Runs tests/e2e/js/<script> with node; the script prints one JSON document."""
        node_dir = os.environ.get("CB_NODE_DIR", "")
        modules = os.path.join(node_dir, "node_modules")
        if not shutil.which("node") or not os.path.isdir(os.path.join(modules, "@aws-sdk")):
            self.skipTest("the AWS SDK for JavaScript v3 is not installed (e2e_node_setup)")
        env = dict(os.environ, NODE_PATH=modules, CB_ENDPOINT=self.endpoint)
        result = subprocess.run(["node", os.path.join(HERE, "js", script), *args],
                                capture_output=True, text=True, timeout=CLIENT_TIMEOUT, env=env)
        if expect_failure:
            self.assertNotEqual(result.returncode, 0, result.stdout)
            return result.stderr
        self.assertEqual(result.returncode, 0, f"node {script} failed:\n{result.stderr}")
        return json.loads(result.stdout)
