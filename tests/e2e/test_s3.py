# SPDX-License-Identifier: MIT
"""S3 end to end: the AWS CLI v2 (`aws s3`, `aws s3api`), boto3 and the JS SDK v3 against a
headless Cloudbench; AWS's error codes for bad input, and the server keeps serving after it."""
import base64
import hashlib
import json
import os
import socket
import tempfile
import unittest
import urllib.error
import urllib.parse
import urllib.request
import zlib

from cbtest import S3_AUTH, ServerTestCase, raw_request


def crc32_b64(data):
    return base64.b64encode(zlib.crc32(data).to_bytes(4, "big")).decode()


def client_error(test, call, code):
    """Asserts call() raises a botocore ClientError with that code; returns the error."""
    from botocore.exceptions import ClientError
    with test.assertRaises(ClientError) as caught:
        call()
    test.assertEqual(caught.exception.response["Error"]["Code"], code, caught.exception.response)
    return caught.exception


class S3CliTests(ServerTestCase):
    def aws_s3(self, *args):
        """`aws s3 ...` prints text, not JSON: returns stdout."""
        import subprocess
        if not os.access("/usr/bin/aws", os.X_OK):
            self.skipTest("the AWS CLI (/usr/bin/aws) is not installed")
        result = subprocess.run(["/usr/bin/aws", "--endpoint-url", self.endpoint, "s3", *args],
                                capture_output=True, text=True, timeout=600)
        self.assertEqual(result.returncode, 0, f"aws s3 {' '.join(args)}:\n{result.stderr}")
        return result.stdout

    def test_bucket_lifecycle_and_errors(self):
        self.aws("s3api", "create-bucket", "--bucket", "cli-bucket")
        names = [b["Name"] for b in self.aws("s3api", "list-buckets")["Buckets"]]
        self.assertIn("cli-bucket", names)
        self.aws("s3api", "head-bucket", "--bucket", "cli-bucket")
        self.assertIsNone(self.aws("s3api", "get-bucket-location", "--bucket", "cli-bucket")
                          .get("LocationConstraint"))
        self.aws("s3api", "create-bucket", "--bucket", "Bad_Name", expect_error="InvalidBucketName")
        self.aws("s3api", "create-bucket", "--bucket", "192.168.1.1",
                 expect_error="InvalidBucketName")
        self.aws("s3api", "put-object", "--bucket", "cli-bucket", "--key", "k", "--body", __file__)
        self.aws("s3api", "delete-bucket", "--bucket", "cli-bucket", expect_error="BucketNotEmpty")
        self.aws_s3("rm", "s3://cli-bucket/k")
        self.aws("s3api", "delete-bucket", "--bucket", "cli-bucket")
        self.aws("s3api", "get-bucket-location", "--bucket", "cli-bucket",
                 expect_error="NoSuchBucket")

    def test_presign_tagging_and_listing_from_the_cli(self):
        self.aws("s3api", "create-bucket", "--bucket", "cli-extras")
        self.aws("s3api", "put-object", "--bucket", "cli-extras", "--key", "dir/a.txt",
                 "--body", __file__, "--tagging", "k=v")
        tags = self.aws("s3api", "get-object-tagging", "--bucket", "cli-extras", "--key", "dir/a.txt")
        self.assertEqual(tags["TagSet"], [{"Key": "k", "Value": "v"}])
        url = self.aws_s3("presign", "s3://cli-extras/dir/a.txt", "--expires-in", "300").strip()
        with urllib.request.urlopen(url, timeout=10) as response:
            with open(__file__, "rb") as source:
                self.assertEqual(response.read(), source.read())
        listing = self.aws("s3api", "list-objects-v2", "--bucket", "cli-extras", "--delimiter", "/")
        self.assertEqual([p["Prefix"] for p in listing["CommonPrefixes"]], ["dir/"])
        self.aws("s3api", "get-object", "--bucket", "cli-extras", "--key", "missing", "/dev/null",
                 expect_error="NoSuchKey")

    def test_bucket_already_owned_outside_us_east_1(self):
        config = '{"LocationConstraint": "eu-west-1"}'
        self.aws("s3api", "create-bucket", "--bucket", "eu-bucket", "--region", "eu-west-1",
                 "--create-bucket-configuration", config)
        self.aws("s3api", "create-bucket", "--bucket", "eu-bucket", "--region", "eu-west-1",
                 "--create-bucket-configuration", config, expect_error="BucketAlreadyOwnedByYou")
        location = self.aws("s3api", "get-bucket-location", "--bucket", "eu-bucket")
        self.assertEqual(location["LocationConstraint"], "eu-west-1")

    def test_cp_100_mib_round_trip_uses_multipart(self):
        self.aws_s3("mb", "s3://big-bucket")
        with tempfile.TemporaryDirectory() as folder:
            source = os.path.join(folder, "big.bin")
            digest = hashlib.sha256()
            with open(source, "wb") as out:
                block = os.urandom(1024 * 1024)
                for i in range(100):
                    chunk = bytes([i]) + block[1:]
                    digest.update(chunk)
                    out.write(chunk)
            self.aws_s3("cp", source, "s3://big-bucket/data/big.bin")
            head = self.aws("s3api", "head-object", "--bucket", "big-bucket", "--key", "data/big.bin")
            self.assertEqual(head["ContentLength"], 100 * 1024 * 1024)
            self.assertRegex(head["ETag"], r'^"[0-9a-f]{32}-\d+"$')
            target = os.path.join(folder, "back.bin")
            self.aws_s3("cp", "s3://big-bucket/data/big.bin", target)
            back = hashlib.sha256()
            with open(target, "rb") as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    back.update(chunk)
            self.assertEqual(back.hexdigest(), digest.hexdigest())
        self.assertIn("PRE data/", self.aws_s3("ls", "s3://big-bucket/"))
        self.assertIn("104857600 big.bin", self.aws_s3("ls", "s3://big-bucket/data/"))
        self.aws_s3("rm", "--recursive", "s3://big-bucket/")
        self.aws_s3("rb", "s3://big-bucket")
        files = [f for _, _, fs in os.walk(os.path.join(self.server.state_dir, "objects"))
                 for f in fs]
        self.assertEqual(files, [])  # the multipart parts and the object's bytes were freed


class S3Boto3Tests(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

    def setUp(self):
        self.s3 = self.boto3_client("s3")

    def make_bucket(self, name):
        self.s3.create_bucket(Bucket=name)
        return name

    def test_put_get_round_trips_headers_metadata_and_md5_etag(self):
        bucket = self.make_bucket("roundtrip")
        body = b"hello world" * 1000
        put = self.s3.put_object(Bucket=bucket, Key="a/b.txt", Body=body, ContentType="text/plain",
                                 ContentEncoding="identity", ContentDisposition="inline",
                                 CacheControl="max-age=60", Metadata={"Owner": "Alice"},
                                 Tagging="team=blue&env=dev")
        self.assertEqual(put["ETag"], '"%s"' % hashlib.md5(body).hexdigest())
        got = self.s3.get_object(Bucket=bucket, Key="a/b.txt")
        self.assertEqual(got["Body"].read(), body)
        self.assertEqual(got["ContentType"], "text/plain")
        self.assertEqual(got["ContentEncoding"], "identity")
        self.assertEqual(got["ContentDisposition"], "inline")
        self.assertEqual(got["CacheControl"], "max-age=60")
        self.assertEqual(got["Metadata"], {"owner": "Alice"})
        self.assertEqual(got["TagCount"], 2)
        tags = self.s3.get_object_tagging(Bucket=bucket, Key="a/b.txt")["TagSet"]
        self.assertEqual(sorted((t["Key"], t["Value"]) for t in tags),
                         [("env", "dev"), ("team", "blue")])
        head = self.s3.head_object(Bucket=bucket, Key="a/b.txt")
        self.assertEqual(head["ContentLength"], len(body))
        client_error(self, lambda: self.s3.get_object(Bucket=bucket, Key="missing"), "NoSuchKey")
        client_error(self, lambda: self.s3.head_object(Bucket=bucket, Key="missing"), "404")
        client_error(self, lambda: self.s3.get_object(Bucket="no-such-bucket", Key="k"),
                     "NoSuchBucket")

    def test_large_object_streams_from_file(self):
        bucket = self.make_bucket("large")
        body = os.urandom(9 * 1024 * 1024 + 17)  # spooled to disk by the server, kept as a file
        self.s3.put_object(Bucket=bucket, Key="big", Body=body)
        self.assertEqual(self.s3.get_object(Bucket=bucket, Key="big")["Body"].read(), body)
        part = self.s3.get_object(Bucket=bucket, Key="big", Range="bytes=5000000-5000099")
        self.assertEqual(part["Body"].read(), body[5000000:5000100])
        self.assertEqual(part["ContentRange"], "bytes 5000000-5000099/%d" % len(body))

    def test_ranges_and_conditional_requests(self):
        bucket = self.make_bucket("ranges")
        etag = self.s3.put_object(Bucket=bucket, Key="k", Body=b"0123456789")["ETag"]
        part = self.s3.get_object(Bucket=bucket, Key="k", Range="bytes=2-5")
        self.assertEqual(part["ResponseMetadata"]["HTTPStatusCode"], 206)
        self.assertEqual(part["Body"].read(), b"2345")
        self.assertEqual(part["ContentRange"], "bytes 2-5/10")
        self.assertEqual(self.s3.get_object(Bucket=bucket, Key="k", Range="bytes=-3")["Body"].read(),
                         b"789")
        self.assertEqual(self.s3.get_object(Bucket=bucket, Key="k", Range="bytes=7-")["Body"].read(),
                         b"789")
        client_error(self, lambda: self.s3.get_object(Bucket=bucket, Key="k", Range="bytes=10-20"),
                     "InvalidRange")
        client_error(self, lambda: self.s3.get_object(Bucket=bucket, Key="k", IfNoneMatch=etag),
                     "304")
        client_error(self, lambda: self.s3.get_object(Bucket=bucket, Key="k", IfMatch='"nope"'),
                     "PreconditionFailed")
        self.assertEqual(self.s3.get_object(Bucket=bucket, Key="k", IfMatch=etag)["Body"].read(),
                         b"0123456789")

    def test_listing_prefix_delimiter_pagination_and_url_encoding(self):
        bucket = self.make_bucket("listing")
        keys = ["photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "readme.md",
                "docs/x y+z.txt"] + ["logs/%03d.log" % i for i in range(23)]
        for key in keys:
            self.s3.put_object(Bucket=bucket, Key=key, Body=b"x")
        top = self.s3.list_objects_v2(Bucket=bucket, Delimiter="/")
        self.assertEqual([c["Key"] for c in top["Contents"]], ["readme.md"])
        self.assertEqual([p["Prefix"] for p in top["CommonPrefixes"]],
                         ["docs/", "logs/", "photos/"])
        nested = self.s3.list_objects_v2(Bucket=bucket, Prefix="photos/", Delimiter="/")
        self.assertEqual([p["Prefix"] for p in nested["CommonPrefixes"]],
                         ["photos/2024/", "photos/2025/"])
        seen, token, pages = [], None, 0
        while True:
            args = dict(Bucket=bucket, Prefix="logs/", MaxKeys=5)
            if token:
                args["ContinuationToken"] = token
            page = self.s3.list_objects_v2(**args)
            pages += 1
            seen += [c["Key"] for c in page.get("Contents", [])]
            self.assertEqual(page["KeyCount"], len(page.get("Contents", [])))
            if not page["IsTruncated"]:
                break
            token = page["NextContinuationToken"]
        self.assertEqual(seen, sorted(k for k in keys if k.startswith("logs/")))
        self.assertEqual(pages, 5)
        after = self.s3.list_objects_v2(Bucket=bucket, StartAfter="photos/2024/b.jpg")
        self.assertEqual([c["Key"] for c in after["Contents"]], ["photos/2025/c.jpg", "readme.md"])
        v1 = self.s3.list_objects(Bucket=bucket, Delimiter="/", MaxKeys=2)
        self.assertTrue(v1["IsTruncated"])
        self.assertEqual(v1["NextMarker"], "logs/")
        rest = self.s3.list_objects(Bucket=bucket, Delimiter="/", Marker=v1["NextMarker"])
        self.assertEqual([p["Prefix"] for p in rest["CommonPrefixes"]], ["photos/"])
        # boto3 asks for encoding-type=url and decodes; the odd key must come back intact.
        docs = self.s3.list_objects_v2(Bucket=bucket, Prefix="docs/")
        self.assertEqual([c["Key"] for c in docs["Contents"]], ["docs/x y+z.txt"])
        paginator = self.s3.get_paginator("list_objects_v2")
        total = sum(len(p.get("Contents", [])) for p in
                    paginator.paginate(Bucket=bucket, PaginationConfig={"PageSize": 4}))
        self.assertEqual(total, len(keys))

    def test_versioning_delete_markers_and_suspension(self):
        bucket = self.make_bucket("versions")
        self.s3.put_object(Bucket=bucket, Key="k", Body=b"before")  # becomes the null version
        self.s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
        self.assertEqual(self.s3.get_bucket_versioning(Bucket=bucket)["Status"], "Enabled")
        v1 = self.s3.put_object(Bucket=bucket, Key="k", Body=b"one")["VersionId"]
        v2 = self.s3.put_object(Bucket=bucket, Key="k", Body=b"two")["VersionId"]
        self.assertNotEqual(v1, v2)
        versions = self.s3.list_object_versions(Bucket=bucket)["Versions"]
        self.assertEqual([v["VersionId"] for v in versions], [v2, v1, "null"])
        self.assertEqual([v["IsLatest"] for v in versions], [True, False, False])
        deleted = self.s3.delete_object(Bucket=bucket, Key="k")
        self.assertTrue(deleted["DeleteMarker"])
        client_error(self, lambda: self.s3.get_object(Bucket=bucket, Key="k"), "NoSuchKey")
        self.assertEqual(self.s3.get_object(Bucket=bucket, Key="k", VersionId=v1)["Body"].read(),
                         b"one")
        self.assertEqual(self.s3.get_object(Bucket=bucket, Key="k", VersionId="null")["Body"].read(),
                         b"before")
        listing = self.s3.list_object_versions(Bucket=bucket)
        self.assertEqual(len(listing["DeleteMarkers"]), 1)
        self.assertEqual(self.s3.list_objects_v2(Bucket=bucket)["KeyCount"], 0)
        # Deleting the marker by version id brings the object back.
        self.s3.delete_object(Bucket=bucket, Key="k", VersionId=deleted["VersionId"])
        self.assertEqual(self.s3.get_object(Bucket=bucket, Key="k")["Body"].read(), b"two")
        self.s3.delete_object(Bucket=bucket, Key="k", VersionId=v2)
        self.assertEqual(self.s3.get_object(Bucket=bucket, Key="k")["Body"].read(), b"one")
        # A well-formed id no version has (a malformed one is InvalidArgument).
        unknown = "UnknownVersionId" + "0" * 16
        client_error(self, lambda: self.s3.get_object(Bucket=bucket, Key="k", VersionId=unknown),
                     "NoSuchVersion")
        self.s3.put_bucket_versioning(Bucket=bucket,
                                      VersioningConfiguration={"Status": "Suspended"})
        put = self.s3.put_object(Bucket=bucket, Key="k", Body=b"suspended")
        self.assertNotIn("VersionId", put)
        ids = [v["VersionId"] for v in self.s3.list_object_versions(Bucket=bucket)["Versions"]]
        self.assertEqual(ids, ["null", v1])  # the suspended write replaced the null version

    def test_delete_objects_reports_per_key_errors(self):
        bucket = self.make_bucket("batch")
        self.s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
        for key in ("a", "b", "c"):
            self.s3.put_object(Bucket=bucket, Key=key, Body=b"x")
        result = self.s3.delete_objects(Bucket=bucket, Delete={"Objects": [
            {"Key": "a"}, {"Key": "b", "VersionId": "doesnotexist"}, {"Key": "zzz"}]})
        self.assertEqual(sorted(d["Key"] for d in result["Deleted"]), ["a", "zzz"])
        self.assertEqual([(e["Key"], e["Code"]) for e in result["Errors"]], [("b", "NoSuchVersion")])
        keys = [c["Key"] for c in self.s3.list_objects_v2(Bucket=bucket)["Contents"]]
        self.assertEqual(keys, ["b", "c"])

    def test_copy_object_metadata_directives(self):
        bucket = self.make_bucket("copies")
        self.s3.put_object(Bucket=bucket, Key="src", Body=b"payload", ContentType="text/plain",
                           Metadata={"colour": "red"})
        self.s3.copy_object(Bucket=bucket, Key="same", CopySource={"Bucket": bucket, "Key": "src"})
        same = self.s3.get_object(Bucket=bucket, Key="same")
        self.assertEqual((same["Body"].read(), same["Metadata"], same["ContentType"]),
                         (b"payload", {"colour": "red"}, "text/plain"))
        self.s3.copy_object(Bucket=bucket, Key="new", CopySource=f"{bucket}/src",
                            MetadataDirective="REPLACE", Metadata={"colour": "blue"},
                            ContentType="application/json")
        new = self.s3.head_object(Bucket=bucket, Key="new")
        self.assertEqual((new["Metadata"], new["ContentType"]),
                         ({"colour": "blue"}, "application/json"))
        client_error(self, lambda: self.s3.copy_object(
            Bucket=bucket, Key="src", CopySource={"Bucket": bucket, "Key": "src"}), "InvalidRequest")
        client_error(self, lambda: self.s3.copy_object(
            Bucket=bucket, Key="x", CopySource={"Bucket": bucket, "Key": "absent"}), "NoSuchKey")

    def test_multipart_rules_and_etag(self):
        bucket = self.make_bucket("multipart")
        upload = self.s3.create_multipart_upload(Bucket=bucket, Key="mp")["UploadId"]
        first = os.urandom(5 * 1024 * 1024)
        e1 = self.s3.upload_part(Bucket=bucket, Key="mp", UploadId=upload, PartNumber=1,
                                 Body=first)["ETag"]
        e2 = self.s3.upload_part(Bucket=bucket, Key="mp", UploadId=upload, PartNumber=2,
                                 Body=b"tail")["ETag"]
        self.assertEqual([p["PartNumber"] for p in
                          self.s3.list_parts(Bucket=bucket, Key="mp", UploadId=upload)["Parts"]],
                         [1, 2])
        uploads = self.s3.list_multipart_uploads(Bucket=bucket)["Uploads"]
        self.assertEqual([u["UploadId"] for u in uploads], [upload])
        client_error(self, lambda: self.s3.complete_multipart_upload(
            Bucket=bucket, Key="mp", UploadId=upload, MultipartUpload={"Parts": [
                {"PartNumber": 2, "ETag": e2}, {"PartNumber": 1, "ETag": e1}]}), "InvalidPartOrder")
        client_error(self, lambda: self.s3.complete_multipart_upload(
            Bucket=bucket, Key="mp", UploadId=upload, MultipartUpload={"Parts": [
                {"PartNumber": 1, "ETag": '"0000"'}]}), "InvalidPart")
        done = self.s3.complete_multipart_upload(
            Bucket=bucket, Key="mp", UploadId=upload, MultipartUpload={"Parts": [
                {"PartNumber": 1, "ETag": e1}, {"PartNumber": 2, "ETag": e2}]})
        expected = hashlib.md5(hashlib.md5(first).digest() + hashlib.md5(b"tail").digest())
        self.assertEqual(done["ETag"], '"%s-2"' % expected.hexdigest())
        self.assertEqual(self.s3.get_object(Bucket=bucket, Key="mp")["Body"].read(), first + b"tail")
        client_error(self, lambda: self.s3.list_parts(Bucket=bucket, Key="mp", UploadId=upload),
                     "NoSuchUpload")
        small = self.s3.create_multipart_upload(Bucket=bucket, Key="small")["UploadId"]
        s1 = self.s3.upload_part(Bucket=bucket, Key="small", UploadId=small, PartNumber=1,
                                 Body=b"a")["ETag"]
        s2 = self.s3.upload_part(Bucket=bucket, Key="small", UploadId=small, PartNumber=2,
                                 Body=b"b")["ETag"]
        client_error(self, lambda: self.s3.complete_multipart_upload(
            Bucket=bucket, Key="small", UploadId=small, MultipartUpload={"Parts": [
                {"PartNumber": 1, "ETag": s1}, {"PartNumber": 2, "ETag": s2}]}), "EntityTooSmall")
        copy = self.s3.upload_part_copy(Bucket=bucket, Key="small", UploadId=small, PartNumber=3,
                                        CopySource={"Bucket": bucket, "Key": "mp"},
                                        CopySourceRange="bytes=0-9")
        self.assertEqual(copy["CopyPartResult"]["ETag"], '"%s"' % hashlib.md5(first[:10]).hexdigest())
        self.s3.abort_multipart_upload(Bucket=bucket, Key="small", UploadId=small)
        client_error(self, lambda: self.s3.abort_multipart_upload(
            Bucket=bucket, Key="small", UploadId=small), "NoSuchUpload")

    def test_presigned_urls_sigv2_and_sigv4(self):
        bucket = self.make_bucket("presigned")
        self.s3.put_object(Bucket=bucket, Key="doc.txt", Body=b"secret")
        for version in ("s3", "s3v4"):
            from botocore.config import Config
            client = self.boto3_client("s3", signature_version=version)
            url = client.generate_presigned_url("get_object", Params={"Bucket": bucket,
                                                                       "Key": "doc.txt"},
                                                ExpiresIn=600)
            with urllib.request.urlopen(url, timeout=10) as response:
                self.assertEqual(response.read(), b"secret")
            put_url = client.generate_presigned_url(
                "put_object", Params={"Bucket": bucket, "Key": "up-" + version}, ExpiresIn=600)
            request = urllib.request.Request(put_url, data=b"uploaded", method="PUT")
            with urllib.request.urlopen(request, timeout=10) as response:
                self.assertEqual(response.status, 200)
            self.assertEqual(self.s3.get_object(Bucket=bucket, Key="up-" + version)["Body"].read(),
                             b"uploaded")
            # An expired URL: move its signing time into the past.
            parts = urllib.parse.urlsplit(url)
            query = dict(urllib.parse.parse_qsl(parts.query))
            if "X-Amz-Date" in query:
                query["X-Amz-Date"] = "20200101T000000Z"
            else:
                query["Expires"] = "1577836800"
            expired = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))
            with self.assertRaises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(expired, timeout=10)
            self.assertEqual(caught.exception.code, 403)
            body = caught.exception.read().decode()
            self.assertIn("<Code>AccessDenied</Code>", body)
            self.assertIn("<Message>Request has expired</Message>", body)

    def test_bucket_configuration_documents(self):
        bucket = self.make_bucket("configured")
        client_error(self, lambda: self.s3.get_bucket_policy(Bucket=bucket), "NoSuchBucketPolicy")
        policy = ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",'
                  '"Action":"s3:GetObject","Resource":"arn:aws:s3:::configured/*"}]}')
        # S3-22: Block Public Access is on for new buckets and refuses a public policy.
        client_error(self, lambda: self.s3.put_bucket_policy(Bucket=bucket, Policy=policy),
                     "AccessDenied")
        self.s3.delete_public_access_block(Bucket=bucket)
        self.s3.put_bucket_policy(Bucket=bucket, Policy=policy)
        self.assertEqual(self.s3.get_bucket_policy(Bucket=bucket)["Policy"], policy)
        client_error(self, lambda: self.s3.put_bucket_policy(Bucket=bucket, Policy="not json"),
                     "MalformedPolicy")
        self.s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": [{"Key": "a", "Value": "1"}]})
        self.assertEqual(self.s3.get_bucket_tagging(Bucket=bucket)["TagSet"],
                         [{"Key": "a", "Value": "1"}])
        self.s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [
            {"AllowedMethods": ["GET"], "AllowedOrigins": ["*"]}]})
        self.assertEqual(self.s3.get_bucket_cors(Bucket=bucket)["CORSRules"][0]["AllowedMethods"],
                         ["GET"])
        # The queue must exist and let S3 send to it (test_s3_notifications covers delivery).
        queue_arn = "arn:aws:sqs:us-east-1:000000000000:q"
        self.boto3_client("sqs").create_queue(QueueName="q", Attributes={"Policy": json.dumps({
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
                           "Action": "sqs:SendMessage", "Resource": queue_arn}]})})
        self.s3.put_bucket_notification_configuration(
            Bucket=bucket, NotificationConfiguration={"QueueConfigurations": [{
                "QueueArn": queue_arn, "Events": ["s3:ObjectCreated:*"]}]})
        notification = self.s3.get_bucket_notification_configuration(Bucket=bucket)
        self.assertEqual(notification["QueueConfigurations"][0]["Events"], ["s3:ObjectCreated:*"])


class S3WireTests(ServerTestCase):
    """Requests as raw bytes: framing and bad input the SDKs never send."""

    def request(self, method, path, body=b"", headers=None, host=None):
        lines = [f"{method} {path} HTTP/1.1", f"Host: {host or '127.0.0.1:%d' % self.server.port}",
                 f"Content-Length: {len(body)}", "Connection: close", S3_AUTH]
        for name, value in (headers or {}).items():
            lines.append(f"{name}: {value}")
        data = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        return raw_request(self.server.port, data)

    def setUp(self):
        status, _, _ = self.request("PUT", "/wire")
        self.assertIn(status, (200, 409))

    def test_listings_refuse_unknown_encoding_type(self):
        for query in ("list-type=2&", "", "versions&", "uploads&"):
            status, _, body = self.request("GET", f"/wire?{query}encoding-type=base64")
            self.assertEqual(status, 400, query)
            self.assertIn(b"<Code>InvalidArgument</Code>", body, query)
            self.assertIn(b"Invalid Encoding Method specified in Request", body, query)
            status, _, _ = self.request("GET", f"/wire?{query}encoding-type=url")
            self.assertEqual(status, 200, query)

    def test_virtual_host_addressing(self):
        self.request("PUT", "/wire/vh.txt", b"virtual")
        status, headers, body = self.request("GET", "/vh.txt",
                                             host="wire.localhost:%d" % self.server.port)
        self.assertEqual((status, body), (200, b"virtual"))
        status, _, body = self.request("GET", "/vh.txt",
                                       host="wire.s3.localhost.localstack.cloud:%d" % self.server.port)
        self.assertEqual((status, body), (200, b"virtual"))

    def test_aws_chunked_signed_and_unsigned_with_trailer(self):
        payload = b"a" * 70000 + b"tail"
        signed = (b"%x;chunk-signature=%s\r\n" % (65536, b"0" * 64) + payload[:65536] + b"\r\n"
                  + b"%x;chunk-signature=%s\r\n" % (len(payload) - 65536, b"0" * 64)
                  + payload[65536:] + b"\r\n0;chunk-signature=" + b"0" * 64 + b"\r\n\r\n")
        status, headers, body = self.request("PUT", "/wire/signed", signed, {
            "Content-Encoding": "aws-chunked",
            "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            "x-amz-decoded-content-length": str(len(payload))})
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["etag"], '"%s"' % hashlib.md5(payload).hexdigest())
        unsigned = (b"%x\r\n" % len(payload) + payload + b"\r\n0\r\n"
                    + b"x-amz-checksum-crc32:" + crc32_b64(payload).encode() + b"\r\n\r\n")
        trailer_headers = {"Content-Encoding": "aws-chunked",
                           "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                           "x-amz-trailer": "x-amz-checksum-crc32",
                           "x-amz-decoded-content-length": str(len(payload))}
        status, headers, body = self.request("PUT", "/wire/unsigned", unsigned, trailer_headers)
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["x-amz-checksum-crc32"], crc32_b64(payload))
        status, headers, body = self.request("GET", "/wire/unsigned")
        self.assertEqual(body, payload)
        self.assertNotIn("content-encoding", headers)
        wrong = unsigned.replace(crc32_b64(payload).encode(), crc32_b64(b"other").encode())
        status, _, body = self.request("PUT", "/wire/wrong-crc", wrong, trailer_headers)
        self.assertEqual(status, 400)
        self.assertIn(b"<Code>BadDigest</Code>", body)
        self.assertEqual(self.request("HEAD", "/wire/wrong-crc")[0], 404)

    def test_bad_input_gets_aws_errors_and_leaves_nothing_behind(self):
        cases = [
            ("PUT", "/wire?versioning", b"<VersioningConfiguration><Status>Enabled",
             {}, 400, b"MalformedXML"),
            ("PUT", "/wire/md5", b"hello", {"Content-MD5": base64.b64encode(
                hashlib.md5(b"other").digest()).decode()}, 400, b"BadDigest"),
            ("PUT", "/wire/md5", b"hello", {"Content-MD5": "notbase64"}, 400, b"InvalidDigest"),
            ("PUT", "/wire/crc", b"hello", {"x-amz-checksum-crc32": crc32_b64(b"x")}, 400,
             b"BadDigest"),
            ("PUT", "/wire/" + "k" * 1025, b"x", {}, 400, b"KeyTooLongError"),
            ("PUT", "/wire/chunked", b"zz\r\nabc\r\n0\r\n\r\n", {
                "Content-Encoding": "aws-chunked",
                "x-amz-decoded-content-length": "3"}, 400, b"IncompleteBody"),
            ("PUT", "/wire/chunked", b"10\r\nabc", {
                "Content-Encoding": "aws-chunked",
                "x-amz-decoded-content-length": "16"}, 400, b"IncompleteBody"),
            ("POST", "/wire?delete", b"<Delete><Object>", {"Content-MD5": base64.b64encode(
                hashlib.md5(b"<Delete><Object>").digest()).decode()}, 400, b"MalformedXML"),
            ("GET", "/wire?list-type=2&max-keys=abc", b"", {}, 400, b"InvalidArgument"),
            ("POST", "/wire/k", b"", {}, 405, b"MethodNotAllowed"),
            ("GET", "/wire?website", b"", {}, 404, b"NoSuchWebsiteConfiguration"),
            ("GET", "/wire?replication", b"", {}, 404, b"ReplicationConfigurationNotFoundError"),
            ("GET", "/wire?accelerate", b"", {}, 501, b"NotImplemented"),
            ("GET", "/wire/k?torrent", b"", {}, 501, b"NotImplemented"),
        ]
        for method, path, body, headers, status, code in cases:
            with self.subTest(path=path, code=code):
                got_status, _, got_body = self.request(method, path, body, headers)
                self.assertEqual(got_status, status, got_body)
                self.assertIn(b"<Code>" + code + b"</Code>", got_body)
        for key in ("md5", "crc", "chunked"):
            self.assertEqual(self.request("HEAD", "/wire/" + key)[0], 404, key)
        status, _, body = self.request("GET", "/wire/absent")
        self.assertIn(b"<Key>absent</Key>", body)
        self.assertEqual(self.request("GET", "/")[0], 200)  # still serving

    def test_keys_are_data_not_paths(self):
        status, _, _ = self.request("PUT", "/wire/../../etc/passwd", b"data")
        status, _, _ = self.request("PUT", "/wire/%2E%2E/%2E%2E/evil", b"x" * 100000)
        self.assertEqual(status, 200)
        status, _, body = self.request("GET", "/wire/%2E%2E/%2E%2E/evil")
        self.assertEqual((status, len(body)), (200, 100000))
        objects = os.path.join(self.server.state_dir, "objects")
        for root, _, files in os.walk(objects):
            for name in files:
                self.assertRegex(name, r"^[0-9a-f]{32}$")
        self.assertFalse(os.path.exists(os.path.join(self.server.state_dir, "evil")))


class S3JsSdkTests(ServerTestCase):
    def test_stream_upload_get_and_list(self):
        out = self.node("s3.cjs", "js-bucket")
        self.assertTrue(out["bodyMatches"], out)
        self.assertEqual(out["length"], len("streamed line\n") * 5000)
        self.assertEqual(out["contentType"], "text/plain")
        self.assertEqual(out["metadata"], {"origin": "jssdk"})
        self.assertEqual(out["keys"], ["small.json"])
        self.assertEqual(out["prefixes"], ["dir/"])
        self.assertEqual(out["deleted"], ["doomed"])
        expected = hashlib.md5(b"streamed line\n" * 5000).hexdigest()
        self.assertEqual(out["putETag"], '"%s"' % expected)


class S3PersistenceTests(unittest.TestCase):
    """Objects survive a restart; orphaned files from a crash are removed at start-up."""

    def test_restart_keeps_objects_and_removes_orphans(self):
        from cbtest import Server
        import boto3
        server = Server().start()
        try:
            client = boto3.client("s3", endpoint_url=server.endpoint, region_name="us-east-1",
                                  aws_access_key_id="test", aws_secret_access_key="test")
            client.create_bucket(Bucket="persist")
            big = os.urandom(200000)
            client.put_object(Bucket="persist", Key="big", Body=big)
            client.put_object(Bucket="persist", Key="small", Body=b"tiny")
            self.assertEqual(server.stop(), 0)
            orphan_dir = os.path.join(server.state_dir, "objects", "ff")
            os.makedirs(orphan_dir, exist_ok=True)
            orphan = os.path.join(orphan_dir, "ff" * 16)
            with open(orphan, "wb") as out:
                out.write(b"left by a crash")
            server.start()
            self.assertFalse(os.path.exists(orphan))
            client = boto3.client("s3", endpoint_url=server.endpoint, region_name="us-east-1",
                                  aws_access_key_id="test", aws_secret_access_key="test")
            self.assertEqual(client.get_object(Bucket="persist", Key="big")["Body"].read(), big)
            self.assertEqual(client.get_object(Bucket="persist", Key="small")["Body"].read(), b"tiny")
            client.delete_object(Bucket="persist", Key="big")
            files = [f for _, _, fs in os.walk(os.path.join(server.state_dir, "objects")) for f in fs]
            self.assertEqual(files, [])  # deleting the object freed its bytes
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
