# SPDX-License-Identifier: MIT
"""CloudWatch end to end with every protocol its clients speak: the AWS CLI v2 and boto3 1.26
(Query), the JS SDK v3 (JSON 1.0, query-compatible) and a hand-built Smithy RPC v2 CBOR request.
Data goes in, statistics and metric math come out, an alarm reaches ALARM within its periods on
the real clock and its history shows the transition; bad input gets AWS's error in the request's
own protocol and stores nothing."""
import datetime
import gzip
import os
import shutil
import subprocess
import http.client
import json
import math
import struct
import time
import unittest

from cbtest import ServerTestCase

CBOR_PATH = "/service/GraniteServiceVersion20100801/operation/"

# Run by a newer boto3 (botocore >= 1.36 speaks Smithy RPC v2 CBOR to CloudWatch, gzips big
# PutMetricData bodies): put 1000 datums, read statistics, create an alarm, provoke an error.
NEW_BOTO3_SCRIPT = r"""
import datetime, json, sys, boto3, botocore
cw = boto3.client("cloudwatch", endpoint_url=sys.argv[1], region_name="us-east-1",
                  aws_access_key_id="test", aws_secret_access_key="test")
protocol = cw.meta.service_model.protocol
now = datetime.datetime.now(datetime.timezone.utc)
cw.put_metric_data(Namespace="NewBoto", MetricData=[
    {"MetricName": "Load", "Value": float(i % 10), "Unit": "Percent", "Timestamp": now} for i in range(1000)])
stats = cw.get_metric_statistics(Namespace="NewBoto", MetricName="Load", Period=60, Unit="Percent",
                                 StartTime=now - datetime.timedelta(minutes=2),
                                 EndTime=now + datetime.timedelta(minutes=1),
                                 Statistics=["SampleCount", "Maximum"], ExtendedStatistics=["p50"])
cw.put_metric_alarm(AlarmName="new-boto", Namespace="NewBoto", MetricName="Load", Statistic="Maximum",
                    Period=60, EvaluationPeriods=1, Threshold=50, ComparisonOperator="GreaterThanThreshold")
alarm = cw.describe_alarms(AlarmNames=["new-boto"])["MetricAlarms"][0]
try:
    cw.put_metric_data(Namespace="AWS/SQS", MetricData=[{"MetricName": "X", "Value": 1.0}])
    error = None
except botocore.exceptions.ClientError as e:
    error = e.response["Error"]["Code"]
point = stats["Datapoints"][0]
print(json.dumps({"protocol": protocol, "count": point["SampleCount"], "max": point["Maximum"],
                  "p50": point["ExtendedStatistics"]["p50"], "timestampType": type(point["Timestamp"]).__name__,
                  "state": alarm["StateValue"], "error": error}))
"""


# --- a tiny CBOR codec (RFC 8949 subset: what the RPC v2 protocol uses) -------------------------
def cbor_encode(value):
    def head(major, n):
        if n < 24:
            return bytes([major << 5 | n])
        for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
            if n < 1 << (8 * struct.calcsize(fmt)):
                return bytes([major << 5 | info]) + struct.pack(fmt, n)
        raise ValueError(n)

    if isinstance(value, bool):
        return b"\xf5" if value else b"\xf4"
    if value is None:
        return b"\xf6"
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, str):
        data = value.encode()
        return head(3, len(data)) + data
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, datetime.datetime):
        return b"\xc1" + cbor_encode(value.timestamp())  # tag 1: epoch seconds
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(cbor_encode(k) + cbor_encode(v) for k, v in value.items())
    raise TypeError(type(value))


def cbor_decode(data):
    def item(pos):
        initial = data[pos]
        major, info = initial >> 5, initial & 31
        pos += 1
        if major == 7:
            if info == 20:
                return False, pos
            if info == 21:
                return True, pos
            if info in (22, 23):
                return None, pos
            if info == 25:
                half = struct.unpack(">e", data[pos:pos + 2])[0]
                return half, pos + 2
            if info == 26:
                return struct.unpack(">f", data[pos:pos + 4])[0], pos + 4
            if info == 27:
                return struct.unpack(">d", data[pos:pos + 8])[0], pos + 8
            raise ValueError(info)
        if info < 24:
            n = info
        elif info == 31:
            n = None
        else:
            size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
            n = int.from_bytes(data[pos:pos + size], "big")
            pos += size
        if major == 0:
            return n, pos
        if major == 1:
            return -1 - n, pos
        if major in (2, 3):
            chunk = data[pos:pos + n]
            return (chunk.decode() if major == 3 else chunk), pos + n
        if major == 4:
            out = []
            for _ in range(n):
                value, pos = item(pos)
                out.append(value)
            return out, pos
        if major == 5:
            out = {}
            while n is None and data[pos] != 0xFF or n is not None and len(out) < n:
                key, pos = item(pos)
                out[key], pos = item(pos)
            return out, pos + (1 if n is None else 0)
        if major == 6:
            value, pos = item(pos)
            return (("tag", n, value) if n != 1 else datetime.datetime.fromtimestamp(value, datetime.timezone.utc)), pos
        raise ValueError(major)

    value, _ = item(0)
    return value


class CloudWatchTest(ServerTestCase):

    def cbor(self, operation, body):
        """Sends one RPC v2 CBOR request; returns (status, headers, decoded body)."""
        raw = body if isinstance(body, bytes) else cbor_encode(body)
        stamp = datetime.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        connection.request("POST", CBOR_PATH + operation, body=raw, headers={
            "smithy-protocol": "rpc-v2-cbor",
            "Content-Type": "application/cbor",
            "Accept": "application/cbor",
            "X-Amz-Date": stamp,
            "Authorization": "AWS4-HMAC-SHA256 Credential=test/%s/us-east-1/monitoring/aws4_request, "
                             "SignedHeaders=host;x-amz-date, Signature=%s" % (stamp[:8], "0" * 64),
        })
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        headers = {k.lower(): v for k, v in response.getheaders()}
        return response.status, headers, (cbor_decode(payload) if payload else {})

    def wait_for_state(self, describe, state, timeout=60):
        deadline = time.monotonic() + timeout
        current = None
        while time.monotonic() < deadline:
            current = describe()
            if current == state:
                return
            time.sleep(1)
        self.fail(f"alarm stayed {current}, expected {state}")

    # --- AWS CLI v2 (Query) -------------------------------------------------------------------
    def test_cli_alarm_reaches_alarm_and_history_shows_it(self):
        now = datetime.datetime.now(datetime.timezone.utc)
        data = [{"MetricName": "Errors", "Value": 5, "Unit": "Count", "StorageResolution": 1,
                 "Timestamp": (now - datetime.timedelta(seconds=s)).isoformat()} for s in (25, 15, 5)]
        self.aws("cloudwatch", "put-metric-data", "--namespace", "CliApp", "--metric-data", json.dumps(data))
        stats = self.aws("cloudwatch", "get-metric-statistics", "--namespace", "CliApp", "--metric-name", "Errors",
                         "--start-time", (now - datetime.timedelta(minutes=4)).isoformat(),
                         "--end-time", (now + datetime.timedelta(minutes=1)).isoformat(),
                         "--period", "300", "--statistics", "Sum", "SampleCount", "Maximum")
        self.assertEqual(len(stats["Datapoints"]), 1)
        self.assertEqual(stats["Datapoints"][0]["Sum"], 15.0)
        self.assertEqual(stats["Datapoints"][0]["SampleCount"], 3.0)
        self.assertEqual(stats["Datapoints"][0]["Unit"], "Count")
        metrics = self.aws("cloudwatch", "list-metrics", "--namespace", "CliApp")["Metrics"]
        self.assertEqual([m["MetricName"] for m in metrics], ["Errors"])

        self.aws("cloudwatch", "put-metric-alarm", "--alarm-name", "cli-errors", "--namespace", "CliApp",
                 "--metric-name", "Errors", "--statistic", "Maximum", "--period", "10",
                 "--evaluation-periods", "2", "--datapoints-to-alarm", "1", "--threshold", "3",
                 "--comparison-operator", "GreaterThanThreshold",
                 "--alarm-actions", "arn:aws:sns:us-east-1:000000000000:ops")
        # Keep the metric breaching while the alarm evaluates its 10-second periods.
        def describe():
            self.aws("cloudwatch", "put-metric-data", "--namespace", "CliApp", "--metric-name", "Errors",
                     "--value", "5", "--storage-resolution", "1")
            return self.aws("cloudwatch", "describe-alarms", "--alarm-names", "cli-errors")["MetricAlarms"][0]["StateValue"]
        self.wait_for_state(describe, "ALARM")
        history = self.aws("cloudwatch", "describe-alarm-history", "--alarm-name", "cli-errors",
                           "--history-item-type", "StateUpdate")["AlarmHistoryItems"]
        self.assertEqual(history[0]["HistorySummary"], "Alarm updated from INSUFFICIENT_DATA to ALARM")
        data = json.loads(history[0]["HistoryData"])
        self.assertEqual(data["oldState"], {"stateValue": "INSUFFICIENT_DATA",
                                            "stateReason": "Unchecked: Initial alarm creation"})
        self.assertEqual(data["newState"]["stateValue"], "ALARM")
        self.assertRegex(data["newState"]["stateReason"],
                         r"^Threshold Crossed: (1 out of the last 2 datapoints \[5\.0 \([\d/ :]{17}\)\] was|"
                         r"2 out of the last 2 datapoints \[5\.0 \([\d/ :]{17}\), 5\.0 \([\d/ :]{17}\)\] were)"
                         r" greater than the threshold \(3\.0\) \(minimum 1 datapoint for OK -> ALARM transition\)\.$")
        actions = self.aws("cloudwatch", "describe-alarm-history", "--alarm-name", "cli-errors",
                           "--history-item-type", "Action")["AlarmHistoryItems"]
        self.assertIn("arn:aws:sns:us-east-1:000000000000:ops", actions[0]["HistorySummary"])

    def test_cli_bad_input_stores_nothing(self):
        old = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=15)).isoformat()
        cases = [
            (["--namespace", "AWS/EC2", "--metric-name", "X", "--value", "1"], "InvalidParameterValue",
             "The value AWS/EC2 for parameter Namespace is invalid."),
            (["--namespace", "BadApp", "--metric-name", "X", "--value", "NaN"], "InvalidParameterValue",
             "The value NaN for parameter MetricData.member.1.Value is invalid."),
            (["--namespace", "BadApp", "--metric-name", "X", "--value", "Infinity"], "InvalidParameterValue",
             "The value Infinity for parameter MetricData.member.1.Value is invalid."),
            (["--namespace", "BadApp", "--metric-name", "X", "--value", "1", "--timestamp", old],
             "InvalidParameterValue", "must specify a time no more than two weeks in the past."),
            (["--namespace", "BadApp", "--metric-data",
              json.dumps([{"MetricName": "X", "Value": 1,
                           "Dimensions": [{"Name": f"D{i}", "Value": "v"} for i in range(31)]}])],
             "InvalidParameterValue",
             "The collection MetricData.member.1.Dimensions must not have a size greater than 30."),
            (["--namespace", "BadApp", "--metric-data",
              json.dumps([{"MetricName": "X", "Value": 1, "StatisticValues":
                           {"SampleCount": 1, "Sum": 1, "Minimum": 1, "Maximum": 1}}])],
             "InvalidParameterCombination", "are mutually exclusive"),
        ]
        for args, code, message in cases:
            with self.subTest(args=args[:4]):
                stderr = self.aws("cloudwatch", "put-metric-data", *args, expect_error=code)
                self.assertIn(message, stderr)
        self.assertEqual(self.aws("cloudwatch", "list-metrics", "--namespace", "BadApp")["Metrics"], [])
        now = datetime.datetime.now(datetime.timezone.utc)
        stderr = self.aws("cloudwatch", "get-metric-statistics", "--namespace", "BadApp", "--metric-name", "X",
                          "--start-time", (now - datetime.timedelta(hours=1)).isoformat(),
                          "--end-time", now.isoformat(), "--period", "61", "--statistics", "Sum",
                          expect_error="InvalidParameterValue")
        self.assertIn("The parameter Period must be a multiple of 60.", stderr)
        self.aws("cloudwatch", "get-metric-statistics", "--namespace", "BadApp", "--metric-name", "X",
                 "--start-time", (now - datetime.timedelta(days=2)).isoformat(),
                 "--end-time", now.isoformat(), "--period", "60", "--statistics", "Sum",
                 expect_error="InvalidParameterCombination")

    # --- boto3 (Query) --------------------------------------------------------------------------
    def test_boto3_metrics_math_composite_and_errors(self):
        from botocore.exceptions import ClientError
        cw = self.boto3_client("cloudwatch")
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        cw.put_metric_data(Namespace="BotoApp", MetricData=[
            {"MetricName": "Latency", "Dimensions": [{"Name": "Api", "Value": "cart"}],
             "Values": [10, 20, 30, 40], "Counts": [1, 1, 1, 7], "Unit": "Milliseconds", "Timestamp": now},
            {"MetricName": "Calls", "Value": 8, "Unit": "Count", "Timestamp": now},
            {"MetricName": "Failures", "Value": 2, "Unit": "Count", "Timestamp": now},
        ])
        stats = cw.get_metric_statistics(
            Namespace="BotoApp", MetricName="Latency", Dimensions=[{"Name": "Api", "Value": "cart"}],
            StartTime=now - datetime.timedelta(minutes=5), EndTime=now + datetime.timedelta(minutes=1),
            Period=60, Statistics=["Average", "Minimum", "Maximum"], ExtendedStatistics=["p50", "p90"],
            Unit="Milliseconds")
        point = stats["Datapoints"][0]
        self.assertEqual((point["Average"], point["Minimum"], point["Maximum"]), (34.0, 10.0, 40.0))
        self.assertEqual(point["ExtendedStatistics"], {"p50": 40.0, "p90": 40.0})
        self.assertEqual(point["Timestamp"], now.replace(second=0))

        data = cw.get_metric_data(
            StartTime=now - datetime.timedelta(minutes=5), EndTime=now + datetime.timedelta(minutes=1),
            MetricDataQueries=[
                {"Id": "calls", "ReturnData": False, "MetricStat": {
                    "Metric": {"Namespace": "BotoApp", "MetricName": "Calls"}, "Period": 60, "Stat": "Sum"}},
                {"Id": "failures", "ReturnData": False, "MetricStat": {
                    "Metric": {"Namespace": "BotoApp", "MetricName": "Failures"}, "Period": 60, "Stat": "Sum"}},
                {"Id": "rate", "Expression": "100 * failures / calls", "Label": "Failure rate"},
            ])
        result = data["MetricDataResults"][0]
        self.assertEqual((result["Id"], result["Label"], result["Values"]), ("rate", "Failure rate", [25.0]))

        # SEARCH(): one result per metric the search expression finds, under the query's Id.
        cw.put_metric_data(Namespace="BotoApp", MetricData=[
            {"MetricName": "Latency", "Dimensions": [{"Name": "Api", "Value": "search"}],
             "Value": 5, "Unit": "Milliseconds", "Timestamp": now}])
        found = cw.get_metric_data(
            StartTime=now - datetime.timedelta(minutes=5), EndTime=now + datetime.timedelta(minutes=1),
            MetricDataQueries=[{"Id": "latency", "Expression":
                                "SEARCH('{BotoApp,Api} MetricName=\"Latency\"', 'Maximum', 60)"}])
        self.assertEqual(sorted((r["Id"], r["Label"], r["Values"]) for r in found["MetricDataResults"]),
                         [("latency", "Latency cart", [40.0]), ("latency", "Latency search", [5.0])])
        cli = self.aws("cloudwatch", "get-metric-data",
                       "--start-time", (now - datetime.timedelta(minutes=5)).isoformat(),
                       "--end-time", (now + datetime.timedelta(minutes=1)).isoformat(),
                       "--metric-data-queries", json.dumps([{
                           "Id": "busiest", "Label": "Busiest API",
                           "Expression": "MAX(SEARCH('{BotoApp,Api} Latency', 'Maximum', 60))"}]))
        self.assertEqual([(r["Label"], r["Values"]) for r in cli["MetricDataResults"]],
                         [("Busiest API", [40.0])])
        with self.assertRaises(ClientError) as caught:
            cw.get_metric_data(
                StartTime=now - datetime.timedelta(minutes=5), EndTime=now,
                MetricDataQueries=[{"Id": "bad", "Expression": "SEARCH('(Latency', 'Maximum', 60)"}])
        self.assertEqual(caught.exception.response["Error"]["Code"], "ValidationError")

        for name in ("db", "web"):
            cw.put_metric_alarm(AlarmName=name, Namespace="BotoApp", MetricName="Calls", Statistic="Sum",
                                Period=60, EvaluationPeriods=1, Threshold=100,
                                ComparisonOperator="GreaterThanThreshold")
        cw.put_composite_alarm(AlarmName="site", AlarmRule='ALARM("db") OR ALARM(web)')
        cw.set_alarm_state(AlarmName="db", StateValue="ALARM", StateReason="drill")
        composite = cw.describe_alarms(AlarmTypes=["CompositeAlarm"])["CompositeAlarms"][0]
        self.assertEqual((composite["AlarmName"], composite["StateValue"]), ("site", "ALARM"))
        self.assertEqual(cw.describe_alarms(StateValue="ALARM")["MetricAlarms"][0]["AlarmName"], "db")
        for_metric = cw.describe_alarms_for_metric(Namespace="BotoApp", MetricName="Calls")["MetricAlarms"]
        self.assertEqual(sorted(a["AlarmName"] for a in for_metric), ["db", "web"])
        arn = for_metric[0]["AlarmArn"]
        cw.tag_resource(ResourceARN=arn, Tags=[{"Key": "team", "Value": "red"}])
        self.assertEqual(cw.list_tags_for_resource(ResourceARN=arn)["Tags"], [{"Key": "team", "Value": "red"}])

        with self.assertRaises(ClientError) as caught:
            cw.put_composite_alarm(AlarmName="broken", AlarmRule="ALARM(db) AND")
        self.assertEqual(caught.exception.response["Error"]["Code"], "ValidationError")
        with self.assertRaises(ClientError) as caught:
            cw.delete_alarms(AlarmNames=["ghost"])
        self.assertEqual(caught.exception.response["Error"]["Code"], "ResourceNotFound")
        with self.assertRaises(ClientError) as caught:
            cw.put_composite_alarm(AlarmName="dangling", AlarmRule="ALARM(db) OR ALARM(does-not-exist)")
        self.assertEqual(caught.exception.response["Error"]["Message"],
                         "Could not save the composite alarm as alarms [does-not-exist] in the alarm "
                         "rule do not exist")
        self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        with self.assertRaises(ClientError) as caught:
            cw.put_metric_data(Namespace="BotoApp", MetricData=[{"MetricName": "X", "Value": float("nan")}])
        self.assertEqual(caught.exception.response["Error"]["Code"], "InvalidParameterValue")
        with self.assertRaises(ClientError) as caught:
            cw.put_metric_data(Namespace="BotoApp", MetricData=[{"MetricName": "X", "Value": 1e300}])
        self.assertEqual(caught.exception.response["Error"]["Code"], "InvalidParameterValue")
        self.assertEqual(caught.exception.response["Error"]["Message"],
                         "The value 1.0E300 for parameter MetricData.member.1.Value is invalid.")
        cw.delete_alarms(AlarmNames=["site"])
        self.assertEqual(cw.describe_alarms(AlarmTypes=["CompositeAlarm"])["CompositeAlarms"], [])

    def test_composite_children_and_parents(self):
        """DescribeAlarms ChildrenOfAlarmName / ParentsOfAlarmName follow AlarmRule both ways, with
        only the fields AWS returns, and refuse other filters (AWS CLI and boto3)."""
        from botocore.exceptions import ClientError
        cw = self.boto3_client("cloudwatch")
        for name in ("kids-db", "kids-web", "kids-unrelated"):
            cw.put_metric_alarm(AlarmName=name, Namespace="KidsApp", MetricName="Calls", Statistic="Sum",
                                Period=60, EvaluationPeriods=1, Threshold=100,
                                ComparisonOperator="GreaterThanThreshold")
        cw.put_composite_alarm(AlarmName="kids-backend",
                               AlarmRule='ALARM("kids-db") OR ALARM(arn:aws:cloudwatch:us-east-1:000000000000:alarm:kids-web)')
        cw.put_composite_alarm(AlarmName="kids-site", AlarmRule="ALARM(kids-backend) AND NOT OK(kids-db)")
        cw.set_alarm_state(AlarmName="kids-db", StateValue="ALARM", StateReason="drill")

        children = self.aws("cloudwatch", "describe-alarms", "--children-of-alarm-name", "kids-backend")
        self.assertEqual([a["AlarmName"] for a in children["MetricAlarms"]], ["kids-db", "kids-web"])
        self.assertEqual(children["CompositeAlarms"], [])
        db = children["MetricAlarms"][0]
        self.assertEqual(sorted(db), ["AlarmArn", "AlarmName", "StateUpdatedTimestamp", "StateValue"])
        self.assertEqual(db["StateValue"], "ALARM")
        self.assertEqual(db["AlarmArn"], "arn:aws:cloudwatch:us-east-1:000000000000:alarm:kids-db")

        site_children = cw.describe_alarms(ChildrenOfAlarmName="kids-site")
        self.assertEqual([a["AlarmName"] for a in site_children["CompositeAlarms"]], ["kids-backend"])
        self.assertEqual([a["AlarmName"] for a in site_children["MetricAlarms"]], ["kids-db"])

        parents = cw.describe_alarms(ParentsOfAlarmName="kids-db")
        self.assertEqual([a["AlarmName"] for a in parents["CompositeAlarms"]], ["kids-backend", "kids-site"])
        self.assertEqual(sorted(parents["CompositeAlarms"][0]), ["AlarmArn", "AlarmName"])
        self.assertEqual(parents["MetricAlarms"], [])
        self.assertEqual(cw.describe_alarms(ParentsOfAlarmName="kids-unrelated")["CompositeAlarms"], [])
        self.assertEqual(cw.describe_alarms(ChildrenOfAlarmName="kids-db")["MetricAlarms"], [])

        first = cw.describe_alarms(ParentsOfAlarmName="kids-db", MaxRecords=1)
        self.assertEqual([a["AlarmName"] for a in first["CompositeAlarms"]], ["kids-backend"])
        rest = cw.describe_alarms(ParentsOfAlarmName="kids-db", MaxRecords=1, NextToken=first["NextToken"])
        self.assertEqual([a["AlarmName"] for a in rest["CompositeAlarms"]], ["kids-site"])
        self.assertNotIn("NextToken", rest)

        for kwargs in ({"ChildrenOfAlarmName": "kids-site", "StateValue": "ALARM"},
                       {"ParentsOfAlarmName": "kids-db", "AlarmNamePrefix": "kids"},
                       {"ChildrenOfAlarmName": "kids-site", "ParentsOfAlarmName": "kids-db"}):
            with self.subTest(kwargs=kwargs), self.assertRaises(ClientError) as caught:
                cw.describe_alarms(**kwargs)
            self.assertEqual(caught.exception.response["Error"]["Code"], "ValidationError")
            self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)

    # --- JS SDK v3 (JSON 1.0) -------------------------------------------------------------------
    def test_js_sdk(self):
        out = self.node("cloudwatch.cjs", "JsApp")
        self.assertEqual(out["datapoints"], [{"Sum": 11, "SampleCount": 5, "Unit": "Count", "p50": 2, "isDate": True}])
        self.assertEqual(out["metricData"], [{"Id": "e1", "Label": "double", "Values": [22],
                                              "StatusCode": "Complete", "timestamps": 1},
                                             {"Id": "s1", "Label": "Requests orders", "Values": [11],
                                              "StatusCode": "Complete", "timestamps": 1}])
        self.assertEqual(out["alarms"], [{"AlarmName": "JsApp-alarm", "StateValue": "INSUFFICIENT_DATA",
                                          "DatapointsToAlarm": 2, "TreatMissingData": "notBreaching"}])
        self.assertEqual(out["metrics"], 1)
        errors = out["errors"]
        self.assertEqual(errors["reserved"]["code"], "InvalidParameterValue")
        self.assertEqual(errors["reserved"]["message"], "The value AWS/Lambda for parameter Namespace is invalid.")
        self.assertEqual(errors["badPeriod"]["code"], "InvalidParameterValue")
        self.assertEqual(errors["missing"]["code"], "MissingParameter")
        self.assertEqual(errors["missing"]["status"], 400)

    def test_gzip_json_body(self):
        """Newer SDKs gzip PutMetricData bodies (requestcompression); JSON 1.0 with query mode."""
        body = json.dumps({"Namespace": "GzipApp", "MetricData": [
            {"MetricName": "Bytes", "Value": float(i), "Unit": "Bytes"} for i in range(400)]}).encode()
        stamp = datetime.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
        headers = {"Content-Type": "application/x-amz-json-1.0", "Content-Encoding": "gzip",
                   "X-Amz-Target": "GraniteServiceVersion20100801.PutMetricData", "x-amzn-query-mode": "true",
                   "X-Amz-Date": stamp,
                   "Authorization": "AWS4-HMAC-SHA256 Credential=test/%s/us-east-1/monitoring/aws4_request, "
                                    "SignedHeaders=host, Signature=%s" % (stamp[:8], "0" * 64)}
        for payload, status in ((gzip.compress(body), 200), (b"not gzip at all", 400)):
            connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
            connection.request("POST", "/", body=payload, headers=headers)
            response = connection.getresponse()
            answer = response.read()
            connection.close()
            self.assertEqual(response.status, status, answer)
        cw = self.boto3_client("cloudwatch")
        now = datetime.datetime.now(datetime.timezone.utc)
        stats = cw.get_metric_statistics(Namespace="GzipApp", MetricName="Bytes", Period=300,
                                         StartTime=now - datetime.timedelta(minutes=4),
                                         EndTime=now + datetime.timedelta(minutes=1), Statistics=["SampleCount", "Sum"])
        self.assertEqual(stats["Datapoints"][0]["SampleCount"], 400.0)
        self.assertEqual(stats["Datapoints"][0]["Sum"], float(sum(range(400))))

    def test_newest_boto3_speaks_cbor(self):
        """Whatever newer python3 is on PATH (not Debian's): skipped when its botocore is old."""
        candidates = [p for p in (shutil.which("python3"), "/usr/local/bin/python3") if p and
                      os.path.realpath(p) != os.path.realpath("/usr/bin/python3")]
        for interpreter in candidates:
            probe = subprocess.run([interpreter, "-c", "import botocore; print(botocore.__version__)"],
                                   capture_output=True, text=True)
            version = tuple(int(x) for x in probe.stdout.strip().split(".")[:2]) if probe.returncode == 0 else ()
            if version >= (1, 36):
                break
        else:
            self.skipTest("no python3 with botocore >= 1.36 (Smithy RPC v2 CBOR) on this machine")
        result = subprocess.run([interpreter, "-c", NEW_BOTO3_SCRIPT, self.endpoint],
                                capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        out = json.loads(result.stdout)
        self.assertEqual(out, {"protocol": "smithy-rpc-v2-cbor", "count": 1000.0, "max": 9.0, "p50": 4.0,
                               "timestampType": "datetime", "state": "INSUFFICIENT_DATA",
                               "error": "InvalidParameterValue"})

    # --- RPC v2 CBOR ----------------------------------------------------------------------------
    def test_cbor(self):
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        status, headers, body = self.cbor("PutMetricData", {"Namespace": "CborApp", "MetricData": [
            {"MetricName": "Depth", "Value": 7.5, "Timestamp": now, "Unit": "Count"},
            {"MetricName": "Depth", "Value": 2.5, "Timestamp": now, "Unit": "Count"}]})
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["smithy-protocol"], "rpc-v2-cbor")
        status, _, body = self.cbor("GetMetricStatistics", {
            "Namespace": "CborApp", "MetricName": "Depth", "Period": 60, "Statistics": ["Sum", "Maximum"],
            "StartTime": now - datetime.timedelta(minutes=3), "EndTime": now + datetime.timedelta(minutes=1)})
        self.assertEqual(status, 200, body)
        point = body["Datapoints"][0]
        self.assertEqual((point["Sum"], point["Maximum"], point["Unit"]), (10.0, 7.5, "Count"))
        self.assertEqual(point["Timestamp"], now.replace(second=0))

        status, headers, body = self.cbor("PutMetricData", {"Namespace": "CborBad", "MetricData": [
            {"MetricName": "Depth", "Value": math.inf}]})
        self.assertEqual(status, 400)
        self.assertEqual(body["__type"], "com.amazonaws.cloudwatch#InvalidParameterValueException")
        self.assertEqual(body["message"], "The value Infinity for parameter MetricData.member.1.Value is invalid.")
        self.assertEqual(headers["x-amzn-query-error"], "InvalidParameterValue;Sender")
        status, _, body = self.cbor("PutMetricData", {"MetricData": [{"MetricName": "Depth", "Value": 1.0}]})
        self.assertEqual((status, body["__type"]), (400, "com.amazonaws.cloudwatch#MissingRequiredParameterException"))
        status, _, body = self.cbor("PutMetricData", b"\xbf\x61")  # truncated map
        self.assertEqual(status, 400)
        self.assertIn("SerializationException", body["__type"])
        status, _, body = self.cbor("ListMetrics", {"Namespace": "CborBad"})
        self.assertEqual((status, body["Metrics"]), (200, []))


if __name__ == "__main__":
    unittest.main()
