// SPDX-License-Identifier: MIT
// Cloudbench's Node.js bootstrap: the Lambda programming model over pipes (see
// core/lambda/bootstrapprotocol.h). stdin/stdout carry the protocol; console output goes to
// stderr in the Lambda log format, which Cloudbench turns into CloudWatch Logs.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const { pathToFileURL } = require('url');

const LOG_MARK = '\x1f\x1fCB-END\x1f\x1f\n';
// Pipes are synchronous on Linux: the mark follows every log line of the invocation, and
// Cloudbench waits for it before it answers.
function send(tag, payload) {
    if (tag === 'RESULT' || tag === 'ERROR') fs.writeSync(2, LOG_MARK);
    const body = Buffer.from(payload);
    fs.writeSync(1, Buffer.concat([Buffer.from(`${tag} ${body.length}\n`), body]));
}
process.stdout.write = process.stderr.write.bind(process.stderr);

let currentRequestId;
for (const [name, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'],
    ['error', 'ERROR'], ['debug', 'DEBUG'], ['trace', 'TRACE']]) {
    console[name] = (...args) => {
        const message = util.format(...args).replace(/\n/g, '\r');
        process.stderr.write(`${new Date().toISOString()}\t${currentRequestId || 'undefined'}\t${level}\t${message}\n`);
    };
}

function errorJson(err) {
    if (err instanceof Error) {
        return JSON.stringify({
            errorType: err.name === 'Error' && err.constructor && err.constructor.name !== 'Error'
                ? err.constructor.name : err.name,
            errorMessage: err.message,
            trace: String(err.stack || '').split('\n')
                .filter((line) => !line.includes(__filename) && !line.includes('node:internal')),
        });
    }
    return JSON.stringify({ errorType: typeof err, errorMessage: String(err), trace: [] });
}

function runtimeError(type, message) {
    return JSON.stringify({ errorType: type, errorMessage: message, trace: [`${type}: ${message}`] });
}

async function load() {
    const handler = process.env._HANDLER || '';
    const root = process.env.LAMBDA_TASK_ROOT || process.cwd();
    const slash = handler.lastIndexOf('/');
    const dot = handler.indexOf('.', slash + 1);
    if (dot < 0)
        return { error: runtimeError('Runtime.MalformedHandlerName', `Bad handler ${handler}`) };
    const modulePath = handler.slice(0, dot);
    const exportPath = handler.slice(dot + 1).split('.');
    const base = path.resolve(root, modulePath);
    let file;
    for (const ext of ['.js', '.mjs', '.cjs']) {
        if (fs.existsSync(base + ext)) { file = base + ext; break; }
    }
    if (!file) {
        return { error: runtimeError('Runtime.ImportModuleError',
            `Error: Cannot find module '${path.basename(modulePath)}'\nRequire stack:\n- ${__filename}`) };
    }
    let mod;
    try {
        mod = file.endsWith('.cjs') ? require(file) : await import(pathToFileURL(file).href);
    } catch (err) {
        if (err instanceof SyntaxError)
            return { error: runtimeError('Runtime.UserCodeSyntaxError', `${err.name}: ${err.message}`) };
        return { error: runtimeError('Runtime.ImportModuleError', `${err.name}: ${err.message}`) };
    }
    let fn = mod;
    for (const key of exportPath) {
        fn = fn == null ? undefined : (fn[key] !== undefined ? fn[key] : (fn.default || {})[key]);
    }
    if (fn === undefined)
        return { error: runtimeError('Runtime.HandlerNotFound', `${handler} is undefined or not exported`) };
    if (typeof fn !== 'function')
        return { error: runtimeError('Runtime.HandlerNotFound', `${handler} is not a function`) };
    return { fn };
}

function invoke(fn, event, ctx) {
    const deadline = Date.now() + ctx.remainingMs;
    const context = {
        awsRequestId: ctx.requestId,
        functionName: ctx.functionName,
        functionVersion: ctx.functionVersion,
        invokedFunctionArn: ctx.invokedFunctionArn,
        memoryLimitInMB: String(ctx.memoryLimitInMB),
        logGroupName: ctx.logGroupName,
        logStreamName: ctx.logStreamName,
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    return new Promise((resolve, reject) => {
        let settled = false;
        const done = (err, value) => {
            if (settled) return;
            settled = true;
            if (err !== null && err !== undefined) reject(err); else resolve(value);
        };
        context.done = done;
        context.succeed = (value) => done(null, value);
        context.fail = (err) => done(err);
        try {
            const result = fn(event, context, done);
            if (result && typeof result.then === 'function')
                result.then((value) => done(null, value), (err) => done(err));
            else if (fn.length < 3)
                done(null, result);
        } catch (err) {
            done(err);
        }
    });
}

async function main() {
    const loaded = await load();
    send(loaded.error ? 'INITERR' : 'READY', loaded.error || '');
    let buffer = Buffer.alloc(0);
    let busy = false;
    const pump = async () => {
        if (busy) return;
        busy = true;
        for (;;) {
            const newline = buffer.indexOf(10);
            if (newline < 0) break;
            const header = buffer.subarray(0, newline).toString().split(' ');
            const ctxLength = Number(header[1]);
            const eventLength = Number(header[2]);
            if (header[0] !== 'INVOKE' || header.length !== 3) process.exit(2);
            if (buffer.length < newline + 1 + ctxLength + eventLength) break;
            const ctx = JSON.parse(buffer.subarray(newline + 1, newline + 1 + ctxLength).toString());
            const event = JSON.parse(buffer.subarray(newline + 1 + ctxLength,
                newline + 1 + ctxLength + eventLength).toString());
            buffer = buffer.subarray(newline + 1 + ctxLength + eventLength);
            if (loaded.error) { send('ERROR', loaded.error); continue; }
            currentRequestId = ctx.requestId;
            // As Lambda's runtime: the SDKs copy it into X-Amzn-Trace-Id (recursive loop detection).
            if (ctx.traceId) process.env._X_AMZN_TRACE_ID = ctx.traceId;
            else delete process.env._X_AMZN_TRACE_ID;
            try {
                const value = await invoke(loaded.fn, event, ctx);
                const json = JSON.stringify(value === undefined ? null : value);
                send('RESULT', json === undefined ? 'null' : json);
            } catch (err) {
                const json = errorJson(err);
                const parsed = JSON.parse(json);
                process.stderr.write(`${new Date().toISOString()}\t${ctx.requestId}\tERROR\tInvoke Error \t${json}\n`);
                send('ERROR', JSON.stringify(parsed));
            }
        }
        busy = false;
    };
    process.stdin.on('data', (chunk) => { buffer = Buffer.concat([buffer, chunk]); pump(); });
    process.stdin.on('end', () => process.exit(0));
}

main();
