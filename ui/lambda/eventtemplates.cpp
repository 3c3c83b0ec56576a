// SPDX-License-Identifier: MIT
#include "ui/lambda/eventtemplates.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Gui::Lambda {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Gui::Lambda::EventTemplates)
};

} // namespace

QList<EventTemplate> eventTemplates()
{
    return {
        {Tr::tr("Hello world"), uR"({
  "key1": "value1",
  "key2": "value2",
  "key3": "value3"
})"_s},
        {Tr::tr("SQS message"), uR"({
  "Records": [
    {
      "messageId": "059f36b4-87a3-44ab-83d2-661975830a7d",
      "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
      "body": "Hello from SQS!",
      "attributes": {
        "ApproximateReceiveCount": "1",
        "SentTimestamp": "1545082649183",
        "SenderId": "AIDAIENQZJOLO23YVJ4VO",
        "ApproximateFirstReceiveTimestamp": "1545082649185"
      },
      "messageAttributes": {},
      "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
      "eventSource": "aws:sqs",
      "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:my-queue",
      "awsRegion": "us-east-1"
    }
  ]
})"_s},
        {Tr::tr("S3 put"), uR"({
  "Records": [
    {
      "eventVersion": "2.1",
      "eventSource": "aws:s3",
      "awsRegion": "us-east-1",
      "eventTime": "2026-01-01T00:00:00.000Z",
      "eventName": "ObjectCreated:Put",
      "s3": {
        "s3SchemaVersion": "1.0",
        "bucket": {"name": "example-bucket", "arn": "arn:aws:s3:::example-bucket"},
        "object": {"key": "test/key", "size": 1024, "eTag": "0123456789abcdef0123456789abcdef"}
      }
    }
  ]
})"_s},
        {Tr::tr("API Gateway proxy"), uR"({
  "resource": "/{proxy+}",
  "path": "/hello/world",
  "httpMethod": "POST",
  "headers": {"Content-Type": "application/json"},
  "queryStringParameters": {"name": "me"},
  "pathParameters": {"proxy": "hello/world"},
  "requestContext": {"stage": "prod", "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"},
  "body": "{\"test\":\"body\"}",
  "isBase64Encoded": false
})"_s},
        {Tr::tr("Scheduled event"), uR"({
  "version": "0",
  "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
  "detail-type": "Scheduled Event",
  "source": "aws.events",
  "account": "000000000000",
  "time": "2026-01-01T00:00:00Z",
  "region": "us-east-1",
  "resources": ["arn:aws:events:us-east-1:000000000000:rule/my-schedule"],
  "detail": {}
})"_s},
        {Tr::tr("DynamoDB stream"), uR"({
  "Records": [
    {
      "eventID": "1",
      "eventName": "INSERT",
      "eventVersion": "1.1",
      "eventSource": "aws:dynamodb",
      "awsRegion": "us-east-1",
      "dynamodb": {
        "Keys": {"Id": {"N": "101"}},
        "NewImage": {"Message": {"S": "New item!"}, "Id": {"N": "101"}},
        "SequenceNumber": "111",
        "SizeBytes": 26,
        "StreamViewType": "NEW_AND_OLD_IMAGES"
      },
      "eventSourceARN": "arn:aws:dynamodb:us-east-1:000000000000:table/Example/stream/2026-01-01T00:00:00.000"
    }
  ]
})"_s},
    };
}

std::pair<QString, QString> helloWorld(const QString &runtime)
{
    if (runtime.startsWith(u"nodejs"_s)) {
        return {u"index.mjs"_s, uR"(export const handler = async (event, context) => {
  console.log('Received event:', JSON.stringify(event));
  return {
    statusCode: 200,
    body: JSON.stringify('Hello from Lambda!'),
  };
};
)"_s};
    }
    return {u"lambda_function.py"_s, uR"(import json


def lambda_handler(event, context):
    print("Received event:", json.dumps(event))
    return {
        "statusCode": 200,
        "body": json.dumps("Hello from Lambda!")
    }
)"_s};
}

} // namespace Gui::Lambda
