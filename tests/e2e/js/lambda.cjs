// SPDX-License-Identifier: MIT
// Lambda Invoke through the JS SDK v3 against CB_ENDPOINT: invokes the function named in argv[2]
// with {"from": "js"} and prints status, executed version and the parsed payload as JSON.
const { LambdaClient, InvokeCommand } = require('@aws-sdk/client-lambda');

const client = new LambdaClient({
    endpoint: process.env.CB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});

client.send(new InvokeCommand({
    FunctionName: process.argv[2],
    Payload: Buffer.from(JSON.stringify({ from: 'js' })),
})).then(
    (out) => console.log(JSON.stringify({
        StatusCode: out.StatusCode,
        ExecutedVersion: out.ExecutedVersion,
        FunctionError: out.FunctionError,
        Payload: JSON.parse(Buffer.from(out.Payload).toString()),
    })),
    (err) => { console.error(err); process.exit(1); });
