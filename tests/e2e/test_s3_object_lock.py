# SPDX-License-Identifier: MIT
"""S3 Object Lock (S3-20, WORM) as the exam lab does it: a bucket created with Object Lock
(versioning on), GOVERNANCE retention that refuses DeleteObject of the version unless the bypass
header is sent, COMPLIANCE that refuses even with it, legal hold on and off, the bucket's default
retention, retention that ends with time, and the errors on a bucket without Object Lock."""
import datetime
import time

import botocore.exceptions

from cbtest import ServerTestCase


def later(**delta):
    return datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(**delta)


class S3ObjectLock(ServerTestCase):

    def setUp(self):
        self.s3 = self.boto3_client("s3")

    def error(self, call, **params):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call(**params)
        return caught.exception.response

    def assertError(self, code, status, call, **params):
        response = self.error(call, **params)
        self.assertEqual(response["Error"]["Code"], code, response)
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], status)
        return response

    def test_lock_lab_with_the_cli(self):
        self.aws("s3api", "create-bucket", "--bucket", "lock2", "--object-lock-enabled-for-bucket")
        self.assertEqual(self.aws("s3api", "get-bucket-versioning", "--bucket", "lock2"),
                         {"Status": "Enabled"})
        config = self.aws("s3api", "get-object-lock-configuration", "--bucket", "lock2")
        self.assertEqual(config["ObjectLockConfiguration"], {"ObjectLockEnabled": "Enabled"})
        until = later(days=1).strftime("%Y-%m-%dT%H:%M:%SZ")
        put = self.aws("s3api", "put-object", "--bucket", "lock2", "--key", "report.txt",
                       "--object-lock-mode", "GOVERNANCE",
                       "--object-lock-retain-until-date", until)
        version = put["VersionId"]
        head = self.aws("s3api", "head-object", "--bucket", "lock2", "--key", "report.txt")
        self.assertEqual(head["ObjectLockMode"], "GOVERNANCE")
        self.assertTrue(head["ObjectLockRetainUntilDate"].startswith(until[:19]))
        stderr = self.aws("s3api", "delete-object", "--bucket", "lock2", "--key", "report.txt",
                          "--version-id", version, expect_error="AccessDenied")
        self.assertIn("protected by object lock", stderr)
        # Without a version id only a delete marker is added; the version stays.
        marker = self.aws("s3api", "delete-object", "--bucket", "lock2", "--key", "report.txt")
        self.assertTrue(marker["DeleteMarker"])
        self.aws("s3api", "delete-object", "--bucket", "lock2", "--key", "report.txt",
                 "--version-id", version, "--bypass-governance-retention")
        versions = self.aws("s3api", "list-object-versions", "--bucket", "lock2")
        self.assertNotIn("Versions", versions)
        self.aws("s3api", "put-bucket-versioning", "--bucket", "lock2",
                 "--versioning-configuration", "Status=Suspended",
                 expect_error="InvalidBucketState")

    def test_governance_compliance_and_legal_hold(self):
        s3 = self.s3
        s3.create_bucket(Bucket="vault", ObjectLockEnabledForBucket=True)
        v1 = s3.put_object(Bucket="vault", Key="k", Body=b"one", ObjectLockMode="GOVERNANCE",
                           ObjectLockRetainUntilDate=later(days=2))["VersionId"]
        retention = s3.get_object_retention(Bucket="vault", Key="k", VersionId=v1)["Retention"]
        self.assertEqual(retention["Mode"], "GOVERNANCE")
        # Overwriting creates a new version: the locked one is kept.
        v2 = s3.put_object(Bucket="vault", Key="k", Body=b"two")["VersionId"]
        self.assertNotEqual(v1, v2)
        self.assertEqual(s3.get_object(Bucket="vault", Key="k", VersionId=v1)["Body"].read(), b"one")
        self.assertError("NoSuchObjectLockConfiguration", 404, s3.get_object_retention,
                         Bucket="vault", Key="k", VersionId=v2)
        # GOVERNANCE: extending is allowed, shortening only with the bypass.
        s3.put_object_retention(Bucket="vault", Key="k", VersionId=v1,
                                Retention={"Mode": "GOVERNANCE", "RetainUntilDate": later(days=3)})
        self.assertError("AccessDenied", 403, s3.put_object_retention, Bucket="vault", Key="k",
                         VersionId=v1, Retention={"Mode": "GOVERNANCE",
                                                  "RetainUntilDate": later(days=1)})
        s3.put_object_retention(Bucket="vault", Key="k", VersionId=v1,
                                Retention={"Mode": "GOVERNANCE", "RetainUntilDate": later(days=1)},
                                BypassGovernanceRetention=True)
        # DeleteObjects honours the lock per entry.
        result = s3.delete_objects(Bucket="vault", Delete={"Objects": [{"Key": "k", "VersionId": v1}]})
        self.assertEqual(result["Errors"][0]["Code"], "AccessDenied")
        # GOVERNANCE becomes COMPLIANCE only with the bypass; then nothing shortens or removes it.
        compliance = {"Mode": "COMPLIANCE", "RetainUntilDate": later(days=2)}
        self.assertError("AccessDenied", 403, s3.put_object_retention, Bucket="vault", Key="k",
                         VersionId=v1, Retention=compliance)
        s3.put_object_retention(Bucket="vault", Key="k", VersionId=v1, Retention=compliance,
                                BypassGovernanceRetention=True)
        self.assertError("AccessDenied", 403, s3.delete_object, Bucket="vault", Key="k",
                         VersionId=v1, BypassGovernanceRetention=True)
        self.assertError("AccessDenied", 403, s3.put_object_retention, Bucket="vault", Key="k",
                         VersionId=v1, Retention={}, BypassGovernanceRetention=True)
        # Legal hold: on blocks deletion of an otherwise unprotected version, off releases it.
        self.assertError("NoSuchObjectLockConfiguration", 404, s3.get_object_legal_hold,
                         Bucket="vault", Key="k", VersionId=v2)
        s3.put_object_legal_hold(Bucket="vault", Key="k", VersionId=v2, LegalHold={"Status": "ON"})
        self.assertEqual(s3.get_object_legal_hold(Bucket="vault", Key="k", VersionId=v2)
                         ["LegalHold"]["Status"], "ON")
        self.assertEqual(s3.head_object(Bucket="vault", Key="k")["ObjectLockLegalHoldStatus"], "ON")
        self.assertError("AccessDenied", 403, s3.delete_object, Bucket="vault", Key="k",
                         VersionId=v2, BypassGovernanceRetention=True)
        s3.put_object_legal_hold(Bucket="vault", Key="k", VersionId=v2, LegalHold={"Status": "OFF"})
        s3.delete_object(Bucket="vault", Key="k", VersionId=v2)

    def test_default_retention_and_expiry(self):
        s3 = self.s3
        s3.create_bucket(Bucket="defaults")
        self.assertError("ObjectLockConfigurationNotFoundError", 404,
                         s3.get_object_lock_configuration, Bucket="defaults")
        lock = {"ObjectLockEnabled": "Enabled",
                "Rule": {"DefaultRetention": {"Mode": "GOVERNANCE", "Days": 1}}}
        self.assertError("InvalidBucketState", 409, s3.put_object_lock_configuration,
                         Bucket="defaults", ObjectLockConfiguration=lock)
        s3.put_bucket_versioning(Bucket="defaults", VersioningConfiguration={"Status": "Enabled"})
        s3.put_object_lock_configuration(Bucket="defaults", ObjectLockConfiguration=lock)
        self.assertEqual(s3.get_object_lock_configuration(Bucket="defaults")
                         ["ObjectLockConfiguration"], lock)
        both = {"ObjectLockEnabled": "Enabled",
                "Rule": {"DefaultRetention": {"Mode": "GOVERNANCE", "Days": 1, "Years": 1}}}
        self.assertError("MalformedXML", 400, s3.put_object_lock_configuration,
                         Bucket="defaults", ObjectLockConfiguration=both)
        put = s3.put_object(Bucket="defaults", Key="d", Body=b"x")
        head = s3.head_object(Bucket="defaults", Key="d")
        self.assertEqual(head["ObjectLockMode"], "GOVERNANCE")
        remaining = head["ObjectLockRetainUntilDate"] - later()
        self.assertTrue(datetime.timedelta(hours=23) < remaining <= datetime.timedelta(days=1))
        self.assertError("AccessDenied", 403, s3.delete_object, Bucket="defaults", Key="d",
                         VersionId=put["VersionId"])
        # A retention ends when its date passes.
        short = s3.put_object(Bucket="defaults", Key="s", Body=b"x", ObjectLockMode="COMPLIANCE",
                              ObjectLockRetainUntilDate=later(seconds=2))
        self.assertError("AccessDenied", 403, s3.delete_object, Bucket="defaults", Key="s",
                         VersionId=short["VersionId"])
        time.sleep(2.5)
        s3.delete_object(Bucket="defaults", Key="s", VersionId=short["VersionId"])

    def test_errors(self):
        s3 = self.s3
        s3.create_bucket(Bucket="plain")
        response = self.assertError("InvalidRequest", 400, s3.put_object, Bucket="plain", Key="k",
                                    Body=b"x", ObjectLockMode="GOVERNANCE",
                                    ObjectLockRetainUntilDate=later(days=1))
        self.assertEqual(response["Error"]["Message"], "Bucket is missing Object Lock Configuration")
        self.assertError("InvalidRequest", 400, s3.put_object, Bucket="plain", Key="k", Body=b"x",
                         ObjectLockLegalHoldStatus="ON")
        s3.put_object(Bucket="plain", Key="k", Body=b"x")
        self.assertError("InvalidRequest", 400, s3.get_object_retention, Bucket="plain", Key="k")
        self.assertError("InvalidRequest", 400, s3.put_object_legal_hold, Bucket="plain", Key="k",
                         LegalHold={"Status": "ON"})
        s3.create_bucket(Bucket="locked", ObjectLockEnabledForBucket=True)
        response = self.assertError("InvalidArgument", 400, s3.put_object, Bucket="locked",
                                    Key="k", Body=b"x", ObjectLockMode="GOVERNANCE")
        self.assertIn("must both be supplied", response["Error"]["Message"])
        response = self.assertError("InvalidArgument", 400, s3.put_object, Bucket="locked",
                                    Key="k", Body=b"x", ObjectLockMode="GOVERNANCE",
                                    ObjectLockRetainUntilDate=later(days=-1))
        self.assertEqual(response["Error"]["Message"], "The retain until date must be in the future!")
        self.assertError("InvalidArgument", 400, s3.put_object, Bucket="locked", Key="k",
                         Body=b"x", ObjectLockMode="FOREVER",
                         ObjectLockRetainUntilDate=later(days=1))
        response = self.assertError("InvalidBucketState", 409, s3.put_bucket_versioning,
                                    Bucket="locked", VersioningConfiguration={"Status": "Suspended"})
        self.assertIn("versioning state cannot be changed", response["Error"]["Message"])

    def test_integrity_check_required(self):
        s3 = self.boto3_client("s3")
        s3.create_bucket(Bucket="md5", ObjectLockEnabledForBucket=True)

        def drop_md5(request, **_):
            if "Content-MD5" in request.headers:
                del request.headers["Content-MD5"]

        s3.meta.events.register("before-sign.s3.PutObject", drop_md5)
        response = self.assertError("InvalidRequest", 400, s3.put_object, Bucket="md5", Key="k",
                                    Body=b"x", ObjectLockLegalHoldStatus="ON")
        self.assertEqual(response["Error"]["Message"],
                         "Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object "
                         "requests with Object Lock parameters")
        s3.put_object(Bucket="md5", Key="plain", Body=b"x")  # no lock parameters: no check
