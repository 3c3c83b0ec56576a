# SPDX-License-Identifier: MIT
"""Markdown and JSON output: the per-run results file and docs/performance.md."""

import json
import os
import platform
from pathlib import Path

# Shown beside our figures for reference (DESIGN.md, "Performance anchors", 2026-11-23).
ANCHORS = """\
| Operation | moto 5.2 | dynalite 4.0 | s3rver 3.7 | sqslite 2.1 |
|---|---|---|---|---|
| SQS SendMessage | 72 | | | 6,944 |
| S3 PutObject 1 KiB / GetObject 1 KiB | 309 / 340 | | 1,431 / 1,700 | |
| S3 PutObject 1 MiB | 192 | | 228 | |
| DynamoDB PutItem / GetItem | 404 / 345 | 7,096 / 8,297 | | |
| DynamoDB Query, 100 items of a 10k partition | 3.7 | 982 | | |
| CloudWatch PutMetricData | 195 | | | |
"""

STATUS_TEXT = {
    "not implemented": "not implemented",
    "failed": "failed",
    "skipped": "skipped: prefill too slow",
    "unavailable": "target unavailable",
    "off": "off",
}


def machine():
    info = {"nproc": os.cpu_count(), "cpu": "?", "memory": "?", "os": "?",
            "kernel": platform.release()}
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                info["memory"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                info["os"] = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return info


def load_average():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


def rate(value):
    if value is None:
        return ""
    if value < 10:
        return f"{value:.1f}"
    return f"{value:,.0f}"


def millis(value):
    if value is None:
        return ""
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    if value >= 10:
        return f"{value:.0f} ms"
    return f"{value:.2f} ms"


def percent(value):
    return "" if value is None else f"{value:.0f} %"


def cell(result):
    """One side-by-side cell: throughput when the run was clean, otherwise what went wrong."""
    if result is None:
        return "–"
    status = result["status"]
    if status == "ok":
        return rate(result["ops_per_s"])
    if status == "errors":
        errors = result["non2xx"] + result["socket_errors"]
        why = (f"{errors:,} error{'s' if errors != 1 else ''}" if errors else "queue ran dry")
        return f"⚠ {rate(result['ops_per_s'])} ({why})"
    if status == "no answers":
        return "⚠ no answer in time"
    return STATUS_TEXT.get(status, status)


def detail_table(results):
    lines = ["| Target | Operation | ops/s | p50 | p99 | non-2xx | client CPU | server CPU | "
             "load | status and notes |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|---|"]
    for r in results:
        ran = r["status"] in ("ok", "errors", "no answers")
        notes = "; ".join(r["notes"])
        errors = f"{r['non2xx']:,}" if ran else ""
        if ran and r["socket_errors"]:
            errors += f" (+{r['socket_errors']:,} socket)"
        status = "ok" if r["status"] == "ok" else f"**{r['status']}**"
        lines.append(
            f"| {r['target']} | {r['title']} | {rate(r['ops_per_s']) if ran else ''} | "
            f"{millis(r['p50_ms'])} | {millis(r['p99_ms'])} | {errors} | "
            f"{percent(r['client_cpu_pct'])} | {percent(r['server_cpu_pct'])} | "
            f"{r.get('load', '')} | {status}{': ' + notes if notes else ''} |")
    return "\n".join(lines) + "\n"


def side_by_side(results, targets, ops, value):
    by_key = {(r["target"], r["op"]): r for r in results}
    used = [t for t in targets if any(r["target"] == t for r in results)]
    lines = ["| Operation | " + " | ".join(used) + " |",
             "|---|" + "|".join("--:" for _ in used) + "|"]
    for op in ops:
        if not any((t, op.key) in by_key for t in used):
            continue
        cells = [value(by_key.get((t, op.key))) for t in used]
        lines.append(f"| {op.title} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def latency_cell(result):
    if result is None or result["p50_ms"] is None:
        return cell(result)
    return f"{millis(result['p50_ms'])} / {millis(result['p99_ms'])}"


def method_text(meta):
    return (
        f"wrk {meta['wrk']} replays requests signed in advance with botocore {meta['botocore']} "
        f"(SigV4, credentials test/test, region us-east-1; s3rver needs its own S3RVER key) "
        f"over {meta['connections']} keep-alive connections from {meta['threads']} wrk threads, "
        f"{meta['duration']} s per operation, one fresh server per target on 127.0.0.1. "
        f"ops/s counts 2xx answers only (for ReceiveMessage+DeleteMessage: messages deleted). "
        f"p50/p99 are wrk's latency distribution over all requests of the run. "
        f"Client CPU is wrk's own CPU time (wait4) over wall time x {meta['machine']['nproc']} "
        f"cores; server CPU is the same for the server's process tree (/proc)."
    )


def results_markdown(results, meta, ops):
    lines = [f"# Benchmark run {meta['started']}", "",
             f"Command: `{meta['command']}`", "", method_text(meta), "",
             f"Load average at the start: {meta['load_start']}; at the end: {meta['load_end']}.",
             "", "Versions: " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()), "",
             "## ops/s", "", side_by_side(results, meta["targets"], ops, cell),
             "## p50 / p99 latency", "",
             side_by_side(results, meta["targets"], ops, latency_cell),
             "## Details", "", detail_table(results)]
    return "\n".join(lines)


def write_results(out_dir, results, meta, ops):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = "results-" + meta["started"].replace(":", "").replace(" ", "-")
    markdown = results_markdown(results, meta, ops)
    (out / f"{stem}.md").write_text(markdown)
    (out / f"{stem}.json").write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    return out / f"{stem}.md", markdown


def busy_warning(meta):
    """A warning paragraph when the machine was busy with other work during the run."""
    try:
        load = float(meta["load_start"].split()[0])
    except (ValueError, IndexError):
        return ""
    cores = meta["machine"]["nproc"] or 1
    if load <= cores:
        return ""
    return (f"**This run was made on a busy machine** (1-minute load average {load:.1f} on "
            f"{cores} cores, from other work): the servers got only part of the CPU (see the "
            f"server CPU column), so the absolute figures are depressed. Compare the columns "
            f"of this run with each other rather than with the reference anchors below, and "
            f"rerun on a quiet machine for absolute figures.\n\n")


def other_measurements():
    """bench/other-measurements.md: dated figures from tools other than the wrk replay."""
    notes = Path(__file__).with_name("other-measurements.md")
    return notes.read_text() if notes.exists() else ""


def write_docs(path, results, meta, ops, op_notes):
    m = meta["machine"]
    versions = "\n".join(f"- {name}: {version}" for name, version in meta["versions"].items())
    target_notes = "\n".join(f"- {name}: {note}" for name, note in meta["target_notes"].items()
                             if note)
    text = f"""# Performance

Generated by `{meta['command']}` on {meta['started']}. Rerun that command to refresh this page;
edit bench/ rather than this file. How the harness works: bench/README.md.

{busy_warning(meta)}## Machine

- {m['nproc']} cores: {m['cpu']}
- memory: {m['memory']}
- {m['os']}, Linux {m['kernel']}
- load average (1, 5, 15 min) at the start: {meta['load_start']}; at the end: {meta['load_end']}

The load generator and the server share these cores, so every row also shows the client's CPU
share: a low figure means wrk was not the bottleneck. The machine is shared with other work: a
load average well above the core count means the figures are depressed and noisy (the details
table gives the 1-minute load average when each operation started).

## Method

{method_text(meta)}

Versions:

{versions}

Target set-up:

{target_notes}

## ops/s

Higher is better. "⚠" marks a run that had non-2xx answers or socket errors: its figure is not
a clean throughput. "not implemented" means the target answered 501/NotImplemented (while
preparing state or to the operation itself); "off" means the operation is not yet switched on
for Cloudbench in bench/ops.py; "skipped: prefill too slow" means preparing the state (e.g.
filling the queue to its depth) did not finish within the harness's budget; "⚠ no answer in
time" means not one operation completed within the run; "–" means the peer does not offer the
service.

{side_by_side(results, meta['targets'], ops, cell)}
## p50 / p99 latency

{side_by_side(results, meta['targets'], ops, latency_cell)}
## Details

{detail_table(results)}
How each operation varies its requests:

{op_notes}

{other_measurements()}
## Reference: DESIGN.md anchors

Not measured by this run: the figures recorded in DESIGN.md ("Performance anchors", same
machine, same load generator, 2026-11-23), for comparison.

{ANCHORS}"""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text)
