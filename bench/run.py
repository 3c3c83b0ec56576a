#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Benchmark AWS-compatible endpoints with wrk replaying botocore-signed requests.

    python3 bench/run.py                      all targets, all operations, 5 s each
    python3 bench/run.py --quick --targets cloudbench --ops sts-get-caller-identity

See bench/README.md for the method and for switching operations on.
"""

import argparse
import datetime
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

try:
    import botocore
    import botocore.exceptions
except ImportError:
    print("bench: botocore is not installed (Debian: python3-botocore)", file=sys.stderr)
    sys.exit(77)

import ops as operations  # noqa: E402
import replay  # noqa: E402
import report  # noqa: E402
import signing  # noqa: E402
import targets as servers  # noqa: E402

SKIP_EXIT_CODE = 77  # ctest's SKIP_RETURN_CODE when a tool is missing


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Benchmark AWS-compatible endpoints (Cloudbench and its peers) with wrk.")
    parser.add_argument("--targets", default=",".join(servers.TARGETS),
                        help="comma-separated targets (default: %(default)s)")
    parser.add_argument("--ops", default="all",
                        help="comma-separated operation keys, or 'all' (see --list)")
    parser.add_argument("--duration", type=int, default=None,
                        help="seconds of load per operation (default: 5, or 1 with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke mode: 1 s per operation and fewer pre-signed requests")
    parser.add_argument("--connections", type=int, default=16,
                        help="keep-alive connections (default: %(default)s)")
    parser.add_argument("--threads", type=int, default=2,
                        help="wrk threads (default: %(default)s)")
    parser.add_argument("--cloudbench", default=str(REPO_DIR / "build" / "app" / "cloudbench"),
                        help="the cloudbench binary (default: build/app/cloudbench)")
    parser.add_argument("--moto-server", default="moto_server",
                        help="moto_server command (default: %(default)s from PATH)")
    parser.add_argument("--out-dir", default=str(BENCH_DIR / "out"),
                        help="results, logs and node_modules (default: bench/out)")
    parser.add_argument("--prepare-budget", type=float, default=60.0,
                        help="seconds allowed to prepare one operation's state, e.g. a queue "
                             "prefill (default: %(default)s)")
    parser.add_argument("--settle", type=float, default=None,
                        help="seconds of quiet before the operations that ask for it (default: "
                             "each operation's own, 40 s before the 1 MiB uploads; none with "
                             "--quick; 0: none)")
    parser.add_argument("--probe-off", action="store_true",
                        help="also run operations not yet switched on for Cloudbench, to show "
                             "how it answers them")
    parser.add_argument("--write-docs", action="store_true",
                        help="write docs/performance.md from this run")
    parser.add_argument("--require-ok", action="store_true",
                        help="exit 1 unless every selected run finished without errors")
    parser.add_argument("--self-test", action="store_true",
                        help="first check the SigV4 signatures replay.lua computes against a "
                             "fake SQS that verifies them (stdlib only; no peer checks them)")
    parser.add_argument("--render", metavar="JSON",
                        help="do not measure: print (and with --write-docs, write) the report "
                             "of a results JSON written by an earlier run")
    parser.add_argument("--list", action="store_true", help="list operations and exit")
    options = parser.parse_args(argv)
    if options.duration is None:
        options.duration = 1 if options.quick else 5
    if options.settle is None and options.quick:
        options.settle = 0.0
    options.distinct = 100 if options.quick else 1000
    options.distinct_objects = 50 if options.quick else 200
    options.distinct_large = 8 if options.quick else 64
    if "moto_server" == options.moto_server and not shutil.which("moto_server"):
        fallback = Path("/root/.pyenv/shims/moto_server")
        if fallback.exists():
            options.moto_server = str(fallback)
    return options


class Context:
    """What an operation's prepare() and sign() get: clients and a signer for one target."""

    def __init__(self, target, signer, options):
        self.signer = signer
        self.secret_key = target.secret_key
        self.distinct = options.distinct
        self.distinct_objects = options.distinct_objects
        self.distinct_large = options.distinct_large
        self.budget = options.prepare_budget
        self.deadline = time.monotonic() + self.budget

    def client(self, service):
        return self.signer.client(service)

    def sign(self, service, operation, **params):
        return self.signer.sign(service, operation, **params)


def describe_answer(status, body):
    """'501 NotImplemented: message' from an AWS error answer (XML or JSON)."""
    text = body[:2000].decode("utf-8", errors="replace")
    code = message = ""
    try:
        data = json.loads(text)
        code = str(data.get("__type") or data.get("code") or data.get("Code") or "")
        code = code.rsplit("#", 1)[-1]
        message = str(data.get("message") or data.get("Message") or "")
    except ValueError:
        found = re.search(r"<Code>(.*?)</Code>", text)
        code = found.group(1) if found else ""
        found = re.search(r"<Message>(.*?)</Message>", text)
        message = found.group(1) if found else text[:120]
    return f"{status} {code}: {message}".strip().rstrip(":")


def is_not_implemented(status, text):
    return status == 501 or "NotImplemented" in text


def new_result(target, op):
    return {"target": target, "op": op.key, "title": op.title, "status": "", "notes": [],
            "ops_per_s": None, "p50_ms": None, "p99_ms": None, "requests": 0, "non2xx": 0,
            "socket_errors": 0, "client_cpu_pct": None, "server_cpu_pct": None}


def run_operation(target, signer, op, options, plan_dir):
    result = new_result(target.name, op)
    result["load"] = report.load_average().split()[0]
    ctx = Context(target, signer, options)
    try:
        state = op.prepare(ctx)
        plan = op.sign(ctx, state)
    except operations.PrepareTimeout as error:
        result["status"] = "skipped"
        result["notes"].append(str(error))
        return result
    except botocore.exceptions.ClientError as error:
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        code = error.response.get("Error", {}).get("Code", "")
        text = f"preparing: {error.operation_name} answered {status} {code}"
        result["status"] = "not implemented" if is_not_implemented(status, code) else "failed"
        result["notes"].append(text)
        return result
    except Exception as error:  # a peer's odd answer must not end the whole run
        result["status"] = "failed"
        result["notes"].append(f"preparing: {type(error).__name__}: {error}"[:300])
        return result
    result["notes"].extend(plan.notes)

    # One request first, checked: an error or a wrong answer is reported, not measured.
    try:
        status, headers, body = replay.send_once(target.port, plan.requests[0].raw())
    except OSError as error:
        result["status"] = "failed"
        result["notes"].append(f"first request: {error}")
        return result
    if not 200 <= status < 300:
        text = describe_answer(status, body)
        result["status"] = "not implemented" if is_not_implemented(status, text) else "failed"
        result["notes"].append(f"first request answered {text}"[:300])
        return result
    complaint = op.check(status, headers, body)
    if complaint:
        result["status"] = "failed"
        result["notes"].append(f"wrong answer: {complaint}")
        return result

    plan_path = replay.write_plan(plan_dir, f"{target.name}-{op.key}", plan)
    try:
        run = replay.run_wrk(plan_path, target.endpoint(), options.connections,
                             options.threads, options.duration, target.cpu_seconds)
    except RuntimeError as error:
        result["status"] = "failed"
        result["notes"].append(str(error)[:300])
        return result
    stats = run["stats"]
    duration = run["duration_us"] / 1e6
    done = stats["deleted"] if plan.mode == "sqs" else stats["ok"]
    cores = os.cpu_count() or 1
    result.update({
        "ops_per_s": done / duration if duration else 0.0,
        "p50_ms": run["latency_us"]["p50"] / 1000,
        "p99_ms": run["latency_us"]["p99"] / 1000,
        "requests": run["requests"],
        "non2xx": stats["non2xx"],
        "socket_errors": sum(run["errors"].values()),
        "client_cpu_pct": 100 * run["client_cpu_s"] / (run["wall_s"] * cores),
        "server_cpu_pct": 100 * run["server_cpu_s"] / (run["wall_s"] * cores),
        "wrk": run,
    })
    result["status"] = "ok" if result["non2xx"] == 0 and result["socket_errors"] == 0 else "errors"
    if stats["first_error"]:
        first = " ".join(re.sub(r"<[^>]*>", " ", stats["first_error"]).split())
        result["notes"].append(f"first error: {first[:160]}")
    if plan.mode == "sqs":
        result["notes"].append(f"{stats['received']:,} received, {stats['deleted']:,} deleted, "
                               f"{stats['sent']:,} refilled")
        if stats["empty"]:
            result["notes"].append(f"{stats['empty']:,} empty receives")
            if stats["empty"] > 0.01 * max(1, stats["received"]):
                result["status"] = "errors"
                result["ran_dry"] = True
    if run["requests"] == 0:
        result["p50_ms"] = result["p99_ms"] = None
    if done == 0 and result["status"] == "ok":
        result["status"] = "no answers"
        result["notes"].append(f"no operation completed within {options.duration} s")
    return result


def selected_operations(options):
    if options.ops == "all":
        return list(operations.OPERATIONS)
    chosen = []
    for key in options.ops.split(","):
        if key not in operations.BY_KEY:
            raise SystemExit(f"bench: unknown operation {key!r} (see --list)")
        chosen.append(operations.BY_KEY[key])
    return chosen


def list_operations():
    for op in operations.OPERATIONS:
        cloudbench = "on" if op.cloudbench else "off"
        print(f"{op.key:28} cloudbench {cloudbench:3}  peers: {', '.join(op.peers) or '-'}")
        print(f"{'':28} {op.title}; {op.variation}")


def tool_version(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=10)
        return (out.stdout + out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "?"


def publish(results, meta, chosen_ops, options, out_dir):
    """Print the report, save it (unless out_dir is None) and, if asked, write the docs page."""
    if out_dir is None:
        markdown = report.results_markdown(results, meta, chosen_ops)
    else:
        path, markdown = report.write_results(out_dir, results, meta, chosen_ops)
        log(f"written {path} and {path.with_suffix('.json')}")
    print(markdown)
    if options.write_docs:
        op_notes = "\n".join(f"- {op.title}: {op.variation}" for op in chosen_ops)
        docs = REPO_DIR / "docs" / "performance.md"
        report.write_docs(docs, results, meta, chosen_ops, op_notes)
        log(f"written {docs}")


def main(argv):
    options = parse_args(argv)
    if options.list:
        list_operations()
        return 0
    if options.render:
        saved = json.loads(Path(options.render).read_text())
        keys = list(dict.fromkeys(r["op"] for r in saved["results"]))
        publish(saved["results"], saved["meta"], [operations.BY_KEY[k] for k in keys],
                options, out_dir=None)
        return 0
    if not shutil.which("wrk"):
        log("wrk is not installed (Debian: wrk)")
        return SKIP_EXIT_CODE
    chosen_ops = selected_operations(options)
    target_names = [t for t in options.targets.split(",") if t]
    for name in target_names:
        if name not in servers.TARGETS:
            raise SystemExit(f"bench: unknown target {name!r}; known: {', '.join(servers.TARGETS)}")

    out_dir = Path(options.out_dir)
    started = datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    log_dir = out_dir / "logs"
    plan_dir = out_dir / "plans"
    log_dir.mkdir(parents=True, exist_ok=True)
    command = "python3 bench/run.py " + " ".join(shlex.quote(a) for a in argv)
    meta = {
        "started": started, "command": command.strip(), "targets": target_names,
        "duration": options.duration, "connections": options.connections,
        "threads": options.threads, "machine": report.machine(),
        "wrk": tool_version(["wrk", "--version"]).split(" [")[0].replace("wrk ", ""),
        "botocore": botocore.__version__, "versions": {}, "target_notes": {},
        "load_start": report.load_average(),
    }
    if options.self_test:
        import selftest
        problem = selftest.run(plan_dir, log)
        if problem:
            log(f"self-test failed: {problem}")
            return 1
        log("self-test passed: Lua-signed DeleteMessage requests verify")
        if not target_names:
            return 0
    results = []
    running = []

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in background
    try:
        for name in target_names:
            wanted = []
            for op in chosen_ops:
                if name in operations.targets_of(op):
                    wanted.append((op, "run"))
                elif name == "cloudbench":
                    wanted.append((op, "run" if options.probe_off else "off"))
            if not wanted:
                continue
            for op, mode in wanted:
                if mode == "off":
                    result = new_result(name, op)
                    result["status"] = "off"
                    results.append(result)
            to_run = [op for op, mode in wanted if mode == "run"]
            if not to_run:
                continue
            target = servers.TARGETS[name](options)
            meta["target_notes"][name] = target.notes
            try:
                if name in servers.NODE_TARGETS:
                    servers.install_node_packages(out_dir, log)
                log(f"starting {name}")
                running.append(target)
                target.start(log_dir)
            except (servers.TargetError, OSError, subprocess.SubprocessError) as error:
                log(f"{name} unavailable: {error}")
                for op in to_run:
                    result = new_result(name, op)
                    result["status"] = "unavailable"
                    result["notes"].append(str(error)[:300])
                    results.append(result)
                target.stop()
                running.remove(target)
                continue
            meta["versions"][name] = target.version()
            signer = signing.Signer(target.endpoint(), target.access_key, target.secret_key)
            for op in to_run:
                settle = op.settle if options.settle is None else options.settle
                if settle > 0:
                    log(f"{name}: {settle:.0f} s of quiet before {op.title}")
                    time.sleep(settle)
                log(f"{name}: {op.title}")
                result = run_operation(target, signer, op, options, plan_dir)
                if target.wait_idle() is None:
                    result["notes"].append("server still busy 60 s after the run")
                summary = (f"{report.rate(result['ops_per_s'])} ops/s"
                           if result["ops_per_s"] is not None else "")
                log(f"{name}: {op.title}: {result['status']} {summary} "
                    f"{'; '.join(result['notes'])}"[:400])
                results.append(result)
            signer.close()
            stopping = time.monotonic()
            target.stop()
            log(f"{name} stopped in {time.monotonic() - stopping:.1f} s")
            running.remove(target)
    finally:
        for target in running:
            target.stop()

    meta["load_end"] = report.load_average()
    order = {op.key: i for i, op in enumerate(operations.OPERATIONS)}
    results.sort(key=lambda r: (target_names.index(r["target"]), order[r["op"]]))
    publish(results, meta, chosen_ops, options, out_dir)
    if options.require_ok:
        bad = [r for r in results if r["status"] != "ok"]
        if bad:
            for r in bad:
                log(f"not ok: {r['target']} {r['title']}: {r['status']} {'; '.join(r['notes'])}")
            return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        log("interrupted; servers stopped")
        sys.exit(130)
