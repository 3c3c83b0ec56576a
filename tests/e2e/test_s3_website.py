# SPDX-License-Identifier: MIT
"""S3 static website hosting (S3-30) as the exam lab does it: `aws s3 website` + `aws s3 cp` +
a public-read bucket policy, then a browser's requests to <bucket>.s3-website.localhost:<port>
(index and folder index documents, the 302 to a folder's slash form, the custom error document
with 404, 403 for a private bucket, AWS's HTML error pages, RedirectAllRequestsTo, routing
rules, x-amz-website-redirect-location); PutBucketWebsite's validation with boto3."""
import http.client
import json
import os

import botocore.exceptions

from cbtest import ServerTestCase


def public_read(bucket, listable=False):
    statements = [{"Sid": "PublicReadGetObject", "Effect": "Allow", "Principal": "*",
                   "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}]
    if listable:
        statements.append({"Sid": "PublicList", "Effect": "Allow", "Principal": "*",
                           "Action": "s3:ListBucket", "Resource": f"arn:aws:s3:::{bucket}"})
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


class S3Website(ServerTestCase):

    def web(self, bucket, path, method="GET", host_form="s3-website"):
        """A browser's request to the website endpoint: (status, headers, body)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            connection.request(method, path,
                               headers={"Host": f"{bucket}.{host_form}.localhost:{self.server.port}"})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def site(self, bucket, files):
        folder = os.path.join(self.workdir, bucket)
        for name, text in files.items():
            path = os.path.join(folder, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        self.aws("s3api", "create-bucket", "--bucket", bucket)
        self.aws("s3", "cp", "--recursive", "--only-show-errors", folder, f"s3://{bucket}/")

    def make_public(self, bucket, listable=False):
        self.aws("s3api", "delete-public-access-block", "--bucket", bucket)
        self.aws("s3api", "put-bucket-policy", "--bucket", bucket, "--policy",
                 public_read(bucket, listable))

    def test_static_site_lab(self):
        self.site("lab", {"index.html": "<h1>home</h1>", "error.html": "<h1>oops</h1>",
                          "docs/index.html": "<h1>docs</h1>", "about.html": "<h1>about</h1>"})
        # Enabled but private: the endpoint refuses anonymous readers.
        self.aws("s3", "website", "s3://lab", "--index-document", "index.html",
                 "--error-document", "error.html")
        status, _, body = self.web("lab", "/")
        self.assertEqual(status, 403)
        self.assertIn(b"Code: AccessDenied", body)
        self.make_public("lab")
        config = self.aws("s3api", "get-bucket-website", "--bucket", "lab")
        self.assertEqual(config["IndexDocument"], {"Suffix": "index.html"})
        self.assertEqual(config["ErrorDocument"], {"Key": "error.html"})

        status, headers, body = self.web("lab", "/")
        self.assertEqual((status, body), (200, b"<h1>home</h1>"))
        self.assertEqual(headers["content-type"], "text/html")
        self.assertIn("etag", headers)
        self.assertEqual(self.web("lab", "/docs/")[::2], (200, b"<h1>docs</h1>"))
        self.assertEqual(self.web("lab", "/about.html")[::2], (200, b"<h1>about</h1>"))
        status, headers, _ = self.web("lab", "/docs")
        self.assertEqual((status, headers["location"]), (302, "/docs/"))
        # The lab's policy grants s3:GetObject only: a missing page is 403 (readers who may not
        # list the bucket must not learn which keys exist), with the error document.
        status, headers, body = self.web("lab", "/missing.html")
        self.assertEqual((status, body), (403, b"<h1>oops</h1>"))
        self.assertEqual(headers["content-type"], "text/html")
        self.make_public("lab", listable=True)
        status, headers, body = self.web("lab", "/missing.html")
        self.assertEqual((status, body), (404, b"<h1>oops</h1>"))
        status, headers, body = self.web("lab", "/", method="HEAD")
        self.assertEqual((status, body, headers["content-length"]), (200, b"", "13"))
        # Regional host names work as well.
        for form in ("s3-website-us-east-1", "s3-website.us-east-1"):
            self.assertEqual(self.web("lab", "/", host_form=form)[::2], (200, b"<h1>home</h1>"))
        status, headers, body = self.web("lab", "/", method="POST")
        self.assertEqual(status, 405)
        self.assertIn(b"Code: MethodNotAllowed", body)
        self.assertIn(b"Method: POST", body)

        # Without the error document: AWS's own page, with why the custom one failed.
        self.aws("s3", "rm", "--only-show-errors", "s3://lab/error.html")
        status, headers, body = self.web("lab", "/missing.html")
        self.assertEqual(status, 404)
        self.assertTrue(headers["content-type"].startswith("text/html"))
        self.assertIn(b"<h1>404 Not Found</h1>", body)
        self.assertIn(b"Code: NoSuchKey", body)
        self.assertIn(b"Key: missing.html", body)
        self.assertIn(b"An Error Occurred While Attempting to Retrieve a Custom Error Document", body)
        self.assertIn(b"Key: error.html", body)

    def test_endpoint_errors(self):
        self.site("plain", {"index.html": "hi"})
        status, _, body = self.web("plain", "/")
        self.assertEqual(status, 404)
        self.assertIn(b"Code: NoSuchWebsiteConfiguration", body)
        self.assertIn(b"BucketName: plain", body)
        status, _, body = self.web("nosuchbucket", "/")
        self.assertEqual(status, 404)
        self.assertIn(b"Code: NoSuchBucket", body)

    def test_redirect_all_requests(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="moved")
        s3.put_bucket_website(Bucket="moved", WebsiteConfiguration={
            "RedirectAllRequestsTo": {"HostName": "www.example.com", "Protocol": "https"}})
        self.assertEqual(s3.get_bucket_website(Bucket="moved")["RedirectAllRequestsTo"],
                         {"HostName": "www.example.com", "Protocol": "https"})
        status, headers, _ = self.web("moved", "/blog/post.html")
        self.assertEqual((status, headers["location"]), (301, "https://www.example.com/blog/post.html"))

    def test_routing_rules_and_object_redirects(self):
        self.site("rules", {"index.html": "home", "documents/a.html": "A"})
        self.make_public("rules", listable=True)
        config = {
            "IndexDocument": {"Suffix": "index.html"},
            "RoutingRules": [
                {"Condition": {"KeyPrefixEquals": "docs/"},
                 "Redirect": {"ReplaceKeyPrefixWith": "documents/"}},
                {"Condition": {"HttpErrorCodeReturnedEquals": "404"},
                 "Redirect": {"HostName": "errors.example.com", "HttpRedirectCode": "302",
                              "ReplaceKeyPrefixWith": "report-404/"}},
            ],
        }
        self.aws("s3api", "put-bucket-website", "--bucket", "rules",
                 "--website-configuration", json.dumps(config))
        self.assertEqual(self.aws("s3api", "get-bucket-website", "--bucket", "rules")["RoutingRules"],
                         config["RoutingRules"])
        host = f"rules.s3-website.localhost:{self.server.port}"
        status, headers, _ = self.web("rules", "/docs/a.html")
        self.assertEqual((status, headers["location"]), (301, f"http://{host}/documents/a.html"))
        status, headers, _ = self.web("rules", "/gone.html")
        self.assertEqual((status, headers["location"]),
                         (302, "http://errors.example.com/report-404/gone.html"))
        # x-amz-website-redirect-location (PutObject WebsiteRedirectLocation): a 301 to it.
        self.aws("s3api", "put-object", "--bucket", "rules", "--key", "old.html",
                 "--website-redirect-location", "/documents/a.html")
        self.assertEqual(self.aws("s3api", "head-object", "--bucket", "rules", "--key", "old.html")
                         ["WebsiteRedirectLocation"], "/documents/a.html")
        status, headers, _ = self.web("rules", "/old.html")
        self.assertEqual((status, headers["location"]), (301, "/documents/a.html"))
        self.aws("s3api", "delete-bucket-website", "--bucket", "rules")
        self.aws("s3api", "get-bucket-website", "--bucket", "rules",
                 expect_error="NoSuchWebsiteConfiguration")

    def test_put_bucket_website_validation(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="checks")

        def refused(config):
            with self.assertRaises(botocore.exceptions.ClientError) as caught:
                s3.put_bucket_website(Bucket="checks", WebsiteConfiguration=config)
            return caught.exception.response["Error"]["Code"], caught.exception.response["Error"]["Message"]

        self.assertEqual(refused({"ErrorDocument": {"Key": "e.html"}}),
                         ("InvalidArgument", "A value for IndexDocument Suffix must be provided "
                          "if RedirectAllRequestsTo is empty"))
        self.assertEqual(refused({"IndexDocument": {"Suffix": "a/index.html"}}),
                         ("InvalidArgument", "The IndexDocument Suffix is not well formed"))
        self.assertEqual(refused({"IndexDocument": {"Suffix": ""}})[0], "InvalidArgument")
        self.assertEqual(refused({"IndexDocument": {"Suffix": "index.html"},
                                  "RedirectAllRequestsTo": {"HostName": "example.com"}})[0],
                         "InvalidArgument")
        self.assertEqual(refused({"IndexDocument": {"Suffix": "index.html"}, "RoutingRules": [
            {"Redirect": {"ReplaceKeyWith": "a", "ReplaceKeyPrefixWith": "b"}}]})[0],
            "InvalidRequest")
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            s3.get_bucket_website(Bucket="checks")
        self.assertEqual(caught.exception.response["Error"]["Code"], "NoSuchWebsiteConfiguration")
        self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 404)
        s3.put_bucket_website(Bucket="checks", WebsiteConfiguration={"IndexDocument": {"Suffix": "index.html"}})
        self.assertEqual(s3.get_bucket_website(Bucket="checks")["IndexDocument"]["Suffix"], "index.html")
        s3.delete_bucket_website(Bucket="checks")
        s3.delete_bucket_website(Bucket="checks")


if __name__ == "__main__":
    import unittest
    unittest.main()
