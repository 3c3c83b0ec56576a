# SPDX-License-Identifier: MIT
"""S3 end to end: behaviours an audit of the emulation against real AWS pinned, one class per
finding (wire-level cases through raw HTTP, the rest through boto3 and the AWS CLI v2)."""
import unittest

from cbtest import S3_AUTH, ServerTestCase, raw_request

MiB = 1024 * 1024


def client_error(test, call, code, status=None):
    """Asserts call() raises a botocore ClientError with that code; returns its response."""
    from botocore.exceptions import ClientError
    with test.assertRaises(ClientError) as caught:
        call()
    response = caught.exception.response
    test.assertEqual(response["Error"]["Code"], code, response)
    if status is not None:
        test.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], status, response)
    return response


class S3AuditTestCase(ServerTestCase):
    def raw(self, method, path, headers=(), body=b"", signed=True):
        """A raw HTTP/1.1 request; returns (status, headers lower-case, body)."""
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.server.port}",
                 f"Content-Length: {len(body)}", "Connection: close", *headers]
        if signed:
            lines.append(S3_AUTH)
        data = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        return raw_request(self.server.port, data)


class S3PartNumberTests(S3AuditTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        import boto3
        s3 = boto3.client("s3", endpoint_url=cls.endpoint, region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test")
        s3.create_bucket(Bucket="parts")
        cls.first = b"a" * (5 * MiB)
        cls.second = b"b" * 1000
        upload = s3.create_multipart_upload(Bucket="parts", Key="mp")["UploadId"]
        etags = [s3.upload_part(Bucket="parts", Key="mp", UploadId=upload, PartNumber=n,
                                Body=body)["ETag"]
                 for n, body in ((1, cls.first), (2, cls.second))]
        cls.etag = s3.complete_multipart_upload(
            Bucket="parts", Key="mp", UploadId=upload,
            MultipartUpload={"Parts": [{"PartNumber": n + 1, "ETag": e}
                                       for n, e in enumerate(etags)]})["ETag"]
        s3.put_object(Bucket="parts", Key="single", Body=b"0123456789")

    def setUp(self):
        self.s3 = self.boto3_client("s3")

    def test_get_each_part_of_a_multipart_object(self):
        total = len(self.first) + len(self.second)
        first = self.s3.get_object(Bucket="parts", Key="mp", PartNumber=1)
        self.assertEqual(first["ResponseMetadata"]["HTTPStatusCode"], 206)
        self.assertEqual(first["PartsCount"], 2)
        self.assertEqual(first["ETag"], self.etag)
        self.assertEqual(first["ContentRange"], f"bytes 0-{len(self.first) - 1}/{total}")
        self.assertEqual(first["Body"].read(), self.first)
        second = self.s3.get_object(Bucket="parts", Key="mp", PartNumber=2)
        self.assertEqual(second["ContentRange"], f"bytes {len(self.first)}-{total - 1}/{total}")
        self.assertEqual(second["Body"].read(), self.second)
        head = self.s3.head_object(Bucket="parts", Key="mp", PartNumber=2)
        self.assertEqual(head["ResponseMetadata"]["HTTPStatusCode"], 206)
        self.assertEqual((head["ContentLength"], head["PartsCount"]), (len(self.second), 2))
        self.assertEqual(head["ETag"], self.etag)

    def test_part_number_beyond_the_parts(self):
        error = client_error(self, lambda: self.s3.get_object(Bucket="parts", Key="mp",
                                                              PartNumber=3),
                             "InvalidPartNumber", 416)
        self.assertEqual(error["Error"]["Message"], "The requested partnumber is not satisfiable")
        client_error(self, lambda: self.s3.head_object(Bucket="parts", Key="mp", PartNumber=3),
                     "416", 416)
        client_error(self, lambda: self.s3.get_object(Bucket="parts", Key="single",
                                                      PartNumber=2),
                     "InvalidPartNumber", 416)

    def test_single_object_is_one_part(self):
        answer = self.s3.get_object(Bucket="parts", Key="single", PartNumber=1)
        self.assertEqual(answer["Body"].read(), b"0123456789")
        self.assertEqual(answer["ContentRange"], "bytes 0-9/10")
        self.assertNotIn("PartsCount", answer)

    def test_part_number_with_range_or_out_of_bounds(self):
        error = client_error(self, lambda: self.s3.get_object(Bucket="parts", Key="mp",
                                                              PartNumber=1, Range="bytes=0-1"),
                             "InvalidRequest", 400)
        self.assertEqual(error["Error"]["Message"],
                         "Cannot specify both Range header and partNumber query parameter")
        status, _, body = self.raw("GET", "/parts/mp?partNumber=0")
        self.assertEqual(status, 400)
        self.assertIn(b"<Code>InvalidArgument</Code>", body)
        self.assertIn(b"Part number must be an integer between 1 and 10000, inclusive", body)


class S3CorsTests(S3AuditTestCase):
    NOT_ALLOWED = (b"CORSResponse: This CORS request is not allowed. This is usually because the "
                   b"evalution of Origin, request method / Access-Control-Request-Method or "
                   b"Access-Control-Request-Headers are not whitelisted by the resource's CORS "
                   b"spec.")

    def setUp(self):
        self.s3 = self.boto3_client("s3")

    def preflight(self, path, origin=None, method=None, request_headers=None):
        headers = []
        if origin is not None:
            headers.append(f"Origin: {origin}")
        if method is not None:
            headers.append(f"Access-Control-Request-Method: {method}")
        if request_headers is not None:
            headers.append(f"Access-Control-Request-Headers: {request_headers}")
        return self.raw("OPTIONS", path, headers, signed=False)

    def test_preflight_without_configuration(self):
        self.s3.create_bucket(Bucket="cors-none")
        status, _, body = self.preflight("/cors-none/key")
        self.assertEqual(status, 400, body)
        self.assertIn(b"<Code>BadRequest</Code>", body)
        self.assertIn(b"Insufficient information. Origin request header needed.", body)
        status, headers, body = self.preflight("/cors-none/key", "https://app.test", "PUT")
        self.assertEqual(status, 403, body)
        self.assertIn(b"<Code>AccessForbidden</Code><Message>CORSResponse: CORS is not enabled "
                      b"for this bucket.</Message><Method>PUT</Method>"
                      b"<ResourceType>BUCKET</ResourceType>", body)
        self.assertNotIn("access-control-allow-origin", headers)
        status, _, body = self.preflight("/cors-missing-bucket/key", "https://app.test", "GET")
        self.assertEqual(status, 403, body)
        self.assertIn(b"CORSResponse: Bucket not found", body)
        # An actual request with Origin gets no CORS headers.
        status, headers, _ = self.raw("GET", "/cors-none", ["Origin: https://app.test"])
        self.assertEqual(status, 200)
        self.assertNotIn("access-control-allow-origin", headers)

    def test_preflight_matches_rules(self):
        self.s3.create_bucket(Bucket="cors-rules")
        self.s3.put_bucket_cors(Bucket="cors-rules", CORSConfiguration={"CORSRules": [
            {"AllowedOrigins": ["https://*.app.test"], "AllowedMethods": ["GET", "PUT"],
             "AllowedHeaders": ["x-amz-*", "Content-Type"], "ExposeHeaders": ["ETag"],
             "MaxAgeSeconds": 3000},
            {"AllowedOrigins": ["*"], "AllowedMethods": ["HEAD"]},
        ]})
        status, headers, body = self.preflight("/cors-rules/key", "https://www.app.test", "PUT",
                                               "X-Amz-Meta-Colour,content-type")
        self.assertEqual(status, 200, body)
        self.assertEqual(body, b"")
        self.assertEqual(headers["access-control-allow-origin"], "https://www.app.test")
        self.assertEqual(headers["access-control-allow-methods"], "GET, PUT")
        self.assertEqual(headers["access-control-allow-headers"],
                         "x-amz-meta-colour, content-type")
        self.assertEqual(headers["access-control-expose-headers"], "ETag")
        self.assertEqual(headers["access-control-max-age"], "3000")
        self.assertEqual(headers["access-control-allow-credentials"], "true")
        self.assertEqual(headers["vary"],
                         "Origin, Access-Control-Request-Headers, Access-Control-Request-Method")
        # A header no rule allows, a method no rule allows, an origin no rule allows.
        for origin, method, requested in (("https://www.app.test", "PUT", "authorization"),
                                          ("https://www.app.test", "DELETE", None),
                                          ("https://www.app.test.evil", "GET", None)):
            status, headers, body = self.preflight("/cors-rules/key", origin, method, requested)
            self.assertEqual(status, 403, (origin, method, requested))
            self.assertIn(self.NOT_ALLOWED, body)
            self.assertIn(b"<ResourceType>OBJECT</ResourceType>", body)
            self.assertNotIn("access-control-allow-origin", headers)
        # The wildcard rule answers *, without credentials.
        status, headers, _ = self.preflight("/cors-rules", "http://other.test", "HEAD")
        self.assertEqual(status, 200)
        self.assertEqual(headers["access-control-allow-origin"], "*")
        self.assertNotIn("access-control-allow-credentials", headers)

    def test_actual_request_gets_cors_headers(self):
        self.s3.create_bucket(Bucket="cors-actual")
        self.s3.put_bucket_cors(Bucket="cors-actual", CORSConfiguration={"CORSRules": [
            {"AllowedOrigins": ["https://app.test"], "AllowedMethods": ["GET"],
             "ExposeHeaders": ["x-amz-request-id"], "MaxAgeSeconds": 60}]})
        self.s3.put_object(Bucket="cors-actual", Key="k", Body=b"v")
        status, headers, body = self.raw("GET", "/cors-actual/k", ["Origin: https://app.test"])
        self.assertEqual((status, body), (200, b"v"))
        self.assertEqual(headers["access-control-allow-origin"], "https://app.test")
        self.assertEqual(headers["access-control-allow-methods"], "GET")
        self.assertEqual(headers["access-control-expose-headers"], "x-amz-request-id")
        self.assertEqual(headers["access-control-max-age"], "60")
        self.assertIn("vary", headers)
        # Errors carry them too; a method no rule allows gets none.
        status, headers, _ = self.raw("GET", "/cors-actual/missing", ["Origin: https://app.test"])
        self.assertEqual(status, 404)
        self.assertEqual(headers["access-control-allow-origin"], "https://app.test")
        status, headers, _ = self.raw("DELETE", "/cors-actual/k", ["Origin: https://app.test"])
        self.assertEqual(status, 204)
        self.assertNotIn("access-control-allow-origin", headers)

    def test_put_bucket_cors_validation(self):
        self.s3.create_bucket(Bucket="cors-invalid")

        def put(rules):
            return lambda: self.s3.put_bucket_cors(Bucket="cors-invalid",
                                                   CORSConfiguration={"CORSRules": rules})
        error = client_error(self, put([{"AllowedOrigins": ["*"], "AllowedMethods": ["PATCH"]}]),
                             "InvalidRequest", 400)
        self.assertEqual(error["Error"]["Message"], "Found unsupported HTTP method in CORS "
                         "config. Unsupported method is PATCH")
        error = client_error(self, put([{"AllowedOrigins": ["*.app.*"],
                                         "AllowedMethods": ["GET"]}]), "InvalidRequest", 400)
        self.assertEqual(error["Error"]["Message"],
                         'AllowedOrigin "*.app.*" can not have more than one wildcard.')
        client_error(self, put([{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"]}] * 101),
                     "MalformedXML", 400)
        status, _, body = self.raw("PUT", "/cors-invalid?cors", [], (
            b"<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule>"
            b"</CORSConfiguration>"))
        self.assertEqual(status, 400)
        self.assertIn(b"<Code>MalformedXML</Code>", body)
        client_error(self, lambda: self.s3.get_bucket_cors(Bucket="cors-invalid"),
                     "NoSuchCORSConfiguration", 404)


class S3PresignedUrlTests(S3AuditTestCase):
    def setUp(self):
        self.s3 = self.boto3_client("s3", signature_version="s3v4")
        self.s3.create_bucket(Bucket="presign")
        self.s3.put_object(Bucket="presign", Key="k", Body=b"v")

    def fetch(self, url):
        from urllib.parse import urlsplit
        parts = urlsplit(url)
        return self.raw("GET", parts.path + "?" + parts.query, signed=False)

    def url(self, expires=60):
        return self.s3.generate_presigned_url("get_object", Params={"Bucket": "presign",
                                                                    "Key": "k"},
                                              ExpiresIn=expires)

    def assert_query_error(self, url, message):
        status, _, body = self.fetch(url)
        self.assertEqual(status, 400, body)
        self.assertIn(b"<Code>AuthorizationQueryParametersError</Code>", body)
        self.assertIn(b"<Message>" + message.encode() + b"</Message>", body)

    def test_valid_url_works(self):
        status, _, body = self.fetch(self.url())
        self.assertEqual((status, body), (200, b"v"))

    def test_expires_must_be_a_number_up_to_a_week(self):
        import re
        url = self.url()
        self.assert_query_error(re.sub(r"X-Amz-Expires=\d+", "X-Amz-Expires=soon", url),
                                "X-Amz-Expires should be a number")
        self.assert_query_error(re.sub(r"X-Amz-Expires=\d+", "X-Amz-Expires=604801", url),
                                "X-Amz-Expires must be less than a week (in seconds) that is "
                                "604800")

    def test_every_parameter_is_required(self):
        import re
        url = self.url()
        for name in ("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
                     "X-Amz-SignedHeaders", "X-Amz-Signature"):
            self.assert_query_error(
                re.sub(name + r"=[^&]*&?", "", url),
                "Query-string authentication version 4 requires the X-Amz-Algorithm, "
                "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and "
                "X-Amz-Expires parameters.")

    def test_expired_url_is_access_denied(self):
        import re
        url = re.sub(r"X-Amz-Date=\d{8}T\d{6}Z", "X-Amz-Date=20200101T000000Z", self.url(1))
        status, _, body = self.fetch(url)
        self.assertEqual(status, 403, body)
        self.assertIn(b"<Code>AccessDenied</Code><Message>Request has expired</Message>", body)


class S3SubresourceTests(S3AuditTestCase):
    def setUp(self):
        self.s3 = self.boto3_client("s3")

    def test_policy_status(self):
        import json
        self.s3.create_bucket(Bucket="status")
        self.s3.delete_public_access_block(Bucket="status")  # new buckets refuse public policies
        client_error(self, lambda: self.s3.get_bucket_policy_status(Bucket="status"),
                     "NoSuchBucketPolicy", 404)
        statement = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                     "Resource": "arn:aws:s3:::status/*"}
        self.s3.put_bucket_policy(Bucket="status", Policy=json.dumps(
            {"Version": "2012-10-17", "Statement": [statement]}))
        answer = self.s3.get_bucket_policy_status(Bucket="status")
        self.assertIs(answer["PolicyStatus"]["IsPublic"], True)
        statement["Condition"] = {"StringEquals": {"aws:SourceAccount": "000000000000"}}
        self.s3.put_bucket_policy(Bucket="status", Policy=json.dumps(
            {"Version": "2012-10-17", "Statement": [statement]}))
        answer = self.s3.get_bucket_policy_status(Bucket="status")
        self.assertIs(answer["PolicyStatus"]["IsPublic"], False)

    def test_unimplemented_subresources_are_not_listings(self):
        self.s3.create_bucket(Bucket="subres")
        for query in ("session", "metadataTable", "metadataConfiguration", "accelerate", "requestPayment"):
            status, _, body = self.raw("GET", "/subres?" + query)
            self.assertEqual(status, 501, (query, body))
            self.assertIn(b"<Code>NotImplemented</Code>", body)
            self.assertNotIn(b"ListBucketResult", body)
        status, _, body = self.raw("GET", "/subres?list-type=3")
        self.assertEqual(status, 400, body)
        self.assertIn(b"<Code>InvalidArgument</Code>", body)


class S3MetadataSizeTests(S3AuditTestCase):
    def test_metadata_over_2_kb(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="meta")
        fits = {"a": "x" * 1023, "b": "y" * 1023}
        s3.put_object(Bucket="meta", Key="ok", Body=b"v", Metadata=fits)
        too_large = {"a": "x" * 1023, "b": "y" * 1024}
        error = client_error(self, lambda: s3.put_object(Bucket="meta", Key="big", Body=b"v",
                                                         Metadata=too_large),
                             "MetadataTooLarge", 400)
        self.assertEqual(error["Error"]["Message"],
                         "Your metadata headers exceed the maximum allowed metadata size")
        client_error(self, lambda: s3.copy_object(Bucket="meta", Key="copy",
                                                  CopySource="meta/ok", Metadata=too_large,
                                                  MetadataDirective="REPLACE"),
                     "MetadataTooLarge", 400)
        client_error(self, lambda: s3.create_multipart_upload(Bucket="meta", Key="mp",
                                                              Metadata=too_large),
                     "MetadataTooLarge", 400)


class S3VersionIdTests(S3AuditTestCase):
    def test_empty_and_malformed_version_ids(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="vid")
        s3.put_bucket_versioning(Bucket="vid", VersioningConfiguration={"Status": "Enabled"})
        version = s3.put_object(Bucket="vid", Key="k", Body=b"v")["VersionId"]
        self.assertEqual(s3.get_object(Bucket="vid", Key="k", VersionId=version)["Body"].read(),
                         b"v")
        status, _, body = self.raw("GET", "/vid/k?versionId=")
        self.assertEqual(status, 400, body)
        self.assertIn(b"<Code>InvalidArgument</Code><Message>Version id cannot be the empty "
                      b"string</Message>", body)
        malformed = "not-a-version"
        for call in (lambda: s3.get_object(Bucket="vid", Key="k", VersionId=malformed),
                     lambda: s3.delete_object(Bucket="vid", Key="k", VersionId=malformed),
                     lambda: s3.get_object_tagging(Bucket="vid", Key="k", VersionId=malformed),
                     lambda: s3.copy_object(Bucket="vid", Key="c", CopySource={
                         "Bucket": "vid", "Key": "k", "VersionId": malformed})):
            error = client_error(self, call, "InvalidArgument", 400)
            self.assertEqual(error["Error"]["Message"], "Invalid version id specified")
        client_error(self, lambda: s3.head_object(Bucket="vid", Key="k", VersionId=malformed),
                     "400", 400)
        # Well-formed but unknown: NoSuchVersion; "null" is a version id.
        client_error(self, lambda: s3.get_object(Bucket="vid", Key="k", VersionId="A" * 32),
                     "NoSuchVersion", 404)
        client_error(self, lambda: s3.get_object(Bucket="vid", Key="k", VersionId="null"),
                     "NoSuchVersion", 404)


class S3LocationConstraintTests(S3AuditTestCase):
    def test_unknown_and_us_east_1_constraints(self):
        s3 = self.boto3_client("s3")
        for constraint in ("moon-base-1", "us-east-1"):
            error = client_error(self, lambda: s3.create_bucket(
                Bucket="where", CreateBucketConfiguration={"LocationConstraint": constraint}),
                "InvalidLocationConstraint", 400)
            self.assertEqual(error["Error"]["Message"],
                             "The specified location-constraint is not valid")
        client_error(self, lambda: s3.head_bucket(Bucket="where"), "404", 404)
        s3.create_bucket(Bucket="where-eu", CreateBucketConfiguration={
            "LocationConstraint": "eu-west-1"})
        self.assertEqual(s3.get_bucket_location(Bucket="where-eu")["LocationConstraint"],
                         "eu-west-1")


class S3DeleteObjectsIntegrityTests(S3AuditTestCase):
    BODY = b"<Delete><Object><Key>k</Key></Object></Delete>"

    def test_integrity_header_required(self):
        import base64
        import hashlib
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="integrity")
        status, _, body = self.raw("POST", "/integrity?delete", [], self.BODY)
        self.assertEqual(status, 400, body)
        self.assertIn(b"<Code>InvalidRequest</Code><Message>Missing required header for this "
                      b"request: Content-MD5</Message>", body)
        md5 = base64.b64encode(hashlib.md5(self.BODY).digest()).decode()
        status, _, body = self.raw("POST", "/integrity?delete", ["Content-MD5: " + md5],
                                   self.BODY)
        self.assertEqual(status, 200, body)
        status, _, body = self.raw("POST", "/integrity?delete",
                                   ["x-amz-checksum-crc32: AAAAAA=="], self.BODY)
        self.assertEqual(status, 200, body)

    def test_clients_send_one(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="integrity-clients")
        s3.put_object(Bucket="integrity-clients", Key="a", Body=b"1")
        s3.put_object(Bucket="integrity-clients", Key="b", Body=b"2")
        answer = s3.delete_objects(Bucket="integrity-clients", Delete={"Objects": [{"Key": "a"}]})
        self.assertEqual([d["Key"] for d in answer["Deleted"]], ["a"])
        answer = self.aws("s3api", "delete-objects", "--bucket", "integrity-clients",
                          "--delete", '{"Objects": [{"Key": "b"}]}')
        self.assertEqual([d["Key"] for d in answer["Deleted"]], ["b"])


class S3ListBucketsTests(S3AuditTestCase):
    def test_paging_prefix_and_region(self):
        import re
        s3 = self.boto3_client("s3")
        for name in ("lb-a", "lb-b", "lb-c", "other"):
            s3.create_bucket(Bucket=name)
        s3.create_bucket(Bucket="lb-eu", CreateBucketConfiguration={
            "LocationConstraint": "eu-west-1"})
        status, _, body = self.raw("GET", "/?max-buckets=2&prefix=lb-")
        self.assertEqual(status, 200, body)
        self.assertEqual(re.findall(rb"<Name>([^<]*)</Name>", body), [b"lb-a", b"lb-b"])
        self.assertIn(b"<BucketRegion>us-east-1</BucketRegion>", body)
        self.assertIn(b"<Prefix>lb-</Prefix>", body)
        token = re.search(rb"<ContinuationToken>([^<]*)</ContinuationToken>", body).group(1)
        from urllib.parse import quote
        status, _, body = self.raw("GET", "/?max-buckets=2&prefix=lb-&continuation-token="
                                   + quote(token.decode(), safe=""))
        self.assertEqual(re.findall(rb"<Name>([^<]*)</Name>", body), [b"lb-c", b"lb-eu"])
        self.assertNotIn(b"<ContinuationToken>", body)
        status, _, body = self.raw("GET", "/?bucket-region=eu-west-1")
        self.assertEqual(re.findall(rb"<Name>([^<]*)</Name>", body), [b"lb-eu"])
        self.assertIn(b"<BucketRegion>eu-west-1</BucketRegion>", body)
        for value in ("0", "10001", "many"):
            status, _, body = self.raw("GET", "/?max-buckets=" + value)
            self.assertEqual(status, 400, body)
            self.assertIn(b"<Code>InvalidArgument</Code>", body)
        self.assertGreaterEqual(len(s3.list_buckets()["Buckets"]), 5)


class S3SystemTagTests(S3AuditTestCase):
    def test_aws_prefixed_tag_keys_are_refused(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="systags")
        s3.put_object(Bucket="systags", Key="k", Body=b"v")
        error = client_error(self, lambda: s3.put_bucket_tagging(
            Bucket="systags", Tagging={"TagSet": [{"Key": "aws:team", "Value": "x"}]}),
            "InvalidTag", 400)
        self.assertEqual(error["Error"]["Message"],
                         "System tags cannot be added/updated by requester")
        error = client_error(self, lambda: s3.put_object_tagging(
            Bucket="systags", Key="k", Tagging={"TagSet": [{"Key": "aws:team", "Value": "x"}]}),
            "InvalidTag", 400)
        self.assertEqual(error["Error"]["Message"], "Your TagKey cannot be prefixed with aws:")
        client_error(self, lambda: s3.put_object(Bucket="systags", Key="t", Body=b"v",
                                                 Tagging="aws:team=x"), "InvalidTag", 400)
        s3.put_bucket_tagging(Bucket="systags",
                              Tagging={"TagSet": [{"Key": "team:aws:x", "Value": "fine"}]})


class S3CustomerKeyTests(S3AuditTestCase):
    MESSAGE = ("Requests specifying Server Side Encryption with Customer provided keys must be "
               "made over a secure connection.")

    def test_sse_c_needs_https(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="ssec")
        s3.put_object(Bucket="ssec", Key="plain", Body=b"v")
        key = {"SSECustomerAlgorithm": "AES256", "SSECustomerKey": "k" * 32}
        calls = [
            lambda: s3.put_object(Bucket="ssec", Key="k", Body=b"v", **key),
            lambda: s3.get_object(Bucket="ssec", Key="plain", **key),
            lambda: s3.create_multipart_upload(Bucket="ssec", Key="mp", **key),
            lambda: s3.copy_object(Bucket="ssec", Key="copy", CopySource="ssec/plain", **key),
            lambda: s3.copy_object(Bucket="ssec", Key="copy", CopySource="ssec/plain",
                                   CopySourceSSECustomerAlgorithm="AES256",
                                   CopySourceSSECustomerKey="k" * 32),
        ]
        for call in calls:
            error = client_error(self, call, "InvalidRequest", 400)
            self.assertEqual(error["Error"]["Message"], self.MESSAGE)
        client_error(self, lambda: s3.head_object(Bucket="ssec", Key="plain", **key), "400", 400)
        upload = s3.create_multipart_upload(Bucket="ssec", Key="mp")["UploadId"]
        client_error(self, lambda: s3.upload_part(Bucket="ssec", Key="mp", UploadId=upload,
                                                  PartNumber=1, Body=b"x", **key),
                     "InvalidRequest", 400)
        client_error(self, lambda: s3.head_object(Bucket="ssec", Key="k"), "404", 404)


if __name__ == "__main__":
    unittest.main()
