# SPDX-License-Identifier: MIT
"""Golden wire tests (STYLE.md 9): each tests/api/golden/<svc>/<Name>.request.http is sent as
raw bytes to a fresh server and the answer must equal <Name>.response.http byte for byte after
normalising what legitimately varies (request ids, dates, the port). Files are replayed in name
order within a folder, so a folder can build state step by step (01-CreateQueue, 02-...).
Regenerate one after an intended change with CB_GOLDEN_UPDATE=1, then review the diff."""
import os
import re
import unittest

from cbtest import Server, raw_request

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "api", "golden")

NORMALISERS = [
    (re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), b"<uuid>"),
    (re.compile(rb"(?i)(x-amz-request-id: )[0-9A-Za-z]+"), rb"\1<id>"),
    (re.compile(rb"(?i)(x-amz-id-2: )[0-9A-Za-z+/=]+"), rb"\1<id>"),
    (re.compile(rb"<RequestId>[^<]*</RequestId>"), b"<RequestId><id></RequestId>"),
    (re.compile(rb"<HostId>[^<]*</HostId>"), b"<HostId><id></HostId>"),
    (re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"), b"<iso-date>"),
    (re.compile(rb"\b1[5-9]\d{8}(\.\d+)?\b"), b"<epoch>"),
    (re.compile(rb"127\.0\.0\.1:\d+"), b"127.0.0.1:<port>"),
    (re.compile(rb"[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT"), b"<http-date>"),
    # The body is compared itself; its length varies with the digits of normalised timestamps.
    (re.compile(rb"(?im)^(content-length: )\d+"), rb"\1<n>"),
]

# Headers that vary with the transport, not with what the service answered.
IGNORED_HEADERS = {b"keep-alive", b"connection", b"date"}


def normalise_response(data):
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    kept = [lines[0]] + sorted(l for l in lines[1:]
                               if l.split(b":")[0].strip().lower() not in IGNORED_HEADERS)
    text = b"\r\n".join(kept) + b"\r\n\r\n" + body
    for pattern, replacement in NORMALISERS:
        text = pattern.sub(replacement, text)
    return text


def exchange(port, request):
    """Sends raw bytes; returns the raw response bytes (status line, headers, body)."""
    status, headers, body = raw_request(port, request)
    reason = {200: b"OK", 400: b"Bad Request", 404: b"Not Found", 411: b"Length Required",
              413: b"Payload Too Large", 501: b"Not Implemented"}.get(status, b"")
    head = b"HTTP/1.1 %d %s" % (status, reason)
    for name, value in headers.items():
        head += b"\r\n" + name.encode() + b": " + value.encode("latin-1")
    return head + b"\r\n\r\n" + body


def load_request(path):
    with open(path, "rb") as f:
        data = f.read()
    # Files are stored with LF line ends for readability; HTTP wants CRLF in the head.
    head, _, body = data.partition(b"\n\n")
    head = head.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if body and b"content-length" not in head.lower():
        head += b"\r\nContent-Length: %d" % len(body)
    return head + b"\r\n\r\n" + body


class Golden(unittest.TestCase):
    def test_golden_files(self):
        folders = sorted(d for d in os.listdir(GOLDEN) if os.path.isdir(os.path.join(GOLDEN, d)))
        self.assertTrue(folders)
        update = os.environ.get("CB_GOLDEN_UPDATE") == "1"
        checked = 0
        for folder in folders:
            names = sorted(n[:-len(".request.http")] for n in os.listdir(os.path.join(GOLDEN, folder))
                           if n.endswith(".request.http"))
            with Server() as server:
                for name in names:
                    base = os.path.join(GOLDEN, folder, name)
                    actual = normalise_response(exchange(server.port, load_request(base + ".request.http")))
                    expected_path = base + ".response.http"
                    if update or not os.path.exists(expected_path):
                        with open(expected_path, "wb") as f:
                            f.write(actual.replace(b"\r\n", b"\n"))
                    with open(expected_path, "rb") as f:
                        expected = f.read()
                    with self.subTest(golden=f"{folder}/{name}"):
                        self.assertEqual(actual.replace(b"\r\n", b"\n").decode("utf-8", "replace"),
                                         expected.decode("utf-8", "replace"))
                    checked += 1
        self.assertGreater(checked, 0)


if __name__ == "__main__":
    unittest.main()
