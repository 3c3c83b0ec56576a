# SPDX-License-Identifier: MIT
"""S3 bodies stream: a 1 GiB object uploaded in one PutObject, and with `aws s3 cp` (multipart,
ten 8 MiB parts in flight), then downloaded, keeps the server under 100 MiB of extra resident
memory (issue #3), and arrives byte-exact. A server killed in the middle of an upload shows no
half object and keeps no file of it after a restart."""
import hashlib
import http.client
import os
import shutil
import socket
import tempfile
import time
import unittest

from cbtest import S3_AUTH, Server, ServerTestCase

GIB = 1 << 30
BLOCK = 64 << 20
LIMIT = 100 << 20


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM for the server")


def file_md5(path):
    digest = hashlib.md5()
    with open(path, "rb") as source:
        while chunk := source.read(4 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class S3StreamingTests(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.source = os.path.join(cls.workdir, "one-gib.bin")
        # 64 MiB blocks cut from repeats of a random 4 MiB + 4099 bytes, each block starting
        # with its number: no two 8 MiB parts are equal, so parts out of order change the MD5.
        base = os.urandom((4 << 20) + 4099)
        block = (base * (BLOCK // len(base) + 1))[:BLOCK]
        with open(cls.source, "wb") as target:
            for index in range(GIB // BLOCK):
                target.write(bytes([index]) + block[1:])
        cls.source_md5 = file_md5(cls.source)

    def setUp(self):
        self.baseline = peak_kib(self.server.process.pid) * 1024

    def assert_memory_bounded(self, what):
        grown = peak_kib(self.server.process.pid) * 1024 - self.baseline
        self.assertLess(grown, LIMIT, f"{what}: the server's peak resident memory grew by "
                                      f"{grown >> 20} MiB")

    def test_single_put_and_get_of_one_gib(self):
        auth = S3_AUTH.split(": ", 1)[1]
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=300,
                                                blocksize=1 << 20)
        connection.request("PUT", "/streaming-single", headers={"Authorization": auth})
        self.assertEqual(connection.getresponse().read(), b"")
        with open(self.source, "rb") as body:
            connection.request("PUT", "/streaming-single/object", body=body,
                               headers={"Authorization": auth, "Content-Length": str(GIB)})
            response = connection.getresponse()
            response.read()
        self.assertEqual(response.status, 200)
        self.assertEqual(response.getheader("ETag"), f'"{self.source_md5}"')
        self.assert_memory_bounded("PutObject of 1 GiB")

        connection.request("GET", "/streaming-single/object", headers={"Authorization": auth})
        response = connection.getresponse()
        self.assertEqual(response.status, 200)
        digest, size = hashlib.md5(), 0
        while chunk := response.read(4 << 20):
            digest.update(chunk)
            size += len(chunk)
        self.assertEqual(size, GIB)
        self.assertEqual(digest.hexdigest(), self.source_md5)
        self.assert_memory_bounded("GetObject of 1 GiB")
        connection.close()

    def test_cli_multipart_copy_of_one_gib(self):
        self.aws("s3api", "create-bucket", "--bucket", "streaming-multipart")
        self.aws("s3", "cp", "--only-show-errors", self.source, "s3://streaming-multipart/object")
        self.assert_memory_bounded("aws s3 cp (multipart upload) of 1 GiB")
        head = self.aws("s3api", "head-object", "--bucket", "streaming-multipart",
                        "--key", "object")
        self.assertEqual(head["ContentLength"], GIB)
        self.assertTrue(head["ETag"].endswith('-128"'), head["ETag"])  # 128 parts of 8 MiB

        back = os.path.join(self.workdir, "back.bin")
        self.aws("s3", "cp", "--only-show-errors", "s3://streaming-multipart/object", back)
        self.assert_memory_bounded("aws s3 cp (ranged downloads) of 1 GiB")
        self.assertEqual(os.path.getsize(back), GIB)
        self.assertEqual(file_md5(back), self.source_md5)
        os.remove(back)


class S3CrashTests(unittest.TestCase):
    def setUp(self):
        self.state = tempfile.mkdtemp(prefix="cb-e2e-crash-")

    def tearDown(self):
        shutil.rmtree(self.state, ignore_errors=True)

    def files_under(self, folder):
        return [os.path.join(root, name) for root, _, names in
                os.walk(os.path.join(self.state, folder)) for name in names]

    def test_kill_during_upload_leaves_no_object_and_no_file(self):
        auth = S3_AUTH.split(": ", 1)[1]
        server = Server(state_dir=self.state).start()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
            connection.request("PUT", "/crash-bucket", headers={"Authorization": auth})
            created = connection.getresponse()
            created.read()
            self.assertEqual(created.status, 200)
            connection.close()
            # Half of a 64 MiB body, then the server dies (SIGKILL: no shutdown of any kind).
            upload = socket.create_connection(("127.0.0.1", server.port))
            upload.sendall((f"PUT /crash-bucket/half HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            f"Authorization: {auth}\r\nContent-Length: {64 << 20}\r\n\r\n")
                           .encode())
            upload.sendall(os.urandom(1 << 20) * 32)
            deadline = time.monotonic() + 10
            while not self.files_under("tmp") and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertTrue(self.files_under("tmp"), "the body was not being spooled")
            server.process.kill()
            server.process.wait()
            upload.close()
        finally:
            server.stop()

        with Server(state_dir=self.state) as restarted:
            connection = http.client.HTTPConnection("127.0.0.1", restarted.port, timeout=30)
            connection.request("HEAD", "/crash-bucket/half", headers={"Authorization": auth})
            head = connection.getresponse()
            head.read()
            self.assertEqual(head.status, 404)
            connection.request("GET", "/crash-bucket?list-type=2", headers={"Authorization": auth})
            listing = connection.getresponse().read()
            self.assertIn(b"<KeyCount>0</KeyCount>", listing)
            connection.close()
            self.assertEqual(self.files_under("tmp"), [])
            self.assertEqual(self.files_under("objects"), [])


if __name__ == "__main__":
    unittest.main()
