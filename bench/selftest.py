# SPDX-License-Identifier: MIT
"""Self-test of the replay path that no peer checks: the SigV4 signatures replay.lua computes.

None of the targets verifies signatures, so a wrong DeleteMessage signature would go unnoticed.
This starts a tiny fake SQS (stdlib only, Query protocol, 127.0.0.1) that verifies every
request's SigV4 signature and hands out receipt handles that need XML unescaping and URL
encoding, then runs the receive/delete/refill plan against it with wrk for one second.
"""

import hashlib
import hmac
import http.server
import itertools
import threading
import urllib.parse

import ops
import replay
import signing

SECRET = "test"
TRICKY_HANDLE = "rh/{n}+a=b&c<d>\"e'f~g h"


def expected_signature(method, target, headers, body):
    auth = signing.parse_authorization(headers.get("Authorization", ""))
    _, date, region, service, _ = auth["Credential"].split("/")
    names = auth["SignedHeaders"].split(";")
    lower = {k.lower(): v for k, v in headers.items()}
    path, _, query = target.partition("?")
    pairs = sorted(urllib.parse.parse_qsl(query, keep_blank_values=True))
    canonical_query = "&".join(f"{urllib.parse.quote(k, safe='-_.~')}="
                               f"{urllib.parse.quote(v, safe='-_.~')}" for k, v in pairs)
    canonical = "\n".join([
        method, path, canonical_query,
        "".join(f"{n}:{' '.join(lower[n].split())}\n" for n in names),
        ";".join(names), hashlib.sha256(body).hexdigest()])
    to_sign = "\n".join(["AWS4-HMAC-SHA256", lower["x-amz-date"],
                         f"{date}/{region}/{service}/aws4_request",
                         hashlib.sha256(canonical.encode()).hexdigest()])
    key = signing.signing_key(SECRET, date, region, service)
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest(), auth["Signature"]


class FakeSqs(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), FakeSqsHandler)
        self.lock = threading.Lock()
        self.counter = itertools.count()
        self.outstanding = set()
        self.counts = {"receive": 0, "delete": 0, "send": 0, "bad_signature": 0,
                       "bad_handle": 0}

    def handle_error(self, request, client_address):
        pass  # wrk resets its connections at the end of the run


class FakeSqsHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    wbufsize = 64 * 1024  # one write per answer; flushed after each request

    def log_message(self, *args):
        pass

    def answer(self, status, xml):
        data = xml.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        server = self.server
        wanted, given = expected_signature("POST", self.path, dict(self.headers), body)
        if wanted != given:
            with server.lock:
                server.counts["bad_signature"] += 1
            self.answer(403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code>"
                             "</Error></ErrorResponse>")
            return
        form = dict(urllib.parse.parse_qsl(body.decode()))
        action = form.get("Action")
        with server.lock:
            if action == "ReceiveMessage":
                server.counts["receive"] += 1
                handle = TRICKY_HANDLE.format(n=next(server.counter))
                server.outstanding.add(handle)
                escaped = (handle.replace("&", "&amp;").replace("<", "&lt;")
                           .replace(">", "&gt;").replace('"', "&quot;").replace("'", "&apos;"))
                xml = ("<ReceiveMessageResponse><ReceiveMessageResult><Message>"
                       f"<MessageId>m</MessageId><ReceiptHandle>{escaped}</ReceiptHandle>"
                       "<Body>b</Body></Message></ReceiveMessageResult></ReceiveMessageResponse>")
            elif action == "DeleteMessage":
                handle = form.get("ReceiptHandle")
                if handle not in server.outstanding:
                    server.counts["bad_handle"] += 1
                    xml = None
                else:
                    server.outstanding.discard(handle)
                    server.counts["delete"] += 1
                    xml = "<DeleteMessageResponse></DeleteMessageResponse>"
            elif action == "SendMessage":
                server.counts["send"] += 1
                xml = ("<SendMessageResponse><SendMessageResult><MD5OfMessageBody>x"
                       "</MD5OfMessageBody></SendMessageResult></SendMessageResponse>")
            else:
                xml = None
        if xml is None:
            self.answer(400, "<ErrorResponse><Error><Code>InvalidParameterValue</Code>"
                             "</Error></ErrorResponse>")
        else:
            self.answer(200, xml)


def run(plan_dir, log):
    """Returns None when the Lua-signed requests verify, else what went wrong."""
    server = FakeSqs()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        signer = signing.Signer(endpoint, "test", SECRET)

        class Context:
            distinct = 10
            secret_key = SECRET

            def sign(self, service, operation, **params):
                return signer.sign(service, operation, **params)

        plan = ops.sign_receive_delete(Context(), {"queue_url": f"{endpoint}/000000000000/q",
                                                   "depth": 0})
        path = replay.write_plan(plan_dir, "selftest-sqs", plan)
        result = replay.run_wrk(path, endpoint, 4, 1, 1, lambda: 0.0)
    finally:
        server.shutdown()
        server.server_close()
    counts = server.counts
    log(f"self-test: fake SQS saw {counts}; wrk counted {result['stats']['deleted']} deletes")
    if counts["bad_signature"] or counts["bad_handle"] or result["stats"]["non2xx"]:
        return f"signature or handle rejected: {counts}, first error {result['stats']['first_error']!r}"
    if counts["delete"] == 0 or counts["send"] == 0:
        return f"the receive/delete/refill loop did not run: {counts}"
    return None
