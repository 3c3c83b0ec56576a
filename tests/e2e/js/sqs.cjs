// SPDX-License-Identifier: MIT
// SQS through the JS SDK v3 (JSON 1.0 protocol) against CB_ENDPOINT. The SDK verifies
// MD5OfMessageBody / MD5OfMessageAttributes itself. Usage: node sqs.cjs <scenario> <queue-prefix>;
// prints one JSON document.
const sqs = require('@aws-sdk/client-sqs');

const client = new sqs.SQSClient({
    endpoint: process.env.CB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
});
const send = (Command, input) => client.send(new Command(input));

async function errorOf(promise) {
    try {
        await promise;
        return null;
    } catch (err) {
        return { name: err.name, code: err.Code, status: err.$metadata && err.$metadata.httpStatusCode,
            message: err.message };
    }
}

const scenarios = {
    async basic(prefix) {
        const { QueueUrl } = await send(sqs.CreateQueueCommand,
            { QueueName: prefix + '-basic', Attributes: { VisibilityTimeout: '7' }, tags: { team: 'a' } });
        const sent = await send(sqs.SendMessageCommand, {
            QueueUrl, MessageBody: 'héllo wörld ✓',
            MessageAttributes: {
                s: { DataType: 'String', StringValue: 'text' },
                n: { DataType: 'Number.float', StringValue: '3.14' },
                b: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 2, 255]) },
            },
        });
        const received = await send(sqs.ReceiveMessageCommand, {
            QueueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'],
            MessageSystemAttributeNames: ['All'],
        });
        const message = received.Messages[0];
        const attributes = await send(sqs.GetQueueAttributesCommand,
            { QueueUrl, AttributeNames: ['All'] });
        await send(sqs.DeleteMessageCommand, { QueueUrl, ReceiptHandle: message.ReceiptHandle });
        const after = await send(sqs.GetQueueAttributesCommand, {
            QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        });
        const tags = await send(sqs.ListQueueTagsCommand, { QueueUrl });
        const listed = await send(sqs.ListQueuesCommand, { QueueNamePrefix: prefix + '-basic' });
        return {
            queueUrl: QueueUrl, sent: { MessageId: sent.MessageId, MD5OfMessageBody: sent.MD5OfMessageBody,
                MD5OfMessageAttributes: sent.MD5OfMessageAttributes },
            received: { MessageId: message.MessageId, Body: message.Body, Attributes: message.Attributes,
                binary: Array.from(message.MessageAttributes.b.BinaryValue),
                number: message.MessageAttributes.n.StringValue,
                MD5OfMessageAttributes: message.MD5OfMessageAttributes },
            attributes: attributes.Attributes, after: after.Attributes, tags: tags.Tags,
            listed: listed.QueueUrls,
        };
    },
    async batch(prefix) {
        const { QueueUrl } = await send(sqs.CreateQueueCommand, { QueueName: prefix + '-batch' });
        const result = await send(sqs.SendMessageBatchCommand, {
            QueueUrl,
            Entries: [
                { Id: 'good1', MessageBody: 'one' },
                { Id: 'bad', MessageBody: 'bad \u0001 char' },
                { Id: 'good2', MessageBody: 'two', DelaySeconds: 0 },
            ],
        });
        const duplicate = await errorOf(send(sqs.SendMessageBatchCommand, {
            QueueUrl, Entries: [{ Id: 'x', MessageBody: 'a' }, { Id: 'x', MessageBody: 'b' }],
        }));
        const tooMany = await errorOf(send(sqs.SendMessageBatchCommand, {
            QueueUrl, Entries: Array.from({ length: 11 }, (_, i) => ({ Id: 'e' + i, MessageBody: 'm' })),
        }));
        const received = await send(sqs.ReceiveMessageCommand, { QueueUrl, MaxNumberOfMessages: 10 });
        const deleted = await send(sqs.DeleteMessageBatchCommand, {
            QueueUrl,
            Entries: [...received.Messages.map((m, i) => ({ Id: 'd' + i, ReceiptHandle: m.ReceiptHandle })),
                { Id: 'invalid', ReceiptHandle: 'not-a-handle' }],
        });
        return {
            successful: result.Successful.map((e) => e.Id).sort(), failed: result.Failed,
            duplicate, tooMany, receivedBodies: received.Messages.map((m) => m.Body).sort(),
            deleted: { successful: deleted.Successful.map((e) => e.Id).sort(), failed: deleted.Failed },
        };
    },
    async errors(prefix) {
        const missing = await errorOf(send(sqs.GetQueueUrlCommand, { QueueName: prefix + '-nope' }));
        const { QueueUrl } = await send(sqs.CreateQueueCommand,
            { QueueName: prefix + '-err', Attributes: { MaximumMessageSize: '1024' } });
        const oversized = await errorOf(send(sqs.SendMessageCommand, { QueueUrl, MessageBody: 'x'.repeat(1025) }));
        const badType = await errorOf(send(sqs.SendMessageCommand, {
            QueueUrl, MessageBody: 'b', MessageAttributes: { a: { DataType: 'Text', StringValue: 'v' } },
        }));
        const badNumber = await errorOf(send(sqs.SendMessageCommand, {
            QueueUrl, MessageBody: 'b', MessageAttributes: { a: { DataType: 'Number', StringValue: 'abc' } },
        }));
        const badAttribute = await errorOf(send(sqs.CreateQueueCommand,
            { QueueName: prefix + '-err2', Attributes: { VisibilityTimeout: '43201' } }));
        const exists = await errorOf(send(sqs.CreateQueueCommand,
            { QueueName: prefix + '-err', Attributes: { MaximumMessageSize: '2048' } }));
        const attributes = await send(sqs.GetQueueAttributesCommand,
            { QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] });
        return { missing, oversized, badType, badNumber, badAttribute, exists,
            stored: attributes.Attributes.ApproximateNumberOfMessages };
    },
    async longpoll(prefix) {
        const { QueueUrl } = await send(sqs.CreateQueueCommand, { QueueName: prefix + '-lp' });
        const started = Date.now();
        const receive = send(sqs.ReceiveMessageCommand, { QueueUrl, WaitTimeSeconds: 10 });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await send(sqs.SendMessageCommand, { QueueUrl, MessageBody: 'wake up' });
        const result = await receive;
        const elapsed = Date.now() - started;
        const emptyStarted = Date.now();
        const empty = await send(sqs.ReceiveMessageCommand, { QueueUrl, WaitTimeSeconds: 2 });
        return { body: result.Messages[0].Body, elapsedMs: elapsed,
            emptyMessages: empty.Messages || [], emptyElapsedMs: Date.now() - emptyStarted };
    },
    async fifo(prefix) {
        const { QueueUrl } = await send(sqs.CreateQueueCommand, {
            QueueName: prefix + '.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
        });
        const sequences = [];
        for (const body of ['a1', 'a2', 'a3']) {
            const out = await send(sqs.SendMessageCommand, { QueueUrl, MessageBody: body, MessageGroupId: 'A' });
            sequences.push(out.SequenceNumber);
        }
        const dup = await send(sqs.SendMessageCommand, { QueueUrl, MessageBody: 'a1', MessageGroupId: 'A' });
        await send(sqs.SendMessageCommand, { QueueUrl, MessageBody: 'b1', MessageGroupId: 'B' });
        const first = await send(sqs.ReceiveMessageCommand, { QueueUrl, MaxNumberOfMessages: 2 });
        const second = await send(sqs.ReceiveMessageCommand, { QueueUrl, MaxNumberOfMessages: 10 });
        const third = await send(sqs.ReceiveMessageCommand, { QueueUrl, MaxNumberOfMessages: 10 });
        const noGroup = await errorOf(send(sqs.SendMessageCommand, { QueueUrl, MessageBody: 'x' }));
        const delay = await errorOf(send(sqs.SendMessageCommand,
            { QueueUrl, MessageBody: 'x', MessageGroupId: 'A', DelaySeconds: 5 }));
        return {
            sequences, dupMessageId: dup.MessageId, firstMessageId: null,
            first: (first.Messages || []).map((m) => m.Body), second: (second.Messages || []).map((m) => m.Body),
            third: (third.Messages || []).map((m) => m.Body), noGroup, delay,
        };
    },
    async redrive(prefix) {
        const dlq = await send(sqs.CreateQueueCommand, { QueueName: prefix + '-dlq' });
        const dlqArn = (await send(sqs.GetQueueAttributesCommand,
            { QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] })).Attributes.QueueArn;
        const src = await send(sqs.CreateQueueCommand, {
            QueueName: prefix + '-src',
            Attributes: { VisibilityTimeout: '0',
                RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }) },
        });
        await send(sqs.SendMessageCommand, { QueueUrl: src.QueueUrl, MessageBody: 'poison' });
        const counts = [];
        for (let i = 0; i < 3; i++) {
            const r = await send(sqs.ReceiveMessageCommand,
                { QueueUrl: src.QueueUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
            counts.push(r.Messages ? r.Messages[0].Attributes.ApproximateReceiveCount : null);
        }
        const inDlq = await send(sqs.ReceiveMessageCommand,
            { QueueUrl: dlq.QueueUrl, VisibilityTimeout: 0, MessageSystemAttributeNames: ['All'] });
        const sources = await send(sqs.ListDeadLetterSourceQueuesCommand, { QueueUrl: dlq.QueueUrl });
        const task = await send(sqs.StartMessageMoveTaskCommand, { SourceArn: dlqArn });
        let tasks;
        for (let i = 0; i < 50; i++) {
            tasks = await send(sqs.ListMessageMoveTasksCommand, { SourceArn: dlqArn });
            if (tasks.Results[0].Status !== 'RUNNING') break;
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const back = await send(sqs.ReceiveMessageCommand, { QueueUrl: src.QueueUrl, WaitTimeSeconds: 2 });
        const notDlq = await errorOf(send(sqs.StartMessageMoveTaskCommand,
            { SourceArn: dlqArn.replace('-dlq', '-src') }));
        return {
            counts, dlqBody: inDlq.Messages && inDlq.Messages[0].Body,
            dlqSource: inDlq.Messages && inDlq.Messages[0].Attributes.DeadLetterQueueSourceArn,
            sources: sources.queueUrls, taskHandle: !!task.TaskHandle, task: tasks.Results[0],
            back: back.Messages && back.Messages[0].Body, notDlq,
        };
    },
    async attempt(prefix) {
        const { QueueUrl } = await send(sqs.CreateQueueCommand, {
            QueueName: prefix + '-attempt.fifo',
            Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
        });
        for (const body of ['m1', 'm2'])
            await send(sqs.SendMessageCommand, { QueueUrl, MessageBody: body, MessageGroupId: 'g' });
        const receive = (id) => send(sqs.ReceiveMessageCommand,
            { QueueUrl, MaxNumberOfMessages: 10, ReceiveRequestAttemptId: id });
        const handles = (r) => (r.Messages || []).map((m) => m.ReceiptHandle);
        const first = await receive('retry-1');
        const retry = await receive('retry-1');
        const other = await receive('retry-2');
        await send(sqs.DeleteMessageCommand, { QueueUrl, ReceiptHandle: first.Messages[0].ReceiptHandle });
        const modified = await errorOf(receive('retry-1'));
        const invalid = await errorOf(receive('no spaces allowed'));
        return { bodies: first.Messages.map((m) => m.Body), first: handles(first), retry: handles(retry),
            other: handles(other), modified, invalid };
    },
    async listvalues(prefix) {
        const { QueueUrl } = await send(sqs.CreateQueueCommand, { QueueName: prefix + '-lists' });
        const single = await errorOf(send(sqs.SendMessageCommand, {
            QueueUrl, MessageBody: 'b',
            MessageAttributes: { l: { DataType: 'String', StringListValues: ['a', 'b'] } },
        }));
        const batch = await errorOf(send(sqs.SendMessageBatchCommand, {
            QueueUrl,
            Entries: [{ Id: 'plain', MessageBody: 'x' }, { Id: 'list', MessageBody: 'y',
                MessageAttributes: { l: { DataType: 'Binary', BinaryListValues: [Buffer.from('x')] } } }],
        }));
        const attributes = await send(sqs.GetQueueAttributesCommand,
            { QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] });
        return { single, batch, stored: attributes.Attributes.ApproximateNumberOfMessages };
    },
};

scenarios[process.argv[2]](process.argv[3] || 'js').then(
    (out) => console.log(JSON.stringify(out)),
    (err) => { console.error(err); process.exit(1); });
