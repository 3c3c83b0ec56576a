// SPDX-License-Identifier: MIT
// S3 event notifications through the JS SDK v3 against CB_ENDPOINT: a queue whose policy lets
// s3.amazonaws.com send, a bucket configuration naming it, a streamed PutObject, then the
// messages the queue received (SQS over JSON 1.0). Prints JSON.
const { Readable } = require('stream');
const {
    S3Client, CreateBucketCommand, PutBucketNotificationConfigurationCommand,
    GetBucketNotificationConfigurationCommand, PutObjectCommand,
} = require('@aws-sdk/client-s3');
const {
    SQSClient, CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand,
    SetQueueAttributesCommand,
} = require('@aws-sdk/client-sqs');

const config = {
    endpoint: process.env.CB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};
const s3 = new S3Client({ ...config, forcePathStyle: true });
const sqs = new SQSClient(config);

async function main() {
    const bucket = process.argv[2];
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${bucket}-events` }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({
        QueueUrl, AttributeNames: ['QueueArn'],
    }));
    const queueArn = Attributes.QueueArn;
    await sqs.send(new SetQueueAttributesCommand({
        QueueUrl,
        Attributes: {
            Policy: JSON.stringify({
                Statement: [{
                    Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' },
                    Action: 'sqs:SendMessage', Resource: queueArn,
                    Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:s3:::${bucket}` } },
                }],
            }),
        },
    }));
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketNotificationConfigurationCommand({
        Bucket: bucket,
        NotificationConfiguration: {
            QueueConfigurations: [{
                Id: 'js', QueueArn: queueArn, Events: ['s3:ObjectCreated:*'],
                Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.log' }] } },
            }],
        },
    }));
    const stored = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
    const text = 'line\n'.repeat(2000);
    await s3.send(new PutObjectCommand({
        Bucket: bucket, Key: 'logs/app 1.log', Body: Readable.from([text]), ContentLength: text.length,
    }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'logs/skip.txt', Body: 'x' }));
    const received = await sqs.send(new ReceiveMessageCommand({
        QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1,
    }));
    const bodies = (received.Messages || []).map((m) => JSON.parse(m.Body));
    console.log(JSON.stringify({
        storedId: stored.QueueConfigurations[0].Id,
        storedRules: stored.QueueConfigurations[0].Filter.Key.FilterRules,
        events: bodies.map((b) => (b.Event ? b.Event
            : `${b.Records[0].eventName} ${b.Records[0].s3.object.key} ${b.Records[0].s3.object.size}`)),
    }));
}

main().catch((err) => { console.error(err); process.exit(1); });
