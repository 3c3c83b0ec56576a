# SPDX-License-Identifier: MIT
"""S3 end to end: what a fuzzing session found, one class per finding, driven through raw HTTP
so that the exact bytes on the wire are seen (and through boto3 for presigned URLs)."""
import unittest

from cbtest import S3_AUTH, ServerTestCase, raw_request

OVERRIDES = ("response-content-type", "response-content-disposition",
             "response-content-encoding", "response-content-language",
             "response-cache-control", "response-expires")


class S3FuzzTestCase(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request(cls, b"PUT", b"/bkt1")
        cls.request(cls, b"PUT", b"/bkt1/r", body=b"0123456789")
        cls.request(cls, b"PUT", b"/bkt1/empty")

    def request(self, method, target, headers=(), body=b"", signed=True):
        """A raw HTTP/1.1 request from bytes; returns (status, headers lower-case, body)."""
        lines = [method + b" " + target + b" HTTP/1.1",
                 b"Host: 127.0.0.1:%d" % self.server.port,
                 b"Content-Length: %d" % len(body), b"Connection: close", *headers]
        if signed:
            lines.append(S3_AUTH.encode())
        return raw_request(self.server.port, b"\r\n".join(lines) + b"\r\n\r\n" + body)

    def keys(self):
        status, _, body = self.request(b"GET", b"/bkt1?list-type=2")
        self.assertEqual(status, 200, body)
        import re
        return re.findall(rb"<Key>([^<]*)</Key>", body)


class S3ResponseOverrideTests(S3FuzzTestCase):
    """GetObject's response-* overrides must not put CR/LF (or other control characters) into
    the answer's head: 400 InvalidArgument naming the parameter."""

    def test_crlf_in_an_override_is_refused_not_written_into_the_head(self):
        status, headers, body = self.request(
            b"GET", b"/bkt1/r?response-content-type=text/plain%0d%0aX-Injected:%20yes%0d%0a"
                    b"%0d%0aBODY")
        self.assertEqual(status, 400, body)
        self.assertNotIn("x-injected", headers)
        self.assertIn(b"<Code>InvalidArgument</Code>", body)
        self.assertIn(b"response-content-type", body)

    def test_every_override_refuses_control_characters(self):
        for parameter in OVERRIDES:
            for character in (b"%0d", b"%0a", b"%00", b"%01", b"%7f"):
                with self.subTest(parameter=parameter, character=character):
                    status, headers, body = self.request(
                        b"GET", b"/bkt1/r?" + parameter.encode() + b"=a" + character + b"b")
                    self.assertEqual(status, 400, body)
                    self.assertIn(b"<Code>InvalidArgument</Code>", body)
                    self.assertIn(parameter.encode(), body)
        status, _, body = self.request(b"HEAD", b"/bkt1/r?response-cache-control=a%0d%0ab")
        self.assertEqual(status, 400)

    def test_tab_and_plain_values_still_override(self):
        status, headers, body = self.request(
            b"GET", b"/bkt1/r?response-content-disposition=attachment;%09filename=x.txt"
                    b"&response-cache-control=no-cache")
        self.assertEqual((status, body), (200, b"0123456789"))
        self.assertEqual(headers["content-disposition"], "attachment;\tfilename=x.txt")
        self.assertEqual(headers["cache-control"], "no-cache")

    def test_presigned_url_with_crlf_override_is_refused(self):
        from urllib.parse import urlsplit
        s3 = self.boto3_client("s3", signature_version="s3v4")
        url = s3.generate_presigned_url(
            "get_object", Params={"Bucket": "bkt1", "Key": "r",
                                  "ResponseContentType": "text/plain\r\nX-Injected: yes"})
        parts = urlsplit(url)
        status, headers, body = self.request(
            b"GET", (parts.path + "?" + parts.query).encode(), signed=False)
        self.assertEqual(status, 400, body)
        self.assertNotIn("x-injected", headers)
        self.assertIn(b"<Code>InvalidArgument</Code>", body)


class S3KeyEncodingTests(S3FuzzTestCase):
    """Keys are UTF-8: percent-decoded bytes that are not UTF-8 used to become U+FFFD, so that
    c%FFd and c%FEd were one object. S3 answers 400 InvalidURI; prefixes and markers likewise,
    and an undecodable copy source is InvalidArgument."""

    def assert_invalid_uri(self, method, target, headers=(), body=b""):
        status, _, answer = self.request(method, target, headers, body)
        self.assertEqual(status, 400, answer)
        self.assertIn(b"<Code>InvalidURI</Code><Message>Couldn't parse the specified URI."
                      b"</Message>", answer)

    def test_keys_that_are_not_utf8_are_refused_and_alias_nothing(self):
        self.assert_invalid_uri(b"PUT", b"/bkt1/c%ffd", body=b"first")
        self.assert_invalid_uri(b"PUT", b"/bkt1/c%fed", body=b"second")
        self.assert_invalid_uri(b"PUT", b"/bkt1/c\xff\xfed", body=b"raw")
        self.assert_invalid_uri(b"PUT", b"/bkt1/c%c3", body=b"truncated sequence")
        self.assert_invalid_uri(b"PUT", b"/bkt1/c%ed%a0%80", body=b"surrogate")
        self.assert_invalid_uri(b"GET", b"/bkt1/c%ffd")
        self.assert_invalid_uri(b"DELETE", b"/bkt1/c%ffd")
        self.assert_invalid_uri(b"POST", b"/bkt1/c%ffd?uploads")
        self.assertNotIn("c\ufffdd".encode(), self.keys())

    def test_utf8_keys_still_work(self):
        status, _, body = self.request(b"PUT", b"/bkt1/caf%C3%A9", body=b"utf8")
        self.assertEqual(status, 200, body)
        status, _, body = self.request(b"GET", b"/bkt1/caf%C3%A9")
        self.assertEqual((status, body), (200, b"utf8"))
        self.assertIn("café".encode(), self.keys())

    def test_listing_parameters_that_are_not_utf8_are_refused(self):
        for query in (b"prefix=%ff", b"list-type=2&prefix=c%fe", b"list-type=2&start-after=%ff",
                      b"marker=%fe", b"delimiter=%ff", b"versions&key-marker=%ff",
                      b"uploads&prefix=%ff"):
            with self.subTest(query=query):
                self.assert_invalid_uri(b"GET", b"/bkt1?" + query)

    def test_copy_source_that_is_not_utf8_is_refused(self):
        for source in (b"/bkt1/c%ffd", b"/bkt1/r?versionId=%ff", b"bkt1/c\xfe"):
            with self.subTest(source=source):
                status, _, body = self.request(b"PUT", b"/bkt1/copy",
                                               headers=(b"x-amz-copy-source: " + source,))
                self.assertEqual(status, 400, body)
                self.assertIn(b"<Code>InvalidArgument</Code><Message>Invalid copy source "
                              b"encoding.</Message>", body)
        self.assertNotIn(b"copy", self.keys())


class S3RangeTests(S3FuzzTestCase):
    """GetObject Range: a start at or past the end is 416 InvalidRange, bytes=N- included;
    ranges that do not parse still answer the whole object, as AWS does."""

    def get(self, key, range_header):
        return self.request(b"GET", b"/bkt1/" + key, headers=(b"Range: " + range_header,))

    def test_open_range_starting_at_the_end_is_unsatisfiable(self):
        for key, header in ((b"r", b"bytes=10-"), (b"r", b"bytes=11-"), (b"r", b"bytes=10-20"),
                            (b"empty", b"bytes=0-")):
            with self.subTest(key=key, header=header):
                status, headers, body = self.get(key, header)
                self.assertEqual(status, 416, body)
                self.assertIn(b"<Code>InvalidRange</Code>", body)

    def test_satisfiable_and_unparsable_ranges(self):
        status, headers, body = self.get(b"r", b"bytes=9-")
        self.assertEqual((status, body, headers["content-range"]), (206, b"9", "bytes 9-9/10"))
        status, _, body = self.get(b"r", b"bytes=8-100")
        self.assertEqual((status, body), (206, b"89"))
        for header in (b"bytes=5-2", b"bytes=x-", b"lines=1-2", b"bytes=1-2,4-5"):
            with self.subTest(header=header):
                status, _, body = self.get(b"r", header)
                self.assertEqual((status, body), (200, b"0123456789"))


if __name__ == "__main__":
    unittest.main()
