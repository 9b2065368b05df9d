"""End-to-end figures: a hello app under a real server on loopback.

Two servers: granian (its WSGI interface, one worker) and gunicorn (two
sync workers). ``measure`` starts one with one app, waits until it
answers, loads it with wrk (``loadgen.py`` when wrk is missing) and stops
it. The app is ``hello_app.from_environment``, told which framework to
build by ``BENCH_APP``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class ServerResult:
    requests_per_second: float
    errors: int
    tool: str


@dataclass(frozen=True)
class Server:
    """How to start one server configuration, and how hard to load it."""

    label: str
    program: str  # "granian" or "gunicorn"
    options: tuple[str, ...] = field(default=())
    wrk_threads: int = 2
    connections: int = 32

    def command(self, port: int) -> list[str]:
        if self.program == "granian":
            return [
                sys.executable,
                "-m",
                "granian",
                "--interface",
                "wsgi",
                "--workers",
                "1",
                *self.options,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
                "--working-dir",
                str(HERE),
                "--factory",
                "hello_app:from_environment",
            ]
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            *self.options,
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--chdir",
            str(HERE),
            "hello_app:from_environment()",
        ]


# One worker: one Python thread, or granian's default pool (up to 512
# threads, started as concurrent requests need them). wrk gets one thread:
# the two cores are shared by the worker's Python and Rust threads and wrk.
GRANIAN = Server(
    "granian, 1 thread", "granian", ("--blocking-threads", "1"), wrk_threads=1
)
GRANIAN_DEFAULT = Server("granian, default threads", "granian", wrk_threads=1)
GUNICORN = Server("gunicorn", "gunicorn")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_serving(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/", timeout=1
            ) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not start serving on port {port}")


def parse_wrk(out: str, tool: str) -> ServerResult:
    """Requests per second and errors (socket errors plus non-2xx/3xx
    answers) from wrk's report."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = 0
    for match in re.finditer(r"(connect|read|write|timeout) (\d+)", out):
        errors += int(match.group(2))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    return ServerResult(rps, errors, tool)


def _wrk(port: int, seconds: float, threads: int, connections: int) -> ServerResult:
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, int(seconds))}s",
        f"http://127.0.0.1:{port}/",
    ]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return parse_wrk(out, f"wrk -t{threads} -c{connections}")


def _python_load(port: int, seconds: float, connections: int = 32) -> ServerResult:
    out = subprocess.run(
        [
            sys.executable,
            str(HERE / "loadgen.py"),
            str(port),
            str(seconds),
            str(connections),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(out)
    return ServerResult(
        result["requests"] / result["seconds"],
        int(result["errors"]),
        f"loadgen.py, {connections} connections",
    )


class Serving:
    """``with Serving(server, app) as port``: the server runs, answering,
    for the block's duration (its process is ``.process``)."""

    def __init__(self, server: Server, app: str, env: dict[str, str] | None = None):
        self.server = server
        self.app = app
        self.env = {**os.environ, "BENCH_APP": app, **(env or {})}
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> int:
        self.process = subprocess.Popen(
            self.server.command(self.port),
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_until_serving(self.port)
        except BaseException:
            self.__exit__()
            raise
        return self.port

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def load(port: int, seconds: float, server: Server) -> ServerResult:
    """Load ``port`` for ``seconds`` the way ``server``'s figure is taken."""
    if shutil.which("wrk"):
        return _wrk(port, seconds, server.wrk_threads, server.connections)
    return _python_load(port, seconds, server.connections)


def measure(app: str, seconds: float, server: Server = GUNICORN) -> ServerResult:
    """Serve ``app``'s hello (see ``hello_app.create_app``) with ``server``
    and load it for ``seconds``."""
    with Serving(server, app) as port:
        return load(port, seconds, server)


def rounds(
    server: Server, apps: Sequence[str], count: int, seconds: float
) -> dict[str, list[ServerResult]]:
    """``count`` runs of each app, the apps alternating within each round,
    so a change in the machine's load falls on all of them alike."""
    runs: dict[str, list[ServerResult]] = {app: [] for app in apps}
    for _ in range(count):
        for app in apps:
            runs[app].append(measure(app, seconds, server))
    return runs
