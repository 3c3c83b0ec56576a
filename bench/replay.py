# SPDX-License-Identifier: MIT
"""Write a replay plan for replay.lua, run wrk on it, and measure what wrk itself cost."""

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
LUA_SCRIPT = BENCH_DIR / "replay.lua"
RESULT_MARKER = "CBBENCH_RESULT "


def lua_string(value):
    """A Lua string literal for bytes or str; every byte that is not plain ASCII is escaped."""
    if isinstance(value, str):
        value = value.encode("utf-8")
    out = ['"']
    for byte in value:
        if 32 <= byte < 127 and byte not in (34, 92):
            out.append(chr(byte))
        else:
            out.append(f"\\{byte:03d}")
    out.append('"')
    return "".join(out)


def write_plan(directory, name, plan):
    """Write <name>.bin (the raw requests back to back) and <name>.lua (the plan); return the
    plan's path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    raws = [r.raw() for r in plan.requests]
    data_path = directory / f"{name}.bin"
    data_path.write_bytes(b"".join(raws))
    lines = ["return {",
             f"  mode = {lua_string(plan.mode)},",
             f"  data = {lua_string(str(data_path))},",
             "  lengths = {" + ", ".join(str(len(r)) for r in raws) + "},"]
    template = plan.delete_template
    if template is not None:
        lines += [
            "  delete = {",
            f"    head = {lua_string(template.head)},",
            f"    authorization_prefix = {lua_string(template.authorization_prefix)},",
            f"    body_before = {lua_string(template.body_before)},",
            f"    body_after = {lua_string(template.body_after)},",
            f"    canonical_prefix = {lua_string(template.canonical_prefix)},",
            f"    amz_date = {lua_string(template.amz_date)},",
            f"    scope = {lua_string(template.scope)},",
            f"    key_hex = {lua_string(template.key.hex())},",
            f"    placeholder = {lua_string(template.placeholder)},",
            f"    expected_signature = {lua_string(template.expected_signature)},",
            "  },",
        ]
    lines.append("}")
    plan_path = directory / f"{name}.lua"
    plan_path.write_text("\n".join(lines) + "\n")
    return plan_path


def send_once(port, raw, timeout=60):
    """Send one raw request on a fresh connection: (status, headers, body)."""
    method = raw.split(b" ", 1)[0].decode("ascii")
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(raw)
        response = http.client.HTTPResponse(sock, method=method)
        response.begin()
        body = response.read()
        return response.status, dict(response.getheaders()), body


def run_wrk(plan_path, url, connections, threads, duration, server_cpu):
    """Run wrk for `duration` seconds. Returns the Lua result plus wall and CPU figures.

    wrk's own CPU time comes from wait4() on its pid, so nothing else is counted in it;
    `server_cpu` is a callable giving the server's CPU seconds so far.
    """
    duration = max(1, round(duration))  # wrk takes whole seconds
    timeout = max(10, 2 * duration)  # slow servers answer late, not never: count them
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s",
               "--timeout", f"{timeout}s", "-s", str(LUA_SCRIPT), url, "--",
               str(plan_path), str(threads)]
    out_path = Path(plan_path).with_suffix(".wrk.txt")
    server_before = server_cpu()
    started = time.monotonic()
    with open(out_path, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = started + duration + 60
        try:
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() > deadline:
                    os.killpg(process.pid, signal.SIGKILL)
                    pid, status, usage = os.wait4(process.pid, 0)
                    break
                time.sleep(0.02)
        except BaseException:
            os.killpg(process.pid, signal.SIGKILL)
            os.wait4(process.pid, 0)
            process.returncode = -signal.SIGKILL
            raise
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    server_used = server_cpu() - server_before
    text = out_path.read_text(errors="replace")
    result = None
    for line in text.splitlines():
        if line.startswith(RESULT_MARKER):
            result = json.loads(line[len(RESULT_MARKER):])
    if result is None:
        raise RuntimeError(f"wrk gave no result (exit {process.returncode}): {text[-500:]}")
    result["wall_s"] = wall
    result["client_cpu_s"] = usage.ru_utime + usage.ru_stime
    result["server_cpu_s"] = server_used
    return result
