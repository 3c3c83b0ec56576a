// SPDX-License-Identifier: MIT
// S3 through the JS SDK v3 against CB_ENDPOINT: PutObject from a stream (the SDK frames it as
// aws-chunked with a trailing CRC32 over plain http), GetObject, ListObjectsV2, DeleteObjects (the
// SDK sends x-amz-checksum-crc32, no Content-MD5). Prints JSON.
const { Readable } = require('stream');
const {
    S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, ListObjectsV2Command,
    DeleteObjectsCommand,
} = require('@aws-sdk/client-s3');

const bucket = process.argv[2];
const client = new S3Client({
    endpoint: process.env.CB_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});

async function main() {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const text = 'streamed line\n'.repeat(5000); // 70 kB in several chunks
    const put = await client.send(new PutObjectCommand({
        Bucket: bucket, Key: 'dir/streamed.txt', Body: Readable.from([text.slice(0, 30000), text.slice(30000)]),
        ContentLength: text.length, ContentType: 'text/plain', Metadata: { origin: 'jssdk' },
    }));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'small.json', Body: '{"a":1}' }));
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/streamed.txt' }));
    const body = await got.Body.transformToString();
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'doomed', Body: 'x' }));
    const deleted = await client.send(new DeleteObjectsCommand({
        Bucket: bucket, Delete: { Objects: [{ Key: 'doomed' }] },
    }));
    console.log(JSON.stringify({
        putETag: put.ETag,
        bodyMatches: body === text,
        length: body.length,
        contentType: got.ContentType,
        metadata: got.Metadata,
        keys: (listed.Contents || []).map((c) => c.Key),
        prefixes: (listed.CommonPrefixes || []).map((p) => p.Prefix),
        deleted: (deleted.Deleted || []).map((d) => d.Key),
    }));
}

main().catch((err) => { console.error(err); process.exit(1); });
