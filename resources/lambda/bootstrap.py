# SPDX-License-Identifier: MIT
# Cloudbench's Python bootstrap: the Lambda programming model over pipes (see
# core/lambda/bootstrapprotocol.h). stdin/stdout carry the protocol; everything the handler
# prints (fd 1 and fd 2) goes to stderr, which Cloudbench turns into CloudWatch Logs.
import importlib
import json
import os
import sys
import time
import traceback

_proto_in = os.fdopen(os.dup(0), "rb", buffering=0)
_proto_out = os.fdopen(os.dup(1), "wb", buffering=0)
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.dup2(2, 1)
sys.stdout = open(1, "w", buffering=1, closefd=False)
sys.stderr = open(2, "w", buffering=1, closefd=False)


_LOG_MARK = b"\x1f\x1fCB-END\x1f\x1f\n"


def _send(tag, payload):
    # Everything printed so far reaches the log pipe before the mark, and the mark before the
    # answer: Cloudbench waits for it so no output of this invocation is lost.
    sys.stdout.flush()
    sys.stderr.flush()
    if tag in (b"RESULT", b"ERROR"):
        os.write(2, _LOG_MARK)
    _proto_out.write(b"%s %d\n" % (tag, len(payload)) + payload)


def _read_exact(n):
    data = b""
    while len(data) < n:
        chunk = _proto_in.read(n - len(data))
        if not chunk:
            sys.exit(0)
        data += chunk
    return data


def _read_line():
    line = b""
    while not line.endswith(b"\n"):
        ch = _proto_in.read(1)
        if not ch:
            sys.exit(0)
        line += ch
    return line


def _error(error_type, message, stack=None, request_id=None):
    out = {"errorMessage": message, "errorType": error_type}
    if request_id is not None:
        out["requestId"] = request_id
    out["stackTrace"] = stack or []
    return json.dumps(out).encode()


class LambdaContext:
    def __init__(self, ctx):
        self.aws_request_id = ctx["requestId"]
        self.function_name = ctx["functionName"]
        self.function_version = ctx["functionVersion"]
        self.invoked_function_arn = ctx["invokedFunctionArn"]
        self.memory_limit_in_mb = str(ctx["memoryLimitInMB"])
        self.log_group_name = ctx["logGroupName"]
        self.log_stream_name = ctx["logStreamName"]
        self.identity = None
        self.client_context = None
        self._deadline = time.monotonic() + ctx["remainingMs"] / 1000.0

    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def _user_frames(tb):
    frames = traceback.extract_tb(tb)
    here = os.path.abspath(__file__)
    return [f for f in frames if os.path.abspath(f.filename) != here]


def _load():
    handler = os.environ.get("_HANDLER", "")
    try:
        module_path, function_name = handler.rsplit(".", 1)
    except ValueError as e:
        return None, _error("Runtime.MalformedHandlerName", "Bad handler '%s': %s" % (handler, e))
    module_name = module_path.replace("/", ".")
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    sys.path.insert(0, task_root)
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        return None, _error("Runtime.ImportModuleError",
                            "Unable to import module '%s': %s" % (module_name, e))
    except SyntaxError as e:
        return None, _error("Runtime.UserCodeSyntaxError",
                            "Syntax error in module '%s': %s" % (module_name, e),
                            ["  File \"%s\" Line %s\n    %s\n" % (e.filename, e.lineno, (e.text or "").strip())])
    except Exception as e:
        stack = traceback.format_list(_user_frames(e.__traceback__))
        print("[ERROR] %s: %s\nTraceback (most recent call last):\n%s" % (type(e).__name__, e, "".join(stack)), file=sys.stderr)
        return None, _error(type(e).__name__, str(e), stack)
    function = getattr(module, function_name, None)
    if function is None:
        return None, _error("Runtime.HandlerNotFound",
                            "Handler '%s' missing on module '%s'" % (function_name, module_name))
    return function, None


def main():
    function, init_error = _load()
    if init_error is not None:
        _send(b"INITERR", init_error)
    else:
        _send(b"READY", b"")
    while True:
        header = _read_line().split()
        if len(header) != 3 or header[0] != b"INVOKE":
            sys.exit(2)
        ctx = json.loads(_read_exact(int(header[1])))
        event = json.loads(_read_exact(int(header[2])))
        if init_error is not None:
            _send(b"ERROR", init_error)
            continue
        context = LambdaContext(ctx)
        # As Lambda's runtime: the SDKs copy it into X-Amzn-Trace-Id (recursive loop detection).
        if ctx.get("traceId"):
            os.environ["_X_AMZN_TRACE_ID"] = ctx["traceId"]
        else:
            os.environ.pop("_X_AMZN_TRACE_ID", None)
        try:
            result = function(event, context)
        except Exception as e:
            stack = traceback.format_list(_user_frames(e.__traceback__))
            print("[ERROR] %s: %s\nTraceback (most recent call last):\n%s" % (type(e).__name__, e, "".join(stack)), file=sys.stderr)
            _send(b"ERROR", _error(type(e).__name__, str(e), stack, ctx["requestId"]))
            continue
        try:
            payload = json.dumps(result).encode()
        except Exception as e:
            _send(b"ERROR", _error("Runtime.MarshalError", "Unable to marshal response: %s" % e,
                                   None, ctx["requestId"]))
            continue
        _send(b"RESULT", payload)


main()
