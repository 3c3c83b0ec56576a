# SPDX-License-Identifier: MIT
"""The servers under test: how to start each on a free loopback port, and how to stop it.

Every server runs in its own process group so that stopping it also ends anything it started.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

HOST = "127.0.0.1"
BENCH_DIR = Path(__file__).resolve().parent

# Peers installed from npm into <out>/node_modules; exact versions (and the lock file) live in
# bench/npm/ so every run measures the same code.
NPM_PACKAGES = {"dynalite": "4.0.0", "s3rver": "3.7.1", "sqslite": "2.1.1"}


class TargetError(Exception):
    """A target could not be started."""


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def port_open(port):
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def process_tree_cpu(pid):
    """CPU seconds (user + system) used so far by `pid` and its living descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    children = {}
    times = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child = int(entry)
        children.setdefault(int(fields[1]), []).append(child)
        times[child] = (int(fields[11]) + int(fields[12])) / tick
    total = 0.0
    stack = [pid]
    while stack:
        current = stack.pop()
        total += times.get(current, 0.0)
        stack.extend(children.get(current, []))
    return total


class Target:
    name = ""
    access_key = "test"
    secret_key = "test"
    notes = ""

    def __init__(self, options):
        self.options = options
        self.process = None
        self.port = None
        self.workdir = None
        self.log_path = None

    # Subclasses give the command line for a port and a state folder.
    def command(self, port, state_dir):
        raise NotImplementedError

    def version(self):
        return "?"

    # The name in the endpoint URL (and so in Host and in the signature); always loopback.
    host_name = HOST

    def endpoint(self):
        return f"http://{self.host_name}:{self.port}"

    def start(self, log_dir):
        self.workdir = Path(tempfile.mkdtemp(prefix=f"cbbench-{self.name}-"))
        self.port = free_port()
        command = self.command(self.port, self.workdir / "state")
        (self.workdir / "state").mkdir(exist_ok=True)
        self.log_path = Path(log_dir) / f"{self.name}.log"
        log = open(self.log_path, "wb")
        try:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                cwd=self.workdir, start_new_session=True)
        except OSError as error:
            raise TargetError(f"cannot run {command[0]}: {error}") from error
        finally:
            log.close()
        self.wait_ready()

    def wait_ready(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise TargetError(f"exited with code {self.process.returncode}: {self.log_tail()}")
            if port_open(self.port):
                return
            time.sleep(0.1)
        raise TargetError(f"not listening on port {self.port} after {timeout} s")

    def log_tail(self):
        try:
            text = self.log_path.read_text(errors="replace").strip()
        except OSError:
            return ""
        return " | ".join(text.splitlines()[-3:])[-300:]

    def cpu_seconds(self):
        return process_tree_cpu(self.process.pid) if self.process else 0.0

    def wait_idle(self, limit=60.0, interval=0.3):
        """Wait until the server has finished the work wrk left in flight (it keeps answering
        requests wrk gave up on), so the next operation starts on a quiet server. Returns the
        seconds waited, or None when it never went quiet within `limit`."""
        started = time.monotonic()
        before = self.cpu_seconds()
        while time.monotonic() - started < limit:
            time.sleep(interval)
            now = self.cpu_seconds()
            if now - before < 0.1 * interval:
                return time.monotonic() - started
            before = now
        return None

    def stop(self):
        if self.process and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
        self.process = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


class Cloudbench(Target):
    name = "cloudbench"

    def binary(self):
        return Path(self.options.cloudbench).resolve()

    def command(self, port, state_dir):
        return [str(self.binary()), "--headless", "--port", str(port),
                "--state-dir", str(state_dir)]

    def wait_ready(self, timeout=30):
        # The app announces "listening on http://127.0.0.1:PORT" once the endpoint is up.
        deadline = time.monotonic() + timeout
        pattern = re.compile(rb"listening on http://[\d.]+:(\d+)")
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise TargetError(f"exited with code {self.process.returncode}: {self.log_tail()}")
            match = pattern.search(self.log_path.read_bytes())
            if match:
                self.port = int(match.group(1))
                return
            time.sleep(0.05)
        raise TargetError(f"did not print 'listening on' within {timeout} s: {self.log_tail()}")

    def version(self):
        try:
            out = subprocess.run([str(self.binary()), "--version"], capture_output=True,
                                 text=True, timeout=10, env={**os.environ,
                                                             "QT_QPA_PLATFORM": "offscreen"})
            version = out.stdout.strip().replace("cloudbench ", "") or "?"
        except (OSError, subprocess.TimeoutExpired):
            version = "?"
        return f"{version} ({self.build_type()})"

    def build_type(self):
        """The CMAKE_BUILD_TYPE of the build tree holding the binary: figures from an
        unoptimised build say little."""
        for folder in list(self.binary().parents)[:3]:
            cache = folder / "CMakeCache.txt"
            if cache.exists():
                for line in cache.read_text(errors="replace").splitlines():
                    if line.startswith("CMAKE_BUILD_TYPE:"):
                        value = line.split("=", 1)[1].strip()
                        return f"CMAKE_BUILD_TYPE={value}" if value else \
                            "no CMAKE_BUILD_TYPE: unoptimised"
        return "build type unknown"


def resolve_moto_server(name):
    """The real moto_server script behind a pyenv shim, so that we start (and stop) the server
    itself and can ask its interpreter for moto's version."""
    path = shutil.which(name) or name
    if "/shims/" in path:
        pyenv = Path(path).parent.parent / "libexec" / "pyenv"
        try:
            real = subprocess.run([str(pyenv), "which", "moto_server"], capture_output=True,
                                  text=True, timeout=20).stdout.strip()
            if real:
                return real
        except (OSError, subprocess.TimeoutExpired):
            pass
    return path


class Moto(Target):
    name = "moto"
    notes = "moto_server (Flask/werkzeug, threaded), in memory"

    def __init__(self, options):
        super().__init__(options)
        self.script = resolve_moto_server(options.moto_server)

    def interpreter(self):
        try:
            with open(self.script) as f:
                first = f.readline().strip()
            if first.startswith("#!") and "python" in first:
                return first[2:].split()[0]
        except (OSError, UnicodeDecodeError):
            pass
        return None

    def command(self, port, state_dir):
        return [self.script, "-H", HOST, "-p", str(port)]

    def version(self):
        python = self.interpreter()
        if not python:
            return "?"
        try:
            code = "import moto, sys; print(moto.__version__, '(Python', sys.version.split()[0] + ')')"
            return subprocess.run([python, "-c", code], capture_output=True, text=True,
                                  timeout=60).stdout.strip() or "?"
        except (OSError, subprocess.TimeoutExpired):
            return "?"


class NodeTarget(Target):
    package = ""

    def bin(self, name):
        return str(Path(self.options.out_dir) / "node_modules" / ".bin" / name)

    def version(self):
        path = Path(self.options.out_dir) / "node_modules" / self.package / "package.json"
        try:
            version = json.loads(path.read_text())["version"]
        except (OSError, ValueError, KeyError):
            version = "?"
        try:
            node = subprocess.run(["node", "--version"], capture_output=True, text=True,
                                  timeout=10).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            node = "?"
        return f"{version} (node {node})"


class Dynalite(NodeTarget):
    name = package = "dynalite"
    notes = "LevelDB in a temporary folder (--path); CreateTable delay set to 0"

    def command(self, port, state_dir):
        return [self.bin("dynalite"), "--host", HOST, "--port", str(port),
                "--path", str(state_dir), "--createTableMs", "0"]


class S3rver(NodeTarget):
    name = package = "s3rver"
    # s3rver only knows its built-in account and does not check SigV4 signatures at all: it
    # needs these credentials and --allow-mismatched-signatures for any SigV4 client.
    access_key = "S3RVER"
    secret_key = "S3RVER"
    notes = "files in a temporary folder; credentials S3RVER/S3RVER, --allow-mismatched-signatures"

    def command(self, port, state_dir):
        return [self.bin("s3rver"), "-d", str(state_dir), "-a", HOST, "-p", str(port),
                "--silent", "--allow-mismatched-signatures", "--no-vhost-buckets"]


class Sqslite(NodeTarget):
    name = package = "sqslite"
    # sqslite only recognises queue URLs of the form http://localhost:PORT/queues/NAME.
    host_name = "localhost"
    notes = "in memory; addressed as localhost (its queue URLs require that name)"

    def command(self, port, state_dir):
        return [self.bin("sqslite"), "--host", HOST, "--port", str(port)]


TARGETS = {cls.name: cls for cls in (Cloudbench, Moto, Dynalite, S3rver, Sqslite)}
NODE_TARGETS = {"dynalite", "s3rver", "sqslite"}


def install_node_packages(out_dir, log):
    """npm ci the pinned peers into <out_dir>/node_modules (skipped when already in place)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lock = (BENCH_DIR / "npm" / "package-lock.json").read_bytes()
    stamp = out / "node_modules" / ".cbbench-lock.json"
    if stamp.exists() and stamp.read_bytes() == lock:
        return
    shutil.copy(BENCH_DIR / "npm" / "package.json", out / "package.json")
    (out / "package-lock.json").write_bytes(lock)
    npm = shutil.which("npm")
    if not npm:
        raise TargetError("npm is not installed")
    log("installing dynalite, s3rver and sqslite with npm ci ...")
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
        cwd=out, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise TargetError(f"npm ci failed: {result.stderr.strip()[-400:]}")
    stamp.write_bytes(lock)
