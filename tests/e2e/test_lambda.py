# SPDX-License-Identifier: MIT
"""Lambda and CloudWatch Logs end to end: functions created from ZIPs with boto3, the AWS CLI v2
and the JS SDK v3, run by the local python3 and node; sync and async invokes, AWS's error shapes,
timeouts, LogType=Tail, the START/END/REPORT lines in CloudWatch Logs, versions and weighted
aliases, reserved concurrency, and a handler that calls back into Cloudbench with boto3."""
import base64
import json
import os
import shutil
import time
import unittest

from cbtest import ServerTestCase, make_zip

ROLE = "arn:aws:iam::000000000000:role/lambda-role"

PY_HANDLER = """
import json, os, sys, time
COUNT = 0
def handler(event, context):
    global COUNT
    COUNT += 1
    print("got", json.dumps(event))
    if event.get("raise"):
        raise ValueError("bad input: " + str(event["raise"]))
    if event.get("sleep"):
        time.sleep(event["sleep"])
    if event.get("spin"):
        while True:
            pass
    if event.get("exit"):
        os._exit(event["exit"])
    if event.get("print_mb"):
        chunk = "x" * 1023
        for _ in range(event["print_mb"] * 1024):
            print(chunk)
        return "printed"
    return {"count": COUNT, "request_id": context.aws_request_id,
            "function": context.function_name, "arn": context.invoked_function_arn,
            "memory": context.memory_limit_in_mb, "stream": context.log_stream_name,
            "remaining_ok": 0 < context.get_remaining_time_in_millis() <= 3000,
            "env": os.environ.get("STAGE"), "region": os.environ.get("AWS_REGION")}
"""

CALLBACK_HANDLER = """
import os, boto3
def handler(event, context):
    sts = boto3.client("sts", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
    logs = boto3.client("logs", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
    logs.create_log_group(logGroupName="/from/lambda")
    return {"account": sts.get_caller_identity()["Account"]}
"""

NODE_HANDLER = """
exports.handler = async (event, context) => {
    console.log('node got', JSON.stringify(event));
    if (event.fail) throw new RangeError('out of range');
    return { sum: (event.a || 0) + (event.b || 0), id: context.awsRequestId,
             version: context.functionVersion, left: context.getRemainingTimeInMillis() > 0 };
};
"""

NODE_CALLBACK = """
export function handler(event, context, callback) {
    setTimeout(() => callback(null, { echoed: event }), 5);
}
"""



class LambdaTest(ServerTestCase):

    def client(self):
        return self.boto3_client("lambda", read_timeout=120)

    def create_python(self, name, code=PY_HANDLER, **extra):
        args = dict(FunctionName=name, Runtime="python3.12", Role=ROLE, Handler="app.handler",
                    Code={"ZipFile": make_zip({"app.py": code})})
        args.update(extra)
        return self.client().create_function(**args)

    def invoke(self, name, event=None, **extra):
        response = self.client().invoke(FunctionName=name, Payload=json.dumps(event or {}), **extra)
        response["Body"] = response["Payload"].read()
        return response

    def test_create_invoke_warm_and_tail(self):
        created = self.create_python("py-basic", Environment={"Variables": {"STAGE": "dev"}})
        self.assertEqual(created["Timeout"], 3)
        self.assertEqual(created["MemorySize"], 128)
        self.assertEqual(created["State"], "Active")
        self.assertEqual(created["Version"], "$LATEST")
        zip_bytes = make_zip({"app.py": PY_HANDLER})
        self.assertEqual(created["CodeSize"], len(zip_bytes))

        first = self.invoke("py-basic", {"k": 1}, LogType="Tail")
        self.assertEqual(first["StatusCode"], 200)
        self.assertNotIn("FunctionError", first)
        self.assertEqual(first["ExecutedVersion"], "$LATEST")
        body = json.loads(first["Body"])
        self.assertEqual(body["count"], 1)
        self.assertEqual(body["function"], "py-basic")
        self.assertEqual(body["memory"], "128")
        self.assertEqual(body["env"], "dev")
        self.assertEqual(body["region"], "us-east-1")
        self.assertTrue(body["remaining_ok"])
        self.assertRegex(body["stream"], r"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$")
        tail = base64.b64decode(first["LogResult"]).decode()
        self.assertIn("START RequestId: %s Version: $LATEST" % body["request_id"], tail)
        self.assertIn('got {"k": 1}', tail)
        self.assertIn("END RequestId: " + body["request_id"], tail)
        self.assertRegex(tail, r"REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\t"
                               r"Memory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms")

        second = self.invoke("py-basic", {"k": 2}, LogType="Tail")
        self.assertEqual(json.loads(second["Body"])["count"], 2)  # warm environment reused
        self.assertNotIn("Init Duration", base64.b64decode(second["LogResult"]).decode())

        logs = self.boto3_client("logs")
        streams = logs.describe_log_streams(logGroupName="/aws/lambda/py-basic")["logStreams"]
        self.assertEqual([s["logStreamName"] for s in streams], [body["stream"]])
        events = logs.filter_log_events(logGroupName="/aws/lambda/py-basic",
                                        filterPattern="REPORT")["events"]
        self.assertEqual(len(events), 2)

        config = self.client().get_function_configuration(FunctionName="py-basic")
        self.assertEqual(config["Environment"]["Variables"], {"STAGE": "dev"})
        function = self.client().get_function(FunctionName="py-basic")
        self.assertEqual(function["Configuration"]["CodeSha256"], created["CodeSha256"])
        names = [f["FunctionName"] for f in self.client().list_functions()["Functions"]]
        self.assertIn("py-basic", names)

    def test_function_errors(self):
        self.create_python("py-errors", Timeout=1)
        raised = self.invoke("py-errors", {"raise": "x"})
        self.assertEqual(raised["StatusCode"], 200)
        self.assertEqual(raised["FunctionError"], "Unhandled")
        error = json.loads(raised["Body"])
        self.assertEqual(error["errorType"], "ValueError")
        self.assertEqual(error["errorMessage"], "bad input: x")
        self.assertTrue(any("raise ValueError" in line for line in error["stackTrace"]))

        for event in ({"sleep": 10}, {"spin": True}):
            started = time.monotonic()
            timed_out = self.invoke("py-errors", event)
            self.assertLess(time.monotonic() - started, 30)
            self.assertEqual(timed_out["FunctionError"], "Unhandled")
            self.assertRegex(json.loads(timed_out["Body"])["errorMessage"],
                             r"^\d{4}-\d\d-\d\dT[\d:.]+Z \S+ Task timed out after 1\.00 seconds$")

        exited = self.invoke("py-errors", {"exit": 7})
        self.assertEqual(exited["FunctionError"], "Unhandled")
        exit_error = json.loads(exited["Body"])
        self.assertEqual(exit_error["errorType"], "Runtime.ExitError")
        self.assertIn("Runtime exited with error: exit status 7", exit_error["errorMessage"])

        # A replaced environment serves the next call.
        self.assertEqual(json.loads(self.invoke("py-errors", {})["Body"])["count"], 1)

        self.client().update_function_configuration(FunctionName="py-errors", Timeout=60)
        printed = self.invoke("py-errors", {"print_mb": 3}, LogType="Tail")
        self.assertEqual(json.loads(printed["Body"]), "printed")
        self.assertLessEqual(len(base64.b64decode(printed["LogResult"])), 4096)

        self.create_python("py-nohandler", Handler="app.missing")
        missing = self.invoke("py-nohandler")
        self.assertEqual(json.loads(missing["Body"])["errorType"], "Runtime.HandlerNotFound")
        self.create_python("py-nomodule", Handler="nothere.handler")
        nomodule = json.loads(self.invoke("py-nomodule")["Body"])
        self.assertEqual(nomodule["errorType"], "Runtime.ImportModuleError")
        self.assertEqual(nomodule["errorMessage"],
                         "Unable to import module 'nothere': No module named 'nothere'")

    def test_api_errors(self):
        client = self.client()
        errors = client.exceptions
        with self.assertRaises(errors.ResourceNotFoundException):
            client.get_function(FunctionName="does-not-exist")
        with self.assertRaises(errors.InvalidParameterValueException) as bad_zip:
            client.create_function(FunctionName="badzip", Runtime="python3.12", Role=ROLE,
                                   Handler="app.handler", Code={"ZipFile": b"not a zip"})
        self.assertIn("Could not unzip uploaded file", str(bad_zip.exception))
        self.create_python("py-dup")
        with self.assertRaises(errors.ResourceConflictException):
            self.create_python("py-dup")
        with self.assertRaises(errors.RequestTooLargeException) as too_large:
            client.invoke(FunctionName="py-dup", Payload=b'"' + b"x" * (6 * 1024 * 1024) + b'"')
        self.assertEqual(too_large.exception.response["ResponseMetadata"]["HTTPStatusCode"], 413)
        self.assertIn("6291456 bytes", str(too_large.exception))
        # Event invocations take up to 1 MB (AWS raised the limit from 256 KB in 2025).
        accepted = client.invoke(FunctionName="py-dup", InvocationType="Event",
                                 Payload=b'"' + b"x" * (1024 * 1024 - 2) + b'"')
        self.assertEqual(accepted["StatusCode"], 202)
        with self.assertRaises(errors.ClientError) as event_too_large:
            client.invoke(FunctionName="py-dup", InvocationType="Event",
                          Payload=b'"' + b"x" * (1024 * 1024) + b'"')
        error = event_too_large.exception.response
        self.assertEqual(error["Error"]["Code"], "RequestEntityTooLargeException")
        self.assertEqual(error["Error"]["Message"], "1048578 byte payload is too large for the "
                                                    "Event invocation type (limit 1048576 bytes)")
        self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], 413)
        with self.assertRaises(errors.InvalidRequestContentException):
            client.invoke(FunctionName="py-dup", Payload=b"{not json")
        dry = client.invoke(FunctionName="py-dup", InvocationType="DryRun")
        self.assertEqual(dry["StatusCode"], 204)
        self.aws("lambda", "create-function", "--function-name", "cli-bad", "--runtime", "python3.12",
                 "--role", "not-a-role", "--handler", "a.b", "--zip-file",
                 "fileb://" + self.write_zip("bad.zip", {"a.py": "x=1"}), expect_error="ValidationException")
        self.aws("lambda", "create-function", "--function-name", "cli-bad", "--runtime", "python3.12",
                 "--role", ROLE, "--handler", "a.b", "--timeout", "901", "--zip-file",
                 "fileb://" + self.write_zip("bad.zip", {"a.py": "x=1"}), expect_error="ValidationException")

    def test_rules_as_aws(self):
        """Requests real AWS refuses are refused with its codes and messages, and change nothing."""
        client = self.client()
        errors = client.exceptions
        created = self.create_python("py-rules", EphemeralStorage={"Size": 1024})
        self.assertEqual(created["EphemeralStorage"], {"Size": 1024})
        v1 = client.publish_version(FunctionName="py-rules")
        client.create_alias(FunctionName="py-rules", Name="live", FunctionVersion="1")

        # DeleteFunction with Qualifier $LATEST or an alias deletes nothing.
        stderr = self.aws("lambda", "delete-function", "--function-name", "py-rules",
                          "--qualifier", "$LATEST", expect_error="InvalidParameterValueException")
        self.assertIn("$LATEST version cannot be deleted without deleting the function.", stderr)
        stderr = self.aws("lambda", "delete-function", "--function-name", "py-rules",
                          "--qualifier", "live", expect_error="InvalidParameterValueException")
        self.assertIn("Deletion of aliases is not currently supported.", stderr)
        self.assertEqual(client.get_alias(FunctionName="py-rules", Name="live")["FunctionVersion"], "1")

        # Updates of a published version are refused, not applied to $LATEST.
        with self.assertRaises(errors.InvalidParameterValueException) as versioned:
            client.update_function_configuration(FunctionName=v1["FunctionArn"], Timeout=9)
        self.assertIn("Current operation does not support versions other than $LATEST",
                      str(versioned.exception))
        with self.assertRaises(errors.InvalidParameterValueException):
            client.update_function_code(FunctionName="py-rules:1",
                                        ZipFile=make_zip({"app.py": "x = 1"}))
        latest = client.get_function_configuration(FunctionName="py-rules")
        self.assertEqual((latest["Timeout"], latest["CodeSha256"]), (3, created["CodeSha256"]))

        with self.assertRaises(errors.PreconditionFailedException) as stale:
            client.publish_version(FunctionName="py-rules", RevisionId="stale")
        self.assertEqual(stale.exception.response["ResponseMetadata"]["HTTPStatusCode"], 412)
        with self.assertRaises(errors.InvalidParameterValueException):
            client.publish_version(FunctionName="py-rules", CodeSha256="AAAA")

        with self.assertRaises(errors.ClientError) as storage:
            client.update_function_configuration(FunctionName="py-rules",
                                                 EphemeralStorage={"Size": 20000})
        self.assertEqual(storage.exception.response["Error"]["Message"],
                         "1 validation error detected: Value '20000' at 'ephemeralStorage.size' "
                         "failed to satisfy constraint: Member must have value less than or equal "
                         "to 10240")
        updated = client.update_function_configuration(FunctionName="py-rules",
                                                       EphemeralStorage={"Size": 2048})
        self.assertEqual(updated["EphemeralStorage"], {"Size": 2048})

        with self.assertRaises(errors.ClientError) as alias:
            client.create_alias(FunctionName="py-rules", Name="prod", FunctionVersion="prod")
        self.assertEqual(alias.exception.response["Error"]["Code"], "ValidationException")
        with self.assertRaises(errors.InvalidParameterValueException):
            client.create_alias(FunctionName="py-rules", Name="prod", FunctionVersion="$LATEST",
                                RoutingConfig={"AdditionalVersionWeights": {"1": 0.5}})
        with self.assertRaises(errors.ClientError) as env:
            client.update_function_configuration(FunctionName="py-rules",
                                                 Environment={"Variables": {"my-key": "v"}})
        self.assertEqual(env.exception.response["Error"]["Code"], "ValidationException")

        layer = "arn:aws:lambda:us-east-1:000000000000:layer:deps:1"
        with self.assertRaises(errors.InvalidParameterValueException) as layers:
            client.update_function_configuration(FunctionName="py-rules", Layers=[layer])
        self.assertEqual(layers.exception.response["Error"]["Message"],
                         "Layer version %s does not exist." % layer)

        client.put_function_concurrency(FunctionName="py-rules", ReservedConcurrentExecutions=100)
        settings = client.get_account_settings()
        self.assertEqual(settings["AccountLimit"]["UnreservedConcurrentExecutions"], 900)
        functions = client.list_functions()["Functions"]
        self.assertEqual(settings["AccountUsage"]["FunctionCount"], len(functions))
        self.assertGreaterEqual(settings["AccountUsage"]["TotalCodeSize"], 2 * created["CodeSize"])

        # Operations Cloudbench does not emulate answer 501 NotImplemented, naming them.
        for call in (lambda: client.put_provisioned_concurrency_config(
                         FunctionName="py-rules", Qualifier="1",
                         ProvisionedConcurrentExecutions=1),
                     lambda: client.get_function_code_signing_config(FunctionName="py-rules"),
                     lambda: client.publish_layer_version(LayerName="deps",
                                                          Content={"ZipFile": b"zip"}),
                     lambda: client.get_layer_version_by_arn(Arn=layer)):
            with self.assertRaises(errors.ClientError) as unbuilt:
                call()
            self.assertEqual(unbuilt.exception.response["Error"]["Code"], "NotImplemented")
            self.assertEqual(unbuilt.exception.response["ResponseMetadata"]["HTTPStatusCode"], 501)
        self.assertIn("GetLayerVersionByArn", unbuilt.exception.response["Error"]["Message"])

    def write_zip(self, name, files):
        path = os.path.join(self.workdir, name)
        with open(path, "wb") as handle:
            handle.write(make_zip(files))
        return path

    def test_cli_node_and_logs(self):
        if not shutil.which("node"):
            self.skipTest("node is not installed")
        path = self.write_zip("node.zip", {"index.js": NODE_HANDLER, "cb.mjs": NODE_CALLBACK})
        created = self.aws("lambda", "create-function", "--function-name", "node-fn", "--runtime",
                           "nodejs20.x", "--role", ROLE, "--handler", "index.handler",
                           "--zip-file", "fileb://" + path)
        self.assertEqual(created["Runtime"], "nodejs20.x")
        out = os.path.join(self.workdir, "out.json")
        result = self.aws("lambda", "invoke", "--function-name", "node-fn", "--payload",
                          '{"a": 2, "b": 3}', "--cli-binary-format", "raw-in-base64-out",
                          "--log-type", "Tail", out)
        self.assertEqual(result["StatusCode"], 200)
        with open(out) as handle:
            body = json.load(handle)
        self.assertEqual(body["sum"], 5)
        self.assertTrue(body["left"])
        self.assertIn("\tINFO\tnode got {\"a\":2,\"b\":3}", base64.b64decode(result["LogResult"]).decode())

        failed = self.aws("lambda", "invoke", "--function-name", "node-fn", "--payload", '{"fail": 1}',
                          "--cli-binary-format", "raw-in-base64-out", out)
        self.assertEqual(failed["FunctionError"], "Unhandled")
        with open(out) as handle:
            error = json.load(handle)
        self.assertEqual(error["errorType"], "RangeError")
        self.assertEqual(error["errorMessage"], "out of range")

        self.aws("lambda", "update-function-configuration", "--function-name", "node-fn",
                 "--handler", "cb.handler")
        self.aws("lambda", "invoke", "--function-name", "node-fn", "--payload", '{"x": 1}',
                 "--cli-binary-format", "raw-in-base64-out", out)
        with open(out) as handle:
            self.assertEqual(json.load(handle), {"echoed": {"x": 1}})

        streams = self.aws("logs", "describe-log-streams", "--log-group-name", "/aws/lambda/node-fn",
                           "--order-by", "LastEventTime", "--descending")["logStreams"]
        self.assertGreaterEqual(len(streams), 1)
        events = self.aws("logs", "get-log-events", "--log-group-name", "/aws/lambda/node-fn",
                          "--log-stream-name", streams[-1]["logStreamName"], "--start-from-head")["events"]
        self.assertTrue(events[0]["message"].startswith("INIT_START") or
                        events[0]["message"].startswith("START"))

        js = self.node("lambda.cjs", "node-fn")
        self.assertEqual(js["StatusCode"], 200)
        self.assertEqual(js["Payload"], {"echoed": {"from": "js"}})
        self.assertEqual(js["ExecutedVersion"], "$LATEST")

    def test_async_invoke(self):
        self.create_python("py-async")
        response = self.client().invoke(FunctionName="py-async", InvocationType="Event",
                                        Payload=json.dumps({"async": True}))
        self.assertEqual(response["StatusCode"], 202)
        logs = self.boto3_client("logs")
        deadline = time.monotonic() + 60
        messages = []
        while time.monotonic() < deadline:
            try:
                messages = [e["message"] for e in logs.filter_log_events(
                    logGroupName="/aws/lambda/py-async")["events"]]
            except logs.exceptions.ResourceNotFoundException:
                messages = []
            if any(m.startswith("REPORT") for m in messages):
                break
            time.sleep(0.2)
        self.assertIn('got {"async": true}', messages)

    def test_callback_into_cloudbench(self):
        self.create_python("py-callback", code=CALLBACK_HANDLER, Timeout=60)
        response = self.invoke("py-callback")
        self.assertNotIn("FunctionError", response, response["Body"])
        self.assertEqual(json.loads(response["Body"]), {"account": "000000000000"})
        groups = self.boto3_client("logs").describe_log_groups(logGroupNamePrefix="/from/")
        self.assertEqual([g["logGroupName"] for g in groups["logGroups"]], ["/from/lambda"])

    def test_versions_aliases_concurrency(self):
        client = self.client()
        self.create_python("py-versions")
        v1 = client.publish_version(FunctionName="py-versions")
        self.assertEqual(v1["Version"], "1")
        self.assertTrue(v1["FunctionArn"].endswith(":py-versions:1"))
        client.update_function_configuration(FunctionName="py-versions", Environment={"Variables": {"STAGE": "two"}})
        v2 = client.publish_version(FunctionName="py-versions")
        self.assertEqual(v2["Version"], "2")
        versions = [v["Version"] for v in client.list_versions_by_function(FunctionName="py-versions")["Versions"]]
        self.assertEqual(versions, ["$LATEST", "1", "2"])
        self.assertEqual(json.loads(self.invoke("py-versions", Qualifier="1")["Body"])["env"], None)
        self.assertEqual(json.loads(self.invoke("py-versions", Qualifier="2")["Body"])["env"], "two")

        alias = client.create_alias(FunctionName="py-versions", Name="live", FunctionVersion="1",
                                    RoutingConfig={"AdditionalVersionWeights": {"2": 0.5}})
        self.assertTrue(alias["AliasArn"].endswith(":py-versions:live"))
        executed = {self.invoke("py-versions", Qualifier="live")["ExecutedVersion"] for _ in range(30)}
        self.assertEqual(executed, {"1", "2"})
        client.update_alias(FunctionName="py-versions", Name="live", FunctionVersion="2",
                            RoutingConfig={"AdditionalVersionWeights": {}})
        self.assertEqual(self.invoke("py-versions", Qualifier="live")["ExecutedVersion"], "2")
        with self.assertRaises(client.exceptions.ResourceNotFoundException):
            client.invoke(FunctionName="py-versions", Qualifier="9")

        client.put_function_concurrency(FunctionName="py-versions", ReservedConcurrentExecutions=0)
        with self.assertRaises(client.exceptions.TooManyRequestsException) as throttled:
            client.invoke(FunctionName="py-versions")
        self.assertEqual(throttled.exception.response["Error"]["Message"], "Rate Exceeded.")
        self.assertEqual(throttled.exception.response["ResponseMetadata"]["HTTPStatusCode"], 429)
        self.assertEqual(client.get_function_concurrency(FunctionName="py-versions")
                         ["ReservedConcurrentExecutions"], 0)
        client.delete_function_concurrency(FunctionName="py-versions")
        self.assertEqual(self.invoke("py-versions")["StatusCode"], 200)

        arn = client.get_function(FunctionName="py-versions")["Configuration"]["FunctionArn"]
        client.tag_resource(Resource=arn, Tags={"team": "exam"})
        self.assertEqual(client.list_tags(Resource=arn)["Tags"], {"team": "exam"})
        client.add_permission(FunctionName="py-versions", StatementId="s3", Action="lambda:InvokeFunction",
                              Principal="s3.amazonaws.com")
        policy = json.loads(client.get_policy(FunctionName="py-versions")["Policy"])
        self.assertEqual(policy["Statement"][0]["Principal"], {"Service": "s3.amazonaws.com"})
        client.delete_function(FunctionName="py-versions")
        with self.assertRaises(client.exceptions.ResourceNotFoundException):
            client.get_function_configuration(FunctionName="py-versions")


class LogsTest(ServerTestCase):

    def test_logs_cli_and_boto3(self):
        self.aws("logs", "create-log-group", "--log-group-name", "/app/web")
        self.aws("logs", "create-log-group", "--log-group-name", "/app/web",
                 expect_error="ResourceAlreadyExistsException")
        self.aws("logs", "create-log-stream", "--log-group-name", "/app/web", "--log-stream-name", "i-1")
        now = int(time.time() * 1000)
        events = json.dumps([{"timestamp": now + i, "message": m}
                             for i, m in enumerate(["INFO start", "ERROR disk full", "INFO done"])])
        put = self.aws("logs", "put-log-events", "--log-group-name", "/app/web", "--log-stream-name", "i-1",
                       "--log-events", events)
        self.assertIn("nextSequenceToken", put)
        got = self.aws("logs", "get-log-events", "--log-group-name", "/app/web", "--log-stream-name", "i-1",
                       "--start-from-head")
        self.assertEqual([e["message"] for e in got["events"]], ["INFO start", "ERROR disk full", "INFO done"])
        found = self.aws("logs", "filter-log-events", "--log-group-name", "/app/web",
                         "--filter-pattern", "ERROR")
        self.assertEqual([e["message"] for e in found["events"]], ["ERROR disk full"])
        self.aws("logs", "put-retention-policy", "--log-group-name", "/app/web", "--retention-in-days", "7")
        group = self.aws("logs", "describe-log-groups", "--log-group-name-prefix", "/app")["logGroups"][0]
        self.assertEqual(group["retentionInDays"], 7)
        self.aws("logs", "put-retention-policy", "--log-group-name", "/app/web", "--retention-in-days", "2",
                 expect_error="InvalidParameterException")

        logs = self.boto3_client("logs")
        with self.assertRaises(logs.exceptions.ResourceNotFoundException):
            logs.get_log_events(logGroupName="/app/web", logStreamName="nope")
        with self.assertRaises(logs.exceptions.InvalidParameterException):
            logs.put_log_events(logGroupName="/app/web", logStreamName="i-1",
                                logEvents=[{"timestamp": now, "message": "b"},
                                           {"timestamp": now - 10, "message": "a"}])
        # The CLI and boto3 paginate GetLogEvents until the token repeats.
        paginated = []
        token = None
        for _ in range(10):
            kwargs = dict(logGroupName="/app/web", logStreamName="i-1", limit=1, startFromHead=True)
            if token:
                kwargs["nextToken"] = token
            page = logs.get_log_events(**kwargs)
            paginated += [e["message"] for e in page["events"]]
            if page["nextForwardToken"] == token:
                break
            token = page["nextForwardToken"]
        self.assertEqual(paginated, ["INFO start", "ERROR disk full", "INFO done"])
        arn = group["arn"].rstrip(":*")
        logs.tag_resource(resourceArn=arn, tags={"env": "test"})
        self.assertEqual(logs.list_tags_for_resource(resourceArn=arn)["tags"], {"env": "test"})
        logs.delete_log_group(logGroupName="/app/web")
        self.assertEqual(logs.describe_log_groups()["logGroups"], [])


if __name__ == "__main__":
    unittest.main()
