# SPDX-License-Identifier: MIT
"""Compares the operations each handler answers (GET /_cloudbench/operations) with botocore's
service models from Debian's python3-botocore: every name we answer must be a real AWS operation
(a typo would otherwise be a silent 501), and the coverage per service is printed."""
import json
import os
import unittest
import urllib.request

from cbtest import ServerTestCase

MODELS = "/usr/lib/python3/dist-packages/botocore/data"
# Our service id -> botocore's folder name
BOTOCORE_NAMES = {"s3": "s3", "sqs": "sqs", "dynamodb": "dynamodb",
                  "dynamodbstreams": "dynamodbstreams", "lambda": "lambda",
                  "logs": "logs", "cloudwatch": "cloudwatch", "sts": "sts"}
# Real AWS operations added after botocore 1.29 (Debian's models); the JS SDK v3 sends them.
NEWER_OPERATIONS = {"sqs": {"StartMessageMoveTask", "ListMessageMoveTasks", "CancelMessageMoveTask"},
                    "lambda": {"GetFunctionRecursionConfig", "PutFunctionRecursionConfig"}}


def model_operations(service):
    folder = os.path.join(MODELS, BOTOCORE_NAMES[service])
    version = sorted(os.listdir(folder))[-1]
    with open(os.path.join(folder, version, "service-2.json")) as f:
        return set(json.load(f)["operations"])


class Coverage(ServerTestCase):
    def test_operations_exist_in_botocore_models(self):
        if not os.path.isdir(MODELS):
            self.skipTest("python3-botocore's models are not installed")
        with urllib.request.urlopen(self.endpoint + "/_cloudbench/operations", timeout=10) as r:
            answered = json.load(r)
        self.assertIn("sts", answered)
        for service, operations in sorted(answered.items()):
            known = model_operations(service) | NEWER_OPERATIONS.get(service, set())
            unknown = sorted(set(operations) - known)
            self.assertEqual(unknown, [], f"{service}: not AWS operations: {unknown}")
            print(f"coverage {service}: {len(operations)} of {len(known)} operations "
                  f"({100 * len(operations) // len(known)} %)")


if __name__ == "__main__":
    unittest.main()
