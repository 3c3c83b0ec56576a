# SPDX-License-Identifier: MIT
"""Lambda end to end, part three: GetFunction's Code.Location downloads the exact deployment package
(of $LATEST, of a published version, through an alias), with curl and urllib; event invoke configs
kept per qualifier ($LATEST, version, alias) and the one of the invoked qualifier governing an
asynchronous invocation (its on-success destination)."""
import json
import os
import subprocess
import time
import urllib.request

from cbtest import ServerTestCase, make_zip

ROLE = "arn:aws:iam::000000000000:role/lambda-role"

HANDLER = """
def handler(event, context):
    return {"version": %d, "event": event}
"""



class LambdaCodeLocationTest(ServerTestCase):

    def lambda_client(self):
        return self.boto3_client("lambda", read_timeout=120)

    def download(self, url):
        with urllib.request.urlopen(url, timeout=30) as response:
            self.assertEqual(response.status, 200)
            return response.read()

    def test_code_location_serves_the_package(self):
        client = self.lambda_client()
        first = make_zip({"app.py": HANDLER % 1, "data/readme.txt": "one"})
        second = make_zip({"app.py": HANDLER % 2})
        path = os.path.join(self.workdir, "first.zip")
        with open(path, "wb") as handle:
            handle.write(first)
        self.aws("lambda", "create-function", "--function-name", "downloadable", "--runtime",
                 "python3.12", "--role", ROLE, "--handler", "app.handler", "--zip-file",
                 "fileb://" + path)

        # The CLI's text output fed to curl, as a user would.
        location = subprocess.run(
            ["/usr/bin/aws", "--endpoint-url", self.endpoint, "lambda", "get-function",
             "--function-name", "downloadable", "--query", "Code.Location", "--output", "text"],
            capture_output=True, text=True, timeout=60, check=True).stdout.strip()
        self.assertTrue(location.startswith("http"), location)
        target = os.path.join(self.workdir, "f.zip")
        subprocess.run(["curl", "-sSf", location, "-o", target], check=True, timeout=60)
        with open(target, "rb") as handle:
            self.assertEqual(handle.read(), first)
        got = client.get_function(FunctionName="downloadable")
        self.assertEqual(got["Code"]["RepositoryType"], "S3")

        # A published version keeps its own package; $LATEST moves on.
        client.publish_version(FunctionName="downloadable")
        client.update_function_code(FunctionName="downloadable", ZipFile=second)
        latest = client.get_function(FunctionName="downloadable")["Code"]["Location"]
        version = client.get_function(FunctionName="downloadable", Qualifier="1")["Code"][
            "Location"]
        self.assertNotEqual(latest, version)
        self.assertEqual(self.download(latest), second)
        self.assertEqual(self.download(version), first)
        client.create_alias(FunctionName="downloadable", Name="live", FunctionVersion="1")
        aliased = client.get_function(FunctionName="downloadable:live")["Code"]["Location"]
        self.assertEqual(self.download(aliased), first)

        # Once the function is gone its URL answers 404.
        client.delete_function(FunctionName="downloadable")
        with self.assertRaises(urllib.error.HTTPError) as raised:
            self.download(latest)
        self.assertEqual(raised.exception.code, 404)

    def test_update_event_invoke_config_changes_only_given_fields(self):
        client = self.lambda_client()
        client.create_function(FunctionName="partial", Runtime="python3.12", Role=ROLE,
                               Handler="app.handler",
                               Code={"ZipFile": make_zip({"app.py": HANDLER % 1})})
        client.put_function_event_invoke_config(FunctionName="partial", MaximumRetryAttempts=1,
                                                MaximumEventAgeInSeconds=100)
        updated = client.update_function_event_invoke_config(FunctionName="partial",
                                                             MaximumRetryAttempts=0)
        self.assertEqual(updated["MaximumRetryAttempts"], 0)
        self.assertEqual(updated["MaximumEventAgeInSeconds"], 100)
        got = client.get_function_event_invoke_config(FunctionName="partial")
        self.assertEqual((got["MaximumRetryAttempts"], got["MaximumEventAgeInSeconds"]), (0, 100))
        # Put, by contrast, replaces the whole configuration.
        put = client.put_function_event_invoke_config(FunctionName="partial",
                                                      MaximumRetryAttempts=2)
        self.assertNotIn("MaximumEventAgeInSeconds", put)

    def test_event_invoke_config_per_qualifier(self):
        client = self.lambda_client()
        sqs = self.boto3_client("sqs")
        client.create_function(FunctionName="qualified", Runtime="python3.12", Role=ROLE,
                               Handler="app.handler",
                               Code={"ZipFile": make_zip({"app.py": HANDLER % 1})})
        client.publish_version(FunctionName="qualified")
        client.create_alias(FunctionName="qualified", Name="prod", FunctionVersion="1")
        arn = "arn:aws:lambda:us-east-1:000000000000:function:qualified"

        queues = {}
        for name in ("latest-ok", "version-ok", "alias-ok"):
            url = sqs.create_queue(QueueName=name)["QueueUrl"]
            queue_arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
                "Attributes"]["QueueArn"]
            queues[name] = (url, queue_arn)

        def put(qualifier, queue, retries):
            args = dict(FunctionName="qualified", MaximumRetryAttempts=retries,
                        DestinationConfig={"OnSuccess": {"Destination": queues[queue][1]}})
            if qualifier:
                args["Qualifier"] = qualifier
            return client.put_function_event_invoke_config(**args)

        self.assertEqual(put(None, "latest-ok", 0)["FunctionArn"], arn + ":$LATEST")
        self.assertEqual(put("1", "version-ok", 1)["FunctionArn"], arn + ":1")
        self.assertEqual(put("prod", "alias-ok", 2)["FunctionArn"], arn + ":prod")
        self.assertEqual(client.get_function_event_invoke_config(
            FunctionName="qualified", Qualifier="1")["MaximumRetryAttempts"], 1)
        self.assertEqual(client.get_function_event_invoke_config(
            FunctionName="qualified:prod")["MaximumRetryAttempts"], 2)
        self.assertEqual(client.get_function_event_invoke_config(
            FunctionName="qualified")["MaximumRetryAttempts"], 0)
        listed = client.list_function_event_invoke_configs(FunctionName="qualified")[
            "FunctionEventInvokeConfigs"]
        self.assertEqual(sorted(c["FunctionArn"] for c in listed),
                         sorted([arn + ":$LATEST", arn + ":1", arn + ":prod"]))
        with self.assertRaises(client.exceptions.ResourceNotFoundException):
            client.put_function_event_invoke_config(FunctionName="qualified", Qualifier="9",
                                                    MaximumRetryAttempts=0)

        # Each asynchronous invocation reports to its own qualifier's destination.
        for qualifier, marker in ((None, "latest"), ("1", "version"), ("prod", "alias")):
            args = dict(FunctionName="qualified", InvocationType="Event",
                        Payload=json.dumps({"marker": marker}).encode())
            if qualifier:
                args["Qualifier"] = qualifier
            self.assertEqual(client.invoke(**args)["StatusCode"], 202)
        for queue, marker in (("latest-ok", "latest"), ("version-ok", "version"),
                              ("alias-ok", "alias")):
            url = queues[queue][0]
            deadline = time.time() + 30
            bodies = []
            while time.time() < deadline and not bodies:
                bodies = [json.loads(m["Body"]) for m in sqs.receive_message(
                    QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", [])]
            self.assertEqual(len(bodies), 1, queue)
            self.assertEqual(bodies[0]["requestPayload"], {"marker": marker})

        # Deleting one qualifier's config leaves the others; deleting the alias drops its config.
        client.delete_function_event_invoke_config(FunctionName="qualified", Qualifier="1")
        with self.assertRaises(client.exceptions.ResourceNotFoundException):
            client.get_function_event_invoke_config(FunctionName="qualified", Qualifier="1")
        client.delete_alias(FunctionName="qualified", Name="prod")
        listed = client.list_function_event_invoke_configs(FunctionName="qualified")[
            "FunctionEventInvokeConfigs"]
        self.assertEqual([c["FunctionArn"] for c in listed], [arn + ":$LATEST"])


if __name__ == "__main__":
    import unittest
    unittest.main()
