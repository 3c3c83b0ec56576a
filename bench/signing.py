# SPDX-License-Identifier: MIT
"""Sign AWS requests with botocore ahead of time and turn them into raw HTTP/1.1 bytes.

A botocore client is asked to make a real call; a `before-send` hook takes the fully prepared and
signed request and stops it before it reaches the network. The result is exactly what the SDK
would have sent, which wrk then replays byte for byte.
"""

import hashlib
import hmac
import urllib.parse

import botocore.config
import botocore.session

REGION = "us-east-1"


class _Captured(Exception):
    def __init__(self, request):
        super().__init__("request captured")
        self.request = request


class SignedRequest:
    """One prepared request: method, url, headers (str -> str) and body (bytes)."""

    def __init__(self, method, url, headers, body):
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body

    @property
    def netloc(self):
        return urllib.parse.urlsplit(self.url).netloc

    @property
    def target(self):
        parts = urllib.parse.urlsplit(self.url)
        path = parts.path or "/"
        return path + ("?" + parts.query if parts.query else "")

    def raw(self):
        """The request as HTTP/1.1 bytes, ready to write on a keep-alive connection.

        `Expect: 100-continue` is dropped: wrk would read the interim 100 as the answer. SigV4 never
        signs Expect (botocore's SIGNED_HEADERS_BLACKLIST), so the signature stays valid.
        """
        lines = [f"{self.method} {self.target} HTTP/1.1", f"Host: {self.netloc}"]
        for name, value in self.headers.items():
            if name.lower() in ("host", "expect", "content-length", "connection"):
                continue
            lines.append(f"{name}: {value}")
        if self.body or self.method not in ("GET", "HEAD", "DELETE"):
            lines.append(f"Content-Length: {len(self.body)}")
        head = "\r\n".join(lines) + "\r\n\r\n"
        return head.encode("latin-1") + self.body


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _body_bytes(body):
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    if hasattr(body, "read"):
        data = body.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    raise TypeError(f"unexpected body type {type(body)!r}")


def _capture(event_name, request, **kwargs):
    raise _Captured(request)


class Signer:
    """Makes botocore clients for one endpoint and captures their signed requests."""

    def __init__(self, endpoint, access_key, secret_key):
        self.endpoint = endpoint
        self.access_key = access_key
        self.secret_key = secret_key
        self._session = botocore.session.get_session()
        self._clients = {}

    def client(self, service, capture=False):
        """A botocore client for `service`; with capture=True its calls return no response but
        raise nothing either: use `sign()` on it."""
        key = (service, capture)
        if key not in self._clients:
            config = botocore.config.Config(
                region_name=REGION,
                retries={"max_attempts": 1, "mode": "standard"},
                connect_timeout=5,
                read_timeout=120,
                s3={"addressing_style": "path"},
                parameter_validation=True,
            )
            client = self._session.create_client(
                service,
                region_name=REGION,
                endpoint_url=self.endpoint,
                aws_access_key_id=self.access_key,
                aws_secret_access_key=self.secret_key,
                config=config,
            )
            if capture:
                client.meta.events.register("before-send", _capture)
            self._clients[key] = client
        return self._clients[key]

    def close(self):
        """Close the clients' pooled keep-alive connections (a server may wait for them)."""
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def sign(self, service, operation, **params):
        """Sign one call, e.g. sign("sqs", "send_message", QueueUrl=..., MessageBody=...)."""
        client = self.client(service, capture=True)
        try:
            getattr(client, operation)(**params)
        except _Captured as captured:
            prepared = captured.request
            headers = {_text(k): _text(v) for k, v in prepared.headers.items()}
            return SignedRequest(prepared.method, prepared.url, headers, _body_bytes(prepared.body))
        raise RuntimeError(f"{service}.{operation} was not captured")


def _hmac(key, text):
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def signing_key(secret_key, date, region, service):
    """The SigV4 derived key (kSigning) for one day, region and service."""
    key = _hmac(("AWS4" + secret_key).encode("utf-8"), date)
    key = _hmac(key, region)
    key = _hmac(key, service)
    return _hmac(key, "aws4_request")


def parse_authorization(value):
    """Split 'AWS4-HMAC-SHA256 Credential=.., SignedHeaders=.., Signature=..' into a dict."""
    algorithm, _, rest = value.partition(" ")
    fields = {"Algorithm": algorithm}
    for part in rest.split(","):
        name, _, field = part.strip().partition("=")
        fields[name] = field
    return fields


class ResignTemplate:
    """What the Lua replay needs to sign one variant of a request itself (SigV4, header auth).

    Used where a request depends on an earlier answer (DeleteMessage needs the receipt handle
    that ReceiveMessage returned), so it cannot be signed in advance. botocore signs the request
    once with a placeholder in the body; this class splits it around the placeholder and
    precomputes the canonical request up to the payload hash and the derived key. The Lua side
    then only hashes the new body, the canonical request, and HMACs the string to sign. The
    template is checked here against botocore's own signature, and again in Lua at start-up.
    """

    def __init__(self, signed, placeholder, secret_key):
        auth = parse_authorization(signed.headers["Authorization"])
        if auth["Algorithm"] != "AWS4-HMAC-SHA256":
            raise ValueError("only SigV4 header signing can be re-signed")
        if signed.body.count(placeholder.encode()) != 1:
            raise ValueError("placeholder must occur exactly once in the body")
        credential = auth["Credential"]
        _, date, region, service, terminator = credential.split("/")
        self.scope = "/".join([date, region, service, terminator])
        self.amz_date = signed.headers["X-Amz-Date"]
        self.key = signing_key(secret_key, date, region, service)
        self.expected_signature = auth["Signature"]
        self.placeholder = placeholder
        self.body_before, self.body_after = signed.body.split(placeholder.encode())

        signed_headers = auth["SignedHeaders"].split(";")
        by_name = {name.lower(): value for name, value in signed.headers.items()}
        by_name["host"] = signed.netloc
        parts = urllib.parse.urlsplit(signed.url)
        if parts.query:
            raise ValueError("re-signing supports bodies only, not query strings")
        canonical_headers = "".join(
            f"{name}:{' '.join(by_name[name].split())}\n" for name in signed_headers
        )
        self.canonical_prefix = (
            f"{signed.method}\n{urllib.parse.quote(parts.path or '/', safe='/~')}\n\n"
            f"{canonical_headers}\n{';'.join(signed_headers)}\n"
        )
        self.authorization_prefix = signed.headers["Authorization"][: -len(auth["Signature"])]

        # The head of the raw request without Authorization and Content-Length: Lua adds both.
        lines = [f"{signed.method} {signed.target} HTTP/1.1", f"Host: {signed.netloc}"]
        for name, value in signed.headers.items():
            if name.lower() in ("host", "expect", "content-length", "connection", "authorization"):
                continue
            lines.append(f"{name}: {value}")
        self.head = ("\r\n".join(lines) + "\r\n").encode("latin-1")

        if self.signature(placeholder.encode()) != self.expected_signature:
            raise ValueError("re-signing template does not reproduce botocore's signature")

    def signature(self, value):
        """The signature of the body with `value` (bytes, already encoded) in the placeholder's place."""
        body = self.body_before + value + self.body_after
        payload_hash = hashlib.sha256(body).hexdigest()
        canonical = self.canonical_prefix + payload_hash
        string_to_sign = "\n".join(
            ["AWS4-HMAC-SHA256", self.amz_date, self.scope,
             hashlib.sha256(canonical.encode("utf-8")).hexdigest()]
        )
        return hmac.new(self.key, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
