// SPDX-License-Identifier: MIT
// DynamoDB through the JS SDK v3 (client and lib-dynamodb's DocumentClient) against CB_ENDPOINT;
// prints what the e2e test checks as one JSON document.
const {
    DynamoDBClient, CreateTableCommand, PutItemCommand, TransactWriteItemsCommand,
} = require('@aws-sdk/client-dynamodb');
const {
    DynamoDBDocumentClient, PutCommand, GetCommand, QueryCommand,
} = require('@aws-sdk/lib-dynamodb');

const client = new DynamoDBClient({
    endpoint: process.env.CB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
});
const doc = DynamoDBDocumentClient.from(client);

async function main() {
    const out = {};
    const created = await client.send(new CreateTableCommand({
        TableName: 'jsitems',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
    }));
    out.created = created.TableDescription.TableStatus;
    await doc.send(new PutCommand({
        TableName: 'jsitems', Item: { id: 'a', n: 42, list: [1, 'two'], map: { nested: true } },
    }));
    out.doc = (await doc.send(new GetCommand({ TableName: 'jsitems', Key: { id: 'a' } }))).Item;
    for (const id of ['b', 'c']) await doc.send(new PutCommand({ TableName: 'jsitems', Item: { id, n: 1 } }));
    let count = 0;
    for (const id of ['a', 'b', 'c']) {
        const page = await doc.send(new QueryCommand({
            TableName: 'jsitems', KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': id },
        }));
        count += page.Count;
    }
    out.queryCount = count;
    try {
        await client.send(new PutItemCommand({
            TableName: 'jsitems', Item: { id: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(id)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }));
    } catch (err) {
        out.conditionFailed = err.name;
        out.oldItemOnFailure = err.Item;
    }
    try {
        await client.send(new TransactWriteItemsCommand({
            TransactItems: [{
                ConditionCheck: {
                    TableName: 'jsitems', Key: { id: { S: 'zzz' } }, ConditionExpression: 'attribute_exists(id)',
                },
            }],
        }));
    } catch (err) {
        out.cancellation = (err.CancellationReasons || []).map((r) => r.Code);
    }
    try {
        await doc.send(new PutCommand({ TableName: 'jsitems', Item: { id: '' } }));
    } catch (err) {
        out.validation = err.name;
    }
    console.log(JSON.stringify(out));
}

main().catch((err) => { console.error(err); process.exit(1); });
