# SPDX-License-Identifier: MIT
"""S3 end to end, second part: framing rules (411 without Content-Length), copy preconditions,
ListMultipartUploads/ListParts paging, and the bucket ACL, encryption, lifecycle, ownership and
public-access-block configurations, GetObjectAttributes, with boto3 and the AWS CLI v2."""
import json
import os
import time
import unittest

from cbtest import S3_AUTH, ServerTestCase, raw_request, wait_for


def client_error(test, call, code):
    """Asserts call() raises a botocore ClientError with that code; returns the error."""
    from botocore.exceptions import ClientError
    with test.assertRaises(ClientError) as caught:
        call()
    test.assertEqual(caught.exception.response["Error"]["Code"], code, caught.exception.response)
    return caught.exception


class S3FramingTests(ServerTestCase):
    def raw(self, head, body=b""):
        head += S3_AUTH + "\n"
        return raw_request(self.server.port, head.replace("\n", "\r\n").encode() + b"\r\n" + body)

    def test_put_without_content_length_is_411(self):
        host = "127.0.0.1:%d" % self.server.port
        status, _, _ = self.raw(f"PUT /framing HTTP/1.1\nHost: {host}\nContent-Length: 0\n"
                                "Connection: close\n")
        self.assertEqual(status, 200)
        status, headers, body = self.raw(f"PUT /framing/no-length HTTP/1.1\nHost: {host}\n"
                                         "Connection: close\n")
        self.assertEqual(status, 411, body)
        self.assertIn(b"<Code>MissingContentLength</Code>", body)
        self.assertIn(b"You must provide the Content-Length HTTP header.", body)
        # Answered at once (no wait for a body that never comes), and nothing was stored.
        started = time.monotonic()
        status, _, body = self.raw(f"PUT /framing/no-length?tagging HTTP/1.1\nHost: {host}\n"
                                   "Connection: close\n")
        self.assertEqual(status, 411, body)
        self.assertLess(time.monotonic() - started, 5)
        status, _, _ = self.raw(f"HEAD /framing/no-length HTTP/1.1\nHost: {host}\n"
                                "Connection: close\n")
        self.assertEqual(status, 404)
        # Chunked transfer encoding declares the length its own way and is accepted.
        status, _, body = self.raw(f"PUT /framing/chunked HTTP/1.1\nHost: {host}\n"
                                   "Transfer-Encoding: chunked\nConnection: close\n",
                                   b"5\r\nhello\r\n0\r\n\r\n")
        self.assertEqual(status, 200, body)
        status, _, body = self.raw(f"GET /framing/chunked HTTP/1.1\nHost: {host}\n"
                                   "Connection: close\n")
        self.assertEqual((status, body), (200, b"hello"))

    def test_http_client_without_content_length(self):
        import http.client
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        connection.putrequest("PUT", "/framing2", skip_accept_encoding=True)
        connection.putheader("Authorization", S3_AUTH.partition(": ")[2])
        connection.putheader("Content-Length", "0")
        connection.endheaders()
        self.assertEqual(connection.getresponse().read(), b"")
        connection.putrequest("PUT", "/framing2/key", skip_accept_encoding=True)
        connection.putheader("Authorization", S3_AUTH.partition(": ")[2])
        connection.endheaders()  # no Content-Length, no body
        response = connection.getresponse()
        self.assertEqual(response.status, 411)
        self.assertIn(b"MissingContentLength", response.read())
        connection.close()


class S3CopyConditionTests(ServerTestCase):
    def setUp(self):
        self.s3 = self.boto3_client("s3")
        self.s3.create_bucket(Bucket="cond")
        self.etag = self.s3.put_object(Bucket="cond", Key="src", Body=b"x" * 10)["ETag"]
        self.modified = self.s3.head_object(Bucket="cond", Key="src")["LastModified"]

    def test_copy_object_conditions(self):
        import datetime
        source = {"Bucket": "cond", "Key": "src"}
        past = self.modified - datetime.timedelta(days=1)
        future = self.modified + datetime.timedelta(days=1)
        passing = [{"CopySourceIfMatch": self.etag}, {"CopySourceIfMatch": "*"},
                   {"CopySourceIfNoneMatch": '"0123"'},
                   {"CopySourceIfModifiedSince": past},
                   {"CopySourceIfUnmodifiedSince": future},
                   # If-Match outranks If-Unmodified-Since (as AWS documents)
                   {"CopySourceIfMatch": self.etag, "CopySourceIfUnmodifiedSince": past}]
        for extra in passing:
            with self.subTest(extra=extra):
                result = self.s3.copy_object(Bucket="cond", Key="dst", CopySource=source, **extra)
                self.assertEqual(result["CopyObjectResult"]["ETag"], self.etag)
        failing = [({"CopySourceIfMatch": '"0123"'}, "x-amz-copy-source-If-Match"),
                   ({"CopySourceIfNoneMatch": self.etag}, "x-amz-copy-source-If-None-Match"),
                   ({"CopySourceIfModifiedSince": future}, "x-amz-copy-source-If-Modified-Since"),
                   ({"CopySourceIfUnmodifiedSince": past},
                    "x-amz-copy-source-If-Unmodified-Since")]
        for extra, condition in failing:
            with self.subTest(extra=extra):
                error = client_error(self, lambda: self.s3.copy_object(
                    Bucket="cond", Key="refused", CopySource=source, **extra), "PreconditionFailed")
                self.assertEqual(error.response["ResponseMetadata"]["HTTPStatusCode"], 412)
                self.assertEqual(error.response["Error"].get("Condition"), condition)
        client_error(self, lambda: self.s3.head_object(Bucket="cond", Key="refused"), "404")

    def test_upload_part_copy_conditions(self):
        upload = self.s3.create_multipart_upload(Bucket="cond", Key="mp")["UploadId"]
        part = self.s3.upload_part_copy(Bucket="cond", Key="mp", UploadId=upload, PartNumber=1,
                                        CopySource="cond/src", CopySourceIfMatch=self.etag)
        self.assertEqual(part["CopyPartResult"]["ETag"], self.etag)
        client_error(self, lambda: self.s3.upload_part_copy(
            Bucket="cond", Key="mp", UploadId=upload, PartNumber=2, CopySource="cond/src",
            CopySourceIfNoneMatch=self.etag), "PreconditionFailed")
        parts = self.s3.list_parts(Bucket="cond", Key="mp", UploadId=upload)["Parts"]
        self.assertEqual([p["PartNumber"] for p in parts], [1])

    def test_cli_copy_with_condition(self):
        self.aws("s3api", "copy-object", "--bucket", "cond", "--key", "cli-dst",
                 "--copy-source", "cond/src", "--copy-source-if-none-match", self.etag,
                 expect_error="PreconditionFailed")


class S3UploadPagingTests(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.s3 = cls.boto3_client(cls, "s3")
        cls.s3.create_bucket(Bucket="paging")
        cls.uploads = []
        for key in ["a", "b", "b", "dir/x", "dir/y", "e"]:
            upload = cls.s3.create_multipart_upload(Bucket="paging", Key=key)["UploadId"]
            cls.uploads.append((key, upload))

    def test_max_uploads_and_markers(self):
        seen = []
        kwargs = {"MaxUploads": 2}
        pages = 0
        while True:
            page = self.s3.list_multipart_uploads(Bucket="paging", **kwargs)
            pages += 1
            self.assertEqual(page["MaxUploads"], 2)
            seen += [(u["Key"], u["UploadId"]) for u in page.get("Uploads", [])]
            if not page["IsTruncated"]:
                self.assertNotIn("NextKeyMarker", page)
                break
            self.assertEqual(page["NextKeyMarker"], seen[-1][0])
            self.assertEqual(page["NextUploadIdMarker"], seen[-1][1])
            kwargs = {"MaxUploads": 2, "KeyMarker": page["NextKeyMarker"],
                      "UploadIdMarker": page["NextUploadIdMarker"]}
        self.assertEqual(pages, 3)
        self.assertEqual(seen, self.uploads)
        # key-marker alone skips every upload of that key
        page = self.s3.list_multipart_uploads(Bucket="paging", KeyMarker="b")
        self.assertEqual([u["Key"] for u in page["Uploads"]], ["dir/x", "dir/y", "e"])
        # the paginator (CLI --max-items/--page-size use it too) sees everything once
        paginator = self.s3.get_paginator("list_multipart_uploads")
        everything = [(u["Key"], u["UploadId"]) for p in paginator.paginate(
            Bucket="paging", PaginationConfig={"PageSize": 1}) for u in p.get("Uploads", [])]
        self.assertEqual(everything, self.uploads)

    def test_prefix_delimiter_and_errors(self):
        page = self.s3.list_multipart_uploads(Bucket="paging", Delimiter="/")
        self.assertEqual([u["Key"] for u in page["Uploads"]], ["a", "b", "b", "e"])
        self.assertEqual([p["Prefix"] for p in page["CommonPrefixes"]], ["dir/"])
        page = self.s3.list_multipart_uploads(Bucket="paging", Delimiter="/", MaxUploads=3)
        self.assertTrue(page["IsTruncated"])
        self.assertEqual(page["NextKeyMarker"], "b")
        page = self.s3.list_multipart_uploads(Bucket="paging", Delimiter="/", MaxUploads=1,
                                              KeyMarker="b")
        self.assertEqual(page["CommonPrefixes"], [{"Prefix": "dir/"}])
        self.assertEqual(page["NextKeyMarker"], "dir/")
        page = self.s3.list_multipart_uploads(Bucket="paging", KeyMarker="dir/", Delimiter="/")
        self.assertEqual([u["Key"] for u in page["Uploads"]], ["e"])
        self.assertNotIn("CommonPrefixes", page)
        page = self.s3.list_multipart_uploads(Bucket="paging", Prefix="dir/")
        self.assertEqual([u["Key"] for u in page["Uploads"]], ["dir/x", "dir/y"])
        self.assertEqual(page["Prefix"], "dir/")
        cli = self.aws("s3api", "list-multipart-uploads", "--bucket", "paging", "--prefix", "dir/")
        self.assertEqual([u["Key"] for u in cli["Uploads"]], ["dir/x", "dir/y"])
        client_error(self, lambda: self.s3.list_multipart_uploads(Bucket="absent-paging"),
                     "NoSuchBucket")

    def test_list_parts_paging(self):
        key, upload = self.uploads[0]
        for number in (1, 2, 3, 5):
            self.s3.upload_part(Bucket="paging", Key=key, UploadId=upload, PartNumber=number,
                                Body=b"p%d" % number)
        page = self.s3.list_parts(Bucket="paging", Key=key, UploadId=upload, MaxParts=2)
        self.assertEqual([p["PartNumber"] for p in page["Parts"]], [1, 2])
        self.assertTrue(page["IsTruncated"])
        self.assertEqual((page["MaxParts"], page["NextPartNumberMarker"]), (2, 2))
        page = self.s3.list_parts(Bucket="paging", Key=key, UploadId=upload, MaxParts=2,
                                  PartNumberMarker=2)
        self.assertEqual([p["PartNumber"] for p in page["Parts"]], [3, 5])
        self.assertFalse(page["IsTruncated"])
        self.assertEqual(page["PartNumberMarker"], 2)
        paginator = self.s3.get_paginator("list_parts")
        numbers = [p["PartNumber"] for page in paginator.paginate(
            Bucket="paging", Key=key, UploadId=upload, PaginationConfig={"PageSize": 1})
            for p in page.get("Parts", [])]
        self.assertEqual(numbers, [1, 2, 3, 5])
        status, _, body = raw_request(self.server.port, (
            "GET /paging/%s?uploadId=%s&part-number-marker=abc HTTP/1.1\r\nHost: x\r\n%s\r\n"
            "Connection: close\r\n\r\n" % (key, upload, S3_AUTH)).encode())
        self.assertEqual(status, 400)
        self.assertIn(b"<Code>InvalidArgument</Code>", body)


OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


class S3BucketConfigTests(ServerTestCase):
    def setUp(self):
        self.s3 = self.boto3_client("s3")

    def test_new_buckets_have_todays_defaults(self):
        self.s3.create_bucket(Bucket="defaults")
        ownership = self.s3.get_bucket_ownership_controls(Bucket="defaults")
        self.assertEqual(ownership["OwnershipControls"]["Rules"],
                         [{"ObjectOwnership": "BucketOwnerEnforced"}])
        block = self.s3.get_public_access_block(Bucket="defaults")
        self.assertEqual(block["PublicAccessBlockConfiguration"], {
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True})
        encryption = self.s3.get_bucket_encryption(Bucket="defaults")
        rule = encryption["ServerSideEncryptionConfiguration"]["Rules"][0]
        self.assertEqual(rule["ApplyServerSideEncryptionByDefault"], {"SSEAlgorithm": "AES256"})
        self.assertFalse(rule["BucketKeyEnabled"])
        acl = self.s3.get_bucket_acl(Bucket="defaults")
        self.assertEqual(acl["Owner"]["ID"], OWNER_ID)
        self.assertEqual(acl["Grants"], [{"Grantee": {
            "ID": OWNER_ID, "DisplayName": "cloudbench", "Type": "CanonicalUser"},
            "Permission": "FULL_CONTROL"}])
        client_error(self, lambda: self.s3.get_bucket_lifecycle_configuration(Bucket="defaults"),
                     "NoSuchLifecycleConfiguration")
        for call in (self.s3.get_bucket_encryption, self.s3.get_bucket_acl,
                     self.s3.get_public_access_block, self.s3.get_bucket_ownership_controls):
            client_error(self, lambda: call(Bucket="absent-config"), "NoSuchBucket")

    def test_acls_follow_object_ownership(self):
        self.s3.create_bucket(Bucket="acls")
        put = self.s3.put_object(Bucket="acls", Key="k", Body=b"x")
        self.assertEqual(put["ServerSideEncryption"], "AES256")
        self.assertEqual(self.s3.head_object(Bucket="acls", Key="k")["ServerSideEncryption"],
                         "AES256")
        self.assertEqual(self.s3.get_object_acl(Bucket="acls", Key="k")["Grants"][0]["Permission"],
                         "FULL_CONTROL")
        # BucketOwnerEnforced: setting an ACL that grants anyone else fails; owner-only passes.
        error = client_error(self, lambda: self.s3.put_bucket_acl(Bucket="acls", ACL="public-read"),
                             "AccessControlListNotSupported")
        self.assertEqual(error.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        client_error(self, lambda: self.s3.put_object_acl(Bucket="acls", Key="k",
                                                          ACL="authenticated-read"),
                     "AccessControlListNotSupported")
        client_error(self, lambda: self.s3.put_object(Bucket="acls", Key="pub", Body=b"x",
                                                      ACL="public-read"),
                     "AccessControlListNotSupported")
        client_error(self, lambda: self.s3.copy_object(Bucket="acls", Key="pub", CopySource="acls/k",
                                                       ACL="public-read"),
                     "AccessControlListNotSupported")
        client_error(self, lambda: self.s3.create_multipart_upload(Bucket="acls", Key="mp",
                                                                   ACL="public-read"),
                     "AccessControlListNotSupported")
        self.s3.put_object(Bucket="acls", Key="own", Body=b"x", ACL="bucket-owner-full-control")
        self.s3.put_bucket_acl(Bucket="acls", ACL="private")
        client_error(self, lambda: self.s3.get_object_acl(Bucket="acls", Key="absent"),
                     "NoSuchKey")
        # ObjectWriter enables ACLs; Block Public Access still refuses public grants.
        self.s3.put_bucket_ownership_controls(Bucket="acls", OwnershipControls={
            "Rules": [{"ObjectOwnership": "ObjectWriter"}]})
        client_error(self, lambda: self.s3.put_bucket_acl(Bucket="acls", ACL="public-read"),
                     "AccessDenied")
        self.s3.delete_public_access_block(Bucket="acls")
        client_error(self, lambda: self.s3.get_public_access_block(Bucket="acls"),
                     "NoSuchPublicAccessBlockConfiguration")
        self.s3.put_bucket_acl(Bucket="acls", ACL="public-read")
        grants = self.s3.get_bucket_acl(Bucket="acls")["Grants"]
        self.assertIn({"Grantee": {"Type": "Group", "URI": ALL_USERS}, "Permission": "READ"},
                      grants)
        self.s3.put_object_acl(Bucket="acls", Key="k", AccessControlPolicy={
            "Owner": {"ID": OWNER_ID}, "Grants": [
                {"Grantee": {"Type": "CanonicalUser", "ID": OWNER_ID},
                 "Permission": "FULL_CONTROL"},
                {"Grantee": {"Type": "Group", "URI": ALL_USERS}, "Permission": "READ"}]})
        grants = self.s3.get_object_acl(Bucket="acls", Key="k")["Grants"]
        self.assertEqual([g["Permission"] for g in grants], ["FULL_CONTROL", "READ"])
        self.s3.put_object(Bucket="acls", Key="granted", Body=b"x",
                           GrantRead='uri="%s"' % ALL_USERS)
        grants = self.s3.get_object_acl(Bucket="acls", Key="granted")["Grants"]
        self.assertEqual(grants, [{"Grantee": {"Type": "Group", "URI": ALL_USERS},
                                   "Permission": "READ"}])
        self.s3.copy_object(Bucket="acls", Key="copied", CopySource="acls/own", ACL="public-read")
        grants = self.s3.get_object_acl(Bucket="acls", Key="copied")["Grants"]
        self.assertEqual([g["Permission"] for g in grants], ["FULL_CONTROL", "READ"])
        upload = self.s3.create_multipart_upload(Bucket="acls", Key="mp", ACL="public-read")
        part = self.s3.upload_part(Bucket="acls", Key="mp", UploadId=upload["UploadId"],
                                   PartNumber=1, Body=b"only part")
        self.s3.complete_multipart_upload(Bucket="acls", Key="mp", UploadId=upload["UploadId"],
                                          MultipartUpload={"Parts": [
                                              {"PartNumber": 1, "ETag": part["ETag"]}]})
        grants = self.s3.get_object_acl(Bucket="acls", Key="mp")["Grants"]
        self.assertEqual([g["Permission"] for g in grants], ["FULL_CONTROL", "READ"])
        # Back to BucketOwnerEnforced: refused while the bucket ACL grants others.
        client_error(self, lambda: self.s3.put_bucket_ownership_controls(
            Bucket="acls", OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}),
            "InvalidBucketAclWithObjectOwnership")
        self.s3.put_bucket_acl(Bucket="acls", ACL="private")
        self.s3.put_bucket_ownership_controls(Bucket="acls", OwnershipControls={
            "Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
        self.assertEqual(len(self.s3.get_object_acl(Bucket="acls", Key="k")["Grants"]), 1)
        self.s3.delete_bucket_ownership_controls(Bucket="acls")
        client_error(self, lambda: self.s3.get_bucket_ownership_controls(Bucket="acls"),
                     "OwnershipControlsNotFoundError")

    def test_create_bucket_with_acl_and_ownership(self):
        client_error(self, lambda: self.s3.create_bucket(Bucket="pub-acl", ACL="public-read"),
                     "InvalidBucketAclWithObjectOwnership")
        client_error(self, lambda: self.s3.create_bucket(
            Bucket="pub-acl", ACL="public-read", ObjectOwnership="ObjectWriter"),
            "InvalidBucketAclWithBlockPublicAccessError")
        self.s3.create_bucket(Bucket="private-acl", ACL="private")
        self.s3.create_bucket(Bucket="writer", ObjectOwnership="ObjectWriter")
        self.assertEqual(self.s3.get_bucket_ownership_controls(Bucket="writer")[
            "OwnershipControls"]["Rules"][0]["ObjectOwnership"], "ObjectWriter")
        client_error(self, lambda: self.s3.head_bucket(Bucket="pub-acl"), "404")

    def test_encryption_configuration(self):
        self.s3.create_bucket(Bucket="sse")
        self.s3.put_bucket_encryption(Bucket="sse", ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": {
                "SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/teaching"},
                "BucketKeyEnabled": True}]})
        rule = self.s3.get_bucket_encryption(Bucket="sse")[
            "ServerSideEncryptionConfiguration"]["Rules"][0]
        self.assertEqual(rule["ApplyServerSideEncryptionByDefault"],
                         {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/teaching"})
        self.assertTrue(rule["BucketKeyEnabled"])
        put = self.s3.put_object(Bucket="sse", Key="k", Body=b"x")
        self.assertEqual((put["ServerSideEncryption"], put["SSEKMSKeyId"]),
                         ("aws:kms", "alias/teaching"))
        explicit = self.s3.put_object(Bucket="sse", Key="k2", Body=b"x",
                                      ServerSideEncryption="AES256")
        self.assertEqual(explicit["ServerSideEncryption"], "AES256")
        client_error(self, lambda: self.s3.put_bucket_encryption(
            Bucket="sse", ServerSideEncryptionConfiguration={"Rules": [{
                "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256",
                                                       "KMSMasterKeyID": "k"}}]}),
            "InvalidArgument")
        client_error(self, lambda: self.s3.put_bucket_encryption(
            Bucket="sse", ServerSideEncryptionConfiguration={"Rules": [{
                "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "DES"}}]}),
            "MalformedXML")
        self.s3.delete_bucket_encryption(Bucket="sse")
        rule = self.s3.get_bucket_encryption(Bucket="sse")[
            "ServerSideEncryptionConfiguration"]["Rules"][0]
        self.assertEqual(rule["ApplyServerSideEncryptionByDefault"], {"SSEAlgorithm": "AES256"})
        copied = self.s3.copy_object(Bucket="sse", Key="copy", CopySource="sse/k")
        self.assertEqual(copied["ServerSideEncryption"], "AES256")
        upload = self.s3.create_multipart_upload(Bucket="sse", Key="mp")
        self.assertEqual(upload["ServerSideEncryption"], "AES256")
        self.s3.abort_multipart_upload(Bucket="sse", Key="mp", UploadId=upload["UploadId"])
        client_error(self, lambda: self.s3.put_object(Bucket="sse", Key="bad", Body=b"x",
                                                      ServerSideEncryption="rot13"),
                     "InvalidArgument")

    def test_public_policy_needs_block_public_access_off(self):
        self.s3.create_bucket(Bucket="site")
        policy = ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",'
                  '"Action":"s3:GetObject","Resource":"arn:aws:s3:::site/*"}]}')
        client_error(self, lambda: self.s3.put_bucket_policy(Bucket="site", Policy=policy),
                     "AccessDenied")
        self.s3.put_public_access_block(Bucket="site", PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False,
            "RestrictPublicBuckets": False})
        block = self.s3.get_public_access_block(Bucket="site")["PublicAccessBlockConfiguration"]
        self.assertFalse(block["BlockPublicPolicy"])
        self.assertTrue(block["BlockPublicAcls"])
        self.s3.put_bucket_policy(Bucket="site", Policy=policy)
        cli = self.aws("s3api", "get-public-access-block", "--bucket", "site")
        self.assertFalse(cli["PublicAccessBlockConfiguration"]["RestrictPublicBuckets"])

    def test_lifecycle_configuration_with_the_cli(self):
        self.aws("s3api", "create-bucket", "--bucket", "cli-lifecycle")
        config = ('{"Rules": [{"ID": "logs", "Status": "Enabled", "Filter": {"Prefix": "logs/"},'
                  ' "Expiration": {"Days": 365}, "Transitions": [{"Days": 30,'
                  ' "StorageClass": "STANDARD_IA"}]}, {"ID": "uploads", "Status": "Disabled",'
                  ' "Filter": {}, "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7}}]}')
        self.aws("s3api", "put-bucket-lifecycle-configuration", "--bucket", "cli-lifecycle",
                 "--lifecycle-configuration", config)
        rules = self.aws("s3api", "get-bucket-lifecycle-configuration",
                         "--bucket", "cli-lifecycle")["Rules"]
        self.assertEqual([r["ID"] for r in rules], ["logs", "uploads"])
        self.assertEqual(rules[0]["Expiration"], {"Days": 365})
        self.assertEqual(rules[0]["Filter"], {"Prefix": "logs/"})
        self.assertEqual(rules[0]["Transitions"], [{"Days": 30, "StorageClass": "STANDARD_IA"}])
        self.aws("s3api", "delete-bucket-lifecycle", "--bucket", "cli-lifecycle")
        self.aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", "cli-lifecycle",
                 expect_error="NoSuchLifecycleConfiguration")
        encryption = self.aws("s3api", "get-bucket-encryption", "--bucket", "cli-lifecycle")
        self.assertEqual(encryption["ServerSideEncryptionConfiguration"]["Rules"][0][
            "ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"], "AES256")
        self.aws("s3api", "put-bucket-acl", "--bucket", "cli-lifecycle", "--acl", "public-read",
                 expect_error="AccessControlListNotSupported")

    def test_lifecycle_validation(self):
        self.s3.create_bucket(Bucket="lc-rules")
        cases = [
            ({"Rules": [{"Status": "Enabled", "Filter": {"Prefix": ""}}]}, "InvalidRequest"),
            ({"Rules": [{"Status": "Enabled", "Filter": {"Prefix": ""},
                         "Expiration": {"Days": 0}}]}, "InvalidArgument"),
            ({"Rules": [{"ID": "a", "Status": "Enabled", "Filter": {"Prefix": ""},
                         "Expiration": {"Days": 1}},
                        {"ID": "a", "Status": "Enabled", "Filter": {"Prefix": ""},
                         "Expiration": {"Days": 2}}]}, "InvalidArgument"),
            ({"Rules": [{"Status": "Enabled", "Filter": {"Prefix": ""}, "Transitions": [
                {"Days": 10, "StorageClass": "STANDARD_IA"}]}]}, "InvalidArgument"),
            ({"Rules": [{"ID": "x" * 256, "Status": "Enabled", "Filter": {"Prefix": ""},
                         "Expiration": {"Days": 1}}]}, "InvalidArgument"),
        ]
        for config, code in cases:
            with self.subTest(config=config):
                client_error(self, lambda: self.s3.put_bucket_lifecycle_configuration(
                    Bucket="lc-rules", LifecycleConfiguration=config), code)
        status, _, body = raw_request(self.server.port, (
            "PUT /lc-rules?lifecycle HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\n%s\r\n"
            "Connection: close\r\n\r\n<LifecycleConfiguration><Rule>" % S3_AUTH).encode())
        self.assertEqual(status, 400)
        self.assertIn(b"<Code>MalformedXML</Code>", body)
        client_error(self, lambda: self.s3.get_bucket_lifecycle_configuration(Bucket="lc-rules"),
                     "NoSuchLifecycleConfiguration")


def metric_sum(cloudwatch, name, dimensions, statistic="Sum"):
    import datetime
    now = datetime.datetime.now(datetime.timezone.utc)
    points = cloudwatch.get_metric_statistics(
        Namespace="AWS/S3", MetricName=name, Dimensions=dimensions,
        StartTime=now - datetime.timedelta(minutes=10), EndTime=now + datetime.timedelta(minutes=2),
        Period=60, Statistics=[statistic])["Datapoints"]
    return sum(p[statistic] for p in points) if points else None


class S3MetricsTests(ServerTestCase):
    def test_request_metrics_reach_cloudwatch(self):
        s3 = self.boto3_client("s3")
        cloudwatch = self.boto3_client("cloudwatch")
        s3.create_bucket(Bucket="metered")
        s3.put_object(Bucket="metered", Key="k", Body=b"x" * 1000)
        self.assertEqual(s3.get_object(Bucket="metered", Key="k")["Body"].read(), b"x" * 1000)
        s3.head_object(Bucket="metered", Key="k")
        s3.list_objects_v2(Bucket="metered")
        client_error(self, lambda: s3.get_object(Bucket="metered", Key="absent"), "NoSuchKey")
        dims = [{"Name": "BucketName", "Value": "metered"},
                {"Name": "FilterId", "Value": "EntireBucket"}]
        self.assertEqual(metric_sum(cloudwatch, "GetRequests", dims), 2)
        self.assertEqual(metric_sum(cloudwatch, "PutRequests", dims), 1)
        self.assertEqual(metric_sum(cloudwatch, "HeadRequests", dims), 1)
        self.assertEqual(metric_sum(cloudwatch, "ListRequests", dims), 1)
        self.assertEqual(metric_sum(cloudwatch, "4xxErrors", dims), 1)
        self.assertEqual(metric_sum(cloudwatch, "BytesUploaded", dims), 1000)
        # every response body counts (the listing's XML too), as AWS defines it
        self.assertGreater(metric_sum(cloudwatch, "BytesDownloaded", dims), 1000)
        self.assertGreaterEqual(metric_sum(cloudwatch, "AllRequests", dims), 6)
        names = {m["MetricName"] for m in cloudwatch.list_metrics(Namespace="AWS/S3")["Metrics"]}
        self.assertTrue({"AllRequests", "GetRequests", "4xxErrors"} <= names, names)


class S3StorageMetricsTests(unittest.TestCase):
    def test_daily_storage_gauges_after_restart(self):
        import tempfile
        import shutil
        from cbtest import Server
        state = tempfile.mkdtemp(prefix="cb-e2e-s3metrics-")
        try:
            with Server(state_dir=state) as server:
                import boto3
                s3 = boto3.client("s3", endpoint_url=server.endpoint, region_name="us-east-1",
                                  aws_access_key_id="test", aws_secret_access_key="test")
                s3.create_bucket(Bucket="gauged")
                s3.put_object(Bucket="gauged", Key="a", Body=b"x" * 300)
                s3.put_object(Bucket="gauged", Key="b", Body=b"y" * 200)
            # The gauges are daily: a fresh start reports them at once.
            with Server(state_dir=state) as server:
                import boto3
                cloudwatch = boto3.client(
                    "cloudwatch", endpoint_url=server.endpoint, region_name="us-east-1",
                    aws_access_key_id="test", aws_secret_access_key="test")
                size = metric_sum(cloudwatch, "BucketSizeBytes", [
                    {"Name": "BucketName", "Value": "gauged"},
                    {"Name": "StorageType", "Value": "StandardStorage"}], "Average")
                count = metric_sum(cloudwatch, "NumberOfObjects", [
                    {"Name": "BucketName", "Value": "gauged"},
                    {"Name": "StorageType", "Value": "AllStorageTypes"}], "Average")
                self.assertEqual((size, count), (500, 2))
        finally:
            shutil.rmtree(state, ignore_errors=True)


class S3CompositeChecksumTests(ServerTestCase):
    def test_multipart_composite_checksum(self):
        import base64
        import zlib

        def crc(data):
            return zlib.crc32(data).to_bytes(4, "big")

        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="composite")
        upload = s3.create_multipart_upload(Bucket="composite", Key="k", ChecksumAlgorithm="CRC32")
        self.assertEqual(upload["ChecksumAlgorithm"], "CRC32")
        uid = upload["UploadId"]
        first, second = b"a" * (5 * 1024 * 1024), b"b" * 100
        parts = []
        for number, data in ((1, first), (2, second)):
            answer = s3.upload_part(Bucket="composite", Key="k", UploadId=uid, PartNumber=number,
                                    Body=data, ChecksumAlgorithm="CRC32")
            self.assertEqual(answer["ChecksumCRC32"], base64.b64encode(crc(data)).decode())
            parts.append({"PartNumber": number, "ETag": answer["ETag"],
                          "ChecksumCRC32": answer["ChecksumCRC32"]})
        client_error(self, lambda: s3.upload_part(
            Bucket="composite", Key="k", UploadId=uid, PartNumber=3, Body=b"c",
            ChecksumAlgorithm="SHA256"), "InvalidRequest")
        listed = s3.list_parts(Bucket="composite", Key="k", UploadId=uid)
        self.assertEqual(listed["ChecksumAlgorithm"], "CRC32")
        self.assertEqual([p["ChecksumCRC32"] for p in listed["Parts"]],
                         [p["ChecksumCRC32"] for p in parts])
        wrong = [dict(parts[0], ChecksumCRC32=base64.b64encode(crc(b"x")).decode()), parts[1]]
        client_error(self, lambda: s3.complete_multipart_upload(
            Bucket="composite", Key="k", UploadId=uid, MultipartUpload={"Parts": wrong}),
            "InvalidPart")
        done = s3.complete_multipart_upload(Bucket="composite", Key="k", UploadId=uid,
                                            MultipartUpload={"Parts": parts})
        expected = base64.b64encode(crc(crc(first) + crc(second))).decode() + "-2"
        self.assertEqual(done["ChecksumCRC32"], expected)
        head = s3.head_object(Bucket="composite", Key="k", ChecksumMode="ENABLED")
        self.assertEqual(head["ChecksumCRC32"], expected)
        body = s3.get_object(Bucket="composite", Key="k", ChecksumMode="ENABLED")["Body"].read()
        self.assertEqual(body, first + second)

    def test_checksum_type_full_object(self):
        """x-amz-checksum-type (unknown to Debian's botocore 1.29: sent by an event hook):
        FULL_OBJECT multipart uploads get the CRC of the whole object, COMPOSITE "-N"; SHA
        checksums cannot be FULL_OBJECT; the type is reported with the checksum."""
        import base64
        import zlib

        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="fullobject")
        headers = {}
        raw_bodies = []

        def add_headers(request, **_):
            for name, value in headers.items():
                request.headers[name] = value

        def keep_body(http_response, **_):
            raw_bodies.append(http_response.content)

        s3.meta.events.register("before-sign.s3.CreateMultipartUpload", add_headers)
        s3.meta.events.register("before-sign.s3.CompleteMultipartUpload", add_headers)
        s3.meta.events.register("after-call.s3.CompleteMultipartUpload", keep_body)
        s3.meta.events.register("after-call.s3.ListParts", keep_body)

        headers["x-amz-checksum-type"] = "FULL_OBJECT"
        error = client_error(self, lambda: s3.create_multipart_upload(
            Bucket="fullobject", Key="k", ChecksumAlgorithm="SHA256"), "InvalidRequest")
        self.assertEqual(error.response["Error"]["Message"],
                         "The FULL_OBJECT checksum type cannot be used with the sha256 checksum "
                         "algorithm.")
        created = s3.create_multipart_upload(Bucket="fullobject", Key="k", ChecksumAlgorithm="CRC32")
        self.assertEqual(created["ResponseMetadata"]["HTTPHeaders"]["x-amz-checksum-type"],
                         "FULL_OBJECT")
        uid = created["UploadId"]
        first, second = b"F" * (5 * 1024 * 1024), b"tail"
        parts = []
        for number, data in ((1, first), (2, second)):
            answer = s3.upload_part(Bucket="fullobject", Key="k", UploadId=uid, PartNumber=number,
                                    Body=data, ChecksumAlgorithm="CRC32")
            parts.append({"PartNumber": number, "ETag": answer["ETag"]})
        s3.list_parts(Bucket="fullobject", Key="k", UploadId=uid)
        self.assertIn(b"<ChecksumType>FULL_OBJECT</ChecksumType>", raw_bodies[-1])
        whole = base64.b64encode(zlib.crc32(first + second).to_bytes(4, "big")).decode()
        headers["x-amz-checksum-type"] = "COMPOSITE"
        client_error(self, lambda: s3.complete_multipart_upload(
            Bucket="fullobject", Key="k", UploadId=uid, MultipartUpload={"Parts": parts}),
            "BadDigest")
        headers["x-amz-checksum-type"] = "FULL_OBJECT"
        headers["x-amz-checksum-crc32"] = whole
        done = s3.complete_multipart_upload(Bucket="fullobject", Key="k", UploadId=uid,
                                            MultipartUpload={"Parts": parts})
        self.assertEqual(done["ChecksumCRC32"], whole)  # no "-2": the whole object's CRC
        self.assertIn(b"<ChecksumType>FULL_OBJECT</ChecksumType>", raw_bodies[-1])
        head = s3.head_object(Bucket="fullobject", Key="k", ChecksumMode="ENABLED")
        self.assertEqual(head["ChecksumCRC32"], whole)
        self.assertEqual(head["ResponseMetadata"]["HTTPHeaders"]["x-amz-checksum-type"],
                         "FULL_OBJECT")
        got = s3.get_object(Bucket="fullobject", Key="k", ChecksumMode="ENABLED")
        self.assertEqual(got["ResponseMetadata"]["HTTPHeaders"]["x-amz-checksum-type"],
                         "FULL_OBJECT")
        self.assertNotIn("x-amz-checksum-type", s3.head_object(
            Bucket="fullobject", Key="k")["ResponseMetadata"]["HTTPHeaders"])

        # COMPOSITE stays the default for CRC32; its type shows too.
        headers.clear()
        composite = s3.create_multipart_upload(Bucket="fullobject", Key="c",
                                               ChecksumAlgorithm="CRC32")
        self.assertEqual(composite["ResponseMetadata"]["HTTPHeaders"]["x-amz-checksum-type"],
                         "COMPOSITE")
        answer = s3.upload_part(Bucket="fullobject", Key="c", UploadId=composite["UploadId"],
                                PartNumber=1, Body=b"only", ChecksumAlgorithm="CRC32")
        done = s3.complete_multipart_upload(
            Bucket="fullobject", Key="c", UploadId=composite["UploadId"],
            MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": answer["ETag"],
                                        "ChecksumCRC32": answer["ChecksumCRC32"]}]})
        self.assertTrue(done["ChecksumCRC32"].endswith("-1"))
        self.assertIn(b"<ChecksumType>COMPOSITE</ChecksumType>", raw_bodies[-1])
        put = s3.put_object(Bucket="fullobject", Key="single", Body=b"one",
                            ChecksumAlgorithm="CRC32")
        self.assertEqual(put["ResponseMetadata"]["HTTPHeaders"]["x-amz-checksum-type"],
                         "FULL_OBJECT")
        listing = raw_request(self.server.port, (
            "GET /fullobject?list-type=2 HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n%s\r\n"
            "Connection: close\r\n\r\n" % (self.server.port, S3_AUTH)).encode())[2]
        self.assertIn(b"<Key>k</Key><LastModified>", listing)
        self.assertEqual(listing.count(b"<ChecksumType>FULL_OBJECT</ChecksumType>"), 2)
        self.assertEqual(listing.count(b"<ChecksumType>COMPOSITE</ChecksumType>"), 1)

    def test_crc64nvme(self):
        """CRC64NVME (newer SDKs' default) is verified and stored; botocore 1.29 does not know
        it, so the request is raw."""
        import base64

        def crc64nvme(data):
            crc = 0xFFFFFFFFFFFFFFFF
            for byte in data:
                crc ^= byte
                for _ in range(8):
                    crc = (crc >> 1) ^ 0x9A6C9329AC4BC9B5 if crc & 1 else crc >> 1
            return base64.b64encode((crc ^ 0xFFFFFFFFFFFFFFFF).to_bytes(8, "big")).decode()

        port = self.server.port

        def request(method, path, body=b"", extra=""):
            head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{S3_AUTH}\r\n"
                    f"Content-Length: {len(body)}\r\n{extra}Connection: close\r\n\r\n")
            return raw_request(port, head.encode() + body)

        self.assertEqual(request("PUT", "/crc64")[0], 200)
        payload = b"checksummed with CRC-64/NVME"
        value = crc64nvme(payload)
        status, headers, body = request("PUT", "/crc64/k", payload,
                                        f"x-amz-checksum-crc64nvme: {value}\r\n")
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["x-amz-checksum-crc64nvme"], value)
        self.assertEqual(headers["x-amz-checksum-type"], "FULL_OBJECT")
        status, _, body = request("PUT", "/crc64/bad", payload,
                                  f"x-amz-checksum-crc64nvme: {crc64nvme(b'other')}\r\n")
        self.assertEqual(status, 400)
        self.assertIn(b"<Code>BadDigest</Code>", body)
        status, headers, _ = request("HEAD", "/crc64/k", extra="x-amz-checksum-mode: ENABLED\r\n")
        self.assertEqual((status, headers["x-amz-checksum-crc64nvme"]), (200, value))
        status, headers, body = request("POST", "/crc64/mp?uploads",
                                        extra="x-amz-checksum-algorithm: CRC64NVME\r\n")
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["x-amz-checksum-type"], "FULL_OBJECT")
        status, _, body = request("POST", "/crc64/mp2?uploads",
                                  extra="x-amz-checksum-algorithm: CRC64NVME\r\n"
                                        "x-amz-checksum-type: COMPOSITE\r\n")
        self.assertEqual(status, 400)
        self.assertIn(b"The COMPOSITE checksum type cannot be used with the crc64nvme checksum "
                      b"algorithm.", body)


class S3AnonymousAccessTests(ServerTestCase):
    """Unsigned requests come from the anonymous principal: a public policy or an AllUsers ACL
    grant lets them in, as far as Block Public Access allows (IgnorePublicAcls,
    RestrictPublicBuckets); otherwise 403 AccessDenied."""

    def anonymous_get(self, path):
        import urllib.error
        import urllib.request
        try:
            with urllib.request.urlopen(self.endpoint + path, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def anonymous_get_with(self, path, headers):
        import urllib.error
        import urllib.request
        request = urllib.request.Request(self.endpoint + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def test_policy_conditions(self):
        """S3-24: a Referer-restricted public read (still "public" for Block Public Access), a
        source-IP range (not public), and "deny when not over TLS", which closes a plain-HTTP
        endpoint to every anonymous request."""
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="hotlink")
        s3.put_object(Bucket="hotlink", Key="logo.png", Body=b"png bytes")
        referer_only = {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::hotlink/*",
             "Condition": {"StringLike": {"aws:Referer": ["http://www.example.com/*"]}}}]}
        client_error(self, lambda: s3.put_bucket_policy(
            Bucket="hotlink", Policy=json.dumps(referer_only)), "AccessDenied")
        local_only = {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::hotlink/*",
             "Condition": {"IpAddress": {"aws:SourceIp": "127.0.0.0/8"}}}]}
        s3.put_bucket_policy(Bucket="hotlink", Policy=json.dumps(local_only))  # not public
        self.assertEqual(self.anonymous_get("/hotlink/logo.png"), (200, b"png bytes"))
        other_range = json.loads(json.dumps(local_only))
        other_range["Statement"][0]["Condition"]["IpAddress"]["aws:SourceIp"] = "10.0.0.0/8"
        s3.put_bucket_policy(Bucket="hotlink", Policy=json.dumps(other_range))
        self.assertEqual(self.anonymous_get("/hotlink/logo.png")[0], 403)

        s3.put_public_access_block(Bucket="hotlink", PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False,
            "RestrictPublicBuckets": False})
        s3.put_bucket_policy(Bucket="hotlink", Policy=json.dumps(referer_only))
        self.assertEqual(self.anonymous_get("/hotlink/logo.png")[0], 403)
        self.assertEqual(self.anonymous_get_with(
            "/hotlink/logo.png", {"Referer": "http://www.example.com/index.html"}),
            (200, b"png bytes"))
        self.assertEqual(self.anonymous_get_with(
            "/hotlink/logo.png", {"Referer": "http://elsewhere.test/"})[0], 403)

        deny_plain_http = json.loads(json.dumps(referer_only))
        deny_plain_http["Statement"].append(
            {"Effect": "Deny", "Principal": "*", "Action": "s3:*",
             "Resource": ["arn:aws:s3:::hotlink", "arn:aws:s3:::hotlink/*"],
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
        s3.put_bucket_policy(Bucket="hotlink", Policy=json.dumps(deny_plain_http))
        self.assertEqual(self.anonymous_get_with(
            "/hotlink/logo.png", {"Referer": "http://www.example.com/index.html"})[0], 403)
        # The Deny binds the owner's signed requests too (the endpoint is plain HTTP), but the
        # owner can always read, replace and delete the policy itself.
        client_error(self, lambda: s3.get_object(Bucket="hotlink", Key="logo.png"),
                     "AccessDenied")
        self.assertIn("SecureTransport", s3.get_bucket_policy(Bucket="hotlink")["Policy"])
        s3.delete_bucket_policy(Bucket="hotlink")
        self.assertEqual(s3.get_object(Bucket="hotlink", Key="logo.png")["Body"].read(),
                         b"png bytes")

    def test_policy_denies_bind_signed_requests(self):
        """S3-23/24: the caller is the account's root user, so only an explicit Deny stops it:
        "deny unencrypted uploads" and "deny deletes without MFA" as the courses write them,
        with the AWS CLI (aws s3 cp, s3api) and boto3."""
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="guarded")
        s3.put_object(Bucket="guarded", Key="kept.txt", Body=b"kept")
        s3.put_bucket_policy(Bucket="guarded", Policy=json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Sid": "DenyUnencryptedUploads", "Effect": "Deny", "Principal": "*",
                 "Action": "s3:PutObject", "Resource": "arn:aws:s3:::guarded/*",
                 "Condition": {"StringNotEquals": {
                     "s3:x-amz-server-side-encryption": "AES256"}}},
                {"Sid": "DenyDeleteWithoutMfa", "Effect": "Deny",
                 "Principal": {"AWS": "arn:aws:iam::000000000000:root"},
                 "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::guarded/*",
                 "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
                {"Sid": "SomeoneElse", "Effect": "Deny",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                 "Action": "s3:*", "Resource": ["arn:aws:s3:::guarded", "arn:aws:s3:::guarded/*"]},
            ]}))
        client_error(self, lambda: s3.put_object(Bucket="guarded", Key="plain.txt", Body=b"x"),
                     "AccessDenied")
        s3.put_object(Bucket="guarded", Key="sealed.txt", Body=b"x", ServerSideEncryption="AES256")
        client_error(self, lambda: s3.delete_object(Bucket="guarded", Key="kept.txt"),
                     "AccessDenied")
        deleted = s3.delete_objects(Bucket="guarded", Delete={"Objects": [{"Key": "kept.txt"}]})
        self.assertEqual([e["Code"] for e in deleted["Errors"]], ["AccessDenied"])
        # Copying into the bucket is a PutObject too.
        client_error(self, lambda: s3.copy_object(
            Bucket="guarded", Key="copy.txt", CopySource="guarded/kept.txt"), "AccessDenied")
        self.assertEqual(sorted(o["Key"] for o in s3.list_objects_v2(Bucket="guarded")["Contents"]),
                         ["kept.txt", "sealed.txt"])

        source = os.path.join(self.workdir, "upload.txt")
        with open(source, "wb") as f:
            f.write(b"from the cli")
        stderr = self.aws("s3", "cp", source, "s3://guarded/cli.txt", expect_error="AccessDenied")
        self.assertIn("PutObject", stderr)
        self.aws("s3", "cp", source, "s3://guarded/cli.txt", "--sse", "AES256", "--only-show-errors")
        head = self.aws("s3api", "head-object", "--bucket", "guarded", "--key", "cli.txt")
        self.assertEqual(head["ServerSideEncryption"], "AES256")
        self.aws("s3api", "delete-object", "--bucket", "guarded", "--key", "cli.txt",
                 expect_error="AccessDenied")
        # The policy never locks its owner out.
        self.aws("s3api", "delete-bucket-policy", "--bucket", "guarded")
        self.aws("s3api", "delete-object", "--bucket", "guarded", "--key", "cli.txt")
        s3.put_object(Bucket="guarded", Key="plain.txt", Body=b"x")

    def test_public_policy_and_restrict_public_buckets(self):
        from botocore import UNSIGNED
        s3 = self.boto3_client("s3")
        anonymous = self.boto3_client("s3", signature_version=UNSIGNED)
        s3.create_bucket(Bucket="website")
        s3.put_object(Bucket="website", Key="index.html", Body=b"<h1>hello</h1>")
        s3.put_object(Bucket="website", Key="private/notes.txt", Body=b"secret")
        status, body = self.anonymous_get("/website/index.html")
        self.assertEqual(status, 403)  # S3-21: private by default
        self.assertIn(b"<Code>AccessDenied</Code>", body)
        client_error(self, lambda: anonymous.list_objects_v2(Bucket="website"), "AccessDenied")
        client_error(self, lambda: anonymous.list_buckets(), "AccessDenied")
        client_error(self, lambda: anonymous.create_bucket(Bucket="anon"), "AccessDenied")
        client_error(self, lambda: anonymous.get_object(Bucket="nothing-here", Key="k"),
                     "NoSuchBucket")

        s3.put_public_access_block(Bucket="website", PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False,
            "RestrictPublicBuckets": False})
        s3.put_bucket_policy(Bucket="website", Policy=json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::website/*"},
                {"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::website/private/*"}]}))
        self.assertEqual(self.anonymous_get("/website/index.html"), (200, b"<h1>hello</h1>"))
        self.assertEqual(anonymous.get_object(Bucket="website", Key="index.html")["Body"].read(),
                         b"<h1>hello</h1>")
        self.assertEqual(self.anonymous_get("/website/private/notes.txt")[0], 403)
        client_error(self, lambda: anonymous.list_objects_v2(Bucket="website"), "AccessDenied")
        client_error(self, lambda: anonymous.put_object(Bucket="website", Key="x", Body=b"x"),
                     "AccessDenied")
        # GetObject API: without s3:ListBucket a missing key is 403, so that the caller cannot
        # learn which keys exist; with it, 404 NoSuchKey.
        status, _ = self.anonymous_get("/website/missing.html")
        self.assertEqual(status, 403)
        s3.put_bucket_policy(Bucket="website", Policy=json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::website/*"},
                {"Effect": "Allow", "Principal": "*", "Action": "s3:ListBucket",
                 "Resource": "arn:aws:s3:::website"},
                {"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::website/private/*"}]}))
        status, _ = self.anonymous_get("/website/missing.html")
        self.assertEqual(status, 404)

        # RestrictPublicBuckets: the public policy now serves signed principals only.
        s3.put_public_access_block(Bucket="website", PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False,
            "RestrictPublicBuckets": True})
        self.assertEqual(self.anonymous_get("/website/index.html")[0], 403)
        self.assertEqual(s3.get_object(Bucket="website", Key="index.html")["Body"].read(),
                         b"<h1>hello</h1>")
        s3.delete_public_access_block(Bucket="website")
        self.assertEqual(self.anonymous_get("/website/index.html")[0], 200)

    def test_public_acls_and_ignore_public_acls(self):
        from botocore import UNSIGNED
        s3 = self.boto3_client("s3")
        anonymous = self.boto3_client("s3", signature_version=UNSIGNED)
        s3.create_bucket(Bucket="acls")
        s3.put_bucket_ownership_controls(Bucket="acls", OwnershipControls={
            "Rules": [{"ObjectOwnership": "BucketOwnerPreferred"}]})
        s3.delete_public_access_block(Bucket="acls")
        s3.put_object(Bucket="acls", Key="shared.txt", Body=b"shared", ACL="public-read")
        s3.put_object(Bucket="acls", Key="mine.txt", Body=b"mine")
        self.assertEqual(self.anonymous_get("/acls/shared.txt"), (200, b"shared"))
        self.assertEqual(self.anonymous_get("/acls/mine.txt")[0], 403)
        client_error(self, lambda: anonymous.list_objects_v2(Bucket="acls"), "AccessDenied")
        s3.put_bucket_acl(Bucket="acls", ACL="public-read")
        self.assertEqual([o["Key"] for o in anonymous.list_objects_v2(Bucket="acls")["Contents"]],
                         ["mine.txt", "shared.txt"])
        # IgnorePublicAcls: the grants stay stored but no longer let anyone in.
        s3.put_public_access_block(Bucket="acls", PublicAccessBlockConfiguration={
            "BlockPublicAcls": False, "IgnorePublicAcls": True, "BlockPublicPolicy": False,
            "RestrictPublicBuckets": False})
        self.assertEqual(self.anonymous_get("/acls/shared.txt")[0], 403)
        client_error(self, lambda: anonymous.list_objects_v2(Bucket="acls"), "AccessDenied")
        grants = s3.get_object_acl(Bucket="acls", Key="shared.txt")["Grants"]
        self.assertIn("http://acs.amazonaws.com/groups/global/AllUsers",
                      [g["Grantee"].get("URI") for g in grants])
        self.assertEqual(s3.get_object(Bucket="acls", Key="shared.txt")["Body"].read(), b"shared")
        # Presigned URLs carry the signer's identity: not anonymous.
        url = s3.generate_presigned_url("get_object", Params={"Bucket": "acls",
                                                              "Key": "mine.txt"})
        self.assertEqual(self.anonymous_get(url[len(self.endpoint):]), (200, b"mine"))

    def test_delete_objects_answers_per_key(self):
        from botocore import UNSIGNED
        s3 = self.boto3_client("s3")
        anonymous = self.boto3_client("s3", signature_version=UNSIGNED)
        s3.create_bucket(Bucket="dropbox")
        s3.put_public_access_block(Bucket="dropbox", PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False,
            "RestrictPublicBuckets": False})
        s3.put_bucket_policy(Bucket="dropbox", Policy=json.dumps({"Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:DeleteObject",
             "Resource": "arn:aws:s3:::dropbox/tmp/*"}]}))
        for key in ("tmp/a", "keep/b"):
            s3.put_object(Bucket="dropbox", Key=key, Body=b"x")
        answer = anonymous.delete_objects(Bucket="dropbox", Delete={"Objects": [
            {"Key": "tmp/a"}, {"Key": "keep/b"}]})
        self.assertEqual([d["Key"] for d in answer["Deleted"]], ["tmp/a"])
        self.assertEqual([(e["Key"], e["Code"]) for e in answer["Errors"]],
                         [("keep/b", "AccessDenied")])
        self.assertEqual([o["Key"] for o in s3.list_objects_v2(Bucket="dropbox")["Contents"]],
                         ["keep/b"])


class S3ObjectAttributesTests(ServerTestCase):
    """GetObjectAttributes: the attributes x-amz-object-attributes names (ETag without quotes,
    the stored checksum, ObjectParts of multipart objects paged by MaxParts/PartNumberMarker,
    StorageClass, ObjectSize), versions and delete markers, AWS's errors, and the
    s3:GetObjectAttributes permission anonymous requests need besides s3:GetObject."""

    ALL = ["ETag", "Checksum", "ObjectParts", "StorageClass", "ObjectSize"]

    def raw(self, path, extra=""):
        port = self.server.port
        head = (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{S3_AUTH}\r\n{extra}"
                "Connection: close\r\n\r\n")
        return raw_request(port, head.encode())

    def test_simple_object_and_errors(self):
        import base64
        import hashlib
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="attrs")
        put = s3.put_object(Bucket="attrs", Key="simple", Body=b"hello world",
                            ChecksumAlgorithm="SHA256")
        answer = s3.get_object_attributes(Bucket="attrs", Key="simple", ObjectAttributes=self.ALL)
        self.assertEqual(answer["ETag"], put["ETag"].strip('"'))
        self.assertEqual(answer["Checksum"]["ChecksumSHA256"],
                         base64.b64encode(hashlib.sha256(b"hello world").digest()).decode())
        self.assertEqual(answer["ObjectSize"], 11)
        self.assertEqual(answer["StorageClass"], "STANDARD")
        self.assertNotIn("ObjectParts", answer)  # a single PUT has no parts
        self.assertNotIn("VersionId", answer)
        head = s3.head_object(Bucket="attrs", Key="simple")
        self.assertEqual(answer["LastModified"], head["LastModified"])
        only = s3.get_object_attributes(Bucket="attrs", Key="simple", ObjectAttributes=["ObjectSize"])
        self.assertEqual([k for k in only if k != "ResponseMetadata"], ["LastModified", "ObjectSize"])

        # The wire: root element, ETag without quotes, ChecksumType (unknown to botocore 1.29).
        status, headers, body = self.raw("/attrs/simple?attributes",
                                         "x-amz-object-attributes: ETag,Checksum\r\n")
        self.assertEqual(status, 200, body)
        self.assertIn(b"<GetObjectAttributesResponse xmlns=", body)
        self.assertIn(b"<ETag>" + put["ETag"].strip('"').encode() + b"</ETag>", body)
        self.assertIn(b"<ChecksumType>FULL_OBJECT</ChecksumType>", body)
        self.assertIn("last-modified", headers)

        # Errors: the header missing or naming an unknown attribute, missing key and bucket.
        status, _, body = self.raw("/attrs/simple?attributes")
        self.assertEqual(status, 400)
        self.assertIn(b"<Code>InvalidRequest</Code><Message>The x-amz-object-attributes header "
                      b"specifying the attributes to be retrieved is either missing or empty"
                      b"</Message>", body)
        error = client_error(self, lambda: s3.get_object_attributes(
            Bucket="attrs", Key="simple", ObjectAttributes=["ETag", "ETags"]), "InvalidArgument")
        self.assertEqual(error.response["Error"]["Message"], "Invalid attribute name specified.")
        self.assertEqual(error.response["Error"]["ArgumentValue"], "ETags")
        client_error(self, lambda: s3.get_object_attributes(
            Bucket="attrs", Key="missing", ObjectAttributes=["ETag"]), "NoSuchKey")
        client_error(self, lambda: s3.get_object_attributes(
            Bucket="no-such-attrs", Key="simple", ObjectAttributes=["ETag"]), "NoSuchBucket")

        # An archived object cannot be read but its attributes can.
        frozen = s3.put_object(Bucket="attrs", Key="cold", Body=b"ice", StorageClass="GLACIER")
        client_error(self, lambda: s3.get_object(Bucket="attrs", Key="cold"), "InvalidObjectState")
        cold = s3.get_object_attributes(Bucket="attrs", Key="cold", ObjectAttributes=self.ALL)
        self.assertEqual((cold["StorageClass"], cold["ObjectSize"]), ("GLACIER", 3))
        # Newer botocore sends a CRC32 by default, 1.29 none: the attributes show what was stored.
        self.assertEqual(cold.get("Checksum", {}).get("ChecksumCRC32"),
                         frozen.get("ChecksumCRC32"))

        cli = self.aws("s3api", "get-object-attributes", "--bucket", "attrs", "--key", "simple",
                       "--object-attributes", "ETag", "ObjectSize", "StorageClass")
        self.assertEqual((cli["ETag"], cli["ObjectSize"], cli["StorageClass"]),
                         (put["ETag"].strip('"'), 11, "STANDARD"))

    def test_versions_and_delete_markers(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="attrs-versions")
        s3.put_bucket_versioning(Bucket="attrs-versions",
                                 VersioningConfiguration={"Status": "Enabled"})
        first = s3.put_object(Bucket="attrs-versions", Key="k", Body=b"one")["VersionId"]
        second = s3.put_object(Bucket="attrs-versions", Key="k", Body=b"two!")["VersionId"]
        old = s3.get_object_attributes(Bucket="attrs-versions", Key="k", VersionId=first,
                                       ObjectAttributes=["ObjectSize"])
        self.assertEqual((old["VersionId"], old["ObjectSize"]), (first, 3))
        latest = s3.get_object_attributes(Bucket="attrs-versions", Key="k",
                                          ObjectAttributes=["ObjectSize"])
        self.assertEqual((latest["VersionId"], latest["ObjectSize"]), (second, 4))
        marker = s3.delete_object(Bucket="attrs-versions", Key="k")["VersionId"]
        error = client_error(self, lambda: s3.get_object_attributes(
            Bucket="attrs-versions", Key="k", ObjectAttributes=["ETag"]), "NoSuchKey")
        self.assertEqual(error.response["ResponseMetadata"]["HTTPHeaders"]["x-amz-delete-marker"],
                         "true")
        error = client_error(self, lambda: s3.get_object_attributes(
            Bucket="attrs-versions", Key="k", VersionId=marker, ObjectAttributes=["ETag"]),
            "MethodNotAllowed")
        self.assertEqual(error.response["ResponseMetadata"]["HTTPStatusCode"], 405)
        client_error(self, lambda: s3.get_object_attributes(
            Bucket="attrs-versions", Key="k", VersionId="UnknownVersionId" + "0" * 16,
            ObjectAttributes=["ETag"]), "NoSuchVersion")
        self.assertEqual(s3.get_object_attributes(
            Bucket="attrs-versions", Key="k", VersionId=first,
            ObjectAttributes=["ObjectSize"])["ObjectSize"], 3)

    def test_multipart_parts_and_paging(self):
        import base64
        import zlib

        def crc(data):
            return zlib.crc32(data).to_bytes(4, "big")

        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="attrs-mpu")
        data = [b"a" * (5 * 1024 * 1024), b"b" * (5 * 1024 * 1024), b"c" * 100]
        uid = s3.create_multipart_upload(Bucket="attrs-mpu", Key="k",
                                         ChecksumAlgorithm="CRC32")["UploadId"]
        parts = []
        for number, body in enumerate(data, 1):
            answer = s3.upload_part(Bucket="attrs-mpu", Key="k", UploadId=uid, PartNumber=number,
                                    Body=body, ChecksumAlgorithm="CRC32")
            parts.append({"PartNumber": number, "ETag": answer["ETag"],
                          "ChecksumCRC32": answer["ChecksumCRC32"]})
        done = s3.complete_multipart_upload(Bucket="attrs-mpu", Key="k", UploadId=uid,
                                            MultipartUpload={"Parts": parts})
        first = s3.get_object_attributes(Bucket="attrs-mpu", Key="k", MaxParts=2,
                                         ObjectAttributes=self.ALL)
        self.assertEqual(first["ETag"], done["ETag"].strip('"'))
        # The composite checksum without its "-3".
        self.assertEqual(first["Checksum"]["ChecksumCRC32"],
                         base64.b64encode(crc(b"".join(crc(d) for d in data))).decode())
        self.assertEqual(first["ObjectSize"], sum(len(d) for d in data))
        page = first["ObjectParts"]
        self.assertEqual((page["TotalPartsCount"], int(page["PartNumberMarker"]),
                          int(page["NextPartNumberMarker"]), page["MaxParts"],
                          page["IsTruncated"]), (3, 0, 2, 2, True))
        self.assertEqual([(p["PartNumber"], p["Size"], p["ChecksumCRC32"]) for p in page["Parts"]],
                         [(1, len(data[0]), parts[0]["ChecksumCRC32"]),
                          (2, len(data[1]), parts[1]["ChecksumCRC32"])])
        rest = s3.get_object_attributes(Bucket="attrs-mpu", Key="k", MaxParts=2,
                                        PartNumberMarker=2, ObjectAttributes=["ObjectParts"])
        page = rest["ObjectParts"]
        self.assertEqual((int(page["PartNumberMarker"]), int(page["NextPartNumberMarker"]),
                          page["IsTruncated"]), (2, 3, False))
        self.assertEqual([(p["PartNumber"], p["Size"]) for p in page["Parts"]], [(3, 100)])
        self.assertNotIn("ETag", rest)

        # Without an additional checksum AWS reports the count only.
        uid = s3.create_multipart_upload(Bucket="attrs-mpu", Key="plain")["UploadId"]
        parts = [{"PartNumber": n, "ETag": s3.upload_part(
            Bucket="attrs-mpu", Key="plain", UploadId=uid, PartNumber=n, Body=body)["ETag"]}
            for n, body in ((1, data[0]), (2, data[2]))]
        s3.complete_multipart_upload(Bucket="attrs-mpu", Key="plain", UploadId=uid,
                                     MultipartUpload={"Parts": parts})
        plain = s3.get_object_attributes(Bucket="attrs-mpu", Key="plain", ObjectAttributes=self.ALL)
        self.assertEqual(plain["ObjectParts"], {"TotalPartsCount": 2})
        self.assertNotIn("Checksum", plain)

    def test_anonymous_needs_get_object_attributes(self):
        from botocore import UNSIGNED
        s3 = self.boto3_client("s3")
        anonymous = self.boto3_client("s3", signature_version=UNSIGNED)
        s3.create_bucket(Bucket="attrs-public")
        s3.put_object(Bucket="attrs-public", Key="k", Body=b"public")
        s3.put_public_access_block(Bucket="attrs-public", PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False,
            "RestrictPublicBuckets": False})

        def allow(*actions):
            s3.put_bucket_policy(Bucket="attrs-public", Policy=json.dumps({"Statement": [
                {"Effect": "Allow", "Principal": "*", "Action": list(actions),
                 "Resource": "arn:aws:s3:::attrs-public/*"}]}))

        allow("s3:GetObject")
        self.assertEqual(anonymous.head_object(Bucket="attrs-public", Key="k")["ContentLength"], 6)
        client_error(self, lambda: anonymous.get_object_attributes(
            Bucket="attrs-public", Key="k", ObjectAttributes=["ObjectSize"]), "AccessDenied")
        allow("s3:GetObject", "s3:GetObjectAttributes")
        self.assertEqual(anonymous.get_object_attributes(
            Bucket="attrs-public", Key="k", ObjectAttributes=["ObjectSize"])["ObjectSize"], 6)


class S3LifecycleTransitionTests(ServerTestCase):
    """Transition rules change the storage class (a Date in the past is due at once: rules are
    applied when stored); GLACIER objects answer InvalidObjectState until a RestoreObject's
    retrieval has finished."""

    def test_transition_archive_and_restore(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="tiers")
        s3.put_bucket_versioning(Bucket="tiers", VersioningConfiguration={"Status": "Enabled"})
        big = b"t" * (200 * 1024)
        s3.put_object(Bucket="tiers", Key="cold/big", Body=big)
        s3.put_object(Bucket="tiers", Key="cold/small", Body=b"tiny")
        s3.put_object(Bucket="tiers", Key="warm/big", Body=big)
        client_error(self, lambda: s3.put_bucket_lifecycle_configuration(
            Bucket="tiers", LifecycleConfiguration={"Rules": [{
                "ID": "early", "Status": "Enabled", "Filter": {},
                "Transitions": [{"Days": 10, "StorageClass": "STANDARD_IA"}]}]}),
            "InvalidArgument")
        client_error(self, lambda: s3.put_bucket_lifecycle_configuration(
            Bucket="tiers", LifecycleConfiguration={"Rules": [{
                "ID": "early", "Status": "Enabled", "Filter": {},
                "NoncurrentVersionTransitions": [{"NoncurrentDays": 10,
                                                  "StorageClass": "ONEZONE_IA"}]}]}),
            "InvalidArgument")
        s3.put_bucket_lifecycle_configuration(
            Bucket="tiers", LifecycleConfiguration={"Rules": [{
                "ID": "archive", "Status": "Enabled", "Filter": {"Prefix": "cold/"},
                "Transitions": [{"Date": "2020-01-01T00:00:00Z", "StorageClass": "GLACIER"}]}]})
        head = s3.head_object(Bucket="tiers", Key="cold/big")
        self.assertEqual(head["StorageClass"], "GLACIER")
        self.assertNotIn("Restore", head)
        self.assertNotIn("StorageClass", s3.head_object(Bucket="tiers", Key="cold/small"))
        self.assertNotIn("StorageClass", s3.head_object(Bucket="tiers", Key="warm/big"))
        listed = {o["Key"]: o["StorageClass"] for o in s3.list_objects_v2(Bucket="tiers")["Contents"]}
        self.assertEqual(listed, {"cold/big": "GLACIER", "cold/small": "STANDARD",
                                  "warm/big": "STANDARD"})
        versions = s3.list_object_versions(Bucket="tiers", Prefix="cold/big")["Versions"]
        self.assertEqual([v["StorageClass"] for v in versions], ["GLACIER"])

        error = client_error(self, lambda: s3.get_object(Bucket="tiers", Key="cold/big"),
                             "InvalidObjectState")
        self.assertEqual(error.response["ResponseMetadata"]["HTTPStatusCode"], 403)
        self.assertEqual(error.response["Error"]["Message"],
                         "The operation is not valid for the object's storage class")
        client_error(self, lambda: s3.copy_object(
            Bucket="tiers", Key="copy", CopySource={"Bucket": "tiers", "Key": "cold/big"}),
            "ObjectNotInActiveTierError")
        client_error(self, lambda: s3.restore_object(
            Bucket="tiers", Key="warm/big", RestoreRequest={"Days": 1}), "InvalidObjectState")
        # S3-13: a retrieval takes its tier's time on the engine's clock (Bulk: 5 hours here;
        # tst_s3service moves a manual clock through the tiers and the restored copy's reads).
        first = s3.restore_object(Bucket="tiers", Key="cold/big", RestoreRequest={
            "Days": 2, "GlacierJobParameters": {"Tier": "Bulk"}})
        self.assertEqual(first["ResponseMetadata"]["HTTPStatusCode"], 202)
        self.assertEqual(s3.head_object(Bucket="tiers", Key="cold/big")["Restore"],
                         'ongoing-request="true"')
        client_error(self, lambda: s3.get_object(Bucket="tiers", Key="cold/big"),
                     "InvalidObjectState")
        error = client_error(self, lambda: s3.restore_object(
            Bucket="tiers", Key="cold/big", RestoreRequest={
                "Days": 3, "GlacierJobParameters": {"Tier": "Bulk"}}),
            "RestoreAlreadyInProgress")
        self.assertEqual(error.response["ResponseMetadata"]["HTTPStatusCode"], 409)
        # Standard (the default tier) is faster than Bulk: a restore speed upgrade.
        upgraded = s3.restore_object(Bucket="tiers", Key="cold/big", RestoreRequest={"Days": 3})
        self.assertEqual(upgraded["ResponseMetadata"]["HTTPStatusCode"], 202)
        cli = self.aws("s3api", "head-object", "--bucket", "tiers", "--key", "cold/big")
        self.assertEqual(cli["StorageClass"], "GLACIER")
        self.assertEqual(cli["Restore"], 'ongoing-request="true"')
        s3.put_object(Bucket="tiers", Key="deep", Body=b"d", StorageClass="DEEP_ARCHIVE")
        client_error(self, lambda: s3.restore_object(Bucket="tiers", Key="deep", RestoreRequest={
            "Days": 1, "GlacierJobParameters": {"Tier": "Expedited"}}), "InvalidArgument")
        client_error(self, lambda: s3.put_object(Bucket="tiers", Key="x", Body=b"x",
                                                 StorageClass="COLD"), "InvalidStorageClass")

    def test_transition_default_minimum_object_size(self):
        """x-amz-transition-default-minimum-object-size (newer than Debian's botocore: sent by an
        event hook): objects under 128 KiB stay unless it is varies_by_storage_class."""
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="small-tiers")
        s3.put_object(Bucket="small-tiers", Key="note.txt", Body=b"small")
        headers = {}

        def add_headers(request, **_):
            for name, value in headers.items():
                request.headers[name] = value

        s3.meta.events.register("before-sign.s3.PutBucketLifecycleConfiguration", add_headers)
        rules = {"Rules": [{"ID": "deep", "Status": "Enabled", "Filter": {},
                            "Transitions": [{"Date": "2020-01-01T00:00:00Z",
                                             "StorageClass": "DEEP_ARCHIVE"}]}]}
        answer = s3.put_bucket_lifecycle_configuration(Bucket="small-tiers",
                                                       LifecycleConfiguration=rules)
        self.assertEqual(answer["ResponseMetadata"]["HTTPHeaders"][
            "x-amz-transition-default-minimum-object-size"], "all_storage_classes_128K")
        self.assertNotIn("StorageClass", s3.head_object(Bucket="small-tiers", Key="note.txt"))
        headers["x-amz-transition-default-minimum-object-size"] = "varies_by_storage_class"
        s3.put_bucket_lifecycle_configuration(Bucket="small-tiers", LifecycleConfiguration=rules)
        self.assertEqual(s3.head_object(Bucket="small-tiers", Key="note.txt")["StorageClass"],
                         "DEEP_ARCHIVE")
        got = s3.get_bucket_lifecycle_configuration(Bucket="small-tiers")
        self.assertEqual(got["ResponseMetadata"]["HTTPHeaders"][
            "x-amz-transition-default-minimum-object-size"], "varies_by_storage_class")
        headers["x-amz-transition-default-minimum-object-size"] = "1K"
        client_error(self, lambda: s3.put_bucket_lifecycle_configuration(
            Bucket="small-tiers", LifecycleConfiguration=rules), "InvalidArgument")


class S3ReplicationTests(ServerTestCase):
    """Replication (S3-38) between two local buckets, configured with the CLI, written with
    boto3: PENDING then COMPLETED at the source, REPLICA with the same version id at the
    destination, delete markers per rule, and AWS's preconditions."""

    def test_replication_with_the_cli_and_boto3(self):
        s3 = self.boto3_client("s3")
        for name in ("repl-src", "repl-dst"):
            s3.create_bucket(Bucket=name)
        config = json.dumps({
            "Role": "arn:aws:iam::000000000000:role/replication",
            "Rules": [{"ID": "docs", "Priority": 1, "Status": "Enabled",
                       "Filter": {"Prefix": "docs/"},
                       "DeleteMarkerReplication": {"Status": "Enabled"},
                       "Destination": {"Bucket": "arn:aws:s3:::repl-dst",
                                       "StorageClass": "STANDARD_IA"}}]})
        put = ("s3api", "put-bucket-replication", "--bucket", "repl-src",
               "--replication-configuration", config)
        self.aws(*put, expect_error="InvalidRequest")  # the source is not versioned
        s3.put_bucket_versioning(Bucket="repl-src",
                                 VersioningConfiguration={"Status": "Enabled"})
        self.aws(*put, expect_error="InvalidRequest")  # nor is the destination
        s3.put_bucket_versioning(Bucket="repl-dst",
                                 VersioningConfiguration={"Status": "Enabled"})
        self.aws(*put)
        rules = self.aws("s3api", "get-bucket-replication",
                         "--bucket", "repl-src")["ReplicationConfiguration"]["Rules"]
        self.assertEqual(rules[0]["Destination"]["Bucket"], "arn:aws:s3:::repl-dst")
        client_error(self, lambda: s3.put_bucket_versioning(
            Bucket="repl-src", VersioningConfiguration={"Status": "Suspended"}),
            "InvalidBucketState")

        written = s3.put_object(Bucket="repl-src", Key="docs/a.txt", Body=b"hello",
                                Metadata={"colour": "blue"})
        s3.put_object(Bucket="repl-src", Key="other.txt", Body=b"not replicated")
        self.assertEqual(s3.head_object(Bucket="repl-src", Key="docs/a.txt")[
            "ReplicationStatus"], "PENDING")
        self.assertTrue(wait_for(lambda: s3.head_object(Bucket="repl-src", Key="docs/a.txt").get(
            "ReplicationStatus") == "COMPLETED", timeout=10))
        replica = s3.get_object(Bucket="repl-dst", Key="docs/a.txt")
        self.assertEqual(replica["Body"].read(), b"hello")
        self.assertEqual(replica["ReplicationStatus"], "REPLICA")
        self.assertEqual(replica["VersionId"], written["VersionId"])
        self.assertEqual(replica["Metadata"], {"colour": "blue"})
        self.assertEqual(replica["StorageClass"], "STANDARD_IA")
        client_error(self, lambda: s3.head_object(Bucket="repl-dst", Key="other.txt"), "404")

        marker = s3.delete_object(Bucket="repl-src", Key="docs/a.txt")
        self.assertTrue(wait_for(lambda: any(
            m["VersionId"] == marker["VersionId"]
            for m in s3.list_object_versions(Bucket="repl-dst").get("DeleteMarkers", [])),
            timeout=10))
        self.aws("s3api", "delete-bucket-replication", "--bucket", "repl-src")
        self.aws("s3api", "get-bucket-replication", "--bucket", "repl-src",
                 expect_error="ReplicationConfigurationNotFoundError")


class S3AccessLoggingTests(ServerTestCase):
    """Server access logging (S3-36): configured with the CLI, requests made with boto3 arrive as
    AWS-format records in a log object of the target bucket."""

    def test_server_access_logs(self):
        s3 = self.boto3_client("s3")
        for name in ("logged-site", "access-logs"):
            s3.create_bucket(Bucket=name)
        put = ("s3api", "put-bucket-logging", "--bucket", "logged-site", "--bucket-logging-status")
        self.aws(*put, json.dumps({"LoggingEnabled": {"TargetBucket": "nowhere",
                                                      "TargetPrefix": "site/"}}),
                 expect_error="InvalidTargetBucketForLogging")
        self.aws(*put, json.dumps({"LoggingEnabled": {"TargetBucket": "access-logs",
                                                      "TargetPrefix": "site/"}}))
        self.assertEqual(self.aws("s3api", "get-bucket-logging", "--bucket", "logged-site"),
                         {"LoggingEnabled": {"TargetBucket": "access-logs",
                                             "TargetPrefix": "site/"}})
        s3.put_object(Bucket="logged-site", Key="index.html", Body=b"<h1>hi</h1>")
        self.assertEqual(s3.get_object(Bucket="logged-site", Key="index.html")["Body"].read(),
                         b"<h1>hi</h1>")
        client_error(self, lambda: s3.get_object(Bucket="logged-site", Key="gone"), "NoSuchKey")
        logs = wait_for(lambda: s3.list_objects_v2(Bucket="access-logs", Prefix="site/").get(
            "Contents"), timeout=30)
        self.assertTrue(logs, "no log object was delivered")
        body = s3.get_object(Bucket="access-logs", Key=logs[0]["Key"])["Body"].read().decode()
        lines = body.strip().split("\n")
        put_line = next(line for line in lines if " REST.PUT.OBJECT index.html " in line)
        self.assertIn(' "PUT /logged-site/index.html HTTP/1.1" 200 ', put_line)
        self.assertIn(" SigV4 ", put_line)
        self.assertIn(" REST.GET.OBJECT index.html ", body)
        self.assertIn(" 404 NoSuchKey ", body)
        s3.put_bucket_logging(Bucket="logged-site", BucketLoggingStatus={})
        self.assertNotIn("LoggingEnabled", s3.get_bucket_logging(Bucket="logged-site"))

    def test_records_pending_at_exit_are_delivered(self):
        import tempfile
        import shutil
        import boto3
        from cbtest import Server
        state = tempfile.mkdtemp(prefix="cb-e2e-s3logs-")
        try:
            def client(server):
                return boto3.client("s3", endpoint_url=server.endpoint, region_name="us-east-1",
                                    aws_access_key_id="test", aws_secret_access_key="test")
            with Server(state_dir=state) as server:
                s3 = client(server)
                for name in ("quick-site", "quick-logs"):
                    s3.create_bucket(Bucket=name)
                s3.put_bucket_logging(Bucket="quick-site", BucketLoggingStatus={
                    "LoggingEnabled": {"TargetBucket": "quick-logs", "TargetPrefix": "q/"}})
                s3.put_object(Bucket="quick-site", Key="k", Body=b"v")
            # Stopped within the ten seconds before delivery: the records went out at exit.
            with Server(state_dir=state) as server:
                logs = client(server).list_objects_v2(Bucket="quick-logs", Prefix="q/")
                self.assertEqual(logs.get("KeyCount"), 1, logs)
        finally:
            shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
