"""End-to-end figure: a framework's hello app under gunicorn on loopback."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class ServerResult:
    requests_per_second: float
    errors: int
    tool: str


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
    raise RuntimeError(f"gunicorn did not start serving on port {port}")


def _wrk(port: int, seconds: float) -> ServerResult:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c32",
            f"-d{max(1, int(seconds))}s",
            f"http://127.0.0.1:{port}/",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = 0
    for match in re.finditer(r"(connect|read|write|timeout) (\d+)", out):
        errors += int(match.group(2))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    return ServerResult(rps, errors, "wrk -t2 -c32")


def _python_load(port: int, seconds: float) -> ServerResult:
    out = subprocess.run(
        [sys.executable, str(HERE / "loadgen.py"), str(port), str(seconds), "32"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(out)
    return ServerResult(
        result["requests"] / result["seconds"],
        int(result["errors"]),
        "loadgen.py, 32 connections",
    )


def measure(framework: str, seconds: float) -> ServerResult:
    """Serve ``framework``'s hello app with gunicorn and load it for ``seconds``."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--chdir",
            str(HERE),
            f"hello_app:create_app('{framework}')",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_serving(port)
        if shutil.which("wrk"):
            return _wrk(port, seconds)
        return _python_load(port, seconds)
    finally:
        server.terminate()
        server.wait(timeout=15)
