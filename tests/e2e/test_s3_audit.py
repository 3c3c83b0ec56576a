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



if __name__ == "__main__":
    unittest.main()
