// SPDX-License-Identifier: MIT
// STS GetCallerIdentity through the JS SDK v3 against CB_ENDPOINT; prints the answer as JSON.
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');

const client = new STSClient({
    endpoint: process.env.CB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});

client.send(new GetCallerIdentityCommand({})).then(
    (out) => console.log(JSON.stringify({ Account: out.Account, Arn: out.Arn, UserId: out.UserId })),
    (err) => { console.error(err); process.exit(1); });
