# SPDX-License-Identifier: MIT
"""CloudWatch alarm actions invoke Lambda: an alarm whose AlarmActions name a function invokes
it asynchronously with the AWS alarm event when it goes to ALARM (here through SetAlarmState,
which triggers actions on AWS too); the history records the action as Succeeded, and an action
naming a missing function is recorded as Failed."""
import json
import time

from cbtest import ServerTestCase, make_zip

ROLE = "arn:aws:iam::000000000000:role/alarm-handler"
HANDLER = '''
import json
def handler(event, context):
    print("ALARM-EVENT", json.dumps(event))
'''



class AlarmActions(ServerTestCase):
    def test_alarm_invokes_lambda(self):
        lam = self.boto3_client("lambda")
        cw = self.boto3_client("cloudwatch")
        logs = self.boto3_client("logs")
        arn = lam.create_function(FunctionName="on-alarm", Runtime="python3.12", Role=ROLE,
                                  Handler="app.handler",
                                  Code={"ZipFile": make_zip(HANDLER)})["FunctionArn"]
        missing = "arn:aws:lambda:us-east-1:000000000000:function:nobody"
        cw.put_metric_alarm(AlarmName="orders-backlog", Namespace="Shop", MetricName="Depth",
                            Statistic="Maximum", Period=60, EvaluationPeriods=1, Threshold=100,
                            ComparisonOperator="GreaterThanThreshold",
                            AlarmActions=[arn, missing])
        cw.set_alarm_state(AlarmName="orders-backlog", StateValue="ALARM",
                           StateReason="teacher pressed the button")

        deadline = time.monotonic() + 60
        found = []
        while time.monotonic() < deadline and not found:
            try:
                found = logs.filter_log_events(logGroupName="/aws/lambda/on-alarm",
                                               filterPattern="ALARM-EVENT")["events"]
            except logs.exceptions.ResourceNotFoundException:
                pass
            time.sleep(0.5)
        self.assertTrue(found, "the alarm action did not invoke the function")
        event = json.loads(found[0]["message"].split("ALARM-EVENT", 1)[1])
        self.assertEqual(event["source"], "aws.cloudwatch")
        self.assertEqual(event["alarmData"]["alarmName"], "orders-backlog")
        self.assertEqual(event["alarmData"]["state"]["value"], "ALARM")

        history = cw.describe_alarm_history(AlarmName="orders-backlog",
                                            HistoryItemType="Action")["AlarmHistoryItems"]
        states = sorted(json.loads(item["HistoryData"])["actionState"] for item in history)
        self.assertEqual(states, ["Failed", "Succeeded"], history)


if __name__ == "__main__":
    import unittest
    unittest.main()
