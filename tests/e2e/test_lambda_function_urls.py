# SPDX-License-Identifier: MIT
"""Lambda function URLs end to end: a URL created with the AWS CLI v2 and reached at
http://<url-id>.lambda-url.us-east-1.localhost:<port>/ (curl, and urllib with the Host header),
the payload format 2.0 event the function gets, the mapping of its answer (statusCode objects,
plain JSON, errors as 502), AWS_IAM refusing unsigned requests with 403 and taking SigV4-signed
ones, CORS preflights, the AWS errors of duplicate and missing configs, the UrlRequestCount /
Url4xxCount / Url5xxCount metrics, and deletion with the function."""
import datetime
import json
import os
import re
import shutil
import subprocess
import unittest
import urllib.error
import urllib.request

from cbtest import ServerTestCase, make_zip, wait_for

ROLE = "arn:aws:iam::000000000000:role/lambda-role"

HANDLER = """
def handler(event, context):
    path = event["rawPath"]
    if path == "/echo":
        return event
    if path == "/status":
        return {"statusCode": 201, "headers": {"Content-Type": "text/plain", "X-Test": "yes"},
                "cookies": ["a=1", "b=2"], "body": "created " + event["requestContext"]["http"]["method"]}
    if path == "/boom":
        raise RuntimeError("boom")
    return ["plain", 1]
"""


class FunctionUrlTest(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zip_path = os.path.join(cls.workdir, "url.zip")
        with open(cls.zip_path, "wb") as handle:
            handle.write(make_zip(HANDLER))

    def request(self, url, method="GET", body=None, headers=None):
        """(status, headers lower-cased, body) of a request to a function URL, sent to the
        loopback address with the URL's host in the Host header."""
        match = re.match(r"http://([^/]+)(/.*)?$", url)
        host, path = match.group(1), match.group(2) or "/"
        request = urllib.request.Request(f"http://127.0.0.1:{self.server.port}{path}",
                                         data=body, method=method, headers=dict(headers or {}))
        request.add_header("Host", host)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def create_function(self, name):
        self.aws("lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
                 "--role", ROLE, "--handler", "app.handler", "--zip-file", f"fileb://{self.zip_path}")

    def test_function_url(self):
        self.create_function("web")
        created = self.aws("lambda", "create-function-url-config", "--function-name", "web",
                           "--auth-type", "NONE", "--cors",
                           "AllowOrigins=https://app.example,AllowMethods=GET,POST,MaxAge=60")
        url = created["FunctionUrl"]
        self.assertRegex(url, r"^http://[a-z0-9]{32}\.lambda-url\.us-east-1\.localhost:"
                              + str(self.server.port) + "/$")
        self.assertEqual(created["AuthType"], "NONE")
        self.assertEqual(created["FunctionArn"],
                         "arn:aws:lambda:us-east-1:000000000000:function:web")
        self.assertEqual(created["Cors"]["MaxAge"], 60)
        self.aws("lambda", "create-function-url-config", "--function-name", "web",
                 "--auth-type", "NONE", expect_error="ResourceConflictException")

        client = self.boto3_client("lambda")
        self.assertEqual(client.get_function_url_config(FunctionName="web")["FunctionUrl"], url)
        listed = client.list_function_url_configs(FunctionName="web")["FunctionUrlConfigs"]
        self.assertEqual([c["FunctionUrl"] for c in listed], [url])

        # The event: payload format 2.0.
        status, headers, body = self.request(
            url + "echo?a=1&a=2&b=x%20y", "POST", b'{"hello": "world"}',
            {"Content-Type": "application/json", "Cookie": "s=1; t=2", "User-Agent": "e2e/1",
             "X-Custom": "v"})
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["Content-Type"], "application/json")
        self.assertTrue(headers["x-amzn-RequestId"])
        event = json.loads(body)
        url_id = url.split("//")[1].split(".")[0]
        self.assertEqual(event["version"], "2.0")
        self.assertEqual(event["routeKey"], "$default")
        self.assertEqual(event["rawPath"], "/echo")
        self.assertEqual(event["rawQueryString"], "a=1&a=2&b=x%20y")
        self.assertEqual(event["queryStringParameters"], {"a": "1,2", "b": "x y"})
        self.assertEqual(event["cookies"], ["s=1", "t=2"])
        self.assertEqual(event["headers"]["x-custom"], "v")
        self.assertEqual(event["headers"]["content-type"], "application/json")
        self.assertNotIn("cookie", event["headers"])
        self.assertEqual(event["body"], '{"hello": "world"}')
        self.assertFalse(event["isBase64Encoded"])
        context = event["requestContext"]
        self.assertEqual(context["apiId"], url_id)
        self.assertEqual(context["domainPrefix"], url_id)
        self.assertEqual(context["domainName"], url.split("//")[1].split(":")[0])
        self.assertEqual(context["http"]["method"], "POST")
        self.assertEqual(context["http"]["path"], "/echo")
        self.assertEqual(context["http"]["sourceIp"], "127.0.0.1")
        self.assertEqual(context["http"]["userAgent"], "e2e/1")
        self.assertEqual(context["stage"], "$default")
        self.assertEqual(context["accountId"], "anonymous")
        self.assertRegex(context["time"], r"^\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000$")
        self.assertEqual(context["requestId"], headers["x-amzn-RequestId"])

        # Response mapping.
        status, headers, body = self.request(url + "status", "PUT")
        self.assertEqual((status, body), (201, b"created PUT"))
        self.assertEqual(headers["Content-Type"], "text/plain")
        self.assertEqual(headers["X-Test"], "yes")
        self.assertEqual(headers.get_all("Set-Cookie"), ["a=1", "b=2"])
        status, headers, body = self.request(url + "other")
        self.assertEqual((status, json.loads(body)), (200, ["plain", 1]))
        self.assertEqual(headers["Content-Type"], "application/json")
        status, _, body = self.request(url + "boom")
        self.assertEqual((status, json.loads(body)), (502, {"Message": "Internal Server Error"}))

        # CORS: the preflight is answered without the function; responses carry the origin.
        status, headers, _ = self.request(url + "echo", "OPTIONS", None, {
            "Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["Access-Control-Allow-Origin"], "https://app.example")
        self.assertEqual(headers["Access-Control-Allow-Methods"], "GET,POST")
        self.assertEqual(headers["Access-Control-Max-Age"], "60")
        _, headers, _ = self.request(url + "other", headers={"Origin": "https://app.example"})
        self.assertEqual(headers["Access-Control-Allow-Origin"], "https://app.example")

        # The URL as printed works for curl, which resolves *.localhost to the loopback.
        if shutil.which("curl"):
            result = subprocess.run(["curl", "-s", "-w", "\\n%{http_code}", url + "other"],
                                    capture_output=True, text=True, timeout=60)
            body, _, code = result.stdout.rpartition("\n")
            self.assertEqual((code, json.loads(body)), ("200", ["plain", 1]))

        # Metrics: 7 requests (curl's too), the 502 in Url5xxCount.
        requests = 7 if shutil.which("curl") else 6
        self.assertEqual(self.metric_sum("UrlRequestCount", "web", requests), requests)
        self.assertEqual(self.metric_sum("Url5xxCount", "web", 1), 1)

        # Deleting the function deletes its URL.
        client.delete_function(FunctionName="web")
        status, _, body = self.request(url + "other")
        self.assertEqual((status, json.loads(body)), (403, {"Message": "Forbidden"}))

    def test_iam_auth_and_errors(self):
        self.create_function("private")
        client = self.boto3_client("lambda")
        client.publish_version(FunctionName="private")
        client.create_alias(FunctionName="private", Name="live", FunctionVersion="1")
        self.aws("lambda", "create-function-url-config", "--function-name", "private",
                 "--qualifier", "1", "--auth-type", "AWS_IAM", expect_error="ValidationException")
        self.aws("lambda", "get-function-url-config", "--function-name", "private",
                 expect_error="ResourceNotFoundException")
        self.aws("lambda", "create-function-url-config", "--function-name", "nope",
                 "--auth-type", "NONE", expect_error="ResourceNotFoundException")
        created = client.create_function_url_config(FunctionName="private", Qualifier="live",
                                                    AuthType="AWS_IAM")
        url = created["FunctionUrl"]
        self.assertEqual(created["FunctionArn"],
                         "arn:aws:lambda:us-east-1:000000000000:function:private:live")

        status, _, body = self.request(url + "other")
        self.assertEqual((status, json.loads(body)), (403, {"Message": "Forbidden"}))
        status, body = self.signed(url + "other")
        self.assertEqual((status, json.loads(body)), (200, ["plain", 1]))

        updated = client.update_function_url_config(FunctionName="private", Qualifier="live",
                                                    AuthType="NONE")
        self.assertEqual(updated["AuthType"], "NONE")
        self.assertEqual(self.request(url + "other")[0], 200)
        self.assertEqual(self.metric_sum("Url4xxCount", "private", 1), 1)

        client.delete_function_url_config(FunctionName="private", Qualifier="live")
        with self.assertRaises(client.exceptions.ResourceNotFoundException):
            client.delete_function_url_config(FunctionName="private", Qualifier="live")
        self.assertEqual(self.request(url + "other")[0], 403)

    def signed(self, url):
        """A SigV4-signed (service lambda) GET of a function URL: (status, body)."""
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        request = AWSRequest(method="GET", url=url)
        SigV4Auth(Credentials("test", "test"), "lambda", "us-east-1").add_auth(request)
        status, _, body = self.request(url, headers=dict(request.headers))
        return status, body

    def metric_sum(self, metric, function, expected):
        client = self.boto3_client("cloudwatch")
        now = datetime.datetime.now(datetime.timezone.utc)

        def total():
            points = client.get_metric_statistics(
                Namespace="AWS/Lambda", MetricName=metric,
                Dimensions=[{"Name": "FunctionName", "Value": function}],
                StartTime=now - datetime.timedelta(minutes=10),
                EndTime=now + datetime.timedelta(minutes=2), Period=60,
                Statistics=["Sum"])["Datapoints"]
            return sum(point["Sum"] for point in points)
        return wait_for(lambda: total() >= expected, timeout=10) and total()


if __name__ == "__main__":
    unittest.main()
